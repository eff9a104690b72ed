// A single-node Apache Kafka broker (KRaft, broker + controller in one JVM) for development and tests,
// run from jars that Maven fetches once into <data dir>/kafka/libs. No Docker involved.
import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import kafkajs from 'kafkajs';
import { dataDir, packageDir } from './paths.js';
import {
  type Log,
  isOurProcess,
  freePort,
  portAnswers,
  readPid,
  sleep,
  tail,
  terminate,
  withFileLock,
} from './os-helpers.js';

const { Kafka, logLevel } = kafkajs;

export interface KafkaOptions {
  /** Progress lines (defaults to stderr with a `[kafka]` prefix). */
  log?: (line: string) => void;
  /** Client port; defaults to KAFKA_PORT or 19092. The controller listens on KAFKA_CONTROLLER_PORT or port + 1. */
  port?: number;
  /**
   * Leave a broker started by this call running after this Node process exits (the `infra up` CLI does).
   * By default a broker we started is sent SIGTERM when the process exits without calling stop().
   */
  keepRunning?: boolean;
  /**
   * A broker of its own in this folder (tests that stop and restart a broker). KAFKA_BROKERS is
   * then ignored: the caller asked for this broker, not the shared one.
   */
  brokerDir?: string;
}

export interface KafkaHandle {
  brokers: string[];
  /** True when this call started the broker; false when it used KAFKA_BROKERS or reused a running one. */
  started: boolean;
  /** Stops the broker if this call started it; otherwise does nothing. */
  stop(): Promise<void>;
}

export interface KafkaStatus {
  running: boolean;
  pid?: number;
  brokers?: string[];
  version?: string;
}

const READY_TIMEOUT_MS = 90_000;
const REUSE_TIMEOUT_MS = 30_000;
const STOP_STEPS: Array<[NodeJS.Signals, number]> = [
  ['SIGTERM', 30_000],
  ['SIGKILL', 5_000],
];

const pomFile = join(packageDir, 'kafka', 'pom.xml');
const log4jConfig = join(packageDir, 'kafka', 'log4j2.properties');

interface KafkaPaths {
  root: string;
  libs: string;
  libsMarker: string;
  data: string;
  logs: string;
  serverLog: string;
  consoleLog: string;
  properties: string;
  pidFile: string;
  lockFile: string;
}

function kafkaPaths(brokerDir?: string): KafkaPaths {
  const root = brokerDir ?? join(dataDir(), 'kafka');
  const logs = join(root, 'logs');
  // Jars are shared by every broker of this checkout, wherever its data lives.
  const libs = join(dataDir(), 'kafka', 'libs');
  return {
    root,
    libs,
    libsMarker: join(libs, '.atrium-libs.json'),
    data: join(root, 'data'),
    logs,
    serverLog: join(logs, 'server.log'),
    consoleLog: join(logs, 'console.log'),
    properties: join(root, 'server.properties'),
    pidFile: join(root, 'broker.pid'),
    lockFile: join(root, '.start.lock'),
  };
}

function defaultLog(line: string): void {
  process.stderr.write(`[kafka] ${line}\n`);
}

function configuredPort(port: number | undefined): number {
  const value = port ?? Number.parseInt(process.env['KAFKA_PORT'] ?? '19092', 10);
  if (!Number.isInteger(value) || value <= 0 || value > 65535)
    throw new Error(`invalid Kafka port: ${String(value)}`);
  return value;
}

function controllerPortFor(port: number): number {
  const fromEnv = process.env['KAFKA_CONTROLLER_PORT'];
  return fromEnv ? Number.parseInt(fromEnv, 10) : port + 1;
}

/** The Kafka version pinned in libs/launcher/kafka/pom.xml. */
export function kafkaVersion(): string {
  const match = /<kafka\.version>\s*([^<\s]+)\s*<\/kafka\.version>/.exec(readFileSync(pomFile, 'utf8'));
  if (!match) throw new Error(`no <kafka.version> property in ${pomFile}`);
  return match[1]!;
}

function brokersFromEnv(): string[] | undefined {
  const value = process.env['KAFKA_BROKERS'];
  if (!value || value.trim() === '') return undefined;
  return value
    .split(',')
    .map((broker) => broker.trim())
    .filter(Boolean);
}

function runTool(
  command: string,
  args: string[],
  cwd: string,
): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.once('error', (error: NodeJS.ErrnoException) => {
      reject(
        error.code === 'ENOENT'
          ? new Error(
              `'${command}' was not found on PATH; it is needed to run the local Kafka broker (or set KAFKA_BROKERS)`,
            )
          : error,
      );
    });
    child.once('close', (code) => resolve({ code, output }));
  });
}

function javaCommand(): string {
  const home = process.env['JAVA_HOME'];
  return home ? join(home, 'bin', 'java') : 'java';
}

/** Fetches the broker's jars with Maven unless the marker says the pinned version is already there. */
async function ensureJars(paths: KafkaPaths, log: Log): Promise<void> {
  const pom = readFileSync(pomFile);
  const wanted = { kafkaVersion: kafkaVersion(), pomSha256: createHash('sha256').update(pom).digest('hex') };
  if (existsSync(paths.libsMarker)) {
    try {
      const have = JSON.parse(readFileSync(paths.libsMarker, 'utf8')) as typeof wanted;
      if (have.kafkaVersion === wanted.kafkaVersion && have.pomSha256 === wanted.pomSha256) return;
    } catch {
      // unreadable marker: fetch again
    }
  }
  const started = Date.now();
  log(`fetching Kafka ${wanted.kafkaVersion} jars with Maven into ${paths.libs} (one time)...`);
  const partial = `${paths.libs}.partial-${process.pid}`;
  rmSync(partial, { recursive: true, force: true });
  const { code, output } = await runTool(
    'mvn',
    [
      '-q',
      '-B',
      '-f',
      pomFile,
      'dependency:copy-dependencies',
      `-DoutputDirectory=${partial}`,
      '-DincludeScope=runtime',
    ],
    paths.root,
  );
  if (code !== 0) {
    rmSync(partial, { recursive: true, force: true });
    throw new Error(`Maven could not fetch the Kafka jars (exit ${String(code)}):\n${output.trim()}`);
  }
  writeFileSync(join(partial, '.atrium-libs.json'), JSON.stringify(wanted, null, 2) + '\n');
  rmSync(paths.libs, { recursive: true, force: true });
  renameSync(partial, paths.libs);
  log(`fetched Kafka ${wanted.kafkaVersion} jars in ${seconds(started)}`);
}

function serverProperties(paths: KafkaPaths, port: number, controllerPort: number): string {
  return `# Generated by @atrium/launcher (ensureKafka) on each fresh start: edits here are overwritten.
# Single node in KRaft combined mode: this process is both broker and its own controller quorum.
process.roles=broker,controller
node.id=1
controller.quorum.bootstrap.servers=127.0.0.1:${controllerPort}
listeners=PLAINTEXT://127.0.0.1:${port},CONTROLLER://127.0.0.1:${controllerPort}
advertised.listeners=PLAINTEXT://127.0.0.1:${port}
inter.broker.listener.name=PLAINTEXT
controller.listener.names=CONTROLLER
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
log.dirs=${paths.data}

# Topics are created explicitly by the services; everything has one replica.
auto.create.topics.enable=false
delete.topic.enable=true
num.partitions=3
default.replication.factor=1
min.insync.replicas=1
offsets.topic.replication.factor=1
offsets.topic.num.partitions=10
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
transaction.state.log.num.partitions=10
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1

# Consumers join at once instead of waiting for more members.
group.initial.rebalance.delay.ms=0

# Fast start-up and shutdown on a small box: the broker heartbeats its own controller often, so it is
# unfenced quickly and its controlled shutdown is acknowledged quickly.
broker.heartbeat.interval.ms=500
num.network.threads=2
num.io.threads=4
num.recovery.threads.per.data.dir=2
background.threads=4
log.cleaner.threads=1
log.cleaner.dedupe.buffer.size=16777216

# Keep the disk use of a development box bounded. Test runs create and delete many topics: remove the
# files of deleted topics at once rather than after a minute, so they are not reloaded at the next start.
log.retention.hours=72
log.segment.bytes=67108864
file.delete.delay.ms=1000
`;
}

function propertiesPort(paths: KafkaPaths): number | undefined {
  try {
    const match = /^listeners=.*PLAINTEXT:\/\/[^:,]*:(\d+)/m.exec(readFileSync(paths.properties, 'utf8'));
    return match ? Number.parseInt(match[1]!, 10) : undefined;
  } catch {
    return undefined;
  }
}

/** A Kafka cluster id: 16 random bytes, base64url without padding (what the storage tool expects). */
function newClusterId(): string {
  for (;;) {
    const id = randomBytes(16).toString('base64url');
    if (!id.startsWith('-')) return id;
  }
}

function jvmArgs(paths: KafkaPaths): string[] {
  const heap = (process.env['KAFKA_HEAP_OPTS'] ?? '-Xms512m -Xmx1g').split(/\s+/).filter(Boolean);
  return [
    ...heap,
    '-XX:+UseG1GC',
    '-XX:MaxGCPauseMillis=20',
    '-XX:InitiatingHeapOccupancyPercent=35',
    '-XX:+ExplicitGCInvokesConcurrent',
    // C1 only: measured to start about 1.5x faster on a busy 2-core box; a development broker does not need
    // C2's peak throughput. KAFKA_OPTS=-XX:TieredStopAtLevel=4 restores it (later flags win).
    '-XX:TieredStopAtLevel=1',
    '-Djava.awt.headless=true',
    `-Dkafka.logs.dir=${paths.logs}`,
    `-Dlog4j2.configurationFile=${log4jConfig}`,
    ...(process.env['KAFKA_OPTS'] ?? '').split(/\s+/).filter(Boolean),
    '-cp',
    join(paths.libs, '*'),
  ];
}

async function formatStorageIfNeeded(paths: KafkaPaths, log: Log): Promise<void> {
  if (existsSync(join(paths.data, 'meta.properties'))) return;
  const started = Date.now();
  mkdirSync(paths.data, { recursive: true });
  const { code, output } = await runTool(
    javaCommand(),
    [
      ...jvmArgs(paths),
      'kafka.tools.StorageTool',
      'format',
      '--standalone',
      '--cluster-id',
      newClusterId(),
      '--config',
      paths.properties,
    ],
    paths.root,
  );
  if (code !== 0)
    throw new Error(`formatting Kafka storage failed (exit ${String(code)}):\n${output.trim()}`);
  log(`formatted storage in ${paths.data} (${seconds(started)})`);
}

/**
 * One readiness check: metadata answers and, when asked, the controller can create and delete
 * a topic and the coordinators answer: the group coordinator (its offsets topic) and the one
 * that hands out producer ids to idempotent producers. On a fresh broker both load on first
 * use; waiting for them here keeps "coordinator is loading" out of the first clients' logs.
 */
async function probe(brokers: string[], withTopic: boolean): Promise<void> {
  const kafka = new Kafka({
    clientId: 'atrium-local-probe',
    brokers,
    logLevel: logLevel.NOTHING,
    connectionTimeout: 1000,
    requestTimeout: 5000,
    retry: { retries: 0 },
  });
  const admin = kafka.admin();
  try {
    await admin.connect();
    await admin.describeCluster();
    if (withTopic) {
      const topic = `atrium-probe-${process.pid}-${randomBytes(4).toString('hex')}`;
      await admin.createTopics({
        topics: [{ topic, numPartitions: 1, replicationFactor: 1 }],
        waitForLeaders: true,
        timeout: 5000,
      });
      await admin.deleteTopics({ topics: [topic], timeout: 5000 });
      await admin.describeGroups([`${topic}.group`]);
      const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1, retry: { retries: 1, initialRetryTime: 100 } });
      try {
        await producer.connect();
      } finally {
        await producer.disconnect().catch(() => undefined);
      }
    }
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}

async function waitUntilReady(
  brokers: string[],
  timeoutMs: number,
  exited: () => string | undefined,
  withTopic = true,
): Promise<{ ok: true } | { ok: false; reason: string }> {
  const deadline = Date.now() + timeoutMs;
  let lastError = 'no answer yet';
  while (Date.now() < deadline) {
    const exit = exited();
    if (exit) return { ok: false, reason: exit };
    try {
      await probe(brokers, withTopic);
      return { ok: true };
    } catch (error) {
      lastError = error instanceof Error ? error.message : String(error);
    }
    await sleep(300);
  }
  return { ok: false, reason: `not ready after ${timeoutMs / 1000} s (last error: ${lastError})` };
}

function brokerLogTail(paths: KafkaPaths): string {
  return `--- ${paths.serverLog} (tail) ---\n${tail(paths.serverLog)}\n--- ${paths.consoleLog} (tail) ---\n${tail(paths.consoleLog, 20)}`;
}

function isOurBroker(pid: number, paths: KafkaPaths): boolean {
  return isOurProcess(pid, 'kafka.Kafka', paths.properties);
}

function seconds(since: number): string {
  return `${((Date.now() - since) / 1000).toFixed(1)} s`;
}

async function stopPid(pid: number, paths: KafkaPaths): Promise<void> {
  const gone = await terminate(pid, STOP_STEPS);
  if (!gone) throw new Error(`Kafka broker (pid ${pid}) did not exit`);
  if (readPid(paths.pidFile) === pid) rmSync(paths.pidFile, { force: true });
}

/**
 * Returns brokers to connect to: KAFKA_BROKERS when set, else a local broker from <data dir>/kafka,
 * reusing one this repository already runs or starting one (fetching jars and formatting storage once).
 */
export async function ensureKafka(opts: KafkaOptions = {}): Promise<KafkaHandle> {
  const fromEnv = opts.brokerDir ? undefined : brokersFromEnv();
  if (fromEnv) return { brokers: fromEnv, started: false, stop: async () => undefined };

  const log = opts.log ?? defaultLog;
  // Ports set by the caller or KAFKA_PORT are kept or refused; the default moves aside when
  // another process (say, a broker of another checkout) already holds it.
  const explicitPort = opts.port !== undefined || process.env['KAFKA_PORT'] !== undefined;
  let port = configuredPort(opts.port);
  let controllerPort = controllerPortFor(port);
  let brokers = [`127.0.0.1:${port}`];
  const paths = kafkaPaths(opts.brokerDir);
  for (const dir of [paths.root, paths.logs]) mkdirSync(dir, { recursive: true });

  return withFileLock(paths.lockFile, 10 * 60_000, log, async () => {
    const existing = readPid(paths.pidFile);
    if (existing !== undefined && isOurBroker(existing, paths)) {
      const runningPort = propertiesPort(paths);
      if (runningPort !== undefined && runningPort !== port && !explicitPort) {
        port = runningPort;
        brokers = [`127.0.0.1:${port}`];
      } else if (runningPort !== undefined && runningPort !== port) {
        throw new Error(
          `a Kafka broker from this repository already runs on port ${runningPort} (pid ${existing}), not ${port}; ` +
            `stop it first (node deploy/local/dist/infra.js down)`,
        );
      }
      // A broker we started passed the full check (topic create + delete) then; metadata is enough now.
      const reused = await waitUntilReady(
        brokers,
        REUSE_TIMEOUT_MS,
        () => (isOurBroker(existing, paths) ? undefined : 'the broker exited'),
        false,
      );
      if (reused.ok) {
        log(`reusing the running broker (pid ${existing}) on ${brokers[0]}`);
        return { brokers, started: false, stop: async () => undefined };
      }
      log(`the running broker (pid ${existing}) does not answer (${reused.reason}); restarting it`);
      await stopPid(existing, paths);
    } else if (existing !== undefined) {
      log(`removing a stale pid file (process ${existing} is not our broker)`);
    }
    rmSync(paths.pidFile, { force: true });
    rmSync(join(paths.data, '.lock'), { force: true });

    if (!explicitPort && ((await portAnswers(port)) || (await portAnswers(controllerPort)))) {
      const taken = port;
      port = await freePort();
      controllerPort = await freePort();
      brokers = [`127.0.0.1:${port}`];
      log(`port ${taken} is in use by another process; starting the broker on ${port} instead`);
    }
    for (const candidate of [port, controllerPort]) {
      if (await portAnswers(candidate)) {
        throw new Error(
          `port ${candidate} is already in use by another process, so the local Kafka broker cannot start; ` +
            `set KAFKA_PORT (and KAFKA_CONTROLLER_PORT) to free ports, or KAFKA_BROKERS to use that broker`,
        );
      }
    }

    const started = Date.now();
    await ensureJars(paths, log);
    writeFileSync(paths.properties, serverProperties(paths, port, controllerPort));
    await formatStorageIfNeeded(paths, log);

    // The JVM's own output (crashes, fatal errors) of this run only; the broker logs to server.log.
    const output = openSync(paths.consoleLog, 'w');
    let exitReason: string | undefined;
    let child;
    try {
      child = spawn(javaCommand(), [...jvmArgs(paths), 'kafka.Kafka', paths.properties], {
        cwd: paths.root,
        // Own process group: a Ctrl-C in the terminal reaches our process, which then stops the broker cleanly.
        detached: true,
        stdio: ['ignore', output, output],
      });
    } finally {
      closeSync(output);
    }
    const pid = await new Promise<number>((resolve, reject) => {
      child.once('spawn', () => resolve(child.pid!));
      child.once('error', (error: NodeJS.ErrnoException) =>
        reject(
          error.code === 'ENOENT'
            ? new Error(`'${javaCommand()}' was not found; Java 17+ is needed for Kafka`)
            : error,
        ),
      );
    });
    child.once('exit', (code, signal) => {
      exitReason = `the broker exited during start-up (code ${String(code)}, signal ${String(signal)})`;
    });
    child.unref();
    writeFileSync(paths.pidFile, `${pid}\n`);
    log(`starting Kafka ${kafkaVersion()} (pid ${pid}) on ${brokers[0]}, log: ${paths.serverLog}`);

    const ready = await waitUntilReady(brokers, READY_TIMEOUT_MS, () => exitReason);
    if (!ready.ok) {
      await stopPid(pid, paths).catch(() => undefined);
      throw new Error(`Kafka did not start: ${ready.reason}\n${brokerLogTail(paths)}`);
    }
    log(`ready on ${brokers[0]} in ${seconds(started)}`);

    let stopped = false;
    const onExit = (): void => {
      // Last resort when the process ends without stop(): the broker shuts itself down cleanly on SIGTERM.
      if (!stopped && isOurBroker(pid, paths)) process.kill(pid, 'SIGTERM');
    };
    if (!opts.keepRunning) process.once('exit', onExit);

    return {
      brokers,
      started: true,
      stop: async () => {
        if (stopped) return;
        stopped = true;
        process.removeListener('exit', onExit);
        if (isOurBroker(pid, paths)) await stopPid(pid, paths);
      },
    };
  });
}

/** Stops the broker recorded in <data dir>/kafka/broker.pid. Resolves true when one was running. */
export async function stopKafka(opts: { log?: (line: string) => void } = {}): Promise<boolean> {
  const log = opts.log ?? defaultLog;
  const paths = kafkaPaths();
  const pid = readPid(paths.pidFile);
  if (pid === undefined) return false;
  if (!isOurBroker(pid, paths)) {
    rmSync(paths.pidFile, { force: true });
    return false;
  }
  const started = Date.now();
  await stopPid(pid, paths);
  log(`stopped the broker (pid ${pid}) in ${seconds(started)}`);
  return true;
}

/** Whether the broker of <data dir>/kafka runs and answers (metadata only). */
export async function kafkaStatus(): Promise<KafkaStatus> {
  const paths = kafkaPaths();
  const pid = readPid(paths.pidFile);
  if (pid === undefined || !isOurBroker(pid, paths)) return { running: false };
  const port = propertiesPort(paths);
  const brokers = port === undefined ? [] : [`127.0.0.1:${port}`];
  let answering = false;
  try {
    await probe(brokers, false);
    answering = true;
  } catch {
    answering = false;
  }
  const version = existsSync(paths.libsMarker)
    ? (JSON.parse(readFileSync(paths.libsMarker, 'utf8')) as { kafkaVersion?: string }).kafkaVersion
    : undefined;
  return { running: answering, pid, brokers, ...(version ? { version } : {}) };
}
