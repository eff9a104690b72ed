import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Alerts for staff about tickets (SLA warnings and breaches, escalations): one per source event. */
export class CreateStaffAlerts1763800210000 implements MigrationInterface {
  name = 'CreateStaffAlerts1763800210000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE staff_alerts (
        id              uuid PRIMARY KEY,
        source_event_id uuid NOT NULL,
        kind            text NOT NULL,
        level           text NOT NULL,
        ticket_id       uuid NOT NULL,
        ticket_number   text NOT NULL,
        store_id        text,
        title           text NOT NULL,
        body            text NOT NULL,
        occurred_at     timestamptz NOT NULL,
        created_at      timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT staff_alerts_source_unique UNIQUE (source_event_id),
        CONSTRAINT staff_alerts_kind_check CHECK (kind IN ('SLA_WARNING', 'SLA_BREACHED', 'ESCALATED')),
        CONSTRAINT staff_alerts_level_check CHECK (level IN ('FRONTLINE', 'SUPERVISOR', 'MANAGER', 'SENIOR_MANAGER'))
      )`);
    await q.query(
      `CREATE INDEX staff_alerts_level_time_idx ON staff_alerts (level, occurred_at DESC, id DESC)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE staff_alerts');
  }
}
