/**
 * Typed configuration, read once from the environment at boot, validated with every problem listed,
 * then frozen. Per-tenant settings live in the database, not here.
 */
import { isIP } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { getHeapStatistics } from 'node:v8';
import type { StorageConfig } from './files/storage.ts';

export type Config = Readonly<{
  env: 'development' | 'test' | 'production';
  host: string;
  port: number;
  /** Postgres URL; when absent the embedded PGlite database in `dataDir` is used. */
  databaseUrl: string | undefined;
  /**
   * A streaming replica of that database (a hot standby), PostgreSQL only: reads that may be
   * slightly stale run there (`platform.inTenantReplica`), under the same row-level security, and
   * go to the primary while the replica lags more than `maxLagMs` behind it or cannot be reached.
   * Undefined without `DATABASE_REPLICA_URL`: those reads run on the primary.
   */
  databaseReplica: Readonly<{ url: string; maxLagMs: number }> | undefined;
  /**
   * How long PostgreSQL may keep a request waiting (milliseconds): a statement, opening a
   * connection or waiting for a free one, a transaction left idle. Past them the request answers
   * 503 with Retry-After. Not applied to migrations.
   */
  databaseTimeouts: Readonly<{ statementMs: number; connectMs: number; idleInTransactionMs: number }>;
  /** Directory for the embedded database and local files. `memory://` keeps PGlite in memory. */
  dataDir: string;
  /** Base domain: a tenant is also reached at `<slug>.<baseDomain>`. */
  baseDomain: string;
  logLevel: string;
  /**
   * `line`: one readable line per request (and per other record, an error's stack below it), the
   * default outside production; `json`: pino's JSON records for a log collector, the default in
   * production.
   */
  logFormat: 'line' | 'json';
  /** Write the demo tenants (with their published password) on first start: never by default in production. */
  seedDemo: boolean;
  /**
   * Which `X-Forwarded-For` hops to believe (behind a reverse proxy): none (false), the last N
   * (the number of proxies in front), or those appended by the listed addresses/CIDRs.
   */
  trustProxy: false | number | readonly string[];
  /** Bearer token that `/metrics` requires; in production without one, `/metrics` is closed. */
  metricsToken: string | undefined;
  /**
   * The tenant cache of each process (cache/tenant-cache.ts): its budget in bytes (an estimate of
   * what its entries keep in memory; the least recently used go first beyond it) — by default a
   * third of the JavaScript heap's limit (`--max-old-space-size`, which Node sets from the
   * machine's memory), so that a full cache cannot exhaust the heap — and how long an entry may be
   * served without an invalidation (give or take 15 %, so that entries loaded together do not
   * expire together).
   */
  cache: Readonly<{ maxBytes: number; ttlMs: number }>;
  /**
   * Grouped writes (db/tenant-write-groups.ts): how many of a tenant's groups may be in flight at
   * once in this process; 0 runs every grouped write alone, as `inTenant` would.
   */
  writeGroupsPerTenant: number;
  /** Cookie `Secure` flag: on everywhere but development and test. */
  secureCookies: boolean;
  sessionTtlHours: number;
  login: Readonly<{ maxFailures: number; lockMinutes: number; ratePerMinute: number }>;
  /** Where uploaded files live: a directory, or an S3-compatible bucket. */
  files: StorageConfig;
  /**
   * Outgoing email: an SMTP server (`smtp://user:pass@host:587`, `smtps://…:465`) and the sender.
   * Without `smtpUrl` (allowed outside production) messages go to the development mailbox.
   */
  mail: Readonly<{ smtpUrl: string | undefined; from: string }>;
  /** Delivery of the notification outbox: attempts before a message is given up, first retry delay. */
  notify: Readonly<{ maxAttempts: number; retrySeconds: number }>;
  /**
   * The exchange with SP4N-LAPOR!, the national complaint service: its API's base URL, the bearer
   * token and the timeout of one call. Undefined (the exchange is off) without `LAPOR_URL`.
   */
  lapor: Readonly<{ url: string; token: string; timeoutMs: number }> | undefined;
  /**
   * The map tiles that the portal and console draw under their maps: an XYZ URL template
   * (`https://tiles.example/{z}/{x}/{y}.png`) and its attribution (HTML, shown by Leaflet). By
   * default OpenStreetMap's standard tiles (not in tests, which never reach the internet);
   * `MAP_TILE_URL=none` turns tiles off. Without tiles, or when they cannot load, the maps still
   * draw the tenant's area, the points and a legend, and take a pin.
   */
  map: Readonly<{ tileUrl: string | undefined; attribution: string }>;
  /**
   * The address people reach the platform at (`https://balai.example.go.id`), for links in
   * messages that leave it (a report's receipt, an unsubscribe link). Default outside production:
   * `http://localhost:<port>`; in production: `https://<base domain>`.
   */
  publicUrl: string;
}>;

/**
 * OpenStreetMap's standard tiles, the default basemap: free for light use under its tile usage
 * policy (attribution shown, a Referer sent, no bulk downloads). A region with heavy traffic sets
 * its own tile server (or a provider's) in MAP_TILE_URL.
 */
export const OSM_TILE_URL = 'https://tile.openstreetmap.org/{z}/{x}/{y}.png';
export const OSM_ATTRIBUTION =
  '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors';

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

/**
 * `TRUST_PROXY`: a number of proxies, or their addresses. `true` is refused: it would trust every
 * hop, so the left-most `X-Forwarded-For` value — which the client writes — would be its address.
 */
function trustProxyVar(env: Env, problems: string[]): Config['trustProxy'] {
  const raw = env.TRUST_PROXY?.trim();
  if (!raw || raw === 'false') return false;
  if (raw === 'true') {
    problems.push(
      'TRUST_PROXY=true would take the address a client writes in X-Forwarded-For: set the number of proxies in front of Balai (TRUST_PROXY=1 for one) or their addresses (TRUST_PROXY=10.0.0.2,10.1.0.0/16)',
    );
    return false;
  }
  if (/^\d+$/.test(raw)) {
    const hops = Number(raw);
    if (hops >= 1 && hops <= 10) return hops;
  } else {
    const list = raw.split(',').map((a) => a.trim());
    const valid = (entry: string) => {
      const [address = '', bits, ...rest] = entry.split('/');
      const family = isIP(address);
      if (family === 0 || rest.length > 0) return false;
      if (bits === undefined) return true;
      return /^\d+$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128);
    };
    if (list.every(valid)) return Object.freeze(list);
  }
  problems.push(
    `TRUST_PROXY must be false, a number of proxies from 1 to 10, or a comma-separated list of their addresses or CIDRs (got "${raw}")`,
  );
  return false;
}

/** `PUBLIC_URL`: an http(s) origin with an optional path, kept without its trailing slash. */
function publicUrlVar(
  env: Env,
  envName: string,
  baseDomain: string,
  port: number,
  problems: string[],
): string {
  const raw = env.PUBLIC_URL?.trim();
  if (!raw) return envName === 'production' ? `https://${baseDomain}` : `http://localhost:${port}`;
  let url: URL | undefined;
  try {
    url = new URL(raw);
  } catch {
    // Reported below.
  }
  const ok =
    url &&
    !url.search &&
    !url.hash &&
    (url.protocol === 'https:' || (url.protocol === 'http:' && envName !== 'production'));
  if (!ok) {
    problems.push(
      `PUBLIC_URL must be an https:// address such as https://balai.example.go.id (http:// outside production only; got "${raw}")`,
    );
  }
  return raw.replace(/\/+$/, '');
}

/** A third of the heap's limit, in MiB: what the tenant cache may hold unless CACHE_MAX_MB says. */
export function defaultCacheMb(): number {
  return Math.max(1, Math.floor(getHeapStatistics().heap_size_limit / 3 / 1024 / 1024));
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
  const replicaUrl = env.DATABASE_REPLICA_URL || undefined;
  if (replicaUrl !== undefined && !/^postgres(ql)?:\/\//.test(replicaUrl)) {
    problems.push('DATABASE_REPLICA_URL must start with postgres:// or postgresql://');
  }
  if (replicaUrl !== undefined && databaseUrl === undefined) {
    problems.push(
      'DATABASE_REPLICA_URL is set but DATABASE_URL is not: a read replica needs a PostgreSQL primary (the embedded database has none)',
    );
  }
  const replicaMaxLagMs = intVar(env, 'DATABASE_REPLICA_MAX_LAG_SECONDS', 30, problems, 1, 86_400) * 1000;
  const baseDomain = (env.BASE_DOMAIN ?? 'localhost').toLowerCase();
  if (!/^[a-z0-9.-]+$/.test(baseDomain))
    problems.push(`BASE_DOMAIN is not a domain name (got "${baseDomain}")`);
  const logLevel = env.LOG_LEVEL ?? (envName === 'test' ? 'silent' : 'info');
  if (!['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].includes(logLevel)) {
    problems.push(
      `LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent (got "${logLevel}")`,
    );
  }
  const logFormat = env.LOG_FORMAT || (envName === 'production' ? 'json' : 'line');
  if (logFormat !== 'line' && logFormat !== 'json') {
    problems.push(`LOG_FORMAT must be line (one readable line per request) or json (got "${logFormat}")`);
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
  const smtpUrl = env.SMTP_URL || undefined;
  if (smtpUrl !== undefined && !/^smtps?:\/\/[^/]/.test(smtpUrl)) {
    problems.push('SMTP_URL must look like smtp://user:password@host:587 or smtps://…');
  }
  if (smtpUrl === undefined && envName === 'production') {
    problems.push('SMTP_URL must be set in production (the development mailbox is not for real mail)');
  }
  const mailFrom = env.MAIL_FROM || `Balai <no-reply@${baseDomain}>`;
  if (!/^[^<>@\s]+@[^<>@\s]+$|<[^<>@\s]+@[^<>@\s]+>$/.test(mailFrom)) {
    problems.push(`MAIL_FROM must be an address, optionally with a name: "Name <a@b.c>" (got "${mailFrom}")`);
  }
  const laporUrl = env.LAPOR_URL || undefined;
  let lapor: Config['lapor'];
  if (laporUrl !== undefined) {
    let protocol = '';
    try {
      protocol = new URL(laporUrl).protocol;
    } catch {
      // Reported below.
    }
    // Plain http only for a local stand-in (the fake service); the token must not travel in clear.
    if (protocol !== 'https:' && !(protocol === 'http:' && envName !== 'production')) {
      problems.push('LAPOR_URL must be an https:// URL (http:// is allowed outside production only)');
    }
    if (!env.LAPOR_TOKEN) problems.push('LAPOR_URL is set, so LAPOR_TOKEN must be set too');
    lapor = {
      url: laporUrl,
      token: env.LAPOR_TOKEN ?? '',
      timeoutMs: intVar(env, 'LAPOR_TIMEOUT_SECONDS', 10, problems, 1, 120) * 1000,
    };
  } else if (env.LAPOR_TOKEN) {
    problems.push('LAPOR_TOKEN is set but LAPOR_URL is not');
  }
  // Tests never fetch a real tile server: they name a made-up one when they want tiles.
  const tileSetting = env.MAP_TILE_URL || (envName === 'test' ? 'none' : OSM_TILE_URL);
  const tileUrl = tileSetting === 'none' ? undefined : tileSetting;
  if (tileUrl !== undefined) {
    let ok = false;
    try {
      const u = new URL(tileUrl.replaceAll(/\{[xyzs]\}/g, '0'));
      ok = u.protocol === 'https:' || (u.protocol === 'http:' && envName !== 'production');
    } catch {
      // Reported below.
    }
    if (!ok || !['{x}', '{y}', '{z}'].every((p) => tileUrl.includes(p))) {
      problems.push(
        'MAP_TILE_URL must be an https:// URL template with {z}, {x} and {y} (http:// outside production only), or none',
      );
    }
  }
  const port = intVar(env, 'PORT', 3000, problems, 0, 65535);
  const publicUrl = publicUrlVar(env, envName, baseDomain, port, problems);
  const metricsToken = env.METRICS_TOKEN || undefined;
  if (metricsToken !== undefined && metricsToken.length < 32) {
    problems.push('METRICS_TOKEN must be at least 32 characters (e.g. `openssl rand -hex 32`)');
  }
  const config: Config = {
    env: envName as Config['env'],
    host: env.HOST ?? '127.0.0.1',
    port,
    databaseUrl,
    databaseReplica: replicaUrl ? { url: replicaUrl, maxLagMs: replicaMaxLagMs } : undefined,
    databaseTimeouts: {
      statementMs: intVar(env, 'DATABASE_STATEMENT_TIMEOUT_MS', 30_000, problems, 100, 3_600_000),
      connectMs: intVar(env, 'DATABASE_CONNECT_TIMEOUT_MS', 5_000, problems, 100, 600_000),
      idleInTransactionMs: intVar(
        env,
        'DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS',
        60_000,
        problems,
        100,
        3_600_000,
      ),
    },
    dataDir,
    baseDomain,
    logLevel,
    logFormat: logFormat === 'json' ? 'json' : 'line',
    seedDemo: env.SEED_DEMO ? env.SEED_DEMO === 'true' : envName !== 'production',
    trustProxy: trustProxyVar(env, problems),
    metricsToken,
    cache: {
      maxBytes: intVar(env, 'CACHE_MAX_MB', defaultCacheMb(), problems, 1, 1_048_576) * 1024 * 1024,
      ttlMs: intVar(env, 'CACHE_TTL_SECONDS', 600, problems, 1, 86_400) * 1000,
    },
    writeGroupsPerTenant: intVar(env, 'WRITE_GROUPS_PER_TENANT', 4, problems, 0, 64),
    secureCookies: env.SECURE_COOKIES ? env.SECURE_COOKIES === 'true' : envName === 'production',
    sessionTtlHours: intVar(env, 'SESSION_TTL_HOURS', 12, problems, 1, 24 * 90),
    login: {
      maxFailures: intVar(env, 'LOGIN_MAX_FAILURES', 5, problems, 1, 100),
      lockMinutes: intVar(env, 'LOGIN_LOCK_MINUTES', 15, problems, 1, 24 * 60),
      ratePerMinute: intVar(env, 'LOGIN_RATE_PER_MINUTE', 20, problems, 1, 10_000),
    },
    files,
    mail: { smtpUrl, from: mailFrom },
    map: {
      tileUrl,
      attribution: env.MAP_TILE_ATTRIBUTION ?? (tileUrl === OSM_TILE_URL ? OSM_ATTRIBUTION : ''),
    },
    notify: {
      maxAttempts: intVar(env, 'NOTIFY_MAX_ATTEMPTS', 8, problems, 1, 50),
      retrySeconds: intVar(env, 'NOTIFY_RETRY_SECONDS', 60, problems, 1, 86_400),
    },
    lapor,
    publicUrl,
  };
  if (env.SEED_DEMO && env.SEED_DEMO !== 'true' && env.SEED_DEMO !== 'false') {
    problems.push(`SEED_DEMO must be true or false (got "${env.SEED_DEMO}")`);
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return Object.freeze(config);
}
