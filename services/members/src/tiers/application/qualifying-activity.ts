import type { QualifyingMetric } from '../domain/ladder.js';

/**
 * Port `QualifyingActivity`: how much a member qualified with over a window — net spend in fen
 * (SPEND) or points earned on purchases (POINTS). The SQL adapter reads the ledger's `purchases`
 * table; tests use a fake.
 */
export abstract class QualifyingActivity {
  abstract amount(memberId: string, metric: QualifyingMetric, from: Date, to: Date): Promise<number>;
}
