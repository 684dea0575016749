/**
 * Working-day arithmetic on a tenant's local calendar.
 *
 * Every computation works on calendar dates in the tenant's IANA time zone (Asia/Jakarta, Asia/Makassar,
 * Asia/Jayapura, ...): an instant is first turned into the date it is *there*, then days are counted.
 * Pure: no database, no clock, no dependencies beyond `Intl.DateTimeFormat`.
 */
import { NATIONAL_HOLIDAYS } from './holidays.ts';

/** A calendar date without a time or zone, `YYYY-MM-DD` (e.g. `'2026-03-21'`). */
export type LocalDate = string;

/** How to build a {@link WorkingCalendar}. */
export type WorkingCalendarOptions = {
  /** IANA time zone of the tenant, e.g. `'Asia/Jakarta'`. */
  timeZone: string;
  /** Non-working dates besides the weekend: national holidays, cuti bersama, local holidays. */
  holidays: Iterable<LocalDate>;
  /** ISO weekday numbers (1 = Monday … 7 = Sunday) that are not working days; default `[6, 7]`. */
  weekend?: number[];
};

const DAY_MS = 86_400_000;
const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 of a valid LocalDate; throws a RangeError otherwise. */
function toEpochDay(date: LocalDate): number {
  const m = typeof date === 'string' ? LOCAL_DATE.exec(date) : null;
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const ms = Date.UTC(y, mo - 1, d);
    const back = new Date(ms);
    // Date.UTC maps years 0..99 to 1900..1999, and rolls 2026-02-30 over to March: reject both.
    if (back.getUTCFullYear() === y && back.getUTCMonth() === mo - 1 && back.getUTCDate() === d) {
      return ms / DAY_MS;
    }
  }
  throw new RangeError(`Invalid LocalDate ${JSON.stringify(date)}: expected an existing date as YYYY-MM-DD`);
}

/**
 * Answers of {@link localInstant} (milliseconds) by zone, date and time: a page or a cache key asks
 * for the same few (a tenant's midnight, its publication time) on every request, and each costs a
 * `formatToParts` (~10 µs). Only valid arguments get here; the map is emptied when full.
 */
const instants = new Map<string, number>();

/** The instant of wall-clock `time` (HH:MM) on local `date` in `timeZone` (e.g. 09:00 WITA). */
export function localInstant(date: LocalDate, time: string, timeZone: string): Date {
  const key = `${timeZone}|${date}|${time}`;
  const known = instants.get(key);
  if (known !== undefined) return new Date(known);
  const day = toEpochDay(date);
  const m = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(time);
  if (!m) throw new RangeError(`Invalid time ${JSON.stringify(time)}: expected HH:MM`);
  const wall = day * DAY_MS + (Number(m[1]) * 60 + Number(m[2])) * 60_000;
  // The zone's offset at noon UTC that day (Indonesian zones have no daylight saving time).
  const ms = wall - utcOffsetMinutes(new Date(day * DAY_MS + DAY_MS / 2), timeZone) * 60_000;
  if (instants.size >= 4096) instants.clear();
  instants.set(key, ms);
  return new Date(ms);
}

/**
 * The offset of `timeZone` from UTC at `instant`, in whole minutes (+420 for Asia/Jakarta). Uses
 * the zone's cached formatter: cheap enough for every row of a page.
 */
export function utcOffsetMinutes(instant: Date, timeZone: string): number {
  const ms = Math.floor(checkInstant(instant) / 1000) * 1000;
  return Math.round((wallMs(wallClock(timeZone), ms) - ms) / 60_000);
}

/** Whether `value` is an existing calendar date written as YYYY-MM-DD (2026-02-30 is not). */
export function isLocalDate(value: unknown): value is LocalDate {
  try {
    toEpochDay(value as LocalDate);
    return true;
  } catch {
    return false;
  }
}

function fromEpochDay(day: number): LocalDate {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** ISO weekday, 1 = Monday … 7 = Sunday (1970-01-01 was a Thursday). */
function isoWeekday(day: number): number {
  return ((((day + 3) % 7) + 7) % 7) + 1;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function unknownTimeZone(timeZone: unknown): RangeError {
  return new RangeError(
    `Unknown time zone ${JSON.stringify(timeZone)}: expected an IANA name such as Asia/Jakarta`,
  );
}

/** A formatter giving the wall-clock date and time in `timeZone`; throws a RangeError on an unknown zone. */
function wallClock(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    if (typeof timeZone !== 'string' || timeZone === '') {
      throw unknownTimeZone(timeZone);
    }
    try {
      f = new Intl.DateTimeFormat('en-US', {
        timeZone,
        calendar: 'gregory',
        numberingSystem: 'latn',
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      });
    } catch {
      throw unknownTimeZone(timeZone);
    }
    formatters.set(timeZone, f);
  }
  return f;
}

/** The wall-clock time in the zone of `f` at `ms`, expressed as if it were UTC milliseconds (seconds precision). */
function wallMs(f: Intl.DateTimeFormat, ms: number): number {
  const offset = offsetAround(f, ms);
  return offset === null ? formattedWallMs(f, ms) : Math.floor(ms / 1000) * 1000 + offset;
}

/**
 * `formatToParts` costs microseconds a call and a request may ask for the local time many times
 * (every deadline, every date it shows): the zone's offset is kept per quarter of an hour of UTC
 * time, measured at both ends of it. Offsets are whole seconds, and a zone changes its offset at
 * most once in a quarter of an hour: where both ends agree, the offset holds throughout; where they
 * differ (a transition inside), the time is formatted exactly.
 */
const QUARTER_HOUR_MS = 15 * 60_000;
const MAX_QUARTERS = 10_000;
const offsets = new WeakMap<Intl.DateTimeFormat, Map<number, number | null>>();

function offsetAround(f: Intl.DateTimeFormat, ms: number): number | null {
  const quarter = Math.floor(ms / QUARTER_HOUR_MS);
  let known = offsets.get(f);
  if (!known) {
    known = new Map();
    offsets.set(f, known);
  }
  let offset = known.get(quarter);
  if (offset === undefined) {
    const start = quarter * QUARTER_HOUR_MS;
    const last = start + QUARTER_HOUR_MS - 1000;
    const atStart = formattedWallMs(f, start) - start;
    offset = formattedWallMs(f, last) - last === atStart ? atStart : null;
    if (known.size >= MAX_QUARTERS) known.delete(known.keys().next().value!);
    known.set(quarter, offset);
  }
  return offset;
}

function formattedWallMs(f: Intl.DateTimeFormat, ms: number): number {
  const p: Record<string, number> = {};
  for (const part of f.formatToParts(ms)) if (part.type !== 'literal') p[part.type] = Number(part.value);
  // Era-less gregorian years: 'en-US' gives positive years for the dates this platform deals with.
  return Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!);
}

function checkInstant(instant: Date): number {
  const ms = instant instanceof Date ? instant.getTime() : Number.NaN;
  if (Number.isNaN(ms)) throw new RangeError('Invalid instant: expected a valid Date');
  return ms;
}

const ZONE_NAMES: Readonly<Record<string, string>> = {
  'Asia/Jakarta': 'WIB',
  'Asia/Pontianak': 'WIB',
  'Asia/Makassar': 'WITA',
  'Asia/Jayapura': 'WIT',
};

/** The name Indonesians give a zone's time (WIB, WITA, WIT); undefined for a zone outside them. */
export function zoneName(timeZone: string): string | undefined {
  return ZONE_NAMES[timeZone];
}

/**
 * The calendar date that `instant` falls on in `timeZone`.
 *
 * @example localDateOf(new Date('2026-03-18T16:30:00Z'), 'Asia/Jakarta')  // '2026-03-18' (23:30 WIB)
 * @example localDateOf(new Date('2026-03-18T16:30:00Z'), 'Asia/Jayapura') // '2026-03-19' (01:30 WIT)
 * @throws RangeError on an invalid Date or an unknown time zone.
 */
export function localDateOf(instant: Date, timeZone: string): LocalDate {
  const f = wallClock(timeZone);
  const ms = checkInstant(instant);
  return fromEpochDay(Math.floor(wallMs(f, ms) / DAY_MS));
}

/** The zone's offset from UTC at instant `ms`, in milliseconds (wall clock − instant). */
function offsetAt(f: Intl.DateTimeFormat, ms: number): number {
  return wallMs(f, ms) - Math.floor(ms / 1000) * 1000;
}

/** The instant at which the local date `day` (days since 1970-01-01) begins in the zone of `f`. */
function startOfLocalDay(f: Intl.DateTimeFormat, day: number): number {
  const wall = day * DAY_MS;
  // Guess with the offset at the wall time read as UTC, then correct with the offset at the guess; the
  // second step only matters next to an offset change (Indonesian zones have had none for decades).
  const guess = wall - offsetAt(f, wall);
  return wall - offsetAt(f, guess);
}

function checkCount(n: number): void {
  if (!Number.isSafeInteger(n) || n < 0) {
    throw new RangeError(`Invalid number of working days ${String(n)}: expected an integer >= 0`);
  }
}

/**
 * A tenant's working calendar: which local dates are working days, and how to count them.
 *
 * A working day is a date that is neither a weekend day nor in the holiday list. Counting is done on local
 * dates in the calendar's time zone; a `Date` argument is first converted with {@link localDateOf}.
 */
export class WorkingCalendar {
  /** The IANA time zone whose local dates this calendar counts. */
  readonly timeZone: string;
  /** ISO weekday numbers (1 = Monday … 7 = Sunday) that are never working days. */
  readonly weekend: readonly number[];
  readonly #weekend: ReadonlySet<number>;
  readonly #holidays: ReadonlySet<LocalDate>;
  readonly #clock: Intl.DateTimeFormat;

  /**
   * @throws RangeError on an unknown time zone, an invalid holiday date, or a weekend that is not a set of
   *   ISO weekday numbers (1–7) leaving at least one working weekday.
   */
  constructor(options: WorkingCalendarOptions) {
    this.#clock = wallClock(options.timeZone);
    this.timeZone = options.timeZone;
    const weekend = options.weekend ?? [6, 7];
    if (!Array.isArray(weekend) || weekend.some((d) => !Number.isInteger(d) || d < 1 || d > 7)) {
      throw new RangeError(`Invalid weekend ${JSON.stringify(weekend)}: expected ISO weekday numbers 1..7`);
    }
    this.#weekend = new Set(weekend);
    if (this.#weekend.size === 7)
      throw new RangeError('Invalid weekend: every day of the week is a weekend day');
    this.weekend = Object.freeze([...this.#weekend].sort((a, b) => a - b));
    const holidays = new Set<LocalDate>();
    for (const h of options.holidays) {
      toEpochDay(h);
      holidays.add(h);
    }
    this.#holidays = holidays;
  }

  /**
   * Whether `d` is a working day: not a weekend day and not a holiday.
   * @throws RangeError on an invalid LocalDate.
   */
  isWorkingDay(d: LocalDate): boolean {
    return this.#isWorking(toEpochDay(d));
  }

  /**
   * The local date by which something is due `n` working days after `start`.
   *
   * Counting starts the day after the start date: `addWorkingDays(friday, 1)` is the next Monday when that
   * Monday is a working day. `n = 0` gives the start date itself if it is a working day, else the next
   * working day. A `Date` start is taken as its local date in the calendar's time zone.
   *
   * @throws RangeError on an invalid start, or when `n` is negative or not an integer.
   */
  addWorkingDays(start: Date | LocalDate, n: number): LocalDate {
    checkCount(n);
    return fromEpochDay(this.#addWorkingDays(this.#epochDayOf(start), n));
  }

  /**
   * The number of working days `d` with `from < d <= to`; negative (minus the count of working days in
   * `to < d <= from`) when `to` is before `from`. For `n >= 1`,
   * `workingDaysBetween(s, addWorkingDays(s, n)) === n`.
   *
   * @throws RangeError on an invalid date.
   */
  workingDaysBetween(from: Date | LocalDate, to: Date | LocalDate): number {
    const a = this.#epochDayOf(from);
    const b = this.#epochDayOf(to);
    const [lo, hi, sign] = a <= b ? [a, b, 1] : [b, a, -1];
    let count = 0;
    for (let day = lo + 1; day <= hi; day++) if (this.#isWorking(day)) count++;
    return sign * count;
  }

  /**
   * The instant at the end of the due date, `addWorkingDays(start, n)`: 23:59:59.999 local time in the
   * calendar's time zone (the last millisecond before the next local midnight).
   *
   * @throws RangeError on an invalid start, or when `n` is negative or not an integer.
   */
  dueInstant(start: Date | LocalDate, n: number): Date {
    checkCount(n);
    const due = this.#addWorkingDays(this.#epochDayOf(start), n);
    return new Date(startOfLocalDay(this.#clock, due + 1) - 1);
  }

  /**
   * The first working day strictly after `d` (the same as `addWorkingDays(d, 1)`).
   * @throws RangeError on an invalid date.
   */
  nextWorkingDay(d: Date | LocalDate): LocalDate {
    return fromEpochDay(this.#addWorkingDays(this.#epochDayOf(d), 1));
  }

  #isWorking(day: number): boolean {
    return !this.#weekend.has(isoWeekday(day)) && !this.#holidays.has(fromEpochDay(day));
  }

  #epochDayOf(d: Date | LocalDate): number {
    if (d instanceof Date) return Math.floor(wallMs(this.#clock, checkInstant(d)) / DAY_MS);
    return toEpochDay(d);
  }

  #addWorkingDays(startDay: number, n: number): number {
    let day = startDay;
    if (n === 0) {
      while (!this.#isWorking(day)) day++;
      return day;
    }
    let left = n;
    while (left > 0) {
      day++;
      if (this.#isWorking(day)) left--;
    }
    return day;
  }
}

/**
 * The dates of all national holidays and cuti bersama days (from `holidays.ts`), sorted and without
 * duplicates, optionally only those of the given `years`. Provisional dates are included.
 *
 * @throws RangeError when a year is not an integer.
 */
export function nationalHolidayDates(years?: number[]): LocalDate[] {
  if (years?.some((y) => !Number.isInteger(y))) {
    throw new RangeError(`Invalid years ${JSON.stringify(years)}: expected integers`);
  }
  const wanted = years ? new Set(years) : null;
  const dates = new Set<LocalDate>();
  for (const h of NATIONAL_HOLIDAYS) {
    if (!wanted || wanted.has(Number(h.date.slice(0, 4)))) dates.add(h.date);
  }
  return [...dates].sort();
}
