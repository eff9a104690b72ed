import type { Admin, Kafka } from 'kafkajs';
import { allTopicSpecs, type TopicSpec } from '@atrium/contracts';
import { expectingRefusals } from './kafka.js';

/**
 * Creates the platform's topics (events, DLQs, requests, replies) with explicit partition
 * counts; existing topics are left as they are. Returns the names created.
 */
export async function ensureTopics(kafka: Kafka, prefix: string, specs: TopicSpec[] = allTopicSpecs()): Promise<string[]> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing = specs.filter((spec) => !existing.has(prefix + spec.name));
    if (missing.length === 0) return [];
    // A small cluster (a laptop, a test run with a topic set per suite) may cap partitions.
    const cap = Number(process.env.KAFKA_TOPIC_MAX_PARTITIONS) || Number.POSITIVE_INFINITY;
    try {
      await admin.createTopics({
        waitForLeaders: false,
        topics: missing.map((spec) => ({
          topic: prefix + spec.name,
          numPartitions: Math.min(spec.partitions, cap),
          replicationFactor: -1,
          configEntries: Object.entries(spec.config).map(([name, value]) => ({ name, value })),
        })),
      });
    } catch (error) {
      // Another process may have created some of them at the same moment; checked below.
      if (!/already exists/i.test(String((error as Error).message))) throw error;
    }
    await waitForLeaders(admin, missing.map((spec) => prefix + spec.name));
    return missing.map((spec) => prefix + spec.name);
  } finally {
    await admin.disconnect();
  }
}

export async function deleteTopicsWithPrefix(kafka: Kafka, prefix: string): Promise<void> {
  if (!prefix) throw new Error('refusing to delete topics without a prefix');
  const admin = kafka.admin();
  await admin.connect();
  try {
    const topics = (await admin.listTopics()).filter((t) => t.startsWith(prefix));
    if (topics.length) await admin.deleteTopics({ topics, timeout: 30000 });
  } finally {
    await admin.disconnect();
  }
}

/**
 * Retries `attempt` until it succeeds or `timeoutMs` passes. Freshly created topics answer
 * metadata with a leader a moment before the leader serves offsets and fetches. The broker's
 * refusals while it settles are part of the wait, not errors: they are logged at debug level,
 * and the last one is in the error thrown when the time is up.
 */
export async function retryUntil<T>(what: string, attempt: () => Promise<T>, timeoutMs = 30000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await expectingRefusals(what, attempt);
    } catch (error) {
      if (Date.now() > deadline) throw new Error(`${what}: still failing after ${timeoutMs} ms: ${(error as Error).message}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

/** Waits until every partition of `topics` has a leader that serves offsets. */
async function waitForLeaders(admin: Admin, topics: string[]): Promise<void> {
  await retryUntil(`topics ${topics.slice(0, 3).join(', ')}${topics.length > 3 ? ', ...' : ''} have no leader`, async () => {
    const { topics: metadata } = await admin.fetchTopicMetadata({ topics });
    const ready = metadata.length === topics.length && metadata.every((t) => t.partitions.length > 0 && t.partitions.every((p) => p.leader >= 0));
    if (!ready) throw new Error('metadata incomplete');
    // ListOffsets is what a new consumer does first: only then is the topic really usable.
    await Promise.all(topics.map((topic) => admin.fetchTopicOffsets(topic)));
  }, 60000);
}
