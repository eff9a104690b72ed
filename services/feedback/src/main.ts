import 'reflect-metadata';
import { runService } from '@atrium/messaging';
import { AppModule } from './app.module.js';

await runService('feedback', (config) => AppModule.forRoot(config));
