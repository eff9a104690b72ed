import { checkStaffMayWork, type Level } from './ticket-lifecycle.js';
import { TicketsError, TicketsErrorCode } from './tickets.errors.js';

/** The part of an actor the ticket rules look at (structurally the contracts' Actor). */
export interface TicketActor {
  kind: 'member' | 'staff' | 'partner' | 'system' | 'anonymous';
  id: string;
  tenantId: string | null;
  roles: readonly string[];
  scopes: readonly string[];
}

/** The part of a ticket the access rules look at. */
export interface TicketScope {
  memberId: string | null;
  tenantId: string | null;
  level: Level;
}

export const TICKETS_READ = 'tickets:read';
export const TICKETS_WRITE = 'tickets:write';

const notSignedIn = () =>
  new TicketsError(TicketsErrorCode.NOT_SIGNED_IN, 'sign in first to see or work tickets');
const denied = (message: string) => new TicketsError(TicketsErrorCode.ACCESS_DENIED, message);

function checkPartner(actor: TicketActor, scope: string, tenantId: string | null): void {
  if (!actor.scopes.includes(scope)) {
    throw new TicketsError(TicketsErrorCode.MISSING_SCOPE, `this API key lacks the scope ${scope}`);
  }
  if (!actor.tenantId || actor.tenantId !== tenantId) {
    throw new TicketsError(
      TicketsErrorCode.OTHER_TENANT,
      'a tenant sees and works only tickets about its own stores',
    );
  }
}

/** Seeing a ticket: the member it is about, staff, platform components, the store's tenant with tickets:read. */
export function checkRead(actor: TicketActor, ticket: TicketScope): void {
  switch (actor.kind) {
    case 'anonymous':
      throw notSignedIn();
    case 'member':
      if (ticket.memberId !== actor.id) throw denied('a member sees only its own tickets');
      return;
    case 'staff':
    case 'system':
      return;
    case 'partner':
      return checkPartner(actor, TICKETS_READ, ticket.tenantId);
  }
}

/**
 * Working a ticket (acknowledge, assign, notes, proposals, resolution, after-sales): staff at or
 * above the ticket's level; the store's tenant with tickets:write while the ticket is at
 * frontline level; platform components.
 */
export function checkWork(actor: TicketActor, ticket: TicketScope): void {
  switch (actor.kind) {
    case 'anonymous':
      throw notSignedIn();
    case 'member':
      throw denied('members cannot work tickets');
    case 'system':
      return;
    case 'staff':
      checkStaffMayWork(actor.roles, ticket.level);
      return;
    case 'partner':
      checkPartner(actor, TICKETS_WRITE, ticket.tenantId);
      if (ticket.level !== 'FRONTLINE') {
        throw new TicketsError(
          TicketsErrorCode.LEVEL_TOO_LOW,
          `this ticket is at level ${ticket.level}; a store works only frontline tickets`,
        );
      }
      return;
  }
}

/** Customer actions (answering a proposal, reopening): the member itself, or whoever may work the ticket. */
export function checkCustomerAction(actor: TicketActor, ticket: TicketScope): void {
  if (actor.kind === 'member') {
    if (ticket.memberId !== actor.id) throw denied('a member acts only on its own tickets');
    return;
  }
  checkWork(actor, ticket);
}

/** Only mall staff (and platform components) see internal notes and internal history. */
export const seesInternal = (actor: TicketActor) => actor.kind === 'staff' || actor.kind === 'system';

/** Opening: members for themselves, staff, platform components, a tenant for its own stores, anonymous with contact details. */
export function checkOpen(
  actor: TicketActor,
  request: {
    memberId: string | null;
    tenantId: string | null;
    contactName: string | null;
    contactPhone: string | null;
  },
): void {
  switch (actor.kind) {
    case 'member':
      if (request.memberId !== null && request.memberId !== actor.id)
        throw denied('a member opens tickets only for itself');
      return;
    case 'staff':
    case 'system':
      return;
    case 'partner':
      return checkPartner(actor, TICKETS_WRITE, request.tenantId);
    case 'anonymous':
      if (request.memberId !== null) throw notSignedIn();
      if (!request.contactName && !request.contactPhone) {
        throw new TicketsError(
          TicketsErrorCode.INVALID_INPUT,
          'contactPhone: an anonymous ticket needs a contact name or phone',
          'contactPhone',
        );
      }
      return;
  }
}

/** Staff level needed to manage SLA policies. */
/** SLA policies, categories and the calendar are changed by managers and above. */
export function checkManagePolicies(actor: TicketActor, what = 'SLA policies'): void {
  if (actor.kind === 'system') return;
  if (actor.kind !== 'staff') throw denied(`only mall staff manage ${what}`);
  if (!actor.roles.some((r) => r === 'MANAGER' || r === 'SENIOR_MANAGER' || r === 'ADMIN')) {
    throw new TicketsError(TicketsErrorCode.LEVEL_TOO_LOW, `${what} are managed by managers and above`);
  }
}

/** The compensation approval limits are changed by administrators only. */
export function checkManageApprovalLimits(actor: TicketActor): void {
  if (actor.kind === 'system') return;
  if (actor.kind !== 'staff') throw denied('only mall staff manage approval limits');
  if (!actor.roles.includes('ADMIN')) {
    throw new TicketsError(TicketsErrorCode.LEVEL_TOO_LOW, 'approval limits are managed by administrators');
  }
}

export function checkStaff(actor: TicketActor): void {
  if (actor.kind === 'anonymous') throw notSignedIn();
  if (actor.kind !== 'staff' && actor.kind !== 'system') throw denied('only mall staff may do this');
}
