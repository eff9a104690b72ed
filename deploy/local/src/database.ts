// Per-service databases on a shared server: create on demand, drop (for tests).
import pg from 'pg';
import { sleep } from './os-helpers.js';

function databaseUrl(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${encodeURIComponent(database)}`;
  return url.toString();
}

async function withClient<T>(serverUrl: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl, connectionTimeoutMillis: 10_000 });
  client.on('error', () => undefined);
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * Creates `database` on the server unless it exists and returns its URL (the server URL with the
 * database swapped in). Safe when several processes ask for the same database at once.
 */
export async function ensureDatabase(serverUrl: string, database: string): Promise<string> {
  if (database === '') throw new Error('ensureDatabase: empty database name');
  await withClient(serverUrl, async (client) => {
    for (let attempt = 1; ; attempt += 1) {
      const found = await client.query('select 1 from pg_database where datname = $1', [database]);
      if (found.rowCount) return;
      try {
        await client.query(`create database ${client.escapeIdentifier(database)}`);
        return;
      } catch (error) {
        const code = (error as { code?: string }).code;
        // Someone else created it between our check and our create.
        if (code === '42P04' || code === '23505') return;
        // The template database is briefly busy (another CREATE DATABASE is copying it): try again.
        if (code === '55006' && attempt < 20) {
          await sleep(100 * attempt);
          continue;
        }
        throw error;
      }
    }
  });
  return databaseUrl(serverUrl, database);
}

/** Drops `database` if it exists, disconnecting its sessions. */
export async function dropDatabase(serverUrl: string, database: string): Promise<void> {
  await withClient(serverUrl, async (client) => {
    await client.query(`drop database if exists ${client.escapeIdentifier(database)} with (force)`);
  });
}
