import { Inject, Injectable } from '@nestjs/common';
import {
  lifecycleChanged,
  segmentsChanged,
  type Actor,
  type getMemberSegments,
  type OperationResponse,
} from '@atrium/contracts';
import { OutboxWriter } from '@atrium/messaging';
import { TransactionHost } from '@atrium/persistence';
import { CLOCK, type Clock } from '@atrium/platform';
import { MemberTiers } from '../../tiers/index.js';
import { localDay } from '@atrium/kernel';
import { lifecycleStage } from '../domain/lifecycle.js';
import { ageOn, segmentsOf, type MemberFacts } from '../domain/segment-rule.js';
import { SegmentsError, SegmentsErrorCode } from '../domain/segments.errors.js';
import { PurchaseActivity, SegmentsRepository, type MemberSnapshot } from './segments.repository.js';

export const SEGMENTS_TIME_ZONE = Symbol('SegmentsTimeZone');

const countryCodeOf = (phone: string | null): string | null => {
  if (!phone) return null;
  if (phone.startsWith('+86')) return '86';
  if (phone.startsWith('+1')) return '1';
  // Two-digit codes cover most visitors' countries; the rules compare whole codes.
  return phone.slice(1, 3);
};

/**
 * Recomputes a member's segments and lifecycle stage in one transaction with the member row
 * locked; each change is written with its event (members.segments.changed.v1,
 * members.lifecycle.changed.v1) to the outbox. Unchanged results write nothing.
 */
@Injectable()
export class SegmentsService {
  constructor(
    private readonly tx: TransactionHost,
    private readonly repo: SegmentsRepository,
    private readonly purchases: PurchaseActivity,
    private readonly tiers: MemberTiers,
    private readonly outbox: OutboxWriter,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(SEGMENTS_TIME_ZONE) private readonly timeZone: string,
  ) {}

  async recompute(
    memberId: string,
    now: Date = this.clock.now(),
  ): Promise<{ segments: boolean; lifecycle: boolean }> {
    return this.tx.run(async () => {
      const member = await this.repo.snapshot(memberId, true);
      if (!member) return { segments: false, lifecycle: false };
      return {
        segments: await this.recomputeSegments(member, now),
        lifecycle: await this.recomputeLifecycle(member, now),
      };
    });
  }

  private async recomputeSegments(member: MemberSnapshot, now: Date): Promise<boolean> {
    const facts: MemberFacts = {
      age: ageOn(member.birthday, localDay(now, this.timeZone)),
      gender: member.gender,
      preferredLanguage: member.preferredLanguage,
      preferredCategories: member.preferredCategories,
      preferredBrands: member.preferredBrands,
      staffTags: member.staffTags,
      phoneCountryCode: countryCodeOf(member.phone),
      tierRank: await this.tiers.tierRankOf(member.memberId),
    };
    const wanted = segmentsOf(await this.repo.definitions(), facts);
    const current = (await this.repo.segments(member.memberId)).map((s) => s.code);
    const added = wanted.filter((c) => !current.includes(c));
    const removed = current.filter((c) => !wanted.includes(c));
    if (added.length === 0 && removed.length === 0) return false;
    await this.repo.changeSegments(member.memberId, added, removed, now);
    await this.outbox.add(
      segmentsChanged,
      { memberId: member.memberId, added, removed, segments: wanted, changedAt: now.toISOString() },
      member.memberId,
    );
    return true;
  }

  private async recomputeLifecycle(member: MemberSnapshot, now: Date): Promise<boolean> {
    const activity = await this.purchases.of(member.memberId, now);
    const stage = lifecycleStage(
      await this.repo.lifecycleSettings(),
      { registeredAt: member.registeredAt, ...activity },
      now,
    );
    const previous = await this.repo.setLifecycle(member.memberId, stage, now);
    if (previous === undefined) return false;
    await this.outbox.add(
      lifecycleChanged,
      { memberId: member.memberId, from: previous, to: stage, changedAt: now.toISOString() },
      member.memberId,
    );
    return true;
  }

  async view(actor: Actor, memberId: string): Promise<OperationResponse<typeof getMemberSegments>> {
    if (actor.kind === 'anonymous') throw new SegmentsError(SegmentsErrorCode.NOT_SIGNED_IN, 'sign in first');
    if (!(
      (actor.kind === 'member' && actor.id === memberId) ||
      actor.kind === 'staff' ||
      actor.kind === 'system'
    ))
      throw new SegmentsError(SegmentsErrorCode.ACCESS_DENIED, "you may not read this member's segments");
    if (!(await this.repo.snapshot(memberId)))
      throw new SegmentsError(SegmentsErrorCode.MEMBER_NOT_FOUND, `member ${memberId} was not found`);
    const names = await this.repo.names();
    const lifecycle = await this.repo.lifecycle(memberId);
    return {
      segments: (await this.repo.segments(memberId)).map((s) => ({
        code: s.code,
        name: names.get(s.code) ?? s.code,
        since: s.since.toISOString(),
      })),
      // Not computed yet (registered before today's run): a member starts NEW.
      lifecycleStage: lifecycle?.stage ?? 'NEW',
      lifecycleSince: lifecycle?.since.toISOString() ?? null,
    };
  }
}
