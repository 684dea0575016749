/**
 * Sending to LAPOR!, like an outbox: a report is pending while its status differs from the one
 * LAPOR! last heard of. A report verified since the exchange was turned on is submitted once,
 * then each new status is pushed. No transaction is open while LAPOR! is called.
 */
import {
  emitEvent,
  invalidate,
  type Platform,
  recordAudit,
  type TenantScope,
  type VerifiedTenant,
} from '../../../platform/sdk/index.ts';
import type { Action, Status } from '../lifecycle.ts';
import { latestStepTo } from '../repo/history.ts';
import { markSent, unsentReports, updateLaporColumns } from '../repo/lapor.ts';
import { REPORTS_TAG } from '../services/cache-tags.ts';
import { loadConfig } from '../services/config.ts';
import { INTERNAL_NOTE } from '../services/transitions.ts';
import type { ExchangeResult } from './exchange.ts';
import { LaporError, type LaporGateway, type LaporSubmission } from './gateway.ts';
import { ACTOR, addLaporEvent, clip } from './history.ts';
import { type LaporStatus, TO_LAPOR, TO_LAPOR_CLASSIFICATION } from './mapping.ts';

/** Reports read per batch, and batches per run: a backlog drains over a few runs. */
const BATCH = 50;
const MAX_BATCHES = 20;
/** Sent as a refusal's reason in the audit trail and kept on the report. */
const MAX_ERROR = 1000;

type Pending = {
  id: string;
  trackingNo: string;
  laporId: string | null;
  status: Status;
  submission: Omit<LaporSubmission, 'region' | 'status'>;
  /** When the report reached its status. */
  since: Date;
};

/** Sends the tenant's pending reports, a batch at a time; a failure other than a refusal stops it. */
export async function send(
  platform: Platform,
  tenant: VerifiedTenant,
  gateway: LaporGateway,
  enabledAt: Date | null,
  result: ExchangeResult,
  clock: () => Date,
) {
  for (let batch = 0; batch < MAX_BATCHES; batch++) {
    const pending = await platform.inTenant(tenant.id, ACTOR, (scope) =>
      pendingReports(platform, scope, enabledAt),
    );
    for (const p of pending) {
      const status = TO_LAPOR[p.status];
      try {
        if (p.laporId === null) {
          const { laporId } = await gateway.submit({ ...p.submission, region: tenant.code, status });
          await platform.inTenant(tenant.id, ACTOR, (scope) =>
            recordSent(scope, p, status, laporId, clock()),
          );
          result.submitted++;
        } else {
          await gateway.pushStatus(p.laporId, status, p.submission.note, p.since);
          await platform.inTenant(tenant.id, ACTOR, (scope) =>
            recordSent(scope, p, status, p.laporId!, clock()),
          );
          result.pushed++;
        }
      } catch (error) {
        // Anything but a refusal of this one report stops the run: the rest stays pending.
        if (!(error instanceof LaporError) || error.failure !== 'refused') throw error;
        await platform.inTenant(tenant.id, ACTOR, (scope) => recordRefused(scope, p, error, clock()));
        result.refused++;
      }
    }
    if (pending.length < BATCH) return;
  }
}

/**
 * The tenant's reports LAPOR! has not heard the status of: the ones it has an id for, and the
 * ones verified since the exchange was turned on and not set aside before being sent (rejected,
 * duplicate, referred). A report LAPOR! refused waits until it changes.
 */
async function pendingReports(platform: Platform, scope: TenantScope, enabledAt: Date | null) {
  const rows = await unsentReports(scope, enabledAt, BATCH);
  if (rows.length === 0) return [];
  const { categories } = await loadConfig(platform, scope);
  const pending: Pending[] = [];
  for (const r of rows) {
    // The note the public may read of the step that led to the status.
    const step = await latestStepTo(scope, r.id, r.status);
    const note = step?.public && step.note && !INTERNAL_NOTE.has(step.kind as Action) ? step.note : null;
    pending.push({
      id: r.id,
      trackingNo: r.tracking_no,
      laporId: r.lapor_id,
      status: r.status,
      since: (step?.at ?? r.updated_at) as Date,
      submission: {
        trackingNo: r.tracking_no,
        classification: TO_LAPOR_CLASSIFICATION[r.type],
        category: categories.get(r.category_code)?.name.id ?? r.category_code,
        description: r.description,
        lat: r.lat,
        lng: r.lng,
        address: r.address,
        kelurahan: r.kelurahan,
        note: clip(note, 4000),
        filedAt: (r.created_at as Date).toISOString(),
        confidential: r.confidential,
      },
    });
  }
  return pending;
}

async function recordSent(
  scope: TenantScope,
  p: Pending,
  laporStatus: LaporStatus,
  laporId: string,
  now: Date,
) {
  const first = p.laporId === null;
  // A first submission keeps the id only if no other run kept it meanwhile.
  if (!(await markSent(scope, p.id, { laporId, status: p.status, first, at: now }))) return;
  if (first) {
    await addLaporEvent(scope, p.id, null, now, { direction: 'out', laporId, laporStatus });
    await emitEvent(scope, {
      type: 'report.lapor',
      entityType: 'report',
      entityId: p.id,
      data: { direction: 'out', laporStatus },
    });
    await invalidate(scope, REPORTS_TAG);
  }
  await recordAudit(scope, {
    action: first ? 'report.lapor.submit' : 'report.lapor.push',
    entityType: 'report',
    entityId: p.id,
    after: { laporId, status: p.status, laporStatus, note: p.submission.note },
  });
}

async function recordRefused(scope: TenantScope, p: Pending, error: LaporError, now: Date) {
  const reason = error.message.slice(0, MAX_ERROR);
  await updateLaporColumns(scope, p.id, { lapor_error: reason, lapor_error_at: now });
  await recordAudit(scope, {
    action: 'report.lapor.refused',
    entityType: 'report',
    entityId: p.id,
    after: { laporId: p.laporId, status: p.status, httpStatus: error.status, reason },
  });
}
