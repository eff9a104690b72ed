import { describeServiceProcess } from '@atrium/testing';
import { AppModule } from './app.module.js';

describeServiceProcess('notifications', (config) => AppModule.forRoot({ ...config, SMS_PROVIDER: 'local' }));
