import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { createKafka, deleteTopicsWithPrefix } from '@atrium/messaging';
import { databaseUrl } from '@atrium/persistence';

/** The repository root (test/support/ or test/dist/support/ → two or three levels up). */
export const repoRoot = (() => {
  const here = fileURLToPath(new URL('.', import.meta.url));
  return here.includes(`${join('test', 'dist')}`) ? join(here, '..', '..', '..') : join(here, '..', '..');
})();

export const SERVICES = ['members', 'notifications', 'tickets', 'feedback', 'recommendations'] as const;
export type ProcessName = (typeof SERVICES)[number] | 'gateway';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

export interface PlatformOptions {
  kafkaBrokers: string[];
  databaseServerUrl: string;
  topicPrefix: string;
  /** Prefix of the databases of this platform instance, e.g. `t1a2b3c_e2e_`. */
  databasePrefix: string;
  only?: ProcessName[];
  env?: Record<string, string>;
  /** Prints the processes' logs (for debugging a failing test). */
  verbose?: boolean;
}

/** One built process of the platform (node <project>/dist/main.js), killable and restartable. */
export class PlatformProcess {
  private child?: ChildProcess;
  private exited?: Promise<number | null>;
  readonly logs: string[] = [];

  constructor(
    readonly name: ProcessName,
    readonly port: number,
    private readonly env: Record<string, string>,
    private readonly verbose: boolean,
  ) {}

  /** Another process of the same project on the same database and topics (a second replica). */
  replica(port: number, instanceId: string): PlatformProcess {
    return new PlatformProcess(
      this.name,
      port,
      { ...this.env, HTTP_PORT: String(port), GATEWAY_PORT: String(port), INSTANCE_ID: instanceId },
      this.verbose,
    );
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(readyTimeoutMs = 60000): Promise<void> {
    const main =
      this.name === 'gateway'
        ? join(repoRoot, 'gateway', 'dist', 'main.js')
        : join(repoRoot, 'services', this.name, 'dist', 'main.js');
    const child = spawn(process.execPath, ['--enable-source-maps', main], {
      env: { ...process.env, ...this.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    this.exited = new Promise((resolve) => child.on('exit', (code) => resolve(code)));
    const keep = (chunk: Buffer) => {
      const text = chunk.toString();
      this.logs.push(text);
      if (this.logs.length > 2000) this.logs.splice(0, 1000);
      if (this.verbose) process.stderr.write(text.replace(/^/gm, `[${this.name}] `));
    };
    child.stdout!.on('data', keep);
    child.stderr!.on('data', keep);
    const deadline = Date.now() + readyTimeoutMs;
    while (Date.now() < deadline) {
      if (child.exitCode !== null)
        throw new Error(`${this.name} exited with ${child.exitCode}:\n${this.logs.join('').slice(-3000)}`);
      try {
        const res = await fetch(`${this.url}/health/ready`);
        if (res.status === 200) return;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 150));
    }
    throw new Error(`${this.name} not ready after ${readyTimeoutMs} ms:\n${this.logs.join('').slice(-3000)}`);
  }

  /** Kills the process (SIGKILL: no shutdown hooks run) and waits for it to be gone. */
  async kill(signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    if (!this.child || this.child.exitCode !== null) return;
    this.child.kill(signal);
    await this.exited;
  }

  async stop(): Promise<void> {
    if (!this.child || this.child.exitCode !== null) return;
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child?.kill('SIGKILL'), 10000);
    await this.exited;
    clearTimeout(timer);
  }
}

/** Starts the services and the gateway as separate processes against the given infrastructure. */
export async function startPlatform(options: PlatformOptions): Promise<Platform> {
  const names: ProcessName[] = options.only ?? [...SERVICES, 'gateway'];
  const processes = new Map<ProcessName, PlatformProcess>();
  for (const name of names) {
    const port = await freePort();
    const env: Record<string, string> = {
      NODE_ENV: 'test',
      LOG_LEVEL: process.env.LOG_LEVEL ?? 'info',
      KAFKA_BROKERS: options.kafkaBrokers.join(','),
      DATABASE_URL: options.databaseServerUrl,
      KAFKA_TOPIC_PREFIX: options.topicPrefix,
      DATABASE_NAME: `${options.databasePrefix}${name}`,
      HTTP_PORT: String(port),
      GATEWAY_PORT: String(port),
      OUTBOX_POLL_MS: '20',
      INSTANCE_ID: `${name}-e2e`,
      ...options.env,
    };
    processes.set(name, new PlatformProcess(name, port, env, options.verbose ?? false));
  }
  // Services first (they create topics and databases), then the gateway.
  try {
    await Promise.all([...processes.values()].filter((p) => p.name !== 'gateway').map((p) => p.start()));
    await processes.get('gateway')?.start();
    if (processes.has('gateway') && processes.has('tickets')) await waitForTicketsDirectory(options);
  } catch (error) {
    // The suite never gets the platform to stop: stop what did start, or it outlives the run.
    await Promise.all([...processes.values()].map((p) => p.stop()));
    throw error;
  }
  return new Platform(processes, options);
}

/**
 * The tickets service learns stores and floors from the gateway's directory snapshot, written
 * at the gateway's start and consumed a moment later; a ticket about a store it does not hold
 * yet is refused. Ready means: tickets holds every floor and store of the gateway's database
 * at (at least) its version.
 */
async function waitForTicketsDirectory(options: PlatformOptions, timeoutMs = 30_000): Promise<void> {
  const connect = async (name: ProcessName) => {
    const client = new pg.Client({
      connectionString: databaseUrl(options.databaseServerUrl, `${options.databasePrefix}${name}`),
    });
    await client.connect();
    return client;
  };
  const [gateway, tickets] = [await connect('gateway'), await connect('tickets')];
  try {
    const rows = async (client: pg.Client, table: string) =>
      new Map(
        ((await client.query(`SELECT id, version FROM ${table}`)).rows as { id: string; version: number }[]).map(
          (r) => [r.id, r.version],
        ),
      );
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const missing: string[] = [];
      for (const [owned, held] of [
        ['floors', 'directory_floors'],
        ['stores', 'directory_stores'],
      ] as const) {
        const have = await rows(tickets, held);
        for (const [id, version] of await rows(gateway, owned))
          if ((have.get(id) ?? 0) < version) missing.push(`${owned} ${id} v${version}`);
      }
      if (missing.length === 0) return;
      if (Date.now() > deadline)
        throw new Error(`tickets did not learn the gateway's directory in ${timeoutMs} ms: ${missing.join(', ')}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  } finally {
    await Promise.all([gateway.end(), tickets.end()]);
  }
}

export class Platform {
  private readonly replicas: PlatformProcess[] = [];

  constructor(
    private readonly processes: Map<ProcessName, PlatformProcess>,
    private readonly options: PlatformOptions,
  ) {}

  /** Starts one more replica of a process (same database, topics and consumer groups). */
  async addReplica(name: ProcessName, instanceId: string): Promise<PlatformProcess> {
    const replica = this.get(name).replica(await freePort(), instanceId);
    this.replicas.push(replica);
    await replica.start();
    return replica;
  }

  get(name: ProcessName): PlatformProcess {
    const p = this.processes.get(name);
    if (!p) throw new Error(`${name} is not part of this platform`);
    return p;
  }

  get graphqlUrl(): string {
    return `${this.get('gateway').url}/graphql`;
  }

  /** Stops every process, then deletes this platform's topics (a broker opens files per partition). */
  async stop(): Promise<void> {
    await Promise.all([...this.processes.values(), ...this.replicas].map((p) => p.stop()));
    const kafka = createKafka({
      brokers: this.options.kafkaBrokers,
      clientId: 'platform-cleanup',
      topicPrefix: '',
    });
    await deleteTopicsWithPrefix(kafka, this.options.topicPrefix).catch(() => undefined);
  }
}

export interface GraphQLResult<T = Record<string, unknown>> {
  data?: T;
  errors?: Array<{ message: string; extensions?: { code?: string; field?: string; [k: string]: unknown } }>;
}

/** POSTs a GraphQL operation, as the mall app would. */
export async function graphql<T = Record<string, unknown>>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<GraphQLResult<T>> {
  const res = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/graphql-response+json, application/json',
      ...headers,
    },
    body: JSON.stringify({ query, variables }),
  });
  return (await res.json()) as GraphQLResult<T>;
}
