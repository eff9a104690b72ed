// Proving that something did NOT happen, or setting up a race, without sleeping: wait for a
// fact that can only be true once the thing would have happened (a later message handled,
// the consumer group caught up, the outbox drained, a transaction blocked on a lock).
import { AssignerProtocol, type Kafka } from 'kafkajs';
import type { EventContract, EventPayload } from '@atrium/contracts';
import { expectEventually } from './eventually.js';
import type { TestKafka } from './kafka.js';

export interface WaitOptions {
  timeoutMs?: number;
  intervalMs?: number;
}

/** Anything that runs SQL: a TypeORM DataSource or EntityManager (rows) or a pg Client (`{ rows }`). */
export interface SqlRunner {
  query(sql: string, params?: unknown[]): Promise<unknown>;
}

async function rowsOf<R>(db: SqlRunner, sql: string, params: unknown[] = []): Promise<R[]> {
  const result = await db.query(sql, params);
  return (Array.isArray(result) ? result : (result as { rows: R[] }).rows) as R[];
}

/**
 * Publishes `payload` as a sentinel behind the messages under test, on the same `key` (so the
 * same partition, after them in order), and waits until `handled` passes for it. Once the
 * consumer has handled the sentinel it has handled, retried or parked everything before it:
 * an effect of those messages that is not there now will not come.
 */
export async function passSentinel<E extends EventContract>(
  kafka: TestKafka,
  event: E,
  payload: EventPayload<E>,
  options: { key: string; handled: () => unknown | Promise<unknown> } & WaitOptions,
): Promise<void> {
  await kafka.publish(event, payload, { key: options.key });
  await expectEventually(options.handled, options);
}

type Admin = ReturnType<Kafka['admin']>;

/** The end offset of every partition of `topics`, as "topic:partition" → offset. */
async function endOffsets(admin: Admin, topics: string[]): Promise<Map<string, string>> {
  const ends = new Map<string, string>();
  for (const topic of topics)
    for (const { partition, high } of await admin.fetchTopicOffsets(topic)) ends.set(`${topic}:${partition}`, high);
  return ends;
}

/** The topics the live members of `groupId` subscribe to, when the caller names none. */
async function topicsOf(admin: Admin, groupId: string, topics?: string[]): Promise<string[]> {
  if (topics) return topics;
  const { groups } = await admin.describeGroups([groupId]);
  const subscribed = (groups[0]?.members ?? []).flatMap((m) => AssignerProtocol.MemberMetadata.decode(m.memberMetadata)?.topics ?? []);
  return [...new Set(subscribed)];
}

/** Throws naming the partitions where `groupId` has not committed `ends` yet. */
async function checkCaughtUp(admin: Admin, groupId: string, ends: Map<string, string>): Promise<void> {
  const topics = [...new Set([...ends.keys()].map((at) => at.slice(0, at.lastIndexOf(':'))))];
  if (topics.length === 0) return;
  const committed = new Map<string, string>();
  for (const { topic, partitions } of await admin.fetchOffsets({ groupId, topics }))
    for (const { partition, offset } of partitions) committed.set(`${topic}:${partition}`, offset);
  const behind = [...ends].filter(([at, end]) => end !== '0' && committed.get(at) !== end);
  if (behind.length > 0)
    throw new Error(`${groupId} is behind on ${behind.map(([at, end]) => `${at} (committed ${committed.get(at) ?? '-'}, end ${end})`).join(', ')}`);
}

/**
 * Waits until consumer group `groupId` (the full name, topic prefix included) has committed the
 * end of every partition of `topics` (full names; by default every topic its live members
 * subscribe to): every message published before the call has been handled and will not be
 * delivered to the group again.
 */
export async function consumerCaughtUp(kafka: Kafka, groupId: string, topics?: string[], options: WaitOptions = {}): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const ends = await endOffsets(admin, await topicsOf(admin, groupId, topics));
    await expectEventually(() => checkCaughtUp(admin, groupId, ends), { timeoutMs: 30000, ...options });
  } finally {
    await admin.disconnect();
  }
}

/**
 * Waits until a set of services has nothing left in flight: every consumer group in `groups`
 * has handled every message on the topics it consumes, and every outbox is empty, with no
 * message published while that was checked. Then an effect that is not there will not come,
 * however many hops (event → reaction → event) it would have taken.
 */
export async function settled(
  kafka: Kafka,
  parts: { groups: string[]; outboxes: SqlRunner[] },
  options: WaitOptions = {},
): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    await expectEventually(
      async () => {
        const topics = [...new Set((await Promise.all(parts.groups.map((g) => topicsOf(admin, g)))).flat())];
        const before = await endOffsets(admin, topics);
        for (const group of parts.groups) {
          const own = await topicsOf(admin, group);
          await checkCaughtUp(admin, group, new Map([...before].filter(([at]) => own.includes(at.slice(0, at.lastIndexOf(':'))))));
        }
        for (const db of parts.outboxes) await checkOutboxEmpty(db);
        const after = await endOffsets(admin, topics);
        if ([...after].some(([at, end]) => before.get(at) !== end)) throw new Error('messages were published while settling');
      },
      { timeoutMs: 30000, intervalMs: 100, ...options },
    );
  } finally {
    await admin.disconnect();
  }
}

async function checkOutboxEmpty(db: SqlRunner): Promise<void> {
  const [row] = await rowsOf<{ n: number }>(db, 'SELECT count(*)::int AS n FROM outbox WHERE published_at IS NULL');
  if (row!.n !== 0) throw new Error(`the outbox still holds ${row!.n} unpublished row(s)`);
}

/**
 * Waits until the outbox of a service's database has no unpublished row: every event the
 * service wrote so far is on Kafka, and nothing it did is still on its way.
 */
export async function outboxDrained(db: SqlRunner, options: WaitOptions = {}): Promise<void> {
  await expectEventually(() => checkOutboxEmpty(db), { timeoutMs: 30000, ...options });
}

/**
 * Waits until at least `count` sessions of the current database wait for a lock that another
 * holds (pg_locks, not granted), e.g. the second of two racing transactions is now blocked by
 * the first: the race is set up, without guessing how long that takes.
 */
export async function lockWaiters(
  db: SqlRunner,
  options: { count?: number; locktype?: 'relation' | 'tuple' | 'transactionid' | 'advisory' } & WaitOptions = {},
): Promise<void> {
  const count = options.count ?? 1;
  await expectEventually(async () => {
    const [row] = await rowsOf<{ n: number }>(
      db,
      `SELECT count(DISTINCT l.pid)::int AS n
         FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
        WHERE NOT l.granted AND a.datname = current_database() AND ($1::text IS NULL OR l.locktype = $1)`,
      [options.locktype ?? null],
    );
    if (row!.n < count) throw new Error(`${row!.n} of ${count} session(s) wait for a lock`);
  }, { timeoutMs: 15000, intervalMs: 10, ...options });
}
