/**
 * The `reports` table: a report by its key, filing, changes, the lists and the counts. Every query
 * filters `tenant_id` itself, beside the row-level security underneath (ADR 0003). The exchange
 * with SP4N-LAPOR! has its own queries in `lapor.ts`.
 */
import { type Insertable, sql, type Transaction, type Updateable } from 'kysely';
import { isUuid, type PlatformTables, type TenantScope } from '../../../platform/sdk/index.ts';
import { normalizeTrackingNo } from '../input.ts';
import type { ReportType, Status, Track } from '../lifecycle.ts';
import { REPORT_COLUMNS, type ReplayColumn, type ReportsTable, tx } from '../tables.ts';
import type { eventRow } from './history.ts';

type Row = ReportsTable extends infer T
  ? { [K in keyof T]: T[K] extends { __select__: infer S } ? S : T[K] }
  : never;
/** A report as read: every column but `search` and the replay's. */
export type ReportRow = Omit<Row, 'search' | ReplayColumn> & {
  due_at: Date | null;
  escalated_at: Date | null;
  verified_at: Date | null;
  disposed_at: Date | null;
  follow_up_due_at: Date | null;
  done_at: Date | null;
  first_done_at: Date | null;
  closed_at: Date | null;
  lapor_synced_at: Date | null;
  created_at: Date;
  updated_at: Date;
  public: boolean;
  confidential: boolean;
  anonymous: boolean;
  track: Track;
};

/**
 * What a public view shows beside the report's own columns, as correlated subqueries of a select
 * from `reports`, so that a page is read in one statement: its public photos (oldest first) and the
 * tracking number of the report it duplicates. A photo is public only if the step that added it
 * is (the reporter's information, for one, is not): decided by the step at every read.
 */
const VIEW_EXTRAS = [
  sql<
    PhotoRef[]
  >`(select coalesce(json_agg(json_build_object('id', p.id, 'kind', p.kind) order by p.created_at, p.id), '[]'::json)
    from report_photos p
    join report_events e on e.tenant_id = p.tenant_id and e.id = p.event_id and e.public
    where p.tenant_id = reports.tenant_id and p.report_id = reports.id)`.as('photo_list'),
  sql<string | null>`(select d.tracking_no from reports d
    where d.tenant_id = reports.tenant_id and d.id = reports.duplicate_of)`.as('duplicate_tracking_no'),
] as const;

export type PhotoRef = { id: string; kind: string };
/** A report with what its public view shows (its public photos only). */
export type ViewRow = ReportRow & { photo_list: PhotoRef[]; duplicate_tracking_no: string | null };

/**
 * The SQL of `isPublic` (publicity.ts) over `reports` (or its alias `r`): not set aside, not confidential, and
 * verified when the tenant shows only verified reports (its setting read once per statement).
 */
export function publiclyVisible(scope: TenantScope, table: 'reports' | 'r' = 'reports') {
  const col = (name: string) => sql.ref(`${table}.${name}`);
  return sql<boolean>`(${col('public')} and not ${col('confidential')} and (${col('verified_at')} is not null
    or not coalesce((select s.verify_before_public from report_settings s where s.tenant_id = ${scope.tenantId}), false)))`;
}

/**
 * The report with this id or tracking number (the query, to select from). A tracking number is read
 * as a person types it: lower case, spaces, no dash (`input.ts`).
 */
function reportByKey(scope: TenantScope, idOrTracking: string) {
  const q = tx(scope).selectFrom('reports').where('tenant_id', '=', scope.tenantId);
  return isUuid(idOrTracking)
    ? q.where('id', '=', idOrTracking)
    : q.where('tracking_no', '=', normalizeTrackingNo(idOrTracking));
}

/** The report with this id or tracking number, locked for the transaction when `lock`. */
export async function readReport(
  scope: TenantScope,
  idOrTracking: string,
  lock = false,
): Promise<ReportRow | undefined> {
  let q = reportByKey(scope, idOrTracking).select(REPORT_COLUMNS);
  if (lock) q = q.forUpdate();
  return (await q.executeTakeFirst()) as unknown as ReportRow | undefined;
}

/** The report with this id or tracking number, with what its public view shows. */
export async function readReportForView(
  scope: TenantScope,
  idOrTracking: string,
): Promise<ViewRow | undefined> {
  const row = await reportByKey(scope, idOrTracking)
    .select([...REPORT_COLUMNS, ...VIEW_EXTRAS])
    .executeTakeFirst();
  return row as unknown as ViewRow | undefined;
}

export type NewReportRow = Omit<Insertable<ReportsTable>, 'tenant_id'>;

/**
 * Files a report with its first step in one statement (one round trip), unless its tracking number
 * or idempotency key is taken: the step is written only if the report was. Whether it was.
 */
export async function insertReportWithEvent(
  scope: TenantScope,
  values: NewReportRow,
  event: ReturnType<typeof eventRow>,
): Promise<boolean> {
  const e = event;
  const inserted = await tx(scope)
    .with('filed', (db) =>
      db
        .insertInto('reports')
        .values({ tenant_id: scope.tenantId, ...values })
        .onConflict((oc) => oc.doNothing())
        .returning('id'),
    )
    .insertInto('report_events')
    .columns([
      'tenant_id',
      'id',
      'report_id',
      'at',
      'kind',
      'from_status',
      'to_status',
      'actor_role',
      'actor_user_id',
      'agency_id',
      'note',
      'public',
      'data',
    ])
    // A SELECT's parameters take no type from the columns they fill: each says its own.
    .expression((eb) =>
      eb
        .selectFrom('filed')
        .select([
          sql<string>`${e.tenant_id}::uuid`.as('tenant_id'),
          sql<string>`${e.id}::uuid`.as('id'),
          'filed.id as report_id',
          sql<Date>`${e.at}::timestamptz`.as('at'),
          sql<string>`${e.kind}::text`.as('kind'),
          sql<string | null>`${e.from_status}::text`.as('from_status'),
          sql<string | null>`${e.to_status}::text`.as('to_status'),
          sql<string>`${e.actor_role}::text`.as('actor_role'),
          sql<string | null>`${e.actor_user_id}::uuid`.as('actor_user_id'),
          sql<string | null>`${e.agency_id}::uuid`.as('agency_id'),
          sql<string | null>`${e.note}::text`.as('note'),
          sql<boolean>`${e.public}::boolean`.as('public'),
          sql<string | null>`${e.data}::jsonb`.as('data'),
        ]),
    )
    .returning('id')
    .executeTakeFirst();
  return inserted !== undefined;
}

export async function insertReport(scope: TenantScope, values: NewReportRow): Promise<void> {
  await tx(scope)
    .insertInto('reports')
    .values({ tenant_id: scope.tenantId, ...values })
    .execute();
}

/** The report filed with this idempotency key (its SHA-256), with what a replay compares and answers. */
export function findByIdempotencyKey(scope: TenantScope, keyHash: string) {
  return tx(scope)
    .selectFrom('reports')
    .select([
      'id',
      'tracking_no',
      'status',
      'due_at',
      'idempotency_hash',
      'reporter_user_id',
      'idempotency_answer',
      'idempotency_expires_at',
    ])
    .where('tenant_id', '=', scope.tenantId)
    .where('idempotency_key', '=', keyHash)
    .executeTakeFirst();
}

/** Forgets the kept replay answers that expired before `now`; returns how many. */
export async function forgetReplayAnswers(scope: TenantScope, now: Date): Promise<number> {
  const result = await tx(scope)
    .updateTable('reports')
    .set({ idempotency_answer: null, idempotency_expires_at: null })
    .where('tenant_id', '=', scope.tenantId)
    .where('idempotency_expires_at', '<', now)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Tenants keeping a replay answer that expired before `now`; in a transaction across tenants. */
export async function expiredAnswerTenantIdsAcrossTenants(
  trx: Transaction<PlatformTables>,
  now: Date,
): Promise<string[]> {
  const rows = await (trx as unknown as ReturnType<typeof tx>)
    .selectFrom('reports')
    .select('tenant_id')
    .distinct()
    .where('idempotency_expires_at', '<', now)
    .execute();
  return rows.map((r) => r.tenant_id);
}

export async function updateReport(
  scope: TenantScope,
  id: string,
  patch: Updateable<ReportsTable>,
): Promise<void> {
  await tx(scope)
    .updateTable('reports')
    .set(patch)
    .where('tenant_id', '=', scope.tenantId)
    .where('id', '=', id)
    .execute();
}

// ---------------------------------------------------------------------------------------------
// Lists

/** What a list selects on; every field optional. Dates are instants, computed by the caller. */
export type ReportFilter = {
  includePrivate?: boolean | undefined;
  /** Only these agencies' reports; null or absent: every agency. */
  staffAgencies?: readonly string[] | null | undefined;
  reporterUserId?: string | undefined;
  category?: string | undefined;
  statuses?: readonly Status[] | undefined;
  type?: ReportType | undefined;
  agency?: string | undefined;
  kelurahan?: string | undefined;
  /** Filed at or after. */
  from?: Date | undefined;
  /** Filed before. */
  before?: Date | undefined;
  /** Full-text search, as `websearch_to_tsquery` reads it. */
  text?: string | undefined;
  /** minLng, minLat, maxLng, maxLat. */
  bbox?: readonly [number, number, number, number] | undefined;
  /** Overdue at this instant. */
  overdueAt?: Date | undefined;
};

function matching(scope: TenantScope, f: ReportFilter) {
  let q = tx(scope).selectFrom('reports').where('reports.tenant_id', '=', scope.tenantId);
  if (!f.includePrivate) q = q.where(publiclyVisible(scope));
  if (f.staffAgencies)
    q = q.where(
      'reports.agency_id',
      'in',
      f.staffAgencies.length ? [...f.staffAgencies] : ['00000000-0000-0000-0000-000000000000'],
    );
  if (f.reporterUserId) q = q.where('reports.reporter_user_id', '=', f.reporterUserId);
  if (f.category) q = q.where('reports.category_code', '=', f.category);
  if (f.statuses?.length) q = q.where('reports.status', 'in', [...f.statuses]);
  if (f.type) q = q.where('reports.type', '=', f.type);
  if (f.agency) q = q.where('reports.agency_id', '=', f.agency);
  if (f.kelurahan) q = q.where(sql`lower(reports.kelurahan)`, '=', f.kelurahan.toLowerCase());
  if (f.from) q = q.where('reports.created_at', '>=', f.from);
  if (f.before) q = q.where('reports.created_at', '<', f.before);
  if (f.text) q = q.where(sql<boolean>`reports.search @@ websearch_to_tsquery('indonesian', ${f.text})`);
  if (f.bbox) {
    const [minLng, minLat, maxLng, maxLat] = f.bbox;
    q = q
      .where('reports.lng', '>=', minLng)
      .where('reports.lng', '<=', maxLng)
      .where('reports.lat', '>=', minLat)
      .where('reports.lat', '<=', maxLat);
  }
  if (f.overdueAt) {
    q = q
      .where('reports.due_at', '<', f.overdueAt)
      .where('reports.status', 'in', ['received', 'verified', 'reopened', 'disposed', 'in_progress']);
  }
  return q;
}

/** A page of the matching reports, newest first, each with the number of all matching ones. */
export async function pageOfReports(
  scope: TenantScope,
  f: ReportFilter,
  page: { limit: number; offset: number },
): Promise<Array<ViewRow & { total_matching: string }>> {
  const q = matching(scope, f);
  // One statement: the page, each row's photos and duplicate, and the number of matches (an
  // uncorrelated subquery, computed once).
  const total = sql<string>`(${q.select((eb) => eb.fn.countAll<string>().as('n'))})`;
  return (await q
    .select([...REPORT_COLUMNS, ...VIEW_EXTRAS, total.as('total_matching')])
    .orderBy('reports.created_at', 'desc')
    .orderBy('reports.id', 'desc')
    .limit(page.limit)
    .offset(page.offset)
    .execute()) as unknown as Array<ViewRow & { total_matching: string }>;
}

export async function countReports(scope: TenantScope, f: ReportFilter): Promise<number> {
  const q = matching(scope, f);
  return Number((await q.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);
}

/** What a machine interface asks of the public reports; ids must be UUIDs, tracking numbers upper case. */
export type PublicCriteria = {
  ids?: readonly string[] | undefined;
  trackingNos?: readonly string[] | undefined;
  /** Filing time window, both ends inclusive. */
  from?: Date | undefined;
  to?: Date | undefined;
  categories?: readonly string[] | undefined;
  statuses?: readonly Status[] | undefined;
  limit: number;
  offset: number;
};

/** Public reports matching every given criterion, newest first, with what the public view shows. */
export async function publicReports(scope: TenantScope, c: PublicCriteria): Promise<ViewRow[]> {
  let q = tx(scope)
    .selectFrom('reports')
    .where('tenant_id', '=', scope.tenantId)
    .where(publiclyVisible(scope));
  if (c.ids) q = q.where('id', 'in', [...c.ids]);
  if (c.trackingNos) q = q.where('tracking_no', 'in', [...c.trackingNos]);
  if (c.categories?.length) q = q.where('category_code', 'in', [...c.categories]);
  if (c.statuses?.length) q = q.where('status', 'in', [...c.statuses]);
  if (c.from) q = q.where('created_at', '>=', c.from);
  if (c.to) q = q.where('created_at', '<=', c.to);
  return (await q
    .select([...REPORT_COLUMNS, ...VIEW_EXTRAS])
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(c.limit)
    .offset(c.offset)
    .execute()) as unknown as ViewRow[];
}

/** Where a possible duplicate may lie: a box around the point, or the same kelurahan. */
export type Nearby =
  | { box: { minLat: number; maxLat: number; minLng: number; maxLng: number } }
  | { kelurahan: string };

/**
 * The 50 newest reports of the category filed in the window, near the place, that a report may
 * duplicate (not set aside), other than `excludeId`.
 */
export function duplicateCandidates(
  scope: TenantScope,
  c: { category: string; excludeId: string; from: Date; to: Date; near: Nearby },
) {
  let q = tx(scope)
    .selectFrom('reports')
    .select(['id', 'tracking_no', 'status', 'description', 'lat', 'lng', 'created_at'])
    .where('tenant_id', '=', scope.tenantId)
    .where('category_code', '=', c.category)
    .where('id', '!=', c.excludeId)
    .where('status', 'not in', ['rejected', 'duplicate', 'referred'])
    .where('created_at', '>=', c.from)
    .where('created_at', '<=', c.to);
  if ('box' in c.near) {
    const { box } = c.near;
    q = q
      .where('lat', '>=', box.minLat)
      .where('lat', '<=', box.maxLat)
      .where('lng', '>=', box.minLng)
      .where('lng', '<=', box.maxLng);
  } else {
    q = q.where(sql`lower(kelurahan)`, '=', c.near.kelurahan.toLowerCase());
  }
  return q.orderBy('created_at', 'desc').limit(50).execute();
}

// ---------------------------------------------------------------------------------------------
// Counts and clocks

/** Reports disposed to an agency in [from, before), with what responsiveness is measured by. */
export function disposedBetween(scope: TenantScope, from: Date, before: Date) {
  return tx(scope)
    .selectFrom('reports')
    .select(['agency_id', 'disposed_at', 'first_done_at', 'follow_up_due_at', 'status'])
    .where('tenant_id', '=', scope.tenantId)
    .where('disposed_at', '>=', from)
    .where('disposed_at', '<', before)
    .where('agency_id', 'is not', null)
    .execute();
}

/**
 * Reports by status and by category, reports overdue at `now` by agency: of the public reports
 * (`staff` false), or of every report but those set aside as not a report (`staff`: the command
 * centre counts its confidential and unverified work too).
 */
export async function summaryCounts(scope: TenantScope, now: Date, staff = false) {
  const db = tx(scope);
  const counted = () => {
    const q = db.selectFrom('reports').where('reports.tenant_id', '=', scope.tenantId);
    return staff ? q.where('reports.public', '=', true) : q.where(publiclyVisible(scope));
  };
  const byStatus = await counted()
    .select(['status', (eb) => eb.fn.countAll<string>().as('n')])
    .groupBy('status')
    .execute();
  const byCategory = await counted()
    .select(['category_code', (eb) => eb.fn.countAll<string>().as('n')])
    .groupBy('category_code')
    .execute();
  const overdue = await counted()
    .select(['agency_id', (eb) => eb.fn.countAll<string>().as('n')])
    .where('due_at', '<', now)
    .where('status', 'in', ['received', 'verified', 'reopened', 'disposed', 'in_progress'])
    .groupBy('agency_id')
    .execute();
  return { byStatus, byCategory, overdue };
}

/** Up to 500 reports whose clock ran out before `now` and was not yet handled, oldest first. */
export function dueReports(scope: TenantScope, now: Date) {
  return tx(scope)
    .selectFrom('reports')
    .select(['id', 'tracking_no', 'status', 'agency_id', 'officer_user_id'])
    .where('tenant_id', '=', scope.tenantId)
    .where('due_at', '<', now)
    .where('escalated_at', 'is', null)
    .orderBy('due_at')
    .limit(500)
    .execute();
}

/** Tenants with a report whose clock ran out before `now`, unhandled; in a transaction across tenants. */
export async function dueTenantIdsAcrossTenants(
  trx: Transaction<PlatformTables>,
  now: Date,
): Promise<string[]> {
  const rows = await (trx as unknown as ReturnType<typeof tx>)
    .selectFrom('reports')
    .select('tenant_id')
    .distinct()
    .where('due_at', '<', now)
    .where('escalated_at', 'is', null)
    .execute();
  return rows.map((r) => r.tenant_id);
}
