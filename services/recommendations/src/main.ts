import 'reflect-metadata';
import { runService } from '@atrium/messaging';
import { AppModule } from './app.module.js';

await runService('recommendations', (config) => AppModule.forRoot(config));
