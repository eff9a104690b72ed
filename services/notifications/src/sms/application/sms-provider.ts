import type { SmsTemplateId } from '../domain/sms-templates.js';

export interface OutgoingSms {
  /** E.164. */
  phone: string;
  template: SmsTemplateId;
  body: string;
}

export interface SmsReceipt {
  provider: string;
  accepted: boolean;
}

/** A way to deliver an SMS; chosen by SMS_PROVIDER. Providers never log the body or the full phone. */
export interface SmsProvider {
  readonly name: string;
  send(message: OutgoingSms): Promise<SmsReceipt>;
}

/** DI token of the configured SmsProvider. */
export const SMS_PROVIDER = Symbol('SmsProvider');
