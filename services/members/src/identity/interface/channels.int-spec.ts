// Integration: the members service booted in-process (serviceSuite); channel identities, resolution by priority,
// mini-program sign-in and staff search.
// Real: PostgreSQL (own database), Kafka (own topic prefix), outbox relay, request-reply transport. Faked: nothing.
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from '@jest/globals';
import type { DataSource } from 'typeorm';
import {
  identityLinked,
  linkIdentity,
  listIdentities,
  memberRegistered,
  registerMember,
  resolveMember,
  searchMembers,
  signInMiniProgram,
  type Actor,
  type MemberView,
} from '@atrium/contracts';
import { loadConfig } from '@atrium/platform';
import { failureOf, testActor, serviceSuite, uniquePhone } from '@atrium/testing';
import { AppModule } from '../../app.module.js';
import { membersSettingsSpec } from '../../members.config.js';

const actor = (kind: Actor['kind'], id: string, roles: string[] = []): Actor =>
  testActor(kind, id, { roles });
const staff = actor('staff', 'staff-1', ['FRONTLINE']);
const system = actor('system', 'gateway');
const partner: Actor = {
  kind: 'partner',
  id: 'key',
  tenantId: randomUUID(),
  roles: [],
  scopes: ['members:read'],
};

let db: DataSource;
const run = randomUUID().replace(/-/g, '').slice(0, 10).toUpperCase();
let counter = 0;
const unique = (prefix: string) => `${prefix}${run}${(counter += 1)}`;

// Priority for this suite: the phone beats the card.
const priority = loadConfig(membersSettingsSpec, { MEMBER_IDENTIFIER_PRIORITY: 'PHONE,CARD' });
const suite = serviceSuite('members', {
  module: (config) => AppModule.forRoot({ ...config, ...priority }),
  operations: [registerMember, linkIdentity, listIdentities, resolveMember, signInMiniProgram, searchMembers],
});
const call = suite.send;

const freshPhone = uniquePhone;

async function register(name = 'Channel Person', phone?: string): Promise<MemberView & { phone: string }> {
  return suite.registerMember(
    { phone, displayName: name, preferredLanguage: undefined, consents: [] },
    actor('anonymous', 'anonymous'),
  );
}

const count = async (sql: string, params: unknown[]) =>
  Number(((await db.query(sql, params)) as Array<{ n: string }>)[0]!.n);

beforeAll(() => {
  db = suite.db;
});

describe('channel identities', () => {
  it('staff link a card at the desk; the member lists its identities masked; linking it again changes nothing', async () => {
    const m = await register();
    const card = `8800 ${String(Date.now()).slice(-8)}`;
    const linked = await call(linkIdentity, { memberId: m.id, kind: 'CARD', value: card }, staff);
    expect(linked.linked).toBe(true);
    const again = await call(
      linkIdentity,
      { memberId: m.id, kind: 'CARD', value: card.replace(' ', '-') },
      actor('member', m.id),
    );
    expect(again.linked).toBe(false);
    const { items } = await call(listIdentities, { memberId: m.id }, actor('member', m.id));
    expect(items.map((i) => [i.kind, i.valueMasked])).toEqual([
      ['PHONE', `${m.phone.slice(0, 3)}****${m.phone.slice(-4)}`],
      ['CARD', `****${card.slice(-4)}`],
    ]);
    expect(JSON.stringify(items)).not.toContain(m.phone);
    expect(
      await count(
        `SELECT count(*) AS n FROM outbox WHERE envelope->>'type' = $1 AND envelope->'payload'->>'memberId' = $2`,
        [identityLinked.type, m.id],
      ),
    ).toBe(1);
  });

  it('a card held by another member is a CONFLICT; a member cannot link to or list another member; mini-program ids only by the platform', async () => {
    const alice = await register('Alice');
    const bob = await register('Bob');
    const card = unique('C');
    await call(linkIdentity, { memberId: alice.id, kind: 'CARD', value: card }, staff);
    expect(
      await failureOf(call(linkIdentity, { memberId: bob.id, kind: 'CARD', value: card }, staff)),
    ).toMatchObject({
      code: 'CONFLICT',
      reason: 'MEMBER_IDENTITY_TAKEN',
    });
    expect(
      (
        await failureOf(
          call(
            linkIdentity,
            { memberId: bob.id, kind: 'CARD', value: unique('C') },
            actor('member', alice.id),
          ),
        )
      ).code,
    ).toBe('FORBIDDEN');
    expect(
      (await failureOf(call(listIdentities, { memberId: bob.id }, actor('member', alice.id)))).code,
    ).toBe('FORBIDDEN');
    expect((await failureOf(call(listIdentities, { memberId: bob.id }, partner))).code).toBe('FORBIDDEN');
    expect(
      (
        await failureOf(
          call(
            linkIdentity,
            { memberId: alice.id, kind: 'MINI_PROGRAM_OPENID', value: unique('o') },
            actor('member', alice.id),
          ),
        )
      ).code,
    ).toBe('FORBIDDEN');
    expect(
      (
        await failureOf(
          call(linkIdentity, { memberId: alice.id, kind: 'MINI_PROGRAM_OPENID', value: unique('o') }, staff),
        )
      ).code,
    ).toBe('FORBIDDEN');
  });

  it('a malformed card or an unknown kind is BAD_USER_INPUT naming the field', async () => {
    const m = await register();
    expect(
      await failureOf(call(linkIdentity, { memberId: m.id, kind: 'CARD', value: '12' }, staff)),
    ).toMatchObject({ code: 'BAD_USER_INPUT', field: 'value' });
    expect(
      await failureOf(call(linkIdentity, { memberId: m.id, kind: 'PHONE', value: m.phone } as never, staff)),
    ).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'kind',
    });
  });
});

describe('resolving a member by identifiers', () => {
  it('with a phone and a card of two different members, the configured priority (PHONE before CARD here) decides', async () => {
    const byPhone = await register('By phone');
    const byCard = await register('By card');
    const card = unique('K');
    await call(linkIdentity, { memberId: byCard.id, kind: 'CARD', value: card }, staff);
    expect(await call(resolveMember, { phone: byPhone.phone, card }, staff)).toEqual({
      memberId: byPhone.id,
      matchedBy: 'PHONE',
    });
    // An unknown phone falls through to the next identifier.
    expect(await call(resolveMember, { phone: freshPhone(), card }, staff)).toEqual({
      memberId: byCard.id,
      matchedBy: 'CARD',
    });
    expect(await call(resolveMember, { memberCode: byCard.memberCode }, system)).toEqual({
      memberId: byCard.id,
      matchedBy: 'MEMBER_CODE',
    });
    expect(await call(resolveMember, { card: unique('K') }, staff)).toEqual({
      memberId: null,
      matchedBy: null,
    });
  });

  it('members and partners cannot resolve identifiers', async () => {
    const m = await register();
    expect((await failureOf(call(resolveMember, { phone: m.phone }, actor('member', m.id)))).code).toBe(
      'FORBIDDEN',
    );
    expect((await failureOf(call(resolveMember, { phone: m.phone }, partner))).code).toBe('FORBIDDEN');
  });
});

describe('mini-program sign-in', () => {
  it('an unknown openid creates a member (CREATED, memberRegistered); the same openid then FINDs it; a unionid later bound is found first', async () => {
    const openid = unique('oOPEN');
    const created = await call(signInMiniProgram, { openid }, system);
    expect(created.outcome).toBe('CREATED');
    expect(await call(signInMiniProgram, { openid }, system)).toEqual({
      memberId: created.memberId,
      outcome: 'FOUND',
    });
    const unionid = unique('oUNION');
    expect(await call(signInMiniProgram, { openid, unionid }, system)).toEqual({
      memberId: created.memberId,
      outcome: 'FOUND',
    });
    // Another mini-program of the same WeChat open platform: new openid, same unionid.
    expect(await call(signInMiniProgram, { openid: unique('oOTHER'), unionid }, system)).toEqual({
      memberId: created.memberId,
      outcome: 'FOUND',
    });
    expect(
      await count(`SELECT count(*) AS n FROM member_identities WHERE member_id = $1`, [created.memberId]),
    ).toBe(3);
    expect(
      await count(
        `SELECT count(*) AS n FROM outbox WHERE envelope->>'type' = $1 AND envelope->'payload'->>'memberId' = $2`,
        [memberRegistered.type, created.memberId],
      ),
    ).toBe(1);
  });

  it('a device already signed in as a member binds the openid to it (BOUND)', async () => {
    const m = await register();
    const openid = unique('oBIND');
    expect(await call(signInMiniProgram, { openid, signedInMemberId: m.id }, system)).toEqual({
      memberId: m.id,
      outcome: 'BOUND',
    });
    expect(await call(signInMiniProgram, { openid }, system)).toEqual({ memberId: m.id, outcome: 'FOUND' });
  });

  it('five first sign-ins racing on one openid leave one member', async () => {
    const openid = unique('oRACE');
    const results = await Promise.all(
      Array.from({ length: 5 }, () => call(signInMiniProgram, { openid }, system)),
    );
    expect(new Set(results.map((r) => r.memberId)).size).toBe(1);
    expect(
      await count(
        `SELECT count(*) AS n FROM member_identities WHERE kind = 'MINI_PROGRAM_OPENID' AND value = $1`,
        [openid],
      ),
    ).toBe(1);
  });

  it('only platform components may sign members in with WeChat', async () => {
    const m = await register();
    expect(
      (await failureOf(call(signInMiniProgram, { openid: unique('oX') }, actor('member', m.id)))).code,
    ).toBe('FORBIDDEN');
    expect((await failureOf(call(signInMiniProgram, { openid: unique('oX') }, staff))).code).toBe(
      'FORBIDDEN',
    );
  });
});

describe('staff search', () => {
  it('filters by phone, member code, card and name, and pages with the cursor', async () => {
    const tag = unique('Zed');
    const members = [];
    for (let i = 0; i < 3; i += 1) members.push(await register(`${tag} ${i}`));
    const card = unique('S');
    await call(linkIdentity, { memberId: members[1]!.id, kind: 'CARD', value: card }, staff);

    const first = await call(searchMembers, { filter: { name: tag.toLowerCase() }, first: 2 }, staff);
    expect(first.items.map((i) => i.member.id)).toEqual([members[0]!.id, members[1]!.id]);
    expect(first.hasNextPage).toBe(true);
    const second = await call(
      searchMembers,
      { filter: { name: tag }, first: 2, after: first.items[1]!.cursor },
      staff,
    );
    expect(second.items.map((i) => i.member.id)).toEqual([members[2]!.id]);
    expect(second.hasNextPage).toBe(false);

    expect(
      (await call(searchMembers, { filter: { phone: `+86${members[2]!.phone}` } }, staff)).items.map(
        (i) => i.member.id,
      ),
    ).toEqual([members[2]!.id]);
    expect((await call(searchMembers, { filter: { card } }, staff)).items.map((i) => i.member.id)).toEqual([
      members[1]!.id,
    ]);
    expect(
      (await call(searchMembers, { filter: { memberCode: members[0]!.memberCode, name: tag } }, staff)).items,
    ).toHaveLength(1);
    expect(
      (
        await call(
          searchMembers,
          { filter: { memberCode: members[0]!.memberCode, name: 'nobody-has-this' } },
          staff,
        )
      ).items,
    ).toHaveLength(0);
    // A name with LIKE wildcards matches literally.
    expect((await call(searchMembers, { filter: { name: '%' } }, staff)).items).toHaveLength(0);
  });

  it('members and partners cannot search; a forged cursor is BAD_USER_INPUT on after', async () => {
    const m = await register();
    expect((await failureOf(call(searchMembers, { filter: {} }, actor('member', m.id)))).code).toBe(
      'FORBIDDEN',
    );
    expect((await failureOf(call(searchMembers, { filter: {} }, partner))).code).toBe('FORBIDDEN');
    expect(
      await failureOf(call(searchMembers, { filter: {}, after: 'bm90LWEtY3Vyc29y' }, staff)),
    ).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });
});
