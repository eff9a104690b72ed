import { describe, expect, it } from '@jest/globals';
import type { DirectoryFloorState, DirectoryStoreState } from '@atrium/contracts';
import { supersedes } from '../../domain/directory-entry.js';
import { DirectoryReadModel } from '../directory-read-model.js';
import { UpdateDirectoryWhenDirectoryChanged } from './update-directory-when-directory-changed.js';

/** The read model's port over two maps, with the same version rule as the SQL one. */
class InMemoryDirectory extends DirectoryReadModel {
  readonly stores = new Map<string, DirectoryStoreState>();
  readonly floors = new Map<string, DirectoryFloorState>();

  async saveStore(state: DirectoryStoreState): Promise<boolean> {
    return this.keep(this.stores, state);
  }
  async saveFloor(state: DirectoryFloorState): Promise<boolean> {
    return this.keep(this.floors, state);
  }
  private keep<S extends { id: string; version: number }>(map: Map<string, S>, state: S): boolean {
    if (!supersedes(state.version, map.get(state.id)?.version ?? null)) return false;
    map.set(state.id, state);
    return true;
  }
}

const STORE_ID = '0190a000-0000-7000-8000-000000000001';
const FLOOR_ID = '0190a000-0000-7000-8000-000000000002';
const MALL_ID = '0190a000-0000-7000-8000-000000000003';

const store = (version: number, name: string): DirectoryStoreState => ({
  entity: 'store',
  id: STORE_ID,
  version,
  updatedAt: '2026-05-01T10:00:00.000Z',
  cause: 'CHANGED',
  mallId: MALL_ID,
  floorId: FLOOR_ID,
  tenantId: null,
  unit: 'L1-01',
  name,
  category: 'JEWELRY',
  active: true,
});

describe('UpdateDirectoryWhenDirectoryChanged', () => {
  it('keeps a new store and then its next version', async () => {
    const readModel = new InMemoryDirectory();
    const reaction = new UpdateDirectoryWhenDirectoryChanged(readModel);
    expect(await reaction.handle(store(1, 'Aurora'))).toBe('applied');
    expect(await reaction.handle(store(2, 'Aurora Jewelry'))).toBe('applied');
    expect(readModel.stores.get(STORE_ID)?.name).toBe('Aurora Jewelry');
  });

  it('does not go back to an older version arriving late or again in a snapshot', async () => {
    const readModel = new InMemoryDirectory();
    const reaction = new UpdateDirectoryWhenDirectoryChanged(readModel);
    await reaction.handle(store(2, 'Aurora Jewelry'));
    expect(await reaction.handle(store(1, 'Aurora'))).toBe('stale');
    expect(await reaction.handle({ ...store(2, 'Aurora Jewelry'), cause: 'SNAPSHOT' })).toBe('stale');
    expect(readModel.stores.get(STORE_ID)).toEqual(store(2, 'Aurora Jewelry'));
  });

  it('keeps floors and leaves tenants to the services that need them', async () => {
    const readModel = new InMemoryDirectory();
    const reaction = new UpdateDirectoryWhenDirectoryChanged(readModel);
    const floor: DirectoryFloorState = {
      entity: 'floor',
      id: FLOOR_ID,
      version: 1,
      updatedAt: '2026-05-01T10:00:00.000Z',
      cause: 'SNAPSHOT',
      mallId: MALL_ID,
      code: 'L1',
      name: 'Level 1',
      level: 1,
    };
    expect(await reaction.handle(floor)).toBe('applied');
    expect(
      await reaction.handle({
        entity: 'tenant',
        id: STORE_ID,
        version: 1,
        updatedAt: '2026-05-01T10:00:00.000Z',
        cause: 'CHANGED',
        code: 'AURORA',
        name: 'Aurora',
      }),
    ).toBe('ignored');
    expect([...readModel.floors.keys()]).toEqual([FLOOR_ID]);
    expect(readModel.stores.size).toBe(0);
  });
});
