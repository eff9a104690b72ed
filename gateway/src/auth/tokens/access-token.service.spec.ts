import { describe, expect, it } from '@jest/globals';
import { SignJWT, UnsecuredJWT } from 'jose';
import type { Actor } from '@atrium/contracts';
import { AppError, ManualClock } from '@atrium/platform';
import { loadGatewayConfig } from '../../config/gateway-config.js';
import { AccessTokenService, TOKEN_AUDIENCE, TOKEN_ISSUER } from './access-token.service.js';

const config = loadGatewayConfig({
  KAFKA_BROKERS: 'localhost:1',
  DATABASE_URL: 'postgres://localhost/x',
  JWT_SECRET: 'unit-test-secret-of-sufficient-length',
});
const staff: Actor = { kind: 'staff', id: 'staff-1', tenantId: null, roles: ['SUPERVISOR'], scopes: [] };

async function reasonOf(work: Promise<unknown>): Promise<string> {
  try {
    await work;
  } catch (error) {
    expect((error as AppError).code).toBe('UNAUTHENTICATED');
    return (error as AppError).reason;
  }
  throw new Error('expected UNAUTHENTICATED');
}

describe('access tokens', () => {
  it('a token issued for an actor verifies back to the same actor until it expires', async () => {
    const clock = new ManualClock(new Date('2026-03-01T08:00:00Z'));
    const tokens = new AccessTokenService(config, clock);
    const { token, expiresAt } = await tokens.issue(staff);
    expect(expiresAt.toISOString()).toBe('2026-03-01T08:15:00.000Z');
    expect(await tokens.verify(token)).toEqual(staff);
    clock.advance(15 * 60 * 1000 + 1000);
    expect(await reasonOf(tokens.verify(token))).toBe('TOKEN_EXPIRED');
  });

  it('changed claims, another key, the none algorithm or garbage are TOKEN_INVALID', async () => {
    const clock = new ManualClock(new Date());
    const tokens = new AccessTokenService(config, clock);
    const { token } = await tokens.issue(staff);
    const [header, payload, signature] = token.split('.') as [string, string, string];
    const forged = Buffer.from(
      JSON.stringify({ ...JSON.parse(Buffer.from(payload, 'base64url').toString()), roles: ['ADMIN'] }),
    ).toString('base64url');
    expect(await reasonOf(tokens.verify(`${header}.${forged}.${signature}`))).toBe('TOKEN_INVALID');

    const now = Math.floor(clock.now().getTime() / 1000);
    const claims = { kind: 'staff', roles: ['ADMIN'], tenantId: null, scopes: [] };
    const otherKey = await new SignJWT(claims)
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('x')
      .setIssuer(TOKEN_ISSUER)
      .setAudience(TOKEN_AUDIENCE)
      .setIssuedAt(now)
      .setExpirationTime(now + 60)
      .sign(new TextEncoder().encode('another-secret-another-secret-another'));
    expect(await reasonOf(tokens.verify(otherKey))).toBe('TOKEN_INVALID');
    const unsigned = new UnsecuredJWT(claims)
      .setSubject('x')
      .setIssuer(TOKEN_ISSUER)
      .setAudience(TOKEN_AUDIENCE)
      .setIssuedAt(now)
      .setExpirationTime(now + 60)
      .encode();
    expect(await reasonOf(tokens.verify(unsigned))).toBe('TOKEN_INVALID');
    expect(await reasonOf(tokens.verify('garbage'))).toBe('TOKEN_INVALID');
  });

  it('a correctly signed token with claims of the wrong shape is TOKEN_INVALID', async () => {
    const clock = new ManualClock(new Date());
    const tokens = new AccessTokenService(config, clock);
    const now = Math.floor(clock.now().getTime() / 1000);
    const odd = await new SignJWT({ kind: 'system', roles: 'ADMIN' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('x')
      .setIssuer(TOKEN_ISSUER)
      .setAudience(TOKEN_AUDIENCE)
      .setIssuedAt(now)
      .setExpirationTime(now + 60)
      .sign(new TextEncoder().encode(config.JWT_SECRET));
    expect(await reasonOf(tokens.verify(odd))).toBe('TOKEN_INVALID');
  });
});
