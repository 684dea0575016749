/**
 * What the exchange with SP4N-LAPOR! (lapor/) keeps: on the settings, whether it is on, since when
 * and where LAPOR!'s feed was left; on each report, LAPOR!'s id, the status LAPOR! last heard of
 * and its last refusal. Every query filters `tenant_id` itself, beside the row-level security.
 */
import { sql, type Transaction, type Updateable } from 'kysely';
import type { PlatformTables, TenantScope } from '../../../platform/sdk/index.ts';
import type { Status } from '../lifecycle.ts';
import { type ReportsTable, type ReportTables, tx } from '../tables.ts';

/** The tenants that turned the exchange on; in a transaction across tenants. */
export async function laporTenantIdsAcrossTenants(trx: Transaction<PlatformTables>): Promise<string[]> {
  const rows = await (trx as unknown as Transaction<ReportTables>)
    .selectFrom('report_settings')
    .select('tenant_id')
    .where('lapor_enabled', '=', true)
    .execute();
  return rows.map((r) => r.tenant_id);
}

/** Whether the exchange is on, since when, and the cursor of LAPOR!'s feed. */
export function readLaporState(scope: TenantScope) {
  return tx(scope)
    .selectFrom('report_settings')
    .select(['lapor_enabled', 'lapor_enabled_at', 'lapor_cursor'])
    .where('tenant_id', '=', scope.tenantId)
    .executeTakeFirst();
}

/** The cursor of LAPOR!'s feed, locked until the transaction ends (undefined: no settings). */
export async function lockLaporCursor(
  scope: TenantScope,
): Promise<{ lapor_cursor: string | null } | undefined> {
  return tx(scope)
    .selectFrom('report_settings')
    .select('lapor_cursor')
    .where('tenant_id', '=', scope.tenantId)
    .forUpdate()
    .executeTakeFirst();
}

export async function writeLaporCursor(scope: TenantScope, cursor: string | null): Promise<void> {
  await tx(scope)
    .updateTable('report_settings')
    .set({ lapor_cursor: cursor })
    .where('tenant_id', '=', scope.tenantId)
    .execute();
}

/** The report LAPOR! knows by `laporId`, locked until the transaction ends. */
export function lockReportByLaporId(scope: TenantScope, laporId: string) {
  return tx(scope)
    .selectFrom('reports')
    .select(['id', 'status'])
    .where('tenant_id', '=', scope.tenantId)
    .forUpdate()
    .where('lapor_id', '=', laporId)
    .executeTakeFirst();
}

/** The report with this tracking number that has no LAPOR! id yet, locked until the transaction ends. */
export function lockUnlinkedReport(scope: TenantScope, trackingNo: string) {
  return tx(scope)
    .selectFrom('reports')
    .select(['id', 'status'])
    .where('tenant_id', '=', scope.tenantId)
    .forUpdate()
    .where('tracking_no', '=', trackingNo)
    .where('lapor_id', 'is', null)
    .executeTakeFirst();
}

type LaporColumns = Pick<
  Updateable<ReportsTable>,
  'lapor_id' | 'lapor_sent_status' | 'lapor_synced_at' | 'lapor_error' | 'lapor_error_at'
>;

export async function updateLaporColumns(
  scope: TenantScope,
  id: string,
  values: LaporColumns,
): Promise<void> {
  await tx(scope)
    .updateTable('reports')
    .set(values)
    .where('tenant_id', '=', scope.tenantId)
    .where('id', '=', id)
    .execute();
}

/**
 * Keeps what LAPOR! was told: its id, the status, no refusal. A first submission keeps the id
 * only if no other run kept it meanwhile; false when nothing was kept.
 */
export async function markSent(
  scope: TenantScope,
  id: string,
  sent: { laporId: string; status: Status; first: boolean; at: Date },
): Promise<boolean> {
  const done = await tx(scope)
    .updateTable('reports')
    .set({
      lapor_id: sent.laporId,
      lapor_sent_status: sent.status,
      lapor_synced_at: sent.at,
      lapor_error: null,
      lapor_error_at: null,
    })
    .where('tenant_id', '=', scope.tenantId)
    .where('id', '=', id)
    .where((eb) => (sent.first ? eb('lapor_id', 'is', null) : eb('lapor_id', '=', sent.laporId)))
    .executeTakeFirst();
  return Number(done.numUpdatedRows) > 0;
}

/**
 * Up to `limit` reports whose status LAPOR! has not heard: the ones it has an id for, and the
 * ones verified since `enabledAt` and not set aside (rejected, duplicate, referred); a report
 * LAPOR! refused waits until it changes. Oldest change first.
 */
export function unsentReports(scope: TenantScope, enabledAt: Date | null, limit: number) {
  return tx(scope)
    .selectFrom('reports')
    .select([
      'id',
      'tracking_no',
      'lapor_id',
      'status',
      'type',
      'category_code',
      'description',
      'lat',
      'lng',
      'address',
      'kelurahan',
      'confidential',
      'created_at',
      'updated_at',
    ])
    .where('tenant_id', '=', scope.tenantId)
    .where(sql<boolean>`lapor_sent_status is distinct from status`)
    .where((eb) =>
      eb.or([
        eb('lapor_id', 'is not', null),
        ...(enabledAt
          ? [
              eb.and([
                eb('verified_at', '>=', enabledAt),
                eb('status', 'not in', ['rejected', 'duplicate', 'referred']),
              ]),
            ]
          : []),
      ]),
    )
    .where((eb) => eb.or([eb('lapor_error_at', 'is', null), eb('updated_at', '>', eb.ref('lapor_error_at'))]))
    .orderBy('updated_at')
    .orderBy('id')
    .limit(limit)
    .execute();
}
