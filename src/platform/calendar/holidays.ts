/**
 * Indonesian national public holidays (libur nasional) and collective leave days (cuti bersama), as data.
 *
 * Sources, per year:
 *
 * - 2025: Keputusan Bersama Menteri Agama, Menteri Ketenagakerjaan dan Menteri PANRB
 *   Nomor 1017 Tahun 2024, Nomor 2 Tahun 2024, Nomor 2 Tahun 2024 tentang Hari Libur Nasional dan Cuti
 *   Bersama Tahun 2025 (signed 14 October 2024; 17 national holidays, 10 cuti bersama), as amended by
 *   SKB Nomor 933 Tahun 2025, Nomor 1 Tahun 2025, Nomor 3 Tahun 2025 (signed 7 August 2025), which added
 *   cuti bersama on Monday 18 August 2025 for the 80th Independence Day. Idulfitri (31 March) and Iduladha
 *   (6 June) were confirmed by the Ministry of Religious Affairs' sidang isbat.
 * - 2026: SKB Nomor 1497 Tahun 2025, Nomor 2 Tahun 2025, Nomor 5 Tahun 2025 tentang Hari Libur Nasional dan
 *   Cuti Bersama Tahun 2026 (signed 19 September 2025; 17 national holidays, 8 cuti bersama). Idulfitri
 *   1447 H on Saturday 21 March 2026 was confirmed by the sidang isbat of 19 March 2026 (Ramadan completed
 *   to 30 days, istikmal).
 * - 2027: NO SKB had been published when this file was written (it is normally signed in September or
 *   October of the year before). Every 2027 entry is `provisional: true` and only the national holidays
 *   are listed: cuti bersama are a policy decision that cannot be predicted, so none are listed for 2027.
 *   The provisional dates are: fixed-date holidays; Good Friday, Easter and Ascension from the Gregorian
 *   computus; Imlek from the Chinese calendar; Nyepi (Tilem Kesanga + 1) and Waisak (May full moon) from
 *   published astronomical/temple calendars; and the Islamic holidays from a hisab with the MABIMS
 *   imkanur-rukyat criteria used by Kemenag (topocentric altitude >= 3 deg and elongation >= 6.4 deg at
 *   sunset somewhere in Indonesia on the day of ijtimak). Isra Mikraj (5 January 2027) is borderline: the
 *   criteria are met only marginally in western Sumatra on 9 December 2026, as they were on 20 December
 *   2025, which Kemenag counted as met (Isra Mikraj 16 January 2026); it may move to 6 January. Replace
 *   the 2027 block with the SKB when it is published.
 *
 * Islamic holidays in every year remain subject to the Minister of Religious Affairs' determination
 * (sidang isbat); when a decree moves one, update the entry here.
 */

/** Whether a day is a national holiday or a collective leave day decreed by the SKB of three ministers. */
export type HolidayKind = 'national' | 'cuti_bersama';

/** One national holiday or cuti bersama day. */
export type NationalHoliday = {
  /** The calendar date, `YYYY-MM-DD` (a LocalDate). */
  readonly date: string;
  readonly kind: HolidayKind;
  /** The holiday's name in Indonesian (`id`) and English (`en`). */
  readonly name: { readonly id: string; readonly en: string };
  /** Present (and true) when the date is an estimate not yet fixed by a published decree. */
  readonly provisional?: true;
};

function national(date: string, id: string, en: string): NationalHoliday {
  return { date, kind: 'national', name: { id, en } };
}

function cuti(date: string, id: string, en: string): NationalHoliday {
  return { date, kind: 'cuti_bersama', name: { id: `Cuti Bersama ${id}`, en: `Collective leave: ${en}` } };
}

function provisional(date: string, id: string, en: string): NationalHoliday {
  return { date, kind: 'national', name: { id, en }, provisional: true };
}

const Y2025: readonly NationalHoliday[] = [
  national('2025-01-01', 'Tahun Baru 2025 Masehi', "New Year's Day 2025"),
  national('2025-01-27', 'Isra Mikraj Nabi Muhammad SAW', "Isra' Mi'raj of the Prophet Muhammad"),
  cuti('2025-01-28', 'Tahun Baru Imlek 2576 Kongzili', 'Chinese New Year 2576 Kongzili'),
  national('2025-01-29', 'Tahun Baru Imlek 2576 Kongzili', 'Chinese New Year 2576 Kongzili'),
  cuti('2025-03-28', 'Hari Suci Nyepi (Tahun Baru Saka 1947)', 'Day of Silence (Saka New Year 1947)'),
  national(
    '2025-03-29',
    'Hari Suci Nyepi (Tahun Baru Saka 1947)',
    'Nyepi, Day of Silence (Saka New Year 1947)',
  ),
  national('2025-03-31', 'Idulfitri 1446 Hijriah', 'Eid al-Fitr 1446 AH'),
  national('2025-04-01', 'Idulfitri 1446 Hijriah', 'Eid al-Fitr 1446 AH'),
  cuti('2025-04-02', 'Idulfitri 1446 Hijriah', 'Eid al-Fitr 1446 AH'),
  cuti('2025-04-03', 'Idulfitri 1446 Hijriah', 'Eid al-Fitr 1446 AH'),
  cuti('2025-04-04', 'Idulfitri 1446 Hijriah', 'Eid al-Fitr 1446 AH'),
  cuti('2025-04-07', 'Idulfitri 1446 Hijriah', 'Eid al-Fitr 1446 AH'),
  national('2025-04-18', 'Wafat Yesus Kristus', 'Good Friday'),
  national('2025-04-20', 'Kebangkitan Yesus Kristus (Paskah)', 'Easter Sunday'),
  national('2025-05-01', 'Hari Buruh Internasional', 'International Labour Day'),
  national('2025-05-12', 'Hari Raya Waisak 2569 BE', 'Vesak Day 2569 BE'),
  cuti('2025-05-13', 'Hari Raya Waisak 2569 BE', 'Vesak Day 2569 BE'),
  national('2025-05-29', 'Kenaikan Yesus Kristus', 'Ascension of Jesus Christ'),
  cuti('2025-05-30', 'Kenaikan Yesus Kristus', 'Ascension of Jesus Christ'),
  national('2025-06-01', 'Hari Lahir Pancasila', 'Pancasila Day'),
  national('2025-06-06', 'Iduladha 1446 Hijriah', 'Eid al-Adha 1446 AH'),
  cuti('2025-06-09', 'Iduladha 1446 Hijriah', 'Eid al-Adha 1446 AH'),
  national('2025-06-27', '1 Muharam Tahun Baru Islam 1447 Hijriah', 'Islamic New Year 1447 AH'),
  national('2025-08-17', 'Proklamasi Kemerdekaan', 'Independence Day'),
  cuti('2025-08-18', 'HUT ke-80 Kemerdekaan Republik Indonesia', '80th anniversary of Independence'),
  national('2025-09-05', 'Maulid Nabi Muhammad SAW', 'Birthday of the Prophet Muhammad'),
  national('2025-12-25', 'Kelahiran Yesus Kristus', 'Christmas Day'),
  cuti('2025-12-26', 'Kelahiran Yesus Kristus', 'Christmas'),
];

const Y2026: readonly NationalHoliday[] = [
  national('2026-01-01', 'Tahun Baru 2026 Masehi', "New Year's Day 2026"),
  national('2026-01-16', 'Isra Mikraj Nabi Muhammad SAW', "Isra' Mi'raj of the Prophet Muhammad"),
  cuti('2026-02-16', 'Tahun Baru Imlek 2577 Kongzili', 'Chinese New Year 2577 Kongzili'),
  national('2026-02-17', 'Tahun Baru Imlek 2577 Kongzili', 'Chinese New Year 2577 Kongzili'),
  cuti('2026-03-18', 'Hari Suci Nyepi (Tahun Baru Saka 1948)', 'Day of Silence (Saka New Year 1948)'),
  national(
    '2026-03-19',
    'Hari Suci Nyepi (Tahun Baru Saka 1948)',
    'Nyepi, Day of Silence (Saka New Year 1948)',
  ),
  cuti('2026-03-20', 'Idulfitri 1447 Hijriah', 'Eid al-Fitr 1447 AH'),
  national('2026-03-21', 'Idulfitri 1447 Hijriah', 'Eid al-Fitr 1447 AH'),
  national('2026-03-22', 'Idulfitri 1447 Hijriah', 'Eid al-Fitr 1447 AH'),
  cuti('2026-03-23', 'Idulfitri 1447 Hijriah', 'Eid al-Fitr 1447 AH'),
  cuti('2026-03-24', 'Idulfitri 1447 Hijriah', 'Eid al-Fitr 1447 AH'),
  national('2026-04-03', 'Wafat Yesus Kristus', 'Good Friday'),
  national('2026-04-05', 'Kebangkitan Yesus Kristus (Paskah)', 'Easter Sunday'),
  national('2026-05-01', 'Hari Buruh Internasional', 'International Labour Day'),
  national('2026-05-14', 'Kenaikan Yesus Kristus', 'Ascension of Jesus Christ'),
  cuti('2026-05-15', 'Kenaikan Yesus Kristus', 'Ascension of Jesus Christ'),
  national('2026-05-27', 'Iduladha 1447 Hijriah', 'Eid al-Adha 1447 AH'),
  cuti('2026-05-28', 'Iduladha 1447 Hijriah', 'Eid al-Adha 1447 AH'),
  national('2026-05-31', 'Hari Raya Waisak 2570 BE', 'Vesak Day 2570 BE'),
  national('2026-06-01', 'Hari Lahir Pancasila', 'Pancasila Day'),
  national('2026-06-16', '1 Muharam Tahun Baru Islam 1448 Hijriah', 'Islamic New Year 1448 AH'),
  national('2026-08-17', 'Proklamasi Kemerdekaan', 'Independence Day'),
  national('2026-08-25', 'Maulid Nabi Muhammad SAW', 'Birthday of the Prophet Muhammad'),
  cuti('2026-12-24', 'Kelahiran Yesus Kristus', 'Christmas'),
  national('2026-12-25', 'Kelahiran Yesus Kristus', 'Christmas Day'),
];

/** Provisional: no SKB yet (see the file comment). National holidays only; no cuti bersama. */
const Y2027: readonly NationalHoliday[] = [
  provisional('2027-01-01', 'Tahun Baru 2027 Masehi', "New Year's Day 2027"),
  provisional('2027-01-05', 'Isra Mikraj Nabi Muhammad SAW', "Isra' Mi'raj of the Prophet Muhammad"),
  provisional('2027-02-06', 'Tahun Baru Imlek 2578 Kongzili', 'Chinese New Year 2578 Kongzili'),
  provisional(
    '2027-03-08',
    'Hari Suci Nyepi (Tahun Baru Saka 1949)',
    'Nyepi, Day of Silence (Saka New Year 1949)',
  ),
  provisional('2027-03-10', 'Idulfitri 1448 Hijriah', 'Eid al-Fitr 1448 AH'),
  provisional('2027-03-11', 'Idulfitri 1448 Hijriah', 'Eid al-Fitr 1448 AH'),
  provisional('2027-03-26', 'Wafat Yesus Kristus', 'Good Friday'),
  provisional('2027-03-28', 'Kebangkitan Yesus Kristus (Paskah)', 'Easter Sunday'),
  provisional('2027-05-01', 'Hari Buruh Internasional', 'International Labour Day'),
  provisional('2027-05-06', 'Kenaikan Yesus Kristus', 'Ascension of Jesus Christ'),
  provisional('2027-05-17', 'Iduladha 1448 Hijriah', 'Eid al-Adha 1448 AH'),
  provisional('2027-05-20', 'Hari Raya Waisak 2571 BE', 'Vesak Day 2571 BE'),
  provisional('2027-06-01', 'Hari Lahir Pancasila', 'Pancasila Day'),
  provisional('2027-06-06', '1 Muharam Tahun Baru Islam 1449 Hijriah', 'Islamic New Year 1449 AH'),
  provisional('2027-08-15', 'Maulid Nabi Muhammad SAW', 'Birthday of the Prophet Muhammad'),
  provisional('2027-08-17', 'Proklamasi Kemerdekaan', 'Independence Day'),
  provisional('2027-12-25', 'Kelahiran Yesus Kristus', 'Christmas Day'),
];

/**
 * All national holidays and cuti bersama days known to the platform, in date order. Years outside
 * {@link NATIONAL_HOLIDAY_YEARS} have no entries: a calendar for them knows only weekends and local holidays.
 */
export const NATIONAL_HOLIDAYS: readonly NationalHoliday[] = Object.freeze([...Y2025, ...Y2026, ...Y2027]);

/** The years covered by {@link NATIONAL_HOLIDAYS} (2027 provisionally, without cuti bersama). */
export const NATIONAL_HOLIDAY_YEARS: readonly number[] = Object.freeze([2025, 2026, 2027]);
