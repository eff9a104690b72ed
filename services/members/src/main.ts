import 'reflect-metadata';
import { runService } from '@atrium/messaging';
import { AppModule } from './app.module.js';

await runService('members', (config) => AppModule.forRoot(config));
