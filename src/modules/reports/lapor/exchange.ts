/**
 * The exchange with SP4N-LAPOR!, one tenant at a time, for the tenants that turned it on
 * (`laporEnabled` in the reports settings) on a platform that has `LAPOR_URL`.
 *
 * Receiving first: the region's updates after the stored cursor, a page at a time. Each page is
 * applied in one transaction together with the new cursor, so a page is taken whole or not at all
 * (a run that fails is repeated by the next). An update is recorded on the report it names (found
 * by `lapor_id` within the tenant) as a public `lapor` event; when the state machine lets the
 * system take the step it stands for (`mapping.ts`), the report moves through `transition`; else
 * the operator reads the note and decides. A report a citizen filed at LAPOR! about the region is
 * filed here through `fileReport`, channel `lapor`, with its `lapor_id`.
 *
 * Sending next, like an outbox: a report is pending while its status differs from the one LAPOR!
 * last heard of (`lapor_sent_status`). A report verified since the exchange was turned on is
 * submitted once (LAPOR! answers a repeat with the same id, so a crash between its answer and our
 * commit costs nothing); after that each new status is pushed. No transaction is open while LAPOR!
 * is called. If LAPOR! is down, what was not sent stays pending and the next run sends it; a report
 * LAPOR! refuses keeps the refusal and is tried again once it changes.
 */
import { recordAudit } from '../../../platform/audit/audit.ts';
import { invalidate } from '../../../platform/cache/tenant-cache.ts';
import type { Config } from '../../../platform/config.ts';
import { readAcrossTenants, SYSTEM_ACTOR, type TenantScope } from '../../../platform/db/tenant-scope.ts';
import { emitEvent } from '../../../platform/events/hub.ts';
import { translator } from '../../../platform/i18n/index.ts';
import { defineTask } from '../../../platform/jobs/runner.ts';
import type { Platform } from '../../../platform/platform.ts';
import type { VerifiedTenant } from '../../../platform/tenancy/directory.ts';
import type { Action, ReportType, Status } from '../lifecycle.ts';
import { insideTenantArea } from '../location.ts';
import { addEvent, latestStepTo } from '../repo/history.ts';
import {
  laporTenantIdsAcrossTenants,
  lockLaporCursor,
  lockReportByLaporId,
  lockUnlinkedReport,
  markSent,
  readLaporState,
  unsentReports,
  updateLaporColumns,
  writeLaporCursor,
} from '../repo/lapor.ts';
import type { NewReportInput } from '../schemas.ts';
import { REPORTS_TAG } from '../services/cache-tags.ts';
import { loadConfig } from '../services/config.ts';
import { fileReport } from '../services/intake.ts';
import { INTERNAL_NOTE, transition } from '../services/transitions.ts';
import { LaporError, type LaporGateway, type LaporSubmission, type LaporUpdate } from './gateway.ts';
import { HttpLaporGateway } from './http-gateway.ts';
import {
  actionForLapor,
  fromLaporClassification,
  type LaporStatus,
  TO_LAPOR,
  TO_LAPOR_CLASSIFICATION,
} from './mapping.ts';

/** What one tenant's run did. */
export type ExchangeResult = {
  /** Reports filed at LAPOR! for the first time. */
  submitted: number;
  /** New statuses told to LAPOR!. */
  pushed: number;
  /** Reports LAPOR! refused (kept with the refusal, tried again once they change). */
  refused: number;
  /** Updates from LAPOR! recorded on a report of the tenant. */
  updates: number;
  /** Of those, the ones that moved the report. */
  moved: number;
  /** Reports citizens filed at LAPOR! about the region, now filed here. */
  filed: number;
  /** Updates about a report the tenant does not have (audited, then passed over). */
  ignored: number;
};

const ACTOR = Object.freeze({ ...SYSTEM_ACTOR, label: 'job reports.lapor-exchange' });
/** Reports read per batch, and batches per run: a backlog drains over a few runs. */
const BATCH = 50;
const MAX_BATCHES = 20;
/** Pages of updates per run. */
const MAX_PAGES = 20;
/** Sent as a refusal's reason in the audit trail and kept on the report. */
const MAX_ERROR = 1000;

/** The HTTP gateway when the platform has `LAPOR_URL`, else null: the exchange is off. */
export function createLaporGateway(config: Config): LaporGateway | null {
  return config.lapor ? new HttpLaporGateway(config.lapor) : null;
}

/** Every five minutes: the exchange for every tenant that turned it on. */
export const laporExchangeTask = defineTask({
  name: 'reports.lapor-exchange',
  cron: '*/5 * * * *',
  async run({ platform }) {
    const gateway = createLaporGateway(platform.config);
    if (gateway) await exchangeAcrossTenants(platform, gateway);
  },
});

/** The tenants that turned the exchange on. Reads across tenants. */
export async function tenantsExchangingWithLaporAcrossTenants(platform: Platform): Promise<string[]> {
  return readAcrossTenants(platform.database.db, (trx) => laporTenantIdsAcrossTenants(trx));
}

/**
 * Runs the exchange for each tenant that turned it on, each in its own transactions. When LAPOR!
 * is unreachable or refuses the platform's token the run stops there (every other tenant would
 * fail the same way); other failures stop only their tenant. Throws once at the end if any failed.
 */
export async function exchangeAcrossTenants(
  platform: Platform,
  gateway: LaporGateway,
  clock: () => Date = () => new Date(),
): Promise<Map<string, ExchangeResult>> {
  const results = new Map<string, ExchangeResult>();
  const failures: unknown[] = [];
  for (const tenantId of await tenantsExchangingWithLaporAcrossTenants(platform)) {
    const tenant = platform.directory.all().find((t) => t.id === tenantId);
    if (!tenant) continue;
    try {
      const result = await exchangeWithLapor(platform, tenant, gateway, clock);
      if (result) results.set(tenant.slug, result);
    } catch (error) {
      failures.push(error);
      if (error instanceof LaporError && error.failure !== 'refused') break;
    }
  }
  if (failures.length > 0) {
    const reasons = failures.map((e) => (e instanceof Error ? e.message : String(e)));
    throw new AggregateError(failures, `LAPOR! exchange failed: ${reasons.join('; ')}`);
  }
  return results;
}

/**
 * One tenant's exchange: its updates from LAPOR!, then its pending reports to LAPOR!. Null when
 * the tenant has not turned the exchange on (or the reports app is not live for it).
 */
export async function exchangeWithLapor(
  platform: Platform,
  tenant: VerifiedTenant,
  gateway: LaporGateway,
  clock: () => Date = () => new Date(),
): Promise<ExchangeResult | null> {
  if (!platform.directory.isLive(tenant.id, 'reports')) return null;
  const state = await platform.inTenant(tenant.id, ACTOR, async (scope) => readLaporState(scope));
  if (!state?.lapor_enabled) return null;
  const result: ExchangeResult = {
    submitted: 0,
    pushed: 0,
    refused: 0,
    updates: 0,
    moved: 0,
    filed: 0,
    ignored: 0,
  };
  await receive(platform, tenant, gateway, state.lapor_cursor, result, clock);
  await send(platform, tenant, gateway, state.lapor_enabled_at as Date | null, result, clock);
  return result;
}

// ---------------------------------------------------------------------------------------------
// From LAPOR!

async function receive(
  platform: Platform,
  tenant: VerifiedTenant,
  gateway: LaporGateway,
  start: string | null,
  result: ExchangeResult,
  clock: () => Date,
) {
  let cursor = start;
  for (let page = 0; page < MAX_PAGES; page++) {
    const { updates, cursor: next } = await gateway.updatesSince(tenant.code, cursor);
    if (updates.length === 0 && next === cursor) return;
    const counts = await platform.inTenant(tenant.id, ACTOR, async (scope) => {
      const row = await lockLaporCursor(scope);
      // Another run took this page meanwhile.
      if (!row || row.lapor_cursor !== cursor) return null;
      const c = { updates: 0, moved: 0, filed: 0, ignored: 0 };
      for (const update of updates) await applyUpdate(platform, scope, tenant, update, c, clock());
      await writeLaporCursor(scope, next);
      return c;
    });
    if (!counts) return;
    result.updates += counts.updates;
    result.moved += counts.moved;
    result.filed += counts.filed;
    result.ignored += counts.ignored;
    // A cursor that did not move would hand the same page again.
    if (updates.length === 0 || next === cursor) return;
    cursor = next;
  }
}

async function applyUpdate(
  platform: Platform,
  scope: TenantScope,
  tenant: VerifiedTenant,
  update: LaporUpdate,
  c: { updates: number; moved: number; filed: number; ignored: number },
  now: Date,
) {
  let report = await lockReportByLaporId(scope, update.laporId);
  let link = false;
  if (!report && update.trackingNo) {
    // Sent from here, but the run that sent it stopped before keeping LAPOR!'s id.
    report = await lockUnlinkedReport(scope, update.trackingNo);
    link = report !== undefined;
  }
  if (!report) {
    if (update.report) {
      await fileFromLapor(platform, scope, tenant, update, now);
      c.filed++;
      return;
    }
    await recordAudit(scope, {
      action: 'report.lapor.ignored',
      entityType: 'lapor_update',
      entityId: update.laporId,
      after: { status: update.status, at: update.at, trackingNo: update.trackingNo },
    });
    c.ignored++;
    return;
  }
  await addLaporEvent(scope, report.id, update.note, now, {
    direction: 'in',
    laporId: update.laporId,
    laporStatus: update.status,
    laporAt: update.at,
  });
  const action = actionForLapor(report.status, update.status);
  let moved: Status | null = null;
  if (action) {
    moved = (await transition(platform, scope, tenant, report.id, action, {}, { role: 'system' }, now))
      .status;
    c.moved++;
  }
  await updateLaporColumns(scope, report.id, {
    lapor_synced_at: now,
    ...(link ? { lapor_id: update.laporId } : {}),
    // LAPOR! knows the status it led to: nothing to tell it back.
    ...(moved ? { lapor_sent_status: moved } : {}),
  });
  await recordAudit(scope, {
    action: 'report.lapor.update',
    entityType: 'report',
    entityId: report.id,
    before: { status: report.status },
    after: { laporId: update.laporId, laporStatus: update.status, note: update.note, at: update.at, action },
  });
  await emitEvent(scope, {
    type: 'report.lapor',
    entityType: 'report',
    entityId: report.id,
    data: { direction: 'in', laporStatus: update.status },
  });
  await invalidate(scope, REPORTS_TAG);
  c.updates++;
}

/** Files a report a citizen made at LAPOR! about the region; the operator triages it as any other. */
async function fileFromLapor(
  platform: Platform,
  scope: TenantScope,
  tenant: VerifiedTenant,
  update: LaporUpdate,
  now: Date,
) {
  const r = update.report!;
  const { categories } = await loadConfig(platform, scope);
  const active = [...categories.values()].filter((x) => x.active);
  const named = r.category?.trim().toLowerCase();
  const other = categories.get('other');
  const category =
    (named &&
      active.find(
        (x) => x.code === named || [x.name.id, x.name.en].some((n) => n.toLowerCase() === named),
      )) ||
    (other?.active ? other : undefined) ||
    active.at(-1);
  // Nothing is lost: the page stays unread until the app has a category to file under.
  if (!category) throw new Error(`${tenant.slug} has no active report category for LAPOR! ${update.laporId}`);
  const point =
    r.lat !== null && r.lng !== null && insideTenantArea(tenant, r.lat, r.lng)
      ? { lat: r.lat, lng: r.lng }
      : null;
  const t = translator(tenant.defaultLanguage);
  // A report without a place is filed all the same; the operator asks for it during triage.
  const address =
    clip(r.address, 300) ??
    (point ? null : (clip(r.kelurahan, 300) ?? t('reports.lapor.noPlace', { laporId: update.laporId })));
  const input: NewReportInput = {
    type: fromLaporClassification(r.classification) satisfies ReportType,
    category: category.code,
    description: r.description.trim().slice(0, 4000),
    ...(point ?? {}),
    ...(address ? { address } : {}),
    ...(r.kelurahan ? { kelurahan: clip(r.kelurahan, 100)! } : {}),
    ...(r.reporterName ? { name: clip(r.reporterName, 120)! } : {}),
  };
  const filed = await fileReport(platform, scope, tenant, input, {
    channel: 'lapor',
    reporterUserId: null,
    photos: [],
    now,
  });
  await updateLaporColumns(scope, filed.id, {
    lapor_id: update.laporId,
    lapor_sent_status: 'received',
    lapor_synced_at: now,
  });
  await addLaporEvent(scope, filed.id, update.note, now, {
    direction: 'in',
    laporId: update.laporId,
    laporStatus: update.status,
    laporAt: update.at,
    filedAt: r.filedAt,
  });
  await recordAudit(scope, {
    action: 'report.lapor.receive',
    entityType: 'report',
    entityId: filed.id,
    after: { laporId: update.laporId, trackingNo: filed.trackingNo, category: category.code },
  });
}

function clip(text: string | null | undefined, max: number): string | null {
  const trimmed = text?.trim();
  return trimmed ? trimmed.slice(0, max) : null;
}

/** A public step on the report's history: what LAPOR! said, or that the report went there. */
async function addLaporEvent(
  scope: TenantScope,
  reportId: string,
  note: string | null,
  at: Date,
  data: Record<string, unknown>,
) {
  await addEvent(scope, reportId, {
    kind: 'lapor',
    from: null,
    to: null,
    role: 'system',
    userId: null,
    agencyId: null,
    note: clip(note, 4000),
    public: true,
    data,
    at,
  });
}

// ---------------------------------------------------------------------------------------------
// To LAPOR!

type Pending = {
  id: string;
  trackingNo: string;
  laporId: string | null;
  status: Status;
  submission: Omit<LaporSubmission, 'region' | 'status'>;
  /** When the report reached its status. */
  since: Date;
};

async function send(
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
