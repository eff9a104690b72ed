import type { ClockKind, Pause } from '@atrium/kernel';

/** The tickets a statistics request covers: opened in [from, to), optionally one tenant's or one store's. */
export interface StatsScope {
  from: string;
  to: string;
  /** Present: only this tenant's tickets (a null id matches none). */
  tenant?: { id: string | null };
  storeId?: string;
}

/** Calendar-time figures in seconds (null when no ticket counts). */
export interface StatsSummary {
  total: number;
  firstResponseP50: number | null;
  firstResponseP90: number | null;
  resolutionP50: number | null;
  resolutionP90: number | null;
  breachRate: number | null;
  firstContactResolutionRate: number | null;
}

/** A responded or resolved ticket with what its SLA clock needs. */
export interface SlaTimeRow {
  openedAt: Date;
  slaCycle: number;
  firstResponseAt: Date | null;
  resolvedAt: Date | null;
  clock: ClockKind;
  pauses: Pause[];
}

/** Read-only figures over the tickets of a period. */
export abstract class TicketStatsReader {
  abstract summary(scope: StatsScope): Promise<StatsSummary>;
  /** Tickets per value of the column ('(none)' for null), most first. */
  abstract countBy(
    scope: StatsScope,
    by: 'category' | 'store' | 'floor',
  ): Promise<{ key: string; count: number }[]>;
  abstract slaTimeRows(scope: StatsScope): Promise<SlaTimeRow[]>;
  /** Store and category pairs with at least `threshold` tickets. */
  abstract patterns(
    scope: StatsScope,
    threshold: number,
  ): Promise<{ storeId: string; category: string; count: number }[]>;
}
