import 'reflect-metadata';
import { runMigrations } from '@atrium/messaging';
import { FEEDBACK_MIGRATIONS } from './database/migrations.js';

// `nx run feedback:migrate`: creates the database if missing, applies pending migrations, exits.
await runMigrations('feedback', FEEDBACK_MIGRATIONS);
