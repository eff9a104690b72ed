import { MessagingTables1763800000000 } from '@atrium/messaging';
import { CreateTickets1763801000000 } from './migrations/1763801000000-create-tickets.js';
import { CompensationPosting1763801100000 } from './migrations/1763801100000-compensation-posting.js';
import { TicketConfiguration1763801200000 } from './migrations/1763801200000-ticket-configuration.js';
import { SlaReplanning1763801300000 } from './migrations/1763801300000-sla-replanning.js';
import { ApprovalLimits1763801400000 } from './migrations/1763801400000-approval-limits.js';
import { DirectoryReadModel1763801900000 } from './migrations/1763801900000-directory-read-model.js';

/** Every migration of the tickets database, in order. */
export const TICKETS_MIGRATIONS = [
  MessagingTables1763800000000,
  CreateTickets1763801000000,
  CompensationPosting1763801100000,
  TicketConfiguration1763801200000,
  SlaReplanning1763801300000,
  ApprovalLimits1763801400000,
  DirectoryReadModel1763801900000,
];
