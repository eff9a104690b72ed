import { describe, expect, it } from '@jest/globals';
import { ConfigError, describeConfig, loadConfig, platformConfigSpec } from './config.js';

const valid = { KAFKA_BROKERS: 'localhost:19092', DATABASE_URL: 'postgres://u:p@localhost:5432/postgres' };

describe('loadConfig', () => {
  it('applies defaults and parses lists', () => {
    const config = loadConfig(platformConfigSpec, { ...valid, KAFKA_BROKERS: 'a:1, b:2' });
    expect(config.KAFKA_BROKERS).toEqual(['a:1', 'b:2']);
    expect(config.REQUEST_TIMEOUT_MS).toBe(5000);
    expect(config.MALL_TIME_ZONE).toBe('Asia/Shanghai');
  });

  it.each([
    [{ KAFKA_BROKERS: 'nohost' }, 'KAFKA_BROKERS', /host:port/],
    [{ DATABASE_URL: 'mysql://x/y' }, 'DATABASE_URL', /postgres:\/\//],
    [{ REQUEST_TIMEOUT_MS: '-5' }, 'REQUEST_TIMEOUT_MS', /too small|>0|positive/i],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL', /fatal|expected/i],
    [{ MALL_TIME_ZONE: 'Mars/Olympus' }, 'MALL_TIME_ZONE', /IANA time zone/],
  ])('names the bad variable %j', (override, name, problem) => {
    let error: unknown;
    try {
      loadConfig(platformConfigSpec, { ...valid, ...override });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const line = (error as ConfigError).problems.find((p) => p.startsWith(name));
    expect(line).toMatch(problem);
  });

  it('reports every missing required variable at once', () => {
    const error = (() => {
      try {
        loadConfig(platformConfigSpec, {});
      } catch (e) {
        return e as ConfigError;
      }
    })();
    expect(error?.problems.map((p) => p.split(' ')[0]).sort()).toEqual(['DATABASE_URL', 'KAFKA_BROKERS']);
  });

  it('describes variables with their defaults for the README', () => {
    const rows = describeConfig(platformConfigSpec);
    expect(rows.find((r) => r.name === 'REQUEST_TIMEOUT_MS')).toMatchObject({ default: '5000' });
    expect(rows.find((r) => r.name === 'KAFKA_BROKERS')).toMatchObject({ default: '(required)' });
  });
});
