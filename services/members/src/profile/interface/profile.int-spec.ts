// Integration: the members service booted in-process (serviceSuite); profile fields.
// Real: PostgreSQL (own database), Kafka (own topic prefix), outbox relay, request-reply transport. Faked: nothing.
import { beforeAll, describe, expect, it } from '@jest/globals';
import type { DataSource } from 'typeorm';
import {
  getMemberProfile,
  profileUpdated,
  registerMember,
  updateMemberProfile,
  type Actor,
  type MemberView,
} from '@atrium/contracts';
import { failureOf, serviceSuite, testActor } from '@atrium/testing';
import { AppModule } from '../../app.module.js';

const actor = (kind: Actor['kind'], id: string, roles: string[] = []): Actor =>
  testActor(kind, id, { roles });
const staff = actor('staff', 'staff-1', ['FRONTLINE']);

let db: DataSource;

const suite = serviceSuite('members', {
  module: (config) => AppModule.forRoot(config),
  operations: [registerMember, getMemberProfile, updateMemberProfile],
});
const call = suite.send;

async function register(name = 'Profile Person'): Promise<MemberView> {
  return suite.registerMember(
    { displayName: name, preferredLanguage: undefined, consents: [] },
    actor('anonymous', 'anonymous'),
  );
}

beforeAll(() => {
  db = suite.db;
});

describe('member profile', () => {
  it('a member sets its profile; the date fields come back as written and one profileUpdated names the changed fields', async () => {
    const m = await register();
    const self = actor('member', m.id);
    const updated = await call(
      updateMemberProfile,
      {
        memberId: m.id,
        gender: 'FEMALE',
        birthday: '1990-02-28',
        anniversaries: [{ label: 'Wedding', date: '2015-10-01' }],
        preferredLanguage: 'en',
        preferredCategories: ['Jewelry', 'jewelry', 'Beauty'],
        preferredBrands: ['Aurora'],
      },
      self,
    );
    expect(updated).toEqual({
      memberId: m.id,
      displayName: 'Profile Person',
      gender: 'FEMALE',
      birthday: '1990-02-28',
      anniversaries: [{ label: 'Wedding', date: '2015-10-01' }],
      preferredLanguage: 'en',
      preferredCategories: ['Jewelry', 'Beauty'],
      preferredBrands: ['Aurora'],
      staffTags: null,
    });
    expect(await call(getMemberProfile, { memberId: m.id }, self)).toEqual(updated);
    // The same values again change nothing and publish nothing.
    await call(updateMemberProfile, { memberId: m.id, birthday: '1990-02-28' }, self);
    const events = (await db.query(
      `SELECT envelope FROM outbox WHERE envelope->>'type' = $1 AND envelope->'payload'->>'memberId' = $2`,
      [profileUpdated.type, m.id],
    )) as Array<{ envelope: { payload: { fields: string[] } } }>;
    expect(events.map((e) => e.envelope.payload.fields)).toEqual([
      ['gender', 'birthday', 'anniversaries', 'preferredLanguage', 'preferredCategories', 'preferredBrands'],
    ]);
  });

  it('null clears an optional field; staff set staff tags, which the member does not see', async () => {
    const m = await register();
    await call(updateMemberProfile, { memberId: m.id, birthday: '1985-06-15' }, actor('member', m.id));
    const byStaff = await call(
      updateMemberProfile,
      { memberId: m.id, birthday: null, staffTags: ['VIP-candidate'] },
      staff,
    );
    expect(byStaff).toMatchObject({ birthday: null, staffTags: ['VIP-candidate'] });
    expect((await call(getMemberProfile, { memberId: m.id }, actor('member', m.id))).staffTags).toBeNull();
  });

  it('a member cannot set staff tags, nor read or change another member’s profile; a partner cannot read any', async () => {
    const alice = await register('Alice');
    const bob = await register('Bob');
    expect(
      await failureOf(
        call(updateMemberProfile, { memberId: alice.id, staffTags: ['x'] }, actor('member', alice.id)),
      ),
    ).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'MEMBER_STAFF_ONLY_FIELD',
    });
    expect(
      (await failureOf(call(getMemberProfile, { memberId: bob.id }, actor('member', alice.id)))).code,
    ).toBe('FORBIDDEN');
    expect(
      (
        await failureOf(
          call(updateMemberProfile, { memberId: bob.id, displayName: 'Hacked' }, actor('member', alice.id)),
        )
      ).code,
    ).toBe('FORBIDDEN');
    expect(
      (
        await failureOf(
          call(
            getMemberProfile,
            { memberId: bob.id },
            { ...actor('partner', 'k'), tenantId: 't', scopes: ['members:read'] },
          ),
        )
      ).code,
    ).toBe('FORBIDDEN');
    expect((await call(getMemberProfile, { memberId: bob.id }, staff)).displayName).toBe('Bob');
  });

  it.each([
    [{ birthday: '1990-02-30' }, 'birthday'],
    [{ birthday: '2023-02-29' }, 'birthday'],
    [{ birthday: '19900101' }, 'birthday'],
    [{ birthday: '2999-01-01' }, 'birthday'],
    [{ anniversaries: [{ label: 'x', date: '2020-13-01' }] }, 'anniversaries.0.date'],
    [{ gender: 'UNKNOWN' }, 'gender'],
    [{ preferredLanguage: 'fr' }, 'preferredLanguage'],
  ])('%j is BAD_USER_INPUT naming %s', async (change, field) => {
    const m = await register();
    const error = await failureOf(
      call(updateMemberProfile, { memberId: m.id, ...change } as never, actor('member', m.id)),
    );
    expect(error).toMatchObject({ code: 'BAD_USER_INPUT', field });
  });

  it('a birthday after today (mall calendar) is BAD_USER_INPUT on birthday', async () => {
    const m = await register();
    const tomorrow = new Date(Date.now() + 2 * 86400_000).toISOString().slice(0, 10);
    expect(
      await failureOf(
        call(updateMemberProfile, { memberId: m.id, birthday: tomorrow }, actor('member', m.id)),
      ),
    ).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'birthday',
    });
  });
});
