import 'reflect-metadata';
import { ConfigError, nameProcess } from '@atrium/platform';
import { loadSeedConfig } from './config/gateway-config.js';
import { openGatewayDatabase } from './database/gateway-database.js';
import { demoCredentials, seedDemoDirectory } from './seed/demo-seed.js';

/**
 * `npm start`'s seeding step: migrates the gateway's database, seeds the demo mall directory,
 * staff accounts and partner key (idempotent), and prints the demo credentials as one JSON
 * line on stdout for the launcher to show. Refused in production, like GATEWAY_SEED_DEMO.
 */
nameProcess('gateway');
try {
  const config = loadSeedConfig();
  const dataSource = await openGatewayDatabase(config);
  try {
    const summary = await seedDemoDirectory(dataSource);
    process.stdout.write(`${JSON.stringify({ created: summary.created, credentials: demoCredentials() })}\n`);
  } finally {
    await dataSource.destroy();
  }
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exitCode = 1;
}
