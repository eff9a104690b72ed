import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Tickets and everything that travels with them (history, notes, pauses, compensations,
 * after-sales), the per-day number sequence, SLA policies and settings as data, and the
 * `sla_deadlines` queue the scheduler polls by due time.
 */
export class CreateTickets1763801000000 implements MigrationInterface {
  name = 'CreateTickets1763801000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE ticket_settings (
        id                  smallint PRIMARY KEY,
        time_zone           text NOT NULL,
        weekdays            jsonb NOT NULL,
        holidays            jsonb NOT NULL,
        reopen_window_days  integer NOT NULL,
        pattern_threshold   integer NOT NULL,
        pattern_window_days integer NOT NULL,
        updated_at          timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT ticket_settings_single_row CHECK (id = 1)
      )`);
    await q.query(`
      INSERT INTO ticket_settings (id, time_zone, weekdays, holidays, reopen_window_days, pattern_threshold, pattern_window_days)
      VALUES (1, 'Asia/Shanghai',
        '[{"open":"10:00","close":"22:00"},{"open":"10:00","close":"22:00"},{"open":"10:00","close":"22:00"},{"open":"10:00","close":"22:00"},{"open":"10:00","close":"22:00"},{"open":"10:00","close":"22:00"},{"open":"10:00","close":"22:00"}]',
        '[]', 7, 3, 30)`);

    await q.query(`
      CREATE TABLE sla_policies (
        code              text PRIMARY KEY,
        name              text NOT NULL,
        position          integer NOT NULL,
        match             jsonb NOT NULL,
        clock             text NOT NULL,
        first_response_ms bigint NOT NULL,
        plan_ms           bigint NOT NULL,
        resolution_ms     bigint NOT NULL,
        warn_ratio        double precision NOT NULL,
        updated_at        timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT sla_policies_clock_check CHECK (clock IN ('CALENDAR', 'BUSINESS')),
        CONSTRAINT sla_policies_targets_positive CHECK (first_response_ms > 0 AND plan_ms > 0 AND resolution_ms > 0),
        CONSTRAINT sla_policies_warn_ratio_check CHECK (warn_ratio > 0 AND warn_ratio < 1)
      )`);
    await q.query(`
      INSERT INTO sla_policies (code, name, position, match, clock, first_response_ms, plan_ms, resolution_ms, warn_ratio) VALUES
      ('VIP_LIVE', 'VIP members on live channels', 10,
        '{"tiers":["GOLD","PLATINUM","DIAMOND"],"channels":["APP","MINI_PROGRAM","KIOSK","SERVICE_DESK","HOTLINE"]}',
        'CALENDAR', 30000, 1800000, 43200000, 0.8),
      ('LIVE', 'Live channels', 100, '{"channels":["APP","MINI_PROGRAM","KIOSK","SERVICE_DESK","HOTLINE"]}',
        'CALENDAR', 30000, 3600000, 86400000, 0.8),
      ('FEEDBACK', 'Written feedback (comment cards, social, automatic feedback)', 200, '{}',
        'BUSINESS', 7200000, 10800000, 86400000, 0.8)`);

    // Members' tiers, kept from members.tier.changed.v1, for VIP policy selection.
    await q.query(`
      CREATE TABLE member_tiers (
        member_id  uuid PRIMARY KEY,
        tier       text NOT NULL,
        changed_at timestamptz NOT NULL
      )`);

    await q.query(`
      CREATE TABLE ticket_day_sequences (
        day  date PRIMARY KEY,
        last integer NOT NULL
      )`);

    await q.query(`
      CREATE TABLE tickets (
        id                   uuid PRIMARY KEY,
        number               text NOT NULL,
        status               text NOT NULL,
        level                text NOT NULL,
        category             text NOT NULL,
        severity             text NOT NULL,
        channel              text NOT NULL,
        member_id            uuid,
        member_tier          text,
        contact_name         text,
        contact_phone        text,
        tenant_id            text,
        store_id             text,
        floor                text,
        zone                 text,
        description          text NOT NULL,
        occurred_at          timestamptz,
        customer_confirmed   boolean NOT NULL,
        department           text,
        assignee_id          text,
        sla_policy_code      text,
        sla_state            text NOT NULL,
        sla_cycle            integer NOT NULL DEFAULT 0,
        clock_started_at     timestamptz NOT NULL,
        first_response_at    timestamptz,
        plan_at              timestamptz,
        next_due_at          timestamptz,
        first_response_warn_at timestamptz,
        first_response_due_at  timestamptz,
        plan_warn_at         timestamptz,
        plan_due_at          timestamptz,
        resolution_warn_at   timestamptz,
        resolution_due_at    timestamptz,
        paused_since         timestamptz,
        pause_reason         text,
        proposal             text,
        proposal_status      text,
        root_cause           text,
        opened_at            timestamptz NOT NULL,
        resolved_at          timestamptz,
        closed_at            timestamptz,
        reopened_at          timestamptz,
        updated_at           timestamptz NOT NULL,
        CONSTRAINT tickets_number_unique UNIQUE (number),
        CONSTRAINT tickets_member_or_contact CHECK (member_id IS NOT NULL OR contact_name IS NOT NULL OR contact_phone IS NOT NULL OR channel IN ('COMMENT_CARD', 'FEEDBACK_AUTO', 'SOCIAL'))
      )`);
    await q.query(
      `CREATE INDEX tickets_member_idx ON tickets (member_id, opened_at DESC) WHERE member_id IS NOT NULL`,
    );
    await q.query(
      `CREATE INDEX tickets_tenant_idx ON tickets (tenant_id, opened_at DESC) WHERE tenant_id IS NOT NULL`,
    );
    await q.query(`CREATE INDEX tickets_queue_idx ON tickets (status, next_due_at, number)`);
    await q.query(
      `CREATE INDEX tickets_store_category_idx ON tickets (store_id, category, opened_at) WHERE store_id IS NOT NULL`,
    );

    await q.query(`
      CREATE TABLE ticket_history (
        seq         bigserial PRIMARY KEY,
        ticket_id   uuid NOT NULL,
        at          timestamptz NOT NULL,
        actor_kind  text NOT NULL,
        actor_id    text NOT NULL,
        action      text NOT NULL,
        from_status text,
        to_status   text,
        internal    boolean NOT NULL DEFAULT false,
        detail      jsonb NOT NULL DEFAULT '{}',
        CONSTRAINT ticket_history_ticket_fk FOREIGN KEY (ticket_id) REFERENCES tickets (id)
      )`);
    await q.query(`CREATE INDEX ticket_history_ticket_idx ON ticket_history (ticket_id, seq)`);

    await q.query(`
      CREATE TABLE ticket_notes (
        id          uuid PRIMARY KEY,
        ticket_id   uuid NOT NULL,
        visibility  text NOT NULL,
        text        text NOT NULL,
        author_kind text NOT NULL,
        author_id   text NOT NULL,
        created_at  timestamptz NOT NULL,
        CONSTRAINT ticket_notes_ticket_fk FOREIGN KEY (ticket_id) REFERENCES tickets (id),
        CONSTRAINT ticket_notes_visibility_check CHECK (visibility IN ('INTERNAL', 'PUBLIC'))
      )`);
    await q.query(`CREATE INDEX ticket_notes_ticket_idx ON ticket_notes (ticket_id, created_at)`);

    await q.query(`
      CREATE TABLE ticket_pauses (
        ticket_id  uuid NOT NULL,
        started_at timestamptz NOT NULL,
        ended_at   timestamptz,
        reason     text NOT NULL,
        CONSTRAINT ticket_pauses_pk PRIMARY KEY (ticket_id, started_at),
        CONSTRAINT ticket_pauses_ticket_fk FOREIGN KEY (ticket_id) REFERENCES tickets (id)
      )`);

    await q.query(`
      CREATE TABLE ticket_compensations (
        id             uuid PRIMARY KEY,
        ticket_id      uuid NOT NULL,
        kind           text NOT NULL,
        amount         integer NOT NULL,
        reason         text NOT NULL,
        status         text NOT NULL,
        required_level text NOT NULL,
        requested_by   text NOT NULL,
        approved_by    text,
        created_at     timestamptz NOT NULL,
        granted_at     timestamptz,
        posted_at      timestamptz,
        CONSTRAINT ticket_compensations_ticket_fk FOREIGN KEY (ticket_id) REFERENCES tickets (id),
        CONSTRAINT ticket_compensations_amount_check CHECK (amount >= 0)
      )`);
    await q.query(
      `CREATE INDEX ticket_compensations_ticket_idx ON ticket_compensations (ticket_id, created_at)`,
    );

    await q.query(`
      CREATE TABLE ticket_after_sales (
        ticket_id  uuid PRIMARY KEY,
        flow       text NOT NULL,
        step       text NOT NULL,
        details    jsonb NOT NULL DEFAULT '{}',
        updated_at timestamptz NOT NULL,
        CONSTRAINT ticket_after_sales_ticket_fk FOREIGN KEY (ticket_id) REFERENCES tickets (id)
      )`);

    // The scheduler's queue: one row per (ticket, target, kind) and SLA cycle. Its polling
    // reads only rows already due, through the partial index on due_at.
    await q.query(`
      CREATE TABLE sla_deadlines (
        id        uuid PRIMARY KEY,
        ticket_id uuid NOT NULL,
        target    text NOT NULL,
        kind      text NOT NULL,
        cycle     integer NOT NULL,
        due_at    timestamptz NOT NULL,
        target_due_at timestamptz NOT NULL,
        state     text NOT NULL,
        fired_at  timestamptz,
        fired_by  text,
        CONSTRAINT sla_deadlines_ticket_fk FOREIGN KEY (ticket_id) REFERENCES tickets (id),
        CONSTRAINT sla_deadlines_kind_check CHECK (kind IN ('WARNING', 'BREACH')),
        CONSTRAINT sla_deadlines_state_check CHECK (state IN ('PENDING', 'FIRED', 'CANCELLED'))
      )`);
    await q.query(`CREATE INDEX sla_deadlines_due_idx ON sla_deadlines (due_at) WHERE state = 'PENDING'`);
    await q.query(
      `CREATE INDEX sla_deadlines_ticket_idx ON sla_deadlines (ticket_id) WHERE state = 'PENDING'`,
    );
    await q.query(
      `CREATE UNIQUE INDEX sla_deadlines_fired_once ON sla_deadlines (ticket_id, target, kind, cycle) WHERE state = 'FIRED'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE sla_deadlines');
    await q.query('DROP TABLE ticket_after_sales');
    await q.query('DROP TABLE ticket_compensations');
    await q.query('DROP TABLE ticket_pauses');
    await q.query('DROP TABLE ticket_notes');
    await q.query('DROP TABLE ticket_history');
    await q.query('DROP TABLE tickets');
    await q.query('DROP TABLE ticket_day_sequences');
    await q.query('DROP TABLE member_tiers');
    await q.query('DROP TABLE sla_policies');
    await q.query('DROP TABLE ticket_settings');
  }
}
