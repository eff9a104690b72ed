import { z } from 'zod';
import { defineEvent } from '../define.js';

/**
 * What every directory message carries besides its entity: the row's version (starts at 1,
 * grows by one on every change in the gateway) and when it last changed. A consumer keeps a
 * row only when the message's version is higher than the one it holds, so a snapshot replayed
 * at start, a redelivery or a late message changes nothing.
 */
const versioned = {
  id: z.uuid(),
  version: z.number().int().positive(),
  updatedAt: z.iso.datetime({ offset: true }),
  /** CHANGED when written with the change, SNAPSHOT when re-published at the gateway's start. */
  cause: z.enum(['CHANGED', 'SNAPSHOT']),
};

export const directoryTenantSchema = z.object({
  entity: z.literal('tenant'),
  ...versioned,
  code: z.string().min(1).max(32),
  name: z.string().min(1).max(128),
});

export const directoryFloorSchema = z.object({
  entity: z.literal('floor'),
  ...versioned,
  mallId: z.uuid(),
  code: z.string().min(1).max(32),
  name: z.string().min(1).max(128),
  level: z.number().int(),
});

export const directoryStoreSchema = z.object({
  entity: z.literal('store'),
  ...versioned,
  mallId: z.uuid(),
  floorId: z.uuid(),
  /** Null for a store the mall runs without a tenant. */
  tenantId: z.uuid().nullable(),
  unit: z.string().min(1).max(32),
  name: z.string().min(1).max(128),
  category: z.string().min(1).max(64),
  /** False once the store has closed; closed stores stay in the directory. */
  active: z.boolean(),
});

export const directoryEntitySchema = z.discriminatedUnion('entity', [
  directoryTenantSchema,
  directoryFloorSchema,
  directoryStoreSchema,
]);
export type DirectoryEntityState = z.infer<typeof directoryEntitySchema>;
export type DirectoryTenantState = z.infer<typeof directoryTenantSchema>;
export type DirectoryFloorState = z.infer<typeof directoryFloorSchema>;
export type DirectoryStoreState = z.infer<typeof directoryStoreSchema>;

/**
 * The gateway owns the mall directory (tenants, floors, stores: API keys bind to them) and
 * publishes each row's new state on one topic, the entity named in the payload. Written
 * through the gateway's outbox with the change, and once for every row when the gateway
 * starts (cause SNAPSHOT). Key = the row's id, so one row's versions stay in order.
 */
export const directoryChanged = defineEvent({
  producer: 'gateway',
  entity: 'directory',
  event: 'changed',
  version: 1,
  description:
    "The new state of one row of the mall directory (entity tenant, floor or store) with its version; published on every change and as a full snapshot when the gateway starts. Consumers upsert by id when the version is higher than theirs. Key = the row's id.",
  schema: directoryEntitySchema,
});

export const GATEWAY_DIRECTORY_EVENTS = [directoryChanged] as const;
