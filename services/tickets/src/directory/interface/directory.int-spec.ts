// Real: the tickets service (its whole module, database, Kafka transport, inbox), Kafka.
// Faked: the gateway: the suite publishes `gateway.directory.changed.v1` messages exactly as the
// gateway's outbox relay does (envelope, key = row id). The gateway side (a change is written
// with its outbox row, the snapshot at start) is tested in gateway/src/directory.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { v7 as uuidv7 } from 'uuid';
import { DataSource } from 'typeorm';
import { directoryChanged, type DirectoryFloorState, type DirectoryStoreState } from '@atrium/contracts';
import {
  expectEventually,
  startTestService,
  TestKafka,
  uniqueTopicPrefix,
  type TestService,
} from '@atrium/testing';
import { AppModule } from '../../app.module.js';
import { StoreDirectory } from '../index.js';

let kafka: TestKafka;
let tickets: TestService;
let directory: StoreDirectory;
let db: DataSource;

const MALL_ID = uuidv7();

function floor(
  id: string,
  code: string,
  version = 1,
  over: Partial<DirectoryFloorState> = {},
): DirectoryFloorState {
  return {
    entity: 'floor',
    id,
    version,
    updatedAt: new Date().toISOString(),
    cause: 'CHANGED',
    mallId: MALL_ID,
    code,
    name: `Level ${code}`,
    level: Number(code.slice(1)) || 0,
    ...over,
  };
}

function store(
  id: string,
  floorId: string,
  version: number,
  over: Partial<DirectoryStoreState> = {},
): DirectoryStoreState {
  return {
    entity: 'store',
    id,
    version,
    updatedAt: new Date().toISOString(),
    cause: 'CHANGED',
    mallId: MALL_ID,
    floorId,
    tenantId: null,
    unit: `U-${id.slice(-4)}`,
    name: 'Aurora Jewelry',
    category: 'JEWELRY',
    active: true,
    ...over,
  };
}

/** What tickets holds of a store, with when it last wrote the row. */
async function heldRow(
  storeId: string,
): Promise<{ version: number; name: string; received_at: Date } | undefined> {
  const [row] = await db.query('SELECT version, name, received_at FROM directory_stores WHERE id = $1', [
    storeId,
  ]);
  return row;
}

beforeAll(async () => {
  kafka = new TestKafka(uniqueTopicPrefix());
  await kafka.createTopics();
  tickets = await startTestService('tickets', (config) => AppModule.forRoot(config, { slaPollMs: null }), {
    topicPrefix: kafka.prefix,
  });
  directory = tickets.app.get(StoreDirectory);
  db = tickets.app.get(DataSource);
});

afterAll(async () => {
  await tickets?.close();
  await kafka?.close();
});

describe('the directory read model of tickets', () => {
  it('learns a store created in the gateway, with its floor, and then its change', async () => {
    const l1 = uuidv7();
    const l2 = uuidv7();
    const storeId = uuidv7();
    const tenantId = uuidv7();
    await kafka.publish(directoryChanged, floor(l1, 'L1'), { key: l1 });
    await kafka.publish(directoryChanged, floor(l2, 'L2'), { key: l2 });
    await kafka.publish(directoryChanged, store(storeId, l1, 1, { tenantId }), { key: storeId });

    await expectEventually(async () =>
      expect(await directory.findStore(storeId)).toEqual({
        id: storeId,
        mallId: MALL_ID,
        tenantId,
        floorId: l1,
        floorCode: 'L1',
        unit: `U-${storeId.slice(-4)}`,
        name: 'Aurora Jewelry',
        category: 'JEWELRY',
        active: true,
        version: 1,
      }),
    );
    expect(await directory.findFloor('L2')).toMatchObject({ id: l2, code: 'L2', level: 2 });

    // The store moves to L2, is renamed and closes.
    await kafka.publish(
      directoryChanged,
      store(storeId, l2, 2, { tenantId, name: 'Aurora Fine Jewelry', active: false }),
      { key: storeId },
    );
    await expectEventually(async () =>
      expect(await directory.findStore(storeId)).toMatchObject({
        floorId: l2,
        floorCode: 'L2',
        name: 'Aurora Fine Jewelry',
        active: false,
        version: 2,
      }),
    );
  });

  it('knows no store the gateway never published, nor an id that is no uuid', async () => {
    expect(await directory.findStore(uuidv7())).toBeNull();
    expect(await directory.findStore('not-a-store')).toBeNull();
    expect(await directory.findFloor('L99')).toBeNull();
  });

  it('is not changed by a replayed snapshot nor by a duplicate delivery', async () => {
    const floorId = uuidv7();
    const storeId = uuidv7();
    await kafka.publish(directoryChanged, floor(floorId, 'L3'), { key: floorId });
    const v1 = store(storeId, floorId, 1, { name: 'Pixel' });
    await kafka.publish(directoryChanged, v1, { key: storeId });
    const v2 = store(storeId, floorId, 2, { name: 'Pixel Electronics' });
    const v2MessageId = await kafka.publish(directoryChanged, v2, { key: storeId });
    await expectEventually(async () => expect((await heldRow(storeId))?.version).toBe(2));
    const before = await heldRow(storeId);

    // The gateway restarts: its snapshot carries version 2 again; an old snapshot carries 1.
    await kafka.publish(directoryChanged, { ...v2, cause: 'SNAPSHOT' }, { key: storeId });
    await kafka.publish(directoryChanged, { ...v1, cause: 'SNAPSHOT' }, { key: storeId });
    // The relay re-sends a batch after a crash: the same message id again.
    await kafka.publish(directoryChanged, v2, { key: storeId, id: v2MessageId });
    // Sentinel on the same partition (same key): once it is held, everything before it was consumed.
    const sentinelFloor = uuidv7();
    const sentinelId = await kafka.publish(directoryChanged, floor(sentinelFloor, 'L4'), { key: storeId });
    await expectEventually(async () =>
      expect(await directory.findFloor('L4')).toMatchObject({ id: sentinelFloor }),
    );

    expect(await heldRow(storeId)).toEqual(before);
    expect(await directory.findStore(storeId)).toMatchObject({ name: 'Pixel Electronics', version: 2 });
    const inbox: Array<{ message_id: string }> = await db.query(
      'SELECT message_id FROM inbox WHERE message_id = ANY($1::uuid[])',
      [[v2MessageId, sentinelId]],
    );
    expect(inbox.map((r) => r.message_id).sort()).toEqual([v2MessageId, sentinelId].sort());
  });
});
