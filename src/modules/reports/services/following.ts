/**
 * Following a report (its status messages) or an area (alerts of new public reports near a point),
 * by email, and stopping. A signed-in citizen follows with their account's address at once; a
 * visitor gives an address, which is sent a confirmation link and hears nothing else until it is
 * followed. Every message to a follower carries a stop link; the link's token (the follower's id
 * and a random secret, compared in constant time) is the only thing it grants, so neither link
 * needs a sign-in. Nothing leaks whether an address already follows: the answer is the same.
 */
import {
  AppError,
  enqueueNotification,
  invalid,
  type Language,
  newId,
  notFound,
  type Platform,
  portalLink,
  randomSecret,
  recordAudit,
  sameSecret,
  type TenantScope,
  translator,
  type VerifiedTenant,
} from '../../../platform/sdk/index.ts';
import { insideTenantArea } from '../location.ts';
import { isPublic } from '../publicity.ts';
import {
  type FollowerRow,
  findFollower,
  followsStartedSince,
  insertFollower,
  liveReportFollow,
  setFollower,
} from '../repo/followers.ts';
import { accountEmail } from '../repo/people.ts';
import { readReport } from '../repo/reports.ts';
import { loadConfig } from './config.ts';

/** Who asks to follow: a signed-in citizen (their account's email counts), or a visitor's address. */
export type Follower = Readonly<{ userId: string | null; email?: string | undefined; language: Language }>;

/** `following`: messages will come; `confirm`: a confirmation link was sent to the address. */
export type FollowState = 'following' | 'confirm';

/** The radii an area follower may choose, in metres. */
export const AREA_RADII = [500, 1000, 2000, 5000] as const;

/** Follows an address may start in a day in one tenant: a bound on using the form to send mail. */
const FOLLOWS_PER_DAY = 20;

/** A follower's token as links carry it: `<id>.<secret>`. */
export const FOLLOW_TOKEN =
  /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.([A-Za-z0-9_-]{32,64})$/;

/** The one-click link that stops this follow. */
export function stopLink(platform: Platform, tenant: VerifiedTenant, f: Pick<FollowerRow, 'id' | 'token'>) {
  return portalLink(platform.config, tenant, `/ikuti/berhenti/${f.id}.${f.token}`);
}

function confirmLink(platform: Platform, tenant: VerifiedTenant, f: Pick<FollowerRow, 'id' | 'token'>) {
  return portalLink(platform.config, tenant, `/ikuti/konfirmasi/${f.id}.${f.token}`);
}

/** The address to follow with: the account's when signed in and it has one, else the one given. */
async function addressOf(scope: TenantScope, who: Follower): Promise<{ email: string; confirmed: boolean }> {
  const own = await accountEmail(scope, who.userId);
  if (own) return { email: own, confirmed: true };
  const email = who.email?.trim();
  if (!email) throw invalid({ path: '/body/email', code: 'required' });
  if (email.length > 254 || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email))
    throw invalid({ path: '/body/email', code: 'email' });
  return { email, confirmed: false };
}

/**
 * Starts a follow: the row, its audit entry and, for an address not yet confirmed, the message
 * asking to confirm it. Null when the address already follows the report (another request's).
 */
async function start(
  platform: Platform,
  scope: TenantScope,
  tenant: VerifiedTenant,
  who: Follower,
  email: string,
  confirmed: boolean,
  where: { reportId: string; trackingNo: string } | { lat: number; lng: number; radiusM: number },
  now: Date,
): Promise<FollowState | null> {
  if (
    !confirmed &&
    (await followsStartedSince(scope, email, new Date(now.getTime() - 86_400_000))) >= FOLLOWS_PER_DAY
  ) {
    throw new AppError('rate_limited', { params: { retryAfter: 3600 } });
  }
  const follower: Omit<FollowerRow, 'tenant_id' | 'created_at'> = {
    id: newId(),
    report_id: 'reportId' in where ? where.reportId : null,
    lat: 'lat' in where ? where.lat : null,
    lng: 'lat' in where ? where.lng : null,
    radius_m: 'lat' in where ? where.radiusM : null,
    email,
    user_id: who.userId,
    language: who.language,
    token: randomSecret(24),
    confirmed_at: confirmed ? now : null,
    stopped_at: null,
  };
  if (!(await insertFollower(scope, follower))) return null;
  await recordAudit(scope, {
    action: 'report.follow',
    entityType: 'report_follower',
    entityId: follower.id,
    after: { reportId: follower.report_id, area: follower.lat !== null, confirmed },
  });
  if (confirmed) return 'following';
  const t = translator(who.language);
  const what =
    'trackingNo' in where
      ? t('reports.follow.mail.whatReport', { trackingNo: where.trackingNo })
      : t('reports.follow.mail.whatArea', { radius: where.radiusM });
  await enqueueNotification(scope, {
    channel: 'email',
    to: email,
    subject: t('reports.follow.mail.confirmSubject', { tenant: tenant.name }),
    body: t('reports.follow.mail.confirmBody', {
      what,
      url: confirmLink(platform, tenant, follower),
      tenant: tenant.name,
    }),
  });
  return 'confirm';
}

/** Follows a public report. Following it again changes nothing and answers alike. */
export async function followReport(
  platform: Platform,
  scope: TenantScope,
  tenant: VerifiedTenant,
  idOrTracking: string,
  who: Follower,
  now = new Date(),
): Promise<{ state: FollowState; trackingNo: string }> {
  const report = await readReport(scope, idOrTracking);
  // A report the public may not see cannot be followed (nor found this way).
  if (!report || !isPublic(report, (await loadConfig(platform, scope)).settings)) throw notFound('report');
  const { email, confirmed } = await addressOf(scope, who);
  const trackingNo = report.tracking_no;
  let existing = await liveReportFollow(scope, report.id, email);
  if (!existing) {
    const where = { reportId: report.id, trackingNo };
    const state = await start(platform, scope, tenant, who, email, confirmed, where, now);
    if (state) return { state, trackingNo };
    // A request of the same person followed it in the meantime (a double click, two tabs): the
    // insert waited for that one to commit, so its follow is read now and answered as existing.
    existing = await liveReportFollow(scope, report.id, email);
  }
  if (existing && !existing.confirmed_at && confirmed) {
    await setFollower(scope, existing.id, { confirmed_at: now });
  }
  return { state: existing?.confirmed_at || confirmed ? 'following' : 'confirm', trackingNo };
}

/** Follows new public reports within `radiusM` of a point in the tenant's area. */
export async function followArea(
  platform: Platform,
  scope: TenantScope,
  tenant: VerifiedTenant,
  place: { lat: number; lng: number; radiusM: number },
  who: Follower,
  now = new Date(),
): Promise<{ state: FollowState }> {
  if (!(AREA_RADII as readonly number[]).includes(place.radiusM)) {
    throw invalid({ path: '/body/radiusM', code: 'enum', params: { allowed: AREA_RADII.join(', ') } });
  }
  if (!insideTenantArea(tenant, place.lat, place.lng)) {
    throw invalid({ path: '/body/lat', code: 'outside_area', params: { tenant: tenant.name } });
  }
  const { email, confirmed } = await addressOf(scope, who);
  const state = await start(platform, scope, tenant, who, email, confirmed, place, now);
  // Only a report's follow meets the unique index; an area's is always inserted.
  if (!state) throw new Error('an area follow was not inserted');
  return { state };
}

/** The follower a token names, or a 404 (a wrong secret answers as an unknown follower). */
async function byToken(scope: TenantScope, token: string): Promise<FollowerRow> {
  const m = FOLLOW_TOKEN.exec(token);
  const row = m ? await findFollower(scope, m[1]!) : undefined;
  if (!row || !sameSecret(m![2]!, row.token)) throw notFound('follower');
  return row;
}

export type FollowView = {
  kind: 'report' | 'area';
  trackingNo: string | null;
  radiusM: number | null;
  lat: number | null;
  lng: number | null;
  following: boolean;
};

async function viewOf(scope: TenantScope, row: FollowerRow, following: boolean): Promise<FollowView> {
  const report = row.report_id ? await readReport(scope, row.report_id) : undefined;
  return {
    kind: row.report_id ? 'report' : 'area',
    trackingNo: report?.tracking_no ?? null,
    radiusM: row.radius_m,
    lat: row.lat,
    lng: row.lng,
    following,
  };
}

/** Confirms a visitor's address from the link sent to it. A stopped follow stays stopped. */
export async function confirmFollow(
  scope: TenantScope,
  token: string,
  now = new Date(),
): Promise<FollowView> {
  const row = await byToken(scope, token);
  if (row.stopped_at) return viewOf(scope, row, false);
  if (!row.confirmed_at) {
    await setFollower(scope, row.id, { confirmed_at: now });
    await recordAudit(scope, {
      action: 'report.follow_confirm',
      entityType: 'report_follower',
      entityId: row.id,
    });
  }
  return viewOf(scope, row, true);
}

/** What a stop link names, without changing anything (the page before the one click). */
export async function describeFollow(scope: TenantScope, token: string): Promise<FollowView> {
  const row = await byToken(scope, token);
  return viewOf(scope, row, row.stopped_at === null && row.confirmed_at !== null);
}

/** Stops a follow. Stopping again changes nothing. */
export async function stopFollow(scope: TenantScope, token: string, now = new Date()): Promise<FollowView> {
  const row = await byToken(scope, token);
  if (!row.stopped_at) {
    await setFollower(scope, row.id, { stopped_at: now });
    await recordAudit(scope, { action: 'report.unfollow', entityType: 'report_follower', entityId: row.id });
  }
  return viewOf(scope, row, false);
}
