// Real: the gateway with its real logger (pino, redaction) at trace level, its database, Kafka.
// Faked: members and notifications (FakeServices over Kafka). Log lines are captured in memory.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';

// The process logger writes into `captured` (set before anything logs, at trace level); the
// gateway is imported dynamically below so that no logger exists before this point.
const captured: string[] = [];
process.env.LOG_LEVEL = 'trace';
const { setLogDestination } = await import('@atrium/platform');
setLogDestination({ write: (line: string) => void captured.push(line) });

const { DataSource } = await import('typeorm');
const { uniqueTopicPrefix } = await import('@atrium/testing');
const { seedDemoDirectory, DEMO_PASSWORD } = await import('../seed/demo-seed.js');
const { FakeServices, startTestGateway, uniquePhone } = await import('../testing/gateway-harness.js');

type Gateway = Awaited<ReturnType<typeof startTestGateway>>;
let gateway: Gateway;
let fakes: InstanceType<typeof FakeServices>;
let tenantId: string;

beforeAll(async () => {
  const prefix = uniqueTopicPrefix();
  fakes = new FakeServices(prefix);
  await fakes.start();
  gateway = await startTestGateway({ topicPrefix: prefix });
  tenantId = (await seedDemoDirectory(gateway.app.get(DataSource))).tenantIds['AURORA-JEWELRY']!;
});

afterAll(async () => {
  await gateway?.close();
  await fakes?.stop();
});

/** A value appears in the logs as a whole token (not as part of a longer number or id). */
function logged(value: string): boolean {
  const escaped = value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?<![0-9A-Za-z])${escaped}(?![0-9A-Za-z])`).test(captured.join(''));
}

describe('logs', () => {
  it('never contain passwords, login codes, phones, tokens or API keys, even on failures', async () => {
    const secrets: string[] = [];
    const wrongPassword = `Wrong-Pass-${randomBytes(6).toString('hex')}`;
    secrets.push(wrongPassword, DEMO_PASSWORD);
    await gateway.graphql(
      'mutation ($u: String!, $p: String!) { staffLogin(username: $u, password: $p) { accessToken } }',
      { u: 'admin.demo', p: wrongPassword },
    );
    const admin = await gateway.graphql<{ staffLogin: { accessToken: string; refreshToken: string } }>(
      'mutation ($u: String!, $p: String!) { staffLogin(username: $u, password: $p) { accessToken refreshToken } }',
      { u: 'admin.demo', p: DEMO_PASSWORD },
    );
    const { accessToken, refreshToken } = admin.data!.staffLogin;
    secrets.push(accessToken, refreshToken);

    const phone = uniquePhone();
    secrets.push(phone, `+86${phone}`);
    fakes.register(phone, 'Quiet Member');
    await gateway.graphql('mutation ($phone: String!) { requestLoginCode(phone: $phone) { sent } }', {
      phone,
    });
    const code = fakes.lastCodeFor(phone);
    const wrongCode = code === '987654' ? '876543' : '987654';
    secrets.push(code, wrongCode);
    await gateway.graphql(
      'mutation ($p: String!, $c: String!) { loginWithCode(phone: $p, code: $c) { accessToken } }',
      { p: phone, c: wrongCode },
    );
    const member = await gateway.graphql<{ loginWithCode: { accessToken: string; refreshToken: string } }>(
      'mutation ($p: String!, $c: String!) { loginWithCode(phone: $p, code: $c) { accessToken refreshToken } }',
      { p: phone, c: code },
    );
    secrets.push(member.data!.loginWithCode.accessToken, member.data!.loginWithCode.refreshToken);
    await gateway.graphql('mutation ($t: String!) { refreshSession(refreshToken: $t) { accessToken } }', {
      t: member.data!.loginWithCode.refreshToken,
    });
    await gateway.graphql('mutation ($t: String!) { refreshSession(refreshToken: $t) { accessToken } }', {
      t: member.data!.loginWithCode.refreshToken,
    });

    const created = await gateway.graphql<{ createApiKey: { key: string } }>(
      'mutation ($t: ID!) { createApiKey(tenantId: $t, name: "log test", scopes: ["members:read"]) { key } }',
      { t: tenantId },
      { authorization: `Bearer ${accessToken}` },
    );
    const key = created.data!.createApiKey.key;
    secrets.push(key, key.slice(-32));
    await gateway.graphql('{ viewer { kind } }', undefined, { 'x-api-key': key });
    await gateway.graphql('{ viewer { kind } }', undefined, { 'x-api-key': `${key.slice(0, -1)}x` });
    await gateway.graphql(
      'mutation ($input: RegisterMemberInput!) { registerMember(input: $input) { id } }',
      {
        input: { phone, displayName: 'Again', channel: 'APP' },
      },
    );

    // The capture works: the gateway did log these events (at trace level, with everything on).
    const text = captured.join('');
    expect(text).toContain('staff login with a wrong username or password');
    expect(text).toContain('login code sent');
    expect(text).toContain('member logged in with a login code');
    expect(text).toContain('API key created');
    expect(secrets.filter(logged)).toEqual([]);
  });
});
