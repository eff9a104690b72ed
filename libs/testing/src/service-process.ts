import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { PING, systemActor, type ServiceName } from '@atrium/contracts';
import { RequestClient, type ServiceConfig } from '@atrium/messaging';
import { expectEventually } from './eventually.js';
import { TestKafka } from './kafka.js';
import { startTestService, type TestService } from './service.js';
import { uniqueTopicPrefix } from './infra.js';

/**
 * What every service process must do, as one shared suite: migrate its own database (outbox
 * and inbox at least), answer PING over Kafka, report ready with database and Kafka up, and
 * serve Prometheus metrics. Real: PostgreSQL, Kafka, the service's whole module. Faked: nothing.
 */
export function describeServiceProcess(service: Exclude<ServiceName, 'gateway'>, moduleFor: (config: ServiceConfig) => unknown): void {
  describe(`${service} process`, () => {
    let kafka: TestKafka;
    let running: TestService;
    let client: RequestClient;

    beforeAll(async () => {
      const prefix = uniqueTopicPrefix();
      kafka = new TestKafka(prefix);
      await kafka.createTopics();
      running = await startTestService(service, moduleFor, { topicPrefix: prefix, httpPort: 0 });
      client = new RequestClient({ kafka: kafka.kafka, topicPrefix: prefix, operations: [PING[service]], defaultTimeoutMs: 15000 });
      await client.start();
    });

    afterAll(async () => {
      await client?.stop();
      await running?.close();
      await kafka?.close();
    });

    it('migrates its own database, with the outbox and inbox tables', async () => {
      const tables: Array<{ table_name: string }> = await running.app
        .get(DataSource)
        .query(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name IN ('outbox', 'inbox') ORDER BY 1`);
      expect(tables.map((t) => t.table_name)).toEqual(['inbox', 'outbox']);
    });

    it('answers PING with its service name and instance', async () => {
      const pong = await client.send(PING[service], {}, {
        context: { correlationId: randomUUID(), causationId: null, actor: systemActor('status-board'), traceparent: null },
      });
      expect(pong).toMatchObject({ service, instance: `${service}-test` });
    });

    it('reports ready with database and Kafka up, and serves Prometheus metrics', async () => {
      const base = `http://127.0.0.1:${(running.app.getHttpServer().address() as AddressInfo).port}`;
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
      expect(metrics).toContain('atrium_outbox_lag_seconds');
    });
  });
}
