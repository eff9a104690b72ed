import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import type { Actor } from '@atrium/contracts';
import { CLOCK, unauthenticated, type Clock } from '@atrium/platform';
import type { GatewayConfig } from '../../config/gateway-config.js';
import { GATEWAY_CONFIG } from '../../gateway.tokens.js';
import { randomToken, sha256Hex } from '../crypto/secrets.js';
import { StaffAccountRepository } from '../staff/staff-account.repository.js';
import { AccessTokenService } from '../tokens/access-token.service.js';

/** What a successful login or refresh returns to the client. */
export interface IssuedSession {
  accessToken: string;
  /** When the access token expires. */
  expiresAt: Date;
  refreshToken: string;
  refreshExpiresAt: Date;
}

type SubjectKind = 'member' | 'staff';

interface TokenRow {
  id: string;
  subject_kind: SubjectKind;
  subject_id: string;
  family_id: string;
  expires_at: Date;
  rotated_at: Date | null;
  revoked_at: Date | null;
}

type RefreshOutcome =
  | { kind: 'ok'; actor: Actor; refreshToken: string; refreshExpiresAt: Date }
  | { kind: 'unknown' | 'revoked' | 'reused' | 'expired' | 'disabled' };

const REFRESH_PREFIX = 'rt_';

/**
 * Sessions: a short-lived access token plus a refresh token that is stored only as a hash
 * and rotates on every use. Tokens of one login form a family; presenting a token that was
 * already rotated means it leaked, so the whole family is revoked.
 */
@Injectable()
export class SessionService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly accessTokens: AccessTokenService,
    private readonly staffAccounts: StaffAccountRepository,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** A new session (token family) for an actor that just proved who it is. */
  async start(actor: Actor): Promise<IssuedSession> {
    const kind = subjectKindOf(actor);
    const now = this.clock.now();
    const refresh = await this.insertToken(this.dataSource.manager, kind, actor.id, uuidv7(), now);
    const access = await this.accessTokens.issue(actor);
    return { accessToken: access.token, expiresAt: access.expiresAt, ...refresh };
  }

  async refresh(refreshToken: string): Promise<IssuedSession> {
    const now = this.clock.now();
    // Decisions are committed before any error is thrown: a detected reuse must stay revoked.
    const outcome = await this.dataSource.transaction((m) => this.rotate(m, refreshToken.trim(), now));
    switch (outcome.kind) {
      case 'ok': {
        const access = await this.accessTokens.issue(outcome.actor);
        return {
          accessToken: access.token,
          expiresAt: access.expiresAt,
          refreshToken: outcome.refreshToken,
          refreshExpiresAt: outcome.refreshExpiresAt,
        };
      }
      case 'unknown':
        throw unauthenticated('the refresh token is not valid; log in again', 'REFRESH_TOKEN_INVALID');
      case 'expired':
        throw unauthenticated('the refresh token has expired; log in again', 'REFRESH_TOKEN_EXPIRED');
      case 'revoked':
        throw unauthenticated('this session has been revoked; log in again', 'SESSION_REVOKED');
      case 'reused':
        throw unauthenticated(
          'this refresh token was already used, so the session has been revoked for safety; log in again',
          'REFRESH_TOKEN_REUSED',
        );
      case 'disabled':
        throw unauthenticated('this account is disabled', 'ACCOUNT_DISABLED');
    }
  }

  private async rotate(m: EntityManager, token: string, now: Date): Promise<RefreshOutcome> {
    if (!token.startsWith(REFRESH_PREFIX)) return { kind: 'unknown' };
    const [row]: TokenRow[] = await m.query(
      `SELECT id, subject_kind, subject_id, family_id, expires_at, rotated_at, revoked_at
         FROM refresh_tokens WHERE token_hash = $1 FOR UPDATE`,
      [sha256Hex(token)],
    );
    if (!row) return { kind: 'unknown' };
    if (row.revoked_at) return { kind: 'revoked' };
    if (row.rotated_at) {
      await this.revokeFamily(m, row.family_id, now);
      return { kind: 'reused' };
    }
    if (row.expires_at.getTime() <= now.getTime()) return { kind: 'expired' };
    const actor = await this.currentActor(m, row.subject_kind, row.subject_id);
    if (!actor) {
      await this.revokeFamily(m, row.family_id, now);
      return { kind: 'disabled' };
    }
    await m.query('UPDATE refresh_tokens SET rotated_at = $2 WHERE id = $1', [row.id, now]);
    const next = await this.insertToken(m, row.subject_kind, row.subject_id, row.family_id, now);
    return { kind: 'ok', actor, ...next };
  }

  /** The actor as it is now: a staff member's roles may have changed since the login. */
  private async currentActor(m: EntityManager, kind: SubjectKind, id: string): Promise<Actor | null> {
    if (kind === 'member') return { kind: 'member', id, tenantId: null, roles: [], scopes: [] };
    const account = await this.staffAccounts.findById(id, m);
    if (!account?.active) return null;
    return { kind: 'staff', id, tenantId: null, roles: account.roles, scopes: [] };
  }

  private async revokeFamily(m: EntityManager, familyId: string, now: Date): Promise<void> {
    await m.query('UPDATE refresh_tokens SET revoked_at = $2 WHERE family_id = $1 AND revoked_at IS NULL', [
      familyId,
      now,
    ]);
  }

  private async insertToken(
    m: EntityManager,
    kind: SubjectKind,
    subjectId: string,
    familyId: string,
    now: Date,
  ): Promise<{ refreshToken: string; refreshExpiresAt: Date }> {
    const refreshToken = REFRESH_PREFIX + randomToken(32);
    const refreshExpiresAt = new Date(now.getTime() + this.config.REFRESH_TOKEN_TTL_DAYS * 24 * 3600 * 1000);
    await m.query(
      `INSERT INTO refresh_tokens (id, subject_kind, subject_id, token_hash, family_id, expires_at, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [uuidv7(), kind, subjectId, sha256Hex(refreshToken), familyId, refreshExpiresAt, now],
    );
    return { refreshToken, refreshExpiresAt };
  }
}

function subjectKindOf(actor: Actor): SubjectKind {
  if (actor.kind === 'member' || actor.kind === 'staff') return actor.kind;
  throw new Error(`no sessions for ${actor.kind} actors`);
}
