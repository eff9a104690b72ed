import { Inject, Injectable } from '@nestjs/common';
import { v7 as uuidv7 } from 'uuid';
import { ticketOpened, type openTicket, type TicketView, type ValidatedRequest } from '@atrium/contracts';
import { OutboxWriter } from '@atrium/messaging';
import { TransactionHost } from '@atrium/persistence';
import { CLOCK, type Clock } from '@atrium/platform';
import { StoreDirectory } from '../../../../directory/index.js';
import { AFTER_SALES_FLOWS, stepDetailsProblem } from '../../../domain/after-sales.js';
import { formatLocalDate, localDateOf } from '@atrium/kernel';
import { DEFAULT_SLA_POLICIES, selectPolicy } from '../../../domain/sla-policy.js';
import { Ticket } from '../../../domain/ticket.js';
import { checkOpen, type TicketActor } from '../../../domain/ticket-access.policy.js';
import { invalidInput } from '../../../domain/tickets.errors.js';
import { AfterSalesRepository } from '../../after-sales.repository.js';
import { CategoryRepository } from '../../category.repository.js';
import { MemberTierRepository } from '../../member-tier.repository.js';
import { SettingsRepository } from '../../settings.repository.js';
import { SlaPolicyRepository } from '../../sla-policy.repository.js';
import { ticketRef } from '../../ticket-events.js';
import { TicketRepository } from '../../ticket.repository.js';
import { TicketViewBuilder } from '../../ticket-view.js';
import { TicketWork } from '../../ticket-work.js';
import { PatternDetector } from '../pattern-detector.js';

type OpenRequest = ValidatedRequest<typeof openTicket>;
const WRITTEN_CHANNELS = ['COMMENT_CARD', 'FEEDBACK_AUTO', 'SOCIAL'];

/** The human ticket number: day in the mall's time zone and that day's sequence, e.g. TK-20261122-000123. */
export const ticketNumber = (day: string, seq: number) =>
  `TK-${day.replace(/-/g, '')}-${String(seq).padStart(6, '0')}`;

/** Intake from any channel: a numbered ticket under the first matching SLA policy, its clock started. */
@Injectable()
export class OpenTicketUseCase {
  constructor(
    private readonly tx: TransactionHost,
    private readonly tickets: TicketRepository,
    private readonly afterSales: AfterSalesRepository,
    private readonly settings: SettingsRepository,
    private readonly categories: CategoryRepository,
    private readonly policies: SlaPolicyRepository,
    private readonly memberTiers: MemberTierRepository,
    private readonly work: TicketWork,
    private readonly views: TicketViewBuilder,
    private readonly outbox: OutboxWriter,
    private readonly patterns: PatternDetector,
    private readonly directory: StoreDirectory,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /**
   * Where the ticket is, checked against the mall directory: a named store must be known and
   * open, and its floor is the ticket's floor (a typed floor must agree with it); a floor
   * without a store must be a floor of the directory.
   */
  private async placeOf(req: OpenRequest): Promise<{ storeId: string | null; floor: string | null }> {
    const typedFloor = req.floor ?? null;
    if (req.storeId) {
      const store = await this.directory.findStore(req.storeId);
      if (!store) throw invalidInput('storeId', 'unknown store');
      if (!store.active) throw invalidInput('storeId', 'the store has closed');
      let floor = store.floorCode;
      if (floor === null && typedFloor !== null) {
        // The store's floor has not reached the directory yet: the typed one must at least be that floor.
        const known = await this.directory.findFloor(typedFloor);
        if (!known) throw invalidInput('floor', 'unknown floor');
        if (known.id !== store.floorId) throw invalidInput('floor', 'the store is on another floor');
        floor = known.code;
      }
      if (typedFloor !== null && floor !== null && typedFloor !== floor)
        throw invalidInput('floor', `the store is on ${floor}`);
      return { storeId: store.id, floor };
    }
    if (typedFloor !== null && !(await this.directory.findFloor(typedFloor)))
      throw invalidInput('floor', 'unknown floor');
    return { storeId: null, floor: typedFloor };
  }

  async execute(actor: TicketActor, req: OpenRequest): Promise<TicketView> {
    const category = await this.categories.get(req.category);
    if (!category?.active) {
      const known = (await this.categories.list(false)).map((c) => c.code);
      throw invalidInput(
        'category',
        `${category ? 'no longer in use' : 'unknown category'}; one of ${known.join(', ')}`,
      );
    }
    const memberId = actor.kind === 'member' ? actor.id : (req.memberId ?? null);
    const request = {
      memberId,
      tenantId: req.tenantId ?? null,
      contactName: req.contactName ?? null,
      contactPhone: req.contactPhone ?? null,
    };
    checkOpen(actor, request);
    if (
      !memberId &&
      !request.contactName &&
      !request.contactPhone &&
      !WRITTEN_CHANNELS.includes(req.channel)
    ) {
      throw invalidInput('contactPhone', 'a ticket without a member needs a contact name or phone');
    }
    const place = await this.placeOf(req);
    return this.tx.run(async () => {
      const now = this.clock.now();
      const settings = await this.settings.get();
      const day = formatLocalDate(localDateOf(now.getTime(), settings.calendar.timeZone));
      if (req.afterSales) {
        const first = AFTER_SALES_FLOWS[req.afterSales.flow].first;
        const problem = stepDetailsProblem(req.afterSales.flow, first, req.afterSales.details ?? {}, day);
        if (problem) throw invalidInput(`afterSales.${problem.field}`, problem.problem);
      }
      const number = ticketNumber(day, await this.tickets.nextDaySequence(day));
      const memberTier = memberId ? await this.memberTiers.tierOf(memberId) : null;
      const severity = req.severity ?? 'MEDIUM';
      const policy =
        selectPolicy(await this.policies.list(), {
          category: req.category,
          severity,
          channel: req.channel,
          memberTier,
        }) ?? DEFAULT_SLA_POLICIES[DEFAULT_SLA_POLICIES.length - 1]!;
      const ticket = Ticket.open(
        {
          id: uuidv7(),
          number,
          category: req.category,
          severity,
          channel: req.channel,
          memberId,
          memberTier,
          contactName: request.contactName,
          contactPhone: request.contactPhone,
          tenantId: request.tenantId,
          storeId: place.storeId,
          floor: place.floor,
          zone: req.zone ?? null,
          description: req.description,
          occurredAt: req.occurredAt ? new Date(req.occurredAt) : null,
          customerConfirmed: req.customerConfirmed ?? false,
          department:
            category.department === 'TENANT_STORE' && !place.storeId ? 'CUSTOMER_SERVICE' : category.department,
          policy,
          calendarVersion: settings.calendarVersion,
        },
        now,
      );
      await this.tickets.insert(ticket.state);
      if (req.afterSales) {
        const step = AFTER_SALES_FLOWS[req.afterSales.flow].first;
        await this.afterSales.save(ticket.id, {
          flow: req.afterSales.flow,
          step,
          details: req.afterSales.details ?? {},
          updatedAt: now,
        });
        ticket.record({
          action: 'AFTER_SALES_STEP',
          fromStatus: null,
          toStatus: null,
          detail: { flow: req.afterSales.flow, step },
        });
      }
      await this.work.save(ticket, actor, now, settings);
      const t = ticket.state;
      await this.outbox.add(
        ticketOpened,
        {
          ...ticketRef(t, actor.id, now),
          channel: t.channel,
          category: t.category,
          severity: t.severity,
          firstResponseDueAt: t.due.FIRST_RESPONSE.dueAt?.toISOString() ?? null,
          resolutionDueAt: t.due.RESOLUTION.dueAt?.toISOString() ?? null,
        },
        t.id,
      );
      await this.patterns.afterOpening(t, settings, now);
      return this.views.build(t, actor);
    });
  }
}
