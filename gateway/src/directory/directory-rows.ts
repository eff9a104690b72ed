import type {
  DirectoryEntityState,
  DirectoryFloorState,
  DirectoryStoreState,
  DirectoryTenantState,
} from '@atrium/contracts';

type Cause = DirectoryEntityState['cause'];

/** The columns each directory table publishes, in the shape `*Row` below. */
export const TENANT_COLUMNS = 'id, code, name, version, updated_at';
export const FLOOR_COLUMNS = 'id, mall_id, code, name, level, version, updated_at';
export const STORE_COLUMNS =
  'id, mall_id, floor_id, tenant_id, unit, name, category, active, version, updated_at';

interface Versioned {
  id: string;
  version: number;
  updated_at: Date;
}
export interface TenantRow extends Versioned {
  code: string;
  name: string;
}
export interface FloorRow extends Versioned {
  mall_id: string;
  code: string;
  name: string;
  level: number;
}
export interface StoreRow extends Versioned {
  mall_id: string;
  floor_id: string;
  tenant_id: string | null;
  unit: string;
  name: string;
  category: string;
  active: boolean;
}

const versioned = (row: Versioned, cause: Cause) => ({
  id: row.id,
  version: row.version,
  updatedAt: new Date(row.updated_at).toISOString(),
  cause,
});

export const tenantState = (row: TenantRow, cause: Cause): DirectoryTenantState => ({
  entity: 'tenant',
  ...versioned(row, cause),
  code: row.code,
  name: row.name,
});

export const floorState = (row: FloorRow, cause: Cause): DirectoryFloorState => ({
  entity: 'floor',
  ...versioned(row, cause),
  mallId: row.mall_id,
  code: row.code,
  name: row.name,
  level: row.level,
});

export const storeState = (row: StoreRow, cause: Cause): DirectoryStoreState => ({
  entity: 'store',
  ...versioned(row, cause),
  mallId: row.mall_id,
  floorId: row.floor_id,
  tenantId: row.tenant_id,
  unit: row.unit,
  name: row.name,
  category: row.category,
  active: row.active,
});
