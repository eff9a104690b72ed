import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the members ledger answered for a points compensation: `posting` is null for kinds the
 * ledger does not see and while a compensation waits for approval, PENDING once granted points
 * are on their way, then POSTED (with the ledger entry and the member credited, who is the
 * survivor when the named member was merged) or REFUSED (with the reason).
 */
export class CompensationPosting1763801100000 implements MigrationInterface {
  name = 'CompensationPosting1763801100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE ticket_compensations
        ADD COLUMN posting            text,
        ADD COLUMN ledger_entry_id    uuid,
        ADD COLUMN credited_member_id uuid,
        ADD COLUMN posting_refusal    text,
        ADD CONSTRAINT ticket_compensations_posting_check
          CHECK (posting IS NULL OR posting IN ('PENDING', 'POSTED', 'REFUSED'))`);
    await q.query(
      `UPDATE ticket_compensations SET posting = 'PENDING' WHERE kind = 'POINTS' AND status = 'GRANTED'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE ticket_compensations
        DROP CONSTRAINT ticket_compensations_posting_check,
        DROP COLUMN posting_refusal,
        DROP COLUMN credited_member_id,
        DROP COLUMN ledger_entry_id,
        DROP COLUMN posting`);
  }
}
