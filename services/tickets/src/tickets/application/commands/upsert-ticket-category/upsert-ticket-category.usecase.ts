import { Inject, Injectable } from '@nestjs/common';
import type { OperationResponse, upsertTicketCategory, ValidatedRequest } from '@atrium/contracts';
import { CLOCK, type Clock } from '@atrium/platform';
import { checkManagePolicies, type TicketActor } from '../../../domain/ticket-access.policy.js';
import { CategoryRepository } from '../../category.repository.js';
import type { TicketCategory } from '../../ticket-record.js';

/** Adds or changes a category (managers and above); one is never deleted, only deactivated. */
@Injectable()
export class UpsertTicketCategoryUseCase {
  constructor(
    private readonly categories: CategoryRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(
    actor: TicketActor,
    r: ValidatedRequest<typeof upsertTicketCategory>,
  ): Promise<OperationResponse<typeof upsertTicketCategory>> {
    checkManagePolicies(actor, 'ticket categories');
    const category: TicketCategory = {
      code: r.code,
      name: r.name,
      nameZh: r.nameZh ?? null,
      department: r.department,
      position: r.position,
      active: r.active ?? true,
    };
    await this.categories.upsert(category, this.clock.now(), actor.id);
    return category;
  }
}
