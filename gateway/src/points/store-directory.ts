import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

export interface DirectoryStore {
  id: string;
  tenantId: string | null;
  category: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Which tenant runs a store, from the gateway's mall directory. The gateway owns stores, so
 * it resolves the funding tenant of a purchase here and the members service checks that the
 * partner credential's tenant is that tenant.
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
}
