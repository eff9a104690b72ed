import { hostname } from 'node:os';
import { z } from 'zod';
import {
  bool,
  ConfigError,
  loadConfig,
  platformConfigSpec,
  port,
  positiveInt,
  type ConfigOf,
  type ConfigSpec,
} from '@atrium/platform';

/** Signs development tokens only; a production gateway refuses to boot with it. */
export const DEV_JWT_SECRET = 'atrium-development-jwt-secret-not-for-production';
/** The shortest JWT_SECRET a production gateway accepts (HS256 wants at least 256 bits). */
export const MIN_PRODUCTION_SECRET_LENGTH = 32;

/** Every variable the gateway reads, validated once at boot. */
export const gatewayConfigSpec = {
  ...platformConfigSpec,
  GATEWAY_PORT: {
    schema: port(4000),
    description: 'HTTP port of the gateway: GraphQL at /graphql, /health/live, /health/ready, /metrics.',
  },
  DATABASE_NAME: {
    schema: z
      .string()
      .regex(/^[a-z_][a-z0-9_]*$/, 'lower-case letters, digits and underscores')
      .default('atrium_gateway'),
    description:
      "The gateway's own database (tenants, mall directory, staff accounts, API keys, sessions) on DATABASE_URL's server.",
  },
  JWT_SECRET: {
    schema: z.string().min(1).default(DEV_JWT_SECRET),
    secret: true,
    description: `HMAC key of access tokens (HS256). Required in production, at least ${MIN_PRODUCTION_SECRET_LENGTH} characters; development uses a built-in default.`,
  },
  ACCESS_TOKEN_TTL_SECONDS: { schema: positiveInt(900), description: 'Lifetime of an access token (JWT).' },
  REFRESH_TOKEN_TTL_DAYS: {
    schema: positiveInt(30),
    description: 'Lifetime of a refresh token; each refresh rotates it.',
  },
  LOGIN_CODE_TTL_SECONDS: {
    schema: positiveInt(300),
    description: 'How long an SMS login code stays valid.',
  },
  LOGIN_CODE_RESEND_SECONDS: {
    schema: positiveInt(60),
    description: 'Minimum time between two login codes sent to one phone.',
  },
  LOGIN_MAX_ATTEMPTS: {
    schema: positiveInt(5),
    description: 'Wrong login codes (or staff passwords) in a row that lock the phone (or username).',
  },
  LOGIN_LOCK_SECONDS: {
    schema: positiveInt(900),
    description: 'How long a phone or staff username stays locked after too many wrong attempts.',
  },
  API_KEY_ENVIRONMENT: {
    schema: z.enum(['live', 'test']).default('live'),
    description: 'Environment label inside new partner API keys (atr_<env>_<prefix>_<secret>).',
  },
  GATEWAY_SEED_DEMO: {
    schema: bool(false),
    description:
      'Seed the demo mall directory, staff accounts and partner key at boot (refused in production).',
  },
  INSTANCE_ID: {
    schema: z.string().default(`${hostname()}-${process.pid}`),
    description: 'Name of this gateway replica in logs and Kafka client ids.',
  },
} satisfies ConfigSpec;

export type GatewayConfig = ConfigOf<typeof gatewayConfigSpec>;

/**
 * Loads and validates the gateway's configuration. Besides each variable's own rule, a
 * production gateway must have its own strong JWT_SECRET and must not seed demo data; every
 * problem is reported at once.
 */
export function loadGatewayConfig(env: NodeJS.ProcessEnv = process.env): GatewayConfig {
  const problems: string[] = [];
  let config: GatewayConfig | undefined;
  try {
    config = loadConfig(gatewayConfigSpec, env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    problems.push(...error.problems);
  }
  if ((env.NODE_ENV ?? 'development') === 'production') {
    const secret = env.JWT_SECRET ?? '';
    if (secret === '') problems.push('JWT_SECRET (unset): required in production');
    else if (secret === DEV_JWT_SECRET)
      problems.push(
        'JWT_SECRET ((hidden)): is the development default; set a secret of your own in production',
      );
    else if (secret.length < MIN_PRODUCTION_SECRET_LENGTH) {
      problems.push(
        `JWT_SECRET ((hidden)): must be at least ${MIN_PRODUCTION_SECRET_LENGTH} characters in production`,
      );
    }
    if (config?.GATEWAY_SEED_DEMO)
      problems.push('GATEWAY_SEED_DEMO (true): demo accounts with known passwords are refused in production');
  }
  if (problems.length || !config) throw new ConfigError(problems);
  return config;
}

/** The seeding step's configuration (`npm start`): the gateway's, with the demo seed switched on. */
export function loadSeedConfig(env: NodeJS.ProcessEnv = process.env): GatewayConfig {
  return loadGatewayConfig({ ...env, GATEWAY_SEED_DEMO: 'true' });
}
