/**
 * Typed configuration, read once from the environment at boot, validated with every problem listed,
 * then frozen. Per-tenant settings live in the database, not here.
 */
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { StorageConfig } from './files/storage.ts';

export type Config = Readonly<{
  env: 'development' | 'test' | 'production';
  host: string;
  port: number;
  /** Postgres URL; when absent the embedded PGlite database in `dataDir` is used. */
  databaseUrl: string | undefined;
  /** Directory for the embedded database and local files. `memory://` keeps PGlite in memory. */
  dataDir: string;
  /** Base domain: a tenant is also reached at `<slug>.<baseDomain>`. */
  baseDomain: string;
  logLevel: string;
  /** Cookie `Secure` flag: on everywhere but development and test. */
  secureCookies: boolean;
  sessionTtlHours: number;
  login: Readonly<{ maxFailures: number; lockMinutes: number; ratePerMinute: number }>;
  /** Where uploaded files live: a directory, or an S3-compatible bucket. */
  files: StorageConfig;
}>;

export class ConfigError extends Error {
  readonly problems: string[];
  constructor(problems: string[]) {
    super(`Invalid configuration:\n- ${problems.join('\n- ')}`);
    this.name = 'ConfigError';
    this.problems = problems;
  }
}

type Env = Record<string, string | undefined>;

function intVar(
  env: Env,
  name: string,
  fallback: number,
  problems: string[],
  min = 0,
  max = 1_000_000,
): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) {
    problems.push(`${name} must be an integer between ${min} and ${max} (got "${raw}")`);
    return fallback;
  }
  return n;
}

/** Reads and validates the configuration; throws a ConfigError listing every problem at once. */
export function loadConfig(env: Env = process.env): Config {
  const problems: string[] = [];
  const envName = env.NODE_ENV ?? 'development';
  if (envName !== 'development' && envName !== 'test' && envName !== 'production') {
    problems.push(`NODE_ENV must be development, test or production (got "${envName}")`);
  }
  const databaseUrl = env.DATABASE_URL || undefined;
  if (databaseUrl !== undefined && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    problems.push('DATABASE_URL must start with postgres:// or postgresql://');
  }
  const baseDomain = (env.BASE_DOMAIN ?? 'localhost').toLowerCase();
  if (!/^[a-z0-9.-]+$/.test(baseDomain))
    problems.push(`BASE_DOMAIN is not a domain name (got "${baseDomain}")`);
  const logLevel = env.LOG_LEVEL ?? (envName === 'test' ? 'silent' : 'info');
  if (!['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].includes(logLevel)) {
    problems.push(
      `LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent (got "${logLevel}")`,
    );
  }
  const dataDir = env.DATA_DIR === 'memory://' ? 'memory://' : path.resolve(env.DATA_DIR ?? 'data');
  let files: StorageConfig;
  if (env.S3_BUCKET) {
    const missing = ['S3_ENDPOINT', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY'].filter((k) => !env[k]);
    if (missing.length > 0) problems.push(`S3_BUCKET is set, so ${missing.join(', ')} must be set too`);
    files = {
      kind: 's3',
      bucket: env.S3_BUCKET,
      endpoint: env.S3_ENDPOINT ?? '',
      region: env.S3_REGION ?? 'us-east-1',
      accessKeyId: env.S3_ACCESS_KEY_ID ?? '',
      secretAccessKey: env.S3_SECRET_ACCESS_KEY ?? '',
    };
  } else {
    // An in-memory database still needs a real directory for files: a temporary one.
    const root =
      env.FILES_DIR ??
      (dataDir === 'memory://'
        ? path.join(tmpdir(), `balai-files-${process.pid}`)
        : path.join(dataDir, 'files'));
    files = { kind: 'local', root: path.resolve(root) };
  }
  const config: Config = {
    env: envName as Config['env'],
    host: env.HOST ?? '127.0.0.1',
    port: intVar(env, 'PORT', 3000, problems, 0, 65535),
    databaseUrl,
    dataDir,
    baseDomain,
    logLevel,
    secureCookies: env.SECURE_COOKIES ? env.SECURE_COOKIES === 'true' : envName === 'production',
    sessionTtlHours: intVar(env, 'SESSION_TTL_HOURS', 12, problems, 1, 24 * 90),
    login: {
      maxFailures: intVar(env, 'LOGIN_MAX_FAILURES', 5, problems, 1, 100),
      lockMinutes: intVar(env, 'LOGIN_LOCK_MINUTES', 15, problems, 1, 24 * 60),
      ratePerMinute: intVar(env, 'LOGIN_RATE_PER_MINUTE', 20, problems, 1, 10_000),
    },
    files,
  };
  if (problems.length > 0) throw new ConfigError(problems);
  return Object.freeze(config);
}
