import { randomUUID } from 'node:crypto';
import type { IHeaders } from 'kafkajs';
import { envelopeSchema, HEADER, type Envelope } from '@atrium/contracts';
import { contextOrNew, newTraceparent, type RequestContext } from '@atrium/platform';
import { v7 as uuidv7 } from 'uuid';

/** A new envelope for `payload`, carrying the correlation, cause and actor of the current context. */
export function buildEnvelope<P>(type: string, version: number, payload: P, context: RequestContext = contextOrNew()): Envelope<P> {
  return {
    id: uuidv7(),
    type,
    version,
    occurredAt: new Date().toISOString(),
    correlationId: context.correlationId,
    causationId: context.causationId,
    actor: context.actor,
    traceparent: context.traceparent ?? newTraceparent(),
    payload,
  };
}

export function headersOf(envelope: Envelope): IHeaders {
  const headers: IHeaders = {
    [HEADER.messageId]: envelope.id,
    [HEADER.type]: envelope.type,
    [HEADER.correlationId]: envelope.correlationId,
  };
  if (envelope.traceparent) headers[HEADER.traceparent] = envelope.traceparent;
  return headers;
}

export function headerString(headers: IHeaders | undefined, name: string): string | undefined {
  const value = headers?.[name];
  if (value === undefined || value === null) return undefined;
  const first = Array.isArray(value) ? value[0] : value;
  return first === undefined ? undefined : first.toString();
}

/** Parses a Kafka value into an envelope; throws a ZodError or SyntaxError when it is not one. */
export function parseEnvelope(value: Buffer | null): Envelope {
  if (!value) throw new SyntaxError('message has no value');
  return envelopeSchema.parse(JSON.parse(value.toString('utf8'))) as Envelope;
}

/** The context for work caused by `envelope`. */
export function contextFrom(envelope: Envelope): RequestContext {
  return {
    correlationId: envelope.correlationId,
    causationId: envelope.id,
    actor: envelope.actor,
    traceparent: envelope.traceparent,
  };
}

export const newCorrelationId = (): string => randomUUID();
