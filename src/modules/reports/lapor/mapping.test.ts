import assert from 'node:assert/strict';
import { test } from 'node:test';
import { REPORT_TYPES, RULES, STATUSES } from '../lifecycle.ts';
import {
  actionForLapor,
  FROM_LAPOR,
  fromLaporClassification,
  LAPOR_STATUSES,
  parseLaporStatus,
  TO_LAPOR,
  TO_LAPOR_CLASSIFICATION,
} from './mapping.ts';

test('every Balai status has a LAPOR! status, and every LAPOR! status is used', () => {
  for (const s of STATUSES) assert.ok(LAPOR_STATUSES.includes(TO_LAPOR[s]), s);
  for (const l of LAPOR_STATUSES) {
    assert.ok(
      Object.values(TO_LAPOR).includes(l),
      `${l} is never sent; is it only ever received? then say so here`,
    );
  }
});

test('a LAPOR! status that stands for a Balai status is what Balai sends for that status', () => {
  for (const l of LAPOR_STATUSES) {
    const b = FROM_LAPOR[l];
    if (b) assert.equal(TO_LAPOR[b], l, `${l} → ${b} → ${TO_LAPOR[b]}`);
  }
});

test('the progress of a report reads the same way on both sides', () => {
  assert.equal(TO_LAPOR.received, 'Belum Diverifikasi');
  assert.equal(TO_LAPOR.verified, 'Diverifikasi');
  assert.equal(TO_LAPOR.disposed, 'Didisposisikan');
  assert.equal(TO_LAPOR.in_progress, 'Ditindaklanjuti');
  assert.equal(TO_LAPOR.done, 'Ditindaklanjuti', 'done waits for the reporter: not finished yet');
  assert.equal(TO_LAPOR.closed, 'Selesai');
  assert.equal(TO_LAPOR.rejected, 'Ditolak');
});

test('LAPOR! statuses are read whatever their case and spacing; unknown ones are not guessed', () => {
  assert.equal(parseLaporStatus('selesai'), 'Selesai');
  assert.equal(parseLaporStatus('  Belum   diverifikasi '), 'Belum Diverifikasi');
  assert.equal(parseLaporStatus('Dialihkan'), null);
  assert.equal(parseLaporStatus(''), null);
});

test('LAPOR! moves a report only through an action the state machine gives the system', () => {
  // "Selesai" closes a report that was followed up and waits for its reporter.
  assert.equal(actionForLapor('done', 'Selesai'), 'auto_close');
  assert.equal(RULES.auto_close.by, 'system');
  // Anything else is left to a person: recorded as a note only.
  assert.equal(actionForLapor('in_progress', 'Selesai'), null, 'not followed up yet');
  assert.equal(actionForLapor('received', 'Diverifikasi'), null, 'verifying is the operator’s');
  assert.equal(actionForLapor('verified', 'Ditolak'), null, 'rejecting is the operator’s');
  assert.equal(actionForLapor('disposed', 'Didisposisikan'), null, 'already there');
  assert.equal(actionForLapor('closed', 'Selesai'), null, 'already there');
  assert.equal(actionForLapor('done', 'Arsip'), null, 'archiving asks nothing');
  assert.equal(actionForLapor('done', 'Status Baru'), null, 'unknown');
  for (const s of STATUSES) {
    for (const l of LAPOR_STATUSES) {
      const action = actionForLapor(s, l);
      if (action) assert.equal(RULES[action].by, 'system');
    }
  }
});

test('classifications map both ways; an unknown one is a complaint', () => {
  for (const t of REPORT_TYPES) assert.equal(fromLaporClassification(TO_LAPOR_CLASSIFICATION[t]), t);
  assert.equal(fromLaporClassification('permintaan informasi'), 'information_request');
  assert.equal(fromLaporClassification('Lainnya'), 'complaint');
  assert.equal(fromLaporClassification(null), 'complaint');
});
