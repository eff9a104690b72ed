/** A store as tickets knows it from the gateway's directory. */
export interface KnownStore {
  id: string;
  mallId: string;
  tenantId: string | null;
  floorId: string;
  /** The floor's code (e.g. L1); null while the floor's own message has not arrived yet. */
  floorCode: string | null;
  unit: string;
  name: string;
  category: string;
  active: boolean;
  version: number;
}

/** A floor as tickets knows it from the gateway's directory. */
export interface KnownFloor {
  id: string;
  mallId: string;
  code: string;
  name: string;
  level: number;
  version: number;
}

/**
 * The read model's one rule: a row's state replaces the held one only when its version is
 * higher. A replayed snapshot, a redelivered or a late message carries a version already held
 * (or an older one) and changes nothing.
 */
export function supersedes(incomingVersion: number, heldVersion: number | null): boolean {
  return heldVersion === null || incomingVersion > heldVersion;
}
