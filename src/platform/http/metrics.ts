/**
 * Prometheus metrics at `/metrics`: process defaults plus request counts and durations by route.
 * They tell the routes, load and errors of the deployment: with `METRICS_TOKEN` set the scraper
 * must send it as a bearer token (401 otherwise); in production without a token `/metrics` is
 * closed (404), so it is never public by omission.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { collectDefaultMetrics, Histogram, Registry } from 'prom-client';
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
): Registry {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
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
