/**
 * The reports app's domain logic: intake, the life of a report through its state machine, its
 * deadlines, the public and staff views, and the statistics. Never sets HTTP status codes.
 */
import { randomInt } from 'node:crypto';
import { sql } from 'kysely';
import { recordAudit } from '../../platform/audit/audit.ts';
import { invalidate } from '../../platform/cache/tenant-cache.ts';
import { CALENDAR_TAG, calendarForTenant } from '../../platform/calendar/service.ts';
import type { WorkingCalendar } from '../../platform/calendar/working-days.ts';
import { localInstant } from '../../platform/calendar/working-days.ts';
import type { Role } from '../../platform/catalogue/manifest.ts';
import { bindTenant, readAcrossTenants, type TenantScope } from '../../platform/db/tenant-scope.ts';
import { AppError, invalid, notFound } from '../../platform/errors.ts';
import { emitEvent } from '../../platform/events/hub.ts';
import { translator } from '../../platform/i18n/index.ts';
import { isUuid, newId } from '../../platform/ids.ts';
import { enqueueNotification } from '../../platform/notify/outbox.ts';
import { randomSecret, sameSecret, sha256 } from '../../platform/people/auth.ts';
import type { Platform } from '../../platform/platform.ts';
import type { VerifiedTenant } from '../../platform/tenancy/directory.ts';
import { AGENCIES_TAG, agencyPaths, listAgencies } from '../../platform/tenancy/service.ts';
import { DEFAULT_DEADLINES, daysFor, mayReopen } from './deadlines.ts';
import {
  type Action,
  type ActorRole,
  actionsFrom,
  FINAL_STATUSES,
  nextStatus,
  RULES,
  type Stage,
  type Status,
  stageOf,
  type Track,
} from './lifecycle.ts';
import { insideTenantArea } from './location.ts';
import type { StoredPhoto } from './photos.ts';
import { PERM } from './permissions.ts';
import type {
  CategoryInputType,
  FiltersInput,
  MessagingInput,
  NewReportInput,
  SettingsInputType,
  TransitionInput,
} from './schemas.ts';
import { type Deadlines, REPORT_COLUMNS, type ReportsTable, tx } from './tables.ts';

/** Cache tag of everything public about reports (lists, details, statistics). */
export const REPORTS_TAG = 'reports';
/** Cache tag of the app's settings and categories. */
export const CONFIG_TAG = 'reports-config';

export type Settings = {
  displayName: string | null;
  deadlines: Deadlines;
  duplicateRadiusM: number;
  duplicateWindowDays: number;
  minStatsSample: number;
  laporEnabled: boolean;
};

export type CategoryRow = {
  code: string;
  name: { id: string; en: string };
  agencyId: string | null;
  verifyDays: number | null;
  followUpDays: number | null;
  defaultTrack: Track;
  active: boolean;
  sort: number;
};

/** The app's per-tenant configuration, read once per change (cached). */
export type ReportsConfig = { settings: Settings; categories: Map<string, CategoryRow> };

type Row = ReportsTable extends infer T
  ? { [K in keyof T]: T[K] extends { __select__: infer S } ? S : T[K] }
  : never;
type ReportRow = Omit<Row, 'search'> & {
  due_at: Date | null;
  escalated_at: Date | null;
  verified_at: Date | null;
  disposed_at: Date | null;
  follow_up_due_at: Date | null;
  done_at: Date | null;
  first_done_at: Date | null;
  closed_at: Date | null;
  lapor_synced_at: Date | null;
  created_at: Date;
  updated_at: Date;
  public: boolean;
  track: Track;
};

// ---------------------------------------------------------------------------------------------
// Configuration

/** The tenant's settings and categories (cached until either changes). */
export function loadConfig(platform: Platform, scope: TenantScope): Promise<ReportsConfig> {
  return platform.cache.getIn(scope, CONFIG_TAG, 'config', async () => {
    const db = tx(scope);
    const row = await db
      .selectFrom('report_settings')
      .selectAll()
      .where('tenant_id', '=', scope.tenantId)
      .executeTakeFirst();
    const cats = await db
      .selectFrom('report_categories')
      .selectAll()
      .where('tenant_id', '=', scope.tenantId)
      .orderBy('sort')
      .orderBy('code')
      .execute();
    const settings: Settings = row
      ? {
          displayName: row.display_name,
          deadlines: { ...DEFAULT_DEADLINES, ...row.deadlines },
          duplicateRadiusM: row.duplicate_radius_m,
          duplicateWindowDays: row.duplicate_window_days,
          minStatsSample: row.min_stats_sample,
          laporEnabled: row.lapor_enabled,
        }
      : {
          displayName: null,
          deadlines: DEFAULT_DEADLINES,
          duplicateRadiusM: 150,
          duplicateWindowDays: 14,
          minStatsSample: 5,
          laporEnabled: false,
        };
    const categories = new Map<string, CategoryRow>();
    for (const c of cats) {
      categories.set(c.code, {
        code: c.code,
        name: c.name,
        agencyId: c.agency_id,
        verifyDays: c.verify_days,
        followUpDays: c.follow_up_days,
        defaultTrack: c.default_track,
        active: c.active,
        sort: c.sort,
      });
    }
    return { settings, categories };
  });
}

/** The tenant's working-day calendar (cached until a local holiday changes). */
export function loadCalendar(platform: Platform, scope: TenantScope, tenant: VerifiedTenant) {
  return platform.cache.getIn(scope, CALENDAR_TAG, 'calendar', () =>
    calendarForTenant(scope, tenant.timeZone),
  );
}

/** Changes the app's settings for the tenant. */
export async function updateSettings(scope: TenantScope, input: SettingsInputType): Promise<void> {
  const db = tx(scope);
  const before = await db
    .selectFrom('report_settings')
    .selectAll()
    .where('tenant_id', '=', scope.tenantId)
    .executeTakeFirst();
  const values = {
    display_name: input.displayName !== undefined ? input.displayName : (before?.display_name ?? null),
    deadlines: JSON.stringify(input.deadlines ?? before?.deadlines ?? DEFAULT_DEADLINES),
    duplicate_radius_m: input.duplicateRadiusM ?? before?.duplicate_radius_m ?? 150,
    duplicate_window_days: input.duplicateWindowDays ?? before?.duplicate_window_days ?? 14,
    min_stats_sample: input.minStatsSample ?? before?.min_stats_sample ?? 5,
    lapor_enabled: input.laporEnabled ?? before?.lapor_enabled ?? false,
    // Turning the exchange on sends the reports verified from then on, not the whole archive.
    lapor_enabled_at:
      input.laporEnabled && !before?.lapor_enabled ? new Date() : (before?.lapor_enabled_at ?? null),
    updated_at: new Date(),
  };
  await db
    .insertInto('report_settings')
    .values({ tenant_id: scope.tenantId, ...values })
    .onConflict((oc) => oc.column('tenant_id').doUpdateSet(values))
    .execute();
  await recordAudit(scope, {
    action: 'reports.settings.update',
    entityType: 'report_settings',
    before,
    after: input,
  });
  await invalidate(scope, CONFIG_TAG);
  await invalidate(scope, REPORTS_TAG);
}

/** Creates or changes a category. */
export async function putCategory(scope: TenantScope, code: string, input: CategoryInputType): Promise<void> {
  if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(code) || code.length > 40) {
    throw invalid({ path: '/params/code', code: 'pattern' });
  }
  const db = tx(scope);
  if (input.agencyId) await requireAgency(scope, input.agencyId, '/body/agencyId');
  const before = await db
    .selectFrom('report_categories')
    .selectAll()
    .where('tenant_id', '=', scope.tenantId)
    .where('code', '=', code)
    .executeTakeFirst();
  const values = {
    name: JSON.stringify(input.name),
    agency_id: input.agencyId !== undefined ? input.agencyId : (before?.agency_id ?? null),
    verify_days: input.verifyDays !== undefined ? input.verifyDays : (before?.verify_days ?? null),
    follow_up_days: input.followUpDays !== undefined ? input.followUpDays : (before?.follow_up_days ?? null),
    default_track: input.defaultTrack ?? before?.default_track ?? 'standard',
    active: input.active ?? before?.active ?? true,
    sort: input.sort ?? before?.sort ?? 0,
    updated_at: new Date(),
  };
  await db
    .insertInto('report_categories')
    .values({ tenant_id: scope.tenantId, code, ...values })
    .onConflict((oc) => oc.columns(['tenant_id', 'code']).doUpdateSet(values))
    .execute();
  await recordAudit(scope, {
    action: before ? 'reports.category.update' : 'reports.category.create',
    entityType: 'report_category',
    entityId: code,
    before,
    after: input,
  });
  await invalidate(scope, CONFIG_TAG);
  await invalidate(scope, REPORTS_TAG);
}

export function categoryView(c: CategoryRow) {
  return { ...c };
}

async function requireAgency(scope: TenantScope, agencyId: string, path: string) {
  const agency = await scope.trx
    .selectFrom('agencies')
    .select(['id', 'name'])
    .where('tenant_id', '=', scope.tenantId)
    .where('id', '=', agencyId)
    .executeTakeFirst();
  if (!agency) throw invalid({ path, code: 'unknown_agency' });
  return agency;
}

// ---------------------------------------------------------------------------------------------
// Intake

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
 * Files a report. With an idempotency key, a retry of the same request returns the report filed by
 * the first (with a fresh secret for an anonymous reporter, who may never have seen the first);
 * the same key with a different request is a conflict.
 */
export async function fileReport(
  platform: Platform,
  scope: TenantScope,
  tenant: VerifiedTenant,
  input: NewReportInput,
  intake: Intake,
): Promise<FiledReport> {
  const db = tx(scope);
  const now = intake.now ?? new Date();
  const hash = intake.idempotencyKey ? fingerprint(input, intake.photos) : null;
  if (intake.idempotencyKey) {
    const earlier = await replay(scope, intake.idempotencyKey, hash!, intake.reporterUserId);
    if (earlier) return earlier;
  }
  const { settings, categories } = await loadConfig(platform, scope);
  const category = categories.get(input.category);
  if (!category?.active) throw invalid({ path: '/body/category', code: 'unknown_category' });
  checkLocation(platform, tenant, input, intake.channel);
  const calendar = await loadCalendar(platform, scope, tenant);
  const due = calendar.dueInstant(
    now,
    daysFor('triage', settings.deadlines, cat(category), input.type, 'standard'),
  );
  const secret = intake.reporterUserId ? undefined : randomSecret(18);
  const id = newId();
  let trackingNo = '';
  for (let attempt = 0; ; attempt++) {
    trackingNo = trackingNumber(now, tenant.timeZone);
    const inserted = await db
      .insertInto('reports')
      .values({
        tenant_id: scope.tenantId,
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
        agency_id: null,
        track: category.defaultTrack,
        due_at: due,
        idempotency_key: intake.idempotencyKey ?? null,
        idempotency_hash: hash,
        created_at: now,
        updated_at: now,
      })
      .onConflict((oc) => oc.doNothing())
      .returning('id')
      .executeTakeFirst();
    if (inserted) break;
    if (intake.idempotencyKey) {
      // A concurrent request with the same key won the race.
      const earlier = await replay(scope, intake.idempotencyKey, hash!, intake.reporterUserId);
      if (earlier) return earlier;
    }
    if (attempt >= 5) throw new Error('could not allocate a tracking number');
  }
  const eventId = await addEvent(scope, id, {
    kind: 'filed',
    from: null,
    to: 'received',
    role: 'reporter',
    userId: intake.reporterUserId,
    data: { channel: intake.channel },
    at: now,
  });
  await insertPhotos(scope, id, eventId, 'report', intake.photos);
  await recordAudit(scope, {
    action: 'report.file',
    entityType: 'report',
    entityId: id,
    after: { trackingNo, type: input.type, category: input.category, channel: intake.channel },
  });
  await emitEvent(scope, {
    type: 'report.filed',
    entityType: 'report',
    entityId: id,
    data: { status: 'received', category: input.category },
  });
  await invalidate(scope, REPORTS_TAG);
  return { id, trackingNo, status: 'received', dueAt: due, secret, replayed: false };
}

function cat(c: CategoryRow) {
  return { verify_days: c.verifyDays, follow_up_days: c.followUpDays };
}

async function replay(
  scope: TenantScope,
  key: string,
  hash: string,
  reporterUserId: string | null,
): Promise<FiledReport | null> {
  const db = tx(scope);
  const earlier = await db
    .selectFrom('reports')
    .select(['id', 'tracking_no', 'status', 'due_at', 'idempotency_hash', 'reporter_user_id'])
    .where('tenant_id', '=', scope.tenantId)
    .where('idempotency_key', '=', key)
    .executeTakeFirst();
  if (!earlier) return null;
  if (earlier.idempotency_hash !== hash || earlier.reporter_user_id !== reporterUserId) {
    throw new AppError('conflict', { detailKey: 'idempotency_mismatch' });
  }
  let secret: string | undefined;
  if (!reporterUserId) {
    secret = randomSecret(18);
    await db
      .updateTable('reports')
      .set({ reporter_secret_hash: sha256(secret) })
      .where('tenant_id', '=', scope.tenantId)
      .where('id', '=', earlier.id)
      .execute();
  }
  return {
    id: earlier.id,
    trackingNo: earlier.tracking_no,
    status: earlier.status,
    dueAt: earlier.due_at as Date | null,
    secret,
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
  // A chat message often comes without a place: the operator asks for it during triage.
  if (!hasLat && !input.address && channel !== 'messaging') {
    throw invalid({ path: '/body/address', code: 'location_required' });
  }
  if (hasLat && !insideTenantArea(tenant, input.lat!, input.lng!)) {
    const there = platform.directory.tenantsAt(input.lat!, input.lng!);
    throw new AppError('validation', {
      fields: [{ path: '/body/lat', code: 'outside_area', params: { tenant: tenant.name } }],
      detailKey: there[0] ? 'report_elsewhere' : 'validation',
      params: { place: there[0]?.name ?? '' },
    });
  }
}

/** A report filed through a messaging provider: `#category` at the start picks the category. */
export function parseMessage(
  message: MessagingInput,
  categories: Map<string, CategoryRow>,
): { input: NewReportInput; category: string } {
  const tag = /^\s*#([a-z0-9-]{1,40})\b\s*/i.exec(message.text);
  const named = tag ? categories.get(tag[1]!.toLowerCase()) : undefined;
  const active = [...categories.values()].filter((c) => c.active);
  const fallback = categories.get('other')?.active ? categories.get('other') : active.at(-1);
  const category = named?.active ? named : fallback;
  if (!category) throw invalid({ path: '/body/text', code: 'unknown_category' });
  const description = (named ? message.text.slice(tag![0].length) : message.text).trim();
  if (description.length < 10)
    throw invalid({ path: '/body/text', code: 'minLength', params: { limit: 10 } });
  return {
    category: category.code,
    input: {
      type: 'complaint',
      category: category.code,
      description: description.slice(0, 4000),
      ...(message.lat !== undefined && message.lng !== undefined
        ? { lat: message.lat, lng: message.lng }
        : {}),
      ...(message.address ? { address: message.address } : {}),
      ...(message.name ? { name: message.name } : {}),
      phone: message.from,
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Life of a report

/** Who acts on a report, as the routes established it. */
export type Who =
  | { role: 'operator'; userId: string }
  | { role: 'agency'; userId: string; mayActFor: (agencyId: string) => boolean }
  | { role: 'reporter'; userId: string | null; secret?: string }
  | { role: 'system' };

/** The report with this id or tracking number (the query, to select from). */
function reportByKey(scope: TenantScope, idOrTracking: string) {
  const q = tx(scope).selectFrom('reports').where('tenant_id', '=', scope.tenantId);
  return isUuid(idOrTracking)
    ? q.where('id', '=', idOrTracking)
    : q.where('tracking_no', '=', idOrTracking.toUpperCase());
}

async function findReport(scope: TenantScope, idOrTracking: string, lock = false): Promise<ReportRow> {
  let q = reportByKey(scope, idOrTracking).select(REPORT_COLUMNS);
  if (lock) q = q.forUpdate();
  const row = await q.executeTakeFirst();
  if (!row) throw notFound('report');
  return row as unknown as ReportRow;
}

/**
 * What a public view shows beside the report's own columns, as correlated subqueries of a select
 * from `reports`, so that a page is read in one statement: its photos (oldest first) and the
 * tracking number of the report it duplicates.
 */
const VIEW_EXTRAS = [
  sql<
    PhotoRef[]
  >`(select coalesce(json_agg(json_build_object('id', p.id, 'kind', p.kind) order by p.created_at, p.id), '[]'::json)
    from report_photos p where p.tenant_id = reports.tenant_id and p.report_id = reports.id)`.as(
    'photo_list',
  ),
  sql<string | null>`(select d.tracking_no from reports d
    where d.tenant_id = reports.tenant_id and d.id = reports.duplicate_of)`.as('duplicate_tracking_no'),
] as const;

type PhotoRef = { id: string; kind: string };
type ViewRow = ReportRow & { photo_list: PhotoRef[]; duplicate_tracking_no: string | null };

/** The report with this id or tracking number, with what its public view shows. */
async function findReportForView(scope: TenantScope, idOrTracking: string): Promise<ViewRow> {
  const row = await reportByKey(scope, idOrTracking)
    .select([...REPORT_COLUMNS, ...VIEW_EXTRAS])
    .executeTakeFirst();
  if (!row) throw notFound('report');
  return row as unknown as ViewRow;
}

/** Whether `who` is the reporter of `report` (signed in as them, or holding the report's secret). */
function isReporter(report: ReportRow, who: Who): boolean {
  if (who.role !== 'reporter') return false;
  if (who.userId && report.reporter_user_id === who.userId) return true;
  return Boolean(
    who.secret && report.reporter_secret_hash && sameSecret(sha256(who.secret), report.reporter_secret_hash),
  );
}

function mayAct(report: ReportRow, who: Who, action: Action): boolean {
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

const NOTE_REQUIRED: ReadonlySet<Action> = new Set([
  'request_info',
  'add_info',
  'reject',
  'hand_back',
  'send_back',
  'reopen',
  'complete',
]);

/** Actions whose note is an internal instruction, not shown on the public history. */
export const INTERNAL_NOTE: ReadonlySet<Action> = new Set([
  'dispose',
  'hand_on',
  'hand_back',
  'send_back',
  'verify',
]);

/**
 * Moves a report by `action`. Refuses an illegal transition (409) or an actor who may not take it
 * (403, or 404 for a reporter who cannot prove it is theirs); changes nothing on refusal.
 */
export async function transition(
  platform: Platform,
  scope: TenantScope,
  tenant: VerifiedTenant,
  idOrTracking: string,
  action: Action,
  input: TransitionInput,
  who: Who,
  now: Date = new Date(),
): Promise<{ id: string; status: Status }> {
  const report = await findReport(scope, idOrTracking, true);
  if (who.role === 'reporter' && !isReporter(report, who)) throw notFound('report');
  const to = nextStatus(report.status, action);
  if (!to) {
    throw new AppError('invalid_transition', {
      detailKey: 'report_action',
      params: { action, status: report.status },
    });
  }
  if (!mayAct(report, who, action)) throw new AppError('forbidden');
  if (NOTE_REQUIRED.has(action) && !input.note?.trim())
    throw invalid({ path: '/body/note', code: 'required' });

  const { settings, categories } = await loadConfig(platform, scope);
  const calendar = await loadCalendar(platform, scope, tenant);
  const category = categories.get(report.category_code);
  const rules = category ? cat(category) : { verify_days: null, follow_up_days: null };
  const patch: Partial<Record<keyof ReportsTable, unknown>> = { status: to, updated_at: now };
  const data: Record<string, unknown> = {};
  let eventAgency: string | null = report.agency_id;
  const due = (stage: Stage, track: Track = report.track) =>
    calendar.dueInstant(now, daysFor(stage, settings.deadlines, rules, report.type, track));
  const setDue = (at: Date | null) => {
    patch.due_at = at;
    patch.escalated_at = null;
  };

  switch (action) {
    case 'verify':
      patch.verified_at = now;
      break;
    case 'request_info':
      setDue(null);
      break;
    case 'add_info':
      setDue(due('triage'));
      break;
    case 'mark_duplicate': {
      const original = await resolveOriginal(scope, input.duplicateOf, report.id);
      patch.duplicate_of = original.id;
      data.duplicateOf = original.tracking_no;
      setDue(null);
      break;
    }
    case 'reject':
      if (!input.reason) throw invalid({ path: '/body/reason', code: 'required' });
      patch.reject_reason = input.reason;
      patch.public = input.reason !== 'not_a_report';
      data.reason = input.reason;
      setDue(null);
      break;
    case 'refer': {
      const target = await referTo(platform, scope, tenant, report, input, now);
      Object.assign(patch, {
        referred_to_tenant_id: target.tenant.id,
        referred_report_id: target.id,
        referred_tracking_no: target.trackingNo,
      });
      data.referredTo = target.tenant.slug;
      data.trackingNo = target.trackingNo;
      setDue(null);
      break;
    }
    case 'dispose':
    case 'hand_on': {
      const agencyId = input.agencyId ?? (action === 'dispose' ? category?.agencyId : undefined);
      if (!agencyId) throw invalid({ path: '/body/agencyId', code: 'required' });
      const agency = await requireAgency(scope, agencyId, '/body/agencyId');
      if (action === 'hand_on' && agencyId === report.agency_id) {
        throw invalid({ path: '/body/agencyId', code: 'same_agency' });
      }
      patch.agency_id = agency.id;
      patch.officer_user_id = input.officerUserId
        ? await requireOfficer(platform, scope, input.officerUserId, agency.id)
        : null;
      eventAgency = agency.id;
      data.agency = agency.name;
      if (action === 'dispose') {
        const track = input.track ?? category?.defaultTrack ?? 'standard';
        const followUpDue = due('follow_up', track);
        Object.assign(patch, { track, disposed_at: now, follow_up_due_at: followUpDue });
        data.track = track;
        setDue(followUpDue);
      }
      // Handing on keeps the follow-up clock: passing a report around does not buy time.
      break;
    }
    case 'hand_back':
      patch.agency_id = null;
      patch.officer_user_id = null;
      setDue(due('triage'));
      break;
    case 'start':
      if (input.officerUserId && report.agency_id)
        patch.officer_user_id = await requireOfficer(platform, scope, input.officerUserId, report.agency_id);
      break;
    case 'complete':
      Object.assign(patch, { done_at: now, first_done_at: report.first_done_at ?? now });
      setDue(due('reporter'));
      break;
    case 'send_back':
      // Back to the agency on its original deadline (which may already have passed).
      setDue(report.follow_up_due_at);
      break;
    case 'close':
    case 'auto_close':
      patch.closed_at = now;
      setDue(null);
      break;
    case 'confirm':
      patch.closed_at = now;
      if (input.rating) {
        patch.rating = input.rating;
        patch.rating_comment = input.comment ?? null;
        data.rating = input.rating;
      }
      setDue(null);
      break;
    case 'reopen': {
      const since = report.closed_at ?? report.done_at ?? report.updated_at;
      if (!mayReopen(calendar, since, now, settings.deadlines.reopenDays)) {
        throw new AppError('invalid_transition', {
          detailKey: 'reopen_window',
          params: { days: settings.deadlines.reopenDays },
        });
      }
      patch.closed_at = null;
      setDue(due('triage'));
      break;
    }
  }

  await tx(scope)
    .updateTable('reports')
    .set(patch as never)
    .where('tenant_id', '=', scope.tenantId)
    .where('id', '=', report.id)
    .execute();
  await addEvent(scope, report.id, {
    kind: action,
    from: report.status,
    to,
    role: who.role,
    userId: 'userId' in who ? who.userId : null,
    agencyId: eventAgency,
    note: input.note?.trim() || null,
    data,
    at: now,
  });
  await recordAudit(scope, {
    action: `report.${action}`,
    entityType: 'report',
    entityId: report.id,
    before: { status: report.status, agencyId: report.agency_id },
    after: { status: to, ...data, note: input.note ?? null },
  });
  await emitEvent(scope, {
    type: 'report.status',
    entityType: 'report',
    entityId: report.id,
    data: { from: report.status, to, agency: (patch.agency_id as string | undefined) ?? report.agency_id },
  });
  await notifyReporter(
    scope,
    tenant,
    report,
    to,
    input.note && !INTERNAL_NOTE.has(action) ? input.note : null,
  );
  if ((action === 'dispose' || action === 'hand_on') && patch.officer_user_id) {
    await notifyStaff(scope, tenant, [patch.officer_user_id as string], report.tracking_no, 'assigned');
  }
  await invalidate(scope, REPORTS_TAG);
  return { id: report.id, status: to };
}

async function resolveOriginal(scope: TenantScope, ref: string | undefined, selfId: string) {
  if (!ref) throw invalid({ path: '/body/duplicateOf', code: 'required' });
  let original: ReportRow;
  try {
    original = await findReport(scope, ref);
  } catch {
    throw invalid({ path: '/body/duplicateOf', code: 'unknown_report' });
  }
  // The reporter follows the original: a duplicate of a duplicate points at the first.
  for (let hops = 0; original.status === 'duplicate' && original.duplicate_of && hops < 10; hops++) {
    original = await findReport(scope, original.duplicate_of);
  }
  if (original.id === selfId) throw invalid({ path: '/body/duplicateOf', code: 'self_reference' });
  if (original.status === 'rejected' || original.status === 'referred') {
    throw invalid({ path: '/body/duplicateOf', code: 'not_followable' });
  }
  return original;
}

/** The officer to assign: an active staff account that may follow up the agency's reports. */
async function requireOfficer(
  platform: Platform,
  scope: TenantScope,
  userId: string,
  agencyId: string,
): Promise<string> {
  const officers = await officersFor(platform, scope, agencyId, PERM.followUp);
  if (!officers.some((o) => o.id === userId))
    throw invalid({ path: '/body/officerUserId', code: 'unknown_user' });
  return userId;
}

/**
 * "No wrong door": files a copy of the report in the neighbouring tenant, in the same transaction,
 * bound to that tenant for its writes; the original keeps a link to it and the reporter follows it.
 */
async function referTo(
  platform: Platform,
  scope: TenantScope,
  tenant: VerifiedTenant,
  report: ReportRow,
  input: TransitionInput,
  now: Date,
) {
  if (!input.targetTenant) throw invalid({ path: '/body/targetTenant', code: 'required' });
  const target = platform.directory.bySlug(input.targetTenant);
  if (!target || target.id === tenant.id || !platform.directory.isLive(target.id, 'reports')) {
    throw invalid({ path: '/body/targetTenant', code: 'unknown_tenant' });
  }
  const photos = await tx(scope)
    .selectFrom('report_photos')
    .selectAll()
    .where('tenant_id', '=', scope.tenantId)
    .where('report_id', '=', report.id)
    .where('kind', '=', 'report')
    .execute();
  const committed: Array<() => void> = [];
  const there = await bindTenant(scope.trx, target.id, scope.actor, committed);
  const targetConfig = await loadConfig(platform, there);
  const category = targetConfig.categories.has(report.category_code)
    ? report.category_code
    : ([...targetConfig.categories.values()].find((c) => c.active && c.code === 'other')?.code ??
      [...targetConfig.categories.values()].find((c) => c.active)?.code);
  if (!category) throw invalid({ path: '/body/targetTenant', code: 'no_categories' });
  const calendar = await loadCalendar(platform, there, target);
  const targetCategory = targetConfig.categories.get(category)!;
  const id = newId();
  const trackingNo = trackingNumber(now, target.timeZone);
  const due = calendar.dueInstant(
    now,
    daysFor('triage', targetConfig.settings.deadlines, cat(targetCategory), report.type, 'standard'),
  );
  const db = tx(there);
  await db
    .insertInto('reports')
    .values({
      tenant_id: target.id,
      id,
      tracking_no: trackingNo,
      type: report.type,
      category_code: category,
      description: report.description,
      status: 'received',
      channel: 'referral',
      lat: report.lat,
      lng: report.lng,
      address: report.address,
      kelurahan: report.kelurahan,
      // The account lives in the referring tenant; the contact travels so the new owner can answer.
      reporter_user_id: null,
      reporter_name: report.reporter_name,
      reporter_email: report.reporter_email ?? (await accountEmail(scope, report.reporter_user_id)),
      reporter_phone: report.reporter_phone,
      reporter_secret_hash: report.reporter_secret_hash,
      referred_from_tenant_id: tenant.id,
      referred_from_tracking_no: report.tracking_no,
      track: targetCategory.defaultTrack,
      due_at: due,
      created_at: now,
      updated_at: now,
    })
    .execute();
  const eventId = await addEvent(there, id, {
    kind: 'filed',
    from: null,
    to: 'received',
    role: 'system',
    userId: null,
    data: { channel: 'referral', referredFrom: tenant.slug, trackingNo: report.tracking_no },
    note: input.note?.trim() || null,
    at: now,
  });
  // Photo files are shared by key: both tenants' rows point at the same normalised bytes.
  await insertPhotos(
    there,
    id,
    eventId,
    'report',
    photos.map((p) => ({
      key: p.file_key,
      mime: p.mime,
      width: p.width,
      height: p.height,
      bytes: p.bytes,
      sha256: '',
    })),
  );
  await recordAudit(there, {
    action: 'report.file',
    entityType: 'report',
    entityId: id,
    after: { trackingNo, referredFrom: tenant.slug, referredTrackingNo: report.tracking_no },
  });
  await emitEvent(there, {
    type: 'report.filed',
    entityType: 'report',
    entityId: id,
    data: { status: 'received', category },
  });
  await invalidate(there, REPORTS_TAG);
  // Back to the referring tenant for the rest of the transaction.
  await bindTenant(scope.trx, scope.tenantId, scope.actor, committed);
  for (const fn of committed) scope.afterCommit(fn);
  return { tenant: target, id, trackingNo };
}

async function accountEmail(scope: TenantScope, userId: string | null): Promise<string | null> {
  if (!userId) return null;
  const u = await scope.trx
    .selectFrom('users')
    .select('email')
    .where('tenant_id', '=', scope.tenantId)
    .where('id', '=', userId)
    .executeTakeFirst();
  return u?.email ?? null;
}

type EventInput = {
  kind: string;
  from: Status | null;
  to: Status | null;
  role: ActorRole;
  userId: string | null;
  agencyId?: string | null;
  note?: string | null;
  public?: boolean;
  data?: Record<string, unknown>;
  at: Date;
};

async function addEvent(scope: TenantScope, reportId: string, e: EventInput): Promise<string> {
  const id = newId();
  await tx(scope)
    .insertInto('report_events')
    .values({
      tenant_id: scope.tenantId,
      id,
      report_id: reportId,
      at: e.at,
      kind: e.kind,
      from_status: e.from,
      to_status: e.to,
      actor_role: e.role,
      actor_user_id: e.userId,
      agency_id: e.agencyId ?? null,
      note: e.note ?? null,
      public: e.public ?? true,
      data: e.data && Object.keys(e.data).length > 0 ? JSON.stringify(e.data) : null,
    })
    .execute();
  return id;
}

async function insertPhotos(
  scope: TenantScope,
  reportId: string,
  eventId: string,
  kind: 'report' | 'before' | 'after' | 'progress',
  photos: readonly StoredPhoto[],
  kinds?: readonly ('before' | 'after' | 'progress')[],
) {
  if (photos.length === 0) return;
  await tx(scope)
    .insertInto('report_photos')
    .values(
      photos.map((p, i) => ({
        tenant_id: scope.tenantId,
        id: newId(),
        report_id: reportId,
        event_id: eventId,
        kind: kinds?.[i] ?? kind,
        file_key: p.key,
        mime: p.mime,
        width: p.width,
        height: p.height,
        bytes: p.bytes,
      })),
    )
    .execute();
}

/** The officer's progress note with proof photos; a disposed report starts being worked on. */
export async function addProgress(
  platform: Platform,
  scope: TenantScope,
  tenant: VerifiedTenant,
  idOrTracking: string,
  input: { note: string; kinds: readonly ('before' | 'after' | 'progress')[] },
  photos: readonly StoredPhoto[],
  who: Who,
): Promise<void> {
  const report = await findReport(scope, idOrTracking, true);
  if (who.role !== 'agency' || !report.agency_id || !who.mayActFor(report.agency_id)) {
    throw new AppError('forbidden');
  }
  if (report.status !== 'disposed' && report.status !== 'in_progress') {
    throw new AppError('invalid_transition', {
      detailKey: 'report_action',
      params: { action: 'progress', status: report.status },
    });
  }
  if (report.status === 'disposed') {
    await transition(platform, scope, tenant, report.id, 'start', {}, who);
  }
  const now = new Date();
  const eventId = await addEvent(scope, report.id, {
    kind: 'progress',
    from: null,
    to: null,
    role: 'agency',
    userId: who.userId,
    agencyId: report.agency_id,
    note: input.note,
    at: now,
  });
  await insertPhotos(scope, report.id, eventId, 'progress', photos, input.kinds);
  await tx(scope)
    .updateTable('reports')
    .set({ updated_at: now })
    .where('tenant_id', '=', scope.tenantId)
    .where('id', '=', report.id)
    .execute();
  await recordAudit(scope, {
    action: 'report.progress',
    entityType: 'report',
    entityId: report.id,
    after: { note: input.note, photos: photos.length },
  });
  await emitEvent(scope, { type: 'report.progress', entityType: 'report', entityId: report.id });
  await invalidate(scope, REPORTS_TAG);
}

/** The reporter adds information (and photos) at any time before the report is finished. */
export async function addInformation(
  platform: Platform,
  scope: TenantScope,
  tenant: VerifiedTenant,
  idOrTracking: string,
  note: string,
  photos: readonly StoredPhoto[],
  who: Who,
): Promise<void> {
  const report = await findReport(scope, idOrTracking, true);
  if (!isReporter(report, who)) throw notFound('report');
  if (report.status === 'awaiting_info') {
    await transition(
      platform,
      scope,
      tenant,
      report.id,
      'add_info',
      { note, secret: (who as { secret?: string }).secret },
      who,
    );
    if (photos.length === 0) return;
  }
  if (FINAL_STATUSES.includes(report.status)) {
    throw new AppError('invalid_transition', {
      detailKey: 'report_action',
      params: { action: 'add_info', status: report.status },
    });
  }
  const eventId = await addEvent(scope, report.id, {
    kind: 'info',
    from: null,
    to: null,
    role: 'reporter',
    userId: who.role === 'reporter' ? who.userId : null,
    note: report.status === 'awaiting_info' ? null : note,
    public: false,
    at: new Date(),
  });
  await insertPhotos(scope, report.id, eventId, 'report', photos);
  await recordAudit(scope, {
    action: 'report.info',
    entityType: 'report',
    entityId: report.id,
    after: { note },
  });
  await emitEvent(scope, { type: 'report.info', entityType: 'report', entityId: report.id });
  await invalidate(scope, REPORTS_TAG);
}

/** The reporter rates the resolution (1–5) once the follow-up is done. */
export async function rateReport(
  scope: TenantScope,
  idOrTracking: string,
  rating: number,
  comment: string | undefined,
  who: Who,
): Promise<void> {
  const report = await findReport(scope, idOrTracking, true);
  if (!isReporter(report, who)) throw notFound('report');
  if (report.status !== 'done' && report.status !== 'closed') {
    throw new AppError('invalid_transition', {
      detailKey: 'report_action',
      params: { action: 'rate', status: report.status },
    });
  }
  await tx(scope)
    .updateTable('reports')
    .set({ rating, rating_comment: comment ?? null, updated_at: new Date() })
    .where('tenant_id', '=', scope.tenantId)
    .where('id', '=', report.id)
    .execute();
  await addEvent(scope, report.id, {
    kind: 'rating',
    from: null,
    to: null,
    role: 'reporter',
    userId: who.role === 'reporter' ? who.userId : null,
    data: { rating },
    at: new Date(),
  });
  await recordAudit(scope, {
    action: 'report.rate',
    entityType: 'report',
    entityId: report.id,
    after: { rating, comment },
  });
  await invalidate(scope, REPORTS_TAG);
}

// ---------------------------------------------------------------------------------------------
// Notifications

const REPORTER_NOTICES: ReadonlySet<Status> = new Set([
  'awaiting_info',
  'verified',
  'disposed',
  'done',
  'closed',
  'rejected',
  'referred',
  'duplicate',
]);

async function notifyReporter(
  scope: TenantScope,
  tenant: VerifiedTenant,
  report: ReportRow,
  to: Status,
  note: string | null,
) {
  if (!REPORTER_NOTICES.has(to)) return;
  const email = report.reporter_email ?? (await accountEmail(scope, report.reporter_user_id));
  if (!email) return;
  const t = translator(tenant.defaultLanguage);
  const status = t(`reports.status.${to}`);
  await enqueueNotification(scope, {
    channel: 'email',
    to: email,
    subject: t('reports.mail.subject', { trackingNo: report.tracking_no, status, tenant: tenant.name }),
    body: [t('reports.mail.body', { trackingNo: report.tracking_no, status }), note ?? '']
      .join('\n\n')
      .trim(),
  });
}

async function notifyStaff(
  scope: TenantScope,
  tenant: VerifiedTenant,
  userIds: readonly string[],
  trackingNo: string,
  what: 'assigned' | 'overdue',
) {
  if (userIds.length === 0) return;
  const users = await scope.trx
    .selectFrom('users')
    .select('email')
    .where('tenant_id', '=', scope.tenantId)
    .where('id', 'in', [...userIds])
    .where('email', 'is not', null)
    .execute();
  const t = translator(tenant.defaultLanguage);
  for (const u of users) {
    await enqueueNotification(scope, {
      channel: 'email',
      to: u.email!,
      subject: t(`reports.mail.${what}Subject`, { trackingNo }),
      body: t(`reports.mail.${what}Body`, { trackingNo, tenant: tenant.name }),
    });
  }
}

// ---------------------------------------------------------------------------------------------
// Deadlines: escalation and automatic closing

/** Staff to tell about an overdue report: the agency's people, else the command centre's. */
async function escalationTargets(scope: TenantScope, agencyId: string | null): Promise<string[]> {
  const roles = agencyId ? ['officer', 'agency_admin'] : ['operator'];
  let q = scope.trx
    .selectFrom('role_grants')
    .select('user_id')
    .distinct()
    .where('tenant_id', '=', scope.tenantId)
    .where('role', 'in', roles);
  q = agencyId ? q.where('agency_id', '=', agencyId) : q.where('agency_id', 'is', null);
  return (await q.execute()).map((r) => r.user_id);
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
  const db = tx(scope);
  const due = await db
    .selectFrom('reports')
    .select(['id', 'tracking_no', 'status', 'agency_id', 'officer_user_id'])
    .where('tenant_id', '=', scope.tenantId)
    .where('due_at', '<', now)
    .where('escalated_at', 'is', null)
    .orderBy('due_at')
    .limit(500)
    .execute();
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
    await db
      .updateTable('reports')
      .set({ escalated_at: now })
      .where('tenant_id', '=', scope.tenantId)
      .where('id', '=', r.id)
      .execute();
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
  const rows = await readAcrossTenants(platform.database.db, (trx) =>
    (trx as unknown as ReturnType<typeof tx>)
      .selectFrom('reports')
      .select('tenant_id')
      .distinct()
      .where('due_at', '<', now)
      .where('escalated_at', 'is', null)
      .execute(),
  );
  return rows.map((r) => r.tenant_id);
}

// ---------------------------------------------------------------------------------------------
// Views

type Lang = 'id' | 'en';

export function isOverdue(r: { due_at: Date | null; status: string }, now: Date): boolean {
  return (
    r.due_at !== null && r.due_at.getTime() < now.getTime() && stageOf(r.status as Status) !== 'reporter'
  );
}

/** The tenant's agency tree: ids, names and each agency's path from the root (cached until an agency changes). */
export function agencyTree(platform: Platform, scope: TenantScope) {
  return platform.cache.getIn(scope, AGENCIES_TAG, 'tree', async () => {
    const all = await listAgencies(scope);
    return {
      ids: all.map((a) => a.id),
      names: new Map(all.map((a) => [a.id, a.name])),
      paths: await agencyPaths(scope, all),
    };
  });
}

/**
 * The staff who may follow up reports of `agencyId`: every active staff account holding
 * `permission` there (through a grant at the agency, one of its parents, or tenant-wide, except
 * tenant-wide holders: the field officers of an agency are its own). For choosing an officer.
 */
export async function officersFor(
  platform: Platform,
  scope: TenantScope,
  agencyId: string,
  permission: string,
): Promise<{ id: string; name: string }[]> {
  const { paths } = await agencyTree(platform, scope);
  const path = paths(agencyId);
  if (!path) throw notFound('agency');
  const rows = await scope.trx
    .selectFrom('role_grants as g')
    .innerJoin('users as u', (j) =>
      j.onRef('u.tenant_id', '=', 'g.tenant_id').onRef('u.id', '=', 'g.user_id'),
    )
    .select(['u.id', 'u.display_name', 'g.id as grant_id', 'g.role', 'g.agency_id'])
    .where('g.tenant_id', '=', scope.tenantId)
    .where('g.agency_id', 'in', path)
    .where('u.kind', '=', 'staff')
    .where('u.disabled_at', 'is', null)
    .orderBy('u.display_name')
    .execute();
  const out = new Map<string, string>();
  for (const r of rows) {
    const grant = { id: r.grant_id, role: r.role as Role, agencyId: r.agency_id };
    if (platform.permissions.allows([grant], permission, path)) out.set(r.id, r.display_name);
  }
  return [...out].map(([id, name]) => ({ id, name }));
}

/** The tenant's agencies by id (cached until an agency changes). */
export async function agencyNames(platform: Platform, scope: TenantScope): Promise<Map<string, string>> {
  return (await agencyTree(platform, scope)).names;
}

function photoUrl(tenant: VerifiedTenant, reportId: string, photoId: string) {
  return `/t/${tenant.slug}/api/v1/reports/${reportId}/photos/${photoId}`;
}

function publicView(
  platform: Platform,
  tenant: VerifiedTenant,
  r: ReportRow,
  lang: Lang,
  config: ReportsConfig,
  agencies: Map<string, string>,
  photos: Array<{ id: string; kind: string }>,
  duplicateTracking: string | null,
  now: Date,
) {
  const referred = r.referred_to_tenant_id
    ? platform.directory.all().find((t) => t.id === r.referred_to_tenant_id)
    : undefined;
  const category = config.categories.get(r.category_code);
  return {
    id: r.id,
    trackingNo: r.tracking_no,
    type: r.type,
    category: { code: r.category_code, name: category?.name[lang] ?? r.category_code },
    description: r.description,
    status: r.status,
    lat: r.lat,
    lng: r.lng,
    address: r.address,
    kelurahan: r.kelurahan,
    agency: r.agency_id ? { id: r.agency_id, name: agencies.get(r.agency_id) ?? '' } : null,
    dueAt: r.due_at?.toISOString() ?? null,
    overdue: isOverdue(r, now),
    duplicateOf: duplicateTracking,
    referredTo:
      referred && r.referred_tracking_no
        ? { tenant: referred.slug, name: referred.name, trackingNo: r.referred_tracking_no }
        : null,
    rejectReason: r.reject_reason,
    rating: r.rating,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
    photos: photos.map((p) => ({ id: p.id, kind: p.kind, url: photoUrl(tenant, r.id, p.id) })),
  };
}

/** A page of reports matching the filters: public rows only, newest first. */
export async function listReports(
  platform: Platform,
  scope: TenantScope,
  tenant: VerifiedTenant,
  f: FiltersInput,
  lang: Lang,
  options: {
    staffAgencies?: readonly string[] | null;
    includePrivate?: boolean;
    reporterUserId?: string;
  } = {},
) {
  const now = new Date();
  const db = tx(scope);
  let q = db.selectFrom('reports').where('reports.tenant_id', '=', scope.tenantId);
  if (!options.includePrivate) q = q.where('reports.public', '=', true);
  if (options.staffAgencies)
    q = q.where(
      'reports.agency_id',
      'in',
      options.staffAgencies.length ? [...options.staffAgencies] : ['00000000-0000-0000-0000-000000000000'],
    );
  if (options.reporterUserId) q = q.where('reports.reporter_user_id', '=', options.reporterUserId);
  if (f.category) q = q.where('reports.category_code', '=', f.category);
  if (f.status?.length) q = q.where('reports.status', 'in', f.status);
  if (f.type) q = q.where('reports.type', '=', f.type);
  if (f.agency) q = q.where('reports.agency_id', '=', f.agency);
  if (f.kelurahan) q = q.where(sql`lower(reports.kelurahan)`, '=', f.kelurahan.toLowerCase());
  if (f.from) q = q.where('reports.created_at', '>=', localInstant(f.from, '00:00', tenant.timeZone));
  if (f.to)
    q = q.where(
      'reports.created_at',
      '<',
      new Date(localInstant(f.to, '00:00', tenant.timeZone).getTime() + 86_400_000),
    );
  if (f.q) q = q.where(sql<boolean>`reports.search @@ websearch_to_tsquery('indonesian', ${f.q})`);
  if (f.bbox) {
    const [minLng, minLat, maxLng, maxLat] = f.bbox.split(',').map(Number) as [
      number,
      number,
      number,
      number,
    ];
    if (
      [minLng, minLat, maxLng, maxLat].some((n) => !Number.isFinite(n)) ||
      minLng > maxLng ||
      minLat > maxLat
    ) {
      throw invalid({ path: '/querystring/bbox', code: 'pattern' });
    }
    q = q
      .where('reports.lng', '>=', minLng)
      .where('reports.lng', '<=', maxLng)
      .where('reports.lat', '>=', minLat)
      .where('reports.lat', '<=', maxLat);
  }
  if (f.overdue) {
    q = q
      .where('reports.due_at', '<', now)
      .where('reports.status', 'in', ['received', 'verified', 'reopened', 'disposed', 'in_progress']);
  }
  // One statement: the page, each row's photos and duplicate, and the number of matches (an
  // uncorrelated subquery, computed once).
  const total = sql<string>`(${q.select((eb) => eb.fn.countAll<string>().as('n'))})`;
  const rows = (await q
    .select([...REPORT_COLUMNS, ...VIEW_EXTRAS, total.as('total_matching')])
    .orderBy('reports.created_at', 'desc')
    .orderBy('reports.id', 'desc')
    .limit(f.limit)
    .offset(f.offset)
    .execute()) as unknown as Array<ViewRow & { total_matching: string }>;
  // A page past the end has no row to carry the total.
  const matching = rows[0]
    ? Number(rows[0].total_matching)
    : f.offset > 0
      ? Number((await q.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n)
      : 0;
  const items = await decorate(platform, scope, tenant, rows, lang, now);
  return { total: matching, items };
}

async function decorate(
  platform: Platform,
  scope: TenantScope,
  tenant: VerifiedTenant,
  rows: readonly ViewRow[],
  lang: Lang,
  now: Date,
) {
  if (rows.length === 0) return [];
  const config = await loadConfig(platform, scope);
  const agencies = await agencyNames(platform, scope);
  return rows.map((r) =>
    publicView(platform, tenant, r, lang, config, agencies, r.photo_list, r.duplicate_tracking_no, now),
  );
}

/** What a machine interface (Open311) asks of the public reports; every list is optional. */
export type PublicQuery = {
  ids?: readonly string[];
  trackingNos?: readonly string[];
  /** Filing time window, both ends inclusive. */
  from?: Date;
  to?: Date;
  categories?: readonly string[];
  statuses?: readonly Status[];
  limit: number;
  offset: number;
};

/**
 * Public reports by id or tracking number, or by filing window, categories and statuses, newest
 * first, in the public view with the closing instant. Never the reporter's identity.
 */
export async function queryPublicReports(
  platform: Platform,
  scope: TenantScope,
  tenant: VerifiedTenant,
  query: PublicQuery,
  lang: Lang,
) {
  let q = tx(scope).selectFrom('reports').where('tenant_id', '=', scope.tenantId).where('public', '=', true);
  if (query.ids) {
    const ids = query.ids.filter(isUuid);
    if (ids.length === 0) return [];
    q = q.where('id', 'in', ids);
  }
  if (query.trackingNos) {
    if (query.trackingNos.length === 0) return [];
    q = q.where(
      'tracking_no',
      'in',
      query.trackingNos.map((n) => n.toUpperCase()),
    );
  }
  if (query.categories?.length) q = q.where('category_code', 'in', [...query.categories]);
  if (query.statuses?.length) q = q.where('status', 'in', [...query.statuses]);
  if (query.from) q = q.where('created_at', '>=', query.from);
  if (query.to) q = q.where('created_at', '<=', query.to);
  const rows = (await q
    .select([...REPORT_COLUMNS, ...VIEW_EXTRAS])
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(query.limit)
    .offset(query.offset)
    .execute()) as unknown as ViewRow[];
  const views = await decorate(platform, scope, tenant, rows, lang, new Date());
  return views.map((view, i) => ({ ...view, closedAt: rows[i]!.closed_at?.toISOString() ?? null }));
}

/** When the tenant last changed the app's settings or categories (null: never). */
export async function configChangedAt(scope: TenantScope): Promise<Date | null> {
  const db = tx(scope);
  const [settings, categories] = await Promise.all([
    db
      .selectFrom('report_settings')
      .select((eb) => eb.fn.max('updated_at').as('at'))
      .where('tenant_id', '=', scope.tenantId)
      .executeTakeFirst(),
    db
      .selectFrom('report_categories')
      .select((eb) => eb.fn.max('updated_at').as('at'))
      .where('tenant_id', '=', scope.tenantId)
      .executeTakeFirst(),
  ]);
  const times = [settings?.at, categories?.at]
    .filter((t) => t !== null && t !== undefined)
    .map((t) => new Date(t as Date).getTime());
  return times.length ? new Date(Math.max(...times)) : null;
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

/**
 * One report with its history. The public sees public reports and public steps, never who the
 * reporter is; the reporter also sees their own additions; staff see everything.
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
  const report = await findReportForView(scope, idOrTracking);
  const reporter = who.some((w) => isReporter(report, w));
  const staff = staffFor(report.agency_id);
  if (!report.public && !staff && !reporter) throw notFound('report');
  const [view] = await decorate(platform, scope, tenant, [report], lang, now);
  const events = await tx(scope)
    .selectFrom('report_events')
    .selectAll()
    .where('tenant_id', '=', scope.tenantId)
    .where('report_id', '=', report.id)
    .orderBy('at')
    .orderBy('id')
    .execute();
  const visible = events.filter((e) => staff || e.public || (reporter && e.actor_role === 'reporter'));
  const photos = await tx(scope)
    .selectFrom('report_photos')
    .select(['id', 'kind', 'event_id'])
    .where('tenant_id', '=', scope.tenantId)
    .where('report_id', '=', report.id)
    .execute();
  const agencies = await agencyNames(platform, scope);
  const names = staff
    ? await userNames(scope, [...events.map((e) => e.actor_user_id), report.officer_user_id])
    : new Map();
  const history = visible.map((e) => ({
    at: new Date(e.at).toISOString(),
    kind: e.kind,
    fromStatus: e.from_status,
    toStatus: e.to_status,
    actorRole: e.actor_role,
    ...(staff ? { actorName: e.actor_user_id ? (names.get(e.actor_user_id) ?? null) : null } : {}),
    agency: e.agency_id ? { id: e.agency_id, name: agencies.get(e.agency_id) ?? '' } : null,
    // Everyone sees the step; an instruction between staff stays with staff.
    note: staff || !INTERNAL_NOTE.has(e.kind as Action) ? e.note : null,
    data: (e.data as Record<string, unknown> | null) ?? null,
    photos: photos
      .filter((p) => p.event_id === e.id)
      .map((p) => ({ id: p.id, kind: p.kind, url: photoUrl(tenant, report.id, p.id) })),
  }));
  const detail: Record<string, unknown> = { ...view!, history };
  if (staff || reporter) detail.actions = [...new Set(who.flatMap((w) => availableActions(report, w)))];
  if (staff) {
    const referredFrom = report.referred_from_tenant_id
      ? platform.directory.all().find((t) => t.id === report.referred_from_tenant_id)
      : undefined;
    Object.assign(detail, {
      reporter: {
        name: report.reporter_name,
        email: report.reporter_email ?? (await accountEmail(scope, report.reporter_user_id)),
        phone: report.reporter_phone,
        userId: report.reporter_user_id,
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

async function userNames(scope: TenantScope, ids: Array<string | null>): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((x): x is string => x !== null))];
  if (wanted.length === 0) return new Map();
  const rows = await scope.trx
    .selectFrom('users')
    .select(['id', 'display_name'])
    .where('tenant_id', '=', scope.tenantId)
    .where('id', 'in', wanted)
    .execute();
  return new Map(rows.map((r) => [r.id, r.display_name]));
}

/** A stored photo of a public report (or any report, for staff), with its bytes. */
export async function photoOf(
  platform: Platform,
  scope: TenantScope,
  reportId: string,
  photoId: string,
  staff: boolean,
): Promise<{ body: Uint8Array; mime: string }> {
  if (!isUuid(reportId) || !isUuid(photoId)) throw notFound('photo');
  const row = await tx(scope)
    .selectFrom('report_photos')
    .innerJoin('reports', (j) =>
      j
        .onRef('reports.tenant_id', '=', 'report_photos.tenant_id')
        .onRef('reports.id', '=', 'report_photos.report_id'),
    )
    .select(['report_photos.file_key', 'report_photos.mime', 'reports.public'])
    .where('report_photos.tenant_id', '=', scope.tenantId)
    .where('report_photos.report_id', '=', reportId)
    .where('report_photos.id', '=', photoId)
    .executeTakeFirst();
  if (!row || (!row.public && !staff)) throw notFound('photo');
  const file = await platform.files.get(row.file_key);
  if (!file) throw notFound('photo');
  return { body: file.body, mime: row.mime };
}

/** Possible duplicates: same category, within the tenant's radius and time window. */
export async function similarReports(platform: Platform, scope: TenantScope, idOrTracking: string) {
  const report = await findReport(scope, idOrTracking);
  const { settings } = await loadConfig(platform, scope);
  const windowMs = settings.duplicateWindowDays * 86_400_000;
  let q = tx(scope)
    .selectFrom('reports')
    .select(['id', 'tracking_no', 'status', 'description', 'lat', 'lng', 'created_at'])
    .where('tenant_id', '=', scope.tenantId)
    .where('category_code', '=', report.category_code)
    .where('id', '!=', report.id)
    .where('status', 'not in', ['rejected', 'duplicate', 'referred'])
    .where('created_at', '>=', new Date(report.created_at.getTime() - windowMs))
    .where('created_at', '<=', new Date(report.created_at.getTime() + windowMs));
  if (report.lat !== null && report.lng !== null) {
    // A box first (indexable, cheap), then the true distance.
    const dLat = settings.duplicateRadiusM / 111_320;
    const dLng = dLat / Math.max(Math.cos((report.lat * Math.PI) / 180), 0.01);
    q = q
      .where('lat', '>=', report.lat - dLat)
      .where('lat', '<=', report.lat + dLat)
      .where('lng', '>=', report.lng - dLng)
      .where('lng', '<=', report.lng + dLng);
  } else if (report.kelurahan) {
    q = q.where(sql`lower(kelurahan)`, '=', report.kelurahan.toLowerCase());
  } else {
    return [];
  }
  const rows = await q.orderBy('created_at', 'desc').limit(50).execute();
  return rows
    .map((r) => ({
      id: r.id,
      trackingNo: r.tracking_no,
      status: r.status,
      description: r.description,
      distanceM:
        report.lat !== null && r.lat !== null
          ? Math.round(distanceM(report.lat, report.lng!, r.lat, r.lng!))
          : null,
      createdAt: new Date(r.created_at).toISOString(),
    }))
    .filter((r) => r.distanceM === null || r.distanceM <= settings.duplicateRadiusM)
    .sort((a, b) => (a.distanceM ?? 0) - (b.distanceM ?? 0));
}

/** Great-circle distance in metres (haversine). */
export function distanceM(lat1: number, lng1: number, lat2: number, lng2: number): number {
  const rad = Math.PI / 180;
  const dLat = (lat2 - lat1) * rad;
  const dLng = (lng2 - lng1) * rad;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * 6_371_000 * Math.asin(Math.sqrt(a));
}

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
  const rows = await tx(scope)
    .selectFrom('reports')
    .select(['agency_id', 'disposed_at', 'first_done_at', 'follow_up_due_at', 'status'])
    .where('tenant_id', '=', scope.tenantId)
    .where('disposed_at', '>=', localInstant(range.from, '00:00', tenant.timeZone))
    .where(
      'disposed_at',
      '<',
      new Date(localInstant(range.to, '00:00', tenant.timeZone).getTime() + 86_400_000),
    )
    .where('agency_id', 'is not', null)
    .execute();
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

/** Counts for the command centre: by status, by category, overdue per agency. */
export async function summary(platform: Platform, scope: TenantScope, now: Date = new Date()) {
  const db = tx(scope);
  const byStatus = await db
    .selectFrom('reports')
    .select(['status', (eb) => eb.fn.countAll<string>().as('n')])
    .where('tenant_id', '=', scope.tenantId)
    .where('public', '=', true)
    .groupBy('status')
    .execute();
  const byCategory = await db
    .selectFrom('reports')
    .select(['category_code', (eb) => eb.fn.countAll<string>().as('n')])
    .where('tenant_id', '=', scope.tenantId)
    .where('public', '=', true)
    .groupBy('category_code')
    .execute();
  const overdue = await db
    .selectFrom('reports')
    .select(['agency_id', (eb) => eb.fn.countAll<string>().as('n')])
    .where('tenant_id', '=', scope.tenantId)
    .where('due_at', '<', now)
    .where('status', 'in', ['received', 'verified', 'reopened', 'disposed', 'in_progress'])
    .groupBy('agency_id')
    .execute();
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
