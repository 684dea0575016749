import assert from 'node:assert/strict';
import { test } from 'node:test';
import { NATIONAL_HOLIDAY_YEARS, NATIONAL_HOLIDAYS, type NationalHoliday } from './holidays.ts';

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const weekday = (date: string) => WEEKDAYS[new Date(`${date}T00:00:00Z`).getUTCDay()];
const ofYear = (year: number) => NATIONAL_HOLIDAYS.filter((h) => h.date.startsWith(`${year}-`));
const datesOf = (list: readonly NationalHoliday[], kind: NationalHoliday['kind']) =>
  list.filter((h) => h.kind === kind).map((h) => h.date);

/** Easter Sunday (anonymous Gregorian computus), as YYYY-MM-DD. */
function easter(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const shift = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

test('every holiday date is a real date in a covered year, in date order', () => {
  assert.ok(NATIONAL_HOLIDAYS.length > 0);
  for (const h of NATIONAL_HOLIDAYS) {
    assert.match(h.date, /^\d{4}-\d{2}-\d{2}$/, h.date);
    assert.equal(
      new Date(`${h.date}T00:00:00Z`).toISOString().slice(0, 10),
      h.date,
      `${h.date} is not a real date`,
    );
    assert.ok(NATIONAL_HOLIDAY_YEARS.includes(Number(h.date.slice(0, 4))), `${h.date} outside covered years`);
  }
  const dates = NATIONAL_HOLIDAYS.map((h) => h.date);
  assert.deepEqual(dates, [...dates].sort());
});

test('no duplicate date+kind, and no date is both a national holiday and cuti bersama', () => {
  const seen = new Set<string>();
  for (const h of NATIONAL_HOLIDAYS) {
    const key = `${h.date}/${h.kind}`;
    assert.ok(!seen.has(key), `duplicate ${key}`);
    seen.add(key);
  }
  const national = new Set(datesOf(NATIONAL_HOLIDAYS, 'national'));
  for (const d of datesOf(NATIONAL_HOLIDAYS, 'cuti_bersama'))
    assert.ok(!national.has(d), `${d} is both kinds`);
});

test('every entry is named in Indonesian and English', () => {
  for (const h of NATIONAL_HOLIDAYS) {
    assert.ok(h.name.id.trim().length > 2, `${h.date} id name`);
    assert.ok(h.name.en.trim().length > 2, `${h.date} en name`);
    assert.ok(h.kind === 'national' || h.kind === 'cuti_bersama');
  }
});

test('counts per year match the SKB: 17 national days each year; 11, 8 and (no SKB yet) 0 cuti bersama', () => {
  // 2025: 10 cuti bersama in SKB 1017/2024 + 18 August added by SKB 933/2025.
  assert.equal(datesOf(ofYear(2025), 'national').length, 17);
  assert.equal(datesOf(ofYear(2025), 'cuti_bersama').length, 11);
  assert.equal(datesOf(ofYear(2026), 'national').length, 17);
  assert.equal(datesOf(ofYear(2026), 'cuti_bersama').length, 8);
  assert.equal(datesOf(ofYear(2027), 'national').length, 17);
  assert.equal(datesOf(ofYear(2027), 'cuti_bersama').length, 0);
});

test('only 2027 is provisional, and all of it is', () => {
  for (const h of NATIONAL_HOLIDAYS) {
    assert.equal(h.provisional === true, h.date.startsWith('2027-'), `${h.date} provisional flag`);
  }
});

test('2026 cuti bersama are exactly the SKB 1497/2025 dates', () => {
  assert.deepEqual(datesOf(ofYear(2026), 'cuti_bersama'), [
    '2026-02-16',
    '2026-03-18',
    '2026-03-20',
    '2026-03-23',
    '2026-03-24',
    '2026-05-15',
    '2026-05-28',
    '2026-12-24',
  ]);
});

test('2025 cuti bersama are exactly the amended SKB dates', () => {
  assert.deepEqual(datesOf(ofYear(2025), 'cuti_bersama'), [
    '2025-01-28',
    '2025-03-28',
    '2025-04-02',
    '2025-04-03',
    '2025-04-04',
    '2025-04-07',
    '2025-05-13',
    '2025-05-30',
    '2025-06-09',
    '2025-08-18',
    '2025-12-26',
  ]);
});

test('Nyepi and Idulfitri 2026: Nyepi Thu 19 March, Idulfitri Sat–Sun 21–22 March (sidang isbat 19 March)', () => {
  const byDate = new Map(ofYear(2026).map((h) => [h.date, h]));
  assert.equal(byDate.get('2026-03-19')?.kind, 'national');
  assert.match(byDate.get('2026-03-19')?.name.id ?? '', /Nyepi/);
  for (const d of ['2026-03-21', '2026-03-22']) {
    assert.equal(byDate.get(d)?.kind, 'national');
    assert.match(byDate.get(d)?.name.id ?? '', /Idulfitri 1447/);
  }
  assert.equal(byDate.has('2026-03-25'), false);
  assert.deepEqual(['2026-03-18', '2026-03-19', '2026-03-20', '2026-03-21'].map(weekday), [
    'Wed',
    'Thu',
    'Fri',
    'Sat',
  ]);
});

test('fixed-date holidays are present every covered year', () => {
  for (const year of NATIONAL_HOLIDAY_YEARS) {
    const national = new Set(datesOf(ofYear(year), 'national'));
    for (const md of ['01-01', '05-01', '06-01', '08-17', '12-25']) {
      assert.ok(national.has(`${year}-${md}`), `${year}-${md} missing`);
    }
  }
});

test('Good Friday, Easter and Ascension agree with the computus every covered year', () => {
  for (const year of NATIONAL_HOLIDAY_YEARS) {
    const national = new Set(datesOf(ofYear(year), 'national'));
    const e = easter(year);
    assert.ok(national.has(shift(e, -2)), `Good Friday ${year}`);
    assert.ok(national.has(e), `Easter ${year}`);
    assert.ok(national.has(shift(e, 39)), `Ascension ${year}`);
  }
  assert.equal(easter(2026), '2026-04-05');
});

test('weekdays stated in the SKB texts match the dates', () => {
  // "Senin, 31 Maret – Selasa, 1 April 2025", "Senin 18 Agustus 2025", "Jumat, 3 April 2026",
  // "Kamis, 24 Desember 2026".
  assert.equal(weekday('2025-03-31'), 'Mon');
  assert.equal(weekday('2025-04-01'), 'Tue');
  assert.equal(weekday('2025-08-18'), 'Mon');
  assert.equal(weekday('2026-04-03'), 'Fri');
  assert.equal(weekday('2026-12-24'), 'Thu');
});
