import { describeServiceProcess } from '@atrium/testing';
import { AppModule } from './app.module.js';

describeServiceProcess('recommendations', (config) => AppModule.forRoot(config));
