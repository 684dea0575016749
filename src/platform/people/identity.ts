/**
 * Pure validators for Indonesian identifiers: Kemendagri region codes, NIK (Nomor Induk
 * Kependudukan), NIP (Nomor Induk Pegawai), mobile numbers and email addresses.
 *
 * Every validator returns a {@link Validation}: the normalised value and its parsed parts, or a
 * machine reason code from a closed union. Reason codes are not messages; callers translate them.
 * Nothing here touches the clock except through `opts.today`, which defaults to `new Date()`.
 */

/** Outcome of a validator: the normalised value, or a machine reason code saying why not. */
export type Validation<T, R extends string> = { ok: true; value: T } | { ok: false; reason: R };

/** Options of the validators that compare against the current date. */
export type ClockOptions = {
  /**
   * The present instant; defaults to `new Date()`. Its calendar date is taken in WIT (UTC+9), the
   * easternmost Indonesian time zone, so a date that is "today" anywhere in Indonesia is accepted.
   */
  today?: Date;
};

/** Gender as encoded in a NIK (day of birth + 40 for women) or a NIP (digit 15: 1 man, 2 woman). */
export type Gender = 'female' | 'male';

/**
 * Kemendagri province codes of the 38 provinces (Kepmendagri 100.1.1-6117/2022 and the 2022 Papua
 * splits: 93 Papua Selatan, 94 Papua Tengah, 95 Papua Pegunungan, 96 Papua Barat Daya).
 */
export const PROVINCE_CODES: readonly string[] = Object.freeze([
  ...['11', '12', '13', '14', '15', '16', '17', '18', '19'], // Sumatra, Bangka Belitung
  '21', // Kepulauan Riau
  ...['31', '32', '33', '34', '35', '36'], // Java
  ...['51', '52', '53'], // Bali, Nusa Tenggara
  ...['61', '62', '63', '64', '65'], // Kalimantan
  ...['71', '72', '73', '74', '75', '76'], // Sulawesi
  ...['81', '82'], // Maluku
  ...['91', '92', '93', '94', '95', '96'], // Papua
]);

const PROVINCES: ReadonlySet<string> = new Set(PROVINCE_CODES);

/** True for a two-digit Kemendagri province code of an existing province (e.g. '36' Banten). */
export function isProvinceCode(pp: string): boolean {
  return PROVINCES.has(pp);
}

/** Kind of a second-level region: regency codes are 01–69, city codes 71–99. */
export type RegencyKind = 'kabupaten' | 'kota';

/** Kind of a fourth-level region: village codes starting with 2 are desa, with 1 kelurahan. */
export type VillageKind = 'desa' | 'kelurahan';

/** Administrative level named by a region code, from its number of segments. */
export type RegionLevel = 'province' | 'regency' | 'district' | 'village';

/** A parsed Kemendagri region code; parts are kept as zero-padded digit strings. */
export type RegionCode = {
  /** The code as given, trimmed, e.g. '36.71.05.1003'. */
  code: string;
  level: RegionLevel;
  /** Two-digit province code, e.g. '36'. */
  province: string;
  /** Two-digit regency/city code within the province, e.g. '71'. */
  regency?: string;
  kind?: RegencyKind;
  /** Two-digit district (kecamatan) code within the regency, e.g. '05'. */
  district?: string;
  /** Four-digit village code within the district, e.g. '1003'. */
  village?: string;
  villageKind?: VillageKind;
};

/**
 * Why a region code was refused: 'format' (not `PP`, `PP.KK`, `PP.KK.CC` or `PP.KK.CC.DDDD` in
 * digits, or a village code not of the form 1nnn/2nnn with nnn ≥ 001), 'province' (no such
 * province), 'regency' (00 or 70) or 'district' (00).
 */
export type RegionCodeReason = 'format' | 'province' | 'regency' | 'district';

const REGION_CODE = /^(\d{2})(?:\.(\d{2})(?:\.(\d{2})(?:\.(\d{4}))?)?)?$/;

/** Regency 01–69 is a kabupaten, 71–99 a kota; 00 and 70 are not used. */
function regencyKind(kk: string): RegencyKind | null {
  const n = Number(kk);
  if (n >= 1 && n <= 69) return 'kabupaten';
  if (n >= 71 && n <= 99) return 'kota';
  return null;
}

/**
 * Parses a Kemendagri region code (Permendagri 72/2019 style): `PP` province, `PP.KK` regency or
 * city, `PP.KK.CC` district, `PP.KK.CC.DDDD` village. Dots are required; surrounding whitespace is
 * trimmed. Checks that the province exists, that KK is a regency (01–69) or city (71–99), that CC
 * is not 00, and that a village code is 1001–1999 (kelurahan) or 2001–2999 (desa).
 */
export function parseRegionCode(code: string): Validation<RegionCode, RegionCodeReason> {
  const trimmed = code.trim();
  const m = REGION_CODE.exec(trimmed);
  if (!m) return { ok: false, reason: 'format' };
  const [, province = '', regency, district, village] = m;
  if (!PROVINCES.has(province)) return { ok: false, reason: 'province' };
  if (regency === undefined) return { ok: true, value: { code: trimmed, level: 'province', province } };

  const kind = regencyKind(regency);
  if (kind === null) return { ok: false, reason: 'regency' };
  if (district === undefined) {
    return { ok: true, value: { code: trimmed, level: 'regency', province, regency, kind } };
  }

  if (district === '00') return { ok: false, reason: 'district' };
  if (village === undefined) {
    return { ok: true, value: { code: trimmed, level: 'district', province, regency, kind, district } };
  }

  const villageKind = village[0] === '1' ? 'kelurahan' : village[0] === '2' ? 'desa' : null;
  if (villageKind === null || village.endsWith('000')) return { ok: false, reason: 'format' };
  return {
    ok: true,
    value: { code: trimmed, level: 'village', province, regency, kind, district, village, villageKind },
  };
}

/** Kind of a tenant: a city, a regency or a province government. */
export type TenantKind = 'kota' | 'kabupaten' | 'provinsi';

/**
 * True when `code` is a valid region code at the level a tenant of this kind governs: `PP.KK` with
 * KK 71–99 for a kota, `PP.KK` with KK 01–69 for a kabupaten, `PP` alone for a provinsi.
 */
export function isTenantRegionCode(code: string, kind: TenantKind): boolean {
  const r = parseRegionCode(code);
  if (!r.ok) return false;
  if (kind === 'provinsi') return r.value.level === 'province';
  return r.value.level === 'regency' && r.value.kind === kind;
}

/** Calendar date in WIT (UTC+9) of an instant. */
function calendarDate(instant: Date): { year: number; month: number; day: number } {
  const wit = new Date(instant.getTime() + 9 * 60 * 60 * 1000);
  return { year: wit.getUTCFullYear(), month: wit.getUTCMonth() + 1, day: wit.getUTCDate() };
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function isRealDate(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

function isoDate(year: number, month: number, day: number): string {
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/** A parsed NIK. */
export type Nik = {
  /** The 16 digits. */
  nik: string;
  /** Kemendagri district code of the place of first registration, 'PP.KK.CC'. */
  regionCode: string;
  /** ISO date 'YYYY-MM-DD'. */
  birthDate: string;
  gender: Gender;
  /** The last four digits, e.g. '0003'. */
  sequence: string;
};

/**
 * Why a NIK was refused: 'format' (not 16 digits), 'region' (unknown province, regency 00 or 70,
 * or district 00), 'birth_date' (not a calendar date, or in the future) or 'sequence' (0000).
 */
export type NikReason = 'format' | 'region' | 'birth_date' | 'sequence';

/**
 * Parses a NIK: 16 digits (after trimming surrounding whitespace; no inner separators) made of
 * province (2), regency (2), district (2), birth date DDMMYY with 40 added to the day for women,
 * and a 4-digit sequence other than 0000. The century is 19YY when YY is greater than the current
 * two-digit year, else 20YY; the birth date must not be after today.
 */
export function parseNik(nik: string, opts: ClockOptions = {}): Validation<Nik, NikReason> {
  const digits = nik.trim();
  if (!/^\d{16}$/.test(digits)) return { ok: false, reason: 'format' };

  const pp = digits.slice(0, 2);
  const kk = digits.slice(2, 4);
  const cc = digits.slice(4, 6);
  if (!PROVINCES.has(pp) || regencyKind(kk) === null || cc === '00') return { ok: false, reason: 'region' };

  const today = calendarDate(opts.today ?? new Date());
  const dd = Number(digits.slice(6, 8));
  const month = Number(digits.slice(8, 10));
  const yy = Number(digits.slice(10, 12));
  const gender: Gender = dd > 40 ? 'female' : 'male';
  const day = gender === 'female' ? dd - 40 : dd;
  const year = (yy > today.year % 100 ? 1900 : 2000) + yy;
  if (!isRealDate(year, month, day)) return { ok: false, reason: 'birth_date' };
  const birthDate = isoDate(year, month, day);
  if (birthDate > isoDate(today.year, today.month, today.day)) return { ok: false, reason: 'birth_date' };

  const sequence = digits.slice(12);
  if (sequence === '0000') return { ok: false, reason: 'sequence' };
  return { ok: true, value: { nik: digits, regionCode: `${pp}.${kk}.${cc}`, birthDate, gender, sequence } };
}

/** A parsed NIP of a civil servant (PNS). */
export type Nip = {
  /** The 18 digits, separators removed. */
  nip: string;
  /** ISO date 'YYYY-MM-DD'. */
  birthDate: string;
  /** Month of appointment as a candidate civil servant (TMT CPNS), 'YYYY-MM'. */
  appointedMonth: string;
  gender: Gender;
  /** The last three digits, e.g. '003'. */
  sequence: string;
};

/**
 * Why a NIP was refused: 'format' (not 18 digits), 'birth_date' (not a calendar date, or in the
 * future), 'appointment_date' (month not 01–12, before the 18th birthday, or in the future),
 * 'gender' (digit 15 not 1 or 2) or 'sequence' (000).
 */
export type NipReason = 'format' | 'birth_date' | 'appointment_date' | 'gender' | 'sequence';

/**
 * Parses a NIP: 18 digits, optionally split by whitespace as usually printed
 * ('19850312 201001 1 003'), made of birth date YYYYMMDD, TMT CPNS YYYYMM, gender digit (1 man,
 * 2 woman) and a 3-digit sequence other than 000. The appointment (taken as the first of its month)
 * must be on or after the 18th birthday and not after the current month.
 */
export function parseNip(nip: string, opts: ClockOptions = {}): Validation<Nip, NipReason> {
  const trimmed = nip.trim();
  if (!/^\d+(?:\s+\d+)*$/.test(trimmed)) return { ok: false, reason: 'format' };
  const digits = trimmed.replace(/\s+/g, '');
  if (digits.length !== 18) return { ok: false, reason: 'format' };

  const today = calendarDate(opts.today ?? new Date());
  const birthYear = Number(digits.slice(0, 4));
  const birthMonth = Number(digits.slice(4, 6));
  const birthDay = Number(digits.slice(6, 8));
  if (!isRealDate(birthYear, birthMonth, birthDay)) return { ok: false, reason: 'birth_date' };
  const birthDate = isoDate(birthYear, birthMonth, birthDay);
  if (birthDate > isoDate(today.year, today.month, today.day)) return { ok: false, reason: 'birth_date' };

  const appointedYear = Number(digits.slice(8, 12));
  const appointedMonthNumber = Number(digits.slice(12, 14));
  if (appointedMonthNumber < 1 || appointedMonthNumber > 12) return { ok: false, reason: 'appointment_date' };
  // Plain string comparison also handles a 29 February birthday in a non-leap 18th year.
  const eighteenthBirthday = isoDate(birthYear + 18, birthMonth, birthDay);
  if (isoDate(appointedYear, appointedMonthNumber, 1) < eighteenthBirthday) {
    return { ok: false, reason: 'appointment_date' };
  }
  const appointedMonth = `${pad(appointedYear, 4)}-${pad(appointedMonthNumber, 2)}`;
  if (appointedMonth > `${pad(today.year, 4)}-${pad(today.month, 2)}`) {
    return { ok: false, reason: 'appointment_date' };
  }

  const genderDigit = digits[14];
  const gender: Gender | null = genderDigit === '1' ? 'male' : genderDigit === '2' ? 'female' : null;
  if (gender === null) return { ok: false, reason: 'gender' };
  const sequence = digits.slice(15);
  if (sequence === '000') return { ok: false, reason: 'sequence' };
  return { ok: true, value: { nip: digits, birthDate, appointedMonth, gender, sequence } };
}

/** Why a phone number was refused: it is not an Indonesian mobile number. */
export type PhoneReason = 'format';

/**
 * Normalises an Indonesian mobile number to E.164 ('+6281234567890'). Accepts the forms 08…,
 * 628… and +628…, with spaces, dashes, dots and parentheses as separators. The national
 * significant number (after 0 or 62) must start with 8 and have 9 to 12 digits. Landlines,
 * foreign numbers and a trunk zero after the country code ('+62 (0)812…') are refused.
 */
export function normalizePhone(input: string): Validation<string, PhoneReason> {
  const trimmed = input.trim();
  if (!/^\+?[\d\s.()-]+$/.test(trimmed)) return { ok: false, reason: 'format' };
  const compact = trimmed.replace(/[\s.()-]/g, '');
  let national: string;
  if (compact.startsWith('+62')) national = compact.slice(3);
  else if (compact.startsWith('+')) return { ok: false, reason: 'format' };
  else if (compact.startsWith('62')) national = compact.slice(2);
  else if (compact.startsWith('0')) national = compact.slice(1);
  else return { ok: false, reason: 'format' };
  if (!/^8\d{8,11}$/.test(national)) return { ok: false, reason: 'format' };
  return { ok: true, value: `+62${national}` };
}

/** Why an email address was refused: it is not structurally a plain address. */
export type EmailReason = 'format';

const LOCAL_PART = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
const DOMAIN_LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/**
 * Normalises an email address: trims it and lowercases the domain (the local part keeps its case).
 * Checks structure only: exactly one @; a local part of 1–64 characters in dot-atom form (ASCII
 * letters, digits and !#$%&'*+/=?^_`{|}~- separated by single dots); a domain of at least two
 * labels, each 1–63 characters of [a-z0-9-] not starting or ending with a hyphen, with a
 * top-level label that is not all digits; at most 254 characters in all. Internationalised
 * domains must be given in punycode (xn--…).
 */
export function normalizeEmail(input: string): Validation<string, EmailReason> {
  const trimmed = input.trim();
  const at = trimmed.indexOf('@');
  if (at < 0 || at !== trimmed.lastIndexOf('@')) return { ok: false, reason: 'format' };
  const local = trimmed.slice(0, at);
  const rawDomain = trimmed.slice(at + 1);
  // ASCII only before lowercasing: toLowerCase maps some non-ASCII letters (K, U+212A) to ASCII.
  if (!/^[A-Za-z0-9.-]+$/.test(rawDomain)) return { ok: false, reason: 'format' };
  const domain = rawDomain.toLowerCase();
  const email = `${local}@${domain}`;
  if (email.length > 254 || local.length > 64 || !LOCAL_PART.test(local))
    return { ok: false, reason: 'format' };
  const labels = domain.split('.');
  if (labels.length < 2 || !labels.every((l) => DOMAIN_LABEL.test(l))) return { ok: false, reason: 'format' };
  if (/^\d+$/.test(labels[labels.length - 1] ?? '')) return { ok: false, reason: 'format' };
  return { ok: true, value: email };
}
