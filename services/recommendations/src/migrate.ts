import 'reflect-metadata';
import { runMigrations } from '@atrium/messaging';
import { RECOMMENDATIONS_MIGRATIONS } from './database/migrations.js';

// `nx run recommendations:migrate`: creates the database if missing, applies pending migrations, exits.
await runMigrations('recommendations', RECOMMENDATIONS_MIGRATIONS);
