// Runs the services side by side for `npm start`: prefixed output, readiness by HTTP, orderly stop.
import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { setTimeout as sleep } from 'node:timers/promises';

export interface ProcessSpec {
  name: string;
  command: string;
  args: string[];
  /** Added to (and overriding) this process's environment. */
  env?: Record<string, string>;
  /** Polled until it answers HTTP 200. */
  readyUrl?: string;
  cwd?: string;
}

export interface RunOptions {
  /** How long every readyUrl may take to answer 200 (default 60 s). */
  readyTimeoutMs?: number;
}

export interface RunningProcesses {
  /** SIGTERM to all, SIGKILL to whatever still runs after 10 s; resolves when all have exited. */
  stop(): Promise<void>;
  /** Resolves when every process has exited, whether stopped or on its own. */
  done: Promise<void>;
}

const STOP_GRACE_MS = 10_000;
const POLL_MS = 250;
const COLORS = [36, 33, 32, 35, 34, 96, 93, 92, 95, 94];

function useColor(): boolean {
  const force = process.env['FORCE_COLOR'];
  if (force !== undefined) return force !== '0' && force !== 'false';
  if (process.env['NO_COLOR'] !== undefined) return false;
  return Boolean(process.stdout.isTTY);
}

interface Entry {
  spec: ProcessSpec;
  child: ChildProcess;
  exited: Promise<void>;
  exit?: { code: number | null; signal: NodeJS.Signals | null };
  startError?: string;
  recent: string[];
}

function describeExit(exit: { code: number | null; signal: NodeJS.Signals | null }): string {
  return exit.signal ? `signal ${exit.signal}` : `code ${String(exit.code)}`;
}

async function answers200(url: string): Promise<boolean> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
    await response.body?.cancel().catch(() => undefined);
    return response.status === 200;
  } catch {
    return false;
  }
}

/**
 * Spawns every spec, prefixes each output line with `[name]`, and resolves once every readyUrl answers
 * 200. Rejects (after stopping what it started) if a process exits before all are ready or readiness
 * times out. A process that exits later on its own is reported on stderr with its exit code.
 */
export async function runProcesses(specs: ProcessSpec[], opts: RunOptions = {}): Promise<RunningProcesses> {
  const readyTimeoutMs = opts.readyTimeoutMs ?? 60_000;
  const width = Math.max(0, ...specs.map((spec) => spec.name.length));
  const color = useColor();
  let stopping = false;
  let ready = false;

  const label = (name: string, index: number): string => {
    const text = `[${name}]`.padEnd(width + 2);
    return color ? `\u001b[${COLORS[index % COLORS.length]!}m${text}\u001b[0m` : text;
  };
  const runnerLine = (line: string): void => {
    process.stderr.write(`${color ? '\u001b[1m' : ''}[runner]${color ? '\u001b[0m' : ''} ${line}\n`);
  };

  const entries: Entry[] = specs.map((spec, index) => {
    const child = spawn(spec.command, spec.args, {
      cwd: spec.cwd,
      env: { ...process.env, ...(color ? { FORCE_COLOR: '1' } : {}), ...spec.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const prefix = label(spec.name, index);
    const entry: Entry = { spec, child, exited: Promise.resolve(), recent: [] };
    const pipe = (stream: NodeJS.ReadableStream, out: NodeJS.WriteStream): void => {
      createInterface({ input: stream, crlfDelay: Infinity }).on('line', (line) => {
        entry.recent.push(line);
        if (entry.recent.length > 20) entry.recent.shift();
        out.write(`${prefix} ${line}\n`);
      });
    };
    pipe(child.stdout!, process.stdout);
    pipe(child.stderr!, process.stderr);
    entry.exited = new Promise<void>((resolve) => {
      child.once('error', (error) => {
        // Only spawn failures end up here (we never kill with an AbortSignal).
        entry.exit = { code: null, signal: null };
        entry.startError = `'${spec.command}': ${error.message}`;
        resolve();
      });
      child.once('exit', (code, signal) => {
        entry.exit = { code, signal };
        if (!stopping && ready) runnerLine(`${spec.name} exited unexpectedly (${describeExit(entry.exit)})`);
        resolve();
      });
    });
    return entry;
  });

  const done = Promise.all(entries.map((entry) => entry.exited)).then(() => undefined);

  const stop = async (): Promise<void> => {
    stopping = true;
    const running = entries.filter((entry) => !entry.exit);
    for (const entry of running) entry.child.kill('SIGTERM');
    const grace = new AbortController();
    const timedOut = await Promise.race([
      done.then(() => false),
      sleep(STOP_GRACE_MS, true, { signal: grace.signal }).catch(() => false),
    ]);
    // Do not let the pending grace timer keep this process alive.
    grace.abort();
    if (timedOut) {
      for (const entry of entries.filter((e) => !e.exit)) {
        runnerLine(`${entry.spec.name} did not stop within ${STOP_GRACE_MS / 1000} s; killing it`);
        entry.child.kill('SIGKILL');
      }
      await done;
    }
  };

  // Readiness: every process must have been spawned, every readyUrl must answer 200 before the deadline,
  // and no process may exit first.
  const deadline = Date.now() + readyTimeoutMs;
  const pending = new Set(entries.filter((entry) => entry.spec.readyUrl));
  try {
    await Promise.all(
      entries.map(
        (entry) =>
          new Promise<void>((resolve) => {
            if (entry.child.pid !== undefined || entry.exit) resolve();
            entry.child.once('spawn', () => resolve());
            void entry.exited.then(() => resolve());
          }),
      ),
    );
    for (;;) {
      const early = entries.find((entry) => entry.exit);
      if (early) {
        const lastLines = early.recent.length ? `; last output:\n${early.recent.join('\n')}` : '';
        const how = early.startError
          ? `could not be started: ${early.startError}`
          : `exited before it was ready (${describeExit(early.exit!)})`;
        throw new Error(`${early.spec.name} ${how}${lastLines}`);
      }
      if (pending.size === 0) break;
      if (Date.now() >= deadline) {
        const names = [...pending].map((entry) => `${entry.spec.name} (${entry.spec.readyUrl!})`).join(', ');
        throw new Error(`not ready within ${readyTimeoutMs / 1000} s: ${names}`);
      }
      const checks = await Promise.all(
        [...pending].map(async (entry) => [entry, await answers200(entry.spec.readyUrl!)] as const),
      );
      for (const [entry, ok] of checks) if (ok) pending.delete(entry);
      if (pending.size > 0) await sleep(POLL_MS);
    }
  } catch (error) {
    await stop();
    throw error;
  }
  ready = true;
  return { stop, done };
}
