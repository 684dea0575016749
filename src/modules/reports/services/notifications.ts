/**
 * Messages about reports, queued in the caller's transaction: the reporter's receipt when a report
 * is filed (email, else SMS to the phone they gave) and a message at each step that concerns them,
 * the same steps for the report's followers, and staff's messages of a report assigned to them or
 * overdue. Every citizen's message says what happened in plain words, what they can do next, and
 * links to the report's page; a follower's message also carries its one-click stop link.
 */
import {
  enqueueNotification,
  type Language,
  type Platform,
  portalLink,
  type TenantScope,
  translator,
  type VerifiedTenant,
} from '../../../platform/sdk/index.ts';
import type { Status } from '../lifecycle.ts';
import { isPublic } from '../publicity.ts';
import { reportFollowers } from '../repo/followers.ts';
import { accountEmail, emailsOf } from '../repo/people.ts';
import type { ReportRow } from '../repo/reports.ts';
import type { Deadlines } from '../tables.ts';
import { loadConfig } from './config.ts';
import { stopLink } from './following.ts';

/** The steps a reporter and a report's followers hear of. */
const CITIZEN_NOTICES: ReadonlySet<Status> = new Set([
  'awaiting_info',
  'verified',
  'disposed',
  'in_progress',
  'done',
  'closed',
  'rejected',
  'referred',
  'duplicate',
  'reopened',
]);

/** What a step's message may say beside the status. */
export type StepDetails = Readonly<{
  /** The note the step's actor left for the public (never an internal instruction). */
  note: string | null;
  deadlines: Pick<Deadlines, 'reopenDays' | 'autoCloseDays'>;
}>;

/** An Indonesian mobile number as a provider wants it (E.164), or null when it is not one. */
export function mobileE164(phone: string | null): string | null {
  if (!phone) return null;
  const digits = phone.replace(/[^\d+]/g, '');
  if (/^\+\d{8,15}$/.test(digits)) return digits;
  if (/^0\d{7,13}$/.test(digits)) return `+62${digits.slice(1)}`;
  if (/^62\d{7,13}$/.test(digits)) return `+${digits}`;
  return null;
}

/** The report's public page, as an absolute link for a message. */
export function reportLink(platform: Platform, tenant: VerifiedTenant, trackingNo: string): string {
  return portalLink(platform.config, tenant, `/laporan/${trackingNo}`);
}

/** Where the reporter is reached: the report's email, else their account's, else (SMS) the phone. */
async function reporterContact(
  scope: TenantScope,
  report: Pick<ReportRow, 'reporter_email' | 'reporter_user_id' | 'reporter_phone'>,
): Promise<{ channel: 'email' | 'sms'; to: string } | null> {
  const email = report.reporter_email ?? (await accountEmail(scope, report.reporter_user_id));
  if (email) return { channel: 'email', to: email };
  const phone = mobileE164(report.reporter_phone);
  return phone ? { channel: 'sms', to: phone } : null;
}

/**
 * The reporter's receipt: the tracking number, the link, and (without an account) a reminder to
 * keep the secret code shown at filing. Never the code itself: a message may be read by others.
 * Not for a report from SP4N-LAPOR! (the national service gave its own receipt) nor from a chat
 * (the chat's reply is the receipt).
 */
export async function sendReceipt(
  platform: Platform,
  scope: TenantScope,
  tenant: VerifiedTenant,
  channel: string,
  report: Pick<ReportRow, 'tracking_no' | 'reporter_email' | 'reporter_user_id' | 'reporter_phone'>,
) {
  if (channel === 'lapor' || channel === 'messaging') return;
  const contact = await reporterContact(scope, report);
  if (!contact) return;
  const t = translator(tenant.defaultLanguage);
  const vars = {
    trackingNo: report.tracking_no,
    tenant: tenant.name,
    url: reportLink(platform, tenant, report.tracking_no),
  };
  if (contact.channel === 'sms') {
    await enqueueNotification(scope, {
      channel: 'sms',
      to: contact.to,
      body: t('reports.notice.receiptSms', vars),
    });
    return;
  }
  const body = [
    t('reports.notice.receiptBody', vars),
    report.reporter_user_id ? '' : t('reports.notice.receiptSecret'),
    t('reports.notice.linkLine', vars),
  ];
  await enqueueNotification(scope, {
    channel: 'email',
    to: contact.to,
    subject: t('reports.notice.receiptSubject', vars),
    body: body.filter(Boolean).join('\n\n'),
  });
}

/** Tells the reporter and the report's followers that the report reached `to`. */
export async function notifyStep(
  platform: Platform,
  scope: TenantScope,
  tenant: VerifiedTenant,
  report: ReportRow,
  to: Status,
  details: StepDetails,
) {
  if (!CITIZEN_NOTICES.has(to)) return;
  const url = reportLink(platform, tenant, report.tracking_no);
  // The reporter reopened it themselves: only followers hear of it.
  const contact = to === 'reopened' ? null : await reporterContact(scope, report);
  if (contact) {
    const t = translator(tenant.defaultLanguage);
    const vars = stepVars(t, report, to, url, details);
    if (contact.channel === 'sms') {
      await enqueueNotification(scope, {
        channel: 'sms',
        to: contact.to,
        body: t('reports.notice.stepSms', vars),
      });
    } else {
      await enqueueNotification(scope, {
        channel: 'email',
        to: contact.to,
        subject: t('reports.notice.stepSubject', vars),
        body: stepBody(t, to, vars, details, 'reporter'),
      });
    }
  }
  // Followers hear only of a report the public may see.
  if (!isPublic(report, (await loadConfig(platform, scope)).settings)) return;
  for (const follower of await reportFollowers(scope, report.id)) {
    if (contact?.to.toLowerCase() === follower.email.toLowerCase()) continue;
    const t = translator(follower.language as Language);
    const stop = stopLink(platform, tenant, follower);
    const vars = { ...stepVars(t, report, to, url, details), stop };
    await enqueueNotification(scope, {
      channel: 'email',
      to: follower.email,
      subject: t('reports.notice.stepSubject', vars),
      body: [stepBody(t, to, vars, details, 'follower'), t('reports.notice.stopLine', vars)].join('\n\n'),
      unsubscribeUrl: stop,
    });
  }
}

type T = ReturnType<typeof translator>;

function stepVars(t: T, report: ReportRow, to: Status, url: string, details: StepDetails) {
  return {
    trackingNo: report.tracking_no,
    status: t(`reports.status.${to}`),
    url,
    reopenDays: details.deadlines.reopenDays,
    autoCloseDays: details.deadlines.autoCloseDays,
  };
}

/** What happened, the officers' note, what the reader can do now, and the link. */
function stepBody(
  t: T,
  to: Status,
  vars: Record<string, unknown>,
  details: StepDetails,
  reader: 'reporter' | 'follower',
): string {
  const lines = [t(`reports.notice.step.${reader}.${to}`, vars)];
  if (details.note) lines.push(t('reports.notice.noteLine', { note: details.note }));
  if (reader === 'reporter') {
    const next = t(`reports.notice.next.${to}`, { ...vars, defaultValue: '' });
    if (next) lines.push(next);
  }
  lines.push(t('reports.notice.linkLine', vars));
  return lines.join('\n\n');
}

/** Tells staff (those of `userIds` with an email) that a report was assigned to them or is overdue. */
export async function notifyStaff(
  scope: TenantScope,
  tenant: VerifiedTenant,
  userIds: readonly string[],
  trackingNo: string,
  what: 'assigned' | 'overdue',
) {
  if (userIds.length === 0) return;
  const emails = await emailsOf(scope, userIds);
  const t = translator(tenant.defaultLanguage);
  for (const email of emails) {
    await enqueueNotification(scope, {
      channel: 'email',
      to: email,
      subject: t(`reports.mail.${what}Subject`, { trackingNo }),
      body: t(`reports.mail.${what}Body`, { trackingNo, tenant: tenant.name }),
    });
  }
}
