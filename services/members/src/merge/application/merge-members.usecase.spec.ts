// Unit: the merge orchestration over in-memory merge ports of every context.
// Real: MergeMembersUseCase, the merge rules. Faked: every port, the transaction, the outbox, the clock.
import { describe, expect, it } from '@jest/globals';
import type { Actor, EventContract, MemberView } from '@atrium/contracts';
import { OutboxWriter } from '@atrium/messaging';
import { TransactionHost } from '@atrium/persistence';
import { ManualClock } from '@atrium/platform';
import { IdentityMergeParticipant } from '../../identity/index.js';
import { LedgerMergeParticipant } from '../../ledger/index.js';
import { PrivacyMergeParticipant } from '../../privacy/index.js';
import { ProfileMergeParticipant } from '../../profile/index.js';
import { SegmentsMergeParticipant } from '../../segments/index.js';
import { TiersMergeParticipant } from '../../tiers/index.js';
import { MergeError } from '../domain/merge.errors.js';
import { MergeLog } from './merge-log.repository.js';
import { MergeMembersUseCase } from './merge-members.usecase.js';

const SURVIVOR = '019aa000-0000-7000-8000-00000000000a';
const DUPLICATE = '019aa000-0000-7000-8000-00000000000b';
const NOW = new Date('2026-12-02T06:00:00.000Z');

/** Every call any port receives, in order, and whether it ran inside the transaction. */
type Call = { call: string; args: unknown[]; inTransaction: boolean };

function setup(statuses: Record<string, string> = { [SURVIVOR]: 'ACTIVE', [DUPLICATE]: 'ACTIVE' }) {
  const calls: Call[] = [];
  let inTransaction = false;
  const record = (call: string, ...args: unknown[]) => calls.push({ call, args, inTransaction });

  class Transactions extends TransactionHost {
    constructor() {
      super(undefined as never);
    }
    override async run<T>(work: (manager: never) => Promise<T>): Promise<T> {
      inTransaction = true;
      try {
        return await work(undefined as never);
      } finally {
        inTransaction = false;
      }
    }
  }
  class Outbox extends OutboxWriter {
    constructor() {
      super(undefined as never);
    }
    override async add<E extends EventContract>(event: E, payload: never, key: string): Promise<string> {
      record('outbox.add', event.type, payload, key);
      return 'event-1';
    }
  }
  const view = (id: string): MemberView => ({
    id,
    memberCode: 'M00000000',
    displayName: 'Survivor',
    phoneMasked: '138****1234',
    preferredLanguage: 'zh-CN',
    registeredChannel: 'APP',
    registeredAt: '2026-01-01T00:00:00.000Z',
  });
  const identity = new (class extends IdentityMergeParticipant {
    async lockPair(a: string, b: string) {
      record('identity.lockPair', a, b);
      return new Map(Object.entries(statuses));
    }
    async moveMemberData(from: string, to: string) {
      record('identity.moveMemberData', from, to);
      return 2;
    }
    async markMerged(from: string, to: string) {
      record('identity.markMerged', from, to);
    }
    async memberView(id: string) {
      record('identity.memberView', id);
      return view(id);
    }
  })();
  const simple = <P>(name: string) =>
    ({
      moveMemberData: async (from: string, to: string) => void record(`${name}.moveMemberData`, from, to),
      reevaluate: async (id: string, now: Date) => void record(`${name}.reevaluate`, id, now),
    }) as unknown as P;
  const ledger = new (class extends LedgerMergeParticipant {
    async moveMemberData(from: string, to: string, merge: { actor: Actor }) {
      record('ledger.moveMemberData', from, to, merge.actor.id);
      return { available: 300, pending: 50, debt: 0 };
    }
  })();
  const log = new (class extends MergeLog {
    async record(entry: Parameters<MergeLog['record']>[0]) {
      record('log.record', { ...entry, id: typeof entry.id });
    }
  })();
  const useCase = new MergeMembersUseCase(
    new Transactions(),
    identity,
    simple<ProfileMergeParticipant>('profile'),
    simple<PrivacyMergeParticipant>('privacy'),
    simple<TiersMergeParticipant>('tiers'),
    simple<SegmentsMergeParticipant>('segments'),
    ledger,
    log,
    new Outbox(),
    new ManualClock(NOW),
  );
  return { useCase, calls };
}

const staff = (roles: string[]): Actor =>
  ({ kind: 'staff', id: 'staff-1', tenantId: null, roles, scopes: [] }) as unknown as Actor;
const command = { survivorId: SURVIVOR, mergedId: DUPLICATE, reason: 'registered twice' };

describe('MergeMembersUseCase', () => {
  it('calls every context’s merge port in order, all inside one transaction, and answers what moved', async () => {
    const { useCase, calls } = setup();
    const result = await useCase.execute(staff(['SUPERVISOR']), command);

    expect(calls.map((c) => c.call)).toEqual([
      'identity.lockPair',
      'identity.moveMemberData',
      'profile.moveMemberData',
      'privacy.moveMemberData',
      'tiers.moveMemberData',
      'segments.moveMemberData',
      'ledger.moveMemberData',
      'identity.markMerged',
      'log.record',
      'tiers.reevaluate',
      'segments.reevaluate',
      'outbox.add',
      'identity.memberView',
    ]);
    expect(calls.every((c) => c.inTransaction)).toBe(true);
    // Data always moves from the duplicate to the survivor.
    for (const c of calls.filter(
      (c) => c.call.endsWith('.moveMemberData') || c.call === 'identity.markMerged',
    ))
      expect(c.args.slice(0, 2)).toEqual([DUPLICATE, SURVIVOR]);
    expect(calls.find((c) => c.call === 'log.record')!.args[0]).toEqual({
      id: 'string',
      survivorId: SURVIVOR,
      mergedId: DUPLICATE,
      reason: 'registered twice',
      actorId: 'staff-1',
      mergedAt: NOW,
    });
    expect(calls.find((c) => c.call === 'outbox.add')!.args).toEqual([
      'members.member.merged',
      { survivorId: SURVIVOR, mergedId: DUPLICATE, reason: 'registered twice', mergedAt: NOW.toISOString() },
      SURVIVOR,
    ]);
    expect(result).toMatchObject({
      survivor: { id: SURVIVOR },
      mergedId: DUPLICATE,
      pointsMoved: { available: 300, pending: 50, debt: 0 },
      identitiesMoved: 2,
    });
  });

  it.each([
    ['frontline staff', staff(['FRONTLINE']), 'MEMBER_ACCESS_DENIED'],
    ['a member', { kind: 'member', id: SURVIVOR, roles: [] } as unknown as Actor, 'MEMBER_ACCESS_DENIED'],
    [
      'an anonymous caller',
      { kind: 'anonymous', id: 'anonymous', roles: [] } as unknown as Actor,
      'MEMBER_NOT_SIGNED_IN',
    ],
  ])('%s may not merge, and no port is called', async (_who, actor, code) => {
    const { useCase, calls } = setup();
    await expect(useCase.execute(actor, command)).rejects.toMatchObject({ code });
    expect(calls).toEqual([]);
  });

  it('a member cannot be merged into itself: MEMBER_MERGE_INVALID on mergedId, nothing locked', async () => {
    const { useCase, calls } = setup();
    await expect(
      useCase.execute(staff(['MANAGER']), { ...command, mergedId: SURVIVOR }),
    ).rejects.toMatchObject({ code: 'MEMBER_MERGE_INVALID', field: 'mergedId' });
    expect(calls).toEqual([]);
  });

  it.each([
    [{ [SURVIVOR]: 'ACTIVE' }, 'MEMBER_NOT_FOUND', 'mergedId'],
    [{ [SURVIVOR]: 'MERGED', [DUPLICATE]: 'ACTIVE' }, 'MEMBER_MERGE_CONFLICT', 'survivorId'],
    [{ [SURVIVOR]: 'ACTIVE', [DUPLICATE]: 'CLOSED' }, 'MEMBER_MERGE_CONFLICT', 'mergedId'],
  ])('with statuses %j the merge stops after the lock with %s on %s', async (statuses, code, field) => {
    const { useCase, calls } = setup(statuses);
    const error = await useCase.execute(staff(['ADMIN']), command).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MergeError);
    expect(error).toMatchObject({ code, field });
    expect(calls.map((c) => c.call)).toEqual(['identity.lockPair']);
  });
});
