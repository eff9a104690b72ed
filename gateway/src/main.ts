import 'reflect-metadata';
import { register } from 'prom-client';
import { ConfigError, createLogger, errorForLog, nameProcess } from '@atrium/platform';
import { loadGatewayConfig, type GatewayConfig } from './config/gateway-config.js';
import { createGatewayApp } from './create-gateway-app.js';
import { GRAPHQL_PATH } from './app.module.js';

nameProcess('gateway');
const log = createLogger('boot');

let config: GatewayConfig;
try {
  config = loadGatewayConfig();
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
}

const started = Date.now();
register.setDefaultLabels({ service: 'gateway' });
try {
  const app = await createGatewayApp(config);
  app.enableShutdownHooks();
  await app.listen(config.GATEWAY_PORT, '0.0.0.0');
  log.info(
    { port: config.GATEWAY_PORT, ms: Date.now() - started },
    `gateway ready at http://localhost:${config.GATEWAY_PORT}${GRAPHQL_PATH}`,
  );
} catch (error) {
  log.fatal({ err: errorForLog(error) }, 'gateway failed to start');
  process.exit(1);
}
