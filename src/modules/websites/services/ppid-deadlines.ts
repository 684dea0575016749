/**
 * The deadlines of a public-information request (UU 14/2008), in the tenant's working days and
 * time zone (the kernel's calendar: weekends, national holidays, cuti bersama, local holidays).
 * Counting starts the working day after the event, as the calendar's `addWorkingDays` does; a
 * deadline lasts to the end of its local date.
 *
 * - Pasal 22 ayat 7: the PPID answers within 10 working days of receiving the request;
 * - Pasal 22 ayat 8: and may extend that once, by at most 7 working days, giving its reason;
 * - Pasal 36 ayat 1: the requester objects within 30 working days of finding the ground (the
 *   answer, or the deadline passing unanswered);
 * - Pasal 36 ayat 2: the PPID's superior answers the objection within 30 working days.
 */
import { localDateOf, type WorkingCalendar } from '../../../platform/sdk/shared.ts';
import type { InfoRequestStatus } from '../tables.ts';

export const ANSWER_DAYS = 10;
export const EXTENSION_MAX_DAYS = 7;
export const OBJECTION_DAYS = 30;
export const OBJECTION_ANSWER_DAYS = 30;

/** A `date` column as `YYYY-MM-DD`, whichever way the driver gives it. */
export function localDay(value: string | Date): string {
  return typeof value === 'string' ? value.slice(0, 10) : value.toISOString().slice(0, 10);
}

/** When the PPID must answer a request received at `receivedAt`. */
export function answerDueOn(calendar: WorkingCalendar, receivedAt: Date): string {
  return calendar.addWorkingDays(receivedAt, ANSWER_DAYS);
}

/** The due date after an extension of `days` working days beyond the original due date. */
export function extendedDueOn(calendar: WorkingCalendar, dueOn: string, days: number): string {
  if (!Number.isInteger(days) || days < 1 || days > EXTENSION_MAX_DAYS) {
    throw new RangeError(`extension of ${days} working days`);
  }
  return calendar.addWorkingDays(dueOn, days);
}

/** When the superior must answer an objection filed at `objectionAt`. */
export function objectionAnswerDueOn(calendar: WorkingCalendar, objectionAt: Date): string {
  return calendar.addWorkingDays(objectionAt, OBJECTION_ANSWER_DAYS);
}

/** What a request's deadlines depend on. */
export type RequestClock = Readonly<{
  status: InfoRequestStatus;
  due_on: string | Date;
  extended_on: string | Date | null;
  answered_at: Date | null;
  objection_due_on?: string | Date | null;
}>;

/** The date the answer is due: the extended one, if the PPID extended. */
export function currentDueOn(r: RequestClock): string {
  return localDay(r.extended_on ?? r.due_on);
}

/** Whether the request waits past its due date on `now`: the answer's, or the objection's answer's. */
export function isOverdue(calendar: WorkingCalendar, r: RequestClock, now: Date): boolean {
  if (r.status === 'objected' && r.objection_due_on)
    return today(calendar, now) > localDay(r.objection_due_on);
  return (r.status === 'received' || r.status === 'extended') && today(calendar, now) > currentDueOn(r);
}

/**
 * The days an objection may be filed on (first and last, local dates), or null when the request
 * gives no ground yet or never will again: after the answer, from the answer's day; unanswered,
 * from the day after the due date; in both cases for 30 working days.
 */
export function objectionWindow(
  calendar: WorkingCalendar,
  r: RequestClock,
): { from: string; until: string } | null {
  if (r.status === 'answered' && r.answered_at) {
    return {
      from: localDateOf(r.answered_at, calendar.timeZone),
      until: calendar.addWorkingDays(r.answered_at, OBJECTION_DAYS),
    };
  }
  if (r.status === 'received' || r.status === 'extended') {
    const due = currentDueOn(r);
    return { from: nextDay(due), until: calendar.addWorkingDays(due, OBJECTION_DAYS) };
  }
  return null;
}

/** Whether the requester may object on `now`. */
export function mayObject(calendar: WorkingCalendar, r: RequestClock, now: Date): boolean {
  const window = objectionWindow(calendar, r);
  if (!window) return false;
  const day = today(calendar, now);
  return day >= window.from && day <= window.until;
}

/** The local date of `now` in the calendar's zone. */
export function today(calendar: WorkingCalendar, now: Date): string {
  return localDateOf(now, calendar.timeZone);
}

function nextDay(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}
