import type { z } from 'zod';

export const SERVICES = ['members', 'tickets', 'feedback', 'recommendations', 'notifications', 'gateway'] as const;
export type ServiceName = (typeof SERVICES)[number];

export interface EventContract<S extends z.ZodType = z.ZodType> {
  readonly kind: 'event';
  /** `<service>.<entity>.<event>.v<N>`; frozen: renaming needs a new version. */
  readonly topic: string;
  readonly type: string;
  readonly version: number;
  readonly producer: ServiceName;
  readonly partitions: number;
  readonly description: string;
  readonly schema: S;
}

export interface OperationContract<Req extends z.ZodType = z.ZodType, Res extends z.ZodType = z.ZodType> {
  readonly kind: 'operation';
  /** `<service>.<operation>`; the reply travels on `<pattern>.reply`. */
  readonly pattern: string;
  readonly service: ServiceName;
  readonly partitions: number;
  readonly description: string;
  readonly request: Req;
  readonly response: Res;
}

export type EventPayload<E extends EventContract> = z.infer<E['schema']>;
export type OperationRequest<O extends OperationContract> = z.input<O['request']>;
export type OperationResponse<O extends OperationContract> = z.infer<O['response']>;

const EVENT_NAME = /^[a-z]+(-[a-z]+)*$/;

export function defineEvent<S extends z.ZodType>(def: {
  producer: ServiceName;
  entity: string;
  event: string;
  version: number;
  description: string;
  schema: S;
  partitions?: number;
}): EventContract<S> {
  if (!EVENT_NAME.test(def.entity) || !EVENT_NAME.test(def.event)) {
    throw new Error(`event names are kebab-case: ${def.entity}.${def.event}`);
  }
  const type = `${def.producer}.${def.entity}.${def.event}`;
  return Object.freeze({
    kind: 'event' as const,
    topic: `${type}.v${def.version}`,
    type,
    version: def.version,
    producer: def.producer,
    partitions: def.partitions ?? 6,
    description: def.description,
    schema: def.schema,
  });
}

export function defineOperation<Req extends z.ZodType, Res extends z.ZodType>(def: {
  service: ServiceName;
  operation: string;
  description: string;
  request: Req;
  response: Res;
  partitions?: number;
}): OperationContract<Req, Res> {
  if (!EVENT_NAME.test(def.operation)) throw new Error(`operation names are kebab-case: ${def.operation}`);
  return Object.freeze({
    kind: 'operation' as const,
    pattern: `${def.service}.${def.operation}`,
    service: def.service,
    partitions: def.partitions ?? 3,
    description: def.description,
    request: def.request,
    response: def.response,
  });
}

export const replyTopicOf = (pattern: string): string => `${pattern}.reply`;
export const dlqTopicOf = (topic: string): string => `${topic}.dlq`;
