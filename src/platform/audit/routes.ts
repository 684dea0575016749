/** `GET /api/v1/audit`: the tenant's audit trail, for tenant administrators and auditors. */
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { actorOf } from '../http/auth-hooks.ts';
import type { Platform } from '../platform.ts';
import { queryAudit } from './audit.ts';

const AuditRow = Type.Object({
  id: Type.String(),
  at: Type.String(),
  actorUserId: Type.Union([Type.String(), Type.Null()]),
  actor: Type.Union([Type.String(), Type.Null()]),
  action: Type.String(),
  entityType: Type.String(),
  entityId: Type.Union([Type.String(), Type.Null()]),
  before: Type.Unknown(),
  after: Type.Unknown(),
  requestId: Type.Union([Type.String(), Type.Null()]),
  ip: Type.Union([Type.String(), Type.Null()]),
});

const auditExample = {
  items: [
    {
      id: '01939d21-4b7f-7c80-9a12-6e3d5f0b8c27',
      at: '2026-12-04T02:17:45.311Z',
      actorUserId: '01939a4e-7c21-7d3e-9a8b-2f41c6d0e512',
      actor: 'Siti Rahmawati',
      action: 'agency.update',
      entityType: 'agency',
      entityId: '01939a3f-0b6d-7e42-b1a9-8d2c4f6e0a17',
      before: { name: 'Dinas PU' },
      after: { name: 'Dinas Pekerjaan Umum dan Penataan Ruang' },
      requestId: '5b1e7c3a-9d24-4f6b-8a01-c2e9f7d4b356',
      ip: '103.47.132.18',
    },
  ],
  next: '01939d21-4b7f-7c80-9a12-6e3d5f0b8c27',
};

const AuditQuery = Type.Object(
  {
    action: Type.Optional(Type.String({ maxLength: 100 })),
    entityType: Type.Optional(Type.String({ maxLength: 100 })),
    entityId: Type.Optional(Type.String({ maxLength: 200 })),
    actor: Type.Optional(Type.String({ format: 'uuid' })),
    from: Type.Optional(Type.String({ format: 'date-time' })),
    to: Type.Optional(Type.String({ format: 'date-time' })),
    before: Type.Optional(Type.String({ format: 'uuid' })),
    limit: Type.Integer({ minimum: 1, maximum: 500, default: 100 }),
    lang: Type.Optional(Type.String()),
  },
  { additionalProperties: false },
);

type Query = {
  action?: string;
  entityType?: string;
  entityId?: string;
  actor?: string;
  from?: string;
  to?: string;
  before?: string;
  limit: number;
};

export function auditRoutes(app: FastifyInstance, platform: Platform) {
  app.get<{ Querystring: Query }>(
    '/api/v1/audit',
    {
      schema: {
        tags: ['audit'],
        description:
          'Every recorded change in the tenant: who, when, from which address, what it was before and after. Pages backwards with `before`.',
        summary: 'The audit trail, newest first (page with `before` = last id)',
        querystring: AuditQuery,
        response: {
          200: Type.Object(
            { items: Type.Array(AuditRow), next: Type.Union([Type.String(), Type.Null()]) },
            { examples: [auditExample] },
          ),
        },
      },
      config: { permission: 'platform.audit.read' },
    },
    async (request) => {
      const q = request.query;
      const rows = await platform.inTenantRead(request.tenant!.id, actorOf(request), (scope) =>
        queryAudit(scope, {
          action: q.action,
          entityType: q.entityType,
          entityId: q.entityId,
          actorUserId: q.actor,
          from: q.from ? new Date(q.from) : undefined,
          to: q.to ? new Date(q.to) : undefined,
          before: q.before,
          limit: q.limit,
        }),
      );
      return {
        items: rows.map((r) => ({
          id: r.id,
          at: r.at.toISOString(),
          actorUserId: r.actor_user_id,
          actor: r.actor_label,
          action: r.action,
          entityType: r.entity_type,
          entityId: r.entity_id,
          before: r.before,
          after: r.after,
          requestId: r.request_id,
          ip: r.ip,
        })),
        next: rows.length === q.limit ? (rows.at(-1)?.id ?? null) : null,
      };
    },
  );
}
