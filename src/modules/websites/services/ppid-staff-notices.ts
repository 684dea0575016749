/**
 * The PPID's own messages: a new request reaches those who handle the site's requests at once, and
 * each working morning they get one list of the requests and objections due today or on the next
 * working day, or already late — the law's deadlines are in working days and nobody should have to
 * watch the console to keep them.
 *
 * Who handles a site's requests: the agency's administrators and operators for an agency's site;
 * for the tenant's own site (the PPID Utama) the tenant-wide administrators and operators.
 */
import {
  enqueueNotification,
  type Platform,
  portalLink,
  type TenantScope,
  translator,
  type VerifiedTenant,
} from '../../../platform/sdk/index.ts';
import type { WorkingCalendar } from '../../../platform/sdk/shared.ts';
import { PPID_HANDLERS } from '../permissions.ts';
import { openRequestsOfTenant, type RequestRow } from '../repo/ppid.ts';
import { listSites, type SiteRow } from '../repo/sites.ts';
import { currentDueOn, localDay, today as todayIn } from './ppid-deadlines.ts';

const CONSOLE_PATH = '/konsol/ppid';

/** The emails of the site's PPID handlers. */
async function handlersOf(scope: TenantScope, site: Pick<SiteRow, 'agency_id'>): Promise<string[]> {
  let q = scope.trx
    .selectFrom('role_grants as g')
    .innerJoin('users as u', (j) =>
      j.onRef('u.tenant_id', '=', 'g.tenant_id').onRef('u.id', '=', 'g.user_id'),
    )
    .select('u.email')
    .distinct()
    .where('g.tenant_id', '=', scope.tenantId)
    .where('g.role', 'in', [...PPID_HANDLERS])
    .where('u.kind', '=', 'staff')
    .where('u.disabled_at', 'is', null)
    .where('u.email', 'is not', null);
  q = site.agency_id ? q.where('g.agency_id', '=', site.agency_id) : q.where('g.agency_id', 'is', null);
  return (await q.execute()).map((r) => String(r.email));
}

/** Tells the site's PPID handlers of a request just filed. */
export async function notifyNewRequest(
  call: { platform: Platform; tenant: VerifiedTenant },
  scope: TenantScope,
  site: Pick<SiteRow, 'agency_id' | 'name'>,
  row: RequestRow,
): Promise<void> {
  const t = translator(call.tenant.defaultLanguage);
  const vars = {
    number: row.number,
    site: site.name,
    name: row.name,
    information: row.information,
    dueOn: localDay(row.due_on),
    url: portalLink(call.platform.config, call.tenant, CONSOLE_PATH),
  };
  for (const to of await handlersOf(scope, site)) {
    await enqueueNotification(scope, {
      channel: 'email',
      to,
      subject: t('websites.ppid.staffNotice.new.subject', vars),
      body: [t('websites.ppid.staffNotice.new.body', vars), t('websites.ppid.staffNotice.link', vars)].join(
        '\n\n',
      ),
    });
  }
}

/** The day an open request must be answered by: the objection's answer, or the request's. */
function dueOf(r: RequestRow): string {
  return r.status === 'objected' && r.objection_due_on ? localDay(r.objection_due_on) : currentDueOn(r);
}

/**
 * One message per handler and site listing the open requests due by the next working day or late,
 * on working days only. Returns how many messages were queued.
 */
export async function remindHandlers(
  platform: Platform,
  scope: TenantScope,
  tenant: VerifiedTenant,
  calendar: WorkingCalendar,
  now: Date,
): Promise<number> {
  const today = todayIn(calendar, now);
  if (!calendar.isWorkingDay(today)) return 0;
  const horizon = calendar.nextWorkingDay(today);
  const due = (await openRequestsOfTenant(scope)).filter((r) => dueOf(r) <= horizon);
  if (due.length === 0) return 0;
  const t = translator(tenant.defaultLanguage);
  let sent = 0;
  for (const site of await listSites(scope)) {
    const mine = due.filter((r) => r.site_id === site.id).sort((a, b) => dueOf(a).localeCompare(dueOf(b)));
    if (mine.length === 0) continue;
    const vars = {
      site: site.name,
      count: mine.length,
      url: portalLink(platform.config, tenant, CONSOLE_PATH),
    };
    const lines = mine.map((r) =>
      t('websites.ppid.staffNotice.reminder.line', {
        number: r.number,
        dueOn: dueOf(r),
        late: dueOf(r) < today ? t('websites.ppid.staffNotice.reminder.late') : '',
      }),
    );
    const body = [
      t('websites.ppid.staffNotice.reminder.body', vars),
      lines.join('\n'),
      t('websites.ppid.staffNotice.link', vars),
    ].join('\n\n');
    for (const to of await handlersOf(scope, site)) {
      await enqueueNotification(scope, {
        channel: 'email',
        to,
        subject: t('websites.ppid.staffNotice.reminder.subject', vars),
        body,
      });
      sent += 1;
    }
  }
  return sent;
}
