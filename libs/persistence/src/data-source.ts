import { DataSource, type EntitySchema, type MixedList } from 'typeorm';
import { ensureDatabase } from './database.js';

export interface DataSourceOptions {
  /** Server URL (any database); the process's own database is created on it if missing. */
  serverUrl: string;
  database: string;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: MixedList<Function | string | EntitySchema>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: MixedList<Function | string>;
  poolSize?: number;
  applicationName?: string;
}

/** A PostgreSQL DataSource; schema changes only through migrations, never synchronize. */
export function createDataSource(options: DataSourceOptions): DataSource {
  const url = new URL(options.serverUrl);
  url.pathname = `/${options.database}`;
  return new DataSource({
    type: 'postgres',
    url: url.toString(),
    entities: options.entities,
    migrations: options.migrations,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    migrationsRun: false,
    logging: false,
    extra: { max: options.poolSize ?? 10, application_name: options.applicationName ?? options.database },
  });
}

/** Creates the database if missing, connects, and applies pending migrations. */
export async function openDatabase(options: DataSourceOptions): Promise<DataSource> {
  await ensureDatabase(options.serverUrl, options.database);
  const dataSource = createDataSource(options);
  await dataSource.initialize();
  try {
    await migrate(dataSource);
  } catch (error) {
    await dataSource.destroy();
    throw error;
  }
  return dataSource;
}

/**
 * Runs pending migrations under an advisory lock, so replicas booting together do not race.
 * Returns the names of the migrations applied.
 */
export async function migrate(dataSource: DataSource): Promise<string[]> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock(7315001)');
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((m) => m.name);
  } finally {
    await runner.query('SELECT pg_advisory_unlock(7315001)').catch(() => undefined);
    await runner.release();
  }
}
