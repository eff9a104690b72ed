import type { TicketRecord } from './ticket-record.js';

/** The fields every ticket event carries. */
export function ticketRef(t: TicketRecord, actorId: string, at: Date) {
  return {
    ticketId: t.id,
    number: t.number,
    memberId: t.memberId,
    tenantId: t.tenantId,
    storeId: t.storeId,
    status: t.status,
    level: t.level,
    actorId,
    occurredAt: at.toISOString(),
  };
}
