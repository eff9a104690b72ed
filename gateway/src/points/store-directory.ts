import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

export interface DirectoryStore {
  id: string;
  tenantId: string | null;
  category: string;
}

/** A store as the directory lists it: where it is, what it sells, who rents it. */
export interface StoreListing {
  id: string;
  name: string;
  unit: string;
  floor: { code: string; name: string };
  category: string;
  /** Null for a store the mall runs without a tenant. */
  tenant: { id: string; name: string } | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Which tenant runs a store, and how stores are listed, from the gateway's mall directory. The
 * gateway owns stores, so it resolves the funding tenant of a purchase here and the members
 * service checks that the partner credential's tenant is that tenant.
 */
@Injectable()
export class StoreDirectory {
  constructor(private readonly dataSource: DataSource) {}

  async find(storeId: string): Promise<DirectoryStore | null> {
    if (!UUID.test(storeId)) return null;
    const [row] = (await this.dataSource.query(`SELECT id, tenant_id, category FROM stores WHERE id = $1`, [
      storeId,
    ])) as Array<{
      id: string;
      tenant_id: string | null;
      category: string;
    }>;
    return row ? { id: row.id, tenantId: row.tenant_id, category: row.category } : null;
  }

  /** The listings of these stores in one query; ids that are no store are left out. */
  listings(storeIds: readonly string[]): Promise<StoreListing[]> {
    const ids = storeIds.filter((id) => UUID.test(id));
    if (ids.length === 0) return Promise.resolve([]);
    return this.query(`WHERE s.id = ANY($1::uuid[])`, [ids]);
  }

  /** The whole directory (optionally one floor or one category), in unit order. */
  all(filter: { floor?: string | null; category?: string | null } = {}): Promise<StoreListing[]> {
    return this.query(
      `WHERE ($1::text IS NULL OR f.code = $1) AND ($2::text IS NULL OR s.category = $2) ORDER BY s.unit`,
      [filter.floor ?? null, filter.category ?? null],
    );
  }

  private async query(where: string, params: unknown[]): Promise<StoreListing[]> {
    const rows = (await this.dataSource.query(
      `SELECT s.id, s.name, s.unit, s.category, f.code AS floor_code, f.name AS floor_name,
              t.id AS tenant_id, t.name AS tenant_name
         FROM stores s
         JOIN floors f ON f.id = s.floor_id
         LEFT JOIN tenants t ON t.id = s.tenant_id
        ${where}`,
      params,
    )) as Array<{
      id: string;
      name: string;
      unit: string;
      category: string;
      floor_code: string;
      floor_name: string;
      tenant_id: string | null;
      tenant_name: string | null;
    }>;
    return rows.map((row) => ({
      id: row.id,
      name: row.name,
      unit: row.unit,
      floor: { code: row.floor_code, name: row.floor_name },
      category: row.category,
      tenant: row.tenant_id ? { id: row.tenant_id, name: row.tenant_name ?? '' } : null,
    }));
  }
}
