/**
 * Statistics: each agency's responsiveness (withheld below the tenant's minimum sample) and the
 * command centre's counts.
 */

import type { Platform, TenantScope, VerifiedTenant } from '../../../platform/sdk/index.ts';
import { localInstant, type WorkingCalendar } from '../../../platform/sdk/shared.ts';
import { FINAL_STATUSES } from '../lifecycle.ts';
import { disposedBetween, summaryCounts } from '../repo/reports.ts';
import { agencyNames } from './agencies.ts';
import { loadCalendar, loadConfig } from './config.ts';

/** The median of a list of numbers (null when empty). */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/**
 * Per-agency responsiveness over reports disposed in [from, to]: median working days from
 * disposition to the first follow-up, and the share followed up on time, where a report still open
 * past its deadline counts as late. Below the tenant's minimum sample the figures are withheld:
 * a handful of reports says nothing fair about an agency.
 */
export async function agencyStats(
  platform: Platform,
  scope: TenantScope,
  tenant: VerifiedTenant,
  range: { from: string; to: string },
  now: Date = new Date(),
) {
  const { settings } = await loadConfig(platform, scope);
  const calendar: WorkingCalendar = await loadCalendar(platform, scope, tenant);
  const agencies = await agencyNames(platform, scope);
  const rows = await disposedBetween(
    scope,
    localInstant(range.from, '00:00', tenant.timeZone),
    new Date(localInstant(range.to, '00:00', tenant.timeZone).getTime() + 86_400_000),
  );
  const by = new Map<string, typeof rows>();
  for (const r of rows) {
    const list = by.get(r.agency_id!) ?? [];
    list.push(r);
    by.set(r.agency_id!, list);
  }
  const out = [...by.entries()].map(([agencyId, list]) => {
    const completed = list.filter((r) => r.first_done_at);
    const days = completed.map((r) =>
      calendar.workingDaysBetween(r.disposed_at as Date, r.first_done_at as Date),
    );
    const onTime = completed.filter((r) => (r.first_done_at as Date) <= (r.follow_up_due_at as Date)).length;
    const openOverdue = list.filter(
      (r) =>
        !r.first_done_at &&
        r.follow_up_due_at &&
        (r.follow_up_due_at as Date) < now &&
        !FINAL_STATUSES.includes(r.status),
    ).length;
    const judged = completed.length + openOverdue;
    const enough = list.length >= settings.minStatsSample && judged > 0;
    return {
      agency: { id: agencyId, name: agencies.get(agencyId) ?? '' },
      disposed: list.length,
      completed: completed.length,
      openOverdue,
      medianFollowUpDays: enough ? median(days) : null,
      onTimeShare: enough ? Math.round((onTime / judged) * 1000) / 1000 : null,
      enoughData: enough,
    };
  });
  out.sort((a, b) => a.agency.name.localeCompare(b.agency.name));
  return { from: range.from, to: range.to, minSample: settings.minStatsSample, agencies: out };
}

/**
 * Counts for the command centre: by status, by category, overdue per agency. Of the public reports,
 * or for `staff` of every report (confidential and not yet verified ones too).
 */
export async function summary(platform: Platform, scope: TenantScope, now: Date = new Date(), staff = false) {
  const { byStatus, byCategory, overdue } = await summaryCounts(scope, now, staff);
  const agencies = await agencyNames(platform, scope);
  return {
    total: byStatus.reduce((s, r) => s + Number(r.n), 0),
    overdue: overdue.reduce((s, r) => s + Number(r.n), 0),
    byStatus: Object.fromEntries(byStatus.map((r) => [r.status, Number(r.n)])),
    byCategory: Object.fromEntries(byCategory.map((r) => [r.category_code, Number(r.n)])),
    overdueByAgency: overdue
      .filter((r) => r.agency_id)
      .map((r) => ({
        agency: { id: r.agency_id!, name: agencies.get(r.agency_id!) ?? '' },
        overdue: Number(r.n),
      })),
  };
}
