/**
 * The civil servant's NIP (birth date, appointment at 18 or later, gender, sequence), and phone
 * numbers and email addresses normalised or refused with their reasons.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { normalizeEmail, normalizePhone, parseNip } from './identity.ts';

/** 15 June 2025, 10:00 WIB: a fixed "today" so that every date check is reproducible. */
const today = new Date('2025-06-15T10:00:00+07:00');

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
