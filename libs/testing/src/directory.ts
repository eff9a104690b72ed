import { randomUUID } from 'node:crypto';
import { directoryChanged, type DirectoryFloorState, type DirectoryStoreState } from '@atrium/contracts';
import { expectEventually } from './eventually.js';
import type { TestKafka } from './kafka.js';

/** A floor to publish: its code; the rest has defaults. */
export interface FloorSeed {
  code: string;
  id?: string;
  name?: string;
  level?: number;
  version?: number;
}

/** A store to publish, on the floor of the given code (one of the same call's floors). */
export interface StoreSeed {
  floor: string;
  id?: string;
  tenantId?: string | null;
  unit?: string;
  name?: string;
  category?: string;
  active?: boolean;
  version?: number;
}

export interface PublishedDirectory {
  mallId: string;
  floors: DirectoryFloorState[];
  stores: DirectoryStoreState[];
}

/**
 * Publishes floors and stores on `gateway.directory.changed.v1` as the gateway's outbox relay
 * does (envelope, key = row id), so a service under test fills its directory read model through
 * its real consumer. With `until`, waits until the service says it holds every store published
 * (e.g. `(s) => directory.findStore(s.id).then((x) => x?.version === s.version)`); without it,
 * returns at once. Floors are published before stores.
 */
export async function publishDirectory(
  kafka: TestKafka,
  seed: { floors?: FloorSeed[]; stores?: StoreSeed[]; mallId?: string },
  until?: (store: DirectoryStoreState) => Promise<boolean>,
): Promise<PublishedDirectory> {
  const mallId = seed.mallId ?? randomUUID();
  const updatedAt = new Date().toISOString();
  const floors: DirectoryFloorState[] = (seed.floors ?? []).map((f) => ({
    entity: 'floor',
    id: f.id ?? randomUUID(),
    version: f.version ?? 1,
    updatedAt,
    cause: 'CHANGED',
    mallId,
    code: f.code,
    name: f.name ?? `Level ${f.code}`,
    level: f.level ?? (Number(f.code.replace(/^\D+/, '')) || 0) * (f.code.startsWith('B') ? -1 : 1),
  }));
  const stores: DirectoryStoreState[] = (seed.stores ?? []).map((s) => {
    const floor = floors.find((f) => f.code === s.floor);
    if (!floor) throw new Error(`publishDirectory: store on floor ${s.floor}, which is not among the floors`);
    const id = s.id ?? randomUUID();
    return {
      entity: 'store',
      id,
      version: s.version ?? 1,
      updatedAt,
      cause: 'CHANGED',
      mallId,
      floorId: floor.id,
      tenantId: s.tenantId ?? null,
      unit: s.unit ?? `${s.floor}-${id.slice(-4)}`,
      name: s.name ?? `Store ${id.slice(-4)}`,
      category: s.category ?? 'FASHION',
      active: s.active ?? true,
    };
  });
  for (const f of floors) await kafka.publish(directoryChanged, f, { key: f.id });
  for (const s of stores) await kafka.publish(directoryChanged, s, { key: s.id });
  if (until) {
    await expectEventually(async () => {
      for (const s of stores)
        if (!(await until(s))) throw new Error(`the directory read model does not hold store ${s.id} v${s.version} yet`);
    });
  }
  return { mallId, floors, stores };
}
