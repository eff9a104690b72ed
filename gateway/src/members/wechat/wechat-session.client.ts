import { Inject, Injectable } from '@nestjs/common';
import { AppError, badInput, createLogger, forbidden, rateLimited } from '@atrium/platform';
import { WECHAT_CONFIG, type WeChatConfig } from './wechat-config.js';

/** Who the mini-program user is, as WeChat vouches for it. The session key stays inside the adapter. */
export interface WeChatIdentity {
  openid: string;
  unionid: string | null;
}

/** The documented answer of code-to-session (errcode 0 or absent on success). */
interface Code2SessionAnswer {
  openid?: string;
  session_key?: string;
  unionid?: string;
  errcode?: number;
  errmsg?: string;
}

/** A login code as wx.login() hands it out. */
const CODE = /^[A-Za-z0-9_-]{8,128}$/;

/**
 * Adapter of the WeChat code-to-session call:
 * GET <WECHAT_API_BASE>/sns/jscode2session?appid&secret&js_code&grant_type=authorization_code.
 * Maps WeChat's errcodes to Atrium errors: 40029/40163 (invalid or used code) → BAD_USER_INPUT on
 * `code`; 45011 (too frequent) → RATE_LIMITED; 40226 (high-risk user) → FORBIDDEN; -1, HTTP
 * failures and timeouts → UPSTREAM_TIMEOUT; any other errcode (e.g. a wrong AppSecret) is an
 * internal error, logged without the secret.
 */
@Injectable()
export class WeChatSessionClient {
  private readonly log = createLogger('wechat');

  constructor(@Inject(WECHAT_CONFIG) private readonly config: WeChatConfig) {}

  async exchange(code: string): Promise<WeChatIdentity> {
    const jsCode = code.trim();
    if (!CODE.test(jsCode)) throw badInput('code', 'must be the code wx.login() returned');
    if (!this.config.WECHAT_APP_ID || !this.config.WECHAT_APP_SECRET)
      throw forbidden('mini-program login is not configured on this gateway', 'MINI_PROGRAM_LOGIN_DISABLED');
    const url = new URL('/sns/jscode2session', this.config.WECHAT_API_BASE);
    url.search = new URLSearchParams({
      appid: this.config.WECHAT_APP_ID,
      secret: this.config.WECHAT_APP_SECRET,
      js_code: jsCode,
      grant_type: 'authorization_code',
    }).toString();
    let answer: Code2SessionAnswer;
    try {
      const response = await fetch(url, {
        method: 'GET',
        signal: AbortSignal.timeout(this.config.WECHAT_TIMEOUT_MS),
      });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      // WeChat answers JSON, sometimes labelled text/plain: parse the text.
      answer = JSON.parse(await response.text()) as Code2SessionAnswer;
    } catch (error) {
      this.log.warn({ err: { message: (error as Error).message } }, 'WeChat code-to-session failed');
      throw unavailable();
    }
    const errcode = answer.errcode ?? 0;
    switch (errcode) {
      case 0:
        break;
      case 40029:
      case 40163:
        throw badInput(
          'code',
          'the login code is invalid or was already used; call wx.login() again',
          'MINI_PROGRAM_CODE_INVALID',
        );
      case 45011:
        throw rateLimited('too many mini-program logins; try again in a minute', 'WECHAT_RATE_LIMITED');
      case 40226:
        throw forbidden('WeChat blocks this user from logging in', 'MINI_PROGRAM_USER_BLOCKED');
      case -1:
        throw unavailable();
      default:
        throw new Error(
          `WeChat code-to-session refused the call: errcode ${errcode} (${answer.errmsg ?? ''})`,
        );
    }
    if (!answer.openid) throw new Error('WeChat code-to-session answered without an openid');
    return { openid: answer.openid, unionid: answer.unionid ?? null };
  }
}

function unavailable(): AppError {
  return new AppError(
    'UPSTREAM_TIMEOUT',
    'WECHAT_UNAVAILABLE',
    'WeChat did not answer the login in time; try again',
  );
}
