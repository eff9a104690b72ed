import { Injectable } from '@nestjs/common';
import type { Actor } from '@atrium/contracts';
import { mayReadInbox } from '../../domain/inbox-access.policy.js';
import { InboxError, InboxErrorCode } from '../../domain/inbox.errors.js';
import type { InboxMessage } from '../../domain/inbox-message.js';
import { InboxRepository } from '../inbox.repository.js';

export interface InboxPage {
  items: InboxMessage[];
  unread: number;
}

/** A member's inbox, newest first, for an actor allowed to read it. */
@Injectable()
export class ListInboxQuery {
  constructor(private readonly inbox: InboxRepository) {}

  async execute(actor: Actor, memberId: string, first: number): Promise<InboxPage> {
    switch (mayReadInbox(actor, memberId)) {
      case 'unauthenticated':
        throw new InboxError(InboxErrorCode.NOT_SIGNED_IN, 'sign in to read an inbox');
      case 'forbidden':
        throw new InboxError(
          InboxErrorCode.ACCESS_DENIED,
          actor.kind === 'member'
            ? 'a member may read only its own inbox'
            : `a ${actor.kind} may not read member inboxes`,
        );
      case 'allow':
        break;
    }
    const [items, unread] = await Promise.all([
      this.inbox.latest(memberId, first),
      this.inbox.countUnread(memberId),
    ]);
    return { items, unread };
  }
}
