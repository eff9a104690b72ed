import { Injectable } from '@nestjs/common';
import type { getTicketSettings, OperationResponse } from '@atrium/contracts';
import { checkStaff, type TicketActor } from '../../../domain/ticket-access.policy.js';
import { toSettingsView } from '../../configuration-views.js';
import { SettingsRepository } from '../../settings.repository.js';

/** The calendar and ticket settings (staff). */
@Injectable()
export class GetTicketSettingsQuery {
  constructor(private readonly settings: SettingsRepository) {}

  async execute(actor: TicketActor): Promise<OperationResponse<typeof getTicketSettings>> {
    checkStaff(actor);
    return toSettingsView(await this.settings.get());
  }
}
