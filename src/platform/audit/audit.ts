/**
 * The audit trail: append-only (a trigger refuses UPDATE and DELETE), written in the same
 * transaction as the change it records, so a change and its record commit or vanish together — in a
 * `withTenant` transaction, with its COMMIT (db/commit-batch.ts: one round trip less per write).
 */
import { batchOf } from '../db/commit-batch.ts';
import type { TenantScope } from '../db/tenant-scope.ts';
import { newId } from '../ids.ts';

export type AuditEntry = {
  action: string;
  entityType: string;
  entityId?: string | null;
  before?: unknown;
  after?: unknown;
};

/** Fields never written to the trail, whatever entity they belong to. */
const SECRET_FIELDS = new Set(['password_hash', 'password', 'token_hash', 'csrf_token']);

function redact(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (Array.isArray(value)) return value.map(redact);
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = SECRET_FIELDS.has(k) ? '[redacted]' : redact(v);
    return out;
  }
  return value;
}

/** Records one change in the scope's tenant, by the scope's actor. */
export async function recordAudit(scope: TenantScope, entry: AuditEntry): Promise<void> {
  const row = {
    tenant_id: scope.tenantId,
    id: newId(),
    actor_user_id: scope.actor.userId,
    actor_label: scope.actor.label,
    action: entry.action,
    entity_type: entry.entityType,
    entity_id: entry.entityId ?? null,
    before: JSON.stringify(redact(entry.before)),
    after: JSON.stringify(redact(entry.after)),
    request_id: scope.actor.requestId,
    ip: scope.actor.ip,
  };
  const batch = batchOf(scope);
  if (batch) batch.add(scope.tenantId, 'audit_log', row);
  else await scope.trx.insertInto('audit_log').values(row).execute();
}

export type AuditQuery = {
  action?: string | undefined;
  entityType?: string | undefined;
  entityId?: string | undefined;
  actorUserId?: string | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
  /** Keyset paging: the id of the last row of the previous page. */
  before?: string | undefined;
  limit: number;
};

/** Reads the trail newest first, filtered; ids are time-ordered so paging is by id. */
export async function queryAudit(scope: TenantScope, q: AuditQuery) {
  let query = scope.trx.selectFrom('audit_log').selectAll().where('tenant_id', '=', scope.tenantId);
  if (q.action) query = query.where('action', '=', q.action);
  if (q.entityType) query = query.where('entity_type', '=', q.entityType);
  if (q.entityId) query = query.where('entity_id', '=', q.entityId);
  if (q.actorUserId) query = query.where('actor_user_id', '=', q.actorUserId);
  if (q.from) query = query.where('at', '>=', q.from);
  if (q.to) query = query.where('at', '<', q.to);
  if (q.before) query = query.where('id', '<', q.before);
  return query.orderBy('id', 'desc').limit(q.limit).execute();
}
