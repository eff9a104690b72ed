import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A ticket keeps the SLA policy it was opened (or reopened) under as a snapshot, so a later
 * change to the policy applies to tickets opened or reopened afterwards and never shifts the
 * targets of a ticket in flight. The business calendar is different: a new holiday or new
 * opening hours apply to every open ticket. `ticket_settings.calendar_version` counts calendar
 * changes and `tickets.calendar_version` says which one a ticket's targets were planned with;
 * the scheduler re-plans open tickets that are behind, through a partial index that is empty
 * when nothing is behind.
 */
export class SlaReplanning1763801300000 implements MigrationInterface {
  name = 'SlaReplanning1763801300000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE tickets ADD COLUMN sla_policy jsonb`);
    await q.query(`ALTER TABLE tickets ADD COLUMN calendar_version integer NOT NULL DEFAULT 0`);
    await q.query(`ALTER TABLE ticket_settings ADD COLUMN calendar_version integer NOT NULL DEFAULT 0`);
    await q.query(`
      UPDATE tickets t SET sla_policy = jsonb_build_object(
          'code', p.code, 'name', p.name, 'position', p.position, 'match', p.match, 'clock', p.clock,
          'firstResponseMs', p.first_response_ms, 'planMs', p.plan_ms, 'resolutionMs', p.resolution_ms,
          'warnRatio', p.warn_ratio)
        FROM sla_policies p WHERE p.code = t.sla_policy_code`);
    await q.query(`
      CREATE INDEX tickets_replan_idx ON tickets (calendar_version)
       WHERE status IN ('OPEN', 'ACKNOWLEDGED', 'IN_PROGRESS', 'PROPOSED', 'REOPENED')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX tickets_replan_idx`);
    await q.query(`ALTER TABLE ticket_settings DROP COLUMN calendar_version`);
    await q.query(`ALTER TABLE tickets DROP COLUMN calendar_version`);
    await q.query(`ALTER TABLE tickets DROP COLUMN sla_policy`);
  }
}
