import type { HistoryRow, NoteRow } from './ticket-record.js';

/** A ticket's history and notes. */
export abstract class TicketJournal {
  abstract addHistory(ticketId: string, h: HistoryRow): Promise<void>;
  /** In the order written. */
  abstract history(ticketId: string): Promise<HistoryRow[]>;
  abstract addNote(ticketId: string, n: NoteRow): Promise<void>;
  abstract notes(ticketId: string): Promise<NoteRow[]>;
}
