/**
 * Prometheus metrics at `/metrics`: process defaults, request counts and durations by route, and
 * the tenant cache's hits, misses, evictions and bytes. They tell the routes, load and errors of
 * the deployment: with `METRICS_TOKEN` set the scraper
 * must send it as a bearer token (401 otherwise); in production without a token `/metrics` is
 * closed (404), so it is never public by omission.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { CacheStats } from '../cache/lru-by-bytes.ts';
import type { Config } from '../config.ts';
import { AppError, notFound } from '../errors.ts';

const digest = (value: string) => createHash('sha256').update(value).digest();

/** Whether the request carries the metrics token (compared in constant time, whatever its length). */
function hasToken(request: FastifyRequest, token: string): boolean {
  const sent = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1] ?? '';
  return timingSafeEqual(digest(sent), digest(token));
}

/** Registers the metrics hooks and the `/metrics` route on `app` (one registry per app). */
export function registerMetrics(
  app: FastifyInstance,
  config: Pick<Config, 'env' | 'metricsToken'>,
  cache: { stats(): CacheStats },
  writeGroups?: { stats(): Readonly<{ ran: number; units: number }> },
): Registry {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  registerCacheMetrics(registry, cache);
  if (writeGroups) registerWriteGroupMetrics(registry, writeGroups);
  const duration = new Histogram({
    name: 'balai_http_request_duration_seconds',
    help: 'HTTP request duration by method, route and status',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  });
  app.addHook('onResponse', (request, reply, done) => {
    duration.observe(
      {
        method: request.method,
        route: request.routeOptions.url ?? 'unmatched',
        status: String(reply.statusCode),
      },
      reply.elapsedTime / 1000,
    );
    done();
  });
  const token = config.metricsToken;
  const closed = token === undefined && config.env === 'production';
  app.get('/metrics', { schema: { hide: true } }, async (request, reply) => {
    if (closed) throw notFound('route');
    if (token !== undefined && !hasToken(request, token)) throw new AppError('unauthenticated');
    reply.type(registry.contentType);
    return registry.metrics();
  });
  return registry;
}

/**
 * A counter kept by a part of the platform itself, read when scraped: set to its figure (reset,
 * then the total).
 */
function keptCounter<S>(registry: Registry, source: { stats(): S }) {
  return (name: string, help: string, read: (s: S) => number) =>
    new Counter({
      name,
      help,
      registers: [registry],
      collect() {
        this.reset();
        this.inc(read(source.stats()));
      },
    });
}

/** Grouped writes (db/tenant-write-groups.ts): units over transactions is the mean group size. */
function registerWriteGroupMetrics(
  registry: Registry,
  groups: { stats(): Readonly<{ ran: number; units: number }> },
) {
  const counter = keptCounter(registry, groups);
  counter(
    'balai_write_groups_total',
    'Transactions run for grouped writes (platform.inTenantGrouped)',
    (s) => s.ran,
  );
  counter(
    'balai_write_group_units_total',
    'Grouped writes run in them (a write that ran again after another failed counts again)',
    (s) => s.units,
  );
}

/**
 * The tenant cache's figures, read from it when scraped. The counters run since the process
 * started; the hit ratio is the same since the start, for a reader without a Prometheus server
 * (with one, `rate(balai_cache_hits_total[5m])` over hits and misses tells the recent one).
 */
function registerCacheMetrics(registry: Registry, cache: { stats(): CacheStats }) {
  const counter = keptCounter(registry, cache);
  const gauge = (name: string, help: string, read: (s: CacheStats) => number) =>
    new Gauge({
      name,
      help,
      registers: [registry],
      collect() {
        this.set(read(cache.stats()));
      },
    });
  counter('balai_cache_hits_total', 'Tenant cache reads served from memory', (s) => s.hits);
  counter('balai_cache_misses_total', 'Tenant cache reads that had to load', (s) => s.misses);
  counter(
    'balai_cache_expired_total',
    'Tenant cache entries found past their TTL (each also a miss)',
    (s) => s.expired,
  );
  counter(
    'balai_cache_evictions_total',
    'Tenant cache entries dropped, least recently used first, to stay within the byte budget',
    (s) => s.evictions,
  );
  counter(
    'balai_cache_too_large_total',
    'Values the tenant cache did not keep: larger on their own than its budget',
    (s) => s.tooLarge,
  );
  gauge('balai_cache_entries', 'Entries in the tenant cache', (s) => s.entries);
  gauge('balai_cache_bytes', 'Estimated bytes the tenant cache holds, keys included', (s) => s.bytes);
  gauge('balai_cache_max_bytes', 'The tenant cache budget in bytes (CACHE_MAX_MB)', (s) => s.maxBytes);
  gauge(
    'balai_cache_hit_ratio',
    'Share of tenant cache reads served from memory since the process started',
    (s) => (s.hits + s.misses === 0 ? 0 : s.hits / (s.hits + s.misses)),
  );
}
