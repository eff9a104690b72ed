import { describe, expect, it } from '@jest/globals';
import { LANGUAGES } from '@atrium/contracts';
import { renderWelcome, WELCOME_TEMPLATES } from './welcome-message.templates.js';

const vars = { displayName: 'Li Wei', memberCode: 'M28T5CY4T' };

describe('welcome message templates', () => {
  it('has a template for every language of the platform', () => {
    expect(Object.keys(WELCOME_TEMPLATES).sort()).toEqual([...LANGUAGES].sort());
  });

  it.each([
    ['zh-CN', '欢迎加入会员', '欢迎成为我们的会员'],
    ['en', 'Welcome to the membership', 'welcome aboard'],
    ['zh-TW', '歡迎加入會員', '歡迎成為我們的會員'],
  ])('%s speaks its language and names the member and its code', (language, title, phrase) => {
    const message = renderWelcome(language, vars);
    expect(message.title).toBe(title);
    expect(message.body).toContain(phrase);
    expect(message.body).toContain('Li Wei');
    expect(message.body).toContain('M28T5CY4T');
  });

  it('falls back to Simplified Chinese for a language it does not know', () => {
    expect(renderWelcome('fr', vars)).toEqual(renderWelcome('zh-CN', vars));
  });
});
