import { z } from 'zod';
import { ALL_EVENTS } from '../events/index.js';
import { ALL_OPERATIONS } from '../operations/index.js';
import { replySchema } from '../errors.js';
import { dlqTopicOf, replyTopicOf } from '../define.js';
import { envelopeSchema } from '../envelope.js';

type Json = Record<string, unknown>;

const channelId = (topic: string): string => topic.replace(/[^A-Za-z0-9_-]/g, '_');

function jsonSchema(schema: z.ZodType): Json {
  const out = z.toJSONSchema(schema, { target: 'draft-7', io: 'input', unrepresentable: 'any' }) as Json;
  delete out.$schema;
  return out;
}

/** The envelope with a concrete payload schema. */
function enveloped(payload: z.ZodType): Json {
  return jsonSchema(envelopeSchema.extend({ payload }));
}

/**
 * Builds the AsyncAPI 3 document of every topic from the contracts, so the document
 * cannot drift from the code: `npm run asyncapi` writes it to libs/contracts/asyncapi.json.
 */
export function buildAsyncApiDocument(): Json {
  const channels: Json = {};
  const operations: Json = {};
  for (const event of ALL_EVENTS) {
    const id = channelId(event.topic);
    channels[id] = {
      address: event.topic,
      description: event.description,
      messages: { [id]: { name: event.type, contentType: 'application/json', payload: enveloped(event.schema) } },
    };
    operations[`publish_${id}`] = {
      action: 'send',
      title: `${event.producer} publishes ${event.type} v${event.version}`,
      channel: { $ref: `#/channels/${id}` },
      messages: [{ $ref: `#/channels/${id}/messages/${id}` }],
    };
    const dlq = channelId(dlqTopicOf(event.topic));
    channels[dlq] = {
      address: dlqTopicOf(event.topic),
      description: `Messages of ${event.topic} that failed validation or kept failing in a consumer, with the error in headers.`,
      messages: { [dlq]: { name: `${event.type}.dead-letter`, contentType: 'application/json', payload: { type: 'object' } } },
    };
  }
  for (const op of ALL_OPERATIONS) {
    const id = channelId(op.pattern);
    const replyId = channelId(replyTopicOf(op.pattern));
    channels[id] = {
      address: op.pattern,
      description: op.description,
      messages: { [id]: { name: op.pattern, contentType: 'application/json', payload: enveloped(op.request) } },
    };
    channels[replyId] = {
      address: replyTopicOf(op.pattern),
      description: `Replies to ${op.pattern}.`,
      messages: {
        [replyId]: { name: `${op.pattern}.reply`, contentType: 'application/json', payload: enveloped(replySchema) },
      },
    };
    operations[`request_${id}`] = {
      action: 'send',
      title: `Request ${op.pattern} (answered by ${op.service})`,
      channel: { $ref: `#/channels/${id}` },
      messages: [{ $ref: `#/channels/${id}/messages/${id}` }],
      reply: {
        channel: { $ref: `#/channels/${replyId}` },
        messages: [{ $ref: `#/channels/${replyId}/messages/${replyId}` }],
      },
    };
  }
  return {
    asyncapi: '3.0.0',
    info: {
      title: 'Atrium messaging',
      version: '1.0.0',
      description:
        'Every Kafka topic of Atrium. Events are `<service>.<entity>.<event>.v<N>`; request-reply patterns are `<service>.<operation>` with replies on `<pattern>.reply`. Message key = aggregate id.',
    },
    defaultContentType: 'application/json',
    servers: { local: { host: 'localhost:19092', protocol: 'kafka', description: 'The broker started by deploy/local' } },
    channels,
    operations,
  };
}
