import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { PARTNER_SCOPES, type Actor } from '@atrium/contracts';
import { badInput, CLOCK, createLogger, notFound, unauthenticated, type Clock } from '@atrium/platform';
import type { GatewayConfig } from '../../config/gateway-config.js';
import { GATEWAY_CONFIG } from '../../gateway.tokens.js';
import { sameHex, sha256Hex } from '../crypto/secrets.js';
import { fullApiKey, newApiKeyParts, parseApiKey, type ApiKeyParts } from './api-key-format.js';

export interface ApiKeyRecord {
  id: string;
  tenantId: string;
  name: string;
  prefix: string;
  scopes: string[];
  createdBy: string;
  createdAt: Date;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
}

/** A key just created: the only moment its full value exists outside the partner's hands. */
export interface CreatedApiKey extends ApiKeyRecord {
  key: string;
}

interface Row {
  id: string;
  tenant_id: string;
  name: string;
  prefix: string;
  hash: string;
  scopes: string[];
  created_by: string;
  created_at: Date;
  revoked_at: Date | null;
  last_used_at: Date | null;
}

const COLUMNS = 'id, tenant_id, name, prefix, hash, scopes, created_by, created_at, revoked_at, last_used_at';
const toRecord = (row: Row): ApiKeyRecord => ({
  id: row.id,
  tenantId: row.tenant_id,
  name: row.name,
  prefix: row.prefix,
  scopes: row.scopes,
  createdBy: row.created_by,
  createdAt: row.created_at,
  revokedAt: row.revoked_at,
  lastUsedAt: row.last_used_at,
});

/** Recording every use would write on every partner call; once a minute is enough to see activity. */
const LAST_USED_RESOLUTION_MS = 60_000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Partner API keys: bound to one tenant and a set of scopes, looked up by their readable
 * prefix, checked by a constant-time comparison of the secret's sha256, revocable.
 */
@Injectable()
export class ApiKeyService {
  private readonly log = createLogger('api-keys');

  constructor(
    private readonly dataSource: DataSource,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async create(
    input: { tenantId: string; name: string; scopes: string[] },
    createdBy: string,
  ): Promise<CreatedApiKey> {
    const name = input.name.trim();
    if (name.length < 1 || name.length > 64) throw badInput('name', 'must be 1 to 64 characters');
    const scopes = checkScopes(input.scopes);
    if (!UUID.test(input.tenantId)) throw badInput('tenantId', 'must be a tenant id (uuid)');
    const [tenant]: unknown[] = await this.dataSource.query('SELECT 1 FROM tenants WHERE id = $1', [
      input.tenantId,
    ]);
    if (!tenant) throw notFound(`tenant ${input.tenantId}`, 'TENANT_NOT_FOUND');
    const parts = newApiKeyParts(this.config.API_KEY_ENVIRONMENT);
    const record = await this.insert(
      this.dataSource.manager,
      { tenantId: input.tenantId, name, scopes, createdBy },
      parts,
    );
    this.log.info(
      { apiKeyId: record.id, prefix: record.prefix, tenantId: record.tenantId, scopes },
      'API key created',
    );
    return { ...record, key: fullApiKey(parts) };
  }

  async revoke(id: string): Promise<ApiKeyRecord> {
    if (!UUID.test(id)) throw badInput('id', 'must be an API key id (uuid)');
    // Revoking twice keeps the first revocation time.
    // TypeORM answers an UPDATE with [rows, affected].
    const [[row]]: [Row[], number] = await this.dataSource.query(
      `UPDATE api_keys SET revoked_at = COALESCE(revoked_at, $2) WHERE id = $1 RETURNING ${COLUMNS}`,
      [id, this.clock.now()],
    );
    if (!row) throw notFound(`API key ${id}`, 'API_KEY_NOT_FOUND');
    this.log.info({ apiKeyId: row.id, prefix: row.prefix }, 'API key revoked');
    return toRecord(row);
  }

  /** The partner actor of a key sent in `x-api-key`; UNAUTHENTICATED for unknown, wrong or revoked keys. */
  async authenticate(key: string): Promise<Actor> {
    const parts = parseApiKey(key);
    if (!parts) throw unauthenticated('the API key is not valid', 'API_KEY_INVALID');
    const [row]: Row[] = await this.dataSource.query(`SELECT ${COLUMNS} FROM api_keys WHERE prefix = $1`, [
      parts.prefix,
    ]);
    // Hash even when the prefix is unknown, so timing does not tell prefixes apart.
    const presented = sha256Hex(parts.secret);
    const matches = sameHex(row?.hash ?? '0'.repeat(64), presented) && row !== undefined;
    if (!row || !matches) throw unauthenticated('the API key is not valid', 'API_KEY_INVALID');
    if (row.revoked_at) throw unauthenticated('the API key has been revoked', 'API_KEY_REVOKED');
    const now = this.clock.now();
    if (!row.last_used_at || now.getTime() - row.last_used_at.getTime() >= LAST_USED_RESOLUTION_MS) {
      await this.dataSource.query('UPDATE api_keys SET last_used_at = $2 WHERE id = $1', [row.id, now]);
    }
    return { kind: 'partner', id: row.id, tenantId: row.tenant_id, roles: [], scopes: row.scopes };
  }

  private async insert(
    m: EntityManager,
    input: { tenantId: string; name: string; scopes: string[]; createdBy: string },
    parts: ApiKeyParts,
  ): Promise<ApiKeyRecord> {
    const [row]: Row[] = await m.query(
      `INSERT INTO api_keys (id, tenant_id, name, prefix, hash, scopes, created_by, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING ${COLUMNS}`,
      [
        uuidv7(),
        input.tenantId,
        input.name,
        parts.prefix,
        sha256Hex(parts.secret),
        input.scopes,
        input.createdBy,
        this.clock.now(),
      ],
    );
    return toRecord(row!);
  }
}

function checkScopes(scopes: string[]): string[] {
  const unique = [...new Set(scopes.map((s) => s.trim()))];
  if (unique.length === 0) throw badInput('scopes', `must name at least one of ${PARTNER_SCOPES.join(', ')}`);
  const unknown = unique.filter((s) => !(PARTNER_SCOPES as readonly string[]).includes(s));
  if (unknown.length)
    throw badInput('scopes', `unknown scope(s) ${unknown.join(', ')}; known: ${PARTNER_SCOPES.join(', ')}`);
  return unique.sort();
}
