import { describe, expect, it } from '@jest/globals';
import { LANGUAGES } from '@atrium/contracts';
import { LOGIN_CODE_TEMPLATES, loginCodeIn, renderLoginCode } from './sms-templates.js';

describe('login code SMS', () => {
  it('has a template for every language of the platform', () => {
    expect(Object.keys(LOGIN_CODE_TEMPLATES).sort()).toEqual([...LANGUAGES].sort());
  });

  it.each([
    ['zh-CN', '登录验证码', '5 分钟'],
    ['en', 'login code', '5 minutes'],
    ['zh-TW', '登入驗證碼', '5 分鐘'],
  ])('%s carries the code and its lifetime', (language, phrase, ttl) => {
    const body = renderLoginCode(language, { code: '042917', ttlMinutes: 5 });
    expect(body).toContain(phrase);
    expect(body).toContain(ttl);
    expect(loginCodeIn(body)).toBe('042917');
  });

  it('falls back to Simplified Chinese for a language it does not know', () => {
    expect(renderLoginCode('fr', { code: '123456', ttlMinutes: 10 })).toBe(
      renderLoginCode('zh-CN', { code: '123456', ttlMinutes: 10 }),
    );
  });

  it('finds no code in a text without a 6-digit run', () => {
    expect(loginCodeIn('call 12345 or 1234567')).toBeNull();
  });
});
