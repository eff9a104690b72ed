import { Injectable } from '@nestjs/common';
import { v7 as uuidv7 } from 'uuid';
import type {
  Actor,
  EventPayload,
  OperationResponse,
  listStaffAlerts,
  ticketEscalated,
  ticketSlaBreached,
  ticketSlaWarning,
} from '@atrium/contracts';
import { AppError } from '@atrium/platform';
import { levelsSeenBy, renderAlert, type AlertKind } from '../domain/staff-alert.js';
import { StaffAlertRepository } from './staff-alert.repository.js';

type TicketAlertEvent =
  | EventPayload<typeof ticketSlaWarning>
  | EventPayload<typeof ticketSlaBreached>
  | EventPayload<typeof ticketEscalated>;

/**
 * Turns ticket events into staff alerts (in the consumer's transaction; one alert per event id,
 * so a redelivered or republished event adds nothing) and lists them for staff at or above the
 * ticket's level.
 */
@Injectable()
export class StaffAlerts {
  constructor(private readonly alerts: StaffAlertRepository) {}

  async record(kind: AlertKind, eventId: string, e: TicketAlertEvent): Promise<boolean> {
    const text = renderAlert(kind, {
      number: e.number,
      level: e.level,
      ...('target' in e ? { target: e.target, dueAt: e.dueAt } : {}),
      ...('fromLevel' in e ? { fromLevel: e.fromLevel, reason: e.reason } : {}),
    });
    return this.alerts.addOnce({
      id: uuidv7(),
      sourceEventId: eventId,
      kind,
      level: e.level,
      ticketId: e.ticketId,
      ticketNumber: e.number,
      storeId: e.storeId,
      ...text,
      occurredAt: new Date(e.occurredAt),
    });
  }

  async list(actor: Actor, first: number): Promise<OperationResponse<typeof listStaffAlerts>> {
    if (actor.kind === 'anonymous')
      throw new AppError('UNAUTHENTICATED', 'STAFF_ALERTS_NOT_SIGNED_IN', 'sign in first');
    if (actor.kind !== 'staff')
      throw new AppError('FORBIDDEN', 'STAFF_ALERTS_STAFF_ONLY', 'staff alerts are for mall staff');
    const items = await this.alerts.list(levelsSeenBy(actor.roles), first);
    return {
      items: items.map((a) => ({
        id: a.id,
        kind: a.kind,
        level: a.level,
        ticketId: a.ticketId,
        ticketNumber: a.ticketNumber,
        storeId: a.storeId,
        title: a.title,
        body: a.body,
        occurredAt: a.occurredAt.toISOString(),
      })),
    };
  }
}
