/**
 * Moving a report through its state machine (lifecycle.ts): triage by the operator, follow-up by
 * the agency, the reporter's confirmation or reopening, and the system's automatic steps. Each
 * move sets the clock of the next stage, writes the history, audits, and tells whom it concerns.
 */
import {
  AppError,
  emitEvent,
  invalid,
  invalidate,
  notFound,
  type Platform,
  recordAudit,
  type TenantScope,
  type VerifiedTenant,
} from '../../../platform/sdk/index.ts';
import { daysFor, mayReopen } from '../deadlines.ts';
import { type Action, nextStatus, type Stage, type Status, type Track } from '../lifecycle.ts';
import { addEvent } from '../repo/history.ts';
import { type ReportRow, updateReport } from '../repo/reports.ts';
import type { TransitionInput } from '../schemas.ts';
import type { ReportsTable } from '../tables.ts';
import { findReport, isReporter, mayAct, type Who } from './access.ts';
import { requireAgency, requireOfficer } from './agencies.ts';
import { REPORTS_TAG } from './cache-tags.ts';
import { categoryRules, loadCalendar, loadConfig } from './config.ts';
import { notifyStaff, notifyStep } from './notifications.ts';
import { referTo } from './referral.ts';

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
  const rules = category ? categoryRules(category) : { verify_days: null, follow_up_days: null };
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

  await updateReport(scope, report.id, patch as never);
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
  await notifyStep(
    platform,
    scope,
    tenant,
    { ...report, public: (patch.public as boolean) ?? report.public },
    to,
    {
      note: input.note && !INTERNAL_NOTE.has(action) ? input.note : null,
      deadlines: settings.deadlines,
    },
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
