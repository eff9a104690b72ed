import { graphql, type Platform } from './platform.js';

export const REGISTER = /* GraphQL */ `
  mutation Register($input: RegisterMemberInput!) {
    registerMember(input: $input) { id memberCode displayName phoneMasked }
  }
`;

export const ME = /* GraphQL */ `
  query Me {
    me { id memberCode displayName phoneMasked inbox(first: 20) { unread items { id kind title body createdAt readAt } } }
  }
`;

/** A fresh mainland mobile number for this process. */
export { uniquePhone } from '@atrium/testing';

export async function registerMember(platform: Platform, phone: string, displayName = 'Test Shopper', headers: Record<string, string> = {}) {
  return graphql<{ registerMember: { id: string; memberCode: string; displayName: string; phoneMasked: string } }>(
    platform.graphqlUrl,
    REGISTER,
    {
      input: {
        phone,
        displayName,
        channel: 'MINI_PROGRAM',
        preferredLanguage: 'EN',
        consents: [{ purpose: 'MARKETING', channel: 'SMS', granted: true }],
      },
    },
    headers,
  );
}

/** Reads the latest login code sent to `phone` from the local SMS sink of the notifications service. */
export async function latestSmsCode(platform: Platform, phone: string): Promise<string | null> {
  const res = await fetch(`${platform.get('notifications').url}/local/sms?phone=${encodeURIComponent(phone)}`);
  if (res.status !== 200) return null;
  const messages = (await res.json()) as Array<{ code?: string | null; sentAt: string }>;
  return messages.find((m) => m.code)?.code ?? null;
}

/** Logs a member in through the SMS code flow; returns the access token. */
export async function loginMember(platform: Platform, phone: string): Promise<string> {
  const before = await latestSmsCode(platform, phone);
  const sent = await graphql(platform.graphqlUrl, 'mutation($phone: String!) { requestLoginCode(phone: $phone) { expiresInSeconds } }', { phone });
  if (sent.errors) throw new Error(`requestLoginCode failed: ${JSON.stringify(sent.errors)}`);
  let code: string | null = null;
  for (let i = 0; i < 200 && (!code || code === before); i += 1) {
    code = await latestSmsCode(platform, phone);
    if (!code || code === before) await new Promise((r) => setTimeout(r, 50));
  }
  if (!code) throw new Error(`no login code arrived for ${phone}`);
  const login = await graphql<{ loginWithCode: { accessToken: string } }>(
    platform.graphqlUrl,
    'mutation($phone: String!, $code: String!) { loginWithCode(phone: $phone, code: $code) { accessToken } }',
    { phone, code },
  );
  if (!login.data) throw new Error(`loginWithCode failed: ${JSON.stringify(login.errors)}`);
  return login.data.loginWithCode.accessToken;
}

/** The password of every demo staff account (GATEWAY_SEED_DEMO). */
export const DEMO_STAFF_PASSWORD = 'atrium-demo';

/** Logs a staff account in with its password; returns the access token. */
export async function loginStaff(platform: Platform, username: string, password = DEMO_STAFF_PASSWORD): Promise<string> {
  const r = await graphql<{ staffLogin: { accessToken: string } }>(
    platform.graphqlUrl,
    'mutation ($u: String!, $p: String!) { staffLogin(username: $u, password: $p) { accessToken } }',
    { u: username, p: password },
  );
  if (!r.data) throw new Error(`staffLogin ${username} failed: ${JSON.stringify(r.errors)}`);
  return r.data.staffLogin.accessToken;
}
