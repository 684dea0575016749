/**
 * Region codes (Kemendagri): the 38 province codes, parseRegionCode from province down to
 * kelurahan/desa with its reasons for refusal, and which codes a kota, kabupaten or provinsi tenant
 * may carry.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isProvinceCode, isTenantRegionCode, PROVINCE_CODES, parseRegionCode } from './identity.ts';

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
