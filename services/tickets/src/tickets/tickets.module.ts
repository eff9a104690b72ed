import { Module, type DynamicModule } from '@nestjs/common';
import { AdvanceAfterSalesUseCase } from './application/commands/advance-after-sales.usecase.js';
import { CompensationUseCase } from './application/commands/compensation.usecase.js';
import { OpenTicketUseCase } from './application/commands/open-ticket.usecase.js';
import { PatternDetector } from './application/commands/pattern-detector.js';
import { SlaPoliciesUseCase } from './application/commands/sla-policies.usecase.js';
import { TicketConfigurationUseCase } from './application/commands/ticket-configuration.usecase.js';
import { WorkTicketUseCase } from './application/commands/work-ticket.usecase.js';
import { SlaReplanJob } from './application/jobs/sla-replan.job.js';
import { SlaSchedulerJob } from './application/jobs/sla-scheduler.job.js';
import { TicketQueries } from './application/queries/ticket-queries.js';
import { TicketStatsQuery } from './application/queries/ticket-stats.query.js';
import { RecordCompensationPosting } from './application/reactions/record-compensation-posting.js';
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
  WorkTicketUseCase,
  CompensationUseCase,
  AdvanceAfterSalesUseCase,
  SlaPoliciesUseCase,
  TicketConfigurationUseCase,
  TicketQueries,
  TicketStatsQuery,
  RecordCompensationPosting,
];
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
      controllers: [TicketsController],
      providers: [
        ...useCases,
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
