/**
 * A report's history and photos (`report_events`, `report_photos`). Every query filters
 * `tenant_id` itself, beside the row-level security underneath (ADR 0003).
 */
import { newId, type TenantScope } from '../../../platform/sdk/index.ts';
import type { ActorRole, Status } from '../lifecycle.ts';
import type { StoredPhoto } from '../photos.ts';
import { tx } from '../tables.ts';

export type EventInput = {
  kind: string;
  from: Status | null;
  to: Status | null;
  role: ActorRole;
  userId: string | null;
  agencyId?: string | null;
  note?: string | null;
  public?: boolean;
  data?: Record<string, unknown>;
  at: Date;
};

/** A step's row (public unless said otherwise), with a new id. */
export function eventRow(scope: TenantScope, reportId: string, e: EventInput) {
  return {
    tenant_id: scope.tenantId,
    id: newId(),
    report_id: reportId,
    at: e.at,
    kind: e.kind,
    from_status: e.from,
    to_status: e.to,
    actor_role: e.role,
    actor_user_id: e.userId,
    agency_id: e.agencyId ?? null,
    note: e.note ?? null,
    public: e.public ?? true,
    data: e.data && Object.keys(e.data).length > 0 ? JSON.stringify(e.data) : null,
  };
}

/** Adds a step to the report's history (public unless said otherwise); returns its id. */
export async function addEvent(scope: TenantScope, reportId: string, e: EventInput): Promise<string> {
  const row = eventRow(scope, reportId, e);
  await tx(scope).insertInto('report_events').values(row).execute();
  return row.id;
}

/** The report's history, oldest first. */
export function eventsOf(scope: TenantScope, reportId: string) {
  return tx(scope)
    .selectFrom('report_events')
    .selectAll()
    .where('tenant_id', '=', scope.tenantId)
    .where('report_id', '=', reportId)
    .orderBy('at')
    .orderBy('id')
    .execute();
}

/** The latest step that led the report to `status`, if any. */
export function latestStepTo(scope: TenantScope, reportId: string, status: Status) {
  return tx(scope)
    .selectFrom('report_events')
    .select(['kind', 'note', 'public', 'at'])
    .where('tenant_id', '=', scope.tenantId)
    .where('report_id', '=', reportId)
    .where('to_status', '=', status)
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export type PhotoKind = 'report' | 'before' | 'after' | 'progress';

/** Records stored photos on a report's step, each of `kind` unless `kinds` names its own. */
export async function insertPhotos(
  scope: TenantScope,
  reportId: string,
  eventId: string,
  kind: PhotoKind,
  photos: readonly StoredPhoto[],
  kinds?: readonly ('before' | 'after' | 'progress')[],
) {
  if (photos.length === 0) return;
  await tx(scope)
    .insertInto('report_photos')
    .values(
      photos.map((p, i) => ({
        tenant_id: scope.tenantId,
        id: newId(),
        report_id: reportId,
        event_id: eventId,
        kind: kinds?.[i] ?? kind,
        file_key: p.key,
        mime: p.mime,
        width: p.width,
        height: p.height,
        bytes: p.bytes,
      })),
    )
    .execute();
}

/** The report's photos, oldest first, with the step each belongs to. */
export function photosOf(scope: TenantScope, reportId: string) {
  return tx(scope)
    .selectFrom('report_photos')
    .select(['id', 'kind', 'event_id'])
    .where('tenant_id', '=', scope.tenantId)
    .where('report_id', '=', reportId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

/**
 * The photos the reporter filed with the report (those of a public step: what the reporter added
 * later, on a private step, stays with the report), every column.
 */
export function filedPhotos(scope: TenantScope, reportId: string) {
  return tx(scope)
    .selectFrom('report_photos')
    .innerJoin('report_events', (j) =>
      j
        .onRef('report_events.tenant_id', '=', 'report_photos.tenant_id')
        .onRef('report_events.id', '=', 'report_photos.event_id'),
    )
    .selectAll('report_photos')
    .where('report_photos.tenant_id', '=', scope.tenantId)
    .where('report_photos.report_id', '=', reportId)
    .where('report_photos.kind', '=', 'report')
    .where('report_events.public', '=', true)
    .orderBy('report_photos.created_at')
    .orderBy('report_photos.id')
    .execute();
}

/** A photo's stored file and type, with the step that added it (none for a photo without one). */
export function photoFile(scope: TenantScope, reportId: string, photoId: string) {
  return tx(scope)
    .selectFrom('report_photos')
    .leftJoin('report_events', (j) =>
      j
        .onRef('report_events.tenant_id', '=', 'report_photos.tenant_id')
        .onRef('report_events.id', '=', 'report_photos.event_id'),
    )
    .select([
      'report_photos.file_key',
      'report_photos.mime',
      'report_events.public as step_public',
      'report_events.actor_role as step_actor_role',
    ])
    .where('report_photos.tenant_id', '=', scope.tenantId)
    .where('report_photos.report_id', '=', reportId)
    .where('report_photos.id', '=', photoId)
    .executeTakeFirst();
}
