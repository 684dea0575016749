/**
 * A filing retried with its Idempotency-Key (the API, the portal's form, the messaging webhook)
 * gets the first answer back — the same status and body, the same secret — and grants nothing new:
 * the first secret keeps working, and two requests racing with one key file one report. Past the
 * answer's lifetime a replay still names the report, without any secret.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { bearerFor, DB_KIND, makeStaff } from '../../../../test/support/harness.ts';
import { SYSTEM_ACTOR } from '../../../platform/sdk/index.ts';
import { forgetExpiredAnswers } from '../services/replay.ts';
import { tx } from '../tables.ts';
import { multipart, photoWithGps, type ReportsContext, startReports } from './reports-setup.ts';

describe(`replayed intake (${DB_KIND})`, () => {
  let ctx: ReportsContext;

  before(async () => {
    ctx = await startReports();
  });
  after(() => ctx?.t.close());

  const report = (description: string) => ({
    type: 'complaint',
    category: 'roads',
    description,
    address: 'Jl. Ulang 3',
  });

  async function count(description: string): Promise<number> {
    const row = await ctx.t.platform.inTenant(ctx.tenantId, SYSTEM_ACTOR, (scope) =>
      tx(scope)
        .selectFrom('reports')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('tenant_id', '=', ctx.tenantId)
        .where('description', '=', description)
        .executeTakeFirstOrThrow(),
    );
    return Number(row.n);
  }

  const addInfo = (id: string, secret: string) =>
    ctx.call('POST', `/reports/${id}/info`, { 'x-report-secret': secret }, { note: 'Masih rusak' });

  test('a replay returns the first answer, secret included; the first secret keeps working', async () => {
    const body = report('Laporan yang dikirim ulang');
    const key = { 'idempotency-key': 'replay-api-1-7d3e9c' };
    const first = await ctx.call('POST', '/reports', key, body);
    assert.equal(first.status, 201, JSON.stringify(first.body));
    assert.ok(first.body.secret);
    // The report moves on before the retry arrives: the retry still gets the first answer.
    assert.equal((await ctx.act(first.body.id, 'verify', ctx.operator)).status, 200);
    const again = await ctx.call('POST', '/reports', key, body);
    assert.equal(again.status, 201);
    assert.equal(again.headers['idempotent-replayed'], 'true');
    assert.deepEqual(again.body, first.body, 'the same body, the same secret');
    assert.equal(again.headers.location, first.headers.location);
    assert.equal(await count(body.description), 1);
    assert.equal((await addInfo(first.body.id, first.body.secret)).status, 204, 'the first secret works');

    // The same key with another request is still refused, and changes nothing.
    const other = await ctx.call('POST', '/reports', key, report('Laporan lain dengan kunci sama'));
    assert.equal(other.status, 409);
    assert.equal((await addInfo(first.body.id, first.body.secret)).status, 204);
  });

  test('a guessable key replays the first answer without its secret, and grants nothing new', async () => {
    const body = report('Laporan dengan kunci pendek');
    const key = { 'idempotency-key': 'k-1' };
    const first = await ctx.call('POST', '/reports', key, body);
    assert.equal(first.status, 201);
    assert.ok(first.body.secret);
    const again = await ctx.call('POST', '/reports', key, body);
    assert.equal(again.status, 201);
    assert.equal(again.body.id, first.body.id);
    assert.equal(
      again.body.secret,
      undefined,
      'a secret sealed under "k-1" could be guessed from the database',
    );
    assert.equal((await addInfo(first.body.id, first.body.secret)).status, 204, 'the first secret works');
  });

  test('a multipart filing with photos replays its first answer', async () => {
    const form = multipart(
      { type: 'complaint', category: 'roads', description: 'Laporan foto diulang', address: 'Jl. Foto' },
      [{ name: 'photo', bytes: await photoWithGps(), type: 'image/jpeg' }],
    );
    const send = () =>
      ctx.t.app.inject({
        method: 'POST',
        url: `${ctx.base}/reports`,
        headers: { ...form.headers, 'idempotency-key': 'replay-multipart-1-7d3e9c' },
        payload: form.payload,
      });
    const first = await send();
    const again = await send();
    assert.equal(again.statusCode, 201, again.body);
    assert.deepEqual(again.json(), first.json());
    assert.equal((await addInfo(first.json().id, first.json().secret)).status, 204);
  });

  test('two requests racing with one key file one report and get one answer', async () => {
    const body = report('Laporan yang berlomba');
    const key = { 'idempotency-key': 'replay-race-1-7d3e9c' };
    const [a, b] = await Promise.all([
      ctx.call('POST', '/reports', key, body),
      ctx.call('POST', '/reports', key, body),
    ]);
    assert.equal(a.status, 201, JSON.stringify(a.body));
    assert.equal(b.status, 201, JSON.stringify(b.body));
    assert.deepEqual(a.body, b.body);
    assert.equal(await count(body.description), 1);
    assert.equal((await addInfo(a.body.id, a.body.secret)).status, 204);
  });

  test("the portal's form sent twice shows the same receipt and secret", async () => {
    const key = '5b0c7f1e-8d2a-4c3b-9e4f-1a2b3c4d5e6f';
    const form = multipart(
      {
        _key: key,
        type: 'complaint',
        category: 'roads',
        description: 'Laporan portal dikirim dua kali',
        address: 'Jl. Portal 4',
      },
      [],
    );
    const send = () =>
      ctx.t.app.inject({
        method: 'POST',
        url: '/t/kota-lapor/lapor',
        headers: form.headers,
        payload: form.payload,
      });
    const secretOf = (html: string) => /<p class="secret">([^<]+)<\/p>/.exec(html)?.[1];
    const first = await send();
    assert.equal(first.statusCode, 201, first.body);
    const again = await send();
    assert.equal(again.statusCode, 201, again.body);
    const secret = secretOf(first.body);
    assert.ok(secret);
    assert.equal(secretOf(again.body), secret);
    assert.equal(await count('Laporan portal dikirim dua kali'), 1);
    const no = /id="tracking-no">([^<]+)</.exec(first.body)?.[1];
    assert.ok(no);
    assert.equal((await addInfo(no, secret)).status, 204);
  });

  test("a redelivered message changes nothing of the report's secret", async () => {
    const bot = await makeStaff(ctx.t.platform, ctx.tenantId, ['integration']);
    const token = await bearerFor(ctx.t.app, 'kota-lapor', bot.email);
    const msg = { messageId: 'wa-replay-1', from: '6281234567001', text: '#roads Jalan rusak diulang' };
    const first = await ctx.call('POST', '/reports/inbound/messaging', token, msg);
    assert.equal(first.status, 201, JSON.stringify(first.body));
    const hashBefore = await secretHash(first.body.trackingNo);
    const again = await ctx.call('POST', '/reports/inbound/messaging', token, msg);
    assert.deepEqual(again.body, first.body);
    assert.equal(await secretHash(first.body.trackingNo), hashBefore);
  });

  test('past its lifetime a replay names the report without a secret; the sweep forgets the answer', async () => {
    const body = report('Laporan yang diulang terlambat');
    const key = { 'idempotency-key': 'replay-late-1-7d3e9c' };
    const first = await ctx.call('POST', '/reports', key, body);
    assert.equal(first.status, 201);
    const past = new Date(Date.now() - 1000);
    await ctx.t.platform.inTenant(ctx.tenantId, SYSTEM_ACTOR, (scope) =>
      tx(scope)
        .updateTable('reports')
        .set({ idempotency_expires_at: past })
        .where('tenant_id', '=', ctx.tenantId)
        .where('id', '=', first.body.id)
        .execute(),
    );
    const late = await ctx.call('POST', '/reports', key, body);
    assert.equal(late.status, 201, JSON.stringify(late.body));
    assert.equal(late.body.id, first.body.id);
    assert.equal(late.body.secret, undefined, 'no secret, old or new');
    assert.equal(await count(body.description), 1);
    assert.equal((await addInfo(first.body.id, first.body.secret)).status, 204);

    const forgotten = await ctx.t.platform.inTenant(ctx.tenantId, SYSTEM_ACTOR, async (scope) => {
      const n = await forgetExpiredAnswers(scope, new Date());
      const row = await tx(scope)
        .selectFrom('reports')
        .select(['idempotency_answer', 'idempotency_expires_at'])
        .where('tenant_id', '=', ctx.tenantId)
        .where('id', '=', first.body.id)
        .executeTakeFirstOrThrow();
      return { n, row };
    });
    assert.ok(forgotten.n >= 1);
    assert.deepEqual(forgotten.row, { idempotency_answer: null, idempotency_expires_at: null });
    // Still one report for the key, and the same refusal for another request with it.
    const other = await ctx.call('POST', '/reports', key, report('Laporan lain terlambat'));
    assert.equal(other.status, 409);
  });

  async function secretHash(trackingNo: string) {
    return ctx.t.platform.inTenant(ctx.tenantId, SYSTEM_ACTOR, async (scope) => {
      const row = await tx(scope)
        .selectFrom('reports')
        .select('reporter_secret_hash')
        .where('tenant_id', '=', ctx.tenantId)
        .where('tracking_no', '=', trackingNo)
        .executeTakeFirstOrThrow();
      return row.reporter_secret_hash;
    });
  }
});
