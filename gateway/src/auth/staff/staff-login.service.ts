import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CLOCK, createLogger, unauthenticated, type Clock } from '@atrium/platform';
import type { GatewayConfig } from '../../config/gateway-config.js';
import { GATEWAY_CONFIG } from '../../gateway.tokens.js';
import { RetryLaterError } from '../../graphql/graphql-errors.js';
import { LoginLockouts, secondsUntil, waitText } from '../lockouts/login-lockouts.js';
import { SessionService, type IssuedSession } from '../sessions/session.service.js';
import { PasswordHasher } from './password-hasher.js';
import { normalizeUsername, StaffAccountRepository } from './staff-account.repository.js';

type Attempt =
  | { kind: 'ok'; account: { id: string; roles: string[] } }
  | { kind: 'wrong'; remaining: number }
  | { kind: 'locked'; until: Date; now: boolean }
  | { kind: 'disabled' };

/**
 * Staff log in with username and password (argon2id). Wrong passwords count per username;
 * too many in a row lock it for a while, whether or not the username exists.
 */
@Injectable()
export class StaffLoginService {
  private readonly log = createLogger('staff-login');
  private readonly lockouts: LoginLockouts;

  constructor(
    private readonly dataSource: DataSource,
    private readonly accounts: StaffAccountRepository,
    private readonly hasher: PasswordHasher,
    private readonly sessions: SessionService,
    @Inject(GATEWAY_CONFIG) config: GatewayConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    this.lockouts = new LoginLockouts({
      maxAttempts: config.LOGIN_MAX_ATTEMPTS,
      lockMs: config.LOGIN_LOCK_SECONDS * 1000,
    });
  }

  async login(username: string, password: string): Promise<IssuedSession> {
    const now = this.clock.now();
    const subject = `staff:${normalizeUsername(username)}`;
    const attempt = await this.dataSource.transaction(async (m): Promise<Attempt> => {
      const state = await this.lockouts.acquire(m, subject, now);
      if (state.lockedUntil) return { kind: 'locked', until: state.lockedUntil, now: false };
      const account = await this.accounts.findByUsername(username, m);
      const ok = account
        ? await this.hasher.verify(account.passwordHash, password)
        : await this.hasher.verifyNobody(password);
      if (!ok || !account) {
        const failure = await this.lockouts.recordFailure(m, subject, state, now);
        return failure.locked
          ? { kind: 'locked', until: failure.lockedUntil, now: true }
          : { kind: 'wrong', remaining: failure.remaining };
      }
      await this.lockouts.reset(m, subject, now);
      if (!account.active) return { kind: 'disabled' };
      return { kind: 'ok', account };
    });
    switch (attempt.kind) {
      case 'ok':
        this.log.info({ staffId: attempt.account.id }, 'staff logged in');
        return this.sessions.start({
          kind: 'staff',
          id: attempt.account.id,
          tenantId: null,
          roles: attempt.account.roles,
          scopes: [],
        });
      case 'wrong':
        this.log.info({ remaining: attempt.remaining }, 'staff login with a wrong username or password');
        throw unauthenticated('the username or password is wrong', 'WRONG_CREDENTIALS');
      case 'locked':
        this.log.warn(
          { lockedUntil: attempt.until },
          attempt.now ? 'staff username locked after wrong passwords' : 'staff login on a locked username',
        );
        throw new RetryLaterError(
          `too many wrong passwords: this username is locked; try again in ${waitText(now, attempt.until)}`,
          'LOGIN_LOCKED',
          secondsUntil(now, attempt.until),
        );
      case 'disabled':
        throw unauthenticated('this staff account is disabled', 'ACCOUNT_DISABLED');
    }
  }
}
