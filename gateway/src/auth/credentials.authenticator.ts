import type { IncomingHttpHeaders } from 'node:http';
import { Injectable } from '@nestjs/common';
import { anonymousActor, type Actor } from '@atrium/contracts';
import { unauthenticated } from '@atrium/platform';
import type { ActorAuthenticator } from '../graphql/gateway-context.js';
import { ApiKeyService } from './api-keys/api-key.service.js';
import { AccessTokenService } from './tokens/access-token.service.js';

const BEARER = /^Bearer\s+(\S+)$/i;
const single = (value: string | string[] | undefined): string | undefined =>
  Array.isArray(value) ? value[0] : value;

/**
 * Resolves a request's credential to an actor: `Authorization: Bearer <access token>` for
 * members and staff, `x-api-key: atr_...` for partner tenants, nothing for anonymous callers.
 * A credential that is present but bad is UNAUTHENTICATED, never silently anonymous.
 */
@Injectable()
export class CredentialsAuthenticator implements ActorAuthenticator {
  constructor(
    private readonly accessTokens: AccessTokenService,
    private readonly apiKeys: ApiKeyService,
  ) {}

  async authenticate(headers: IncomingHttpHeaders): Promise<Actor> {
    const authorization = single(headers.authorization)?.trim();
    const apiKey = single(headers['x-api-key'])?.trim();
    if (authorization && apiKey) {
      throw unauthenticated(
        'send either an Authorization bearer token or an x-api-key header, not both',
        'AMBIGUOUS_CREDENTIALS',
      );
    }
    if (authorization) {
      const bearer = BEARER.exec(authorization);
      if (!bearer)
        throw unauthenticated("the Authorization header must be 'Bearer <access token>'", 'TOKEN_INVALID');
      return this.accessTokens.verify(bearer[1]!);
    }
    if (apiKey) return this.apiKeys.authenticate(apiKey);
    return anonymousActor;
  }
}
