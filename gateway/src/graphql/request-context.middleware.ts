import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Injectable, type NestMiddleware } from '@nestjs/common';
import { anonymousActor } from '@atrium/contracts';
import { runWithContext, type RequestContext } from '@atrium/platform';

export const CORRELATION_HEADER = 'x-correlation-id';
const CORRELATION_ID = /^[A-Za-z0-9._:-]{1,128}$/;
const TRACEPARENT = /^[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$/;
const CONTEXT = Symbol('atrium.requestContext');

type WithContext = IncomingMessage & { [CONTEXT]?: RequestContext };

const single = (value: string | string[] | undefined): string | undefined =>
  Array.isArray(value) ? value[0] : value;

/** The context of an HTTP request: the caller's correlation id (or a new one) and trace parent. */
export function buildRequestContext(req: IncomingMessage): RequestContext {
  const given = single(req.headers[CORRELATION_HEADER])?.trim();
  const traceparent = single(req.headers.traceparent)?.trim().toLowerCase();
  return {
    correlationId: given && CORRELATION_ID.test(given) ? given : randomUUID(),
    causationId: null,
    actor: anonymousActor,
    traceparent: traceparent && TRACEPARENT.test(traceparent) ? traceparent : null,
  };
}

/** The context the middleware attached to `req` (or a fresh one for a request it did not see). */
export function requestContextOf(req: IncomingMessage): RequestContext {
  const withContext = req as WithContext;
  withContext[CONTEXT] ??= buildRequestContext(req);
  return withContext[CONTEXT];
}

/**
 * Gives every HTTP request its correlation id: echoed in the response header and carried by
 * every log line written while the request is handled.
 */
@Injectable()
export class RequestContextMiddleware implements NestMiddleware {
  use(req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void): void {
    const context = requestContextOf(req);
    res.setHeader(CORRELATION_HEADER, context.correlationId);
    runWithContext(context, () => next());
  }
}
