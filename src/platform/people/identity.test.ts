import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  isProvinceCode,
  isTenantRegionCode,
  normalizeEmail,
  normalizePhone,
  PROVINCE_CODES,
  parseNik,
  parseNip,
  parseRegionCode,
} from './identity.ts';

/** 15 June 2025, 10:00 WIB: a fixed "today" so that every date check is reproducible. */
const today = new Date('2025-06-15T10:00:00+07:00');

// --- Province codes -------------------------------------------------------------------------------

test('PROVINCE_CODES lists the 38 provinces, including the 2022 Papua provinces 93–96', () => {
  assert.equal(PROVINCE_CODES.length, 38);
  assert.deepEqual(
    PROVINCE_CODES.filter((c) => c.startsWith('9')),
    ['91', '92', '93', '94', '95', '96'],
  );
  assert.ok(Object.isFrozen(PROVINCE_CODES));
});

test('isProvinceCode accepts real province codes and refuses gaps in the numbering', () => {
  for (const pp of [
    '11',
    '19',
    '21',
    '31',
    '36',
    '51',
    '53',
    '61',
    '65',
    '71',
    '76',
    '81',
    '82',
    '91',
    '96',
  ]) {
    assert.equal(isProvinceCode(pp), true, pp);
  }
  for (const pp of [
    '00',
    '10',
    '20',
    '22',
    '30',
    '37',
    '50',
    '54',
    '60',
    '66',
    '70',
    '77',
    '80',
    '83',
    '90',
    '97',
    '99',
    '1',
  ]) {
    assert.equal(isProvinceCode(pp), false, pp);
  }
});

// --- parseRegionCode -------------------------------------------------------------------------------

test('parseRegionCode: province level (36 Banten, 93 Papua Selatan)', () => {
  assert.deepEqual(parseRegionCode('36'), {
    ok: true,
    value: { code: '36', level: 'province', province: '36' },
  });
  assert.deepEqual(parseRegionCode('93'), {
    ok: true,
    value: { code: '93', level: 'province', province: '93' },
  });
});

test('parseRegionCode: 36.71 Kota Tangerang is a kota', () => {
  assert.deepEqual(parseRegionCode('36.71'), {
    ok: true,
    value: { code: '36.71', level: 'regency', province: '36', regency: '71', kind: 'kota' },
  });
});

test('parseRegionCode: 51.03 Kabupaten Badung is a kabupaten', () => {
  assert.deepEqual(parseRegionCode('51.03'), {
    ok: true,
    value: { code: '51.03', level: 'regency', province: '51', regency: '03', kind: 'kabupaten' },
  });
});

test('parseRegionCode: 73.24 Luwu Timur, 19.03 Bangka Selatan, 32.15 Karawang are kabupaten', () => {
  assert.deepEqual(parseRegionCode('73.24'), {
    ok: true,
    value: { code: '73.24', level: 'regency', province: '73', regency: '24', kind: 'kabupaten' },
  });
  assert.deepEqual(parseRegionCode('19.03'), {
    ok: true,
    value: { code: '19.03', level: 'regency', province: '19', regency: '03', kind: 'kabupaten' },
  });
  assert.deepEqual(parseRegionCode('32.15'), {
    ok: true,
    value: { code: '32.15', level: 'regency', province: '32', regency: '15', kind: 'kabupaten' },
  });
});

test('parseRegionCode: regency/city boundaries 01, 69, 71, 99', () => {
  assert.deepEqual(parseRegionCode('32.01'), {
    ok: true,
    value: { code: '32.01', level: 'regency', province: '32', regency: '01', kind: 'kabupaten' },
  });
  assert.deepEqual(parseRegionCode('32.69'), {
    ok: true,
    value: { code: '32.69', level: 'regency', province: '32', regency: '69', kind: 'kabupaten' },
  });
  assert.deepEqual(parseRegionCode('32.71'), {
    ok: true,
    value: { code: '32.71', level: 'regency', province: '32', regency: '71', kind: 'kota' },
  });
  assert.deepEqual(parseRegionCode('32.99'), {
    ok: true,
    value: { code: '32.99', level: 'regency', province: '32', regency: '99', kind: 'kota' },
  });
});

test('parseRegionCode: district level (36.71.05 Cipondoh)', () => {
  assert.deepEqual(parseRegionCode('36.71.05'), {
    ok: true,
    value: {
      code: '36.71.05',
      level: 'district',
      province: '36',
      regency: '71',
      kind: 'kota',
      district: '05',
    },
  });
});

test('parseRegionCode: 33.73.04.1001 Kelurahan Kecandran (Sidomukti, Kota Salatiga) is a kelurahan', () => {
  assert.deepEqual(parseRegionCode('33.73.04.1001'), {
    ok: true,
    value: {
      code: '33.73.04.1001',
      level: 'village',
      province: '33',
      regency: '73',
      kind: 'kota',
      district: '04',
      village: '1001',
      villageKind: 'kelurahan',
    },
  });
});

test('parseRegionCode: 51.03.05.2001 (Mengwi, Kabupaten Badung) is a desa', () => {
  assert.deepEqual(parseRegionCode('51.03.05.2001'), {
    ok: true,
    value: {
      code: '51.03.05.2001',
      level: 'village',
      province: '51',
      regency: '03',
      kind: 'kabupaten',
      district: '05',
      village: '2001',
      villageKind: 'desa',
    },
  });
});

test('parseRegionCode trims surrounding whitespace', () => {
  assert.deepEqual(parseRegionCode('  36.71 \n'), {
    ok: true,
    value: { code: '36.71', level: 'regency', province: '36', regency: '71', kind: 'kota' },
  });
});

test('parseRegionCode refuses malformed codes with reason format', () => {
  const malformed = [
    '',
    ' ',
    '3',
    '367',
    '3671', // dots are required
    '367105',
    '36-71',
    '36 71',
    '36.71.',
    '.36.71',
    '36..71',
    '36.7',
    '36.711',
    '36.71.5',
    '36.71.05.100', // village needs 4 digits
    '36.71.05.10011',
    '36.71.05.1001.01',
    '3a.71',
    '36.7l',
    '٣٦.٧١', // Arabic-Indic digits are not ASCII digits
    '+36',
    '-36',
  ];
  for (const code of malformed)
    assert.deepEqual(parseRegionCode(code), { ok: false, reason: 'format' }, code);
});

test('parseRegionCode refuses village codes that start with neither 1 nor 2, or have serial 000', () => {
  for (const code of ['36.71.05.0001', '36.71.05.3001', '36.71.05.9001', '36.71.05.1000', '51.03.05.2000']) {
    assert.deepEqual(parseRegionCode(code), { ok: false, reason: 'format' }, code);
  }
});

test('parseRegionCode refuses unknown provinces with reason province', () => {
  for (const code of ['00', '10', '20', '20.71', '37.01', '54.01.01', '97', '97.01', '99.71.01.1001']) {
    assert.deepEqual(parseRegionCode(code), { ok: false, reason: 'province' }, code);
  }
});

test('parseRegionCode refuses regency 00 and 70 with reason regency', () => {
  for (const code of ['36.00', '36.70', '36.70.01', '32.00.01.2001']) {
    assert.deepEqual(parseRegionCode(code), { ok: false, reason: 'regency' }, code);
  }
});

test('parseRegionCode refuses district 00 with reason district', () => {
  for (const code of ['36.71.00', '51.03.00.2001']) {
    assert.deepEqual(parseRegionCode(code), { ok: false, reason: 'district' }, code);
  }
});

// --- isTenantRegionCode ----------------------------------------------------------------------------

test('isTenantRegionCode: a kota needs PP.KK with KK 71–99', () => {
  assert.equal(isTenantRegionCode('36.71', 'kota'), true);
  assert.equal(isTenantRegionCode('32.99', 'kota'), true);
  assert.equal(isTenantRegionCode('51.03', 'kota'), false);
  assert.equal(isTenantRegionCode('36', 'kota'), false);
  assert.equal(isTenantRegionCode('36.71.05', 'kota'), false);
  assert.equal(isTenantRegionCode('36.70', 'kota'), false);
  assert.equal(isTenantRegionCode('20.71', 'kota'), false);
  assert.equal(isTenantRegionCode('3671', 'kota'), false);
});

test('isTenantRegionCode: a kabupaten needs PP.KK with KK 01–69', () => {
  assert.equal(isTenantRegionCode('51.03', 'kabupaten'), true);
  assert.equal(isTenantRegionCode('73.24', 'kabupaten'), true);
  assert.equal(isTenantRegionCode('19.03', 'kabupaten'), true);
  assert.equal(isTenantRegionCode('32.15', 'kabupaten'), true);
  assert.equal(isTenantRegionCode('36.71', 'kabupaten'), false);
  assert.equal(isTenantRegionCode('32.15.01', 'kabupaten'), false);
  assert.equal(isTenantRegionCode('51.03.05.2001', 'kabupaten'), false);
  assert.equal(isTenantRegionCode('32', 'kabupaten'), false);
});

test('isTenantRegionCode: a provinsi needs PP alone', () => {
  assert.equal(isTenantRegionCode('36', 'provinsi'), true);
  assert.equal(isTenantRegionCode('96', 'provinsi'), true);
  assert.equal(isTenantRegionCode('36.71', 'provinsi'), false);
  assert.equal(isTenantRegionCode('51.03', 'provinsi'), false);
  assert.equal(isTenantRegionCode('20', 'provinsi'), false);
  assert.equal(isTenantRegionCode('97', 'provinsi'), false);
});

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

// --- parseNip --------------------------------------------------------------------------------------

test('parseNip: a man, printed with spaces as on an SK (19850312 201001 1 003)', () => {
  assert.deepEqual(parseNip('19850312 201001 1 003', { today }), {
    ok: true,
    value: {
      nip: '198503122010011003',
      birthDate: '1985-03-12',
      appointedMonth: '2010-01',
      gender: 'male',
      sequence: '003',
    },
  });
});

test('parseNip: a woman, written without separators', () => {
  assert.deepEqual(parseNip('199208122019032001', { today }), {
    ok: true,
    value: {
      nip: '199208122019032001',
      birthDate: '1992-08-12',
      appointedMonth: '2019-03',
      gender: 'female',
      sequence: '001',
    },
  });
});

test('parseNip trims and accepts any whitespace between digit groups', () => {
  assert.deepEqual(parseNip('  19700101  199403\t1 002 ', { today }), {
    ok: true,
    value: {
      nip: '197001011994031002',
      birthDate: '1970-01-01',
      appointedMonth: '1994-03',
      gender: 'male',
      sequence: '002',
    },
  });
});

test('parseNip refuses wrong lengths and other separators with reason format', () => {
  const bad = [
    '',
    '   ',
    '19850312201001100', // 17 digits
    '1985031220100110031', // 19 digits
    '19850312 201001 1 0031',
    '19850312.201001.1.003',
    '19850312-201001-1-003',
    '19850312/201001/1/003',
    '1985031220100110O3', // letter O
    'NIP 198503122010011003',
  ];
  for (const nip of bad) assert.deepEqual(parseNip(nip, { today }), { ok: false, reason: 'format' }, nip);
});

test('parseNip refuses impossible or future birth dates with reason birth_date', () => {
  const bad = [
    '198502302010011003', // 30 February
    '198513122010011003', // month 13
    '198500122010011003', // month 00
    '198503002010011003', // day 00
    '198504312010011003', // 31 April
    '200102292020011003', // 29 February 2001
    '202507012025061003', // born after today
  ];
  for (const nip of bad) assert.deepEqual(parseNip(nip, { today }), { ok: false, reason: 'birth_date' }, nip);
});

test('parseNip accepts a 29 February birthday in a leap year', () => {
  assert.deepEqual(parseNip('198402292008121001', { today }), {
    ok: true,
    value: {
      nip: '198402292008121001',
      birthDate: '1984-02-29',
      appointedMonth: '2008-12',
      gender: 'male',
      sequence: '001',
    },
  });
});

test('parseNip refuses appointment months 00 and 13 with reason appointment_date', () => {
  assert.deepEqual(parseNip('198503122010001003', { today }), { ok: false, reason: 'appointment_date' });
  assert.deepEqual(parseNip('198503122010131003', { today }), { ok: false, reason: 'appointment_date' });
});

test('parseNip: the appointment (first of its month) must be on or after the 18th birthday', () => {
  // Born 1 May 2000: 18 on 2018-05-01, so May 2018 is the earliest month.
  assert.deepEqual(parseNip('200005012018051001', { today }), {
    ok: true,
    value: {
      nip: '200005012018051001',
      birthDate: '2000-05-01',
      appointedMonth: '2018-05',
      gender: 'male',
      sequence: '001',
    },
  });
  assert.deepEqual(parseNip('200005012018041001', { today }), { ok: false, reason: 'appointment_date' });
  // Born 10 May 2000: 18 on 2018-05-10, so 2018-05-01 is too early and June 2018 is the earliest.
  assert.deepEqual(parseNip('200005102018051001', { today }), { ok: false, reason: 'appointment_date' });
  assert.deepEqual(parseNip('200005102018062001', { today }), {
    ok: true,
    value: {
      nip: '200005102018062001',
      birthDate: '2000-05-10',
      appointedMonth: '2018-06',
      gender: 'female',
      sequence: '001',
    },
  });
  // Appointed before birth, or as a child.
  assert.deepEqual(parseNip('199001011985031001', { today }), { ok: false, reason: 'appointment_date' });
  assert.deepEqual(parseNip('199001012000031001', { today }), { ok: false, reason: 'appointment_date' });
});

test('parseNip: born 29 February 1984, 18 on 1 March 2002 at the earliest', () => {
  assert.deepEqual(parseNip('198402292002021001', { today }), { ok: false, reason: 'appointment_date' });
  assert.deepEqual(parseNip('198402292002031001', { today }), {
    ok: true,
    value: {
      nip: '198402292002031001',
      birthDate: '1984-02-29',
      appointedMonth: '2002-03',
      gender: 'male',
      sequence: '001',
    },
  });
});

test('parseNip refuses an appointment after the current month with reason appointment_date', () => {
  assert.deepEqual(parseNip('199801012025061001', { today }), {
    ok: true,
    value: {
      nip: '199801012025061001',
      birthDate: '1998-01-01',
      appointedMonth: '2025-06',
      gender: 'male',
      sequence: '001',
    },
  });
  assert.deepEqual(parseNip('199801012025071001', { today }), { ok: false, reason: 'appointment_date' });
  assert.deepEqual(parseNip('199801012026011001', { today }), { ok: false, reason: 'appointment_date' });
});

test('parseNip refuses gender digits other than 1 and 2 with reason gender', () => {
  for (const digit of ['0', '3', '9']) {
    const nip = `19850312201001${digit}003`;
    assert.deepEqual(parseNip(nip, { today }), { ok: false, reason: 'gender' }, nip);
  }
});

test('parseNip refuses sequence 000 with reason sequence', () => {
  assert.deepEqual(parseNip('19850312 201001 1 000', { today }), { ok: false, reason: 'sequence' });
});

test('parseNip checks birth date, then appointment, then gender, then sequence', () => {
  assert.deepEqual(parseNip('198502302010130000', { today }), { ok: false, reason: 'birth_date' });
  assert.deepEqual(parseNip('198503122010130000', { today }), { ok: false, reason: 'appointment_date' });
  assert.deepEqual(parseNip('198503122010010000', { today }), { ok: false, reason: 'gender' });
});

// --- normalizePhone --------------------------------------------------------------------------------

test('normalizePhone normalises 08…, 628… and +628… forms to E.164', () => {
  const cases: [string, string][] = [
    ['081234567890', '+6281234567890'],
    ['6281234567890', '+6281234567890'],
    ['+6281234567890', '+6281234567890'],
    ['0812-3456-7890', '+6281234567890'],
    ['0812 3456 7890', '+6281234567890'],
    ['0812.3456.7890', '+6281234567890'],
    ['(0812) 3456-7890', '+6281234567890'],
    ['+62 812-3456-7890', '+6281234567890'],
    ['+62 (812) 3456 7890', '+6281234567890'],
    ['  62 857 1234 5678  ', '+6285712345678'],
    ['0895-1234-5678', '+6289512345678'],
  ];
  for (const [input, e164] of cases)
    assert.deepEqual(normalizePhone(input), { ok: true, value: e164 }, input);
});

test('normalizePhone accepts 9 to 12 digits after the country code', () => {
  assert.deepEqual(normalizePhone('0812345678'), { ok: true, value: '+62812345678' }); // 9
  assert.deepEqual(normalizePhone('+62812345678'), { ok: true, value: '+62812345678' });
  assert.deepEqual(normalizePhone('0812345678901'), { ok: true, value: '+62812345678901' }); // 12
  assert.deepEqual(normalizePhone('62812345678901'), { ok: true, value: '+62812345678901' });
  assert.deepEqual(normalizePhone('081234567'), { ok: false, reason: 'format' }); // 8
  assert.deepEqual(normalizePhone('+6281234567'), { ok: false, reason: 'format' });
  assert.deepEqual(normalizePhone('08123456789012'), { ok: false, reason: 'format' }); // 13
  assert.deepEqual(normalizePhone('+628123456789012'), { ok: false, reason: 'format' });
});

test('normalizePhone refuses landlines, foreign numbers and malformed input with reason format', () => {
  const bad = [
    '',
    '   ',
    '021-5551234', // Jakarta landline
    '(021) 5551 2345',
    '+62 21 5551 2345',
    '622155512345',
    '81234567890', // no 0 or 62 prefix
    '+62 (0)812-3456-7890', // trunk zero after the country code
    '6208123456789',
    '+0812345678901',
    '+6581234567', // Singapore
    '++6281234567890',
    '0812+34567890',
    '0812/3456/7890',
    '0812_3456_7890',
    '0812 3456 789a',
    'tel:081234567890',
    '０８１２３４５６７８９０', // full-width digits
  ];
  for (const input of bad) assert.deepEqual(normalizePhone(input), { ok: false, reason: 'format' }, input);
});

// --- normalizeEmail --------------------------------------------------------------------------------

test('normalizeEmail trims and lowercases the domain only', () => {
  assert.deepEqual(normalizeEmail('  Budi.Santoso@TangerangKota.GO.ID \n'), {
    ok: true,
    value: 'Budi.Santoso@tangerangkota.go.id',
  });
  assert.deepEqual(normalizeEmail('siti+layanan@mail.badungkab.go.id'), {
    ok: true,
    value: 'siti+layanan@mail.badungkab.go.id',
  });
  assert.deepEqual(normalizeEmail("o'neil_dinas-2@sub-domain.x1.co.id"), {
    ok: true,
    value: "o'neil_dinas-2@sub-domain.x1.co.id",
  });
  assert.deepEqual(normalizeEmail('a@b.co'), { ok: true, value: 'a@b.co' });
  assert.deepEqual(normalizeEmail('warga@xn--bcher-kva.example'), {
    ok: true,
    value: 'warga@xn--bcher-kva.example',
  });
});

test('normalizeEmail refuses structurally wrong addresses with reason format', () => {
  const bad = [
    '',
    '   ',
    'budi',
    'budi.example.com',
    '@example.com',
    'budi@',
    'budi@@example.com',
    'budi@ani@example.com',
    'budi@localhost', // no dot in the domain
    'budi@.example.com',
    'budi@example.com.',
    'budi@example..com',
    'budi@-dinas.go.id',
    'budi@dinas-.go.id',
    'budi@dinas.go.id-',
    'budi@dinas_kominfo.go.id',
    'budi@dinas kominfo.go.id',
    'budi@[192.168.1.1]',
    'budi@192.168.1.1', // all-digit top-level label
    'budi@bücher.example', // IDN must be punycode
    'budi@\u212Aota.id', // Kelvin sign lowercases to k
    'bu di@example.com',
    '.budi@example.com',
    'budi.@example.com',
    'bu..di@example.com',
    '"budi"@example.com',
    'budi(comment)@example.com',
    'büdi@example.com',
  ];
  for (const input of bad) assert.deepEqual(normalizeEmail(input), { ok: false, reason: 'format' }, input);
});

test('normalizeEmail: local part up to 64 characters, labels up to 63', () => {
  const local64 = 'a'.repeat(64);
  assert.deepEqual(normalizeEmail(`${local64}@example.id`), { ok: true, value: `${local64}@example.id` });
  assert.deepEqual(normalizeEmail(`${'a'.repeat(65)}@example.id`), { ok: false, reason: 'format' });
  const label63 = 'd'.repeat(63);
  assert.deepEqual(normalizeEmail(`budi@${label63}.id`), { ok: true, value: `budi@${label63}.id` });
  assert.deepEqual(normalizeEmail(`budi@${'d'.repeat(64)}.id`), { ok: false, reason: 'format' });
});

test('normalizeEmail: at most 254 characters in all', () => {
  // 64 + 1 + 189 = 254: labels of 61, 60 and 60 characters, a dot each, and "go.id" make 189.
  const domain189 = `${'b'.repeat(61)}.${'c'.repeat(60)}.${'d'.repeat(60)}.go.id`;
  assert.equal(domain189.length, 189);
  const longest = `${'a'.repeat(64)}@${domain189}`;
  assert.equal(longest.length, 254);
  assert.deepEqual(normalizeEmail(longest), { ok: true, value: longest });
  assert.deepEqual(normalizeEmail(`${'a'.repeat(64)}@e${domain189}`), { ok: false, reason: 'format' });
});
