import { Injectable } from '@nestjs/common';
import type { TicketView } from '@atrium/contracts';
import { SLA_TARGETS } from '../domain/sla-policy.js';
import { seesInternal, type TicketActor } from '../domain/ticket-access.policy.js';
import { TicketJournal } from './ticket-journal.repository.js';
import { CompensationRepository } from './compensation.repository.js';
import { AfterSalesRepository } from './after-sales.repository.js';
import { targetMet } from '../domain/ticket.js';
import type { TicketRecord } from './ticket-record.js';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** Builds the ticket as a given actor may see it: tenants and members never see internal notes or history. */
@Injectable()
export class TicketViewBuilder {
  constructor(
    private readonly journal: TicketJournal,
    private readonly compensations: CompensationRepository,
    private readonly afterSales: AfterSalesRepository,
  ) {}

  async build(t: TicketRecord, actor: TicketActor): Promise<TicketView> {
    const internal = seesInternal(actor);
    // One after another: inside a transaction they share one connection, which runs one query at a time.
    const history = await this.journal.history(t.id);
    const notes = await this.journal.notes(t.id);
    const compensations = await this.compensations.ofTicket(t.id);
    const afterSales = await this.afterSales.ofTicket(t.id);
    return {
      id: t.id,
      number: t.number,
      status: t.status,
      level: t.level,
      category: t.category,
      severity: t.severity,
      channel: t.channel,
      memberId: t.memberId,
      contactName: internal || actor.kind === 'member' ? t.contactName : null,
      contactPhone: internal || actor.kind === 'member' ? t.contactPhone : null,
      tenantId: t.tenantId,
      storeId: t.storeId,
      floor: t.floor,
      zone: t.zone,
      description: t.description,
      occurredAt: iso(t.occurredAt),
      customerConfirmed: t.customerConfirmed,
      department: t.department,
      assigneeId: t.assigneeId,
      slaPolicyCode: t.slaPolicyCode,
      slaState: t.slaState,
      slaTargets: SLA_TARGETS.map((target) => ({
        target,
        dueAt: iso(t.due[target].dueAt),
        warnAt: iso(t.due[target].warnAt),
        metAt: iso(targetMet(t, target)),
      })),
      firstResponseDueAt: iso(t.due.FIRST_RESPONSE.dueAt),
      resolutionDueAt: iso(t.due.RESOLUTION.dueAt),
      pausedSince: iso(t.pausedSince),
      pauseReason: t.pauseReason,
      proposal: t.proposal,
      proposalStatus: t.proposalStatus,
      rootCause: t.rootCause,
      openedAt: t.openedAt.toISOString(),
      resolvedAt: iso(t.resolvedAt),
      closedAt: iso(t.closedAt),
      reopenedAt: iso(t.reopenedAt),
      history: history.filter((h) => internal || !h.internal).map((h) => ({ ...h, at: h.at.toISOString() })),
      notes: notes
        .filter((n) => internal || n.visibility === 'PUBLIC')
        .map((n) => ({ ...n, createdAt: n.createdAt.toISOString() })),
      compensations: compensations
        .filter((c) => internal || c.status === 'GRANTED')
        .map((c) => ({
          id: c.id,
          kind: c.kind,
          amount: c.amount,
          reason: c.reason,
          status: c.status,
          requiredLevel: c.requiredLevel,
          requestedBy: c.requestedBy,
          approvedBy: c.approvedBy,
          grantedAt: iso(c.grantedAt),
          posting: c.posting,
          postedAt: iso(c.postedAt),
          ledgerEntryId: internal ? c.ledgerEntryId : null,
          postingRefusal: c.postingRefusal,
        })),
      afterSales: afterSales
        ? {
            flow: afterSales.flow,
            step: afterSales.step,
            details: afterSales.details,
            updatedAt: afterSales.updatedAt.toISOString(),
          }
        : null,
    };
  }
}
