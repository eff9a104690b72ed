import { TransactionHost } from '@atrium/persistence';

export type Row = Record<string, unknown>;
export const d = (v: unknown): Date | null => (v === null || v === undefined ? null : new Date(v as string));
export const dd = (v: unknown): Date => new Date(v as string);

/** Runs SQL in the ambient transaction when there is one, one statement at a time. */
export abstract class SqlRepository {
  constructor(protected readonly tx: TransactionHost) {}

  protected q<T = Row>(sql: string, params: unknown[] = []): Promise<T[]> {
    return this.tx.manager.query(sql, params) as Promise<T[]>;
  }
}
