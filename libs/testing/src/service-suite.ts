import type { AddressInfo } from 'node:net';
import type { INestApplication } from '@nestjs/common';
import { afterAll, beforeAll } from '@jest/globals';
import { DataSource } from 'typeorm';
import type { Actor, OperationContract, OperationRequest, OperationResponse, ServiceName, TicketView } from '@atrium/contracts';
import type { RequestClient, ServiceConfig } from '@atrium/messaging';
import { CLOCK, ManualClock } from '@atrium/platform';
import { sendAs, startTestClient } from './calls.js';
import { openTestTicket, registerTestMember, type MemberInput, type TestMember, type TicketInput } from './factories.js';
import { uniqueTopicPrefix } from './infra.js';
import { TestKafka } from './kafka.js';
import { startTestService, type ProviderOverride, type TestService } from './service.js';

export interface ServiceSuiteOptions {
  /** The service's root module for its validated config, e.g. `(config) => AppModule.forRoot(config)`. */
  module: (config: ServiceConfig) => unknown;
  /**
   * The service's clock (the `CLOCK` provider): a manual clock starting at this instant, or one
   * the test holds. Without it the service runs on the system clock.
   */
  clock?: Date | ManualClock;
  /** Further providers replaced by test doubles; everything not listed is real. */
  providers?: readonly ProviderOverride[];
  /** The operations the suite's client may send (request-reply). */
  operations?: readonly OperationContract[];
  env?: Record<string, string>;
  /** Serve /health, /metrics and the service's HTTP routes on a free port (`baseUrl`). */
  http?: boolean;
}

/** One booted service with what its tests use; read its fields inside tests and hooks only. */
export interface ServiceSuite {
  readonly kafka: TestKafka;
  readonly service: TestService;
  readonly app: INestApplication;
  readonly db: DataSource;
  readonly client: RequestClient;
  /** The service's manual clock; a suite without `clock` runs on the system clock and has none. */
  readonly clock: ManualClock;
  /** http://127.0.0.1:<port> when the suite serves HTTP. */
  readonly baseUrl: string;
  /** Sends an operation as `actor`, in a fresh correlation, as the gateway would. */
  send<O extends OperationContract>(op: O, request: OperationRequest<O>, actor: Actor): Promise<OperationResponse<O>>;
  /** Registers a member through the members service (needs `registerMember` in `operations`). */
  registerMember(input?: Partial<MemberInput>, as?: Actor): Promise<TestMember>;
  /** Opens a ticket through the tickets service (needs `openTicket` in `operations`). */
  openTicket(input?: Partial<TicketInput>, as?: Actor): Promise<TicketView>;
}

/**
 * Boots `service` in this process for the enclosing test file or `describe` (beforeAll /
 * afterAll): its own topic prefix with the topics created, its own database, a started
 * request-reply client. Real: PostgreSQL, Kafka, the whole module. Replaced: the clock when
 * `clock` is given, and the `providers` listed; the suite's header should say so.
 */
export function serviceSuite(service: Exclude<ServiceName, 'gateway'>, options: ServiceSuiteOptions): ServiceSuite {
  const clock = options.clock instanceof Date ? new ManualClock(options.clock) : options.clock;
  let kafka: TestKafka | undefined;
  let running: TestService | undefined;
  let client: RequestClient | undefined;
  let baseUrl: string | undefined;

  beforeAll(async () => {
    kafka = new TestKafka(uniqueTopicPrefix());
    await kafka.createTopics();
    const overrides: ProviderOverride[] = [...(clock ? [{ provide: CLOCK, useValue: clock }] : []), ...(options.providers ?? [])];
    running = await startTestService(service, options.module, {
      topicPrefix: kafka.prefix,
      env: options.env,
      httpPort: options.http ? 0 : null,
      overrides,
    });
    if (options.http) baseUrl = `http://127.0.0.1:${(running.app.getHttpServer().address() as AddressInfo).port}`;
    if (options.operations?.length) client = await startTestClient(kafka, options.operations);
  });

  afterAll(async () => {
    await client?.stop();
    await running?.close();
    await kafka?.close();
  });

  const ready = <T>(value: T | undefined, what: string): T => {
    if (value === undefined)
      throw new Error(
        what === 'client' && running
          ? `serviceSuite(${service}) has no client: list the operations it sends in \`operations\``
          : `serviceSuite(${service}): ${what} is there only inside tests and hooks, once the suite booted`,
      );
    return value;
  };
  return {
    get kafka() {
      return ready(kafka, 'kafka');
    },
    get service() {
      return ready(running, 'service');
    },
    get app() {
      return ready(running, 'app').app;
    },
    get db() {
      return ready(running, 'db').app.get(DataSource);
    },
    get client() {
      return ready(client, 'client');
    },
    get clock() {
      if (!clock) throw new Error(`serviceSuite(${service}) runs on the system clock: pass \`clock\` to set the time`);
      return clock;
    },
    get baseUrl() {
      if (!options.http) throw new Error(`serviceSuite(${service}) serves no HTTP: pass \`http: true\``);
      return ready(baseUrl, 'baseUrl');
    },
    send: (op, request, actor) => sendAs(ready(client, 'client'), op, request, actor),
    registerMember: (input, as) => registerTestMember(ready(client, 'client'), input, as),
    openTicket: (input, as) => openTestTicket(ready(client, 'client'), input, as),
  };
}
