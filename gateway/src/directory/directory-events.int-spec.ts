// Real: the gateway (its database with the demo directory, outbox, relay), Kafka. Faked:
// nothing; no service is running: the suite reads gateway.directory.changed.v1 itself. That
// tickets keeps these messages is tested in services/tickets/src/directory.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import {
  directoryChanged,
  envelopeSchema,
  type DirectoryEntityState,
  type Envelope,
} from '@atrium/contracts';
import { expectEventually, TestKafka, uniqueTopicPrefix, type CollectedMessage } from '@atrium/testing';
import { startTestGateway, type TestGateway } from '../testing/gateway-harness.js';
import { DirectorySnapshot } from './directory-snapshot.js';
import { DirectoryWriter } from './directory-writer.js';

let kafka: TestKafka;
let gateway: TestGateway;
let collected: CollectedMessage[];
let db: DataSource;

interface Published {
  key: string | null;
  envelope: Envelope;
  state: DirectoryEntityState;
}
const published = (): Published[] =>
  collected.map((m) => {
    const envelope = envelopeSchema.parse(JSON.parse(m.value!)) as Envelope;
    return { key: m.key, envelope, state: directoryChanged.schema.parse(envelope.payload) };
  });
const of = (id: string) => published().filter((p) => p.state.id === id);

beforeAll(async () => {
  kafka = new TestKafka(uniqueTopicPrefix());
  await kafka.createTopics();
  collected = await kafka.collect([directoryChanged.topic]);
  gateway = await startTestGateway({ topicPrefix: kafka.prefix, env: { GATEWAY_SEED_DEMO: 'true' } });
  db = gateway.app.get(DataSource);
});

afterAll(async () => {
  await gateway?.close();
  await kafka?.close();
});

describe('the directory the gateway publishes', () => {
  it('at start publishes every tenant, floor and store once, with its version, keyed by its id', async () => {
    await expectEventually(
      () => expect(published().filter((p) => p.state.cause === 'SNAPSHOT')).toHaveLength(19),
      {
        timeoutMs: 30_000,
      },
    );
    const snapshot = published().filter((p) => p.state.cause === 'SNAPSHOT');
    const count = (entity: string) => snapshot.filter((p) => p.state.entity === entity).length;
    expect({ tenants: count('tenant'), floors: count('floor'), stores: count('store') }).toEqual({
      tenants: 4,
      floors: 5,
      stores: 10,
    });
    expect(snapshot.every((p) => p.key === p.state.id && p.state.version === 1)).toBe(true);
    expect(new Set(snapshot.map((p) => p.envelope.correlationId)).size).toBe(1);
    expect(snapshot[0].envelope.actor).toMatchObject({ kind: 'system', id: 'gateway.directory-snapshot' });
    const aurora = snapshot.find(
      (p) => p.state.entity === 'store' && p.state.name === 'Aurora Jewelry',
    )!.state;
    expect(aurora).toMatchObject({ entity: 'store', unit: 'L1-01', category: 'JEWELRY', active: true });
  });

  it('publishes a store created and changed with each change, version by version, and nothing for an upsert that changes nothing', async () => {
    const writer = gateway.app.get(DirectoryWriter);
    const [floor] = await db.query(`SELECT id, mall_id FROM floors WHERE code = 'L2'`);
    const [l3] = await db.query(`SELECT id FROM floors WHERE code = 'L3'`);
    const input = {
      mallId: floor.mall_id,
      unit: 'L2-20',
      floorId: floor.id,
      tenantId: null,
      name: 'Tea Leaf',
      category: 'DINING',
    };

    const created = await writer.upsertStore(input);
    expect(created).toMatchObject({ entity: 'store', version: 1, cause: 'CHANGED', name: 'Tea Leaf' });
    const changed = await writer.upsertStore({
      ...input,
      floorId: l3.id,
      name: 'Tea Leaf House',
      active: false,
    });
    expect(changed).toMatchObject({ version: 2, floorId: l3.id, active: false });
    const again = await writer.upsertStore({
      ...input,
      floorId: l3.id,
      name: 'Tea Leaf House',
      active: false,
    });
    expect(again).toMatchObject({ id: created.id, version: 2 });

    await expectEventually(() => expect(of(created.id)).toHaveLength(2));
    expect(of(created.id).map((p) => [p.state.version, p.key, p.state.cause])).toEqual([
      [1, created.id, 'CHANGED'],
      [2, created.id, 'CHANGED'],
    ]);
    // The outbox holds every event ever written for the store: the unchanged upsert wrote none.
    const [{ n }] = await db.query('SELECT count(*)::int AS n FROM outbox WHERE message_key = $1', [
      created.id,
    ]);
    expect(n).toBe(2);
    const [row] = await db.query('SELECT name, version, active FROM stores WHERE id = $1', [created.id]);
    expect(row).toEqual({ name: 'Tea Leaf House', version: 2, active: false });
  });

  it('publishes tenants and floors with their changes too', async () => {
    const writer = gateway.app.get(DirectoryWriter);
    const tenant = await writer.upsertTenant({ code: 'TEA-LEAF', name: 'Tea Leaf Ltd' });
    const renamed = await writer.upsertTenant({ code: 'TEA-LEAF', name: 'Tea Leaf Group' });
    const [mall] = await db.query('SELECT id FROM malls');
    const floor = await writer.upsertFloor({
      mallId: mall.id,
      code: 'L5',
      name: 'Level 5: rooftop',
      level: 5,
    });
    await expectEventually(() => {
      expect(of(tenant.id).map((p) => p.state)).toMatchObject([
        { entity: 'tenant', version: 1, name: 'Tea Leaf Ltd' },
        { entity: 'tenant', version: 2, name: 'Tea Leaf Group' },
      ]);
      expect(of(floor.id).map((p) => p.state)).toMatchObject([
        { entity: 'floor', version: 1, code: 'L5', level: 5 },
      ]);
    });
    expect(renamed.version).toBe(2);
  });

  it('re-publishes the current version of every row in a later snapshot (a restart), changing no row', async () => {
    const [{ n: rows }] = await db.query(
      'SELECT ((SELECT count(*) FROM tenants) + (SELECT count(*) FROM floors) + (SELECT count(*) FROM stores))::int AS n',
    );
    const versionsBefore = await db.query('SELECT id, version FROM stores ORDER BY id');
    const before = published().length;
    const counts = await gateway.app.get(DirectorySnapshot).publish();
    expect(counts.tenants + counts.floors + counts.stores).toBe(rows);
    await expectEventually(() => expect(published().length).toBe(before + rows));
    const latest = published().slice(before);
    for (const { state } of latest) {
      expect(state.cause).toBe('SNAPSHOT');
      const [{ version }] = await db.query(`SELECT version FROM ${state.entity}s WHERE id = $1`, [state.id]);
      expect(state.version).toBe(version);
    }
    expect(await db.query('SELECT id, version FROM stores ORDER BY id')).toEqual(versionsBefore);
  });
});
