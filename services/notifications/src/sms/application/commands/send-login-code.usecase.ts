import { Inject, Injectable } from '@nestjs/common';
import type { Actor, OperationRequest, sendLoginCode } from '@atrium/contracts';
import { createLogger } from '@atrium/platform';
import { maskPhone, toE164 } from '@atrium/kernel';
import { SmsError, SmsErrorCode } from '../../domain/sms.errors.js';
import { renderLoginCode } from '../../domain/sms-templates.js';
import { SMS_PROVIDER, type SmsProvider, type SmsReceipt } from '../sms-provider.js';

export type SendLoginCodeCommand = OperationRequest<typeof sendLoginCode>;

/** Renders the login-code SMS in the member's language and hands it to the configured provider. */
@Injectable()
export class SendLoginCodeUseCase {
  private readonly log = createLogger('send-login-code');

  constructor(@Inject(SMS_PROVIDER) private readonly provider: SmsProvider) {}

  async execute(actor: Actor, command: SendLoginCodeCommand): Promise<SmsReceipt> {
    if (actor.kind !== 'system') {
      throw new SmsError(SmsErrorCode.SYSTEM_ONLY, 'only platform components may send login codes');
    }
    const phone = toE164(command.phone);
    if (!phone) throw new SmsError(SmsErrorCode.PHONE_INVALID, 'phone: is not a phone number', 'phone');
    const body = renderLoginCode(command.language ?? 'zh-CN', {
      code: command.code,
      ttlMinutes: command.ttlMinutes,
    });
    const receipt = await this.provider.send({ phone, template: 'LOGIN_CODE', body });
    // The masked phone only; never the code or the body.
    this.log.info(
      { to: maskPhone(phone), provider: receipt.provider, accepted: receipt.accepted },
      'login code SMS handed to provider',
    );
    return receipt;
  }
}
