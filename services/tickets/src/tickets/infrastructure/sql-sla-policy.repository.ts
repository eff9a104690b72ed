import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@atrium/persistence';
import type { SlaPolicy } from '../domain/sla-policy.js';
import { SlaPolicyRepository } from '../application/sla-policy.repository.js';
import { SqlRepository, type Row } from './sql-query.js';

function toPolicy(r: Row): SlaPolicy {
  return {
    code: r.code as string,
    name: r.name as string,
    position: r.position as number,
    match: r.match as SlaPolicy['match'],
    clock: r.clock as SlaPolicy['clock'],
    firstResponseMs: Number(r.first_response_ms),
    planMs: Number(r.plan_ms),
    resolutionMs: Number(r.resolution_ms),
    warnRatio: Number(r.warn_ratio),
  };
}

@Injectable()
export class SqlSlaPolicyRepository extends SqlRepository implements SlaPolicyRepository {
  constructor(tx: TransactionHost) {
    super(tx);
  }

  async list(): Promise<SlaPolicy[]> {
    return (await this.q(`SELECT * FROM sla_policies ORDER BY position, code`)).map(toPolicy);
  }

  async get(code: string): Promise<SlaPolicy | null> {
    const rows = await this.q(`SELECT * FROM sla_policies WHERE code = $1`, [code]);
    return rows[0] ? toPolicy(rows[0]) : null;
  }

  async upsert(p: SlaPolicy, at: Date): Promise<void> {
    await this.q(
      `INSERT INTO sla_policies (code, name, position, match, clock, first_response_ms, plan_ms, resolution_ms, warn_ratio, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
       ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, position = EXCLUDED.position, match = EXCLUDED.match,
         clock = EXCLUDED.clock, first_response_ms = EXCLUDED.first_response_ms, plan_ms = EXCLUDED.plan_ms,
         resolution_ms = EXCLUDED.resolution_ms, warn_ratio = EXCLUDED.warn_ratio, updated_at = EXCLUDED.updated_at`,
      [
        p.code,
        p.name,
        p.position,
        JSON.stringify(p.match),
        p.clock,
        p.firstResponseMs,
        p.planMs,
        p.resolutionMs,
        p.warnRatio,
        at,
      ],
    );
  }
}
