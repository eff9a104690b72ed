import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import {
  getTicketSettings,
  listTicketCategories,
  updateTicketSettings,
  upsertTicketCategory,
  type Actor,
  type OperationContract,
  type OperationRequest,
  type OperationResponse,
} from '@atrium/contracts';
import { atLeast } from '@atrium/kernel';
import { RequestClient } from '@atrium/messaging';
import { Access, CurrentActor } from '../auth/access.js';
import { checkedRequest } from '../graphql/checked-request.js';
import type { GatewayContext } from '../graphql/gateway-context.js';
import {
  ApprovalLimits,
  ApprovalLimitsInput,
  TicketCategory,
  TicketSettings,
  UpdateTicketSettingsInput,
  UpsertTicketCategoryInput,
} from './dto/ticket-config.types.js';

const MANAGERS = { kinds: ['staff'] as const, staffRoles: atLeast('MANAGER') };

/** Compensation kinds as the service names them, and as the graph does. */
const KIND_FIELDS = [
  ['POINTS', 'points'],
  ['COUPON', 'coupon'],
  ['GIFT_CARD', 'giftCard'],
  ['REFUND', 'refund'],
  ['EXTRA_SERVICE', 'extraService'],
  ['APOLOGY', 'apology'],
] as const;

type LimitsView = OperationResponse<typeof getTicketSettings>['approvalLimits'][number];
type LimitsChange = NonNullable<OperationRequest<typeof updateTicketSettings>['approvalLimits']>[number];

const settingsOf = (v: OperationResponse<typeof getTicketSettings>): TicketSettings => ({
  ...v,
  approvalLimits: v.approvalLimits.map(
    (l: LimitsView): ApprovalLimits =>
      ({
        level: l.level,
        ...Object.fromEntries(KIND_FIELDS.map(([kind, field]) => [field, l[kind]])),
      }) as ApprovalLimits,
  ),
  updatedAt: new Date(v.updatedAt),
});

/** The kinds given (absent ones stay; null is no limit). */
const limitsChangeOf = (input: ApprovalLimitsInput): LimitsChange => ({
  level: input.level,
  ...Object.fromEntries(
    KIND_FIELDS.filter(([, field]) => input[field] !== undefined).map(([kind, field]) => [
      kind,
      input[field],
    ]),
  ),
});

/** The category taxonomy and the calendar/settings of tickets; the tickets service checks roles again. */
@Resolver()
export class TicketConfigResolver {
  constructor(private readonly requests: RequestClient) {}

  private send<O extends OperationContract>(
    op: O,
    request: OperationRequest<O>,
    actor: Actor,
    context: GatewayContext,
  ): Promise<OperationResponse<O>> {
    return this.requests.send(op, checkedRequest(op, request, 'input'), {
      context: context.contextFor(actor),
    });
  }

  @Query(() => [TicketCategory], {
    description:
      'Complaint categories in display order; anyone (the complaint form). includeInactive: staff only.',
  })
  async ticketCategories(
    @Args('includeInactive', { defaultValue: false }) includeInactive: boolean,
    @Context() context: GatewayContext,
  ): Promise<TicketCategory[]> {
    const actor = await context.actor();
    return (await this.send(listTicketCategories, { includeInactive }, actor, context)).items;
  }

  @Mutation(() => TicketCategory, { description: 'Creates or changes a category (managers and above).' })
  @Access(MANAGERS)
  upsertTicketCategory(
    @Args('input') input: UpsertTicketCategoryInput,
    @CurrentActor() actor: Actor,
    @Context() context: GatewayContext,
  ): Promise<TicketCategory> {
    return this.send(upsertTicketCategory, { ...input, nameZh: input.nameZh ?? null }, actor, context);
  }

  @Query(() => TicketSettings, { description: 'The business calendar and ticket settings (staff).' })
  @Access({ kinds: ['staff'] })
  async ticketSettings(
    @CurrentActor() actor: Actor,
    @Context() context: GatewayContext,
  ): Promise<TicketSettings> {
    return settingsOf(await this.send(getTicketSettings, {}, actor, context));
  }

  @Mutation(() => TicketSettings, {
    description:
      'Changes the calendar and settings (managers and above); SLA targets computed afterwards use them.',
  })
  @Access(MANAGERS)
  async updateTicketSettings(
    @Args('input') input: UpdateTicketSettingsInput,
    @CurrentActor() actor: Actor,
    @Context() context: GatewayContext,
  ): Promise<TicketSettings> {
    // GraphQL null on a list or number means "not given"; only the time zone has a meaning for null.
    const change = Object.fromEntries(
      Object.entries({ ...input }).filter(
        ([key, value]) => value !== undefined && (value !== null || key === 'timeZone'),
      ),
    ) as OperationRequest<typeof updateTicketSettings>;
    if (input.approvalLimits) change.approvalLimits = input.approvalLimits.map(limitsChangeOf);
    return settingsOf(await this.send(updateTicketSettings, change, actor, context));
  }
}
