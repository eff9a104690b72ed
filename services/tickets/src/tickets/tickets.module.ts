import { Module, type DynamicModule } from '@nestjs/common';
import { DirectoryModule } from '../directory/index.js';
import { AcknowledgeTicketUseCase } from './application/commands/acknowledge-ticket/acknowledge-ticket.usecase.js';
import { AddTicketNoteUseCase } from './application/commands/add-ticket-note/add-ticket-note.usecase.js';
import { AdvanceAfterSalesUseCase } from './application/commands/advance-after-sales/advance-after-sales.usecase.js';
import { ApproveCompensationUseCase } from './application/commands/approve-compensation/approve-compensation.usecase.js';
import { AssignTicketUseCase } from './application/commands/assign-ticket/assign-ticket.usecase.js';
import { CloseTicketUseCase } from './application/commands/close-ticket/close-ticket.usecase.js';
import { EscalateTicketUseCase } from './application/commands/escalate-ticket/escalate-ticket.usecase.js';
import { GrantCompensationUseCase } from './application/commands/grant-compensation/grant-compensation.usecase.js';
import { OpenTicketUseCase } from './application/commands/open-ticket/open-ticket.usecase.js';
import { PatternDetector } from './application/commands/pattern-detector.js';
import { PauseTicketUseCase } from './application/commands/pause-ticket/pause-ticket.usecase.js';
import { ProposeResolutionUseCase } from './application/commands/propose-resolution/propose-resolution.usecase.js';
import { ReopenTicketUseCase } from './application/commands/reopen-ticket/reopen-ticket.usecase.js';
import { ResolveTicketUseCase } from './application/commands/resolve-ticket/resolve-ticket.usecase.js';
import { RespondToProposalUseCase } from './application/commands/respond-to-proposal/respond-to-proposal.usecase.js';
import { UpdateTicketSettingsUseCase } from './application/commands/update-ticket-settings/update-ticket-settings.usecase.js';
import { UpsertSlaPolicyUseCase } from './application/commands/upsert-sla-policy/upsert-sla-policy.usecase.js';
import { UpsertTicketCategoryUseCase } from './application/commands/upsert-ticket-category/upsert-ticket-category.usecase.js';
import { SlaReplanJob } from './application/jobs/sla-replan.job.js';
import { SlaSchedulerJob } from './application/jobs/sla-scheduler.job.js';
import { GetTicketQuery } from './application/queries/get-ticket/get-ticket.query.js';
import { GetTicketSettingsQuery } from './application/queries/get-ticket-settings/get-ticket-settings.query.js';
import { ListSlaPoliciesQuery } from './application/queries/list-sla-policies/list-sla-policies.query.js';
import { ListTicketCategoriesQuery } from './application/queries/list-ticket-categories/list-ticket-categories.query.js';
import { ListTicketsQuery } from './application/queries/list-tickets/list-tickets.query.js';
import { TicketStatsQuery } from './application/queries/ticket-stats/ticket-stats.query.js';
import { RecordCompensationPosting } from './application/reactions/record-compensation-posting/record-compensation-posting.js';
import { RecordMemberTierWhenTierChanged } from './application/reactions/record-member-tier/record-member-tier.js';
import { SlaClock } from './application/sla-clock.js';
import { TicketViewBuilder } from './application/ticket-view.js';
import { TicketWork } from './application/ticket-work.js';
import { AfterSalesRepository } from './application/after-sales.repository.js';
import { CategoryRepository } from './application/category.repository.js';
import { CompensationRepository } from './application/compensation.repository.js';
import { MemberTierRepository } from './application/member-tier.repository.js';
import {
  SettingsRepository,
  TICKETS_DEFAULTS,
  type TicketsDefaults,
} from './application/settings.repository.js';
import { DeadlineRepository } from './application/sla-deadline.repository.js';
import { PauseRepository } from './application/sla-pause.repository.js';
import { SlaPolicyRepository } from './application/sla-policy.repository.js';
import { TicketJournal } from './application/ticket-journal.repository.js';
import { TicketStatsReader } from './application/ticket-stats.repository.js';
import { TicketRepository } from './application/ticket.repository.js';
import { SqlAfterSalesRepository } from './infrastructure/sql-after-sales.repository.js';
import { SqlCategoryRepository } from './infrastructure/sql-category.repository.js';
import { SqlCompensationRepository } from './infrastructure/sql-compensation.repository.js';
import { SqlMemberTierRepository } from './infrastructure/sql-member-tier.repository.js';
import { SqlSettingsRepository } from './infrastructure/sql-settings.repository.js';
import { SqlDeadlineRepository } from './infrastructure/sql-sla-deadline.repository.js';
import { SqlPauseRepository } from './infrastructure/sql-sla-pause.repository.js';
import { SqlSlaPolicyRepository } from './infrastructure/sql-sla-policy.repository.js';
import { SqlTicketJournal } from './infrastructure/sql-ticket-journal.repository.js';
import { SqlTicketStatsReader } from './infrastructure/sql-ticket-stats.repository.js';
import { SqlTicketRepository } from './infrastructure/sql-ticket.repository.js';
import { SLA_SCHEDULER_OPTIONS, SlaScheduler, type SlaSchedulerOptions } from './interface/sla-scheduler.js';
import { TicketsController } from './interface/tickets.controller.js';

const useCases = [
  OpenTicketUseCase,
  AcknowledgeTicketUseCase,
  AssignTicketUseCase,
  EscalateTicketUseCase,
  AddTicketNoteUseCase,
  ProposeResolutionUseCase,
  RespondToProposalUseCase,
  ResolveTicketUseCase,
  CloseTicketUseCase,
  ReopenTicketUseCase,
  PauseTicketUseCase,
  GrantCompensationUseCase,
  ApproveCompensationUseCase,
  AdvanceAfterSalesUseCase,
  UpsertSlaPolicyUseCase,
  UpsertTicketCategoryUseCase,
  UpdateTicketSettingsUseCase,
];
const queries = [
  GetTicketQuery,
  ListTicketsQuery,
  TicketStatsQuery,
  ListSlaPoliciesQuery,
  ListTicketCategoriesQuery,
  GetTicketSettingsQuery,
];
const reactions = [RecordCompensationPosting, RecordMemberTierWhenTierChanged];
const repositories = [
  { provide: TicketRepository, useClass: SqlTicketRepository },
  { provide: TicketJournal, useClass: SqlTicketJournal },
  { provide: DeadlineRepository, useClass: SqlDeadlineRepository },
  { provide: PauseRepository, useClass: SqlPauseRepository },
  { provide: CompensationRepository, useClass: SqlCompensationRepository },
  { provide: AfterSalesRepository, useClass: SqlAfterSalesRepository },
  { provide: SettingsRepository, useClass: SqlSettingsRepository },
  { provide: CategoryRepository, useClass: SqlCategoryRepository },
  { provide: SlaPolicyRepository, useClass: SqlSlaPolicyRepository },
  { provide: MemberTierRepository, useClass: SqlMemberTierRepository },
  { provide: TicketStatsReader, useClass: SqlTicketStatsReader },
];
const support = [SlaClock, TicketViewBuilder, TicketWork, PatternDetector];
const jobs = [SlaSchedulerJob, SlaReplanJob, SlaScheduler];

/** Tickets: intake, SLA clocks and scheduler, escalation, compensation, after-sales. */
@Module({})
export class TicketsModule {
  static forRoot(options: SlaSchedulerOptions, defaults: TicketsDefaults): DynamicModule {
    return {
      module: TicketsModule,
      imports: [DirectoryModule],
      controllers: [TicketsController],
      providers: [
        ...useCases,
        ...queries,
        ...reactions,
        ...repositories,
        ...support,
        ...jobs,
        { provide: SLA_SCHEDULER_OPTIONS, useValue: options },
        { provide: TICKETS_DEFAULTS, useValue: defaults },
      ],
      exports: [SlaSchedulerJob, SlaReplanJob],
    };
  }
}
