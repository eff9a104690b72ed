import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module.js';
import { StoreDirectory } from '../points/store-directory.js';
import { TicketsResolver } from './tickets.resolver.js';

/** Every resolver of the tickets graph (for the schema printer). */
export const TICKETS_RESOLVERS = [TicketsResolver];

/** Tickets: intake, the staff queue, working a ticket, compensation, after-sales, SLA policies. */
@Module({ imports: [AuthModule], providers: [...TICKETS_RESOLVERS, StoreDirectory] })
export class TicketsModule {}
