import 'reflect-metadata';
import { runMigrations } from '@atrium/messaging';
import { MEMBERS_MIGRATIONS } from './database/migrations.js';

// `nx run members:migrate`: creates the database if missing, applies pending migrations, exits.
await runMigrations('members', MEMBERS_MIGRATIONS);
