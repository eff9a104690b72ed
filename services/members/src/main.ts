import 'reflect-metadata';
import { runService } from '@atrium/messaging';
import { AppModule } from './app.module.js';
import { membersConfigSpec, type MembersConfig } from './members.config.js';

// One validation of every variable this process reads: a bad one is reported with every other problem.
await runService('members', (config: MembersConfig) => AppModule.forRoot(config), membersConfigSpec);
