import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { findMemberByPhone, sendLoginCode, type OperationRequest } from '@atrium/contracts';
import { RequestClient } from '@atrium/messaging';
import { CLOCK, createLogger, unauthenticated, type Clock, type RequestContext } from '@atrium/platform';
import type { GatewayConfig } from '../../config/gateway-config.js';
import { GATEWAY_CONFIG } from '../../gateway.tokens.js';
import { RetryLaterError } from '../../graphql/graphql-errors.js';
import { hmacHex, randomDigits, sameHex } from '../crypto/secrets.js';
import { canonicalPhone } from '../crypto/phone.js';
import { LoginLockouts, secondsUntil, waitText, type LockoutState } from '../lockouts/login-lockouts.js';
import { SessionService, type IssuedSession } from '../sessions/session.service.js';

export const LOGIN_CODE_DIGITS = 6;

export interface LoginCodeSent {
  expiresInSeconds: number;
  resendAfterSeconds: number;
}

type Check =
  | { kind: 'ok'; codeId: string }
  | { kind: 'wrong'; remaining: number }
  | { kind: 'locked'; until: Date; justNow: boolean };

interface CodeRow {
  id: string;
  code_hash: string;
  expires_at: Date;
}

/**
 * One-time SMS login codes for members. A code is random, stored only as a keyed hash, valid
 * for LOGIN_CODE_TTL_SECONDS, single-use, and superseded by a newer one. Wrong codes count per
 * phone; LOGIN_MAX_ATTEMPTS of them lock the phone for LOGIN_LOCK_SECONDS, during which even
 * the right code is refused. The request answer is the same whether or not a member exists.
 */
@Injectable()
export class LoginCodeService {
  private readonly log = createLogger('login-codes');
  private readonly lockouts: LoginLockouts;
  /** Key of the phone and code hashes, derived from the gateway's secret. */
  private readonly hashKey: string;

  constructor(
    private readonly dataSource: DataSource,
    private readonly requests: RequestClient,
    private readonly sessions: SessionService,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    this.lockouts = new LoginLockouts({
      maxAttempts: config.LOGIN_MAX_ATTEMPTS,
      lockMs: config.LOGIN_LOCK_SECONDS * 1000,
    });
    this.hashKey = hmacHex(config.JWT_SECRET, 'atrium-login-codes');
  }

  async request(
    phone: string,
    language: OperationRequest<typeof sendLoginCode>['language'],
    context: RequestContext,
  ): Promise<LoginCodeSent> {
    const now = this.clock.now();
    const phoneHash = this.phoneHash(phone);
    const code = randomDigits(LOGIN_CODE_DIGITS);
    const codeId = uuidv7();
    const expiresAt = new Date(now.getTime() + this.config.LOGIN_CODE_TTL_SECONDS * 1000);
    await this.dataSource.transaction(async (m) => {
      const state = await this.lockouts.acquire(m, this.subject(phoneHash), now);
      if (state.lockedUntil) throw this.lockedError(now, state.lockedUntil, false);
      const [latest]: Array<{ created_at: Date }> = await m.query(
        'SELECT created_at FROM login_codes WHERE phone_hash = $1 ORDER BY created_at DESC LIMIT 1',
        [phoneHash],
      );
      const resendAt = latest
        ? new Date(latest.created_at.getTime() + this.config.LOGIN_CODE_RESEND_SECONDS * 1000)
        : null;
      if (resendAt && resendAt.getTime() > now.getTime()) {
        throw new RetryLaterError(
          `a login code was sent to this phone less than ${this.config.LOGIN_CODE_RESEND_SECONDS} seconds ago; wait ${waitText(now, resendAt)} before asking for another`,
          'LOGIN_CODE_RESEND_TOO_SOON',
          secondsUntil(now, resendAt),
        );
      }
      // Only the newest code is valid; codes older than a day are of no use to anyone.
      await m.query(
        'UPDATE login_codes SET expires_at = $2 WHERE phone_hash = $1 AND consumed_at IS NULL AND expires_at > $2',
        [phoneHash, now],
      );
      await m.query('DELETE FROM login_codes WHERE phone_hash = $1 AND created_at < $2', [
        phoneHash,
        new Date(now.getTime() - 24 * 3600 * 1000),
      ]);
      await m.query(
        'INSERT INTO login_codes (id, phone_hash, code_hash, expires_at, created_at) VALUES ($1, $2, $3, $4, $5)',
        [codeId, phoneHash, this.codeHash(codeId, phone, code), expiresAt, now],
      );
    });
    try {
      await this.requests.send(
        sendLoginCode,
        {
          phone: phone.trim(),
          code,
          language,
          ttlMinutes: Math.ceil(this.config.LOGIN_CODE_TTL_SECONDS / 60),
        },
        { context, key: phoneHash },
      );
    } catch (error) {
      // Not sent: the phone may ask again at once instead of waiting out the resend interval.
      await this.dataSource.query('DELETE FROM login_codes WHERE id = $1', [codeId]);
      throw error;
    }
    this.log.info({ codeId }, 'login code sent');
    return {
      expiresInSeconds: this.config.LOGIN_CODE_TTL_SECONDS,
      resendAfterSeconds: this.config.LOGIN_CODE_RESEND_SECONDS,
    };
  }

  async login(phone: string, code: string, context: RequestContext): Promise<IssuedSession> {
    const now = this.clock.now();
    const phoneHash = this.phoneHash(phone);
    // The outcome is committed before any error is thrown: wrong attempts must stay counted.
    const check = await this.dataSource.transaction((m) => this.check(m, phoneHash, phone, code.trim(), now));
    if (check.kind === 'locked') {
      this.log.warn(
        { lockedUntil: check.until },
        check.justNow ? 'phone locked after wrong login codes' : 'login on a locked phone',
      );
      throw this.lockedError(now, check.until, check.justNow);
    }
    if (check.kind === 'wrong') {
      this.log.info({ remaining: check.remaining }, 'wrong or expired login code');
      throw unauthenticated(
        `the login code is wrong or has expired; ${check.remaining} attempt${check.remaining === 1 ? '' : 's'} left before this phone is locked`,
        'LOGIN_CODE_INVALID',
      );
    }
    try {
      const { memberId } = await this.requests.send(
        findMemberByPhone,
        { phone: phone.trim() },
        { context, key: phoneHash },
      );
      if (!memberId) {
        throw unauthenticated(
          'no member is registered with this phone; register first',
          'MEMBER_NOT_REGISTERED',
        );
      }
      const session = await this.sessions.start({
        kind: 'member',
        id: memberId,
        tenantId: null,
        roles: [],
        scopes: [],
      });
      this.log.info({ memberId }, 'member logged in with a login code');
      return session;
    } catch (error) {
      // The code gave no session (no member yet, members service unreachable): it stays usable
      // until it expires, so the shopper can register or retry without waiting for a new SMS.
      await this.dataSource.query('UPDATE login_codes SET consumed_at = NULL WHERE id = $1', [check.codeId]);
      throw error;
    }
  }

  private async check(
    m: EntityManager,
    phoneHash: string,
    phone: string,
    code: string,
    now: Date,
  ): Promise<Check> {
    const subject = this.subject(phoneHash);
    const state: LockoutState = await this.lockouts.acquire(m, subject, now);
    if (state.lockedUntil) return { kind: 'locked', until: state.lockedUntil, justNow: false };
    const [row]: CodeRow[] = await m.query(
      `SELECT id, code_hash, expires_at FROM login_codes
        WHERE phone_hash = $1 AND consumed_at IS NULL ORDER BY created_at DESC LIMIT 1 FOR UPDATE`,
      [phoneHash],
    );
    const valid =
      row !== undefined &&
      row.expires_at.getTime() > now.getTime() &&
      sameHex(row.code_hash, this.codeHash(row.id, phone, code));
    if (valid) {
      await m.query('UPDATE login_codes SET consumed_at = $2, attempts = attempts + 1 WHERE id = $1', [
        row.id,
        now,
      ]);
      await this.lockouts.reset(m, subject, now);
      return { kind: 'ok', codeId: row.id };
    }
    if (row) await m.query('UPDATE login_codes SET attempts = attempts + 1 WHERE id = $1', [row.id]);
    const failure = await this.lockouts.recordFailure(m, subject, state, now);
    if (!failure.locked) return { kind: 'wrong', remaining: failure.remaining };
    // A locked phone's open codes die with the lock: after it ends, a new code is needed.
    await m.query(
      'UPDATE login_codes SET expires_at = $2 WHERE phone_hash = $1 AND consumed_at IS NULL AND expires_at > $2',
      [phoneHash, now],
    );
    return { kind: 'locked', until: failure.lockedUntil, justNow: true };
  }

  private lockedError(now: Date, until: Date, justNow: boolean): RetryLaterError {
    const message = justNow
      ? `too many wrong login codes: this phone is locked for ${waitText(now, until)}`
      : `too many wrong login codes: this phone is locked; try again in ${waitText(now, until)}`;
    return new RetryLaterError(message, 'LOGIN_LOCKED', secondsUntil(now, until));
  }

  private phoneHash(phone: string): string {
    return hmacHex(this.hashKey, 'phone', canonicalPhone(phone));
  }

  private codeHash(codeId: string, phone: string, code: string): string {
    return hmacHex(this.hashKey, 'code', codeId, canonicalPhone(phone), code);
  }

  private subject(phoneHash: string): string {
    return `phone:${phoneHash}`;
  }
}
