// Real: the gateway's database (migrated) on the test PostgreSQL, the gateway's API key check.
// Faked: nothing; no Kafka is needed here.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { DataSource } from 'typeorm';
import { dropDatabase } from '@atrium/persistence';
import { ManualClock } from '@atrium/platform';
import { testInfra, uniqueDatabaseName } from '@atrium/testing';
import { ApiKeyService } from '../auth/api-keys/api-key.service.js';
import { PasswordHasher } from '../auth/staff/password-hasher.js';
import { loadGatewayConfig } from '../config/gateway-config.js';
import { openGatewayDatabase } from '../database/gateway-database.js';
import { DEMO_PASSWORD, demoCredentials, seedDemoDirectory } from './demo-seed.js';

const config = loadGatewayConfig({
  KAFKA_BROKERS: testInfra().kafkaBrokers.join(','),
  DATABASE_URL: testInfra().databaseServerUrl,
  DATABASE_NAME: uniqueDatabaseName('gateway_seed'),
});
let dataSource: DataSource;

beforeAll(async () => {
  dataSource = await openGatewayDatabase(config);
});

afterAll(async () => {
  await dataSource?.destroy();
  await dropDatabase(config.DATABASE_URL, config.DATABASE_NAME);
});

describe('demo seed', () => {
  it('creates the mall directory once; a second run creates nothing and changes nothing', async () => {
    const first = await seedDemoDirectory(dataSource);
    expect(first.created).toEqual({ malls: 1, floors: 5, tenants: 4, stores: 10, staff: 5, apiKeys: 1 });
    const snapshot = await dataSource.query(
      'SELECT id, username, password_hash FROM staff_accounts ORDER BY username',
    );
    const second = await seedDemoDirectory(dataSource);
    expect(second.created).toEqual({ malls: 0, floors: 0, tenants: 0, stores: 0, staff: 0, apiKeys: 0 });
    expect(second.tenantIds).toEqual(first.tenantIds);
    expect(
      await dataSource.query('SELECT id, username, password_hash FROM staff_accounts ORDER BY username'),
    ).toEqual(snapshot);
    const floors: Array<{ code: string }> = await dataSource.query('SELECT code FROM floors ORDER BY level');
    expect(floors.map((f) => f.code)).toEqual(['B1', 'L1', 'L2', 'L3', 'L4']);
    const [jewelry]: Array<{ tenant_code: string }> = await dataSource.query(
      "SELECT t.code AS tenant_code FROM stores s JOIN tenants t ON t.id = s.tenant_id WHERE s.name = 'Aurora Jewelry'",
    );
    expect(jewelry!.tenant_code).toBe('AURORA-JEWELRY');
  });

  it('the printed credentials work: demo passwords verify and the partner key authenticates as the jewelry tenant', async () => {
    const seeded = await seedDemoDirectory(dataSource);
    const [admin]: Array<{ password_hash: string }> = await dataSource.query(
      "SELECT password_hash FROM staff_accounts WHERE username = 'admin.demo'",
    );
    expect(admin!.password_hash.startsWith('$argon2id$')).toBe(true);
    expect(await new PasswordHasher().verify(admin!.password_hash, DEMO_PASSWORD)).toBe(true);
    const apiKeys = new ApiKeyService(dataSource, config, new ManualClock(new Date()));
    const actor = await apiKeys.authenticate(demoCredentials().partnerApiKey.key);
    expect(actor).toMatchObject({ kind: 'partner', tenantId: seeded.tenantIds['AURORA-JEWELRY'] });
    expect([...actor.scopes].sort()).toEqual([
      'members:read',
      'purchases:write',
      'tickets:read',
      'tickets:write',
    ]);
  });
});
