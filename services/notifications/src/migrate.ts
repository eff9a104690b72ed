import 'reflect-metadata';
import { runMigrations } from '@atrium/messaging';
import { NOTIFICATIONS_MIGRATIONS } from './database/migrations.js';

// `nx run notifications:migrate`: creates the database if missing, applies pending migrations, exits.
await runMigrations('notifications', NOTIFICATIONS_MIGRATIONS);
