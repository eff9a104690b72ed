import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, MessagePattern, Payload } from '@nestjs/microservices';
import {
  listStaffAlerts,
  ticketEscalated,
  ticketSlaBreached,
  ticketSlaWarning,
  type EventPayload,
  type OperationResponse,
} from '@atrium/contracts';
import type { AtriumRpcContext } from '@atrium/messaging';
import { StaffAlerts } from '../application/staff-alerts.js';

/** Ticket events become staff alerts (each handler runs once per message, in the inbox transaction). */
@Controller()
export class StaffAlertsController {
  constructor(private readonly alerts: StaffAlerts) {}

  @EventPattern<string>(ticketSlaWarning.topic)
  async onWarning(
    @Payload() e: EventPayload<typeof ticketSlaWarning>,
    @Ctx() ctx: AtriumRpcContext,
  ): Promise<void> {
    await this.alerts.record('SLA_WARNING', ctx.envelope.id, e);
  }

  @EventPattern<string>(ticketSlaBreached.topic)
  async onBreach(
    @Payload() e: EventPayload<typeof ticketSlaBreached>,
    @Ctx() ctx: AtriumRpcContext,
  ): Promise<void> {
    await this.alerts.record('SLA_BREACHED', ctx.envelope.id, e);
  }

  @EventPattern<string>(ticketEscalated.topic)
  async onEscalated(
    @Payload() e: EventPayload<typeof ticketEscalated>,
    @Ctx() ctx: AtriumRpcContext,
  ): Promise<void> {
    await this.alerts.record('ESCALATED', ctx.envelope.id, e);
  }

  @MessagePattern(listStaffAlerts.pattern)
  list(
    @Payload() p: { first: number },
    @Ctx() ctx: AtriumRpcContext,
  ): Promise<OperationResponse<typeof listStaffAlerts>> {
    return this.alerts.list(ctx.envelope.actor, p.first);
  }
}
