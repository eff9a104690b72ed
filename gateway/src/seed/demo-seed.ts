import type { DataSource, EntityManager } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import type { PartnerScope, StaffRole } from '@atrium/contracts';
import { fullApiKey, type ApiKeyParts } from '../auth/api-keys/api-key-format.js';
import { derivedString, LOWER_ALPHANUMERIC, sha256Hex } from '../auth/crypto/secrets.js';
import { PasswordHasher } from '../auth/staff/password-hasher.js';

/** The password of every demo staff account. Demo data is refused in production. */
export const DEMO_PASSWORD = 'atrium-demo';

export const DEMO_STAFF: ReadonlyArray<{ username: string; displayName: string; roles: StaffRole[] }> = [
  { username: 'frontline.demo', displayName: 'Lin Qing (front desk)', roles: ['FRONTLINE'] },
  { username: 'supervisor.demo', displayName: 'Zhou Min (service supervisor)', roles: ['SUPERVISOR'] },
  { username: 'manager.demo', displayName: 'Chen Hao (customer service manager)', roles: ['MANAGER'] },
  { username: 'senior.demo', displayName: 'Wang Li (general manager)', roles: ['SENIOR_MANAGER'] },
  { username: 'admin.demo', displayName: 'Platform administrator', roles: ['ADMIN'] },
];

export const DEMO_MALL = { code: 'ATRIUM-PLAZA', name: 'Atrium Plaza', timeZone: 'Asia/Shanghai' } as const;

const FLOORS = [
  { code: 'B1', name: 'Basement 1: supermarket and food court', level: -1 },
  { code: 'L1', name: 'Level 1: jewelry and beauty', level: 1 },
  { code: 'L2', name: 'Level 2: fashion and kids', level: 2 },
  { code: 'L3', name: 'Level 3: electronics and lifestyle', level: 3 },
  { code: 'L4', name: 'Level 4: dining and cinema', level: 4 },
] as const;

/** Stores that rent as partner tenants (with API access) carry a tenant code. */
const STORES: ReadonlyArray<{
  unit: string;
  floor: string;
  name: string;
  category: string;
  tenant?: string;
}> = [
  { unit: 'B1-01', floor: 'B1', name: 'FreshMart Supermarket', category: 'SUPERMARKET', tenant: 'FRESHMART' },
  { unit: 'B1-08', floor: 'B1', name: 'Noodle House', category: 'DINING' },
  { unit: 'L1-01', floor: 'L1', name: 'Aurora Jewelry', category: 'JEWELRY', tenant: 'AURORA-JEWELRY' },
  { unit: 'L1-05', floor: 'L1', name: 'Bloom Cosmetics', category: 'BEAUTY' },
  { unit: 'L2-02', floor: 'L2', name: 'Urban Threads', category: 'FASHION', tenant: 'URBAN-THREADS' },
  { unit: 'L2-10', floor: 'L2', name: 'Little Stars Kids', category: 'MOTHER_AND_BABY' },
  {
    unit: 'L3-03',
    floor: 'L3',
    name: 'Pixel Electronics',
    category: 'ELECTRONICS',
    tenant: 'PIXEL-ELECTRONICS',
  },
  { unit: 'L3-07', floor: 'L3', name: 'Paws & Co. Pet Care', category: 'PET_SERVICES' },
  { unit: 'L4-01', floor: 'L4', name: 'Sky Cinema', category: 'ENTERTAINMENT' },
  { unit: 'L4-06', floor: 'L4', name: 'Jade Garden Restaurant', category: 'DINING' },
];

export const DEMO_PARTNER_TENANT = 'AURORA-JEWELRY';
export const DEMO_PARTNER_SCOPES: readonly PartnerScope[] = [
  'purchases:write',
  'members:read',
  'tickets:read',
  'tickets:write',
];

/**
 * The demo partner key is derived from a fixed seed, so every `npm start` can print the same
 * working key without storing it anywhere. It is labelled `test`.
 */
function demoPartnerKeyParts(): ApiKeyParts {
  const seed = `atrium demo partner key for ${DEMO_PARTNER_TENANT}`;
  return {
    prefix: `atr_test_${derivedString(`${seed}/prefix`, 8, LOWER_ALPHANUMERIC)}`,
    secret: derivedString(`${seed}/secret`, 32),
  };
}

export interface DemoCredentials {
  staff: Array<{ username: string; password: string; roles: StaffRole[] }>;
  partnerApiKey: { tenantCode: string; store: string; key: string; scopes: PartnerScope[] };
}

/** What `npm start` prints: the demo staff logins and the jewelry store's partner key. */
export function demoCredentials(): DemoCredentials {
  return {
    staff: DEMO_STAFF.map((s) => ({ username: s.username, password: DEMO_PASSWORD, roles: [...s.roles] })),
    partnerApiKey: {
      tenantCode: DEMO_PARTNER_TENANT,
      store: 'Aurora Jewelry',
      key: fullApiKey(demoPartnerKeyParts()),
      scopes: [...DEMO_PARTNER_SCOPES],
    },
  };
}

/** The demo credentials as lines for a terminal. */
export function formatDemoCredentials(credentials: DemoCredentials = demoCredentials()): string {
  const width = Math.max(...credentials.staff.map((s) => s.username.length));
  return [
    'Demo staff accounts (staffLogin):',
    ...credentials.staff.map(
      (s) => `  ${s.username.padEnd(width)}  password ${s.password}  roles ${s.roles.join(', ')}`,
    ),
    `Demo partner API key for ${credentials.partnerApiKey.store} (header x-api-key):`,
    `  ${credentials.partnerApiKey.key}`,
    `  scopes ${credentials.partnerApiKey.scopes.join(', ')}`,
  ].join('\n');
}

export interface SeedSummary {
  mallId: string;
  tenantIds: Record<string, string>;
  /** Rows this run created (zero everywhere on a second run). */
  created: { malls: number; floors: number; tenants: number; stores: number; staff: number; apiKeys: number };
}

async function insertCount(m: EntityManager, sql: string, params: unknown[]): Promise<number> {
  const rows: unknown[] = await m.query(`${sql} RETURNING 1`, params);
  return rows.length;
}

/**
 * Seeds the demo mall "Atrium Plaza" (floors B1, L1–L4, ten stores), tenants for four stores
 * including the jewelry store "Aurora Jewelry", one staff account per role and a partner API
 * key for the jewelry tenant. Idempotent: existing rows (matched by their natural keys) are
 * kept as they are, so running it on every start is safe.
 */
export async function seedDemoDirectory(
  dataSource: DataSource,
  hasher: PasswordHasher = new PasswordHasher(),
): Promise<SeedSummary> {
  // Hash only for accounts that do not exist yet: argon2id is deliberately slow.
  const existing: Array<{ username: string }> = await dataSource.query(
    'SELECT username FROM staff_accounts WHERE username = ANY($1)',
    [DEMO_STAFF.map((s) => s.username)],
  );
  const missing = DEMO_STAFF.filter((s) => !existing.some((e) => e.username === s.username));
  const hashes = new Map<string, string>();
  for (const staff of missing) hashes.set(staff.username, await hasher.hash(DEMO_PASSWORD));

  return dataSource.transaction(async (m) => {
    const created = { malls: 0, floors: 0, tenants: 0, stores: 0, staff: 0, apiKeys: 0 };
    created.malls += await insertCount(
      m,
      'INSERT INTO malls (id, code, name, time_zone) VALUES ($1, $2, $3, $4) ON CONFLICT (code) DO NOTHING',
      [uuidv7(), DEMO_MALL.code, DEMO_MALL.name, DEMO_MALL.timeZone],
    );
    const [{ id: mallId }]: Array<{ id: string }> = await m.query('SELECT id FROM malls WHERE code = $1', [
      DEMO_MALL.code,
    ]);

    for (const floor of FLOORS) {
      created.floors += await insertCount(
        m,
        'INSERT INTO floors (id, mall_id, code, name, level) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (mall_id, code) DO NOTHING',
        [uuidv7(), mallId, floor.code, floor.name, floor.level],
      );
    }
    const floors: Array<{ id: string; code: string }> = await m.query(
      'SELECT id, code FROM floors WHERE mall_id = $1',
      [mallId],
    );
    const floorId = new Map(floors.map((f) => [f.code, f.id]));

    const tenantIds: Record<string, string> = {};
    for (const store of STORES.filter((s) => s.tenant)) {
      created.tenants += await insertCount(
        m,
        'INSERT INTO tenants (id, code, name) VALUES ($1, $2, $3) ON CONFLICT (code) DO NOTHING',
        [uuidv7(), store.tenant, store.name],
      );
      const [{ id }]: Array<{ id: string }> = await m.query('SELECT id FROM tenants WHERE code = $1', [
        store.tenant,
      ]);
      tenantIds[store.tenant!] = id;
    }

    for (const store of STORES) {
      created.stores += await insertCount(
        m,
        `INSERT INTO stores (id, mall_id, floor_id, tenant_id, unit, name, category)
         VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (mall_id, unit) DO NOTHING`,
        [
          uuidv7(),
          mallId,
          floorId.get(store.floor),
          store.tenant ? tenantIds[store.tenant] : null,
          store.unit,
          store.name,
          store.category,
        ],
      );
    }

    for (const staff of missing) {
      created.staff += await insertCount(
        m,
        `INSERT INTO staff_accounts (id, username, display_name, password_hash, roles)
         VALUES ($1, $2, $3, $4, $5) ON CONFLICT (username) DO NOTHING`,
        [uuidv7(), staff.username, staff.displayName, hashes.get(staff.username), staff.roles],
      );
    }

    const key = demoPartnerKeyParts();
    created.apiKeys += await insertCount(
      m,
      `INSERT INTO api_keys (id, tenant_id, name, prefix, hash, scopes, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (prefix) DO NOTHING`,
      [
        uuidv7(),
        tenantIds[DEMO_PARTNER_TENANT],
        'Aurora Jewelry POS (demo)',
        key.prefix,
        sha256Hex(key.secret),
        [...DEMO_PARTNER_SCOPES],
        'demo-seed',
      ],
    );
    return { mallId, tenantIds, created };
  });
}
