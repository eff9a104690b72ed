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
import { AcknowledgeTicketUseCase } from '../application/commands/acknowledge-ticket/acknowledge-ticket.usecase.js';
import { AddTicketNoteUseCase } from '../application/commands/add-ticket-note/add-ticket-note.usecase.js';
import { AdvanceAfterSalesUseCase } from '../application/commands/advance-after-sales/advance-after-sales.usecase.js';
import { ApproveCompensationUseCase } from '../application/commands/approve-compensation/approve-compensation.usecase.js';
import { AssignTicketUseCase } from '../application/commands/assign-ticket/assign-ticket.usecase.js';
import { CloseTicketUseCase } from '../application/commands/close-ticket/close-ticket.usecase.js';
import { EscalateTicketUseCase } from '../application/commands/escalate-ticket/escalate-ticket.usecase.js';
import { GrantCompensationUseCase } from '../application/commands/grant-compensation/grant-compensation.usecase.js';
import { OpenTicketUseCase } from '../application/commands/open-ticket/open-ticket.usecase.js';
import { PauseTicketUseCase } from '../application/commands/pause-ticket/pause-ticket.usecase.js';
import { ProposeResolutionUseCase } from '../application/commands/propose-resolution/propose-resolution.usecase.js';
import { ReopenTicketUseCase } from '../application/commands/reopen-ticket/reopen-ticket.usecase.js';
import { ResolveTicketUseCase } from '../application/commands/resolve-ticket/resolve-ticket.usecase.js';
import { RespondToProposalUseCase } from '../application/commands/respond-to-proposal/respond-to-proposal.usecase.js';
import { UpdateTicketSettingsUseCase } from '../application/commands/update-ticket-settings/update-ticket-settings.usecase.js';
import { UpsertSlaPolicyUseCase } from '../application/commands/upsert-sla-policy/upsert-sla-policy.usecase.js';
import { UpsertTicketCategoryUseCase } from '../application/commands/upsert-ticket-category/upsert-ticket-category.usecase.js';
import { GetTicketQuery } from '../application/queries/get-ticket/get-ticket.query.js';
import { GetTicketSettingsQuery } from '../application/queries/get-ticket-settings/get-ticket-settings.query.js';
import { ListSlaPoliciesQuery } from '../application/queries/list-sla-policies/list-sla-policies.query.js';
import { ListTicketCategoriesQuery } from '../application/queries/list-ticket-categories/list-ticket-categories.query.js';
import { ListTicketsQuery } from '../application/queries/list-tickets/list-tickets.query.js';
import { TicketStatsQuery } from '../application/queries/ticket-stats/ticket-stats.query.js';
import { RecordCompensationPosting } from '../application/reactions/record-compensation-posting/record-compensation-posting.js';
import { RecordMemberTierWhenTierChanged } from '../application/reactions/record-member-tier/record-member-tier.js';
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
    private readonly acknowledgeUseCase: AcknowledgeTicketUseCase,
    private readonly assignUseCase: AssignTicketUseCase,
    private readonly escalateUseCase: EscalateTicketUseCase,
    private readonly noteUseCase: AddTicketNoteUseCase,
    private readonly proposeUseCase: ProposeResolutionUseCase,
    private readonly respondUseCase: RespondToProposalUseCase,
    private readonly resolveUseCase: ResolveTicketUseCase,
    private readonly closeUseCase: CloseTicketUseCase,
    private readonly reopenUseCase: ReopenTicketUseCase,
    private readonly pauseUseCase: PauseTicketUseCase,
    private readonly grantUseCase: GrantCompensationUseCase,
    private readonly approveUseCase: ApproveCompensationUseCase,
    private readonly afterSalesUseCase: AdvanceAfterSalesUseCase,
    private readonly upsertPolicyUseCase: UpsertSlaPolicyUseCase,
    private readonly upsertCategoryUseCase: UpsertTicketCategoryUseCase,
    private readonly updateSettingsUseCase: UpdateTicketSettingsUseCase,
    private readonly getQuery: GetTicketQuery,
    private readonly listQuery: ListTicketsQuery,
    private readonly statsQuery: TicketStatsQuery,
    private readonly policiesQuery: ListSlaPoliciesQuery,
    private readonly categoriesQuery: ListTicketCategoriesQuery,
    private readonly settingsQuery: GetTicketSettingsQuery,
    private readonly postings: RecordCompensationPosting,
    private readonly memberTiers: RecordMemberTierWhenTierChanged,
  ) {}

  @MessagePattern(openTicket.pattern)
  open(@Payload() p: Req<typeof openTicket>, @Ctx() ctx: AtriumRpcContext): TicketReply {
    return this.openUseCase.execute(ctx.envelope.actor, p);
  }

  @MessagePattern(getTicket.pattern)
  get(@Payload() p: Req<typeof getTicket>, @Ctx() ctx: AtriumRpcContext): TicketReply {
    return this.getQuery.execute(ctx.envelope.actor, p);
  }

  @MessagePattern(listTickets.pattern)
  list(
    @Payload() p: Req<typeof listTickets>,
    @Ctx() ctx: AtriumRpcContext,
  ): Promise<OperationResponse<typeof listTickets>> {
    return this.listQuery.execute(ctx.envelope.actor, p);
  }

  @MessagePattern(acknowledgeTicket.pattern)
  acknowledge(@Payload() p: Req<typeof acknowledgeTicket>, @Ctx() ctx: AtriumRpcContext): TicketReply {
    return this.acknowledgeUseCase.execute(ctx.envelope.actor, p);
  }

  @MessagePattern(assignTicket.pattern)
  assign(@Payload() p: Req<typeof assignTicket>, @Ctx() ctx: AtriumRpcContext): TicketReply {
    return this.assignUseCase.execute(ctx.envelope.actor, p);
  }

  @MessagePattern(escalateTicket.pattern)
  escalate(@Payload() p: Req<typeof escalateTicket>, @Ctx() ctx: AtriumRpcContext): TicketReply {
    return this.escalateUseCase.execute(ctx.envelope.actor, p);
  }

  @MessagePattern(addTicketNote.pattern)
  note(@Payload() p: Req<typeof addTicketNote>, @Ctx() ctx: AtriumRpcContext): TicketReply {
    return this.noteUseCase.execute(ctx.envelope.actor, p);
  }

  @MessagePattern(proposeResolution.pattern)
  propose(@Payload() p: Req<typeof proposeResolution>, @Ctx() ctx: AtriumRpcContext): TicketReply {
    return this.proposeUseCase.execute(ctx.envelope.actor, p);
  }

  @MessagePattern(respondToProposal.pattern)
  respond(@Payload() p: Req<typeof respondToProposal>, @Ctx() ctx: AtriumRpcContext): TicketReply {
    return this.respondUseCase.execute(ctx.envelope.actor, p);
  }

  @MessagePattern(resolveTicket.pattern)
  resolve(@Payload() p: Req<typeof resolveTicket>, @Ctx() ctx: AtriumRpcContext): TicketReply {
    return this.resolveUseCase.execute(ctx.envelope.actor, p);
  }

  @MessagePattern(closeTicket.pattern)
  close(@Payload() p: Req<typeof closeTicket>, @Ctx() ctx: AtriumRpcContext): TicketReply {
    return this.closeUseCase.execute(ctx.envelope.actor, p);
  }

  @MessagePattern(reopenTicket.pattern)
  reopen(@Payload() p: Req<typeof reopenTicket>, @Ctx() ctx: AtriumRpcContext): TicketReply {
    return this.reopenUseCase.execute(ctx.envelope.actor, p);
  }

  @MessagePattern(pauseTicket.pattern)
  pause(@Payload() p: Req<typeof pauseTicket>, @Ctx() ctx: AtriumRpcContext): TicketReply {
    return this.pauseUseCase.execute(ctx.envelope.actor, p);
  }

  @MessagePattern(grantCompensation.pattern)
  grant(@Payload() p: Req<typeof grantCompensation>, @Ctx() ctx: AtriumRpcContext): TicketReply {
    return this.grantUseCase.execute(ctx.envelope.actor, p);
  }

  @MessagePattern(approveCompensation.pattern)
  approve(@Payload() p: Req<typeof approveCompensation>, @Ctx() ctx: AtriumRpcContext): TicketReply {
    return this.approveUseCase.execute(ctx.envelope.actor, p);
  }

  @MessagePattern(advanceAfterSales.pattern)
  advance(@Payload() p: Req<typeof advanceAfterSales>, @Ctx() ctx: AtriumRpcContext): TicketReply {
    return this.afterSalesUseCase.execute(ctx.envelope.actor, p);
  }

  @MessagePattern(listSlaPolicies.pattern)
  slaPolicies(@Ctx() ctx: AtriumRpcContext): Promise<OperationResponse<typeof listSlaPolicies>> {
    return this.policiesQuery.execute(ctx.envelope.actor);
  }

  @MessagePattern(upsertSlaPolicy.pattern)
  upsertPolicy(
    @Payload() p: Req<typeof upsertSlaPolicy>,
    @Ctx() ctx: AtriumRpcContext,
  ): Promise<OperationResponse<typeof upsertSlaPolicy>> {
    return this.upsertPolicyUseCase.execute(ctx.envelope.actor, p);
  }

  @MessagePattern(listTicketCategories.pattern)
  categories(
    @Payload() p: Req<typeof listTicketCategories>,
    @Ctx() ctx: AtriumRpcContext,
  ): Promise<OperationResponse<typeof listTicketCategories>> {
    return this.categoriesQuery.execute(ctx.envelope.actor, p);
  }

  @MessagePattern(upsertTicketCategory.pattern)
  upsertCategory(
    @Payload() p: Req<typeof upsertTicketCategory>,
    @Ctx() ctx: AtriumRpcContext,
  ): Promise<OperationResponse<typeof upsertTicketCategory>> {
    return this.upsertCategoryUseCase.execute(ctx.envelope.actor, p);
  }

  @MessagePattern(getTicketSettings.pattern)
  settings(@Ctx() ctx: AtriumRpcContext): Promise<OperationResponse<typeof getTicketSettings>> {
    return this.settingsQuery.execute(ctx.envelope.actor);
  }

  @MessagePattern(updateTicketSettings.pattern)
  updateSettings(
    @Payload() p: Req<typeof updateTicketSettings>,
    @Ctx() ctx: AtriumRpcContext,
  ): Promise<OperationResponse<typeof updateTicketSettings>> {
    return this.updateSettingsUseCase.execute(ctx.envelope.actor, p);
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
    await this.memberTiers.handle(p);
  }

  /** The members ledger's answer for a points compensation (runs inside the inbox transaction). */
  @EventPattern<string>(compensationPosted.topic)
  async onCompensationPosted(@Payload() p: EventPayload<typeof compensationPosted>): Promise<void> {
    await this.postings.handle(p);
  }
}
