import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { directoryChanged, systemActor } from '@atrium/contracts';
import { OutboxWriter } from '@atrium/messaging';
import { TransactionHost } from '@atrium/persistence';
import { createLogger, runWithContext } from '@atrium/platform';
import {
  FLOOR_COLUMNS,
  floorState,
  STORE_COLUMNS,
  storeState,
  TENANT_COLUMNS,
  tenantState,
  type FloorRow,
  type StoreRow,
  type TenantRow,
} from './directory-rows.js';

/** Advisory-lock key of the snapshot, so replicas starting together write one after another. */
const SNAPSHOT_LOCK = 7_315_101;

/**
 * At start, every tenant, floor and store is written to the outbox once more with its current
 * version (cause SNAPSHOT), so a consumer that joined late or lost its read model catches up.
 * Consumers keep a row only for a higher version: a snapshot they already hold changes nothing.
 */
@Injectable()
export class DirectorySnapshot implements OnApplicationBootstrap {
  private readonly log = createLogger('directory-snapshot');

  constructor(
    private readonly tx: TransactionHost,
    private readonly outbox: OutboxWriter,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const counts = await this.publish();
    this.log.info(counts, 'directory snapshot written to the outbox');
  }

  /** Writes the snapshot in one transaction; returns how many rows of each kind it carried. */
  publish(): Promise<{ tenants: number; floors: number; stores: number }> {
    const context = {
      correlationId: randomUUID(),
      causationId: null,
      actor: systemActor('gateway.directory-snapshot'),
      traceparent: null,
    };
    return runWithContext(context, () =>
      this.tx.run(async (m) => {
        await m.query('SELECT pg_advisory_xact_lock($1)', [SNAPSHOT_LOCK]);
        const tenants = (await m.query(`SELECT ${TENANT_COLUMNS} FROM tenants ORDER BY id`)) as TenantRow[];
        const floors = (await m.query(`SELECT ${FLOOR_COLUMNS} FROM floors ORDER BY id`)) as FloorRow[];
        const stores = (await m.query(`SELECT ${STORE_COLUMNS} FROM stores ORDER BY id`)) as StoreRow[];
        for (const row of tenants)
          await this.outbox.add(directoryChanged, tenantState(row, 'SNAPSHOT'), row.id);
        for (const row of floors)
          await this.outbox.add(directoryChanged, floorState(row, 'SNAPSHOT'), row.id);
        for (const row of stores)
          await this.outbox.add(directoryChanged, storeState(row, 'SNAPSHOT'), row.id);
        return { tenants: tenants.length, floors: floors.length, stores: stores.length };
      }),
    );
  }
}
