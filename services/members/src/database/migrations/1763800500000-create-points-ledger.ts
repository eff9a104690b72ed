import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The points ledger: append-only entries, lots with expiry, balances that can never go below
 * zero, and the idempotency records (purchases by tenant+order, returns, redemptions by
 * member+key, compensations by id) that make every posting happen once.
 */
export class CreatePointsLedger1763800500000 implements MigrationInterface {
  name = 'CreatePointsLedger1763800500000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE ledger_settings (
        key        text PRIMARY KEY,
        value      jsonb NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        updated_by text NOT NULL DEFAULT 'migration'
      )`);
    await q.query(`
      INSERT INTO ledger_settings (key, value) VALUES
        ('policy', '{"expiryMonths":12,"returnWindowDays":7,"expiryWarningDays":30,"utcOffsetMinutes":480,"returnWindowDaysByStore":{}}'),
        ('parking', '{"pointsPerHour":100}')`);
    await q.query(`
      CREATE TABLE earning_rules (
        id             uuid PRIMARY KEY,
        rules          jsonb NOT NULL,
        effective_from timestamptz NOT NULL,
        created_by     text NOT NULL,
        created_at     timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT earning_rules_effective_from_unique UNIQUE (effective_from)
      )`);
    await q.query(`
      INSERT INTO earning_rules (id, rules, effective_from, created_by) VALUES (
        '019aa000-0000-7000-8000-000000000001',
        '{"basePoints":1,"unitFen":100,"tierMultiplierPercent":{"MEMBER":100,"SILVER":120,"GOLD":150,"BLACK_CARD":200},"storeBonusPercent":{},"categoryBonusPercent":{},"excludedCategories":[],"perOrderCap":null,"perDayCap":null}',
        '2000-01-01T00:00:00Z', 'migration')`);
    await q.query(`
      CREATE TABLE rewards (
        code        text PRIMARY KEY,
        kind        text NOT NULL,
        name        text NOT NULL,
        points_cost integer,
        active      boolean NOT NULL DEFAULT true,
        created_at  timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT rewards_kind_known CHECK (kind IN ('PARKING', 'GIFT', 'COUPON')),
        CONSTRAINT rewards_code_format CHECK (code ~ '^[A-Z0-9_]{2,32}$'),
        CONSTRAINT rewards_cost_positive CHECK (points_cost IS NULL OR points_cost > 0),
        CONSTRAINT rewards_parking_cost_from_settings CHECK ((kind = 'PARKING') = (points_cost IS NULL))
      )`);
    await q.query(`
      INSERT INTO rewards (code, kind, name, points_cost) VALUES
        ('PARKING_HOUR', 'PARKING', 'One hour of parking', NULL),
        ('GIFT_TOTE', 'GIFT', 'Atrium tote bag', 800),
        ('COUPON_50', 'COUPON', '50 yuan dining coupon', 2500)`);
    await q.query(`
      CREATE TABLE member_balances (
        member_id  uuid PRIMARY KEY,
        available  bigint NOT NULL DEFAULT 0,
        pending    bigint NOT NULL DEFAULT 0,
        debt       bigint NOT NULL DEFAULT 0,
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT member_balances_member_fk FOREIGN KEY (member_id) REFERENCES members (id),
        CONSTRAINT member_balances_never_negative CHECK (available >= 0 AND pending >= 0 AND debt >= 0)
      )`);
    await q.query(`
      CREATE TABLE point_lots (
        id          uuid PRIMARY KEY,
        member_id   uuid NOT NULL,
        state       text NOT NULL,
        original    bigint NOT NULL,
        remaining   bigint NOT NULL,
        earned_at   timestamptz NOT NULL,
        release_at  timestamptz,
        expires_at  timestamptz NOT NULL,
        tenant_id   text,
        store_id    text,
        CONSTRAINT point_lots_member_fk FOREIGN KEY (member_id) REFERENCES members (id),
        CONSTRAINT point_lots_state_known CHECK (state IN ('PENDING', 'AVAILABLE')),
        CONSTRAINT point_lots_remaining_range CHECK (original > 0 AND remaining >= 0 AND remaining <= original),
        CONSTRAINT point_lots_pending_has_release CHECK (state <> 'PENDING' OR release_at IS NOT NULL)
      )`);
    await q.query(
      `CREATE INDEX point_lots_member_open_idx ON point_lots (member_id) WHERE remaining > 0 OR state = 'PENDING'`,
    );
    await q.query(
      `CREATE INDEX point_lots_release_due_idx ON point_lots (release_at) WHERE state = 'PENDING'`,
    );
    await q.query(
      `CREATE INDEX point_lots_expiry_due_idx ON point_lots (expires_at) WHERE state = 'AVAILABLE' AND remaining > 0`,
    );
    await q.query(`
      CREATE TABLE ledger_entries (
        id              uuid PRIMARY KEY,
        member_id       uuid NOT NULL,
        kind            text NOT NULL,
        points          bigint NOT NULL,
        available_delta bigint NOT NULL,
        pending_delta   bigint NOT NULL,
        debt_delta      bigint NOT NULL,
        lot_id          uuid,
        reference_type  text,
        reference_id    text,
        tenant_id       text,
        store_id        text,
        reason          text,
        actor_kind      text NOT NULL,
        actor_id        text NOT NULL,
        occurred_at     timestamptz NOT NULL,
        CONSTRAINT ledger_entries_member_fk FOREIGN KEY (member_id) REFERENCES members (id),
        CONSTRAINT ledger_entries_kind_known CHECK (kind IN
          ('EARN', 'PENDING', 'RELEASE', 'REDEEM', 'EXPIRE', 'REVERSE', 'ADJUST', 'COMPENSATE', 'TRANSFER_IN', 'TRANSFER_OUT')),
        CONSTRAINT ledger_entries_points_non_negative CHECK (points >= 0)
      )`);
    await q.query(`CREATE INDEX ledger_entries_member_idx ON ledger_entries (member_id, id DESC)`);
    await q.query(
      `CREATE INDEX ledger_entries_tenant_time_idx ON ledger_entries (tenant_id, occurred_at) WHERE tenant_id IS NOT NULL`,
    );
    // Append-only: history is corrected by new entries, never by editing old ones.
    await q.query(`
      CREATE FUNCTION ledger_entries_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'ledger_entries is append-only (% refused)', TG_OP USING ERRCODE = 'restrict_violation';
      END $$`);
    await q.query(`
      CREATE TRIGGER ledger_entries_no_update_or_delete BEFORE UPDATE OR DELETE ON ledger_entries
      FOR EACH ROW EXECUTE FUNCTION ledger_entries_append_only()`);
    await q.query(`
      CREATE TABLE lot_consumptions (
        entry_id    uuid NOT NULL,
        lot_id      uuid NOT NULL,
        kind        text NOT NULL,
        points      bigint NOT NULL,
        occurred_at timestamptz NOT NULL,
        CONSTRAINT lot_consumptions_pk PRIMARY KEY (entry_id, lot_id),
        CONSTRAINT lot_consumptions_entry_fk FOREIGN KEY (entry_id) REFERENCES ledger_entries (id),
        CONSTRAINT lot_consumptions_lot_fk FOREIGN KEY (lot_id) REFERENCES point_lots (id),
        CONSTRAINT lot_consumptions_points_positive CHECK (points > 0)
      )`);
    await q.query(`CREATE INDEX lot_consumptions_lot_idx ON lot_consumptions (lot_id)`);
    await q.query(`
      CREATE TABLE purchases (
        id              uuid PRIMARY KEY,
        tenant_id       text NOT NULL,
        order_id        text NOT NULL,
        member_id       uuid NOT NULL,
        store_id        text NOT NULL,
        amount_fen      bigint NOT NULL,
        returned_fen    bigint NOT NULL DEFAULT 0,
        points          bigint NOT NULL,
        reversed_points bigint NOT NULL DEFAULT 0,
        lot_id          uuid,
        request_hash    text NOT NULL,
        purchased_at    timestamptz NOT NULL,
        recorded_at     timestamptz NOT NULL,
        CONSTRAINT purchases_tenant_order_unique UNIQUE (tenant_id, order_id),
        CONSTRAINT purchases_member_fk FOREIGN KEY (member_id) REFERENCES members (id),
        CONSTRAINT purchases_lot_fk FOREIGN KEY (lot_id) REFERENCES point_lots (id) DEFERRABLE INITIALLY DEFERRED,
        CONSTRAINT purchases_amounts CHECK (amount_fen > 0 AND returned_fen >= 0 AND returned_fen <= amount_fen),
        CONSTRAINT purchases_points CHECK (points >= 0 AND reversed_points >= 0 AND reversed_points <= points)
      )`);
    await q.query(`CREATE INDEX purchases_member_time_idx ON purchases (member_id, purchased_at)`);
    await q.query(`
      CREATE TABLE purchase_returns (
        id           uuid PRIMARY KEY,
        purchase_id  uuid NOT NULL,
        return_id    text NOT NULL,
        amount_fen   bigint NOT NULL,
        points       bigint NOT NULL,
        debt_points  bigint NOT NULL,
        entry_id     uuid,
        recorded_at  timestamptz NOT NULL,
        CONSTRAINT purchase_returns_purchase_fk FOREIGN KEY (purchase_id) REFERENCES purchases (id),
        CONSTRAINT purchase_returns_entry_fk FOREIGN KEY (entry_id) REFERENCES ledger_entries (id),
        CONSTRAINT purchase_returns_once UNIQUE (purchase_id, return_id),
        CONSTRAINT purchase_returns_amount_positive CHECK (amount_fen > 0)
      )`);
    await q.query(`
      CREATE TABLE redemptions (
        id              uuid PRIMARY KEY,
        member_id       uuid NOT NULL,
        idempotency_key text NOT NULL,
        request_hash    text NOT NULL,
        reward_code     text NOT NULL,
        quantity        integer NOT NULL,
        points          bigint NOT NULL,
        entry_id        uuid NOT NULL,
        result          jsonb NOT NULL,
        redeemed_at     timestamptz NOT NULL,
        CONSTRAINT redemptions_member_key_unique UNIQUE (member_id, idempotency_key),
        CONSTRAINT redemptions_member_fk FOREIGN KEY (member_id) REFERENCES members (id),
        CONSTRAINT redemptions_entry_fk FOREIGN KEY (entry_id) REFERENCES ledger_entries (id),
        CONSTRAINT redemptions_reward_fk FOREIGN KEY (reward_code) REFERENCES rewards (code),
        CONSTRAINT redemptions_amounts CHECK (quantity > 0 AND points > 0)
      )`);
    await q.query(`
      CREATE TABLE compensations (
        compensation_id text NOT NULL,
        member_id       uuid NOT NULL,
        points          bigint NOT NULL,
        ticket_id       text,
        entry_id        uuid NOT NULL,
        recorded_at     timestamptz NOT NULL,
        CONSTRAINT compensations_compensation_id_unique UNIQUE (compensation_id),
        CONSTRAINT compensations_member_fk FOREIGN KEY (member_id) REFERENCES members (id),
        CONSTRAINT compensations_entry_fk FOREIGN KEY (entry_id) REFERENCES ledger_entries (id),
        CONSTRAINT compensations_points_positive CHECK (points > 0)
      )`);
    await q.query(`
      CREATE TABLE expiry_warnings (
        member_id  uuid NOT NULL,
        expires_at timestamptz NOT NULL,
        points     bigint NOT NULL,
        warned_at  timestamptz NOT NULL,
        CONSTRAINT expiry_warnings_pk PRIMARY KEY (member_id, expires_at),
        CONSTRAINT expiry_warnings_member_fk FOREIGN KEY (member_id) REFERENCES members (id)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE expiry_warnings');
    await q.query('DROP TABLE compensations');
    await q.query('DROP TABLE redemptions');
    await q.query('DROP TABLE purchase_returns');
    await q.query('DROP TABLE purchases');
    await q.query('DROP TABLE lot_consumptions');
    await q.query('DROP TRIGGER ledger_entries_no_update_or_delete ON ledger_entries');
    await q.query('DROP FUNCTION ledger_entries_append_only()');
    await q.query('DROP TABLE ledger_entries');
    await q.query('DROP TABLE point_lots');
    await q.query('DROP TABLE member_balances');
    await q.query('DROP TABLE rewards');
    await q.query('DROP TABLE earning_rules');
    await q.query('DROP TABLE ledger_settings');
  }
}
