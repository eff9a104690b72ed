import { Inject, Injectable } from '@nestjs/common';
import { v7 as uuidv7 } from 'uuid';
import { directoryChanged, type DirectoryEntityState } from '@atrium/contracts';
import { OutboxWriter } from '@atrium/messaging';
import { TransactionHost } from '@atrium/persistence';
import { CLOCK, type Clock } from '@atrium/platform';
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

export interface TenantInput {
  code: string;
  name: string;
}
export interface FloorInput {
  mallId: string;
  code: string;
  name: string;
  level: number;
}
export interface StoreInput {
  mallId: string;
  /** The store's unit in its mall, e.g. L1-01: the natural key of a store. */
  unit: string;
  floorId: string;
  tenantId: string | null;
  name: string;
  category: string;
  active?: boolean;
}

/**
 * Every change of the mall directory goes through here: the row is written (its version grows
 * by one) together with its `gateway.directory.changed.v1` outbox row, in one transaction. An
 * upsert that changes nothing writes nothing and publishes nothing.
 */
@Injectable()
export class DirectoryWriter {
  constructor(
    private readonly tx: TransactionHost,
    private readonly outbox: OutboxWriter,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  upsertTenant(input: TenantInput): Promise<DirectoryEntityState> {
    return this.write<TenantRow>(
      `INSERT INTO tenants AS t (id, code, name, updated_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, version = t.version + 1, updated_at = EXCLUDED.updated_at
        WHERE t.name IS DISTINCT FROM EXCLUDED.name
       RETURNING ${TENANT_COLUMNS}`,
      [uuidv7(), input.code, input.name, this.clock.now()],
      `SELECT ${TENANT_COLUMNS} FROM tenants WHERE code = $1`,
      [input.code],
      tenantState,
    );
  }

  upsertFloor(input: FloorInput): Promise<DirectoryEntityState> {
    return this.write<FloorRow>(
      `INSERT INTO floors AS f (id, mall_id, code, name, level, updated_at) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (mall_id, code) DO UPDATE
         SET name = EXCLUDED.name, level = EXCLUDED.level, version = f.version + 1, updated_at = EXCLUDED.updated_at
        WHERE (f.name, f.level) IS DISTINCT FROM (EXCLUDED.name, EXCLUDED.level)
       RETURNING ${FLOOR_COLUMNS}`,
      [uuidv7(), input.mallId, input.code, input.name, input.level, this.clock.now()],
      `SELECT ${FLOOR_COLUMNS} FROM floors WHERE mall_id = $1 AND code = $2`,
      [input.mallId, input.code],
      floorState,
    );
  }

  upsertStore(input: StoreInput): Promise<DirectoryEntityState> {
    return this.write<StoreRow>(
      `INSERT INTO stores AS s (id, mall_id, unit, floor_id, tenant_id, name, category, active, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (mall_id, unit) DO UPDATE
         SET floor_id = EXCLUDED.floor_id, tenant_id = EXCLUDED.tenant_id, name = EXCLUDED.name,
             category = EXCLUDED.category, active = EXCLUDED.active,
             version = s.version + 1, updated_at = EXCLUDED.updated_at
        WHERE (s.floor_id, s.tenant_id, s.name, s.category, s.active)
              IS DISTINCT FROM (EXCLUDED.floor_id, EXCLUDED.tenant_id, EXCLUDED.name, EXCLUDED.category, EXCLUDED.active)
       RETURNING ${STORE_COLUMNS}`,
      [
        uuidv7(),
        input.mallId,
        input.unit,
        input.floorId,
        input.tenantId,
        input.name,
        input.category,
        input.active ?? true,
        this.clock.now(),
      ],
      `SELECT ${STORE_COLUMNS} FROM stores WHERE mall_id = $1 AND unit = $2`,
      [input.mallId, input.unit],
      storeState,
    );
  }

  /** Upserts; publishes the new state when the row was created or changed. */
  private write<R extends { id: string }>(
    upsert: string,
    params: unknown[],
    current: string,
    currentParams: unknown[],
    toState: (row: R, cause: 'CHANGED') => DirectoryEntityState,
  ): Promise<DirectoryEntityState> {
    return this.tx.run(async (m) => {
      const [written] = (await m.query(upsert, params)) as R[];
      if (written) {
        const state = toState(written, 'CHANGED');
        await this.outbox.add(directoryChanged, state, written.id);
        return state;
      }
      const [unchanged] = (await m.query(current, currentParams)) as R[];
      return toState(unchanged, 'CHANGED');
    });
  }
}
