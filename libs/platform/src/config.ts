import { isTimeZone } from '@atrium/kernel';
import { z } from 'zod';

export interface ConfigVariable<S extends z.ZodType = z.ZodType> {
  schema: S;
  description: string;
  /** Sensitive values are never printed (boot summary, errors). */
  secret?: boolean;
}
export type ConfigSpec = Record<string, ConfigVariable>;
export type ConfigOf<S extends ConfigSpec> = { [K in keyof S]: z.infer<S[K]['schema']> };

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Validates the environment once, at boot, and names every bad variable at once. */
export function loadConfig<S extends ConfigSpec>(spec: S, env: NodeJS.ProcessEnv = process.env): ConfigOf<S> {
  const problems: string[] = [];
  const out: Record<string, unknown> = {};
  for (const [name, variable] of Object.entries(spec)) {
    const raw = env[name];
    const result = variable.schema.safeParse(raw === '' ? undefined : raw);
    if (result.success) {
      out[name] = result.data;
    } else {
      const shown = raw === undefined ? 'unset' : variable.secret ? '(hidden)' : JSON.stringify(raw);
      problems.push(
        `${name} (${shown}): ${result.error.issues.map((i) => i.message).join('; ')} — ${variable.description}`,
      );
    }
  }
  if (problems.length) throw new ConfigError(problems);
  return out as ConfigOf<S>;
}

/** Rows for documentation: name, default, description. */
export function describeConfig(
  spec: ConfigSpec,
): Array<{ name: string; default: string; description: string }> {
  return Object.entries(spec).map(([name, variable]) => {
    const parsed = variable.schema.safeParse(undefined);
    const fallback = parsed.success ? (parsed.data === undefined ? '—' : String(parsed.data)) : '(required)';
    return {
      name,
      default: variable.secret && parsed.success ? '(dev default)' : fallback,
      description: variable.description,
    };
  });
}

// Reusable variable schemas.
/** Whether the runtime knows this IANA time zone (e.g. Asia/Shanghai). */
export { isTimeZone };

export const port = (fallback: number) => z.coerce.number().int().min(1).max(65535).default(fallback);
export const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);
export const csv = () =>
  z.string().transform((value) =>
    value
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  );
export const bool = (fallback: boolean) =>
  z
    .enum(['true', 'false', '1', '0'], { message: 'must be true or false' })
    .default(fallback ? 'true' : 'false')
    .transform((v) => v === 'true' || v === '1');

/** Variables every Atrium process reads. */
export const platformConfigSpec = {
  NODE_ENV: {
    schema: z.enum(['development', 'test', 'production']).default('development'),
    description: 'Runtime mode; production refuses development secrets.',
  },
  LOG_LEVEL: {
    schema: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    description: 'pino log level.',
  },
  KAFKA_BROKERS: {
    schema: csv().pipe(
      z
        .array(z.string().regex(/^[^:\s]+:\d+$/, 'each broker must be host:port'))
        .min(1, 'needs at least one broker'),
    ),
    description: 'Kafka bootstrap servers, comma-separated (npm start sets it to the local broker).',
  },
  KAFKA_TOPIC_PREFIX: {
    schema: z
      .string()
      .regex(/^[a-z0-9._-]*$/, 'letters, digits, dot, dash, underscore')
      .default(''),
    description: 'Prefix added to every topic name (isolates test runs or environments sharing a cluster).',
  },
  DATABASE_URL: {
    schema: z
      .url({ message: 'must be a postgres:// URL' })
      .refine((u) => /^postgres(ql)?:\/\//.test(u), 'must start with postgres://'),
    description:
      "PostgreSQL server URL; each process uses its own database on it (see the process's *_DATABASE variable).",
  },
  MALL_TIME_ZONE: {
    schema: z
      .string()
      .refine(isTimeZone, 'must be an IANA time zone such as Asia/Shanghai')
      .default('Asia/Shanghai'),
    description: 'Time zone of business calendars.',
  },
  REQUEST_TIMEOUT_MS: {
    schema: positiveInt(5000),
    description: 'How long a request-reply call waits before UPSTREAM_TIMEOUT.',
  },
} satisfies ConfigSpec;
