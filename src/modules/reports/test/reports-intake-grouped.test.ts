/**
 * Filings of one tenant that arrive together share a transaction (`platform.inTenantGrouped`,
 * issue #18): every citizen still gets an answer of their own, every 201 is a committed report with
 * its audit entry and receipt, and a filing refused among them is refused alone.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DB_KIND } from '../../../../test/support/harness.ts';
import { type ReportsContext, startReports } from './reports-setup.ts';

describe(`reports: filings arriving together (${DB_KIND})`, () => {
  let ctx: ReportsContext;
  before(async () => {
    ctx = await startReports();
  });
  after(() => ctx?.t.close());

  const filing = (i: number, category = 'roads') => ({
    type: 'complaint',
    category,
    description: `Banjir setinggi lutut di gang nomor ${i}, warga belum bisa keluar rumah`,
    address: `Jl. Kali Angke ${i}`,
    phone: `+62812345670${String(i).padStart(2, '0')}`,
  });
  const rows = async (sql: string) => (await ctx.t.platform.database.executeRaw(sql)).rows;

  test('eight filings at once: eight reports, audit entries and receipts, in fewer transactions', async () => {
    // One filing first, so that the tenant's settings are cached and the eight arrive together.
    assert.equal((await ctx.call('POST', '/reports', {}, filing(0))).status, 201);
    const before = ctx.t.platform.writeGroups.stats();
    const answers = await Promise.all(
      Array.from({ length: 8 }, (_, i) => ctx.call('POST', '/reports', {}, filing(i + 1))),
    );
    const stats = ctx.t.platform.writeGroups.stats();
    assert.deepEqual(
      answers.map((a) => a.status),
      Array(8).fill(201),
    );
    assert.equal(stats.units - before.units, 8);
    // PGlite runs a transaction's statements without waiting on a socket: one may end before the
    // next request arrives, and nothing is there to share with.
    if (DB_KIND === 'postgres') {
      assert.ok(stats.ran - before.ran < 8, `${stats.ran - before.ran} transactions for 8 filings`);
    }
    const numbers = answers.map((a) => a.body.trackingNo as string);
    assert.equal(new Set(numbers).size, 8);
    assert.equal(new Set(answers.map((a) => a.body.secret)).size, 8, 'a secret of its own each');
    const list = numbers.map((n) => `'${n}'`).join(', ');
    const stored = await rows(
      `select r.id, r.reporter_phone, (select count(*)::int from report_events e where e.report_id = r.id) as steps
         from reports r where r.tracking_no in (${list}) order by r.reporter_phone`,
    );
    assert.equal(stored.length, 8);
    assert.ok(stored.every((r) => r.steps === 1));
    const ids = stored.map((r) => `'${r.id}'`).join(', ');
    assert.equal(
      (
        await rows(
          `select count(*)::int as n from audit_log where action = 'report.file' and entity_id in (${ids})`,
        )
      )[0]!.n,
      8,
    );
    const receipts = await rows(
      `select recipient from notification_outbox where channel = 'sms' and body like any (array[${numbers
        .map((n) => `'%${n}%'`)
        .join(', ')}]) order by recipient`,
    );
    assert.deepEqual(
      receipts.map((r) => r.recipient),
      stored.map((r) => r.reporter_phone),
    );
  });

  test('a filing refused among them is refused alone; the others are filed', async () => {
    const before = ctx.t.platform.writeGroups.stats();
    const answers = await Promise.all([
      ctx.call('POST', '/reports', {}, filing(21)),
      ctx.call('POST', '/reports', {}, filing(22, 'drainage')),
      ctx.call('POST', '/reports', {}, filing(23)),
    ]);
    // Refused by its checks before it wrote anything: its group went on, nobody filed twice.
    assert.equal(ctx.t.platform.writeGroups.stats().units - before.units, 3);
    assert.deepEqual(
      answers.map((a) => a.status),
      [201, 400, 201],
    );
    assert.equal(answers[1]!.body.errors?.[0]?.path, '/body/category', JSON.stringify(answers[1]!.body));
    const filed = await rows(
      "select address from reports where address in ('Jl. Kali Angke 21', 'Jl. Kali Angke 22', 'Jl. Kali Angke 23') order by address",
    );
    assert.deepEqual(
      filed.map((r) => r.address),
      ['Jl. Kali Angke 21', 'Jl. Kali Angke 23'],
    );
  });
});
