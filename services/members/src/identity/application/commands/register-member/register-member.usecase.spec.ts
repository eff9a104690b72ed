// Unit: the registration use case with in-memory fakes (repository, transaction, outbox, clock,
// random source). The database constraints themselves are covered by members.int-spec.ts.
import { describe, expect, it } from '@jest/globals';
import type { EventContract } from '@atrium/contracts';
import { OutboxWriter } from '@atrium/messaging';
import { TransactionHost } from '@atrium/persistence';
import { ManualClock } from '@atrium/platform';
import { IdentityError, IdentityErrorCode, identityTaken } from '../../../domain/identity.errors.js';
import type { ConsentChange, IdentityKind, Member } from '../../../domain/member.js';
import type { PhoneNumber } from '../../../domain/phone-number.js';
import { MemberRepository, type MemberRecord } from '../../member.repository.js';
import { MEMBER_CODE_ATTEMPTS, RegisterMemberUseCase } from './register-member.usecase.js';

class InMemoryMembers extends MemberRepository {
  readonly members = new Map<string, Member>();
  readonly identities = new Map<string, string>();
  readonly consents: ConsentChange[] = [];
  insertAttempts = 0;

  async findIdByPhone(phone: PhoneNumber) {
    return this.identities.get(`PHONE|${phone.e164}`) ?? null;
  }
  async insertMember(member: Member) {
    this.insertAttempts += 1;
    if ([...this.members.values()].some((m) => m.memberCode === member.memberCode)) return false;
    this.members.set(member.id, member);
    return true;
  }
  async addIdentity(memberId: string, kind: IdentityKind, value: string) {
    if (this.identities.has(`${kind}|${value}`)) throw identityTaken(kind);
    this.identities.set(`${kind}|${value}`, memberId);
  }
  async appendConsents(_memberId: string, consents: readonly ConsentChange[]) {
    this.consents.push(...consents);
  }
  async findById(): Promise<MemberRecord | null> {
    return null;
  }
  async findByIds(): Promise<MemberRecord[]> {
    return [];
  }
  async findIdByIdentity(kind: IdentityKind, value: string) {
    return this.identities.get(`${kind}|${value}`) ?? null;
  }
  async findIdByMemberCode(code: string) {
    return [...this.members.values()].find((m) => m.memberCode === code)?.id ?? null;
  }
  async resolveSurvivor(id: string) {
    return id;
  }
  async listIdentities() {
    return [];
  }
  async search(): Promise<MemberRecord[]> {
    return [];
  }
}

/** Runs the work directly: the fakes above need no transaction. */
class DirectTransactions extends TransactionHost {
  constructor() {
    super(undefined as never);
  }
  override run<T>(work: (manager: never) => Promise<T>): Promise<T> {
    return work(undefined as never);
  }
}

class RecordingOutbox extends OutboxWriter {
  readonly added: Array<{ type: string; payload: unknown; key: string }> = [];
  constructor() {
    super(undefined as never);
  }
  override async add<E extends EventContract>(event: E, payload: never, key: string): Promise<string> {
    this.added.push({ type: event.type, payload, key });
    return `event-${this.added.length}`;
  }
}

/** A random source replaying the given 5-byte draws, then repeating the last one. */
function draws(...values: number[][]) {
  let i = 0;
  return (size: number) => Uint8Array.from(values[Math.min(i++, values.length - 1)]!.slice(0, size));
}

function setup(random = draws([1, 2, 3, 4, 5])) {
  const members = new InMemoryMembers();
  const outbox = new RecordingOutbox();
  const clock = new ManualClock(new Date('2025-11-22T03:00:00.000Z'));
  const useCase = new RegisterMemberUseCase(new DirectTransactions(), members, outbox, clock, random);
  return { members, outbox, useCase };
}

const command = {
  phone: '13812341234',
  displayName: 'Li Wei',
  channel: 'APP' as const,
  preferredLanguage: 'zh-CN' as const,
  consents: [],
};

describe('RegisterMemberUseCase', () => {
  it('writes the member, its E.164 phone identity and one memberRegistered event keyed by member id', async () => {
    const { members, outbox, useCase } = setup();
    const { member } = await useCase.execute(command);
    expect(members.identities.get('PHONE|+8613812341234')).toBe(member.id);
    expect(outbox.added).toEqual([
      {
        type: 'members.member.registered',
        key: member.id,
        payload: {
          memberId: member.id,
          memberCode: member.memberCode,
          displayName: 'Li Wei',
          channel: 'APP',
          preferredLanguage: 'zh-CN',
          registeredAt: '2025-11-22T03:00:00.000Z',
        },
      },
    ]);
  });

  it('draws a new member code when the first one is taken', async () => {
    const { members, useCase } = setup(draws([0, 0, 0, 0, 0], [0, 0, 0, 0, 0], [0, 0, 0, 0, 1]));
    const first = await useCase.execute(command);
    const second = await useCase.execute({ ...command, phone: '13912341234' });
    expect(first.member.memberCode).toBe('M00000000');
    expect(second.member.memberCode).toBe('M00000001');
    expect(members.insertAttempts).toBe(3);
  });

  it(`gives up after ${MEMBER_CODE_ATTEMPTS} colliding codes instead of looping`, async () => {
    const { outbox, useCase } = setup(draws([7, 7, 7, 7, 7]));
    await useCase.execute(command);
    await expect(useCase.execute({ ...command, phone: '13912341234' })).rejects.toThrow(
      'no free member code',
    );
    expect(outbox.added).toHaveLength(1);
  });

  it('refuses a phone already registered, in any spelling, before writing anything', async () => {
    const { members, outbox, useCase } = setup(draws([1, 1, 1, 1, 1], [2, 2, 2, 2, 2]));
    await useCase.execute(command);
    const error = await useCase.execute({ ...command, phone: '+86 138 1234 1234' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IdentityError);
    expect((error as IdentityError).code).toBe(IdentityErrorCode.PHONE_TAKEN);
    expect(members.members.size).toBe(1);
    expect(outbox.added).toHaveLength(1);
  });

  it('refuses an invalid phone before opening a transaction', async () => {
    const { members, useCase } = setup();
    const error = await useCase.execute({ ...command, phone: '+862112345678' }).catch((e: unknown) => e);
    expect((error as IdentityError).code).toBe(IdentityErrorCode.PHONE_INVALID);
    expect(members.insertAttempts).toBe(0);
  });
});
