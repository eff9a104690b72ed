import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { GatewayContext } from '../graphql/gateway-context.js';
import { Member } from '../members/dto/member.types.js';
import { Store } from '../directory/dto/store.types.js';
import { Ticket, TicketAssignee } from './dto/ticket.types.js';
import { TicketRelations } from './ticket-relations.js';

/** The store, assignee and member a ticket names, batched per request (TicketRelations). */
@Resolver(() => Ticket)
export class TicketRelationsResolver {
  constructor(private readonly relations: TicketRelations) {}

  @ResolveField(() => Store, {
    nullable: true,
    description: 'The store the ticket is about (null without one); seen by everyone who sees the ticket.',
  })
  async store(@Parent() ticket: Ticket, @Context() context: GatewayContext): Promise<Store | null> {
    if (!ticket.storeId) return null;
    const listing = await this.relations.store(context, ticket.storeId);
    return listing ? Store.from(listing) : null;
  }

  @ResolveField(() => TicketAssignee, {
    nullable: true,
    description:
      'The staff member the ticket is assigned to; null when assigneeId is not a staff account. Members and tenants see the name only.',
  })
  async assignee(
    @Parent() ticket: Ticket,
    @Context() context: GatewayContext,
  ): Promise<TicketAssignee | null> {
    if (!ticket.assigneeId) return null;
    const profile = await this.relations.assignee(context, ticket.assigneeId);
    if (!profile) return null;
    const actor = await context.actor();
    return {
      id: profile.id,
      displayName: profile.displayName,
      roles: actor.kind === 'staff' ? profile.roles : null,
    };
  }

  @ResolveField(() => Member, {
    nullable: true,
    description:
      'The member who raised the ticket, for staff and for the member itself. Always null for partner API keys: a ticket about its store does not show a tenant the member’s data. Null also without a member, or when the member was merged into another (memberId stays; member(id:) follows the merge).',
  })
  async member(@Parent() ticket: Ticket, @Context() context: GatewayContext): Promise<Member | null> {
    if (!ticket.memberId) return null;
    const view = await this.relations.member(context, ticket.memberId);
    return view ? Member.from(view) : null;
  }
}
