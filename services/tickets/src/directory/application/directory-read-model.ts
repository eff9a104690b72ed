import type { DirectoryFloorState, DirectoryStoreState } from '@atrium/contracts';

/** Where the directory's messages are kept; each write returns whether it changed the row. */
export abstract class DirectoryReadModel {
  /** Keeps the store's state when its version is higher than the one held. */
  abstract saveStore(state: DirectoryStoreState): Promise<boolean>;
  /** Keeps the floor's state when its version is higher than the one held. */
  abstract saveFloor(state: DirectoryFloorState): Promise<boolean>;
}
