import { describeServiceProcess } from '@atrium/testing';
import { AppModule } from './app.module.js';

describeServiceProcess('feedback', (config) => AppModule.forRoot(config));
