/**
 * The requester's messages about their request, by email in the language they filed in: its
 * receipt, an extension, the answer, their objection and its answer. Each says what happened, the
 * date that matters next, and links to the status page — without the secret, since a message may
 * be read by others (the requester keeps the secret from the confirmation page).
 */
import {
  enqueueNotification,
  type Platform,
  portalLink,
  type TenantScope,
  translator,
  type VerifiedTenant,
} from '../../../platform/sdk/index.ts';
import type { RequestRow } from '../repo/ppid.ts';
import type { SiteRow } from '../repo/sites.ts';
import { localDay } from './ppid-deadlines.ts';
import { sitePath } from './sites.ts';

export type Notice = 'received' | 'extended' | 'answered' | 'objected' | 'objection_answered';

/** The status page of a request, under the tenant's portal. */
export function statusPath(tenant: Pick<VerifiedTenant, 'slug'>, site: string, number: string): string {
  return `/t/${tenant.slug}${sitePath(site)}/ppid/status/${number}`;
}

export async function notifyRequester(
  call: { platform: Platform; tenant: VerifiedTenant },
  scope: TenantScope,
  site: Pick<SiteRow, 'slug' | 'name'>,
  row: RequestRow,
  notice: Notice,
): Promise<void> {
  if (!row.email) return;
  const t = translator(row.language);
  const vars = {
    number: row.number,
    site: site.name,
    dueOn: localDay(row.extended_on ?? row.due_on),
    objectionDueOn: row.objection_due_on ? localDay(row.objection_due_on) : '',
    reason: row.extension_reason ?? '',
    kind: row.answer_kind ? t(`websites.ppid.answerKind.${row.answer_kind}`) : '',
    url: portalLink(call.platform.config, call.tenant, `${sitePath(site.slug)}/ppid/status/${row.number}`),
  };
  const lines = [t(`websites.ppid.notice.${notice}.body`, vars)];
  if (notice === 'answered' && row.answer) lines.push(row.answer);
  if (notice === 'objection_answered' && row.objection_answer) lines.push(row.objection_answer);
  lines.push(t('websites.ppid.notice.link', vars));
  await enqueueNotification(scope, {
    channel: 'email',
    to: row.email,
    subject: t(`websites.ppid.notice.${notice}.subject`, vars),
    body: lines.join('\n\n'),
  });
}
