import type { InboxMessage } from '../domain/inbox-message.js';

/** Storage of inbox messages; writes join the ambient transaction (TransactionHost). */
export abstract class InboxRepository {
  /** Adds the message unless the member already has one with its dedupe key; true when added. */
  abstract addOnce(message: InboxMessage): Promise<boolean>;

  /** The member's newest messages first. */
  abstract latest(memberId: string, first: number): Promise<InboxMessage[]>;

  abstract countUnread(memberId: string): Promise<number>;
}
