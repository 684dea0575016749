import assert from 'node:assert/strict';
import { test } from 'node:test';
import { nationalHolidayDates, WorkingCalendar } from '../../platform/sdk/shared.ts';
import { DEFAULT_DEADLINES, daysFor, mayReopen } from './deadlines.ts';

const jakarta = new WorkingCalendar({ timeZone: 'Asia/Jakarta', holidays: nationalHolidayDates() });
const none = { verify_days: null, follow_up_days: null };

test('SP4N-LAPOR! defaults, overridden by category, then report type', () => {
  assert.equal(daysFor('triage', DEFAULT_DEADLINES, none, 'complaint', 'standard'), 3);
  assert.equal(daysFor('follow_up', DEFAULT_DEADLINES, none, 'complaint', 'standard'), 5);
  assert.equal(daysFor('follow_up', DEFAULT_DEADLINES, none, 'complaint', 'dispute'), 14);
  assert.equal(daysFor('follow_up', DEFAULT_DEADLINES, none, 'complaint', 'field_work'), 60);
  assert.equal(daysFor('reporter', DEFAULT_DEADLINES, none, 'complaint', 'standard'), 10);
  const typed = { ...DEFAULT_DEADLINES, typeFollowUpDays: { information_request: 10 } };
  assert.equal(daysFor('follow_up', typed, none, 'information_request', 'standard'), 10);
  assert.equal(
    daysFor('follow_up', typed, { verify_days: 1, follow_up_days: 2 }, 'information_request', 'standard'),
    2,
  );
  assert.equal(daysFor('triage', typed, { verify_days: 1, follow_up_days: 2 }, 'complaint', 'standard'), 1);
  // A category's standard override does not shorten the dispute or field-work tracks.
  assert.equal(
    daysFor('follow_up', typed, { verify_days: 1, follow_up_days: 2 }, 'complaint', 'field_work'),
    60,
  );
});

test('the Idulfitri 2026 holidays and cuti bersama push a triage deadline by a week', () => {
  // Filed Tuesday 17 March 2026, 10:00 WIB; 18–24 March are Nyepi, Idulfitri and cuti bersama.
  const filed = new Date('2026-03-17T03:00:00Z');
  assert.equal(jakarta.dueInstant(filed, 3).toISOString(), '2026-03-27T16:59:59.999Z');
  // The same week without holidays would have been due on Friday 20 March.
  const plain = new WorkingCalendar({ timeZone: 'Asia/Jakarta', holidays: [] });
  assert.equal(plain.dueInstant(filed, 3).toISOString(), '2026-03-20T16:59:59.999Z');
});

test('the reporter may reopen within the window, counted in working days', () => {
  const closed = new Date('2026-12-21T03:00:00Z'); // Monday; 24–25 December are holidays
  assert.ok(mayReopen(jakarta, closed, new Date('2027-01-04T03:00:00Z'), 10));
  assert.ok(!mayReopen(jakarta, closed, new Date('2027-01-20T03:00:00Z'), 10));
});
