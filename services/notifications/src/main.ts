import 'reflect-metadata';
import { runService } from '@atrium/messaging';
import { AppModule } from './app.module.js';
import { loadNotificationsConfig } from './notifications.config.js';

// Validated first, so a bad SMS_PROVIDER is reported together with every other problem.
const config = loadNotificationsConfig();
await runService('notifications', () => AppModule.forRoot(config));
