// Integration: the members service booted in-process (serviceSuite).
// Real: PostgreSQL (own database), Kafka (own topic prefix), outbox relay, request-reply transport.
// Faked: nothing.
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from '@jest/globals';
import type { DataSource } from 'typeorm';
import { z } from 'zod';
import {
  findMemberByPhone,
  getMember,
  getMembers,
  memberRegistered,
  mergeMembers,
  PING,
  registerMember,
} from '@atrium/contracts';
import { TransactionHost } from '@atrium/persistence';
import { RemoteError } from '@atrium/platform';
import {
  expectEventually,
  type CollectedMessage,
  type TestService,
  testActor,
  uniquePhone,
  serviceSuite,
} from '@atrium/testing';
import { AppModule } from '../../app.module.js';
import { MemberRepository } from '../application/member.repository.js';
import { IdentityError, IdentityErrorCode } from '../domain/identity.errors.js';
import type { Member } from '../domain/member.js';
import { PhoneNumber } from '../domain/phone-number.js';

const actor = testActor;
const anonymous = actor('anonymous', 'anonymous');
const system = actor('system', 'gateway');
const staff = actor('staff', 'staff-1');

let service: TestService;
let db: DataSource;
let published: CollectedMessage[];

/** A mainland mobile no other test uses. */
const freshPhone = uniquePhone;

const suite = serviceSuite('members', {
  module: (config) => AppModule.forRoot(config),
  operations: [registerMember, getMember, getMembers, mergeMembers, findMemberByPhone, PING.members],
});
const call = suite.send;

async function failureOf(promise: Promise<unknown>): Promise<RemoteError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof RemoteError) return error;
    throw error;
  }
  throw new Error('expected the call to fail');
}

async function countWhere(sql: string, params: unknown[]): Promise<number> {
  const [row] = (await db.query(sql, params)) as Array<{ n: string }>;
  return Number(row?.n);
}

beforeAll(async () => {
  service = suite.service;
  db = suite.db;
  published = await suite.kafka.collect([memberRegistered.topic]);
});

describe('members service', () => {
  it('a registered member reads back with its member code and masked phone, and memberRegistered is published', async () => {
    const phone = freshPhone();
    const registered = await call(
      registerMember,
      {
        phone,
        displayName: 'Li Wei',
        channel: 'APP',
        preferredLanguage: 'en',
        consents: [{ purpose: 'MARKETING', channel: 'SMS', granted: true }],
      },
      anonymous,
    );
    expect(registered).toMatchObject({
      displayName: 'Li Wei',
      phoneMasked: `${phone.slice(0, 3)}****${phone.slice(-4)}`,
      preferredLanguage: 'en',
      registeredChannel: 'APP',
    });
    expect(registered.memberCode).toMatch(/^M[0-9A-HJKMNP-TV-Z]{8}$/);

    const read = await call(getMember, { memberId: registered.id }, actor('member', registered.id));
    expect(read).toEqual(registered);

    const [identity] = (await db.query(`SELECT kind, value FROM member_identities WHERE member_id = $1`, [
      registered.id,
    ])) as Array<{ kind: string; value: string }>;
    expect(identity).toEqual({ kind: 'PHONE', value: `+86${phone}` });
    expect(
      await countWhere(
        `SELECT count(*) AS n FROM member_consents WHERE member_id = $1 AND purpose = 'MARKETING' AND granted`,
        [registered.id],
      ),
    ).toBe(1);

    const event = await expectEventually(() => {
      const found = published
        .map((m) => JSON.parse(m.value ?? '{}'))
        .find((e) => e.payload?.memberId === registered.id);
      expect(found).toBeDefined();
      return found;
    });
    expect(event.type).toBe(memberRegistered.type);
    expect(event.payload).toMatchObject({
      memberCode: registered.memberCode,
      channel: 'APP',
      preferredLanguage: 'en',
    });
    expect(JSON.stringify(event)).not.toContain(phone);
  });

  it('registering the same phone twice is a CONFLICT (MEMBER_PHONE_TAKEN) and writes nothing', async () => {
    const phone = freshPhone();
    const label = `Twice ${randomUUID().slice(0, 8)}`;
    await call(registerMember, { phone, displayName: label, channel: 'APP' }, anonymous);

    // The second attempt spells the same number in E.164.
    const error = await failureOf(
      call(registerMember, { phone: `+86${phone}`, displayName: label, channel: 'KIOSK' }, anonymous),
    );
    expect(error.code).toBe('CONFLICT');
    expect(error.reason).toBe('MEMBER_PHONE_TAKEN');
    expect(error.message).toMatch(/already registered/);

    expect(await countWhere(`SELECT count(*) AS n FROM members WHERE display_name = $1`, [label])).toBe(1);
    expect(
      await countWhere(`SELECT count(*) AS n FROM outbox WHERE envelope->'payload'->>'displayName' = $1`, [
        label,
      ]),
    ).toBe(1);
  });

  it('ten concurrent registrations of one phone give exactly one member and nine CONFLICTs', async () => {
    const phone = freshPhone();
    const label = `Race ${randomUUID().slice(0, 8)}`;
    const outcomes = await Promise.allSettled(
      Array.from({ length: 10 }, () =>
        call(registerMember, { phone, displayName: label, channel: 'MINI_PROGRAM' }, anonymous),
      ),
    );
    const succeeded = outcomes.filter((o) => o.status === 'fulfilled');
    const failed = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
    expect(succeeded).toHaveLength(1);
    expect(failed.map((f) => (f.reason as RemoteError).reason)).toEqual(Array(9).fill('MEMBER_PHONE_TAKEN'));

    expect(await countWhere(`SELECT count(*) AS n FROM members WHERE display_name = $1`, [label])).toBe(1);
    expect(
      await countWhere(`SELECT count(*) AS n FROM member_identities WHERE kind = 'PHONE' AND value = $1`, [
        `+86${phone}`,
      ]),
    ).toBe(1);
    expect(
      await countWhere(`SELECT count(*) AS n FROM outbox WHERE envelope->'payload'->>'displayName' = $1`, [
        label,
      ]),
    ).toBe(1);
  });

  it('a registration that loses the race at the unique (kind, value) constraint is PHONE_TAKEN and rolls back', async () => {
    // Both transactions pass the pre-check; the database decides (unique violation 23505).
    const tx = service.app.get(TransactionHost);
    const repo = service.app.get(MemberRepository);
    const phone = `+86${freshPhone()}`;
    const newMember = (code: string): Member => ({
      id: randomUUID(),
      memberCode: code,
      displayName: `Loser ${code}`,
      preferredLanguage: 'zh-CN',
      registeredChannel: 'APP',
      registeredAt: new Date(),
      status: 'ACTIVE',
    });
    const suffix = String(Date.now() % 1e6).padStart(6, '0');
    const [winner, loser] = [newMember(`MW1${suffix}`.slice(0, 9)), newMember(`MX1${suffix}`.slice(0, 9))];
    let releaseWinner!: () => void;
    let winnerHoldsPhone!: () => void;
    const held = new Promise<void>((resolve) => (winnerHoldsPhone = resolve));
    const first = tx.run(async () => {
      await repo.insertMember(winner);
      await repo.addIdentity(winner.id, 'PHONE', phone, new Date());
      winnerHoldsPhone();
      await new Promise<void>((resolve) => (releaseWinner = resolve));
    });
    await held;
    const second = tx
      .run(async () => {
        await repo.insertMember(loser);
        await repo.addIdentity(loser.id, 'PHONE', phone, new Date()); // waits for the winner's commit
      })
      .catch((error: unknown) => error);
    await new Promise((resolve) => setTimeout(resolve, 100));
    releaseWinner();
    await first;
    const error = await second;
    expect(error).toBeInstanceOf(IdentityError);
    expect((error as IdentityError).code).toBe(IdentityErrorCode.PHONE_TAKEN);
    expect(
      await countWhere(`SELECT count(*) AS n FROM members WHERE id = ANY($1)`, [[winner.id, loser.id]]),
    ).toBe(1);
    expect(await repo.findIdByPhone(PhoneNumber.parse(phone))).toBe(winner.id);
  });

  it('a member cannot read another member (FORBIDDEN), staff can, a partner cannot', async () => {
    const alice = await call(
      registerMember,
      { phone: freshPhone(), displayName: 'Alice', channel: 'APP' },
      anonymous,
    );
    const bob = await call(
      registerMember,
      { phone: freshPhone(), displayName: 'Bob', channel: 'APP' },
      anonymous,
    );

    const denied = await failureOf(call(getMember, { memberId: bob.id }, actor('member', alice.id)));
    expect(denied.code).toBe('FORBIDDEN');
    expect(denied.message).not.toContain('Bob');

    expect((await call(getMember, { memberId: bob.id }, staff)).displayName).toBe('Bob');
    expect((await failureOf(call(getMember, { memberId: bob.id }, actor('partner', 'tenant-1')))).code).toBe(
      'FORBIDDEN',
    );
    expect((await failureOf(call(getMember, { memberId: bob.id }, anonymous))).code).toBe('UNAUTHENTICATED');
  });

  it('get-members: staff read many at once; unknown and merged ids are left out', async () => {
    const register = (name: string) =>
      call(registerMember, { phone: freshPhone(), displayName: name, channel: 'APP' }, anonymous);
    const [a, b, survivor, duplicate] = [
      await register('Batch A'),
      await register('Batch B'),
      await register('Batch survivor'),
      await register('Batch duplicate'),
    ];
    await call(
      mergeMembers,
      { survivorId: survivor.id, mergedId: duplicate.id, reason: 'registered twice' },
      { ...staff, roles: ['SUPERVISOR'] },
    );
    const unknown = '01900000-0000-7000-8000-000000000001';

    const { items } = await call(
      getMembers,
      { memberIds: [a.id, b.id, a.id, unknown, duplicate.id, survivor.id] },
      staff,
    );
    expect(items.map((m) => m.id).sort()).toEqual([a.id, b.id, survivor.id].sort());
    expect(items.find((m) => m.id === a.id)).toEqual(a);
    expect((await call(getMembers, { memberIds: [b.id] }, system)).items.map((m) => m.displayName)).toEqual([
      'Batch B',
    ]);
  });

  it('get-members: a member reads only itself; another id in the batch is FORBIDDEN; partners and anonymous callers are refused', async () => {
    const me = await call(
      registerMember,
      { phone: freshPhone(), displayName: 'Me', channel: 'APP' },
      anonymous,
    );
    const other = await call(
      registerMember,
      { phone: freshPhone(), displayName: 'Someone else', channel: 'APP' },
      anonymous,
    );
    const asMe = actor('member', me.id);
    expect(await call(getMembers, { memberIds: [me.id] }, asMe)).toEqual({ items: [me] });

    const denied = await failureOf(call(getMembers, { memberIds: [me.id, other.id] }, asMe));
    expect(denied.code).toBe('FORBIDDEN');
    expect(denied.reason).toBe('MEMBER_ACCESS_DENIED');
    expect(denied.message).not.toContain('Someone else');
    expect(
      (await failureOf(call(getMembers, { memberIds: [me.id] }, actor('partner', 'tenant-1')))).code,
    ).toBe('FORBIDDEN');
    expect((await failureOf(call(getMembers, { memberIds: [me.id] }, anonymous))).code).toBe(
      'UNAUTHENTICATED',
    );
  });

  it('get-members takes at most 100 ids: BAD_USER_INPUT on memberIds, from the service itself too', async () => {
    const ids = Array.from(
      { length: 101 },
      (_, i) => `01900000-0000-7000-8000-${String(i).padStart(12, '0')}`,
    );
    // The service checks the contract whatever the caller sent: this twin of the operation
    // skips the caller-side check, so the request reaches the members service.
    const unchecked = { ...getMembers, request: z.object({ memberIds: z.array(z.string()) }) };
    const refused = await failureOf(call(unchecked, { memberIds: ids }, staff)); // a RemoteError: the service's answer
    expect(refused.code).toBe('BAD_USER_INPUT');
    expect(refused.field).toBe('memberIds');
    expect(refused.message).toMatch(/at most 100/);

    expect((await call(getMembers, { memberIds: ids.slice(0, 100) }, staff)).items).toEqual([]);
    // With the real contract the caller refuses before sending, naming the same field.
    await expect(call(getMembers, { memberIds: ids }, staff)).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'memberIds',
    });
  });

  it('reading a member that does not exist is NOT_FOUND', async () => {
    const error = await failureOf(
      call(getMember, { memberId: '01900000-0000-7000-8000-000000000000' }, staff),
    );
    expect(error.code).toBe('NOT_FOUND');
    expect(error.reason).toBe('MEMBER_NOT_FOUND');
  });

  it('an invalid +86 number is BAD_USER_INPUT on the phone field and writes nothing', async () => {
    const error = await failureOf(
      call(
        registerMember,
        { phone: '+862112345678', displayName: 'Landline', channel: 'HOTLINE' },
        anonymous,
      ),
    );
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.field).toBe('phone');
    expect(await countWhere(`SELECT count(*) AS n FROM members WHERE display_name = 'Landline'`, [])).toBe(0);
  });

  it('only platform components may resolve a phone to a member', async () => {
    const phone = freshPhone();
    const member = await call(
      registerMember,
      { phone, displayName: 'Resolve me', channel: 'APP' },
      anonymous,
    );

    expect(await call(findMemberByPhone, { phone }, system)).toEqual({ memberId: member.id });
    expect(await call(findMemberByPhone, { phone: `+86${phone}` }, system)).toEqual({ memberId: member.id });
    expect(await call(findMemberByPhone, { phone: freshPhone() }, system)).toEqual({ memberId: null });
    expect((await failureOf(call(findMemberByPhone, { phone }, actor('member', member.id)))).code).toBe(
      'FORBIDDEN',
    );
    expect((await failureOf(call(findMemberByPhone, { phone }, staff))).code).toBe('FORBIDDEN');
  });

  it('answers PING with its service name and instance', async () => {
    const pong = await call(PING.members, {}, system);
    expect(pong).toMatchObject({ service: 'members', instance: 'members-test' });
    expect(Date.parse(pong.time)).not.toBeNaN();
  });
});
