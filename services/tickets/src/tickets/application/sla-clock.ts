import { Injectable } from '@nestjs/common';
import { computeTargets, DEFAULT_SLA_POLICIES, SLA_TARGETS, type SlaPolicy } from '../domain/sla-policy.js';
import { targetMet } from '../domain/ticket.js';
import { ACTIVE_STATUSES } from '../domain/ticket-lifecycle.js';
import { PauseRepository } from './sla-pause.repository.js';
import { SlaPolicyRepository } from './sla-policy.repository.js';
import { DeadlineRepository } from './sla-deadline.repository.js';
import type { TicketRecord, TicketSettings } from './ticket-record.js';

/**
 * Keeps a ticket's SLA targets and its rows in `sla_deadlines` in step with the ticket: call it
 * (inside the ticket's transaction) after every change that starts, stops, pauses or meets a
 * clock. Pending rows are replaced; rows already fired in this cycle are never re-created.
 */
@Injectable()
export class SlaClock {
  constructor(
    private readonly pauses: PauseRepository,
    private readonly policies: SlaPolicyRepository,
    private readonly deadlines: DeadlineRepository,
  ) {}

  /** The ticket's own snapshot of its policy; rows from before snapshots look the policy up. */
  async policyOf(t: TicketRecord): Promise<SlaPolicy> {
    if (t.slaPolicy) return t.slaPolicy;
    return (
      (t.slaPolicyCode ? await this.policies.get(t.slaPolicyCode) : null) ??
      DEFAULT_SLA_POLICIES.find((p) => p.code === t.slaPolicyCode) ??
      DEFAULT_SLA_POLICIES[DEFAULT_SLA_POLICIES.length - 1]!
    );
  }

  async reschedule(t: TicketRecord, settings: TicketSettings): Promise<void> {
    await this.deadlines.cancelPending(t.id);
    const fired = await this.deadlines.fired(t.id, t.slaCycle);
    const policy = await this.policyOf(t);
    const pauses = await this.pauses.ofTicket(t.id);
    const targets = computeTargets(policy, t.clockStartedAt.getTime(), settings.calendar, pauses);
    t.calendarVersion = settings.calendarVersion;
    const active = ACTIVE_STATUSES.includes(t.status);
    let next: Date | null = null;
    for (const target of SLA_TARGETS) {
      const { warnAt, dueAt } = targets[target];
      t.due[target] = {
        warnAt: warnAt === null ? null : new Date(warnAt),
        dueAt: dueAt === null ? null : new Date(dueAt),
      };
      if (!active || targetMet(t, target) || dueAt === null) continue;
      if (next === null || dueAt < next.getTime()) next = new Date(dueAt);
      for (const [kind, at] of [
        ['WARNING', warnAt],
        ['BREACH', dueAt],
      ] as const) {
        if (at === null || fired.has(`${target}:${kind}`)) continue;
        await this.deadlines.add({
          ticketId: t.id,
          target,
          kind,
          cycle: t.slaCycle,
          dueAt: new Date(at),
          targetDueAt: new Date(dueAt),
        });
      }
    }
    t.nextDueAt = next;
    const breached = [...fired].some((k) => k.endsWith(':BREACH'));
    const warned = [...fired].some((k) => k.endsWith(':WARNING'));
    t.slaState = !active
      ? breached
        ? 'BREACHED'
        : 'MET'
      : t.pausedSince
        ? 'PAUSED'
        : breached
          ? 'BREACHED'
          : warned
            ? 'WARNING'
            : 'ON_TRACK';
  }
}
