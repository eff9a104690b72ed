import { Inject, Injectable } from '@nestjs/common';
import { birthdayUpcoming, LANGUAGES } from '@atrium/contracts';
import { OutboxWriter } from '@atrium/messaging';
import { TransactionHost } from '@atrium/persistence';
import { localDay } from '@atrium/kernel';
import { birthdayKeysInWindow, upcomingCelebration } from '../domain/birthday.js';
import { SegmentsRepository } from './segments.repository.js';
import { SEGMENTS_TIME_ZONE, SegmentsService } from './segments.service.js';

export const BIRTHDAY_NOTICE_DAYS = Symbol('BirthdayNoticeDays');

const BATCH = 200;

/** The daily recomputation of every active member's segments and lifecycle stage. */
@Injectable()
export class RecomputeMembersJob {
  constructor(
    private readonly repo: SegmentsRepository,
    private readonly segments: SegmentsService,
  ) {}

  async run(now: Date): Promise<{ members: number; segmentChanges: number; lifecycleChanges: number }> {
    let after: string | null = null;
    const totals = { members: 0, segmentChanges: 0, lifecycleChanges: 0 };
    for (;;) {
      const ids = await this.repo.activeMemberIds(after, BATCH);
      if (ids.length === 0) return totals;
      for (const id of ids) {
        const changed = await this.segments.recompute(id, now);
        totals.members += 1;
        if (changed.segments) totals.segmentChanges += 1;
        if (changed.lifecycle) totals.lifecycleChanges += 1;
      }
      after = ids.at(-1)!;
    }
  }
}

/**
 * Publishes members.member.birthday-upcoming.v1 for birthdays celebrated within the next
 * BIRTHDAY_NOTICE_DAYS days (mall calendar). Exactly once per member and year, with any number
 * of runs and replicas: the greeting row's primary key (member_id, year) is inserted with
 * ON CONFLICT DO NOTHING in the same transaction as the outbox row, so only the transaction
 * that inserted the row writes the event.
 */
@Injectable()
export class BirthdayJob {
  constructor(
    private readonly tx: TransactionHost,
    private readonly repo: SegmentsRepository,
    private readonly outbox: OutboxWriter,
    @Inject(BIRTHDAY_NOTICE_DAYS) private readonly daysAhead: number,
    @Inject(SEGMENTS_TIME_ZONE) private readonly timeZone: string,
  ) {}

  async run(now: Date): Promise<number> {
    const today = localDay(now, this.timeZone);
    let emitted = 0;
    for (const m of await this.repo.birthdaysOn(birthdayKeysInWindow(today, this.daysAhead))) {
      const next = upcomingCelebration(m.birthday, today, this.daysAhead);
      if (!next) continue;
      const sent = await this.tx.run(async () => {
        if (!(await this.repo.recordGreeting(m.memberId, next.year, next.on, now))) return false;
        const language = (LANGUAGES as readonly string[]).includes(m.preferredLanguage)
          ? m.preferredLanguage
          : 'zh-CN';
        await this.outbox.add(
          birthdayUpcoming,
          {
            memberId: m.memberId,
            celebratedOn: next.on,
            daysAhead: next.daysAhead,
            preferredLanguage: language as (typeof LANGUAGES)[number],
          },
          m.memberId,
        );
        return true;
      });
      if (sent) emitted += 1;
    }
    return emitted;
  }
}
