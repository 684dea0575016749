/**
 * The NIK (Nomor Induk Kependudukan): region, birth date (women's day + 40, leap years, the century
 * from "today" in WIT) and sequence, each refused with its reason, in that order.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseNik } from './identity.ts';

/** 15 June 2025, 10:00 WIB: a fixed "today" so that every date check is reproducible. */
const today = new Date('2025-06-15T10:00:00+07:00');

// --- parseNik --------------------------------------------------------------------------------------

test('parseNik: a man registered in Cipondoh, Kota Tangerang, born 12 March 1985', () => {
  assert.deepEqual(parseNik('3671051203850003', { today }), {
    ok: true,
    value: {
      nik: '3671051203850003',
      regionCode: '36.71.05',
      birthDate: '1985-03-12',
      gender: 'male',
      sequence: '0003',
    },
  });
});

test('parseNik: a woman registered in Cibodas, Kota Tangerang, born 12 August 1992 (day 52 = 12 + 40)', () => {
  assert.deepEqual(parseNik('3671095208920001', { today }), {
    ok: true,
    value: {
      nik: '3671095208920001',
      regionCode: '36.71.09',
      birthDate: '1992-08-12',
      gender: 'female',
      sequence: '0001',
    },
  });
});

test('parseNik trims surrounding whitespace but refuses inner separators', () => {
  assert.deepEqual(parseNik('  3671051203850003\t', { today }), {
    ok: true,
    value: {
      nik: '3671051203850003',
      regionCode: '36.71.05',
      birthDate: '1985-03-12',
      gender: 'male',
      sequence: '0003',
    },
  });
  for (const nik of ['3671 0512 0385 0003', '36.71.05.120385.0003', '36710512-03850003']) {
    assert.deepEqual(parseNik(nik, { today }), { ok: false, reason: 'format' }, nik);
  }
});

test('parseNik refuses anything but 16 ASCII digits with reason format', () => {
  for (const nik of [
    '',
    '367105120385000',
    '36710512038500031',
    '367105120385000A',
    '+671051203850003',
    '３６７１０５１２０３８５０００３',
  ]) {
    assert.deepEqual(parseNik(nik, { today }), { ok: false, reason: 'format' }, nik);
  }
});

test('parseNik: 29 February in leap years (2000, 1996) for both genders', () => {
  assert.deepEqual(parseNik('3671012902000004', { today }), {
    ok: true,
    value: {
      nik: '3671012902000004',
      regionCode: '36.71.01',
      birthDate: '2000-02-29',
      gender: 'male',
      sequence: '0004',
    },
  });
  assert.deepEqual(parseNik('3201146902960012', { today }), {
    ok: true,
    value: {
      nik: '3201146902960012',
      regionCode: '32.01.14',
      birthDate: '1996-02-29',
      gender: 'female',
      sequence: '0012',
    },
  });
});

test('parseNik refuses 29 February in non-leap years (2001, 1997) with reason birth_date', () => {
  assert.deepEqual(parseNik('3671012902010004', { today }), { ok: false, reason: 'birth_date' });
  assert.deepEqual(parseNik('3671016902970004', { today }), { ok: false, reason: 'birth_date' });
});

test('parseNik: day 71 (31 + 40) is a woman born on the 31st', () => {
  assert.deepEqual(parseNik('3671017101990002', { today }), {
    ok: true,
    value: {
      nik: '3671017101990002',
      regionCode: '36.71.01',
      birthDate: '1999-01-31',
      gender: 'female',
      sequence: '0002',
    },
  });
});

test('parseNik: day 41 is a woman born on the 1st, day 31 a man born on the 31st', () => {
  assert.deepEqual(parseNik('3671014101990002', { today }), {
    ok: true,
    value: {
      nik: '3671014101990002',
      regionCode: '36.71.01',
      birthDate: '1999-01-01',
      gender: 'female',
      sequence: '0002',
    },
  });
  assert.deepEqual(parseNik('3671013101990002', { today }), {
    ok: true,
    value: {
      nik: '3671013101990002',
      regionCode: '36.71.01',
      birthDate: '1999-01-31',
      gender: 'male',
      sequence: '0002',
    },
  });
});

test('parseNik refuses impossible days and months with reason birth_date', () => {
  const bad = [
    '3671017201990002', // day 72 = 32 + 40
    '3671013201990002', // day 32
    '3671014001990002', // day 40 = 0 + 40
    '3671010001990002', // day 00
    '3671019901990002', // day 99
    '3671013104990002', // 31 April
    '3671017104990002', // 31 April, woman
    '3671013002990002', // 30 February
    '3671011500990002', // month 00
    '3671011513990002', // month 13
  ];
  for (const nik of bad) assert.deepEqual(parseNik(nik, { today }), { ok: false, reason: 'birth_date' }, nik);
});

test('parseNik refuses province 20, regency 70, regency 00 and district 00 with reason region', () => {
  const bad = [
    '2071051203850003', // province 20
    '9771051203850003', // province 97
    '0071051203850003', // province 00
    '3670051203850003', // regency 70
    '3600051203850003', // regency 00
    '3671001203850003', // district 00
  ];
  for (const nik of bad) assert.deepEqual(parseNik(nik, { today }), { ok: false, reason: 'region' }, nik);
});

test('parseNik accepts a NIK from a new Papua province (93 Papua Selatan, 01 Merauke)', () => {
  assert.deepEqual(parseNik('9301011706880001', { today }), {
    ok: true,
    value: {
      nik: '9301011706880001',
      regionCode: '93.01.01',
      birthDate: '1988-06-17',
      gender: 'male',
      sequence: '0001',
    },
  });
});

test('parseNik refuses sequence 0000 with reason sequence', () => {
  assert.deepEqual(parseNik('3671051203850000', { today }), { ok: false, reason: 'sequence' });
});

test('parseNik century: YY above the current two-digit year is 19YY, otherwise 20YY', () => {
  // Today is 2025-06-15: 26 → 1926, 25 → 2025, 00 → 2000.
  const birth = (nik: string) => {
    const r = parseNik(nik, { today });
    return r.ok ? r.value.birthDate : r.reason;
  };
  assert.equal(birth('3671050101260001'), '1926-01-01');
  assert.equal(birth('3671050101250001'), '2025-01-01');
  assert.equal(birth('3671050101000001'), '2000-01-01');
  assert.equal(birth('3671050101990001'), '1999-01-01');
  assert.equal(birth('3671050101100001'), '2010-01-01');
});

test('parseNik refuses a birth date after today with reason birth_date', () => {
  assert.deepEqual(parseNik('3671051506250001', { today }), {
    ok: true,
    value: {
      nik: '3671051506250001',
      regionCode: '36.71.05',
      birthDate: '2025-06-15',
      gender: 'male',
      sequence: '0001',
    },
  });
  assert.deepEqual(parseNik('3671051606250001', { today }), { ok: false, reason: 'birth_date' });
  assert.deepEqual(parseNik('3671055612250001', { today }), { ok: false, reason: 'birth_date' }); // 16 Dec 2025
});

test('parseNik takes "today" in WIT (UTC+9), the easternmost Indonesian zone', () => {
  // 15 June 2025 15:30 UTC is still 15 June in UTC but already 16 June 00:30 in Jayapura.
  const lateEvening = new Date('2025-06-15T15:30:00Z');
  assert.deepEqual(parseNik('3671051606250001', { today: lateEvening }), {
    ok: true,
    value: {
      nik: '3671051606250001',
      regionCode: '36.71.05',
      birthDate: '2025-06-16',
      gender: 'male',
      sequence: '0001',
    },
  });
  assert.deepEqual(parseNik('3671051606250001', { today: new Date('2025-06-15T14:59:59Z') }), {
    ok: false,
    reason: 'birth_date',
  });
});

test('parseNik century rule follows the year of "today"', () => {
  // In 2030, YY 26 is 2026.
  const r = parseNik('3671050101260001', { today: new Date('2030-01-01T00:00:00Z') });
  assert.deepEqual(r, {
    ok: true,
    value: {
      nik: '3671050101260001',
      regionCode: '36.71.05',
      birthDate: '2026-01-01',
      gender: 'male',
      sequence: '0001',
    },
  });
});

test('parseNik checks region before birth date, and birth date before sequence', () => {
  assert.deepEqual(parseNik('2070007213000000', { today }), { ok: false, reason: 'region' });
  assert.deepEqual(parseNik('3671057213000000', { today }), { ok: false, reason: 'birth_date' });
});
