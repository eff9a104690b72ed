import {
  Args,
  Context,
  Field,
  GraphQLISODateTime,
  ID,
  Int,
  ObjectType,
  Query,
  Resolver,
} from '@nestjs/graphql';
import { listStaffAlerts, type Actor } from '@atrium/contracts';
import { RequestClient } from '@atrium/messaging';
import { badInput } from '@atrium/platform';
import { Access, CurrentActor } from '../auth/access.js';
import type { GatewayContext } from '../graphql/gateway-context.js';
import { TicketLevelEnum } from './dto/ticket.types.js';

@ObjectType({
  description: 'An alert about a ticket for the staff console: an SLA warning or breach, an escalation.',
})
export class StaffAlert {
  @Field(() => ID) id!: string;
  @Field({ description: 'SLA_WARNING, SLA_BREACHED or ESCALATED.' }) kind!: string;
  @Field(() => TicketLevelEnum, { description: 'Staff at or above this level see the alert.' })
  level!: string;
  @Field(() => ID) ticketId!: string;
  @Field() ticketNumber!: string;
  @Field(() => ID, { nullable: true }) storeId!: string | null;
  @Field({ description: 'Simplified Chinese, then English.' }) title!: string;
  @Field() body!: string;
  @Field(() => GraphQLISODateTime) occurredAt!: Date;
}

/** Staff alerts, kept by the notifications service from the tickets events. */
@Resolver(() => StaffAlert)
export class TicketAlertsResolver {
  constructor(private readonly requests: RequestClient) {}

  @Query(() => [StaffAlert], {
    description:
      'Ticket alerts for the signed-in staff member, newest first: SLA warnings, breaches and escalations of tickets at or below its level.',
  })
  @Access({ kinds: ['staff'] })
  async staffAlerts(
    @Args('first', { type: () => Int, defaultValue: 20, description: '1 to 100.' }) first: number,
    @CurrentActor() actor: Actor,
    @Context() context: GatewayContext,
  ): Promise<StaffAlert[]> {
    if (first < 1 || first > 100) throw badInput('first', 'must be between 1 and 100');
    const { items } = await this.requests.send(
      listStaffAlerts,
      { first },
      { context: context.contextFor(actor) },
    );
    return items.map((a) => ({ ...a, occurredAt: new Date(a.occurredAt) }));
  }
}
