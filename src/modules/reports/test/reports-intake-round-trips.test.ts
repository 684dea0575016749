/**
 * What one intake costs the database in round trips (issue #18, ADR 0020): the statements a filing
 * with a phone number and an Idempotency-Key sends, read off the driver — BEGIN with the tenant's
 * binding and, on PostgreSQL, the report with its first step in the same round trip (a retry's key
 * is met by the insert, not looked up first); the audit row, the receipt's outbox row and the
 * signals with COMMIT. No NOTIFY inside the transaction. Before signals the same filing took 11.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DB_KIND } from '../../../../test/support/harness.ts';
import { recordSentSql } from '../../../../test/support/sql-recorder.ts';
import { type ReportsContext, startReports } from './reports-setup.ts';

describe(`reports: an intake's round trips (${DB_KIND})`, () => {
  let r: ReportsContext;
  let rec: ReturnType<typeof recordSentSql>;
  before(async () => {
    rec = recordSentSql();
    r = await startReports();
  });
  after(async () => {
    rec.restore();
    await r.t.close();
  });

  const file = (key: string) =>
    r.t.app.inject({
      method: 'POST',
      url: `${r.base}/reports`,
      headers: { 'content-type': 'application/json', 'idempotency-key': key },
      payload: {
        type: 'complaint',
        category: 'roads',
        description: 'Jalan berlubang besar di depan sekolah dasar, membahayakan pengendara',
        address: 'Jl. Merdeka 1',
        name: 'Budi',
        phone: '+6281234567890',
      },
    });

  const trips = DB_KIND === 'postgres' ? 2 : 3;
  test(`${trips} round trips: BEGIN with the binding, the report with its step, the appended rows with COMMIT`, async () => {
    assert.equal((await file('round-trips-warm')).statusCode, 201);
    rec.start();
    const res = await file('round-trips-measured');
    rec.stop();
    assert.equal(res.statusCode, 201, res.body);
    const begin = rec.sent.findIndex(
      (s) => s.text.startsWith('start transaction; select set_config(') && s.text.includes(r.tenantId),
    );
    assert.ok(begin >= 0, 'the transaction began with its tenant binding in one statement text');
    // The request's transaction, on its connection (a signal reader may use another meanwhile).
    const mine = rec.sent.slice(begin).filter((s) => s.on === rec.sent[begin]!.on);
    const end = mine.findIndex((s) => /commit$/.test(s.text));
    const transaction = mine.slice(0, end + 1).map((s) => s.text);
    // On PostgreSQL BEGIN and the binding wait for the first query and go with it, its parameters
    // written as literals (transaction-hooks.ts); PGlite, in the same process, sends them apart.
    const filing = DB_KIND === 'postgres' ? transaction[0]! : transaction[1]!;
    assert.match(filing, /with "filed" as \(insert into "reports" .* insert into "report_events"/);
    if (DB_KIND === 'postgres') assert.ok(filing.includes(`'${r.tenantId}'`), 'the tenant as a literal');
    const last = transaction.at(-1)!;
    assert.match(last, /; commit$/);
    for (const table of ['audit_log', 'notification_outbox', 'platform_signals']) {
      assert.equal(last.split(`insert into ${table} `).length, 2, `one INSERT into ${table}`);
    }
    assert.match(last, /'event'.*'outbox'.*'cache'/, 'the event, the wake-up, the invalidation');
    assert.ok(!transaction.some((text) => text.includes('pg_notify')), 'no NOTIFY inside the transaction');
    assert.equal(transaction.length, trips, transaction.join('\n'));
  });
});
