import { Injectable } from '@nestjs/common';
import type { OperationResponse, listTickets, TicketView, ValidatedRequest } from '@atrium/contracts';
import { checkRead, TICKETS_READ, type TicketActor } from '../../domain/ticket-access.policy.js';
import { TicketsError, TicketsErrorCode } from '../../domain/tickets.errors.js';
import { TicketStore } from '../../infrastructure/ticket.store.js';
import { ticketNotFound } from '../ticket-work.js';
import { TicketViewBuilder } from '../ticket-view.js';

interface Cursor {
  d: string | null;
  n: string;
}
const encode = (c: Cursor) => Buffer.from(JSON.stringify(c)).toString('base64url');
function decode(after: string): Cursor {
  try {
    const c = JSON.parse(Buffer.from(after, 'base64url').toString('utf8')) as Cursor;
    if (typeof c.n !== 'string' || (c.d !== null && typeof c.d !== 'string')) throw new Error('shape');
    return c;
  } catch {
    throw new TicketsError(TicketsErrorCode.INVALID_INPUT, 'after: is not a cursor from this list', 'after');
  }
}

/** Reading tickets: one by number, and the queue (staff), a tenant's tickets or a member's own. */
@Injectable()
export class TicketQueries {
  constructor(
    private readonly store: TicketStore,
    private readonly views: TicketViewBuilder,
  ) {}

  async get(actor: TicketActor, number: string): Promise<TicketView> {
    const ticket = await this.store.findByNumber(number);
    // A ticket the caller may not see is reported as missing (numbers are guessable).
    if (!ticket) throw ticketNotFound(number);
    try {
      checkRead(actor, ticket);
    } catch (e) {
      if (e instanceof TicketsError && e.code === TicketsErrorCode.ACCESS_DENIED)
        throw ticketNotFound(number);
      throw e;
    }
    return this.views.build(ticket, actor);
  }

  async list(
    actor: TicketActor,
    req: ValidatedRequest<typeof listTickets>,
  ): Promise<OperationResponse<typeof listTickets>> {
    const where: string[] = [];
    const params: unknown[] = [];
    const p = (v: unknown) => {
      params.push(v);
      return `$${params.length}`;
    };
    switch (actor.kind) {
      case 'anonymous':
        throw new TicketsError(TicketsErrorCode.NOT_SIGNED_IN, 'sign in first to see tickets');
      case 'member':
        where.push(`member_id = ${p(actor.id)}`);
        break;
      case 'partner':
        if (!actor.scopes.includes(TICKETS_READ))
          throw new TicketsError(
            TicketsErrorCode.MISSING_SCOPE,
            `this API key lacks the scope ${TICKETS_READ}`,
          );
        if (!actor.tenantId)
          throw new TicketsError(TicketsErrorCode.OTHER_TENANT, 'this API key belongs to no tenant');
        where.push(`tenant_id = ${p(actor.tenantId)}`);
        break;
      case 'staff':
      case 'system':
        break;
    }
    const f = req.filter ?? {};
    if (f.statuses?.length) where.push(`status = ANY(${p(f.statuses)}::text[])`);
    if (f.levels?.length) where.push(`level = ANY(${p(f.levels)}::text[])`);
    if (f.department) where.push(`department = ${p(f.department)}`);
    if (f.assigneeId) where.push(`assignee_id = ${p(f.assigneeId)}`);
    if (f.storeId) where.push(`store_id = ${p(f.storeId)}`);
    if (f.category) where.push(`category = ${p(f.category)}`);
    if (f.memberId) where.push(`member_id = ${p(f.memberId)}`);
    if (f.vip !== undefined) {
      const vipTiers = (await this.store.settings()).vipTiers;
      if (f.vip) where.push(`member_tier = ANY(${p(vipTiers)}::text[])`);
      else where.push(`(member_tier IS NULL OR NOT (member_tier = ANY(${p(vipTiers)}::text[])))`);
    }
    if (f.slaStates?.length) where.push(`sla_state = ANY(${p(f.slaStates)}::text[])`);
    if (req.after) {
      const c = decode(req.after);
      where.push(
        c.d === null
          ? `(next_due_at IS NULL AND number > ${p(c.n)})`
          : `(next_due_at > ${p(c.d)}::timestamptz OR (next_due_at = ${p(c.d)}::timestamptz AND number > ${p(c.n)}) OR next_due_at IS NULL)`,
      );
    }
    const first = req.first ?? 20;
    const rows = await this.store.list(where, params, first + 1);
    const page = rows.slice(0, first);
    const cursors = page.map((t) => encode({ d: t.nextDueAt?.toISOString() ?? null, n: t.number }));
    return {
      items: await Promise.all(page.map((t) => this.views.build(t, actor))),
      cursors,
      endCursor: cursors.at(-1) ?? null,
      hasNextPage: rows.length > first,
    };
  }
}
