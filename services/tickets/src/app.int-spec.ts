import { describeServiceProcess } from '@atrium/testing';
import { AppModule } from './app.module.js';

describeServiceProcess('tickets', (config) => AppModule.forRoot(config));
