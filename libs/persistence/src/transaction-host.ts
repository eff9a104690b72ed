import { AsyncLocalStorage } from 'node:async_hooks';
import type { DataSource, EntityManager } from 'typeorm';

/**
 * Ambient transactions: `run` joins the transaction already open in this async context or
 * opens one, so a use case, the outbox writer and the inbox all share one commit.
 */
export class TransactionHost {
  private readonly storage = new AsyncLocalStorage<EntityManager>();

  constructor(readonly dataSource: DataSource) {}

  /** The manager of the open transaction, or the pool's manager outside one. */
  get manager(): EntityManager {
    return this.storage.getStore() ?? this.dataSource.manager;
  }

  get inTransaction(): boolean {
    return this.storage.getStore() !== undefined;
  }

  run<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    const open = this.storage.getStore();
    if (open) return work(open);
    return this.dataSource.transaction((manager) => this.storage.run(manager, () => work(manager)));
  }

  /** The manager of the open transaction; throws outside one (for writes that must be atomic with others). */
  requireTransaction(purpose: string): EntityManager {
    const open = this.storage.getStore();
    if (!open) throw new Error(`${purpose} must run inside TransactionHost.run()`);
    return open;
  }
}
