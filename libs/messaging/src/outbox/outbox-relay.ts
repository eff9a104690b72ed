import type { Producer } from 'kafkajs';
import type { DataSource } from 'typeorm';
import { Counter, Gauge } from 'prom-client';
import type { Envelope } from '@atrium/contracts';
import { createLogger, errorForLog } from '@atrium/platform';
import { headersOf } from '../envelope.js';
import { OUTBOX_SHARDS } from './outbox-writer.js';

const published = new Counter({ name: 'atrium_outbox_published_total', help: 'Outbox rows published to Kafka' });
const lag = new Gauge({ name: 'atrium_outbox_lag_seconds', help: 'Age of the oldest unpublished outbox row (0 when empty)' });
const pending = new Gauge({ name: 'atrium_outbox_pending', help: 'Unpublished outbox rows' });

/** Advisory-lock class for relay shards (the second key is the shard number). */
const RELAY_LOCK_CLASS = 731_500;

export interface OutboxRelayOptions {
  dataSource: DataSource;
  producer: Producer;
  topicPrefix: string;
  batchSize?: number;
  idlePollMs?: number;
  /** Published rows older than this are deleted. */
  retentionMs?: number;
}

interface Row {
  seq: string;
  topic: string;
  message_key: string;
  envelope: Envelope;
}

/**
 * Publishes outbox rows in order per key. Rows are spread over shards by key; a replica
 * publishes a shard only while holding that shard's advisory lock, and reads its rows FOR
 * UPDATE SKIP LOCKED, so several replicas share the work and never publish a row twice
 * concurrently nor reorder one key. A crash between send and commit re-sends the batch:
 * delivery is at least once and consumers are idempotent.
 */
export class OutboxRelay {
  private readonly log = createLogger('outbox-relay');
  private running = false;
  private loop?: Promise<void>;
  private wake?: () => void;
  private lastHousekeeping = 0;
  private lastCleanup = Date.now();

  constructor(private readonly options: OutboxRelayOptions) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
  }

  /** Publishes what is pending now; returns the number of rows published. */
  async drainOnce(): Promise<number> {
    const ds = this.options.dataSource;
    const shards: Array<{ shard: number }> = await ds.query(
      'SELECT DISTINCT shard FROM outbox WHERE published_at IS NULL',
    );
    let total = 0;
    for (const { shard } of shards) total += await this.publishShard(shard);
    return total;
  }

  private async publishShard(shard: number): Promise<number> {
    const { dataSource, producer, topicPrefix, batchSize = 200 } = this.options;
    return dataSource.transaction(async (m) => {
      const [{ locked }] = await m.query('SELECT pg_try_advisory_xact_lock($1, $2) AS locked', [RELAY_LOCK_CLASS, shard]);
      if (!locked) return 0;
      const rows: Row[] = await m.query(
        `SELECT seq, topic, message_key, envelope FROM outbox
          WHERE shard = $1 AND published_at IS NULL ORDER BY seq LIMIT $2 FOR UPDATE SKIP LOCKED`,
        [shard, batchSize],
      );
      if (rows.length === 0) return 0;
      // Group by topic, keeping row order inside each topic (and so inside each key).
      const byTopic = new Map<string, Row[]>();
      for (const row of rows) byTopic.set(row.topic, [...(byTopic.get(row.topic) ?? []), row]);
      await producer.sendBatch({
        acks: -1,
        topicMessages: [...byTopic].map(([topic, list]) => ({
          topic: topicPrefix + topic,
          messages: list.map((row) => ({
            key: row.message_key,
            value: JSON.stringify(row.envelope),
            headers: headersOf(row.envelope),
          })),
        })),
      });
      await m.query('UPDATE outbox SET published_at = now() WHERE seq = ANY($1::bigint[])', [rows.map((r) => r.seq)]);
      published.inc(rows.length);
      return rows.length;
    });
  }

  private async housekeeping(): Promise<void> {
    const now = Date.now();
    if (now - this.lastHousekeeping < 1000) return;
    this.lastHousekeeping = now;
    const ds = this.options.dataSource;
    const [row] = await ds.query(
      `SELECT count(*)::int AS n, coalesce(extract(epoch FROM now() - min(created_at)), 0)::float AS age
         FROM outbox WHERE published_at IS NULL`,
    );
    pending.set(row.n);
    lag.set(row.age);
    if (now - this.lastCleanup > 60_000) {
      this.lastCleanup = now;
      await ds.query(`DELETE FROM outbox WHERE published_at < now() - ($1 || ' milliseconds')::interval`, [
        String(this.options.retentionMs ?? 24 * 3600 * 1000),
      ]);
    }
  }

  private async run(): Promise<void> {
    const idle = this.options.idlePollMs ?? 100;
    let failures = 0;
    while (this.running) {
      let count = 0;
      try {
        count = await this.drainOnce();
        await this.housekeeping();
        failures = 0;
      } catch (error) {
        failures += 1;
        this.log.warn({ err: errorForLog(error), failures }, 'outbox relay pass failed; retrying');
      }
      if (count === 0 && this.running) {
        const wait = failures ? Math.min(5000, idle * 2 ** failures) : idle;
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, wait);
          this.wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
      }
    }
  }
}

export { OUTBOX_SHARDS };
