import { Args, Context, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import {
  acknowledgeTicket,
  addTicketNote,
  advanceAfterSales,
  approveCompensation,
  assignTicket,
  closeTicket,
  escalateTicket,
  getTicket,
  grantCompensation,
  listSlaPolicies,
  listTickets,
  openTicket,
  pauseTicket,
  proposeResolution,
  reopenTicket,
  resolveTicket,
  respondToProposal,
  ticketStats,
  upsertSlaPolicy,
  type Actor,
  type OperationContract,
  type OperationRequest,
  type OperationResponse,
} from '@atrium/contracts';
import { atLeast } from '@atrium/kernel';
import { RequestClient } from '@atrium/messaging';
import { badInput, unauthenticated } from '@atrium/platform';
import { Access, CurrentActor } from '../auth/access.js';
import { checkedRequest } from '../graphql/checked-request.js';
import type { GatewayContext } from '../graphql/gateway-context.js';
import { PageInfo } from '../graphql/page-info.js';
import { StoreDirectory } from '../points/store-directory.js';
import {
  AfterSalesStepDetailsInput,
  CompensationKindEnum,
  DepartmentEnum,
  EscalationReasonEnum,
  NoteVisibilityEnum,
  OpenTicketInput,
  PauseReasonEnum,
  SlaPolicy,
  Ticket,
  TicketConnection,
  TicketFilterInput,
  TicketLevelEnum,
  TicketStats,
  TicketStatsFilterInput,
  UpsertSlaPolicyInput,
} from './dto/ticket.types.js';

const WORKERS = { kinds: ['staff', 'partner'] as const };
const STAFF = { kinds: ['staff'] as const };

/**
 * Tickets in the graph. The gateway admits actor kinds and resolves stores to tenants; the
 * tickets service decides everything else (ownership, tenant, level, limits, transitions).
 */
@Resolver(() => Ticket)
export class TicketsResolver {
  constructor(
    private readonly requests: RequestClient,
    private readonly stores: StoreDirectory,
  ) {}

  private send<O extends OperationContract>(
    op: O,
    request: OperationRequest<O>,
    actor: Actor,
    context: GatewayContext,
    key?: string,
  ): Promise<OperationResponse<O>> {
    return this.requests.send(op, checkedRequest(op, request, 'input'), {
      context: context.contextFor(actor),
      ...(key ? { key } : {}),
    });
  }

  private async ticketOp<O extends OperationContract>(
    op: O,
    request: OperationRequest<O> & { number: string },
    actor: Actor,
    context: GatewayContext,
  ): Promise<Ticket> {
    return Ticket.from((await this.send(op, request, actor, context, request.number)) as never);
  }

  @Query(() => Ticket, {
    description:
      'One ticket by number: a member only its own, a tenant only its stores’ (tickets:read), staff any.',
  })
  @Access({ kinds: ['member', 'staff', 'partner'] })
  ticket(
    @Args('number') number: string,
    @CurrentActor() actor: Actor,
    @Context() context: GatewayContext,
  ): Promise<Ticket> {
    return this.ticketOp(getTicket, { number }, actor, context);
  }

  @Query(() => TicketConnection, {
    description: 'The staff queue (or a tenant’s tickets), sorted by nearest due time.',
  })
  @Access(WORKERS)
  async tickets(
    @Args('filter', { type: () => TicketFilterInput, nullable: true }) filter: TicketFilterInput | null,
    @Args('first', { type: () => Int, defaultValue: 20, description: '1 to 100.' }) first: number,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
    @CurrentActor() actor: Actor,
    @Context() context: GatewayContext,
  ): Promise<TicketConnection> {
    return this.page({ filter: { ...(filter ?? {}) }, first, after }, actor, context);
  }

  @Query(() => TicketConnection, { description: 'The signed-in member’s own tickets.' })
  @Access({ kinds: ['member'] })
  myTickets(
    @Args('first', { type: () => Int, defaultValue: 20 }) first: number,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
    @CurrentActor() actor: Actor,
    @Context() context: GatewayContext,
  ): Promise<TicketConnection> {
    return this.page({ filter: {}, first, after }, actor, context);
  }

  private async page(
    request: OperationRequest<typeof listTickets>,
    actor: Actor,
    context: GatewayContext,
  ): Promise<TicketConnection> {
    const first = request.first ?? 20;
    if (first < 1 || first > 100) throw badInput('first', 'must be between 1 and 100');
    const page = await this.send(listTickets, request, actor, context);
    return {
      edges: page.items.map((t, i) => ({ cursor: page.cursors[i]!, node: Ticket.from(t) })),
      pageInfo: PageInfo.forward(page.cursors, page.hasNextPage),
    };
  }

  @Query(() => TicketStats, { description: 'Statistics for a period (staff; a tenant only its own stores).' })
  @Access(WORKERS)
  ticketStats(
    @Args('filter') filter: TicketStatsFilterInput,
    @CurrentActor() actor: Actor,
    @Context() context: GatewayContext,
  ): Promise<TicketStats> {
    return this.send(
      ticketStats,
      { from: filter.from.toISOString(), to: filter.to.toISOString(), storeId: filter.storeId ?? null },
      actor,
      context,
    );
  }

  @Query(() => [SlaPolicy], { description: 'SLA policies in matching order (staff).' })
  @Access(STAFF)
  async slaPolicies(@CurrentActor() actor: Actor, @Context() context: GatewayContext): Promise<SlaPolicy[]> {
    return (await this.send(listSlaPolicies, {}, actor, context)).items;
  }

  @Mutation(() => Ticket, {
    description:
      'Opens a ticket. Members for themselves, staff for anyone, tenants for their own stores (tickets:write); without signing in only with contact details.',
  })
  async openTicket(
    @Args('input') input: OpenTicketInput,
    @Context() context: GatewayContext,
  ): Promise<Ticket> {
    const actor = await context.actor();
    let tenantId: string | null = null;
    if (input.storeId) {
      const store = await this.stores.find(input.storeId);
      if (!store) throw badInput('input.storeId', 'is not a store of the mall directory');
      tenantId = store.tenantId;
    }
    if (actor.kind === 'partner' && !tenantId)
      throw badInput('input.storeId', 'a tenant opens tickets about one of its stores');
    const afterSales = input.afterSales
      ? {
          flow: input.afterSales.flow,
          details: Object.fromEntries(
            Object.entries({
              purchaseDate: input.afterSales.purchaseDate,
              productCode: input.afterSales.productCode,
              reason: input.afterSales.reason,
              proof: input.afterSales.proof,
            }).filter(([, v]) => v !== null && v !== undefined) as [string, string][],
          ),
        }
      : null;
    if (actor.kind === 'anonymous' && input.memberId)
      throw unauthenticated('sign in to open a ticket as a member', 'LOGIN_REQUIRED');
    const view = await this.send(
      openTicket,
      {
        channel: input.channel,
        category: input.category,
        severity: input.severity ?? 'MEDIUM',
        memberId: actor.kind === 'member' ? actor.id : (input.memberId ?? null),
        contactName: input.contactName ?? null,
        contactPhone: input.contactPhone ?? null,
        tenantId: tenantId,
        storeId: input.storeId ?? null,
        floor: input.floor ?? null,
        zone: input.zone ?? null,
        description: input.description,
        occurredAt: input.occurredAt ? input.occurredAt.toISOString() : null,
        customerConfirmed: input.customerConfirmed ?? false,
        afterSales,
      },
      actor,
      context,
    );
    return Ticket.from(view);
  }

  @Mutation(() => Ticket, { description: 'First response.' })
  @Access(WORKERS)
  acknowledgeTicket(
    @Args('number') number: string,
    @Args('message', { type: () => String, nullable: true, description: 'Optional public reply.' })
    message: string | null,
    @CurrentActor() actor: Actor,
    @Context() context: GatewayContext,
  ): Promise<Ticket> {
    return this.ticketOp(acknowledgeTicket, { number, message }, actor, context);
  }

  @Mutation(() => Ticket)
  @Access(WORKERS)
  assignTicket(
    @Args('number') number: string,
    @Args('department', { type: () => DepartmentEnum, nullable: true })
    department: OperationRequest<typeof assignTicket>['department'],
    @Args('assigneeId', { type: () => String, nullable: true }) assigneeId: string | null,
    @CurrentActor() actor: Actor,
    @Context() context: GatewayContext,
  ): Promise<Ticket> {
    return this.ticketOp(
      assignTicket,
      { number, department: department ?? null, assigneeId },
      actor,
      context,
    );
  }

  @Mutation(() => Ticket, { description: 'Escalates up (default: one level); never down.' })
  @Access(WORKERS)
  escalateTicket(
    @Args('number') number: string,
    @Args('reason', { type: () => EscalationReasonEnum })
    reason: OperationRequest<typeof escalateTicket>['reason'],
    @Args('toLevel', { type: () => TicketLevelEnum, nullable: true })
    toLevel: OperationRequest<typeof escalateTicket>['toLevel'],
    @Args('comment', { type: () => String, nullable: true }) comment: string | null,
    @CurrentActor() actor: Actor,
    @Context() context: GatewayContext,
  ): Promise<Ticket> {
    return this.ticketOp(
      escalateTicket,
      { number, reason, toLevel: toLevel ?? null, comment },
      actor,
      context,
    );
  }

  @Mutation(() => Ticket)
  @Access(WORKERS)
  addTicketNote(
    @Args('number') number: string,
    @Args('visibility', { type: () => NoteVisibilityEnum }) visibility: 'INTERNAL' | 'PUBLIC',
    @Args('text') text: string,
    @CurrentActor() actor: Actor,
    @Context() context: GatewayContext,
  ): Promise<Ticket> {
    return this.ticketOp(addTicketNote, { number, visibility, text }, actor, context);
  }

  @Mutation(() => Ticket)
  @Access(WORKERS)
  proposeResolution(
    @Args('number') number: string,
    @Args('proposal') proposal: string,
    @CurrentActor() actor: Actor,
    @Context() context: GatewayContext,
  ): Promise<Ticket> {
    return this.ticketOp(proposeResolution, { number, proposal }, actor, context);
  }

  @Mutation(() => Ticket, {
    description:
      'The customer (or staff for them) accepts or rejects the proposal; a rejection may escalate.',
  })
  @Access({ kinds: ['member', 'staff', 'partner'] })
  respondToProposal(
    @Args('number') number: string,
    @Args('accept') accept: boolean,
    @Args('comment', { type: () => String, nullable: true }) comment: string | null,
    @Args('escalate', { defaultValue: false }) escalate: boolean,
    @CurrentActor() actor: Actor,
    @Context() context: GatewayContext,
  ): Promise<Ticket> {
    return this.ticketOp(respondToProposal, { number, accept, comment, escalate }, actor, context);
  }

  @Mutation(() => Ticket)
  @Access(WORKERS)
  resolveTicket(
    @Args('number') number: string,
    @Args('rootCause') rootCause: string,
    @Args('summary', { type: () => String, nullable: true }) summary: string | null,
    @CurrentActor() actor: Actor,
    @Context() context: GatewayContext,
  ): Promise<Ticket> {
    return this.ticketOp(resolveTicket, { number, rootCause, summary }, actor, context);
  }

  @Mutation(() => Ticket)
  @Access(WORKERS)
  closeTicket(
    @Args('number') number: string,
    @CurrentActor() actor: Actor,
    @Context() context: GatewayContext,
  ): Promise<Ticket> {
    return this.ticketOp(closeTicket, { number }, actor, context);
  }

  @Mutation(() => Ticket, { description: 'Reopens within the reopen window; new SLA targets from now.' })
  @Access({ kinds: ['member', 'staff', 'partner'] })
  reopenTicket(
    @Args('number') number: string,
    @Args('reason') reason: string,
    @CurrentActor() actor: Actor,
    @Context() context: GatewayContext,
  ): Promise<Ticket> {
    return this.ticketOp(reopenTicket, { number, reason }, actor, context);
  }

  @Mutation(() => Ticket, { description: 'Pauses the SLA clock (reason given) or resumes it (no reason).' })
  @Access(WORKERS)
  pauseTicket(
    @Args('number') number: string,
    @Args('reason', { type: () => PauseReasonEnum, nullable: true })
    reason: OperationRequest<typeof pauseTicket>['reason'],
    @CurrentActor() actor: Actor,
    @Context() context: GatewayContext,
  ): Promise<Ticket> {
    return this.ticketOp(pauseTicket, { number, reason: reason ?? null }, actor, context);
  }

  @Mutation(() => Ticket, {
    description: 'Grants compensation; above the caller’s level limit it waits for approval.',
  })
  @Access(STAFF)
  grantCompensation(
    @Args('number') number: string,
    @Args('kind', { type: () => CompensationKindEnum })
    kind: OperationRequest<typeof grantCompensation>['kind'],
    @Args('amount', { type: () => Int }) amount: number,
    @Args('reason') reason: string,
    @CurrentActor() actor: Actor,
    @Context() context: GatewayContext,
  ): Promise<Ticket> {
    return this.ticketOp(grantCompensation, { number, kind, amount, reason }, actor, context);
  }

  @Mutation(() => Ticket, {
    description: 'Approves (or rejects) a pending compensation; the approver’s limit must cover it.',
  })
  @Access(STAFF)
  approveCompensation(
    @Args('number') number: string,
    @Args('compensationId', { type: () => ID }) compensationId: string,
    @Args('approve', { defaultValue: true }) approve: boolean,
    @CurrentActor() actor: Actor,
    @Context() context: GatewayContext,
  ): Promise<Ticket> {
    return this.ticketOp(approveCompensation, { number, compensationId, approve }, actor, context);
  }

  @Mutation(() => Ticket, {
    description:
      'Moves the after-sales flow one step (e.g. INSPECTED, APPROVED, IN_REPAIR) with what the step records; the customer is informed by event.',
  })
  @Access(WORKERS)
  advanceAfterSales(
    @Args('number') number: string,
    @Args('step') step: string,
    @Args('note', { type: () => String, nullable: true }) note: string | null,
    @Args('details', { type: () => AfterSalesStepDetailsInput, nullable: true })
    details: AfterSalesStepDetailsInput | null,
    @CurrentActor() actor: Actor,
    @Context() context: GatewayContext,
  ): Promise<Ticket> {
    const given = Object.fromEntries(
      Object.entries({ ...(details ?? {}) }).filter(([, v]) => v !== null && v !== undefined),
    ) as Record<string, string | number | boolean>;
    return this.ticketOp(advanceAfterSales, { number, step, note, details: given }, actor, context);
  }

  @Mutation(() => SlaPolicy, { description: 'Creates or replaces an SLA policy (managers and above).' })
  @Access({ kinds: ['staff'], staffRoles: atLeast('MANAGER') })
  upsertSlaPolicy(
    @Args('input') input: UpsertSlaPolicyInput,
    @CurrentActor() actor: Actor,
    @Context() context: GatewayContext,
  ): Promise<SlaPolicy> {
    return this.send(upsertSlaPolicy, { ...input }, actor, context);
  }
}
