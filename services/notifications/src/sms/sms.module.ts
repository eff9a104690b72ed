import { Module, type DynamicModule, type Provider, type Type } from '@nestjs/common';
import type { NotificationsConfig } from '../notifications.config.js';
import { SendLoginCodeUseCase } from './application/commands/send-login-code.usecase.js';
import { SMS_PROVIDER } from './application/sms-provider.js';
import { LocalSinkSmsProvider } from './infrastructure/local-sink-sms.provider.js';
import { LocalSmsController } from './interface/local-sms.controller.js';
import { LoginCodeController } from './interface/login-code.controller.js';

/** SMS: rendering, the configured provider, and (local provider only) the message viewer. */
@Module({})
export class SmsModule {
  static forRoot(provider: NotificationsConfig['SMS_PROVIDER']): DynamicModule {
    const controllers: Type[] = [LoginCodeController];
    const providers: Provider[] = [SendLoginCodeUseCase];
    switch (provider) {
      case 'local':
        providers.push(LocalSinkSmsProvider, { provide: SMS_PROVIDER, useExisting: LocalSinkSmsProvider });
        controllers.push(LocalSmsController);
        break;
    }
    return { module: SmsModule, controllers, providers };
  }
}
