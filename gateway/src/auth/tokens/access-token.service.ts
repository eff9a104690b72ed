import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { errors, jwtVerify, SignJWT } from 'jose';
import { z } from 'zod';
import type { Actor } from '@atrium/contracts';
import { CLOCK, unauthenticated, type Clock } from '@atrium/platform';
import type { GatewayConfig } from '../../config/gateway-config.js';
import { GATEWAY_CONFIG } from '../../gateway.tokens.js';

export const TOKEN_ISSUER = 'atrium-gateway';
export const TOKEN_AUDIENCE = 'atrium';

const claimsSchema = z.object({
  sub: z.string().min(1),
  kind: z.enum(['member', 'staff']),
  roles: z.array(z.string()),
  tenantId: z.string().nullable(),
  scopes: z.array(z.string()),
});

export interface IssuedAccessToken {
  token: string;
  expiresAt: Date;
}

/** Short-lived access tokens: JWT, HS256, claims sub, kind, roles, tenantId, scopes. */
@Injectable()
export class AccessTokenService {
  private readonly key: Uint8Array;

  constructor(
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    this.key = new TextEncoder().encode(config.JWT_SECRET);
  }

  async issue(actor: Actor): Promise<IssuedAccessToken> {
    if (actor.kind !== 'member' && actor.kind !== 'staff')
      throw new Error(`no access tokens for ${actor.kind} actors`);
    const issuedAt = Math.floor(this.clock.now().getTime() / 1000);
    const expiresAt = issuedAt + this.config.ACCESS_TOKEN_TTL_SECONDS;
    const token = await new SignJWT({
      kind: actor.kind,
      roles: actor.roles,
      tenantId: actor.tenantId,
      scopes: actor.scopes,
    })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(actor.id)
      .setIssuer(TOKEN_ISSUER)
      .setAudience(TOKEN_AUDIENCE)
      .setIssuedAt(issuedAt)
      .setExpirationTime(expiresAt)
      .setJti(randomUUID())
      .sign(this.key);
    return { token, expiresAt: new Date(expiresAt * 1000) };
  }

  /** The actor of a valid token; UNAUTHENTICATED when it is expired, tampered with or malformed. */
  async verify(token: string): Promise<Actor> {
    let payload: unknown;
    try {
      ({ payload } = await jwtVerify(token, this.key, {
        algorithms: ['HS256'],
        issuer: TOKEN_ISSUER,
        audience: TOKEN_AUDIENCE,
        currentDate: this.clock.now(),
        requiredClaims: ['sub', 'exp', 'iat'],
      }));
    } catch (error) {
      if (error instanceof errors.JWTExpired) {
        throw unauthenticated(
          'the access token has expired; refresh the session or log in again',
          'TOKEN_EXPIRED',
        );
      }
      throw unauthenticated('the access token is not valid', 'TOKEN_INVALID');
    }
    const claims = claimsSchema.safeParse(payload);
    if (!claims.success) throw unauthenticated('the access token is not valid', 'TOKEN_INVALID');
    const { sub, kind, roles, tenantId, scopes } = claims.data;
    return { kind, id: sub, roles, tenantId, scopes };
  }
}
