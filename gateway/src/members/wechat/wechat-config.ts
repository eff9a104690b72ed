import { z } from 'zod';
import { loadConfig, positiveInt, type ConfigOf, type ConfigSpec } from '@atrium/platform';

/** Variables of the WeChat mini-program login (code-to-session), validated when the gateway boots. */
export const wechatConfigSpec = {
  WECHAT_API_BASE: {
    schema: z.url({ message: 'must be an http(s) URL' }).default('https://api.weixin.qq.com'),
    description: 'Base URL of the WeChat server API; code-to-session is GET <base>/sns/jscode2session.',
  },
  WECHAT_APP_ID: {
    schema: z.string().default(''),
    description:
      'AppID of the mall mini-program. Empty: loginWithMiniProgram is disabled (FORBIDDEN MINI_PROGRAM_LOGIN_DISABLED).',
  },
  WECHAT_APP_SECRET: {
    schema: z.string().default(''),
    secret: true,
    description: 'AppSecret of the mall mini-program (sent only to WeChat, never logged).',
  },
  WECHAT_TIMEOUT_MS: {
    schema: positiveInt(3000),
    description: 'How long the gateway waits for WeChat before UPSTREAM_TIMEOUT.',
  },
} satisfies ConfigSpec;

export type WeChatConfig = ConfigOf<typeof wechatConfigSpec>;

export const WECHAT_CONFIG = Symbol('WeChatConfig');

export function loadWeChatConfig(env: NodeJS.ProcessEnv = process.env): WeChatConfig {
  return loadConfig(wechatConfigSpec, env);
}
