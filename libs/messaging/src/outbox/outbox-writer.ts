import { createHash } from 'node:crypto';
import type { EventContract, EventPayload } from '@atrium/contracts';
import type { TransactionHost } from '@atrium/persistence';
import { buildEnvelope } from '../envelope.js';

export const OUTBOX_SHARDS = 16;

export function shardOf(key: string): number {
  return createHash('sha1').update(key).digest().readUInt16BE(0) % OUTBOX_SHARDS;
}

/**
 * Records an event in the outbox inside the caller's transaction. Nothing is sent here: the
 * relay publishes after commit, so an event exists if and only if its state change does.
 */
export class OutboxWriter {
  constructor(private readonly tx: TransactionHost) {}

  async add<E extends EventContract>(event: E, payload: EventPayload<E>, key: string): Promise<string> {
    const manager = this.tx.requireTransaction(`publishing ${event.type}`);
    const checked = event.schema.parse(payload);
    const envelope = buildEnvelope(event.type, event.version, checked);
    await manager.query(
      'INSERT INTO outbox (id, topic, message_key, shard, envelope) VALUES ($1, $2, $3, $4, $5)',
      [envelope.id, event.topic, key, shardOf(key), JSON.stringify(envelope)],
    );
    return envelope.id;
  }
}
