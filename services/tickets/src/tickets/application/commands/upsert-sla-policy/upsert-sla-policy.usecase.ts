import { Inject, Injectable } from '@nestjs/common';
import type { OperationResponse, upsertSlaPolicy, ValidatedRequest } from '@atrium/contracts';
import { CLOCK, type Clock } from '@atrium/platform';
import { policyProblem, type SlaPolicy } from '../../../domain/sla-policy.js';
import { checkManagePolicies, type TicketActor } from '../../../domain/ticket-access.policy.js';
import { invalidInput } from '../../../domain/tickets.errors.js';
import { toPolicyView } from '../../configuration-views.js';
import { SlaPolicyRepository } from '../../sla-policy.repository.js';

/** Creates or changes an SLA policy (managers and above); tickets opened or reopened afterwards use it. */
@Injectable()
export class UpsertSlaPolicyUseCase {
  constructor(
    private readonly policies: SlaPolicyRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(
    actor: TicketActor,
    r: ValidatedRequest<typeof upsertSlaPolicy>,
  ): Promise<OperationResponse<typeof upsertSlaPolicy>> {
    checkManagePolicies(actor);
    const policy: SlaPolicy = {
      code: r.code,
      name: r.name,
      position: r.position,
      match: {
        categories: r.categories ?? [],
        severities: r.severities ?? [],
        channels: r.channels ?? [],
        tiers: r.tiers ?? [],
      },
      clock: r.clock,
      firstResponseMs: r.firstResponseSeconds * 1000,
      planMs: r.planSeconds * 1000,
      resolutionMs: r.resolutionSeconds * 1000,
      warnRatio: r.warnRatio ?? 0.8,
    };
    const problem = policyProblem(policy);
    if (problem) throw invalidInput('policy', problem);
    await this.policies.upsert(policy, this.clock.now());
    return toPolicyView(policy);
  }
}
