import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { PinoNestLogger } from '@atrium/platform';
import { AppModule, type GatewayOverrides } from './app.module.js';
import type { GatewayConfig } from './config/gateway-config.js';

/**
 * Builds and initialises the gateway (database migrated, Kafka reply consumer joined) without
 * listening; `main.ts` listens on GATEWAY_PORT, tests on any free port.
 */
export async function createGatewayApp(
  config: GatewayConfig,
  overrides: GatewayOverrides = {},
): Promise<INestApplication> {
  const app = await NestFactory.create(AppModule.forRoot(config, overrides), {
    logger: new PinoNestLogger(),
    bufferLogs: false,
    // A failed boot throws to the caller (main exits, a test fails) instead of exiting here.
    abortOnError: false,
  });
  await app.init();
  return app;
}
