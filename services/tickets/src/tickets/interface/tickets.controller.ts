import { Controller, UseFilters } from '@nestjs/common';
import { Ctx, EventPattern, MessagePattern, Payload } from '@nestjs/microservices';
import {
  acknowledgeTicket,
  addTicketNote,
  advanceAfterSales,
  approveCompensation,
  assignTicket,
  closeTicket,
  compensationPosted,
  escalateTicket,
  getTicket,
  getTicketSettings,
  grantCompensation,
  listSlaPolicies,
  listTicketCategories,
  listTickets,
  openTicket,
  pauseTicket,
  proposeResolution,
  reopenTicket,
  resolveTicket,
  respondToProposal,
  ticketStats,
  tierChanged,
  updateTicketSettings,
  upsertSlaPolicy,
  upsertTicketCategory,
  type EventPayload,
  type OperationContract,
  type ValidatedRequest,
  type OperationResponse,
} from '@atrium/contracts';
import type { AtriumRpcContext } from '@atrium/messaging';
import { AdvanceAfterSalesUseCase } from '../application/commands/advance-after-sales.usecase.js';
import { CompensationUseCase } from '../application/commands/compensation.usecase.js';
import { OpenTicketUseCase } from '../application/commands/open-ticket.usecase.js';
import { SlaPoliciesUseCase } from '../application/commands/sla-policies.usecase.js';
import { TicketConfigurationUseCase } from '../application/commands/ticket-configuration.usecase.js';
import { WorkTicketUseCase } from '../application/commands/work-ticket.usecase.js';
import { TicketQueries } from '../application/queries/ticket-queries.js';
import { TicketStatsQuery } from '../application/queries/ticket-stats.query.js';
import { RecordCompensationPosting } from '../application/reactions/record-compensation-posting.js';
import { MemberTierRepository } from '../application/member-tier.repository.js';
import { TicketsErrorFilter } from './tickets-error.mapping.js';

/** The payloads arrive validated (defaults applied) by the transport. */
type Req<O extends OperationContract> = ValidatedRequest<O>;
type TicketReply = Promise<OperationResponse<typeof getTicket>>;

/** Request-reply handlers of the tickets context, and the member-tier projection. */
@Controller()
@UseFilters(new TicketsErrorFilter())
export class TicketsController {
  constructor(
    private readonly openUseCase: OpenTicketUseCase,
    private readonly work: WorkTicketUseCase,
    private readonly compensation: CompensationUseCase,
    private readonly afterSales: AdvanceAfterSalesUseCase,
    private readonly policies: SlaPoliciesUseCase,
    private readonly queries: TicketQueries,
    private readonly memberTiers: MemberTierRepository,
    private readonly statsQuery: TicketStatsQuery,
    private readonly postings: RecordCompensationPosting,
    private readonly configuration: TicketConfigurationUseCase,
  ) {}

  @MessagePattern(openTicket.pattern)
  open(@Payload() p: Req<typeof openTicket>, @Ctx() ctx: AtriumRpcContext): TicketReply {
    return this.openUseCase.execute(ctx.envelope.actor, p);
  }

  @MessagePattern(getTicket.pattern)
  get(@Payload() p: Req<typeof getTicket>, @Ctx() ctx: AtriumRpcContext): TicketReply {
    return this.queries.get(ctx.envelope.actor, p.number);
  }

  @MessagePattern(listTickets.pattern)
  list(
    @Payload() p: Req<typeof listTickets>,
    @Ctx() ctx: AtriumRpcContext,
  ): Promise<OperationResponse<typeof listTickets>> {
    return this.queries.list(ctx.envelope.actor, p);
  }

  @MessagePattern(acknowledgeTicket.pattern)
  acknowledge(@Payload() p: Req<typeof acknowledgeTicket>, @Ctx() ctx: AtriumRpcContext): TicketReply {
    return this.work.acknowledge(ctx.envelope.actor, p.number, p.message);
  }

  @MessagePattern(assignTicket.pattern)
  assign(@Payload() p: Req<typeof assignTicket>, @Ctx() ctx: AtriumRpcContext): TicketReply {
    return this.work.assign(ctx.envelope.actor, p.number, p.department, p.assigneeId);
  }

  @MessagePattern(escalateTicket.pattern)
  escalate(@Payload() p: Req<typeof escalateTicket>, @Ctx() ctx: AtriumRpcContext): TicketReply {
    return this.work.escalate(ctx.envelope.actor, p.number, p.reason, p.toLevel, p.comment);
  }

  @MessagePattern(addTicketNote.pattern)
  note(@Payload() p: Req<typeof addTicketNote>, @Ctx() ctx: AtriumRpcContext): TicketReply {
    return this.work.note(ctx.envelope.actor, p.number, p.visibility, p.text);
  }

  @MessagePattern(proposeResolution.pattern)
  propose(@Payload() p: Req<typeof proposeResolution>, @Ctx() ctx: AtriumRpcContext): TicketReply {
    return this.work.propose(ctx.envelope.actor, p.number, p.proposal);
  }

  @MessagePattern(respondToProposal.pattern)
  respond(@Payload() p: Req<typeof respondToProposal>, @Ctx() ctx: AtriumRpcContext): TicketReply {
    return this.work.respond(ctx.envelope.actor, p.number, p.accept, p.comment, p.escalate);
  }

  @MessagePattern(resolveTicket.pattern)
  resolve(@Payload() p: Req<typeof resolveTicket>, @Ctx() ctx: AtriumRpcContext): TicketReply {
    return this.work.resolve(ctx.envelope.actor, p.number, p.rootCause, p.summary);
  }

  @MessagePattern(closeTicket.pattern)
  close(@Payload() p: Req<typeof closeTicket>, @Ctx() ctx: AtriumRpcContext): TicketReply {
    return this.work.close(ctx.envelope.actor, p.number);
  }

  @MessagePattern(reopenTicket.pattern)
  reopen(@Payload() p: Req<typeof reopenTicket>, @Ctx() ctx: AtriumRpcContext): TicketReply {
    return this.work.reopen(ctx.envelope.actor, p.number, p.reason);
  }

  @MessagePattern(pauseTicket.pattern)
  pause(@Payload() p: Req<typeof pauseTicket>, @Ctx() ctx: AtriumRpcContext): TicketReply {
    return this.work.pause(ctx.envelope.actor, p.number, p.reason);
  }

  @MessagePattern(grantCompensation.pattern)
  grant(@Payload() p: Req<typeof grantCompensation>, @Ctx() ctx: AtriumRpcContext): TicketReply {
    return this.compensation.grant(ctx.envelope.actor, p.number, p.kind, p.amount, p.reason);
  }

  @MessagePattern(approveCompensation.pattern)
  approve(@Payload() p: Req<typeof approveCompensation>, @Ctx() ctx: AtriumRpcContext): TicketReply {
    return this.compensation.approve(ctx.envelope.actor, p.number, p.compensationId, p.approve);
  }

  @MessagePattern(advanceAfterSales.pattern)
  advance(@Payload() p: Req<typeof advanceAfterSales>, @Ctx() ctx: AtriumRpcContext): TicketReply {
    return this.afterSales.execute(ctx.envelope.actor, p.number, p.step, p.note, p.details);
  }

  @MessagePattern(listSlaPolicies.pattern)
  slaPolicies(@Ctx() ctx: AtriumRpcContext): Promise<OperationResponse<typeof listSlaPolicies>> {
    return this.policies.list(ctx.envelope.actor);
  }

  @MessagePattern(upsertSlaPolicy.pattern)
  upsertPolicy(
    @Payload() p: Req<typeof upsertSlaPolicy>,
    @Ctx() ctx: AtriumRpcContext,
  ): Promise<OperationResponse<typeof upsertSlaPolicy>> {
    return this.policies.upsert(ctx.envelope.actor, p);
  }

  @MessagePattern(listTicketCategories.pattern)
  categories(
    @Payload() p: Req<typeof listTicketCategories>,
    @Ctx() ctx: AtriumRpcContext,
  ): Promise<OperationResponse<typeof listTicketCategories>> {
    return this.configuration.categories(ctx.envelope.actor, p);
  }

  @MessagePattern(upsertTicketCategory.pattern)
  upsertCategory(
    @Payload() p: Req<typeof upsertTicketCategory>,
    @Ctx() ctx: AtriumRpcContext,
  ): Promise<OperationResponse<typeof upsertTicketCategory>> {
    return this.configuration.upsertCategory(ctx.envelope.actor, p);
  }

  @MessagePattern(getTicketSettings.pattern)
  settings(@Ctx() ctx: AtriumRpcContext): Promise<OperationResponse<typeof getTicketSettings>> {
    return this.configuration.settings(ctx.envelope.actor);
  }

  @MessagePattern(updateTicketSettings.pattern)
  updateSettings(
    @Payload() p: Req<typeof updateTicketSettings>,
    @Ctx() ctx: AtriumRpcContext,
  ): Promise<OperationResponse<typeof updateTicketSettings>> {
    return this.configuration.updateSettings(ctx.envelope.actor, p);
  }

  @MessagePattern(ticketStats.pattern)
  stats(
    @Payload() p: Req<typeof ticketStats>,
    @Ctx() ctx: AtriumRpcContext,
  ): Promise<OperationResponse<typeof ticketStats>> {
    return this.statsQuery.execute(ctx.envelope.actor, p);
  }

  /** Keeps members' tiers for VIP policy selection (runs inside the inbox transaction). */
  @EventPattern<string>(tierChanged.topic)
  async onTierChanged(@Payload() p: EventPayload<typeof tierChanged>): Promise<void> {
    await this.memberTiers.save(p.memberId, p.toCode, new Date(p.changedAt));
  }

  /** The members ledger's answer for a points compensation (runs inside the inbox transaction). */
  @EventPattern<string>(compensationPosted.topic)
  async onCompensationPosted(@Payload() p: EventPayload<typeof compensationPosted>): Promise<void> {
    await this.postings.handle(p);
  }
}
