/**
 * The replica's lag and what it holds, told from samples of the primary's WAL position and this
 * process's clock alone (no database: the positions and the clock are given).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseLsn, WalWatermark } from './replica.ts';

/** A watermark over positions and a clock the test moves. */
function watermark(keepMs = 60_000) {
  let position = '0/1000';
  let now = 0;
  let reads = 0;
  const mark = new WalWatermark(
    async () => {
      reads += 1;
      return position;
    },
    keepMs,
    () => now,
  );
  return {
    mark,
    at(ms: number, lsn?: string) {
      now = ms;
      if (lsn) position = lsn;
    },
    reads: () => reads,
  };
}

test('WAL positions compare as numbers, the high part first', () => {
  assert.equal(parseLsn('0/0'), 0n);
  assert.equal(parseLsn('0/FFFFFFFF'), 0xffffffffn);
  assert.ok(parseLsn('1/0') > parseLsn('0/FFFFFFFF'));
  assert.ok(parseLsn('16/B374D848') < parseLsn('16/B374D849'));
  for (const wrong of ['', '16', '16/', 'G/1', '1/2/3', '123456789/0']) {
    assert.throws(() => parseLsn(wrong), /not a WAL position/, wrong);
  }
});

test('a replica holds what committed before a moment only once it replayed past a sample taken then or later', async () => {
  const w = watermark();
  w.at(1_000, '0/1000');
  await w.mark.take();
  w.at(2_000, '0/5000');
  await w.mark.take();
  // An invalidation seen at 1.5 s: the first sample after it says the primary was at 0/5000.
  assert.equal(w.mark.holdsSince('0/4FFF', 1_500), false);
  assert.equal(w.mark.holdsSince('0/5000', 1_500), true);
  assert.equal(w.mark.holdsSince('0/9000', 1_500), true);
  // Since 1 s: the sample of that moment is enough.
  assert.equal(w.mark.holdsSince('0/1000', 1_000), true);
});

test('with no sample taken since the moment asked about, the answer is no, and a sample is asked for', async () => {
  const w = watermark();
  w.at(1_000, '0/1000');
  await w.mark.take();
  assert.equal(w.reads(), 1);
  w.at(3_000, '0/2000');
  assert.equal(w.mark.holdsSince('0/9000', 2_000), false, 'nothing is known of 2 s yet');
  await new Promise((r) => setImmediate(r));
  assert.equal(w.reads(), 2, 'one sample was asked for');
  assert.equal(w.mark.holdsSince('0/9000', 2_000), true);
});

test('the lag is the age of the newest sample the replica has replayed past; unknown (Infinity) when none', async () => {
  const w = watermark(10_000);
  for (const [ms, lsn] of [
    [0, '0/100'],
    [1_000, '0/200'],
    [2_000, '0/300'],
  ] as const) {
    w.at(ms, lsn);
    await w.mark.take();
  }
  w.at(2_500);
  assert.equal(w.mark.lagMs('0/300'), 500, 'caught up with the last sample');
  assert.equal(w.mark.lagMs('0/2FF'), 1_500);
  assert.equal(w.mark.lagMs('0/100'), 2_500);
  assert.equal(w.mark.lagMs('0/FF'), Number.POSITIVE_INFINITY);
  // Samples older than the window are forgotten (the newest one always stays).
  w.at(11_500, '0/400');
  await w.mark.take();
  assert.equal(w.mark.lagMs('0/300'), 9_500);
  assert.equal(w.mark.lagMs('0/200'), Number.POSITIVE_INFINITY, 'more behind than the window can tell');
});

test('a failed sample is dropped, and the next request takes another', async () => {
  let fail = true;
  let now = 0;
  const mark = new WalWatermark(
    async () => {
      if (fail) throw new Error('primary unreachable');
      return '0/10';
    },
    60_000,
    () => now,
  );
  mark.request();
  await new Promise((r) => setImmediate(r));
  assert.equal(mark.lagMs('0/10'), Number.POSITIVE_INFINITY);
  fail = false;
  now = 5;
  mark.request();
  await new Promise((r) => setImmediate(r));
  assert.equal(mark.lagMs('0/10'), 0);
});
