import type { SlaPolicy } from '../domain/sla-policy.js';

/** SLA policies as data. */
export abstract class SlaPolicyRepository {
  /** In matching order. */
  abstract list(): Promise<SlaPolicy[]>;
  abstract get(code: string): Promise<SlaPolicy | null>;
  abstract upsert(p: SlaPolicy, at: Date): Promise<void>;
}
