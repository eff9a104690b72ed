import type { LANGUAGES } from '@atrium/contracts';

export type Language = (typeof LANGUAGES)[number];

export const SMS_TEMPLATE_IDS = ['LOGIN_CODE'] as const;
export type SmsTemplateId = (typeof SMS_TEMPLATE_IDS)[number];

export interface LoginCodeVariables {
  code: string;
  ttlMinutes: number;
}

/** The login-code SMS per language; Simplified Chinese is the fallback. */
export const LOGIN_CODE_TEMPLATES: Record<Language, (v: LoginCodeVariables) => string> = {
  'zh-CN': (v) => `【Atrium】您的登录验证码是 ${v.code}，${v.ttlMinutes} 分钟内有效。请勿将验证码告诉他人。`,
  en: (v) =>
    `[Atrium] Your login code is ${v.code}. It expires in ${v.ttlMinutes} minutes. Never share it with anyone.`,
  'zh-TW': (v) => `【Atrium】您的登入驗證碼是 ${v.code}，${v.ttlMinutes} 分鐘內有效。請勿將驗證碼告訴他人。`,
};

export function renderLoginCode(language: string, variables: LoginCodeVariables): string {
  return (LOGIN_CODE_TEMPLATES[language as Language] ?? LOGIN_CODE_TEMPLATES['zh-CN'])(variables);
}

/** The code inside a rendered login-code SMS (the only 6-digit run in it). */
export function loginCodeIn(body: string): string | null {
  return /(?<!\d)(\d{6})(?!\d)/.exec(body)?.[1] ?? null;
}
