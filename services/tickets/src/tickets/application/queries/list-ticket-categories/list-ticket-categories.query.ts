import { Injectable } from '@nestjs/common';
import type { listTicketCategories, OperationResponse, ValidatedRequest } from '@atrium/contracts';
import { checkStaff, type TicketActor } from '../../../domain/ticket-access.policy.js';
import { CategoryRepository } from '../../category.repository.js';

/** The active categories for anyone (the complaint form needs them); inactive ones too for staff. */
@Injectable()
export class ListTicketCategoriesQuery {
  constructor(private readonly categories: CategoryRepository) {}

  async execute(
    actor: TicketActor,
    r: ValidatedRequest<typeof listTicketCategories>,
  ): Promise<OperationResponse<typeof listTicketCategories>> {
    if (r.includeInactive) checkStaff(actor);
    return { items: await this.categories.list(r.includeInactive ?? false) };
  }
}
