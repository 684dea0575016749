/**
 * Reaching a report: finding it by id or tracking number, and who may act on it — the reporter
 * (by their account or the report's secret), an operator, an agency's staff, the system.
 */
import { notFound, sameSecret, sha256, type TenantScope } from '../../../platform/sdk/index.ts';
import { type Action, type ActorRole, actionsFrom, RULES } from '../lifecycle.ts';
import { type ReportRow, readReport } from '../repo/reports.ts';

/** Who acts on a report, as the routes established it. */
export type Who =
  | { role: 'operator'; userId: string }
  | { role: 'agency'; userId: string; mayActFor: (agencyId: string) => boolean }
  | { role: 'reporter'; userId: string | null; secret?: string }
  | { role: 'system' };

/** The report with this id or tracking number (locked for the transaction when `lock`), or a 404. */
export async function findReport(scope: TenantScope, idOrTracking: string, lock = false): Promise<ReportRow> {
  const row = await readReport(scope, idOrTracking, lock);
  if (!row) throw notFound('report');
  return row;
}

/** Whether `who` is the reporter of `report` (signed in as them, or holding the report's secret). */
export function isReporter(report: ReportRow, who: Who): boolean {
  if (who.role !== 'reporter') return false;
  if (who.userId && report.reporter_user_id === who.userId) return true;
  return Boolean(
    who.secret && report.reporter_secret_hash && sameSecret(sha256(who.secret), report.reporter_secret_hash),
  );
}

/** Whether `who` may take `action` on the report (the state machine says whether it is possible now). */
export function mayAct(report: ReportRow, who: Who, action: Action): boolean {
  const by: ActorRole = RULES[action].by;
  if (by !== who.role) return false;
  if (who.role === 'agency') return report.agency_id !== null && who.mayActFor(report.agency_id);
  if (who.role === 'reporter') return isReporter(report, who);
  return true;
}

/** The actions `who` may take on the report now. */
export function availableActions(report: ReportRow, who: Who): Action[] {
  if (who.role === 'system') return [];
  return actionsFrom(report.status, who.role).filter((a) => mayAct(report, who, a));
}
