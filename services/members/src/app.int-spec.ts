import { describeServiceProcess } from '@atrium/testing';
import { AppModule } from './app.module.js';

describeServiceProcess('members', (config) => AppModule.forRoot(config));
