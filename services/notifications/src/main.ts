import 'reflect-metadata';
import { runService } from '@atrium/messaging';
import { AppModule } from './app.module.js';
import { notificationsConfigSpec, type NotificationsConfig } from './notifications.config.js';

// One validation of every variable this process reads: a bad one is reported with every other problem.
await runService(
  'notifications',
  (config: NotificationsConfig) => AppModule.forRoot(config),
  notificationsConfigSpec,
);
