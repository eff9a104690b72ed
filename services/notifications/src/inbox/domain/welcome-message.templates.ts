import type { LANGUAGES } from '@atrium/contracts';

export type Language = (typeof LANGUAGES)[number];

export interface WelcomeVariables {
  displayName: string;
  memberCode: string;
}

interface Template {
  title: string;
  body: (v: WelcomeVariables) => string;
}

/** The welcome text per language; Simplified Chinese is the fallback. */
export const WELCOME_TEMPLATES: Record<Language, Template> = {
  'zh-CN': {
    title: '欢迎加入会员',
    body: (v) =>
      `${v.displayName}，您好！欢迎成为我们的会员。您的会员号是 ${v.memberCode}，到服务台出示即可享受会员服务。`,
  },
  en: {
    title: 'Welcome to the membership',
    body: (v) =>
      `Hello ${v.displayName}, welcome aboard! Your member code is ${v.memberCode}; show it at any service desk to use your member services.`,
  },
  'zh-TW': {
    title: '歡迎加入會員',
    body: (v) =>
      `${v.displayName}，您好！歡迎成為我們的會員。您的會員號是 ${v.memberCode}，到服務台出示即可享受會員服務。`,
  },
};

export const WELCOME_DEDUPE_KEY = 'welcome';

export function renderWelcome(
  language: string,
  variables: WelcomeVariables,
): { title: string; body: string } {
  const template = WELCOME_TEMPLATES[language as Language] ?? WELCOME_TEMPLATES['zh-CN'];
  return { title: template.title, body: template.body(variables) };
}
