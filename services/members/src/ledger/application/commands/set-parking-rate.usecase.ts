import { Injectable } from '@nestjs/common';
import type { Actor } from '@atrium/contracts';
import { checkManager, enforce } from '../../domain/ledger-access.policy.js';
import { LedgerRepository } from '../ledger.repository.js';

/** The mall tunes how many points an hour of parking costs (staff MANAGER and above). */
@Injectable()
export class SetParkingRateUseCase {
  constructor(private readonly ledger: LedgerRepository) {}

  async execute(actor: Actor, pointsPerHour: number): Promise<{ pointsPerHour: number }> {
    enforce(checkManager(actor));
    await this.ledger.setParkingPointsPerHour(pointsPerHour, `${actor.kind}:${actor.id}`);
    return { pointsPerHour };
  }
}
