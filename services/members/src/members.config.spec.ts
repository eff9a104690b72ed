import { describe, expect, it } from '@jest/globals';
import { ConfigError, loadConfig } from '@atrium/platform';
import { membersSettingsOf, membersSettingsSpec } from './members.config.js';

const load = (env: Record<string, string>) => loadConfig(membersSettingsSpec, env);

describe('members config spec', () => {
  it('has defaults for every members variable', () => {
    expect(load({})).toEqual({
      MEMBER_IDENTIFIER_PRIORITY: [
        'CARD',
        'PHONE',
        'MINI_PROGRAM_UNIONID',
        'MINI_PROGRAM_OPENID',
        'APP_ACCOUNT',
        'MEMBER_CODE',
      ],
      TIER_REVIEW_DAY_OF_MONTH: 1,
      BIRTHDAY_NOTICE_DAYS: 7,
    });
  });

  it('reads the values given', () => {
    expect(
      load({
        MEMBER_IDENTIFIER_PRIORITY: 'phone,card',
        TIER_REVIEW_DAY_OF_MONTH: '28',
        BIRTHDAY_NOTICE_DAYS: '0',
      }),
    ).toEqual({
      MEMBER_IDENTIFIER_PRIORITY: [
        'PHONE',
        'CARD',
        'MINI_PROGRAM_UNIONID',
        'MINI_PROGRAM_OPENID',
        'APP_ACCOUNT',
        'MEMBER_CODE',
      ],
      TIER_REVIEW_DAY_OF_MONTH: 28,
      BIRTHDAY_NOTICE_DAYS: 0,
    });
  });

  it('names every bad variable at once, with its value', () => {
    let error: unknown;
    try {
      load({
        MEMBER_IDENTIFIER_PRIORITY: 'CARD,EMAIL',
        TIER_REVIEW_DAY_OF_MONTH: '29',
        BIRTHDAY_NOTICE_DAYS: 'soon',
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems;
    expect(problems).toHaveLength(3);
    expect(problems[0]).toMatch(
      /^MEMBER_IDENTIFIER_PRIORITY \("CARD,EMAIL"\): .*unknown identifier\(s\) EMAIL/,
    );
    expect(problems[1]).toMatch(/^TIER_REVIEW_DAY_OF_MONTH \("29"\): must be a whole day 1 to 28/);
    expect(problems[2]).toMatch(/^BIRTHDAY_NOTICE_DAYS \("soon"\): must be a whole number of days 0 to 60/);
  });

  it.each([['1.5'], ['0'], ['-3']])('refuses TIER_REVIEW_DAY_OF_MONTH=%s', (raw) => {
    expect(() => load({ TIER_REVIEW_DAY_OF_MONTH: raw })).toThrow(/TIER_REVIEW_DAY_OF_MONTH .*1 to 28/);
  });

  it('fills the settings a service-only config lacks with their defaults, keeping those it has', () => {
    expect(membersSettingsOf({ BIRTHDAY_NOTICE_DAYS: 3 })).toEqual({ ...load({}), BIRTHDAY_NOTICE_DAYS: 3 });
  });
});
