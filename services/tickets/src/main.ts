import 'reflect-metadata';
import { runService } from '@atrium/messaging';
import { AppModule } from './app.module.js';
import { ticketsConfigSpec, type TicketsConfig } from './tickets.config.js';

// One validation of every variable this process reads: a bad one is reported with every other problem.
await runService('tickets', (config: TicketsConfig) => AppModule.forRoot(config), ticketsConfigSpec);
