import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import { anonymousActor, type Actor } from '@atrium/contracts';

/** What travels with one unit of work: an HTTP request, a Kafka message, a job run. */
export interface RequestContext {
  correlationId: string;
  /** Id of the message that caused this work, if any. */
  causationId: string | null;
  actor: Actor;
  traceparent: string | null;
}

const storage = new AsyncLocalStorage<RequestContext>();

export function runWithContext<T>(context: RequestContext, work: () => T): T {
  return storage.run(context, work);
}

export function currentContext(): RequestContext | undefined {
  return storage.getStore();
}

/** The current context, or a fresh one for work that starts on its own (a job, a boot step). */
export function contextOrNew(actor: Actor = anonymousActor): RequestContext {
  return storage.getStore() ?? { correlationId: randomUUID(), causationId: null, actor, traceparent: null };
}

/** W3C traceparent for a new trace (version 00, random ids, sampled). */
export function newTraceparent(): string {
  const hex = (bytes: number) => randomUUID().replace(/-/g, '').slice(0, bytes * 2);
  return `00-${hex(16)}-${hex(8)}-01`;
}
