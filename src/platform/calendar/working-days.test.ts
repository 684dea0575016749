import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  type LocalDate,
  localDateOf,
  localInstant,
  nationalHolidayDates,
  utcOffsetMinutes,
  WorkingCalendar,
} from './working-days.ts';

const holidays = nationalHolidayDates();
const jakarta = new WorkingCalendar({ timeZone: 'Asia/Jakarta', holidays });
const makassar = new WorkingCalendar({ timeZone: 'Asia/Makassar', holidays });
const jayapura = new WorkingCalendar({ timeZone: 'Asia/Jayapura', holidays });

const DAY_MS = 86_400_000;
const addDays = (d: LocalDate, n: number): LocalDate =>
  new Date(Date.parse(`${d}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);

test('localDateOf: the same instant is a different date in WIB, WITA and WIT', () => {
  const instant = new Date('2026-03-18T16:30:00Z');
  assert.equal(localDateOf(instant, 'Asia/Jakarta'), '2026-03-18'); // 23:30 WIB (UTC+7)
  assert.equal(localDateOf(instant, 'Asia/Makassar'), '2026-03-19'); // 00:30 WITA (UTC+8)
  assert.equal(localDateOf(instant, 'Asia/Jayapura'), '2026-03-19'); // 01:30 WIT (UTC+9)
  assert.equal(localDateOf(new Date('2026-03-25T16:59:59.999Z'), 'Asia/Jakarta'), '2026-03-25');
  assert.equal(localDateOf(new Date('2026-03-25T17:00:00.000Z'), 'Asia/Jakarta'), '2026-03-26');
  assert.equal(localDateOf(new Date('2026-12-31T14:59:59.999Z'), 'Asia/Jayapura'), '2026-12-31');
  assert.equal(localDateOf(new Date('2026-12-31T15:00:00.000Z'), 'Asia/Jayapura'), '2027-01-01');
});

test('Idulfitri week 2026: 3 working days after Tue 17 March is Fri 27 March', () => {
  // Counting starts the day after Tue 17 March:
  //   Wed 18 cuti bersama Nyepi, Thu 19 Nyepi, Fri 20 cuti bersama Idulfitri,
  //   Sat 21 / Sun 22 Idulfitri 1447 H (and weekend), Mon 23 / Tue 24 cuti bersama Idulfitri,
  //   Wed 25 -> 1, Thu 26 -> 2, Fri 27 -> 3.
  assert.equal(jakarta.addWorkingDays('2026-03-17', 3), '2026-03-27');
  assert.equal(jakarta.addWorkingDays('2026-03-17', 1), '2026-03-25');
  assert.equal(jakarta.workingDaysBetween('2026-03-17', '2026-03-27'), 3);
  assert.equal(jakarta.workingDaysBetween('2026-03-27', '2026-03-17'), -3);
  for (const d of [
    '2026-03-18',
    '2026-03-19',
    '2026-03-20',
    '2026-03-21',
    '2026-03-22',
    '2026-03-23',
    '2026-03-24',
  ]) {
    assert.equal(jakarta.isWorkingDay(d), false, d);
  }
  assert.equal(jakarta.isWorkingDay('2026-03-17'), true);
  assert.equal(jakarta.isWorkingDay('2026-03-25'), true);
});

test('Friday + 1 working day is the next Monday, unless that Monday is a holiday', () => {
  assert.equal(jakarta.addWorkingDays('2026-01-09', 1), '2026-01-12'); // Fri -> Mon
  assert.equal(jakarta.nextWorkingDay('2026-01-09'), '2026-01-12');
  // Fri 15 Aug 2025; Sun 17 Aug Independence Day; Mon 18 Aug cuti bersama (SKB 933/2025) -> Tue 19 Aug.
  assert.equal(jakarta.addWorkingDays('2025-08-15', 1), '2025-08-19');
});

test('n = 0 is the start date when it is a working day, else the next working day', () => {
  assert.equal(jakarta.addWorkingDays('2026-03-25', 0), '2026-03-25');
  assert.equal(jakarta.addWorkingDays('2026-03-21', 0), '2026-03-25'); // Idulfitri Saturday
  assert.equal(jakarta.addWorkingDays('2026-01-10', 0), '2026-01-12'); // ordinary Saturday
});

test('Christmas and New Year 2025–2026 and 2026–2027', () => {
  // Wed 24 Dec 2025 -> Thu 25 Natal, Fri 26 cuti bersama, weekend, Mon 29 (1), Tue 30 (2), Wed 31 (3),
  // Thu 1 Jan 2026 New Year, Fri 2 Jan (4).
  assert.equal(jakarta.addWorkingDays('2025-12-24', 1), '2025-12-29');
  assert.equal(jakarta.addWorkingDays('2025-12-24', 3), '2025-12-31');
  assert.equal(jakarta.addWorkingDays('2025-12-24', 4), '2026-01-02');
  // Wed 23 Dec 2026 -> Thu 24 cuti bersama, Fri 25 Natal, weekend, Mon 28 (1) … Thu 31 (4),
  // Fri 1 Jan 2027 New Year, weekend, Mon 4 Jan 2027 (5).
  assert.equal(jakarta.addWorkingDays('2026-12-23', 1), '2026-12-28');
  assert.equal(jakarta.addWorkingDays('2026-12-23', 4), '2026-12-31');
  assert.equal(jakarta.addWorkingDays('2026-12-23', 5), '2027-01-04');
  assert.equal(jakarta.workingDaysBetween('2026-12-23', '2027-01-04'), 5);
  assert.equal(jakarta.isWorkingDay('2027-01-01'), false);
});

test('the same instant gives different due dates in Asia/Jakarta and Asia/Jayapura', () => {
  // 2026-03-25T16:30Z is Wed 25 March 23:30 WIB but Thu 26 March 01:30 WIT (and 00:30 WITA).
  // Jakarta: Thu 26 (1), Fri 27 (2), Mon 30 (3). Jayapura / Makassar: Fri 27 (1), Mon 30 (2), Tue 31 (3).
  const instant = new Date('2026-03-25T16:30:00Z');
  assert.equal(jakarta.addWorkingDays(instant, 3), '2026-03-30');
  assert.equal(jayapura.addWorkingDays(instant, 3), '2026-03-31');
  assert.equal(makassar.addWorkingDays(instant, 3), '2026-03-31');
  // Due at the end of the local due day: 23:59:59.999 local = UTC minus 7, 9 and 8 hours.
  assert.equal(jakarta.dueInstant(instant, 3).toISOString(), '2026-03-30T16:59:59.999Z');
  assert.equal(jayapura.dueInstant(instant, 3).toISOString(), '2026-03-31T14:59:59.999Z');
  assert.equal(makassar.dueInstant(instant, 3).toISOString(), '2026-03-31T15:59:59.999Z');
});

test('during the Nyepi–Idulfitri block different local start dates still converge on the same due date', () => {
  // 2026-03-18T16:30Z is Wed 18 March in Jakarta but Thu 19 March in Jayapura; both are holidays and so
  // is every day up to Tue 24, so the first working day after either start is Wed 25 March.
  const instant = new Date('2026-03-18T16:30:00Z');
  assert.notEqual(localDateOf(instant, 'Asia/Jakarta'), localDateOf(instant, 'Asia/Jayapura'));
  assert.equal(jakarta.addWorkingDays(instant, 1), '2026-03-25');
  assert.equal(jayapura.addWorkingDays(instant, 1), '2026-03-25');
  // …but "the end of that day" is still a different instant in each zone.
  assert.equal(jakarta.dueInstant(instant, 1).toISOString(), '2026-03-25T16:59:59.999Z');
  assert.equal(jayapura.dueInstant(instant, 1).toISOString(), '2026-03-25T14:59:59.999Z');
});

test('dueInstant is the last millisecond of the local due date', () => {
  const start = new Date('2026-03-17T02:00:00Z'); // Tue 17 March, 09:00 WIB
  const due = jakarta.dueInstant(start, 3);
  assert.equal(due.toISOString(), '2026-03-27T16:59:59.999Z');
  assert.equal(localDateOf(due, 'Asia/Jakarta'), '2026-03-27');
  assert.equal(localDateOf(new Date(due.getTime() + 1), 'Asia/Jakarta'), '2026-03-28');
  assert.equal(jakarta.dueInstant(start, 0).toISOString(), '2026-03-17T16:59:59.999Z');
});

test('workingDaysBetween counts the working days of 2026 (hand count: 240)', () => {
  // 2026 starts and ends on a Thursday: 261 weekdays. Holidays on weekdays: 13 of the 17 national days
  // (21 & 22 March, 5 April and 31 May are weekend days) plus all 8 cuti bersama -> 261 - 21 = 240.
  assert.equal(jakarta.workingDaysBetween('2025-12-31', '2026-12-31'), 240);
  assert.equal(jakarta.workingDaysBetween('2026-12-31', '2025-12-31'), -240);
  assert.equal(jakarta.workingDaysBetween('2026-03-25', '2026-03-25'), 0);
  assert.equal(
    jakarta.workingDaysBetween(new Date('2026-03-17T02:00:00Z'), new Date('2026-03-27T10:00:00Z')),
    3,
  );
});

test('property: workingDaysBetween inverts addWorkingDays for every start in 2026', () => {
  for (const cal of [jakarta, jayapura]) {
    for (let start = '2026-01-01'; start <= '2026-12-31'; start = addDays(start, 1)) {
      for (const n of [1, 3, 5, 14, 60]) {
        const due = cal.addWorkingDays(start, n);
        assert.ok(due > start, `${start} + ${n}`);
        assert.equal(cal.isWorkingDay(due), true, `${start} + ${n} = ${due} is not a working day`);
        assert.equal(cal.workingDaysBetween(start, due), n, `${start} + ${n} = ${due}`);
        // Minimal: one day earlier there are only n - 1 working days.
        assert.equal(cal.workingDaysBetween(start, addDays(due, -1)), n - 1, `${start} + ${n} not minimal`);
        assert.equal(cal.workingDaysBetween(due, start), -n);
      }
    }
  }
});

test('local holidays and a custom weekend are honoured', () => {
  const withLocal = new WorkingCalendar({ timeZone: 'Asia/Makassar', holidays: [...holidays, '2026-03-25'] });
  assert.equal(withLocal.addWorkingDays('2026-03-17', 3), '2026-03-30'); // 26, 27, 30
  const sixDayWeek = new WorkingCalendar({ timeZone: 'Asia/Jakarta', holidays: [], weekend: [7] });
  assert.equal(sixDayWeek.addWorkingDays('2026-01-09', 1), '2026-01-10'); // Fri -> Sat
  assert.equal(sixDayWeek.addWorkingDays('2026-01-10', 1), '2026-01-12'); // Sat -> Mon
  assert.deepEqual(sixDayWeek.weekend, [7]);
  assert.deepEqual(jakarta.weekend, [6, 7]);
});

test('nationalHolidayDates combines national holidays and cuti bersama, sorted and unique', () => {
  const y2026 = nationalHolidayDates([2026]);
  assert.equal(y2026.length, 25); // 17 + 8
  assert.ok(y2026.every((d) => d.startsWith('2026-')));
  assert.deepEqual(y2026, [...y2026].sort());
  assert.ok(y2026.includes('2026-03-18') && y2026.includes('2026-03-19'));
  assert.equal(nationalHolidayDates([2025]).length, 28); // 17 + 11
  assert.equal(nationalHolidayDates().length, 28 + 25 + 17);
  assert.deepEqual(nationalHolidayDates([1999]), []);
  assert.deepEqual(nationalHolidayDates([2025, 2026]), [...nationalHolidayDates([2025]), ...y2026]);
});

test('invalid input throws RangeError with a clear message', () => {
  for (const bad of [
    '2026-02-30',
    '2026-2-3',
    '20260203',
    '2026-13-01',
    '2026-00-10',
    '',
    'soon',
    '2026-02-03T00:00',
  ]) {
    assert.throws(() => jakarta.isWorkingDay(bad), { name: 'RangeError', message: /Invalid LocalDate/ }, bad);
    assert.throws(
      () => jakarta.addWorkingDays(bad, 1),
      { name: 'RangeError', message: /Invalid LocalDate/ },
      bad,
    );
    assert.throws(() => jakarta.workingDaysBetween('2026-01-01', bad), RangeError, bad);
  }
  assert.equal(jakarta.isWorkingDay('2028-02-29'), true); // leap day exists
  assert.throws(() => jakarta.isWorkingDay('2027-02-29'), RangeError);
  for (const tz of ['Asia/Atlantis', 'WIB', '']) {
    assert.throws(() => new WorkingCalendar({ timeZone: tz, holidays: [] }), {
      name: 'RangeError',
      message: /Unknown time zone/,
    });
    assert.throws(() => localDateOf(new Date(), tz), { name: 'RangeError', message: /Unknown time zone/ });
  }
  for (const n of [-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) {
    assert.throws(() => jakarta.addWorkingDays('2026-01-09', n), {
      name: 'RangeError',
      message: /working days/,
    });
    assert.throws(() => jakarta.dueInstant(new Date(), n), RangeError);
  }
  assert.throws(() => localDateOf(new Date('nope'), 'Asia/Jakarta'), {
    name: 'RangeError',
    message: /Invalid instant/,
  });
  assert.throws(() => jakarta.addWorkingDays(new Date('nope'), 1), RangeError);
  assert.throws(
    () => new WorkingCalendar({ timeZone: 'Asia/Jakarta', holidays: ['2026-02-30'] }),
    RangeError,
  );
  assert.throws(
    () => new WorkingCalendar({ timeZone: 'Asia/Jakarta', holidays: [], weekend: [0] }),
    RangeError,
  );
  assert.throws(
    () => new WorkingCalendar({ timeZone: 'Asia/Jakarta', holidays: [], weekend: [8] }),
    RangeError,
  );
  assert.throws(
    () => new WorkingCalendar({ timeZone: 'Asia/Jakarta', holidays: [], weekend: [1, 2, 3, 4, 5, 6, 7] }),
    RangeError,
  );
  assert.throws(() => nationalHolidayDates([2026.5]), RangeError);
});

test('localInstant places a wall-clock time in each Indonesian zone', () => {
  assert.equal(localInstant('2018-05-07', '09:00', 'Asia/Jakarta').toISOString(), '2018-05-07T02:00:00.000Z');
  assert.equal(
    localInstant('2018-05-07', '09:00', 'Asia/Makassar').toISOString(),
    '2018-05-07T01:00:00.000Z',
  );
  assert.equal(
    localInstant('2018-05-07', '09:00', 'Asia/Jayapura').toISOString(),
    '2018-05-07T00:00:00.000Z',
  );
  assert.throws(() => localInstant('2018-02-30', '09:00', 'Asia/Jakarta'), RangeError);
  assert.throws(() => localInstant('2018-05-07', '25:00', 'Asia/Jakarta'), RangeError);
  assert.throws(() => localInstant('2018-05-07', '09:00', 'Mars/Olympus'), RangeError);
  // Midnight in WIT is the previous day in UTC.
  assert.equal(
    localInstant('2026-01-01', '00:00', 'Asia/Jayapura').toISOString(),
    '2025-12-31T15:00:00.000Z',
  );
});

test('localInstant answers a repeated question alike, with a Date of its own each time', () => {
  const first = localInstant('2026-03-19', '13:00', 'Asia/Makassar');
  first.setTime(0);
  const again = localInstant('2026-03-19', '13:00', 'Asia/Makassar');
  assert.equal(again.toISOString(), '2026-03-19T05:00:00.000Z');
  // Each argument is part of the question: another zone, day or time is not the kept answer.
  assert.equal(localInstant('2026-03-19', '13:00', 'Asia/Jakarta').toISOString(), '2026-03-19T06:00:00.000Z');
  assert.equal(
    localInstant('2026-03-20', '13:00', 'Asia/Makassar').toISOString(),
    '2026-03-20T05:00:00.000Z',
  );
  assert.equal(
    localInstant('2026-03-19', '13:30', 'Asia/Makassar').toISOString(),
    '2026-03-19T05:30:00.000Z',
  );
  assert.throws(() => localInstant('2026-03-19', '13:60', 'Asia/Makassar'), RangeError);
});

test('utcOffsetMinutes gives each zone its offset, including ones with half hours and history', () => {
  const at = new Date('2026-11-23T10:00:00Z');
  assert.equal(utcOffsetMinutes(at, 'Asia/Jakarta'), 420);
  assert.equal(utcOffsetMinutes(at, 'Asia/Makassar'), 480);
  assert.equal(utcOffsetMinutes(at, 'Asia/Jayapura'), 540);
  assert.equal(utcOffsetMinutes(at, 'UTC'), 0);
  assert.equal(utcOffsetMinutes(at, 'Asia/Kolkata'), 330);
  assert.equal(utcOffsetMinutes(at, 'America/Sao_Paulo'), -180);
  // Jakarta kept +07:30 until 1964.
  assert.equal(utcOffsetMinutes(new Date('1960-06-01T00:00:00Z'), 'Asia/Jakarta'), 450);
  assert.throws(() => utcOffsetMinutes(at, 'Nowhere/Land'), RangeError);
  assert.throws(() => utcOffsetMinutes(new Date(Number.NaN), 'Asia/Jakarta'), RangeError);
});

test('offsets kept per quarter hour agree with the zone, across every kind of transition', () => {
  // An independent reading of the wall clock: its own formatter, no cache.
  const exactOffsetMinutes = (ms: number, timeZone: string) => {
    const f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    const p: Record<string, number> = {};
    for (const part of f.formatToParts(ms)) if (part.type !== 'literal') p[part.type] = Number(part.value);
    const wall = Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!);
    return Math.round((wall - Math.floor(ms / 1000) * 1000) / 60_000);
  };
  const transitions: Array<[string, string]> = [
    ['Europe/London', '2026-03-29T01:00:00Z'], // +00:00 → +01:00
    ['America/New_York', '2026-11-01T06:00:00Z'], // −04:00 → −05:00
    ['Australia/Lord_Howe', '2026-04-04T15:00:00Z'], // a half-hour change
    ['Pacific/Chatham', '2026-04-04T14:00:00Z'], // +13:45 → +12:45
    ['Asia/Kathmandu', '1985-12-31T18:30:00Z'], // +05:30 → +05:45, at a quarter past in UTC
    ['Asia/Jakarta', '1963-12-31T16:30:00Z'], // +07:30 → +07:00, the zone's last change
    ['Asia/Jakarta', '1923-12-31T16:40:00Z'], // +07:07:12 → +07:20, inside a quarter hour of UTC
  ];
  for (const [zone, at] of transitions) {
    const t0 = Date.parse(at);
    const seen = new Set<number>();
    for (let ms = t0 - 2 * 3_600_000; ms <= t0 + 2 * 3_600_000; ms += 7_000) {
      const exact = exactOffsetMinutes(ms, zone);
      seen.add(exact);
      assert.equal(utcOffsetMinutes(new Date(ms), zone), exact, `${zone} at ${new Date(ms).toISOString()}`);
    }
    assert.equal(seen.size, 2, `${zone}: the window holds its transition`);
  }
});
