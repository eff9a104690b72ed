import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import type { StaffRole } from '@atrium/contracts';

export interface StaffAccount {
  id: string;
  username: string;
  displayName: string;
  passwordHash: string;
  roles: StaffRole[];
  active: boolean;
}

interface Row {
  id: string;
  username: string;
  display_name: string;
  password_hash: string;
  roles: StaffRole[];
  active: boolean;
}

const toAccount = (row: Row): StaffAccount => ({
  id: row.id,
  username: row.username,
  displayName: row.display_name,
  passwordHash: row.password_hash,
  roles: row.roles,
  active: row.active,
});

/** What others may learn about a staff account: no username, no password data. */
export interface StaffProfile {
  id: string;
  displayName: string;
  roles: StaffRole[];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Usernames are case-insensitive: stored and looked up in lower case. */
export const normalizeUsername = (username: string): string => username.trim().toLowerCase();

@Injectable()
export class StaffAccountRepository {
  constructor(private readonly dataSource: DataSource) {}

  async findByUsername(
    username: string,
    m: EntityManager = this.dataSource.manager,
  ): Promise<StaffAccount | null> {
    const [row]: Row[] = await m.query(
      'SELECT id, username, display_name, password_hash, roles, active FROM staff_accounts WHERE username = $1',
      [normalizeUsername(username)],
    );
    return row ? toAccount(row) : null;
  }

  async findById(id: string, m: EntityManager = this.dataSource.manager): Promise<StaffAccount | null> {
    const [row]: Row[] = await m.query(
      'SELECT id, username, display_name, password_hash, roles, active FROM staff_accounts WHERE id = $1',
      [id],
    );
    return row ? toAccount(row) : null;
  }

  /** The profiles of these accounts (deactivated ones too) in one query; unknown ids are left out. */
  async findProfiles(ids: readonly string[]): Promise<StaffProfile[]> {
    const known = ids.filter((id) => UUID.test(id));
    if (known.length === 0) return [];
    const rows: Array<{ id: string; display_name: string; roles: StaffRole[] }> = await this.dataSource.query(
      'SELECT id, display_name, roles FROM staff_accounts WHERE id = ANY($1::uuid[])',
      [known],
    );
    return rows.map((row) => ({ id: row.id, displayName: row.display_name, roles: row.roles }));
  }

  /** Creates the account unless the username exists; returns the stored account either way. */
  async insertIfAbsent(
    account: { username: string; displayName: string; passwordHash: string; roles: StaffRole[] },
    m: EntityManager = this.dataSource.manager,
  ): Promise<StaffAccount> {
    await m.query(
      `INSERT INTO staff_accounts (id, username, display_name, password_hash, roles)
       VALUES ($1, $2, $3, $4, $5) ON CONFLICT (username) DO NOTHING`,
      [
        uuidv7(),
        normalizeUsername(account.username),
        account.displayName,
        account.passwordHash,
        account.roles,
      ],
    );
    return (await this.findByUsername(account.username, m))!;
  }
}
