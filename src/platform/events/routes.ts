/** `GET /api/v1/events`: the tenant's live events as Server-Sent Events, for staff screens. */
import type { OutgoingHttpHeaders } from 'node:http';
import type { FastifyInstance } from 'fastify';
import { AppError } from '../errors.ts';
import { fileAnswer } from '../http/answers.ts';
import { principalReloader, requirePrincipal } from '../http/auth-hooks.ts';
import { AUTH_TAG, type Principal } from '../people/auth.ts';
import type { Platform } from '../platform.ts';
import type { DomainEvent } from './hub.ts';

const HEARTBEAT_MS = 20_000;

/** The grants, as a comparable key: a stream ends when its holder's rights change. */
function rightsOf(principal: Principal): string {
  return `${principal.user.kind}:${principal.grants
    .map((g) => g.id)
    .sort()
    .join(',')}`;
}

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
        response: {
          200: fileAnswer(
            'Server-Sent Events, one domain event a message, until the caller’s rights change',
            ['text/event-stream'],
            'retry: 3000\n\nevent: reports.report.transitioned\ndata: {"tenantId":"3f2c8a10-6b1e-4d2f-9a7c-1e5b0d4c2a98","type":"reports.report.transitioned","entityType":"report","entityId":"7d0c3f52-2b8e-4a61-9f0d-3c5e8a1b2d47","at":"2026-12-06T03:15:00.000Z","data":{"to":"verified"}}\n\n',
          ),
        },
        description:
          'Ends when the session or token that opened it ends (expiry, sign-out, password reset, revocation, a disabled account) or when its holder’s roles change, on whichever server that happens; EventSource then reconnects under the rights the caller has now.',
      },
      config: { auth: 'required' },
    },
    async (request, reply) => {
      const tenant = request.tenant!;
      const principal = requirePrincipal(request);
      // The stream is for staff screens (the command centre), not for citizens' accounts, nor for
      // staff whose every role was taken away.
      if (principal.user.kind !== 'staff' || principal.grants.length === 0) throw new AppError('forbidden');
      const expiresAt = principal.expiresAt;
      const rights = rightsOf(principal);
      const reload = principalReloader(platform, request);
      reply.hijack();
      const res = reply.raw;
      res.writeHead(200, {
        // What the hooks set for every answer (the request id, nosniff, HSTS in production).
        ...(reply.getHeaders() as OutgoingHttpHeaders),
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-store',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
      });
      res.write('retry: 3000\n\n');
      const send = (event: DomainEvent) => {
        res.write(`event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`);
      };
      const unsubscribe = platform.events.subscribe(tenant.id, send);

      // The stream lasts as long as the principal that opened it, unchanged. Every change to
      // sessions, tokens and grants invalidates the tenant's AUTH_TAG on every server (NOTIFY):
      // the stream then checks its principal again, and the heartbeat does too, in case an
      // invalidation was missed (a lost notification connection: the cache's TTL bounds that).
      let checking = false;
      let again = false;
      const recheck = () => {
        if (checking) {
          again = true;
          return;
        }
        checking = true;
        reload()
          .then(
            (now) => {
              if (!now || rightsOf(now) !== rights) close();
            },
            () => {
              // The database did not answer: the heartbeat asks again.
            },
          )
          .finally(() => {
            checking = false;
            if (again && open.has(close)) {
              again = false;
              recheck();
            }
          });
      };
      const unwatch = platform.cache.watch((tenantId, tag) => {
        if (tenantId === null || (tenantId === tenant.id && tag === AUTH_TAG)) recheck();
      });
      const heartbeat = setInterval(() => {
        res.write(': keep-alive\n\n');
        recheck();
      }, HEARTBEAT_MS);
      // A stream ends with the session or token that opened it (timers cap at ~24 days).
      const expiry = expiresAt
        ? setTimeout(() => close(), Math.min(expiresAt.getTime() - Date.now(), 2 ** 31 - 1))
        : undefined;
      const close = () => {
        clearInterval(heartbeat);
        clearTimeout(expiry);
        unsubscribe();
        unwatch();
        open.delete(close);
        if (!res.writableEnded) res.end();
      };
      open.add(close);
      request.raw.on('close', close);
    },
  );
}
