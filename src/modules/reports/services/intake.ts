/**
 * Filing a report, from any channel: the checks of its category and place, its tracking number,
 * its first deadline, and retries with an idempotency key. Also the notes an intake channel adds.
 */
import { randomInt } from 'node:crypto';
import {
  AppError,
  emitEvent,
  invalid,
  invalidate,
  newId,
  type Platform,
  randomSecret,
  recordAudit,
  sha256,
  type TenantScope,
  type VerifiedTenant,
} from '../../../platform/sdk/index.ts';
import { daysFor } from '../deadlines.ts';
import type { Status } from '../lifecycle.ts';
import { insideTenantArea } from '../location.ts';
import type { StoredPhoto } from '../photos.ts';
import { addEvent, eventRow, insertPhotos } from '../repo/history.ts';
import { findByIdempotencyKey, insertReportWithEvent } from '../repo/reports.ts';
import type { NewReportInput } from '../schemas.ts';
import type { ReportsTable } from '../tables.ts';
import { REPORTS_TAG } from './cache-tags.ts';
import { categoryRules, loadCalendar, loadConfig } from './config.ts';
import { sendReceipt } from './notifications.ts';
import {
  type FirstAnswer,
  idempotencyKeyHash,
  keptForReplay,
  openAnswer,
  REPLAY_LIFETIME_MS,
  sealAnswer,
} from './replay.ts';

/** How a report arrives. */
export type Intake = {
  channel: ReportsTable['channel'];
  reporterUserId: string | null;
  /** The reporter's account email/phone, when signed in: notifications go there. */
  idempotencyKey?: string;
  photos: readonly StoredPhoto[];
  now?: Date;
};

export type FiledReport = {
  id: string;
  trackingNo: string;
  status: Status;
  dueAt: Date | null;
  secret?: string;
  replayed: boolean;
};

const TRACKING_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';

/** Date formatters by time zone: building one costs more than the rest of the tracking number. */
const filingDateFormats = new Map<string, Intl.DateTimeFormat>();

/** A human-readable tracking number: the local filing date and five unambiguous characters. */
export function trackingNumber(now: Date, timeZone: string): string {
  let format = filingDateFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: '2-digit',
      month: '2-digit',
      day: '2-digit',
    });
    filingDateFormats.set(timeZone, format);
  }
  const parts = format.formatToParts(now);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '00';
  let suffix = '';
  for (let i = 0; i < 5; i++) suffix += TRACKING_ALPHABET[randomInt(TRACKING_ALPHABET.length)];
  return `${get('year')}${get('month')}${get('day')}-${suffix}`;
}

function fingerprint(input: NewReportInput, photos: readonly StoredPhoto[]): string {
  const keys = Object.keys(input).sort();
  const canonical = JSON.stringify(keys.map((k) => [k, input[k as keyof NewReportInput]]));
  return sha256(`${canonical}|${photos.map((p) => p.sha256).join(',')}`);
}

/**
 * Files a report. With an idempotency key, a retry of the same request gets the first request's
 * answer back, the anonymous reporter's secret included (kept sealed for a while: replay.ts), and
 * grants nothing new; the same key with a different request is a conflict. Two requests racing with
 * one key file one report: the unique key makes the second wait for the first and replay it.
 */
export async function fileReport(
  platform: Platform,
  scope: TenantScope,
  tenant: VerifiedTenant,
  input: NewReportInput,
  intake: Intake,
): Promise<FiledReport> {
  const now = intake.now ?? new Date();
  const key = intake.idempotencyKey;
  const hash = key ? fingerprint(input, intake.photos) : null;
  // A retry is found by its key when the insert below meets it (no lookup first: one round trip
  // less for every filing), or here when the request would not be accepted now — a category closed
  // since the first filing: the retry still gets the first answer.
  let checked: Awaited<ReturnType<typeof checkFiling>>;
  try {
    checked = await checkFiling(platform, scope, tenant, input, intake, now);
  } catch (error) {
    const earlier =
      key && error instanceof AppError ? await replay(scope, key, hash!, intake.reporterUserId, now) : null;
    if (earlier) return earlier;
    throw error;
  }
  const { category, due } = checked;
  const secret = intake.reporterUserId ? undefined : randomSecret(18);
  const id = newId();
  // The first step of its history, written with the report in one statement.
  const filed = eventRow(scope, id, {
    kind: 'filed',
    from: null,
    to: 'received',
    role: 'reporter',
    userId: intake.reporterUserId,
    data: { channel: intake.channel },
    at: now,
  });
  let trackingNo = '';
  for (let attempt = 0; ; attempt++) {
    trackingNo = trackingNumber(now, tenant.timeZone);
    const answer: FirstAnswer = {
      id,
      trackingNo,
      status: 'received',
      dueAt: due.toISOString(),
      ...(secret ? { secret } : {}),
    };
    const inserted = await insertReportWithEvent(
      scope,
      {
        id,
        tracking_no: trackingNo,
        type: input.type,
        category_code: input.category,
        description: input.description,
        status: 'received',
        channel: intake.channel,
        lat: input.lat ?? null,
        lng: input.lng ?? null,
        address: input.address ?? null,
        kelurahan: input.kelurahan ?? null,
        reporter_user_id: intake.reporterUserId,
        reporter_name: input.name ?? null,
        reporter_email: input.email ?? null,
        reporter_phone: input.phone ?? null,
        reporter_secret_hash: secret ? sha256(secret) : null,
        confidential: input.confidential ?? false,
        anonymous: input.anonymous ?? false,
        agency_id: null,
        track: category.defaultTrack,
        due_at: due,
        idempotency_key: key ? idempotencyKeyHash(key) : null,
        idempotency_hash: hash,
        idempotency_answer: key
          ? sealAnswer(keptForReplay(answer, key, intake.channel), key, scope.tenantId)
          : null,
        idempotency_expires_at: key ? new Date(now.getTime() + REPLAY_LIFETIME_MS) : null,
        created_at: now,
        updated_at: now,
      },
      filed,
    );
    if (inserted) break;
    if (key) {
      // A filing with the same key came first: an earlier one, or a concurrent one that won the race
      // (this insert waited for it to commit).
      const earlier = await replay(scope, key, hash!, intake.reporterUserId, now);
      if (earlier) return earlier;
    }
    if (attempt >= 5) throw new Error('could not allocate a tracking number');
  }
  await insertPhotos(scope, id, filed.id, 'report', intake.photos);
  await recordAudit(scope, {
    action: 'report.file',
    entityType: 'report',
    entityId: id,
    after: {
      trackingNo,
      type: input.type,
      category: input.category,
      channel: intake.channel,
      confidential: input.confidential ?? false,
      anonymous: input.anonymous ?? false,
    },
  });
  await emitEvent(scope, {
    type: 'report.filed',
    entityType: 'report',
    entityId: id,
    data: { status: 'received', category: input.category },
  });
  await sendReceipt(platform, scope, tenant, intake.channel, {
    tracking_no: trackingNo,
    reporter_user_id: intake.reporterUserId,
    reporter_email: input.email ?? null,
    reporter_phone: input.phone ?? null,
  });
  await invalidate(scope, REPORTS_TAG);
  return { id, trackingNo, status: 'received', dueAt: due, secret, replayed: false };
}

/** The filing's checks — its category, its place — and its first deadline; throws what fails. */
async function checkFiling(
  platform: Platform,
  scope: TenantScope,
  tenant: VerifiedTenant,
  input: NewReportInput,
  intake: Intake,
  now: Date,
) {
  const { settings, categories } = await loadConfig(platform, scope);
  const category = categories.get(input.category);
  if (!category?.active) throw invalid({ path: '/body/category', code: 'unknown_category' });
  checkLocation(platform, tenant, input, intake.channel);
  const calendar = await loadCalendar(platform, scope, tenant);
  const due = calendar.dueInstant(
    now,
    daysFor('triage', settings.deadlines, categoryRules(category), input.type, 'standard'),
  );
  return { category, due };
}

/**
 * The answer to a retry of an earlier filing with this key, or null when there was none. Within the
 * answer's lifetime it is the first answer exactly; past it, the report as it is now, without a
 * secret. Either way no secret is minted or changed: the first one keeps working.
 */
async function replay(
  scope: TenantScope,
  key: string,
  hash: string,
  reporterUserId: string | null,
  now: Date,
): Promise<FiledReport | null> {
  const earlier = await findByIdempotencyKey(scope, idempotencyKeyHash(key));
  if (!earlier) return null;
  if (earlier.idempotency_hash !== hash || earlier.reporter_user_id !== reporterUserId) {
    throw new AppError('conflict', { detailKey: 'idempotency_mismatch' });
  }
  const expires = earlier.idempotency_expires_at as Date | null;
  const first =
    earlier.idempotency_answer && expires && expires.getTime() > now.getTime()
      ? openAnswer(earlier.idempotency_answer, key, scope.tenantId, earlier.id)
      : null;
  if (first) {
    return {
      id: first.id,
      trackingNo: first.trackingNo,
      status: first.status,
      dueAt: first.dueAt ? new Date(first.dueAt) : null,
      ...(first.secret ? { secret: first.secret } : {}),
      replayed: true,
    };
  }
  return {
    id: earlier.id,
    trackingNo: earlier.tracking_no,
    status: earlier.status,
    dueAt: earlier.due_at as Date | null,
    replayed: true,
  };
}

function checkLocation(
  platform: Platform,
  tenant: VerifiedTenant,
  input: NewReportInput,
  channel: ReportsTable['channel'],
) {
  const hasLat = input.lat !== undefined;
  if (hasLat !== (input.lng !== undefined)) {
    throw invalid({ path: hasLat ? '/body/lng' : '/body/lat', code: 'required' });
  }
  // A chat message often comes without a place: the operator asks for it during triage. A request
  // for information (a document, a schedule) is about no place at all.
  if (!hasLat && !input.address && channel !== 'messaging' && input.type !== 'information_request') {
    throw invalid({ path: '/body/address', code: 'location_required' });
  }
  if (hasLat && !insideTenantArea(tenant, input.lat!, input.lng!)) {
    const there = platform.directory.tenantsAt(input.lat!, input.lng!)[0];
    // The field's message names the region the point is in, when one is known (`_elsewhere`).
    const params = there
      ? { tenant: tenant.name, place: there.name, context: 'elsewhere' }
      : { tenant: tenant.name };
    throw new AppError('validation', {
      fields: [{ path: '/body/lat', code: 'outside_area', params }],
      detailKey: there ? 'report_elsewhere' : 'validation',
      // Where to report it instead: that region's slug, if it takes reports.
      params: {
        place: there?.name ?? '',
        ...(there && platform.directory.isLive(there.id, 'reports') ? { placeSlug: there.slug } : {}),
      },
    });
  }
}

/**
 * A note that came with a report from an intake channel (such as a media link from an Open311
 * client), kept for staff and the reporter, not on the public history.
 */
export async function addIntakeNote(
  scope: TenantScope,
  reportId: string,
  note: string,
  userId: string | null,
  data: Record<string, unknown> = {},
): Promise<void> {
  await addEvent(scope, reportId, {
    kind: 'info',
    from: null,
    to: null,
    role: 'reporter',
    userId,
    note,
    public: false,
    data,
    at: new Date(),
  });
}
