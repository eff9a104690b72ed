// Integration: sessions of members who deleted their account or were merged away.
// Real: PostgreSQL (own database), Kafka (own topic prefix), request-reply transport.
// Faked: nothing.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  deleteMemberAccount,
  getMember,
  getPointsBalance,
  getMemberProfile,
  listConsents,
  mergeMembers,
  registerMember,
  type Actor,
  type OperationContract,
  type OperationRequest,
  type OperationResponse,
} from '@atrium/contracts';
import { RequestClient } from '@atrium/messaging';
import {
  startTestService,
  TestKafka,
  uniqueTopicPrefix,
  type TestService,
  sendAs,
  failureOf,
  testActor,
  startTestClient,
} from '@atrium/testing';
import { AppModule } from '../../app.module.js';

const actor = testActor;
const anonymous = actor('anonymous', 'anonymous');
const supervisor = actor('staff', 'sup-1', { roles: ['SUPERVISOR'] });

let kafka: TestKafka;
let service: TestService;
let client: RequestClient;

function call<O extends OperationContract>(
  op: O,
  request: OperationRequest<O>,
  as: Actor,
): Promise<OperationResponse<O>> {
  return sendAs(client, op, request, as);
}

const freshPhone = () => `135${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
const newMember = async (name: string) =>
  (await call(registerMember, { phone: freshPhone(), displayName: name, channel: 'APP' }, anonymous)).id;

/** Member operations a signed-in member uses on itself. */
const ownOperations = (id: string, as: Actor) => [
  call(getMember, { memberId: id }, as),
  call(getPointsBalance, { memberId: id }, as),
  call(getMemberProfile, { memberId: id }, as),
  call(listConsents, { memberId: id }, as),
];

beforeAll(async () => {
  const prefix = uniqueTopicPrefix();
  kafka = new TestKafka(prefix);
  await kafka.createTopics();
  service = await startTestService('members', (config) => AppModule.forRoot(config), { topicPrefix: prefix });
  client = await startTestClient(kafka, [
    registerMember,
    getMember,
    getPointsBalance,
    getMemberProfile,
    listConsents,
    deleteMemberAccount,
    mergeMembers,
  ]);
});

afterAll(async () => {
  await client?.stop();
  await service?.close();
  await kafka?.close();
});

describe('sessions of members who are no longer active', () => {
  it('a deleted member’s session is UNAUTHENTICATED on every operation; repeating the deletion still returns the first one', async () => {
    const id = await newMember('Leaving');
    const me = actor('member', id);
    for (const result of await Promise.allSettled(ownOperations(id, me)))
      expect(result.status).toBe('fulfilled');

    const deleted = await call(deleteMemberAccount, { memberId: id }, me);
    for (const op of ownOperations(id, me))
      expect(await failureOf(op)).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'MEMBER_SESSION_ENDED' });
    expect((await call(deleteMemberAccount, { memberId: id }, me)).deletedAt).toBe(deleted.deletedAt);
  });

  it('a merged member’s session is UNAUTHENTICATED; the survivor’s session and staff reads of the merged id still work', async () => {
    const survivor = await newMember('Survivor');
    const merged = await newMember('Duplicate');
    await call(mergeMembers, { survivorId: survivor, mergedId: merged, reason: 'same person' }, supervisor);

    for (const op of ownOperations(merged, actor('member', merged)))
      expect(await failureOf(op)).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'MEMBER_SESSION_ENDED' });
    expect((await call(getMember, { memberId: survivor }, actor('member', survivor))).id).toBe(survivor);
    expect((await call(getMember, { memberId: merged }, supervisor)).id).toBe(survivor);
  });

  it('other members, staff and anonymous callers are unaffected by another member’s closure', async () => {
    const closed = await newMember('Closed');
    await call(deleteMemberAccount, { memberId: closed }, actor('member', closed));
    const other = await newMember('Still here');
    expect((await call(getMember, { memberId: other }, actor('member', other))).id).toBe(other);
    expect((await call(getMember, { memberId: closed }, supervisor)).id).toBe(closed);
  });
});
