import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { getMembers, uuidSchema, type MemberView } from '@atrium/contracts';
import { RequestClient } from '@atrium/messaging';
import { StaffAccountRepository, type StaffProfile } from '../auth/staff/staff-account.repository.js';
import type { GatewayContext } from '../graphql/gateway-context.js';
import { StoreDirectory, type StoreListing } from '../points/store-directory.js';

/** The most ids one members.get-members call carries (the limit of its contract). */
export const MEMBERS_PER_CALL = 100;

interface Loaders {
  stores: DataLoader<string, StoreListing | null>;
  staff: DataLoader<string, StaffProfile | null>;
  members: DataLoader<string, MemberView | null>;
}

/** The found items in the order of the ids asked for; null where nothing was found. */
function inOrder<T extends { id: string }>(ids: readonly string[], found: readonly T[]): Array<T | null> {
  const byId = new Map(found.map((item) => [item.id, item]));
  return ids.map((id) => byId.get(id) ?? null);
}

/**
 * What tickets name (stores, assignees, members), loaded in batches per GraphQL request: all
 * the tickets of one response that name a store share one directory query, those naming a
 * staff member one staff query, those naming a member one members.get-members call (per 100
 * ids). The loaders and their caches belong to the request's context, so nothing is shared
 * or cached across requests.
 */
@Injectable()
export class TicketRelations {
  private readonly byRequest = new WeakMap<GatewayContext, Loaders>();

  constructor(
    private readonly requests: RequestClient,
    private readonly stores: StoreDirectory,
    private readonly staff: StaffAccountRepository,
  ) {}

  /** The store's directory listing; null for an id that is no store. */
  store(context: GatewayContext, storeId: string): Promise<StoreListing | null> {
    return this.loadersOf(context).stores.load(storeId);
  }

  /** The staff member's profile; null for an id that is no staff account. */
  assignee(context: GatewayContext, staffId: string): Promise<StaffProfile | null> {
    return this.loadersOf(context).staff.load(staffId);
  }

  /**
   * The member, for the callers who may see it from a ticket: staff (and platform components),
   * and the member itself. Partner tenants get null, as does a member for anyone but itself:
   * a ticket does not open a member's data to a tenant. Null too for a member the members
   * service does not list (unknown, or merged into another).
   */
  async member(context: GatewayContext, memberId: string): Promise<MemberView | null> {
    const actor = await context.actor();
    const mayRead =
      actor.kind === 'staff' || actor.kind === 'system' || (actor.kind === 'member' && actor.id === memberId);
    if (!mayRead || !uuidSchema.safeParse(memberId).success) return null;
    return this.loadersOf(context).members.load(memberId);
  }

  private loadersOf(context: GatewayContext): Loaders {
    let loaders = this.byRequest.get(context);
    if (!loaders) {
      loaders = {
        stores: new DataLoader(async (ids) => inOrder(ids, await this.stores.listings(ids))),
        staff: new DataLoader(async (ids) => inOrder(ids, await this.staff.findProfiles(ids))),
        members: new DataLoader(
          async (ids) => {
            const { items } = await this.requests.send(
              getMembers,
              { memberIds: [...ids] },
              { context: context.contextFor(await context.actor()) },
            );
            return inOrder(ids, items);
          },
          { maxBatchSize: MEMBERS_PER_CALL },
        ),
      };
      this.byRequest.set(context, loaders);
    }
    return loaders;
  }
}
