import { Module, type DynamicModule } from '@nestjs/common';
import { AtriumServiceModule, serviceSettings } from '@atrium/messaging';
import { NOTIFICATIONS_MIGRATIONS } from './database/migrations.js';
import { InboxModule } from './inbox/inbox.module.js';
import type { NotificationsConfig } from './notifications.config.js';
import { SmsModule } from './sms/sms.module.js';
import { StaffAlertsModule } from './staff-alerts/staff-alerts.module.js';

@Module({})
export class AppModule {
  static forRoot(config: NotificationsConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        AtriumServiceModule.forRoot({
          settings: serviceSettings('notifications', config),
          entities: [],
          migrations: NOTIFICATIONS_MIGRATIONS,
        }),
        InboxModule,
        StaffAlertsModule,
        SmsModule.forRoot(config.SMS_PROVIDER),
      ],
    };
  }
}
