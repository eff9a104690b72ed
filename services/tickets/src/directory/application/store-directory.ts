import type { KnownFloor, KnownStore } from '../domain/directory-entry.js';

/**
 * The port other tickets contexts use to check a store or a floor named by a client against
 * the mall directory (kept locally from the gateway's `gateway.directory.changed.v1`).
 */
export abstract class StoreDirectory {
  /** The store with this id, closed ones included; null when the directory has no such store. */
  abstract findStore(storeId: string): Promise<KnownStore | null>;
  /** The floor with this code (e.g. L1) in the mall; null when the directory has none. */
  abstract findFloor(code: string): Promise<KnownFloor | null>;
}
