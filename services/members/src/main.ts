import 'reflect-metadata';
import { runService } from '@atrium/messaging';
import { AppModule } from './app.module.js';
import { loadMembersConfig } from './members.config.js';

// Validated first, so a bad members variable is reported together with every other problem.
const config = loadMembersConfig();
await runService('members', () => AppModule.forRoot(config));
