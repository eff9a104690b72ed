import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module.js';
import { StoreDirectory } from '../points/store-directory.js';
import { TicketAlertsResolver } from './ticket-alerts.resolver.js';
import { TicketConfigResolver } from './ticket-config.resolver.js';
import { TicketRelations } from './ticket-relations.js';
import { TicketRelationsResolver } from './ticket-relations.resolver.js';
import { TicketsResolver } from './tickets.resolver.js';

/** Every resolver of the tickets graph (for the schema printer). */
export const TICKETS_RESOLVERS = [
  TicketsResolver,
  TicketConfigResolver,
  TicketRelationsResolver,
  TicketAlertsResolver,
];

/** Tickets: intake, the staff queue, working a ticket, compensation, after-sales, SLA policies, staff alerts. */
@Module({ imports: [AuthModule], providers: [...TICKETS_RESOLVERS, StoreDirectory, TicketRelations] })
export class TicketsModule {}
