/**
 * One report with its history, as each reader may see it, and its photos' bytes. The public sees
 * public reports, public steps and their photos; the reporter also their own additions; staff
 * everything.
 */
import {
  isUuid,
  notFound,
  type Platform,
  type TenantScope,
  type VerifiedTenant,
} from '../../../platform/sdk/index.ts';
import type { Action } from '../lifecycle.ts';
import { isPublic } from '../publicity.ts';
import { eventsOf, photoFile, photosOf } from '../repo/history.ts';
import { accountEmail, userNames } from '../repo/people.ts';
import { readReport, readReportForView } from '../repo/reports.ts';
import { availableActions, isReporter, type Who } from './access.ts';
import { agencyNames } from './agencies.ts';
import { loadConfig } from './config.ts';
import { INTERNAL_NOTE } from './transitions.ts';
import { decorate, type Lang, photoUrl } from './views.ts';

/**
 * One report with its history. The public sees public reports (publicity.ts) and public steps,
 * never who the reporter is; the reporter also sees their own additions; staff see everything but
 * the identity of a reporter who asked to stay anonymous.
 */
export async function getReport(
  platform: Platform,
  scope: TenantScope,
  tenant: VerifiedTenant,
  idOrTracking: string,
  lang: Lang,
  who: readonly Who[],
  staffFor: (agencyId: string | null) => boolean,
) {
  const now = new Date();
  const report = await readReportForView(scope, idOrTracking);
  if (!report) throw notFound('report');
  const reporter = who.some((w) => isReporter(report, w));
  const staff = staffFor(report.agency_id);
  const { settings } = await loadConfig(platform, scope);
  if (!isPublic(report, settings) && !staff && !reporter) throw notFound('report');
  const [view] = await decorate(platform, scope, tenant, [report], lang, now);
  const events = await eventsOf(scope, report.id);
  const visible = events.filter((e) => seesStep({ staff, reporter }, e));
  const shown = new Set(visible.map((e) => e.id));
  // A photo shows where the step that added it does (staff also see one without a step).
  const photos = (await photosOf(scope, report.id)).filter((p) =>
    p.event_id ? shown.has(p.event_id) : staff,
  );
  const agencies = await agencyNames(platform, scope);
  const names = staff
    ? await userNames(scope, [...events.map((e) => e.actor_user_id), report.officer_user_id])
    : new Map();
  // An anonymous reporter's name stays off the history too.
  const hidden = (e: { actor_role: string }) => report.anonymous && e.actor_role === 'reporter';
  const history = visible.map((e) => ({
    at: new Date(e.at).toISOString(),
    kind: e.kind,
    fromStatus: e.from_status,
    toStatus: e.to_status,
    actorRole: e.actor_role,
    ...(staff
      ? { actorName: e.actor_user_id && !hidden(e) ? (names.get(e.actor_user_id) ?? null) : null }
      : {}),
    agency: e.agency_id ? { id: e.agency_id, name: agencies.get(e.agency_id) ?? '' } : null,
    // Everyone sees the step; an instruction between staff stays with staff.
    note: staff || !INTERNAL_NOTE.has(e.kind as Action) ? e.note : null,
    data: (e.data as Record<string, unknown> | null) ?? null,
    photos: photos
      .filter((p) => p.event_id === e.id)
      .map((p) => ({ id: p.id, kind: p.kind, url: photoUrl(tenant, report.id, p.id) })),
  }));
  const detail: Record<string, unknown> = {
    ...view!,
    photos: photos.map((p) => ({ id: p.id, kind: p.kind, url: photoUrl(tenant, report.id, p.id) })),
    history,
  };
  if (staff || reporter) detail.actions = [...new Set(who.flatMap((w) => availableActions(report, w)))];
  if (staff) {
    const referredFrom = report.referred_from_tenant_id
      ? platform.directory.all().find((t) => t.id === report.referred_from_tenant_id)
      : undefined;
    Object.assign(detail, {
      reporter: report.anonymous
        ? { name: null, email: null, phone: null, userId: null, anonymous: true }
        : {
            name: report.reporter_name,
            email: report.reporter_email ?? (await accountEmail(scope, report.reporter_user_id)),
            phone: report.reporter_phone,
            userId: report.reporter_user_id,
            anonymous: false,
          },
      channel: report.channel,
      officer: report.officer_user_id
        ? { id: report.officer_user_id, name: names.get(report.officer_user_id) ?? '' }
        : null,
      track: report.track,
      laporId: report.lapor_id,
      laporError: report.lapor_error,
      referredFrom:
        referredFrom && report.referred_from_tracking_no
          ? { tenant: referredFrom.slug, trackingNo: report.referred_from_tracking_no }
          : null,
    });
  }
  return { report, detail };
}

/** Who reads a report: staff of its agency, its reporter, or (neither) the public. */
type Reader = { staff: boolean; reporter: boolean };

/**
 * Whether a reader sees a step of a report's history, and so the photos the step added: staff see
 * every step, the reporter also their own private ones (information they added), the public only
 * public steps.
 */
export function seesStep(reader: Reader, step: { public: boolean; actor_role: string }): boolean {
  return reader.staff || step.public || (reader.reporter && step.actor_role === 'reporter');
}

/**
 * A stored photo with its bytes, for a reader who sees the step that added it (as in `getReport`).
 * `public` says whether anyone may: the report and the step are public.
 */
export async function photoOf(
  platform: Platform,
  scope: TenantScope,
  reportId: string,
  photoId: string,
  who: readonly Who[],
  staffFor: (agencyId: string | null) => boolean,
): Promise<{ body: Uint8Array; mime: string; public: boolean }> {
  if (!isUuid(reportId) || !isUuid(photoId)) throw notFound('photo');
  const report = await readReport(scope, reportId);
  if (!report) throw notFound('photo');
  const reader = { staff: staffFor(report.agency_id), reporter: who.some((w) => isReporter(report, w)) };
  const { settings } = await loadConfig(platform, scope);
  const visible = isPublic(report, settings);
  if (!visible && !reader.staff && !reader.reporter) throw notFound('photo');
  const row = await photoFile(scope, reportId, photoId);
  if (!row) throw notFound('photo');
  const step =
    row.step_public === null || row.step_actor_role === null
      ? null
      : { public: row.step_public, actor_role: row.step_actor_role };
  if (!(step ? seesStep(reader, step) : reader.staff)) throw notFound('photo');
  const file = await platform.files.get(row.file_key);
  if (!file) throw notFound('photo');
  return { body: file.body, mime: row.mime, public: visible && step?.public === true };
}
