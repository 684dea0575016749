/**
 * The clock, run every five minutes by the `reports.deadlines` task: a report whose stage ran out
 * of time is escalated once (staff told, a private step on its history), and a report left silent
 * by its reporter after the follow-up is closed.
 */
import {
  emitEvent,
  invalidate,
  type Platform,
  readAcrossTenants,
  recordAudit,
  type TenantScope,
  type VerifiedTenant,
} from '../../../platform/sdk/index.ts';
import { stageOf } from '../lifecycle.ts';
import { addEvent } from '../repo/history.ts';
import { holdersOf } from '../repo/people.ts';
import { dueReports, dueTenantIdsAcrossTenants, updateReport } from '../repo/reports.ts';
import { REPORTS_TAG } from './cache-tags.ts';
import { notifyStaff } from './notifications.ts';
import { transition } from './transitions.ts';

/** Staff to tell about an overdue report: the agency's people, else the command centre's. */
async function escalationTargets(scope: TenantScope, agencyId: string | null): Promise<string[]> {
  const roles = agencyId ? ['officer', 'agency_admin'] : ['operator'];
  return holdersOf(scope, roles, agencyId);
}

/**
 * Escalates every report whose clock ran out (once per stage) and closes the reports whose
 * reporter stayed silent after the follow-up. Returns what it did.
 */
export async function runDeadlines(
  platform: Platform,
  scope: TenantScope,
  tenant: VerifiedTenant,
  now: Date = new Date(),
): Promise<{ escalated: number; closed: number }> {
  const due = await dueReports(scope, now);
  let escalated = 0;
  let closed = 0;
  for (const r of due) {
    if (r.status === 'done') {
      await transition(platform, scope, tenant, r.id, 'auto_close', {}, { role: 'system' }, now);
      closed++;
      continue;
    }
    const stage = stageOf(r.status);
    if (!stage) continue;
    const agencyId = stage === 'follow_up' ? r.agency_id : null;
    const targets = await escalationTargets(scope, agencyId);
    if (r.officer_user_id && stage === 'follow_up') targets.push(r.officer_user_id);
    await notifyStaff(scope, tenant, [...new Set(targets)], r.tracking_no, 'overdue');
    await updateReport(scope, r.id, { escalated_at: now });
    await addEvent(scope, r.id, {
      kind: 'escalated',
      from: null,
      to: null,
      role: 'system',
      userId: null,
      agencyId,
      public: false,
      data: { stage },
      at: now,
    });
    await recordAudit(scope, {
      action: 'report.escalate',
      entityType: 'report',
      entityId: r.id,
      after: { stage },
    });
    await emitEvent(scope, {
      type: 'report.overdue',
      entityType: 'report',
      entityId: r.id,
      data: { stage, agency: agencyId },
    });
    escalated++;
  }
  if (escalated > 0) await invalidate(scope, REPORTS_TAG);
  return { escalated, closed };
}

/** Tenants that have a report whose clock ran out and was not yet handled. Reads across tenants. */
export async function tenantsWithDueReportsAcrossTenants(platform: Platform, now: Date): Promise<string[]> {
  return readAcrossTenants(platform.database.db, (trx) => dueTenantIdsAcrossTenants(trx, now));
}
