export const INBOX_KINDS = ['WELCOME'] as const;
export type InboxKind = (typeof INBOX_KINDS)[number];

/**
 * One message in a member's in-app inbox. `dedupeKey` names the occasion (e.g. `welcome`):
 * a member holds at most one message per key, so a redelivered event never gives a second one.
 */
export interface InboxMessage {
  id: string;
  memberId: string;
  kind: InboxKind;
  dedupeKey: string;
  title: string;
  body: string;
  createdAt: Date;
  readAt: Date | null;
}
