import type { ServerResponse } from 'node:http';
import type { Actor } from '@atrium/contracts';
import { systemActor } from '@atrium/contracts';
import type { RequestContext } from '@atrium/platform';
import type { GatewayHttpRequest } from './http-context.js';
import { requestContextOf } from './request-context.middleware.js';

/** Turns a request's credentials (Authorization or x-api-key header) into an actor. */
export interface ActorAuthenticator {
  authenticate(headers: GatewayHttpRequest['headers']): Promise<Actor>;
}

/**
 * The GraphQL context of one request. The actor is resolved on first use only, so public
 * operations (registration, login, refresh) work even when a client still sends a stale
 * access token, while every protected operation fails with UNAUTHENTICATED on a bad one.
 */
export class GatewayContext {
  private actorPromise?: Promise<Actor>;
  private readonly base: RequestContext;

  constructor(
    readonly req: GatewayHttpRequest,
    readonly res: ServerResponse,
    private readonly authenticator: ActorAuthenticator,
  ) {
    this.base = requestContextOf(req);
  }

  get correlationId(): string {
    return this.base.correlationId;
  }

  /** The authenticated actor; anonymous when the request carries no credential. */
  actor(): Promise<Actor> {
    this.actorPromise ??= this.authenticator.authenticate(this.req.headers);
    return this.actorPromise;
  }

  /** What travels to services with a call made on behalf of `actor`. */
  contextFor(actor: Actor): RequestContext {
    return { ...this.base, actor };
  }

  /** For calls the gateway makes in its own name (login codes, member lookup at login). */
  systemContext(): RequestContext {
    return this.contextFor(systemActor('gateway'));
  }
}
