// Unit: TicketRelations built by Nest's DI, with fakes injected for the request sender
// (RequestClient), the store directory and the staff accounts; each fake records its calls.
import type { ServerResponse } from 'node:http';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { Test, type TestingModule } from '@nestjs/testing';
import { v7 as uuidv7 } from 'uuid';
import type { Actor, MemberView, OperationContract } from '@atrium/contracts';
import { RequestClient } from '@atrium/messaging';
import type { RequestContext } from '@atrium/platform';
import { StaffAccountRepository, type StaffProfile } from '../auth/staff/staff-account.repository.js';
import { GatewayContext } from '../graphql/gateway-context.js';
import type { GatewayHttpRequest } from '../graphql/http-context.js';
import { StoreDirectory, type StoreListing } from '../points/store-directory.js';
import { TicketRelations } from './ticket-relations.js';
import { testActor } from '@atrium/testing';

const actor = testActor;

const memberView = (id: string): MemberView => ({
  id,
  memberCode: `M${id.slice(-8).toUpperCase()}`,
  displayName: `Member ${id.slice(-4)}`,
  phoneMasked: '138****0000',
  preferredLanguage: 'zh-CN',
  registeredChannel: 'APP',
  registeredAt: '2026-01-01T00:00:00.000Z',
});

/** Answers members.get-members for the members it knows and records every call. */
class FakeSender {
  readonly calls: Array<{ pattern: string; memberIds: string[]; actor: Actor | undefined }> = [];
  readonly known = new Set<string>();

  async send(op: OperationContract, request: { memberIds: string[] }, options: { context?: RequestContext }) {
    this.calls.push({ pattern: op.pattern, memberIds: request.memberIds, actor: options.context?.actor });
    return { items: request.memberIds.filter((id) => this.known.has(id)).map(memberView) };
  }
}

class FakeStores {
  readonly calls: string[][] = [];
  async listings(ids: readonly string[]): Promise<StoreListing[]> {
    this.calls.push([...ids]);
    return ids
      .filter((id) => id !== 'missing')
      .map((id) => ({
        id,
        name: `Store ${id}`,
        unit: 'L1-01',
        floor: { code: 'L1', name: 'Level 1' },
        category: 'JEWELRY',
        tenant: { id: 't1', name: 'Tenant' },
      }));
  }
}

class FakeStaff {
  readonly calls: string[][] = [];
  async findProfiles(ids: readonly string[]): Promise<StaffProfile[]> {
    this.calls.push([...ids]);
    return ids.filter((id) => id !== 'missing').map((id) => ({ id, displayName: `Staff ${id}`, roles: [] }));
  }
}

/** The GraphQL context of one HTTP request made by `who`. */
const requestBy = (who: Actor) =>
  new GatewayContext({ headers: {} } as GatewayHttpRequest, {} as ServerResponse, {
    authenticate: async () => who,
  });

describe('TicketRelations: per-request batching of what tickets name', () => {
  let module: TestingModule;
  let relations: TicketRelations;
  let sender: FakeSender;
  let stores: FakeStores;
  let staff: FakeStaff;

  beforeEach(async () => {
    sender = new FakeSender();
    stores = new FakeStores();
    staff = new FakeStaff();
    module = await Test.createTestingModule({
      providers: [
        TicketRelations,
        { provide: RequestClient, useValue: sender },
        { provide: StoreDirectory, useValue: stores },
        { provide: StaffAccountRepository, useValue: staff },
      ],
    }).compile();
    relations = module.get(TicketRelations);
  });

  afterEach(async () => {
    await module.close();
  });

  it('the members of 30 tickets (with repeats) cost one members.get-members call, made as the caller', async () => {
    const ids = Array.from({ length: 10 }, () => uuidv7());
    ids.slice(0, 8).forEach((id) => sender.known.add(id));
    const context = requestBy(actor('staff', 'staff-1'));
    const asked = Array.from({ length: 30 }, (_, i) => ids[i % ids.length]!);

    const found = await Promise.all(asked.map((id) => relations.member(context, id)));

    expect(sender.calls).toHaveLength(1);
    expect(sender.calls[0]).toMatchObject({
      pattern: 'members.get-members',
      actor: { kind: 'staff', id: 'staff-1' },
    });
    expect([...sender.calls[0]!.memberIds].sort()).toEqual([...ids].sort());
    expect(found.map((m) => m?.id ?? null)).toEqual(asked.map((id) => (sender.known.has(id) ? id : null)));

    // Asking again within the same request is answered from that request's loader.
    await relations.member(context, ids[0]!);
    expect(sender.calls).toHaveLength(1);
  });

  it('more than 100 members are split into calls of at most 100 ids', async () => {
    const ids = Array.from({ length: 150 }, () => uuidv7());
    const context = requestBy(actor('staff', 'staff-1'));
    await Promise.all(ids.map((id) => relations.member(context, id)));
    expect(sender.calls.map((c) => c.memberIds.length)).toEqual([100, 50]);
  });

  it('nothing is cached across requests: a second request asks again', async () => {
    const id = uuidv7();
    sender.known.add(id);
    const staffActor = actor('staff', 'staff-1');
    expect((await relations.member(requestBy(staffActor), id))?.id).toBe(id);
    expect((await relations.member(requestBy(staffActor), id))?.id).toBe(id);
    expect(sender.calls).toHaveLength(2);
  });

  it('a member gets only itself, a partner key no member at all, and neither asks for anyone else', async () => {
    const [me, other] = [uuidv7(), uuidv7()];
    sender.known.add(me).add(other);
    const mine = requestBy(actor('member', me));
    expect((await relations.member(mine, me))?.id).toBe(me);
    expect(await relations.member(mine, other)).toBeNull();
    expect(await relations.member(requestBy(actor('partner', 'key-1')), me)).toBeNull();
    expect(await relations.member(requestBy(actor('anonymous', 'anonymous')), me)).toBeNull();
    expect(sender.calls.map((c) => c.memberIds)).toEqual([[me]]);
  });

  it('stores and assignees of many tickets cost one directory query and one staff query per request', async () => {
    const context = requestBy(actor('partner', 'key-1'));
    const [a, b, missing] = await Promise.all([
      relations.store(context, 's1'),
      relations.store(context, 's2'),
      relations.store(context, 'missing'),
      relations.store(context, 's1'),
    ]);
    expect([a?.name, b?.name, missing]).toEqual(['Store s1', 'Store s2', null]);
    expect(stores.calls).toEqual([['s1', 's2', 'missing']]);

    const assignees = await Promise.all(
      ['x', 'y', 'x', 'missing'].map((id) => relations.assignee(context, id)),
    );
    expect(assignees.map((p) => p?.displayName ?? null)).toEqual(['Staff x', 'Staff y', 'Staff x', null]);
    expect(staff.calls).toEqual([['x', 'y', 'missing']]);
  });
});
