import { createLogger, ConfigError, nameProcess } from '@atrium/platform';
import { loadGatewayConfig } from './config/gateway-config.js';
import { openGatewayDatabase } from './database/gateway-database.js';

/** `nx run gateway:migrate`: creates the gateway's database if missing and applies its migrations. */
nameProcess('gateway');
const log = createLogger('migrate');
try {
  const config = loadGatewayConfig();
  const dataSource = await openGatewayDatabase(config);
  log.info({ database: config.DATABASE_NAME }, 'gateway database is migrated');
  await dataSource.destroy();
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exitCode = 1;
}
