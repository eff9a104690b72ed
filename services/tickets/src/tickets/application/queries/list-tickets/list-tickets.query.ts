import { Injectable } from '@nestjs/common';
import type { OperationResponse, listTickets, ValidatedRequest } from '@atrium/contracts';
import { TICKETS_READ, type TicketActor } from '../../../domain/ticket-access.policy.js';
import { TicketsError, TicketsErrorCode } from '../../../domain/tickets.errors.js';
import type { TicketListFilter } from '../../ticket.repository.js';
import { SettingsRepository } from '../../settings.repository.js';
import { TicketRepository } from '../../ticket.repository.js';
import { TicketViewBuilder } from '../../ticket-view.js';

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

/** The queue (staff), a tenant's tickets or a member's own, next due first, a page at a time. */
@Injectable()
export class ListTicketsQuery {
  constructor(
    private readonly tickets: TicketRepository,
    private readonly settings: SettingsRepository,
    private readonly views: TicketViewBuilder,
  ) {}

  async execute(
    actor: TicketActor,
    req: ValidatedRequest<typeof listTickets>,
  ): Promise<OperationResponse<typeof listTickets>> {
    const filter: TicketListFilter = {};
    switch (actor.kind) {
      case 'anonymous':
        throw new TicketsError(TicketsErrorCode.NOT_SIGNED_IN, 'sign in first to see tickets');
      case 'member':
        filter.ownMemberId = actor.id;
        break;
      case 'partner':
        if (!actor.scopes.includes(TICKETS_READ))
          throw new TicketsError(
            TicketsErrorCode.MISSING_SCOPE,
            `this API key lacks the scope ${TICKETS_READ}`,
          );
        if (!actor.tenantId)
          throw new TicketsError(TicketsErrorCode.OTHER_TENANT, 'this API key belongs to no tenant');
        filter.tenantId = actor.tenantId;
        break;
      case 'staff':
      case 'system':
        break;
    }
    const f = req.filter ?? {};
    Object.assign(filter, {
      statuses: f.statuses,
      levels: f.levels,
      department: f.department,
      assigneeId: f.assigneeId,
      storeId: f.storeId,
      category: f.category,
      memberId: f.memberId,
      slaStates: f.slaStates,
    } satisfies TicketListFilter);
    if (f.vip !== undefined) {
      filter.vip = { is: f.vip, tiers: (await this.settings.get()).vipTiers };
    }
    if (req.after) {
      const c = decode(req.after);
      filter.after = { nextDueAt: c.d, number: c.n };
    }
    const first = req.first ?? 20;
    const rows = await this.tickets.list(filter, first + 1);
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
