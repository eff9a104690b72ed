import { describe, it, expect } from '@jest/globals';
import {
  checkOpen,
  checkRead,
  checkWork,
  seesInternal,
  type TicketActor,
  type TicketScope,
} from './ticket-access.policy.js';
import { TicketsError, TicketsErrorCode } from './tickets.errors.js';

const actor = (kind: TicketActor['kind'], over: Partial<TicketActor> = {}): TicketActor => ({
  kind,
  id: `${kind}-1`,
  tenantId: null,
  roles: [],
  scopes: [],
  ...over,
});
const ticket: TicketScope = { memberId: 'member-1', tenantId: 't1', level: 'FRONTLINE' };
const codeOf = (fn: () => void) => {
  try {
    fn();
    return 'allowed';
  } catch (e) {
    return (e as TicketsError).code;
  }
};

describe('ticket access', () => {
  const reads: { name: string; who: TicketActor; on?: Partial<TicketScope>; expected: string }[] = [
    { name: 'the member the ticket is about reads it', who: actor('member'), expected: 'allowed' },
    {
      name: 'another member does not',
      who: actor('member', { id: 'member-2' }),
      expected: TicketsErrorCode.ACCESS_DENIED,
    },
    {
      name: 'the store’s tenant with tickets:read reads it',
      who: actor('partner', { tenantId: 't1', scopes: ['tickets:read'] }),
      expected: 'allowed',
    },
    {
      name: 'another tenant does not',
      who: actor('partner', { tenantId: 't2', scopes: ['tickets:read'] }),
      expected: TicketsErrorCode.OTHER_TENANT,
    },
    {
      name: 'a tenant key without the scope does not',
      who: actor('partner', { tenantId: 't1', scopes: ['members:read'] }),
      expected: TicketsErrorCode.MISSING_SCOPE,
    },
    { name: 'anonymous callers do not', who: actor('anonymous'), expected: TicketsErrorCode.NOT_SIGNED_IN },
    {
      name: 'staff of any level read',
      who: actor('staff', { roles: ['FRONTLINE'] }),
      on: { level: 'MANAGER' },
      expected: 'allowed',
    },
  ];
  it.each(reads)('read: $name', ({ who, on, expected }) =>
    expect(codeOf(() => checkRead(who, { ...ticket, ...on }))).toBe(expected),
  );

  const works: { name: string; who: TicketActor; on?: Partial<TicketScope>; expected: string }[] = [
    {
      name: 'frontline staff work a frontline ticket',
      who: actor('staff', { roles: ['FRONTLINE'] }),
      expected: 'allowed',
    },
    {
      name: 'frontline staff cannot work a supervisor-level ticket',
      who: actor('staff', { roles: ['FRONTLINE'] }),
      on: { level: 'SUPERVISOR' },
      expected: TicketsErrorCode.LEVEL_TOO_LOW,
    },
    {
      name: 'a supervisor works it',
      who: actor('staff', { roles: ['SUPERVISOR'] }),
      on: { level: 'SUPERVISOR' },
      expected: 'allowed',
    },
    {
      name: 'the store’s tenant with tickets:write works a frontline ticket',
      who: actor('partner', { tenantId: 't1', scopes: ['tickets:write'] }),
      expected: 'allowed',
    },
    {
      name: 'the store’s tenant cannot work an escalated ticket',
      who: actor('partner', { tenantId: 't1', scopes: ['tickets:write'] }),
      on: { level: 'SUPERVISOR' },
      expected: TicketsErrorCode.LEVEL_TOO_LOW,
    },
    {
      name: 'a read-only tenant key cannot work tickets',
      who: actor('partner', { tenantId: 't1', scopes: ['tickets:read'] }),
      expected: TicketsErrorCode.MISSING_SCOPE,
    },
    { name: 'members do not work tickets', who: actor('member'), expected: TicketsErrorCode.ACCESS_DENIED },
  ];
  it.each(works)('work: $name', ({ who, on, expected }) =>
    expect(codeOf(() => checkWork(who, { ...ticket, ...on }))).toBe(expected),
  );

  it('only staff and platform components see internal notes', () => {
    expect(seesInternal(actor('staff'))).toBe(true);
    expect(seesInternal(actor('partner'))).toBe(false);
    expect(seesInternal(actor('member'))).toBe(false);
  });

  it('anonymous callers open tickets only with contact details and no member', () => {
    const base = { memberId: null, tenantId: null, contactName: null, contactPhone: null };
    expect(codeOf(() => checkOpen(actor('anonymous'), base))).toBe(TicketsErrorCode.INVALID_INPUT);
    expect(codeOf(() => checkOpen(actor('anonymous'), { ...base, contactPhone: '13800138000' }))).toBe(
      'allowed',
    );
    expect(codeOf(() => checkOpen(actor('member'), { ...base, memberId: 'member-2' }))).toBe(
      TicketsErrorCode.ACCESS_DENIED,
    );
  });
});
