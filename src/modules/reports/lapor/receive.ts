/**
 * Receiving from LAPOR!: the region's updates after the stored cursor, a page at a time, each page
 * applied in one transaction together with the new cursor. An update is recorded on the report it
 * names as a public `lapor` event and moves it when the state machine lets the system take that
 * step; a report a citizen filed at LAPOR! about the region is filed here, channel `lapor`.
 */
import {
  emitEvent,
  invalidate,
  type Platform,
  recordAudit,
  type TenantScope,
  translator,
  type VerifiedTenant,
} from '../../../platform/sdk/index.ts';
import type { ReportType, Status } from '../lifecycle.ts';
import { insideTenantArea } from '../location.ts';
import {
  lockLaporCursor,
  lockReportByLaporId,
  lockUnlinkedReport,
  updateLaporColumns,
  writeLaporCursor,
} from '../repo/lapor.ts';
import type { NewReportInput } from '../schemas.ts';
import { REPORTS_TAG } from '../services/cache-tags.ts';
import { loadConfig } from '../services/config.ts';
import { fileReport } from '../services/intake.ts';
import { transition } from '../services/transitions.ts';
import type { ExchangeResult } from './exchange.ts';
import type { LaporGateway, LaporUpdate } from './gateway.ts';
import { ACTOR, addLaporEvent, clip } from './history.ts';
import { actionForLapor, fromLaporClassification } from './mapping.ts';

/** Pages of updates per run. */
const MAX_PAGES = 20;

/** Applies the tenant's updates from `start` on, page by page, until LAPOR! has no more (or MAX_PAGES). */
export async function receive(
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
    ...(r.confidential ? { confidential: true } : {}),
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
