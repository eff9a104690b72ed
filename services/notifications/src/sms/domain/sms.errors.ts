/** Why an SMS operation was refused. Mapped to wire errors in interface/sms-error.mapping.ts. */
export enum SmsErrorCode {
  PHONE_INVALID = 'SMS_PHONE_INVALID',
  SYSTEM_ONLY = 'SMS_SYSTEM_ONLY',
}

export class SmsError extends Error {
  constructor(
    readonly code: SmsErrorCode,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'SmsError';
  }
}
