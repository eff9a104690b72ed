import { z } from 'zod';
import { actorSchema } from './actor.js';

/**
 * The envelope every Kafka message carries in its value (JSON). The same fields are
 * mirrored in Kafka headers (see HEADER) so that tools can route without parsing.
 */
export const envelopeSchema = z.object({
  id: z.uuid(),
  type: z.string().min(1),
  version: z.number().int().positive(),
  occurredAt: z.iso.datetime({ offset: true }),
  correlationId: z.string().min(1),
  causationId: z.string().nullable(),
  actor: actorSchema,
  traceparent: z.string().nullable().default(null),
  payload: z.unknown(),
});
export type Envelope<P = unknown> = Omit<z.infer<typeof envelopeSchema>, 'payload'> & { payload: P };

export const HEADER = {
  messageId: 'atrium-message-id',
  type: 'atrium-type',
  correlationId: 'atrium-correlation-id',
  traceparent: 'traceparent',
  replyTopic: 'atrium-reply-topic',
  replyPartition: 'atrium-reply-partition',
  deadline: 'atrium-deadline',
  dlqError: 'atrium-dlq-error',
  dlqOriginalTopic: 'atrium-dlq-original-topic',
  dlqOriginalPartition: 'atrium-dlq-original-partition',
  dlqOriginalOffset: 'atrium-dlq-original-offset',
  dlqConsumerGroup: 'atrium-dlq-consumer-group',
  dlqFailedAt: 'atrium-dlq-failed-at',
} as const;
