import { Injectable } from '@nestjs/common';
import type { listSlaPolicies, OperationResponse } from '@atrium/contracts';
import { checkStaff, type TicketActor } from '../../../domain/ticket-access.policy.js';
import { toPolicyView } from '../../configuration-views.js';
import { SlaPolicyRepository } from '../../sla-policy.repository.js';

/** The SLA policies in matching order (staff). */
@Injectable()
export class ListSlaPoliciesQuery {
  constructor(private readonly policies: SlaPolicyRepository) {}

  async execute(actor: TicketActor): Promise<OperationResponse<typeof listSlaPolicies>> {
    checkStaff(actor);
    return { items: (await this.policies.list()).map(toPolicyView) };
  }
}
