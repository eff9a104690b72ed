import { ALL_EVENTS } from './events/index.js';
import { ALL_OPERATIONS } from './operations/index.js';
import { dlqTopicOf, replyTopicOf } from './define.js';

export interface TopicSpec {
  name: string;
  partitions: number;
  /** Kafka topic configs, e.g. retention for short-lived reply topics. */
  config: Record<string, string>;
}

const REPLY_RETENTION_MS = String(60 * 60 * 1000);

/** All topics the platform needs, without the deployment's prefix. */
export function allTopicSpecs(): TopicSpec[] {
  const specs: TopicSpec[] = [];
  for (const event of ALL_EVENTS) {
    specs.push({ name: event.topic, partitions: event.partitions, config: {} });
    specs.push({ name: dlqTopicOf(event.topic), partitions: 1, config: {} });
  }
  for (const op of ALL_OPERATIONS) {
    specs.push({ name: op.pattern, partitions: op.partitions, config: { 'retention.ms': REPLY_RETENTION_MS } });
    specs.push({ name: replyTopicOf(op.pattern), partitions: op.partitions, config: { 'retention.ms': REPLY_RETENTION_MS } });
  }
  return specs;
}
