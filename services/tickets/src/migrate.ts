import 'reflect-metadata';
import { runMigrations } from '@atrium/messaging';
import { TICKETS_MIGRATIONS } from './database/migrations.js';

// `nx run tickets:migrate`: creates the database if missing, applies pending migrations, exits.
await runMigrations('tickets', TICKETS_MIGRATIONS);
