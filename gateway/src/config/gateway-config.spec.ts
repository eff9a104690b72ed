import { describe, expect, it } from '@jest/globals';
import { ConfigError } from '@atrium/platform';
import { DEV_JWT_SECRET, loadGatewayConfig } from './gateway-config.js';

const base = { KAFKA_BROKERS: 'localhost:19092', DATABASE_URL: 'postgres://u:p@localhost:5432/postgres' };

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadGatewayConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('gateway configuration', () => {
  it('has working defaults outside production, including a development JWT secret', () => {
    const config = loadGatewayConfig(base);
    expect(config.GATEWAY_PORT).toBe(4000);
    expect(config.DATABASE_NAME).toBe('atrium_gateway');
    expect(config.JWT_SECRET).toBe(DEV_JWT_SECRET);
    expect(config.LOGIN_CODE_TTL_SECONDS).toBe(300);
    expect(config.LOGIN_LOCK_SECONDS).toBe(900);
    expect(config.REQUEST_TIMEOUT_MS).toBe(5000);
  });

  it('production refuses a missing JWT_SECRET', () => {
    expect(problemsOf({ ...base, NODE_ENV: 'production' })).toEqual([
      'JWT_SECRET (unset): required in production',
    ]);
  });

  it('production refuses the development default and short secrets without printing them', () => {
    const defaulted = problemsOf({ ...base, NODE_ENV: 'production', JWT_SECRET: DEV_JWT_SECRET });
    expect(defaulted).toHaveLength(1);
    expect(defaulted[0]).toContain('development default');
    const short = problemsOf({ ...base, NODE_ENV: 'production', JWT_SECRET: 'short-secret' });
    expect(short).toHaveLength(1);
    expect(short[0]).toContain('at least 32 characters');
    expect(short.join('')).not.toContain('short-secret');
  });

  it('production accepts a long secret of its own', () => {
    const config = loadGatewayConfig({ ...base, NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(48) });
    expect(config.NODE_ENV).toBe('production');
  });

  it('names every bad variable at once, and refuses demo seeding in production', () => {
    const problems = problemsOf({ NODE_ENV: 'production', GATEWAY_PORT: 'abc', GATEWAY_SEED_DEMO: 'true' });
    const names = problems.map((p) => p.split(' ')[0]);
    expect(names).toEqual(
      expect.arrayContaining(['KAFKA_BROKERS', 'DATABASE_URL', 'GATEWAY_PORT', 'JWT_SECRET']),
    );
    expect(problems.some((p) => p.startsWith('GATEWAY_SEED_DEMO'))).toBe(false);
    expect(
      problemsOf({ ...base, NODE_ENV: 'production', JWT_SECRET: 'y'.repeat(40), GATEWAY_SEED_DEMO: 'true' }),
    ).toEqual(['GATEWAY_SEED_DEMO (true): demo accounts with known passwords are refused in production']);
  });
});
