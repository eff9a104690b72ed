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
import { TICKETS_DEFAULTS, TicketStore, type TicketsDefaults } from './infrastructure/ticket.store.js';
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
const support = [TicketStore, SlaClock, TicketViewBuilder, TicketWork, PatternDetector];
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
        ...support,
        ...jobs,
        { provide: SLA_SCHEDULER_OPTIONS, useValue: options },
        { provide: TICKETS_DEFAULTS, useValue: defaults },
      ],
      exports: [SlaSchedulerJob, SlaReplanJob, TicketStore],
    };
  }
}
