// Real: the gateway, its database, Kafka (topics created, nobody consuming the requests).
// Faked: nothing; the point is that no service answers.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { uniqueTopicPrefix } from '@atrium/testing';
import { startTestGateway, uniquePhone, type TestGateway } from '../testing/gateway-harness.js';

let gateway: TestGateway;

beforeAll(async () => {
  gateway = await startTestGateway({ topicPrefix: uniqueTopicPrefix(), env: { REQUEST_TIMEOUT_MS: '500' } });
});

afterAll(async () => {
  await gateway?.close();
});

describe('request-reply timeout', () => {
  it('an operation whose service is not running answers UPSTREAM_TIMEOUT after REQUEST_TIMEOUT_MS (500 ms)', async () => {
    const started = Date.now();
    const result = await gateway.graphql(
      'mutation ($input: RegisterMemberInput!) { registerMember(input: $input) { id } }',
      { input: { phone: uniquePhone(), displayName: 'Nobody Home', channel: 'APP' } },
    );
    const elapsed = Date.now() - started;
    expect(result.errors).toHaveLength(1);
    expect(result.errors![0]!.extensions).toMatchObject({ code: 'UPSTREAM_TIMEOUT' });
    expect(result.errors![0]!.message).toBe('members did not answer members.register-member within 500 ms');
    expect(elapsed).toBeGreaterThanOrEqual(500);
    // The deadline, not the machine's speed: well before the 5,000 ms default would have fired.
    expect(elapsed).toBeLessThan(5000);
  });

  it('requestLoginCode whose SMS cannot be sent times out and lets the phone ask again at once', async () => {
    const phone = uniquePhone();
    const ask = () =>
      gateway.graphql('mutation ($phone: String!) { requestLoginCode(phone: $phone) { sent } }', { phone });
    expect((await ask()).errors![0]!.extensions).toMatchObject({ code: 'UPSTREAM_TIMEOUT' });
    expect((await ask()).errors![0]!.extensions).toMatchObject({ code: 'UPSTREAM_TIMEOUT' });
  });
});
