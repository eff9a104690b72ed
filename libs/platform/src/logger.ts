import { pino, type DestinationStream, type Logger } from 'pino';
import type { LoggerService } from '@nestjs/common';
import { currentContext } from './context.js';

export type { Logger } from 'pino';

/** Keys whose values never reach a log line, at any depth we log. */
const SECRET_KEYS = [
  'phone',
  'password',
  'code',
  'loginCode',
  'token',
  'accessToken',
  'refreshToken',
  'apiKey',
  'secret',
  'authorization',
  'x-api-key',
  'cookie',
];
const REDACT_PATHS = SECRET_KEYS.flatMap((key) => {
  const k = key.includes('-') ? `["${key}"]` : key;
  const dot = key.includes('-') ? '' : '.';
  return [k, `*${dot}${k}`, `*.*${dot}${k}`, `*.*.*${dot}${k}`];
}).map((p) => p.replace(/^\./, ''));

/** Masks phone numbers and bearer tokens inside free text (error messages, SQL parameters). */
export function scrubText(text: string): string {
  return text
    .replace(/(\+?\d{0,3})?1[3-9]\d{9}/g, (m) => `${m.slice(0, m.length - 8)}****${m.slice(-4)}`)
    .replace(/(Bearer\s+)[A-Za-z0-9._~+/=-]+/gi, '$1[redacted]')
    .replace(/\batr_[A-Za-z0-9_]+/g, 'atr_[redacted]');
}

let root: Logger | undefined;

export function rootLogger(): Logger {
  root ??= buildLogger();
  return root;
}

/** Names the process on every log line it writes from now on (read per line by the logger). */
export function nameProcess(service: string): void {
  process.env.ATRIUM_SERVICE = service;
}

/** The process logger's configuration; a destination other than stdout is for tests. */
export function buildLogger(destination?: DestinationStream, level = process.env.LOG_LEVEL ?? 'info'): Logger {
  return pino({
    level,
    base: { pid: process.pid },
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    timestamp: pino.stdTimeFunctions.isoTime,
    // Read per line: loggers made while modules load exist before main() names the process.
    mixin() {
      const ctx = currentContext();
      const service = process.env.ATRIUM_SERVICE ?? 'atrium';
      return ctx ? { service, correlationId: ctx.correlationId } : { service };
    },
    formatters: { level: (label) => ({ level: label }) },
    hooks: {
      logMethod(args, method) {
        // Free-text arguments are scrubbed too, so a phone in a message never leaks.
        const scrubbed = args.map((a) => (typeof a === 'string' ? scrubText(a) : a)) as typeof args;
        return method.apply(this, scrubbed);
      },
    },
  }, destination ?? pino.destination(1));
}

/**
 * Sends the process logger's lines to `destination` (tests that read what a whole process
 * logs). Call it before anything logs: loggers created earlier keep their old destination.
 */
export function setLogDestination(destination: DestinationStream): void {
  root = buildLogger(destination);
}

export function createLogger(component: string): Logger {
  return rootLogger().child({ component });
}

/** Serialises an error for a log line without leaking secrets in its message. */
export function errorForLog(error: unknown): Record<string, unknown> {
  if (error instanceof Error) {
    return { type: error.name, message: scrubText(error.message), stack: scrubText(error.stack ?? '') };
  }
  return { value: scrubText(String(error)) };
}

/** Nest's logger interface on top of pino, so framework lines are JSON with correlation ids too. */
export class PinoNestLogger implements LoggerService {
  private readonly log_ = createLogger('nest');
  log(message: unknown, context?: string) {
    this.log_.info({ context }, String(message));
  }
  error(message: unknown, trace?: string, context?: string) {
    this.log_.error({ context, trace: trace ? scrubText(trace) : undefined }, String(message));
  }
  warn(message: unknown, context?: string) {
    this.log_.warn({ context }, String(message));
  }
  debug(message: unknown, context?: string) {
    this.log_.debug({ context }, String(message));
  }
  verbose(message: unknown, context?: string) {
    this.log_.trace({ context }, String(message));
  }
}
