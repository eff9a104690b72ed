// What other parts of the repository (the local launcher, end-to-end tests, benchmarks) use.
export { createGatewayApp } from './create-gateway-app.js';
export { AppModule, GRAPHQL_PATH, type GatewayOverrides } from './app.module.js';
export {
  gatewayConfigSpec,
  loadGatewayConfig,
  DEV_JWT_SECRET,
  type GatewayConfig,
} from './config/gateway-config.js';
export { openGatewayDatabase } from './database/gateway-database.js';
export {
  seedDemoDirectory,
  demoCredentials,
  formatDemoCredentials,
  DEMO_PASSWORD,
  DEMO_STAFF,
  DEMO_MALL,
  DEMO_PARTNER_TENANT,
  DEMO_PARTNER_SCOPES,
  type DemoCredentials,
  type SeedSummary,
} from './seed/demo-seed.js';
