import { Inject, Injectable } from '@nestjs/common';
import { v7 as uuidv7 } from 'uuid';
import type { EventPayload, memberRegistered } from '@atrium/contracts';
import { CLOCK, createLogger, type Clock } from '@atrium/platform';
import { renderWelcome, WELCOME_DEDUPE_KEY } from '../../domain/welcome-message.templates.js';
import { InboxRepository } from '../inbox.repository.js';

/**
 * A new member finds a welcome in its inbox, in its language. Runs inside the consumer's
 * transaction (with the inbox row of the event); the (member, `welcome`) key makes a second
 * welcome impossible even if the event is published twice under different ids.
 */
@Injectable()
export class CreateWelcomeWhenMemberRegistered {
  private readonly log = createLogger('create-welcome-when-member-registered');

  constructor(
    private readonly inbox: InboxRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async handle(event: EventPayload<typeof memberRegistered>): Promise<void> {
    const { title, body } = renderWelcome(event.preferredLanguage, {
      displayName: event.displayName,
      memberCode: event.memberCode,
    });
    const added = await this.inbox.addOnce({
      id: uuidv7(),
      memberId: event.memberId,
      kind: 'WELCOME',
      dedupeKey: WELCOME_DEDUPE_KEY,
      title,
      body,
      createdAt: this.clock.now(),
      readAt: null,
    });
    this.log.info(
      { memberId: event.memberId, added },
      added ? 'welcome added to inbox' : 'member already welcomed',
    );
  }
}
