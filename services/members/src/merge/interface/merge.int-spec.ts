// Integration: the members service booted in-process (serviceSuite); merging duplicate members.
// Real: PostgreSQL, Kafka, outbox, request-reply, the ledger (points move through TransferPointsOnMerge).
// Faked: nothing.
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from '@jest/globals';
import type { DataSource } from 'typeorm';
import {
  getMember,
  getMemberProfile,
  getPointsBalance,
  linkIdentity,
  listConsents,
  memberMerged,
  mergeMembers,
  partnerLookupMember,
  recordPurchase,
  registerMember,
  resolveMember,
  updateConsents,
  updateMemberProfile,
  type MemberView,
} from '@atrium/contracts';
import { failureOf, testActor, serviceSuite } from '@atrium/testing';
import { AppModule } from '../../app.module.js';

const actor = testActor;
const supervisor = actor('staff', 'sup-1', { roles: ['SUPERVISOR'] });
const frontline = actor('staff', 'front-1', { roles: ['FRONTLINE'] });
const TENANT = `tenant-${randomUUID().slice(0, 8)}`;
const pos = actor('partner', 'pos-key', { tenantId: TENANT, scopes: ['purchases:write', 'members:read'] });

let db: DataSource;

const suite = serviceSuite('members', {
  module: (config) => AppModule.forRoot(config),
  operations: [
    registerMember,
    getMember,
    getMemberProfile,
    getPointsBalance,
    linkIdentity,
    listConsents,
    mergeMembers,
    partnerLookupMember,
    recordPurchase,
    resolveMember,
    updateConsents,
    updateMemberProfile,
  ],
});
const call = suite.send;

async function register(name: string, phone?: string): Promise<MemberView & { phone: string }> {
  return suite.registerMember(
    { phone, displayName: name, preferredLanguage: undefined, consents: [] },
    actor('anonymous', 'anonymous'),
  );
}

beforeAll(() => {
  db = suite.db;
});

describe('merging duplicate members', () => {
  it('the survivor gets identities, profile gaps, points and purchases; the merged id and code resolve to the survivor; one memberMerged', async () => {
    const survivor = await register('Wang Li');
    const duplicate = await register('Wang Li (kiosk)');
    const card = `MC${Date.now()}`;
    await call(linkIdentity, { memberId: duplicate.id, kind: 'CARD', value: card }, supervisor);
    await call(
      updateMemberProfile,
      { memberId: duplicate.id, birthday: '1988-08-08', preferredBrands: ['Aurora'] },
      supervisor,
    );
    await call(updateMemberProfile, { memberId: survivor.id, preferredBrands: ['Jade'] }, supervisor);
    const bought = await call(
      recordPurchase,
      {
        tenantId: TENANT,
        storeId: 'L1-01',
        storeCategory: 'JEWELRY',
        orderId: `o-${randomUUID()}`,
        memberId: duplicate.id,
        amountFen: 100_000,
      },
      pos,
    );
    const before = await call(getPointsBalance, { memberId: duplicate.id }, supervisor);

    const merged = await call(
      mergeMembers,
      { survivorId: survivor.id, mergedId: duplicate.id, reason: 'same person, registered twice' },
      supervisor,
    );
    expect(merged).toMatchObject({
      mergedId: duplicate.id,
      identitiesMoved: 2,
      survivor: { id: survivor.id },
    });
    expect(merged.pointsMoved).toMatchObject({ available: before.available, pending: before.pending });

    // Identities: both phones and the card now find the survivor.
    expect(await call(resolveMember, { phone: duplicate.phone }, supervisor)).toEqual({
      memberId: survivor.id,
      matchedBy: 'PHONE',
    });
    expect(await call(resolveMember, { card }, supervisor)).toEqual({
      memberId: survivor.id,
      matchedBy: 'CARD',
    });
    expect(await call(resolveMember, { memberCode: duplicate.memberCode }, supervisor)).toEqual({
      memberId: survivor.id,
      matchedBy: 'MEMBER_CODE',
    });
    // The merged id reads as the survivor.
    expect((await call(getMember, { memberId: duplicate.id }, supervisor)).id).toBe(survivor.id);
    // Profile gaps filled, preferences united.
    const profile = await call(getMemberProfile, { memberId: survivor.id }, supervisor);
    expect(profile.birthday).toBe('1988-08-08');
    expect([...profile.preferredBrands].sort()).toEqual(['Aurora', 'Jade']);
    // Points and the purchase moved.
    const after = await call(getPointsBalance, { memberId: survivor.id }, supervisor);
    expect(after.available + after.pending).toBe(before.available + before.pending);
    const [purchase] = (await db.query(`SELECT member_id FROM purchases WHERE id = $1`, [
      bought.purchaseId,
    ])) as Array<{ member_id: string }>;
    expect(purchase!.member_id).toBe(survivor.id);

    const events = (await db.query(
      `SELECT envelope FROM outbox WHERE envelope->>'type' = $1 AND envelope->'payload'->>'mergedId' = $2`,
      [memberMerged.type, duplicate.id],
    )) as Array<{ envelope: { payload: Record<string, unknown> } }>;
    expect(events.map((e) => e.envelope.payload)).toEqual([
      expect.objectContaining({ survivorId: survivor.id, reason: 'same person, registered twice' }),
    ]);
    const [row] = (await db.query(`SELECT status, merged_into FROM members WHERE id = $1`, [
      duplicate.id,
    ])) as Array<{ status: string; merged_into: string }>;
    expect(row).toEqual({ status: 'MERGED', merged_into: survivor.id });
  });

  it("the survivor's own consent decisions stay in force; the duplicate's decisions on other scopes join the history", async () => {
    const survivor = await register('Consent Survivor');
    const duplicate = await register('Consent Duplicate');
    await call(
      updateConsents,
      {
        memberId: survivor.id,
        changes: [{ purpose: 'MARKETING', channel: 'SMS', granted: false }],
        sourceChannel: 'APP',
      },
      actor('member', survivor.id),
    );
    await call(
      updateConsents,
      {
        memberId: duplicate.id,
        changes: [
          { purpose: 'MARKETING', channel: 'SMS', granted: true },
          { purpose: 'SHARE_WITH_TENANT', tenantId: TENANT, granted: true },
        ],
        sourceChannel: 'KIOSK',
      },
      actor('member', duplicate.id),
    );
    await call(
      mergeMembers,
      { survivorId: survivor.id, mergedId: duplicate.id, reason: 'duplicate' },
      supervisor,
    );
    const { current } = await call(listConsents, { memberId: survivor.id }, supervisor);
    expect(current).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ purpose: 'MARKETING', channel: 'SMS', granted: false }),
        expect.objectContaining({ purpose: 'SHARE_WITH_TENANT', tenantId: TENANT, granted: true }),
      ]),
    );
    // The partner the duplicate shared with finds the survivor by the duplicate's printed code.
    expect((await call(partnerLookupMember, { memberCode: duplicate.memberCode }, pos)).memberCode).toBe(
      survivor.memberCode,
    );
  });

  it('frontline staff, members and partners cannot merge; merging twice, into itself or an unknown member is refused and changes nothing', async () => {
    const a = await register('A');
    const b = await register('B');
    expect(
      (await failureOf(call(mergeMembers, { survivorId: a.id, mergedId: b.id, reason: 'x' }, frontline)))
        .code,
    ).toBe('FORBIDDEN');
    expect(
      (
        await failureOf(
          call(mergeMembers, { survivorId: a.id, mergedId: b.id, reason: 'x' }, actor('member', a.id)),
        )
      ).code,
    ).toBe('FORBIDDEN');
    expect(
      (await failureOf(call(mergeMembers, { survivorId: a.id, mergedId: b.id, reason: 'x' }, pos))).code,
    ).toBe('FORBIDDEN');
    expect(
      await failureOf(call(mergeMembers, { survivorId: a.id, mergedId: a.id, reason: 'x' }, supervisor)),
    ).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'mergedId',
    });
    expect(
      await failureOf(
        call(mergeMembers, { survivorId: a.id, mergedId: randomUUID(), reason: 'x' }, supervisor),
      ),
    ).toMatchObject({
      code: 'NOT_FOUND',
      field: 'mergedId',
    });
    expect(
      await failureOf(call(mergeMembers, { survivorId: a.id, mergedId: b.id, reason: '' }, supervisor)),
    ).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });
    await call(mergeMembers, { survivorId: a.id, mergedId: b.id, reason: 'dup' }, supervisor);
    expect(
      await failureOf(call(mergeMembers, { survivorId: a.id, mergedId: b.id, reason: 'again' }, supervisor)),
    ).toMatchObject({
      code: 'CONFLICT',
      reason: 'MEMBER_MERGE_CONFLICT',
    });
    expect(
      Number(
        (
          (await db.query(`SELECT count(*) AS n FROM member_merges WHERE merged_id = $1`, [b.id])) as Array<{
            n: string;
          }>
        )[0]!.n,
      ),
    ).toBe(1);
  });
});
