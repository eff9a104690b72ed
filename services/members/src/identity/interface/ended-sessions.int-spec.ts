// Integration: sessions of members who deleted their account or were merged away (serviceSuite).
// Real: PostgreSQL (own database), Kafka (own topic prefix), request-reply transport.
// Faked: nothing.
import { describe, expect, it } from '@jest/globals';
import {
  deleteMemberAccount,
  getMember,
  getPointsBalance,
  getMemberProfile,
  listConsents,
  mergeMembers,
  registerMember,
  type Actor,
} from '@atrium/contracts';
import { failureOf, serviceSuite, staffActor, testActor } from '@atrium/testing';
import { AppModule } from '../../app.module.js';

const suite = serviceSuite('members', {
  module: (config) => AppModule.forRoot(config),
  operations: [
    registerMember,
    getMember,
    getPointsBalance,
    getMemberProfile,
    listConsents,
    deleteMemberAccount,
    mergeMembers,
  ],
});
const call = suite.send;

const actor = testActor;
const anonymous = actor('anonymous', 'anonymous');
const supervisor = staffActor('SUPERVISOR', 'sup-1');

const newMember = async (name: string) => (await suite.registerMember({ displayName: name }, anonymous)).id;

/** Member operations a signed-in member uses on itself. */
const ownOperations = (id: string, as: Actor) => [
  call(getMember, { memberId: id }, as),
  call(getPointsBalance, { memberId: id }, as),
  call(getMemberProfile, { memberId: id }, as),
  call(listConsents, { memberId: id }, as),
];

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
