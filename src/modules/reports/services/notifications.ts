/**
 * Emails about reports, queued in the caller's transaction: the reporter hears of the steps that
 * concern them, staff of a report assigned to them or overdue.
 */
import {
  enqueueNotification,
  type TenantScope,
  translator,
  type VerifiedTenant,
} from '../../../platform/sdk/index.ts';
import type { Status } from '../lifecycle.ts';
import { accountEmail, emailsOf } from '../repo/people.ts';
import type { ReportRow } from '../repo/reports.ts';

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

/** Tells the reporter (the report's email, else their account's) that the report reached `to`. */
export async function notifyReporter(
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
