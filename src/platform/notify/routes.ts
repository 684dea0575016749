/**
 * `GET /api/v1/dev/mailbox`: the development mailbox of the tenant, newest first, for tenant
 * administrators. Registered only outside production.
 */
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { Config } from '../config.ts';
import type { TenantScope } from '../db/tenant-scope.ts';
import { actorOf } from '../http/auth-hooks.ts';
import type { Platform } from '../platform.ts';

const MailboxMessage = Type.Object({
  id: Type.String(),
  channel: Type.String(),
  from: Type.String(),
  to: Type.String(),
  subject: Type.Union([Type.String(), Type.Null()]),
  body: Type.String(),
  receivedAt: Type.String(),
});

const MailboxQuery = Type.Object(
  {
    to: Type.Optional(Type.String({ maxLength: 320 })),
    before: Type.Optional(Type.String({ format: 'uuid' })),
    limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
    lang: Type.Optional(Type.String()),
  },
  { additionalProperties: false },
);

/** The tenant's development mailbox, newest first; filtered by recipient, paged by `before` (an id). */
export async function listDevMailbox(
  scope: TenantScope,
  q: { to?: string | undefined; before?: string | undefined; limit: number },
) {
  let query = scope.trx.selectFrom('dev_mailbox').selectAll().where('tenant_id', '=', scope.tenantId);
  if (q.to) query = query.where('recipient', '=', q.to);
  if (q.before) query = query.where('id', '<', q.before);
  return query.orderBy('id', 'desc').limit(q.limit).execute();
}

/**
 * Whether the mailbox route is served: outside production only. The console asks the same
 * question (its page's configuration) to show the mailbox's screen.
 */
export function devMailboxServed(config: Pick<Config, 'env'>): boolean {
  return config.env !== 'production';
}

/** Registers the mailbox route, outside production only. */
export function notifyRoutes(app: FastifyInstance, platform: Platform) {
  if (!devMailboxServed(platform.config)) return;
  app.get<{ Querystring: { to?: string; before?: string; limit: number } }>(
    '/api/v1/dev/mailbox',
    {
      schema: {
        tags: ['development'],
        description:
          'The emails and SMS the platform sent for this tenant through the development mailbox (used when no provider is configured). Not available in production.',
        summary: 'Messages the development mailbox received for this tenant (not in production)',
        querystring: MailboxQuery,
        response: {
          200: Type.Object(
            { items: Type.Array(MailboxMessage), next: Type.Union([Type.String(), Type.Null()]) },
            {
              examples: [
                {
                  items: [
                    {
                      id: '01939e07-2c5d-7b19-8f4a-3d6e0c9b1a72',
                      channel: 'email',
                      from: 'noreply@tangerangkota.go.id',
                      to: 'budi.santoso@example.id',
                      subject: 'Laporan 261204-K7QX2 diterima',
                      body: 'Laporan Anda tentang jalan berlubang di Jl. Daan Mogot sudah kami terima.',
                      receivedAt: '2026-12-04T02:20:11.000Z',
                    },
                  ],
                  next: null,
                },
              ],
            },
          ),
        },
      },
      config: { permission: 'platform.mailbox.read' },
    },
    async (request) => {
      const q = request.query;
      const rows = await platform.inTenantRead(request.tenant!.id, actorOf(request), (scope) =>
        listDevMailbox(scope, { to: q.to, before: q.before, limit: q.limit }),
      );
      return {
        items: rows.map((r) => ({
          id: r.id,
          channel: r.channel,
          from: r.sender,
          to: r.recipient,
          subject: r.subject,
          body: r.body,
          receivedAt: r.received_at.toISOString(),
        })),
        next: rows.length === q.limit ? (rows.at(-1)?.id ?? null) : null,
      };
    },
  );
}
