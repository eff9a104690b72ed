import { Inject, Injectable } from '@nestjs/common';
import type {
  OperationResponse,
  listSlaPolicies,
  upsertSlaPolicy,
  ValidatedRequest,
} from '@atrium/contracts';
import { CLOCK, type Clock } from '@atrium/platform';
import { policyProblem, type SlaPolicy } from '../../domain/sla-policy.js';
import { checkManagePolicies, checkStaff, type TicketActor } from '../../domain/ticket-access.policy.js';
import { invalidInput } from '../../domain/tickets.errors.js';
import { SlaPolicyRepository } from '../sla-policy.repository.js';

type PolicyView = OperationResponse<typeof upsertSlaPolicy>;

export function toPolicyView(p: SlaPolicy): PolicyView {
  return {
    code: p.code,
    name: p.name,
    position: p.position,
    categories: [...(p.match.categories ?? [])],
    severities: [...(p.match.severities ?? [])],
    channels: [...(p.match.channels ?? [])],
    tiers: [...(p.match.tiers ?? [])],
    clock: p.clock,
    firstResponseSeconds: Math.round(p.firstResponseMs / 1000),
    planSeconds: Math.round(p.planMs / 1000),
    resolutionSeconds: Math.round(p.resolutionMs / 1000),
    warnRatio: p.warnRatio,
  };
}

/** SLA policies as data: staff read them, managers and above change them. */
@Injectable()
export class SlaPoliciesUseCase {
  constructor(
    private readonly policies: SlaPolicyRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async list(actor: TicketActor): Promise<OperationResponse<typeof listSlaPolicies>> {
    checkStaff(actor);
    return { items: (await this.policies.list()).map(toPolicyView) };
  }

  async upsert(actor: TicketActor, r: ValidatedRequest<typeof upsertSlaPolicy>): Promise<PolicyView> {
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
