/** `GET /api/v1/events`: the tenant's live events as Server-Sent Events, for staff screens. */
import type { FastifyInstance } from 'fastify';
import { AppError } from '../errors.ts';
import { requirePrincipal } from '../http/auth-hooks.ts';
import type { Platform } from '../platform.ts';
import type { DomainEvent } from './hub.ts';

const HEARTBEAT_MS = 20_000;

export function eventRoutes(app: FastifyInstance, platform: Platform) {
  const open = new Set<() => void>();
  // Streams never end by themselves: close them so that shutdown does not wait for them.
  app.addHook('preClose', async () => {
    for (const close of open) close();
  });

  app.get(
    '/api/v1/events',
    {
      schema: {
        tags: ['events'],
        summary: 'Live domain events of this tenant (text/event-stream)',
        produces: ['text/event-stream'],
      },
      config: { auth: 'required' },
    },
    async (request, reply) => {
      const tenant = request.tenant!;
      // The stream is for staff screens (the command centre), not for citizens' accounts.
      if (requirePrincipal(request).user.kind !== 'staff') throw new AppError('forbidden');
      const expiresAt = request.principal?.expiresAt;
      reply.hijack();
      const res = reply.raw;
      res.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-store',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
        'x-request-id': request.id,
      });
      res.write('retry: 3000\n\n');
      const send = (event: DomainEvent) => {
        res.write(`event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`);
      };
      const unsubscribe = platform.events.subscribe(tenant.id, send);
      const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), HEARTBEAT_MS);
      // A stream ends with the session or token that opened it (timers cap at ~24 days).
      const expiry = expiresAt
        ? setTimeout(() => close(), Math.min(expiresAt.getTime() - Date.now(), 2 ** 31 - 1))
        : undefined;
      const close = () => {
        clearInterval(heartbeat);
        clearTimeout(expiry);
        unsubscribe();
        open.delete(close);
        if (!res.writableEnded) res.end();
      };
      open.add(close);
      request.raw.on('close', close);
    },
  );
}
