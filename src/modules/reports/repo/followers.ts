/**
 * The followers of reports and areas (`report_followers`) and the area alerts already sent
 * (`report_follow_alerts`). Every query filters `tenant_id` itself, beside row-level security.
 */
import { type ColumnType, sql, type Transaction } from 'kysely';
import type { Language, TenantScope } from '../../../platform/sdk/index.ts';
import type { ReportTables } from '../tables.ts';
import { publiclyVisible } from './reports.ts';

export interface ReportFollowersTable {
  tenant_id: string;
  id: string;
  report_id: string | null;
  lat: number | null;
  lng: number | null;
  radius_m: number | null;
  email: string;
  user_id: string | null;
  language: Language;
  token: string;
  confirmed_at: Date | null;
  stopped_at: Date | null;
  created_at: ColumnType<Date, Date | undefined, never>;
}

export interface ReportFollowAlertsTable {
  tenant_id: string;
  follower_id: string;
  report_id: string;
  sent_at: ColumnType<Date, Date | undefined, never>;
}

interface FollowerTables extends ReportTables {
  report_followers: ReportFollowersTable;
  report_follow_alerts: ReportFollowAlertsTable;
}

export type FollowerRow = Omit<ReportFollowersTable, 'created_at'> & { created_at: Date };

function ftx(scope: TenantScope): Transaction<FollowerTables> {
  return scope.trx as unknown as Transaction<FollowerTables>;
}

/**
 * Inserts a follower; false when the address already follows the report live (the partial unique
 * index `report_followers_report`): two follows of the same report by the same person at the same
 * moment both pass the check for an existing follow, and the second must not fail on the index.
 */
export async function insertFollower(
  scope: TenantScope,
  row: Omit<FollowerRow, 'tenant_id' | 'created_at'>,
): Promise<boolean> {
  const inserted = await ftx(scope)
    .insertInto('report_followers')
    .values({ ...row, tenant_id: scope.tenantId })
    .onConflict((oc) =>
      oc
        .expression(sql`tenant_id, report_id, lower(email)`)
        .where('report_id', 'is not', null)
        .where('stopped_at', 'is', null)
        .doNothing(),
    )
    .returning('id')
    .executeTakeFirst();
  return inserted !== undefined;
}

export async function findFollower(scope: TenantScope, id: string): Promise<FollowerRow | undefined> {
  return ftx(scope)
    .selectFrom('report_followers')
    .selectAll()
    .where('tenant_id', '=', scope.tenantId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** The live (not stopped) follow of a report by this address, confirmed or not. */
export async function liveReportFollow(
  scope: TenantScope,
  reportId: string,
  email: string,
): Promise<FollowerRow | undefined> {
  return ftx(scope)
    .selectFrom('report_followers')
    .selectAll()
    .where('tenant_id', '=', scope.tenantId)
    .where('report_id', '=', reportId)
    .where(sql<string>`lower(email)`, '=', email.toLowerCase())
    .where('stopped_at', 'is', null)
    .executeTakeFirst();
}

/** How many follows this address started in the tenant since `since` (a bound on misuse). */
export async function followsStartedSince(scope: TenantScope, email: string, since: Date): Promise<number> {
  const r = await ftx(scope)
    .selectFrom('report_followers')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('tenant_id', '=', scope.tenantId)
    .where(sql<string>`lower(email)`, '=', email.toLowerCase())
    .where('created_at', '>=', since)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function setFollower(
  scope: TenantScope,
  id: string,
  patch: Partial<Pick<FollowerRow, 'confirmed_at' | 'stopped_at'>>,
) {
  await ftx(scope)
    .updateTable('report_followers')
    .set(patch)
    .where('tenant_id', '=', scope.tenantId)
    .where('id', '=', id)
    .execute();
}

/** The confirmed, live followers of a report. */
export async function reportFollowers(scope: TenantScope, reportId: string): Promise<FollowerRow[]> {
  return ftx(scope)
    .selectFrom('report_followers')
    .selectAll()
    .where('tenant_id', '=', scope.tenantId)
    .where('report_id', '=', reportId)
    .where('confirmed_at', 'is not', null)
    .where('stopped_at', 'is', null)
    .orderBy('id')
    .execute();
}

/** The confirmed, live followers of areas. */
export async function areaFollowers(scope: TenantScope): Promise<FollowerRow[]> {
  return ftx(scope)
    .selectFrom('report_followers')
    .selectAll()
    .where('tenant_id', '=', scope.tenantId)
    .where('report_id', 'is', null)
    .where('confirmed_at', 'is not', null)
    .where('stopped_at', 'is', null)
    .orderBy('id')
    .execute();
}

export type AlertCandidate = {
  id: string;
  tracking_no: string;
  category_code: string;
  description: string;
  lat: number;
  lng: number;
};

/**
 * Public reports with a point in the box, filed since the follower began following, that the
 * follower was not told of yet; oldest first, at most `limit`.
 */
export async function untoldReportsInBox(
  scope: TenantScope,
  follower: FollowerRow,
  box: { minLat: number; maxLat: number; minLng: number; maxLng: number },
  limit: number,
): Promise<AlertCandidate[]> {
  const rows = await ftx(scope)
    .selectFrom('reports as r')
    .select(['r.id', 'r.tracking_no', 'r.category_code', 'r.description', 'r.lat', 'r.lng'])
    .where('r.tenant_id', '=', scope.tenantId)
    .where(publiclyVisible(scope, 'r'))
    .where('r.created_at', '>=', follower.created_at)
    .where('r.lat', '>=', box.minLat)
    .where('r.lat', '<=', box.maxLat)
    .where('r.lng', '>=', box.minLng)
    .where('r.lng', '<=', box.maxLng)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('report_follow_alerts as a')
            .select('a.report_id')
            .whereRef('a.tenant_id', '=', 'r.tenant_id')
            .whereRef('a.report_id', '=', 'r.id')
            .where('a.follower_id', '=', follower.id),
        ),
      ),
    )
    .orderBy('r.created_at')
    .limit(limit)
    .execute();
  return rows as AlertCandidate[];
}

export async function recordAlerts(scope: TenantScope, followerId: string, reportIds: readonly string[]) {
  if (reportIds.length === 0) return;
  await ftx(scope)
    .insertInto('report_follow_alerts')
    .values(reportIds.map((report_id) => ({ tenant_id: scope.tenantId, follower_id: followerId, report_id })))
    .onConflict((oc) => oc.doNothing())
    .execute();
}
