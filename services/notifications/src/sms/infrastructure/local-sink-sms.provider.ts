import { Injectable } from '@nestjs/common';
import { v7 as uuidv7 } from 'uuid';
import { TransactionHost } from '@atrium/persistence';
import type { OutgoingSms, SmsProvider, SmsReceipt } from '../application/sms-provider.js';

export interface SunkSms {
  phone: string;
  template: string;
  body: string;
  sentAt: Date;
}

/**
 * The development provider (SMS_PROVIDER=local): nothing leaves the machine; each message is
 * recorded in sms_messages, where GET /local/sms lets tests and the demo read it.
 */
@Injectable()
export class LocalSinkSmsProvider implements SmsProvider {
  readonly name = 'local';

  constructor(private readonly tx: TransactionHost) {}

  async send(message: OutgoingSms): Promise<SmsReceipt> {
    await this.tx.manager.query(
      `INSERT INTO sms_messages (id, phone, template, body, provider, status) VALUES ($1, $2, $3, $4, $5, 'SENT')`,
      [uuidv7(), message.phone, message.template, message.body, this.name],
    );
    return { provider: this.name, accepted: true };
  }

  /** The latest messages sunk for one phone (E.164), newest first. */
  async latestFor(phone: string, limit: number): Promise<SunkSms[]> {
    const rows: Array<{ phone: string; template: string; body: string; created_at: Date }> =
      await this.tx.manager.query(
        `SELECT phone, template, body, created_at FROM sms_messages
        WHERE phone = $1 AND provider = $2 ORDER BY created_at DESC, id DESC LIMIT $3`,
        [phone, this.name, limit],
      );
    return rows.map((r) => ({
      phone: r.phone,
      template: r.template,
      body: r.body,
      sentAt: new Date(r.created_at),
    }));
  }
}
