import type { LifecycleSettings, LifecycleStage } from '../domain/lifecycle.js';
import type { SegmentDefinition } from '../domain/segment-rule.js';

/** What segment rules and the lifecycle need to know about one member. */
export interface MemberSnapshot {
  memberId: string;
  registeredAt: Date;
  birthday: string | null;
  gender: string | null;
  preferredLanguage: string;
  preferredCategories: string[];
  preferredBrands: string[];
  staffTags: string[];
  /** E.164 phone, or null. */
  phone: string | null;
}

/** Storage of segment rules, members' segments, lifecycle and birthday greetings (ambient transaction). */
export abstract class SegmentsRepository {
  abstract definitions(): Promise<SegmentDefinition[]>;
  abstract names(): Promise<Map<string, string>>;
  abstract lifecycleSettings(): Promise<LifecycleSettings>;
  /** The ACTIVE member, its row locked for update when `lock` (serializes recomputations of one member). */
  abstract snapshot(memberId: string, lock?: boolean): Promise<MemberSnapshot | null>;
  abstract segments(memberId: string): Promise<Array<{ code: string; since: Date }>>;
  abstract changeSegments(memberId: string, add: string[], remove: string[], now: Date): Promise<void>;
  abstract lifecycle(memberId: string): Promise<{ stage: LifecycleStage; since: Date } | null>;
  /** Stores the stage; answers the previous stage when it changed (null when new), undefined when unchanged. */
  abstract setLifecycle(
    memberId: string,
    stage: LifecycleStage,
    now: Date,
  ): Promise<LifecycleStage | null | undefined>;
  /** ACTIVE member ids after `afterId`, in id order. */
  abstract activeMemberIds(afterId: string | null, limit: number): Promise<string[]>;
  /** ACTIVE members whose birthday's month × 100 + day is one of `keys`. */
  abstract birthdaysOn(
    keys: number[],
  ): Promise<Array<{ memberId: string; birthday: string; preferredLanguage: string }>>;
  /** Records the greeting of (member, year); false when it already exists (another run or replica sent it). */
  abstract recordGreeting(memberId: string, year: number, celebratedOn: string, now: Date): Promise<boolean>;
}

/** Port: recency and frequency of purchases (the ledger's purchases). */
export abstract class PurchaseActivity {
  abstract of(
    memberId: string,
    now: Date,
  ): Promise<{ lastPurchaseAt: Date | null; purchasesLastYear: number }>;
}
