/**
 * Deadlines of a report, in the tenant's working days and time zone. The defaults are the national
 * complaint service's (SP4N-LAPOR!): verify and forward within 3 working days, agency follow-up
 * within 5 (disputes 14, cases needing field work 60), and a report the reporter leaves silent for
 * 10 working days after the follow-up closes. A tenant changes them per category and report type.
 */
import type { WorkingCalendar } from '../../platform/sdk/shared.ts';
import type { ReportType, Stage, Track } from './lifecycle.ts';
import type { Deadlines } from './tables.ts';

export const DEFAULT_DEADLINES: Deadlines = Object.freeze({
  verifyDays: 3,
  followUpDays: { standard: 5, dispute: 14, field_work: 60 },
  typeFollowUpDays: {},
  autoCloseDays: 10,
  reopenDays: 10,
});

/** What a category may override. */
export type CategoryDeadlines = { verify_days: number | null; follow_up_days: number | null };

/** Working days allowed for `stage`, most specific rule first: category, then report type, then tenant. */
export function daysFor(
  stage: Stage,
  deadlines: Deadlines,
  category: CategoryDeadlines,
  type: ReportType,
  track: Track,
): number {
  switch (stage) {
    case 'triage':
      return category.verify_days ?? deadlines.verifyDays;
    case 'follow_up':
      if (track !== 'standard') return deadlines.followUpDays[track];
      return category.follow_up_days ?? deadlines.typeFollowUpDays[type] ?? deadlines.followUpDays.standard;
    case 'reporter':
      return deadlines.autoCloseDays;
  }
}

/** The instant a stage entered at `from` is due: the end of the n-th working day after it, local time. */
export function dueAt(calendar: WorkingCalendar, from: Date, days: number): Date {
  return calendar.dueInstant(from, days);
}

/** Whether the reporter may still reopen: within `reopenDays` working days of the follow-up or closing. */
export function mayReopen(calendar: WorkingCalendar, since: Date, now: Date, reopenDays: number): boolean {
  return now.getTime() <= calendar.dueInstant(since, reopenDays).getTime();
}
