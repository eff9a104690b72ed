import { Injectable } from '@nestjs/common';
import type { DirectoryFloorState, DirectoryStoreState } from '@atrium/contracts';
import { TransactionHost } from '@atrium/persistence';
import type { KnownFloor, KnownStore } from '../domain/directory-entry.js';
import { DirectoryReadModel } from '../application/directory-read-model.js';
import { StoreDirectory } from '../application/store-directory.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface StoreRow {
  id: string;
  mall_id: string;
  tenant_id: string | null;
  floor_id: string;
  floor_code: string | null;
  unit: string;
  name: string;
  category: string;
  active: boolean;
  version: number;
}
interface FloorRow {
  id: string;
  mall_id: string;
  code: string;
  name: string;
  level: number;
  version: number;
}

/**
 * The directory read model in the tickets database (`directory_stores`, `directory_floors`).
 * A write replaces a row only for a higher version (the rule of `supersedes`, in SQL so two
 * consumers racing on one row cannot go back).
 */
@Injectable()
export class SqlStoreDirectory implements StoreDirectory, DirectoryReadModel {
  constructor(private readonly tx: TransactionHost) {}

  async findStore(storeId: string): Promise<KnownStore | null> {
    if (!UUID.test(storeId)) return null;
    const [row] = (await this.tx.manager.query(
      `SELECT s.id, s.mall_id, s.tenant_id, s.floor_id, f.code AS floor_code, s.unit, s.name, s.category,
              s.active, s.version
         FROM directory_stores s LEFT JOIN directory_floors f ON f.id = s.floor_id
        WHERE s.id = $1`,
      [storeId],
    )) as StoreRow[];
    return row
      ? {
          id: row.id,
          mallId: row.mall_id,
          tenantId: row.tenant_id,
          floorId: row.floor_id,
          floorCode: row.floor_code,
          unit: row.unit,
          name: row.name,
          category: row.category,
          active: row.active,
          version: row.version,
        }
      : null;
  }

  async findFloor(code: string): Promise<KnownFloor | null> {
    const [row] = (await this.tx.manager.query(
      'SELECT id, mall_id, code, name, level, version FROM directory_floors WHERE code = $1 ORDER BY level LIMIT 1',
      [code],
    )) as FloorRow[];
    return row
      ? {
          id: row.id,
          mallId: row.mall_id,
          code: row.code,
          name: row.name,
          level: row.level,
          version: row.version,
        }
      : null;
  }

  async saveStore(s: DirectoryStoreState): Promise<boolean> {
    const rows: unknown[] = await this.tx.manager.query(
      `INSERT INTO directory_stores AS d
              (id, mall_id, tenant_id, floor_id, unit, name, category, active, version, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
       ON CONFLICT (id) DO UPDATE
         SET mall_id = EXCLUDED.mall_id, tenant_id = EXCLUDED.tenant_id, floor_id = EXCLUDED.floor_id,
             unit = EXCLUDED.unit, name = EXCLUDED.name, category = EXCLUDED.category,
             active = EXCLUDED.active, version = EXCLUDED.version, updated_at = EXCLUDED.updated_at,
             received_at = now()
        WHERE d.version < EXCLUDED.version
       RETURNING id`,
      [s.id, s.mallId, s.tenantId, s.floorId, s.unit, s.name, s.category, s.active, s.version, s.updatedAt],
    );
    return rows.length > 0;
  }

  async saveFloor(f: DirectoryFloorState): Promise<boolean> {
    const rows: unknown[] = await this.tx.manager.query(
      `INSERT INTO directory_floors AS d (id, mall_id, code, name, level, version, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (id) DO UPDATE
         SET mall_id = EXCLUDED.mall_id, code = EXCLUDED.code, name = EXCLUDED.name, level = EXCLUDED.level,
             version = EXCLUDED.version, updated_at = EXCLUDED.updated_at, received_at = now()
        WHERE d.version < EXCLUDED.version
       RETURNING id`,
      [f.id, f.mallId, f.code, f.name, f.level, f.version, f.updatedAt],
    );
    return rows.length > 0;
  }
}
