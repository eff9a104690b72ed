import { BadRequestException, Controller, Get, Query } from '@nestjs/common';
import { toE164 } from '@atrium/kernel';
import { loginCodeIn } from '../domain/sms-templates.js';
import { LocalSinkSmsProvider } from '../infrastructure/local-sink-sms.provider.js';

const LATEST = 20;

/**
 * GET /local/sms?phone=… — what the local provider "sent" to a phone, newest first, so tests
 * and the demo can read login codes. Registered only when SMS_PROVIDER=local.
 */
@Controller('local')
export class LocalSmsController {
  constructor(private readonly sink: LocalSinkSmsProvider) {}

  @Get('sms')
  async latest(
    @Query('phone') raw?: string,
  ): Promise<Array<{ phone: string; body: string; code: string | null; sentAt: string }>> {
    // An unencoded `+` in a query string arrives as a space.
    const phone = toE164((raw ?? '').replace(/^ /, '+'));
    if (!phone)
      throw new BadRequestException('phone must be an E.164 number or an 11-digit mainland mobile number');
    const messages = await this.sink.latestFor(phone, LATEST);
    return messages.map((m) => ({
      phone: m.phone,
      body: m.body,
      code: m.template === 'LOGIN_CODE' ? loginCodeIn(m.body) : null,
      sentAt: m.sentAt.toISOString(),
    }));
  }
}
