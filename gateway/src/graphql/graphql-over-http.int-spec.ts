// Real: the gateway's HTTP server and Apollo Server, its database and Kafka client. Nothing faked;
// the audit's operations never reach a service.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { serverAudits } from 'graphql-http';
import { uniqueTopicPrefix } from '@atrium/testing';
import { startTestGateway, type TestGateway } from '../testing/gateway-harness.js';
import { printGatewaySchema, SCHEMA_FILE } from './schema-printer.js';

let gateway: TestGateway;

beforeAll(async () => {
  gateway = await startTestGateway({ topicPrefix: uniqueTopicPrefix() });
});

afterAll(async () => {
  await gateway?.close();
});

describe('GraphQL over HTTP', () => {
  it('serves exactly the schema in gateway/schema.graphql (the printer misses no resolver)', async () => {
    const served = gateway.app.get(GraphQLSchemaHost).schema;
    expect(await printGatewaySchema(served)).toBe(readFileSync(SCHEMA_FILE, 'utf8'));
  });

  it('passes every MUST of the graphql-http server audit', async () => {
    const audits = serverAudits({ url: gateway.url });
    const must = audits.filter((audit) => audit.name.startsWith('MUST'));
    expect(must.length).toBeGreaterThan(10);
    const failures: string[] = [];
    for (const audit of must) {
      const result = await audit.fn();
      if (result.status !== 'ok') failures.push(`${audit.id} ${audit.name}: ${result.reason}`);
    }
    expect(failures).toEqual([]);
  });

  it('answers gatewayInfo in-process and echoes the correlation id it was given', async () => {
    const result = await gateway.graphql<{ gatewayInfo: { version: string; time: string } }>(
      '{ gatewayInfo { version time instance } }',
      undefined,
      {
        'x-correlation-id': 'audit-corr-1',
      },
    );
    expect(result.data!.gatewayInfo.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(result.headers.get('x-correlation-id')).toBe('audit-corr-1');
  });

  it('never returns a stack trace, not even for a malformed query', async () => {
    const result = await gateway.graphql('{ gatewayInfo { nope } ');
    expect(result.errors?.length).toBeGreaterThan(0);
    expect(JSON.stringify(result)).not.toMatch(/stacktrace|\bat .*\.(js|ts):\d+/);
  });

  it('serves health and metrics on the same HTTP server', async () => {
    const live = await fetch(`${gateway.baseUrl}/health/live`);
    expect(live.status).toBe(200);
    const ready = await fetch(`${gateway.baseUrl}/health/ready`);
    expect(await ready.json()).toEqual({ status: 'up', checks: { database: 'up', kafka: 'up' } });
    const metrics = await (await fetch(`${gateway.baseUrl}/metrics`)).text();
    expect(metrics).toContain('process_cpu_seconds_total');
  });
});
