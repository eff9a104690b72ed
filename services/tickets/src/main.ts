import 'reflect-metadata';
import { runService } from '@atrium/messaging';
import { AppModule } from './app.module.js';
import { loadTicketsConfig } from './tickets.config.js';

// Validated first, so a bad SLA_POLL_MS is reported together with every other problem.
const config = loadTicketsConfig();
await runService('tickets', () => AppModule.forRoot(config));
