import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import type { INestApplication } from '@nestjs/common';
import type { Kafka, Producer } from 'kafkajs';
import { v7 as uuidv7 } from 'uuid';
import {
  findMemberByPhone,
  getMember,
  listInbox,
  PING,
  registerMember,
  sendLoginCode,
  type Envelope,
  type InboxMessage,
  type MemberView,
  type OperationContract,
} from '@atrium/contracts';
import {
  createKafka,
  createProducer,
  ensureTopics,
  RequestServer,
  type RequestBinding,
} from '@atrium/messaging';
import { conflict, ManualClock, notFound } from '@atrium/platform';
import { testInfra, uniqueDatabaseName } from '@atrium/testing';
import { canonicalPhone } from '../auth/crypto/phone.js';
import { loadGatewayConfig, type GatewayConfig } from '../config/gateway-config.js';
import { createGatewayApp } from '../create-gateway-app.js';

export interface GraphQLResult<D = Record<string, unknown>> {
  status: number;
  headers: Headers;
  data?: D | null;
  errors?: Array<{ message: string; path?: string[]; extensions?: Record<string, unknown> }>;
}

export interface TestGateway {
  app: INestApplication;
  config: GatewayConfig;
  clock: ManualClock;
  /** The GraphQL endpoint, e.g. http://127.0.0.1:41234/graphql. */
  url: string;
  baseUrl: string;
  graphql<D = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
  ): Promise<GraphQLResult<D>>;
  close(): Promise<void>;
}

/**
 * Boots the real gateway in this process on a free port, against the test run's PostgreSQL
 * (a database of its own) and Kafka (the given topic prefix), with a manual clock.
 */
export async function startTestGateway(options: {
  topicPrefix: string;
  env?: Record<string, string>;
}): Promise<TestGateway> {
  quietLogs();
  const infra = testInfra();
  const config = loadGatewayConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
    KAFKA_BROKERS: infra.kafkaBrokers.join(','),
    DATABASE_URL: infra.databaseServerUrl,
    KAFKA_TOPIC_PREFIX: options.topicPrefix,
    DATABASE_NAME: uniqueDatabaseName('gateway'),
    INSTANCE_ID: `gateway-test-${uuidv7().slice(-6)}`,
    JWT_SECRET: 'test-secret-for-the-gateway-integration-tests',
    ...options.env,
  });
  // Whole seconds (token lifetimes are in seconds), so a time the gateway writes is known exactly.
  const clock = new ManualClock(new Date(Math.floor(Date.now() / 1000) * 1000));
  const app = await createGatewayApp(config, { clock });
  await app.listen(0, '127.0.0.1');
  const port = ((app.getHttpServer() as Server).address() as AddressInfo).port;
  const baseUrl = `http://127.0.0.1:${port}`;
  const url = `${baseUrl}/graphql`;
  return {
    app,
    config,
    clock,
    url,
    baseUrl,
    async graphql(query, variables, headers) {
      const response = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'application/graphql-response+json',
          ...headers,
        },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await response.json()) as Omit<GraphQLResult, 'status' | 'headers'>;
      return { status: response.status, headers: response.headers, ...body } as never;
    },
    close: () => app.close(),
  };
}

/** The root logger reads LOG_LEVEL when it is first used: keep test output to warnings unless asked. */
function quietLogs(): void {
  process.env.LOG_LEVEL ??= 'warn';
}

type Handler = (payload: never, envelope: Envelope) => unknown;

/**
 * Stand-ins for the members and notifications services, answering their request-reply
 * operations over the real Kafka topics, so gateway tests do not depend on those services.
 * Everything they receive is recorded (payload and envelope).
 */
export class FakeServices {
  readonly kafka: Kafka;
  readonly sentCodes: Array<{ phone: string; code: string }> = [];
  readonly received: Array<{ pattern: string; payload: unknown; envelope: Envelope }> = [];
  private readonly members = new Map<string, MemberView>();
  private readonly inboxes = new Map<string, InboxMessage[]>();
  private server?: RequestServer;
  private producer?: Producer;

  constructor(private readonly topicPrefix: string) {
    quietLogs();
    this.kafka = createKafka({
      brokers: testInfra().kafkaBrokers,
      clientId: `fake-services-${topicPrefix}`,
      topicPrefix,
    });
  }

  async start(): Promise<void> {
    await ensureTopics(this.kafka, this.topicPrefix);
    this.producer = createProducer(this.kafka);
    await this.producer.connect();
    const handlers = new Map<OperationContract, Handler>([
      [
        sendLoginCode,
        (p: { phone: string; code: string }) => (
          this.sentCodes.push({ phone: p.phone, code: p.code }),
          { accepted: true, provider: 'fake-sms' }
        ),
      ],
      [
        findMemberByPhone,
        (p: { phone: string }) => ({ memberId: this.members.get(canonicalPhone(p.phone))?.id ?? null }),
      ],
      [getMember, (p: { memberId: string }) => this.memberById(p.memberId)],
      [registerMember, (p: { phone: string; displayName: string }) => this.register(p.phone, p.displayName)],
      [
        listInbox,
        (p: { memberId: string; first: number }) => {
          const items = (this.inboxes.get(p.memberId) ?? []).slice(0, p.first);
          return { items, unread: items.filter((i) => i.readAt === null).length };
        },
      ],
      ...Object.values(PING).map((op): [OperationContract, Handler] => [
        op,
        () => ({ service: op.service, instance: 'fake', time: new Date().toISOString() }),
      ]),
    ]);
    const bindings: RequestBinding[] = [...handlers].map(([contract, handle]) => ({
      contract,
      handle: async (payload, envelope) => {
        this.received.push({ pattern: contract.pattern, payload, envelope });
        return handle(payload as never, envelope);
      },
    }));
    this.server = new RequestServer({
      kafka: this.kafka,
      producer: this.producer,
      topicPrefix: this.topicPrefix,
      groupId: 'fake-services',
      bindings,
    });
    await this.server.start();
  }


  register(phone: string, displayName: string): MemberView {
    const key = canonicalPhone(phone);
    if (this.members.has(key))
      throw conflict('a member with this phone is already registered', 'MEMBER_PHONE_TAKEN');
    const member: MemberView = {
      id: uuidv7(),
      memberCode: `M${Math.random().toString(36).slice(2, 10).toUpperCase()}`,
      displayName,
      phoneMasked: `${key.slice(0, -8)}****${key.slice(-4)}`,
      preferredLanguage: 'zh-CN',
      registeredChannel: 'MINI_PROGRAM',
      registeredAt: new Date().toISOString(),
    };
    this.members.set(key, member);
    this.inboxes.set(member.id, [
      {
        id: uuidv7(),
        kind: 'WELCOME',
        title: 'Welcome to Atrium Plaza',
        body: `Hello ${displayName}!`,
        createdAt: new Date().toISOString(),
        readAt: null,
      },
    ]);
    return member;
  }

  lastCodeFor(phone: string): string {
    const sent = this.sentCodes.filter((s) => canonicalPhone(s.phone) === canonicalPhone(phone)).at(-1);
    if (!sent) throw new Error(`no login code was sent to ${phone}`);
    return sent.code;
  }

  private memberById(id: string): MemberView {
    const member = [...this.members.values()].find((m) => m.id === id);
    if (!member) throw notFound(`member ${id}`, 'MEMBER_NOT_FOUND');
    return member;
  }

  async stop(): Promise<void> {
    await this.server?.stop();
    await this.producer?.disconnect();
  }
}

/** A phone number of its own for one test case. */
export { uniquePhone } from '@atrium/testing';
