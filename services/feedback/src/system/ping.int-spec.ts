// Integration: the feedback process booted in-process. Real: PostgreSQL (own database), Kafka. Faked: nothing.
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { PING } from '@atrium/contracts';
import { RequestClient } from '@atrium/messaging';
import {
  expectEventually,
  startTestService,
  TestKafka,
  uniqueTopicPrefix,
  type TestService,
} from '@atrium/testing';
import { AppModule } from '../app.module.js';

let kafka: TestKafka;
let service: TestService;
let client: RequestClient;

beforeAll(async () => {
  const prefix = uniqueTopicPrefix();
  kafka = new TestKafka(prefix);
  await kafka.createTopics();
  service = await startTestService('feedback', (config) => AppModule.forRoot(config), {
    topicPrefix: prefix,
    httpPort: 0,
  });
  client = new RequestClient({
    kafka: kafka.kafka,
    topicPrefix: prefix,
    operations: [PING.feedback],
    defaultTimeoutMs: 15000,
  });
  await client.start();
});

afterAll(async () => {
  await client?.stop();
  await service?.close();
  await kafka?.close();
});

describe('feedback process', () => {
  it('migrates its own database to the messaging tables', async () => {
    const tables = (await service.app
      .get(DataSource)
      .query(
        `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name IN ('outbox', 'inbox') ORDER BY 1`,
      )) as Array<{ table_name: string }>;
    expect(tables.map((t) => t.table_name)).toEqual(['inbox', 'outbox']);
  });

  it('answers PING with its service name, instance and time', async () => {
    const system = { kind: 'system' as const, id: 'status-board', tenantId: null, roles: [], scopes: [] };
    const pong = await client.send(
      PING.feedback,
      {},
      { context: { correlationId: randomUUID(), causationId: null, actor: system, traceparent: null } },
    );
    expect(pong).toMatchObject({ service: 'feedback', instance: 'feedback-test' });
    expect(Math.abs(Date.parse(pong.time) - Date.now())).toBeLessThan(60_000);
  });

  it('reports ready with database and Kafka up, and serves Prometheus metrics', async () => {
    const base = `http://127.0.0.1:${(service.app.getHttpServer().address() as AddressInfo).port}`;
    // A readiness probe is retried by its caller; one slow answer on a loaded machine is not a failure.
    await expectEventually(
      async () => {
        const ready = await fetch(`${base}/health/ready`);
        expect({ status: ready.status, body: await ready.json() }).toEqual({
          status: 200,
          body: { status: 'up', checks: { database: 'up', kafka: 'up' } },
        });
      },
      { timeoutMs: 20000, intervalMs: 500 },
    );
    const metrics = await (await fetch(`${base}/metrics`)).text();
    expect(metrics).toContain('process_cpu_seconds_total');
  });
});
