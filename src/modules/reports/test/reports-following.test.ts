/**
 * The messages a citizen gets, and following: the receipt when a report is filed (email, or SMS to
 * the phone given), each step in plain words with the report's link, the "done" message with what
 * the reporter can do; a visitor follows a report once their address is confirmed, a signed-in
 * citizen at once; followers hear of each step with a stop link that works without a sign-in; an
 * area follower is told once of each new public report within their radius.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DB_KIND, type Json } from '../../../../test/support/harness.ts';
import { SYSTEM_ACTOR } from '../../../platform/sdk/index.ts';
import { reportFollowers } from '../repo/followers.ts';
import { sendAreaAlerts } from '../services/area-alerts.ts';
import { type ReportsContext, startReports } from './reports-setup.ts';

describe(`reports: messages and following (${DB_KIND})`, () => {
  let ctx: ReportsContext;

  before(async () => {
    ctx = await startReports();
  });
  after(() => ctx?.t.close());

  /** The tenant's queued messages to `to`, oldest first. */
  const outbox = (to: string) =>
    ctx.t.platform.inTenant(ctx.tenantId, SYSTEM_ACTOR, (scope) =>
      scope.trx
        .selectFrom('notification_outbox')
        .selectAll()
        .where('tenant_id', '=', ctx.tenantId)
        .where('recipient', '=', to)
        .orderBy('created_at')
        .orderBy('id')
        .execute(),
    );

  const file = async (extra: Json = {}, headers: Json = {}) => {
    const res = await ctx.call('POST', '/reports', headers, {
      type: 'complaint',
      category: 'roads',
      description: 'Jalan berlubang di depan pasar',
      lat: -6.18,
      lng: 106.63,
      ...extra,
    });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    return res.body as { id: string; trackingNo: string };
  };

  const tokenIn = (body: string, kind: 'konfirmasi' | 'berhenti') => {
    const m = new RegExp(`/ikuti/${kind}/([0-9a-f-]{36}\\.[A-Za-z0-9_-]+)`).exec(body);
    assert.ok(m, `a ${kind} link in: ${body}`);
    return m[1]!;
  };

  test('the reporter gets a receipt with the tracking number and the link, by email or else by SMS', async () => {
    const r = await file({ email: 'pelapor@example.id' });
    const [receipt] = await outbox('pelapor@example.id');
    assert.ok(receipt, 'a receipt is queued with the report');
    assert.match(receipt.subject!, new RegExp(r.trackingNo));
    assert.ok(
      receipt.body.includes(`http://localhost:3000/t/kota-lapor/laporan/${r.trackingNo}`),
      receipt.body,
    );
    assert.match(receipt.body, /kode rahasia/, 'a visitor is reminded to keep the secret code');
    assert.ok(!receipt.body.includes((r as Json).secret), 'never the code itself');

    const sms = await file({ phone: '0812-3456-7890'.replaceAll('-', '') });
    const [text] = await outbox('+6281234567890');
    assert.equal(text?.channel, 'sms');
    assert.ok(text.body.includes(sms.trackingNo) && text.body.includes('/laporan/'), text.body);
  });

  test('each step is told in plain words with the link; "done" says how to confirm, rate or reopen', async () => {
    const r = await file({}, ctx.citizen);
    assert.equal((await ctx.act(r.id, 'verify', ctx.operator)).status, 200);
    assert.equal((await ctx.act(r.id, 'dispose', ctx.operator, { note: 'Internal: segera' })).status, 200);
    assert.equal(
      (await ctx.act(r.id, 'complete', ctx.officer, { note: 'Lubang sudah ditambal' })).status,
      200,
    );
    const mails = (await outbox('warga@example.id')).filter((m) => m.subject?.includes(r.trackingNo));
    assert.equal(mails.length, 4, 'receipt, verified, disposed, done');
    const done = mails.at(-1)!;
    assert.match(done.body, /sudah ditindaklanjuti/);
    assert.match(done.body, /Catatan petugas: Lubang sudah ditambal/);
    assert.match(done.body, /konfirmasi selesai dan beri nilai 1 sampai 5/);
    assert.match(done.body, /buka kembali laporan/);
    assert.match(done.body, /ditutup otomatis setelah \d+ hari kerja/);
    assert.ok(done.body.includes(`/t/kota-lapor/laporan/${r.trackingNo}`));
    assert.ok(
      !mails.some((m) => m.body.includes('Internal: segera')),
      'an instruction to the agency stays internal',
    );
    assert.equal(done.unsubscribe_url, null, "the reporter's own messages have no stop link");
  });

  test('a visitor follows after confirming; followers hear of each step and stop in one click', async () => {
    const r = await file();
    const follow = (email: string) => ctx.call('POST', `/reports/${r.trackingNo}/followers`, {}, { email });
    const first = await follow('tetangga@example.id');
    assert.equal(first.status, 201, JSON.stringify(first.body));
    assert.deepEqual(first.body, { state: 'confirm', trackingNo: r.trackingNo });
    assert.equal((await follow('tetangga@example.id')).body.state, 'confirm');
    const confirmations = await outbox('tetangga@example.id');
    assert.equal(confirmations.length, 1, 'asking again sends no second confirmation');
    const token = tokenIn(confirmations[0]!.body, 'konfirmasi');

    // Before confirming, nothing else is sent to the address.
    assert.equal((await ctx.act(r.id, 'verify', ctx.operator)).status, 200);
    assert.equal((await outbox('tetangga@example.id')).length, 1);

    const wrong = await ctx.call(
      'POST',
      '/reports/followers/confirm',
      {},
      { token: `${token.slice(0, -4)}AAAA` },
    );
    assert.equal(wrong.status, 404, 'a wrong secret confirms nothing');
    const confirmed = await ctx.call('POST', '/reports/followers/confirm', {}, { token });
    assert.equal(confirmed.status, 200, JSON.stringify(confirmed.body));
    assert.equal(confirmed.body.following, true);
    assert.equal(confirmed.body.trackingNo, r.trackingNo);

    assert.equal((await ctx.act(r.id, 'dispose', ctx.operator)).status, 200);
    const step = (await outbox('tetangga@example.id')).at(-1)!;
    assert.match(step.body, /yang Anda pantau sudah diteruskan/);
    const stopToken = tokenIn(step.body, 'berhenti');
    assert.ok(
      step.unsubscribe_url?.endsWith(`/ikuti/berhenti/${stopToken}`),
      'List-Unsubscribe is the stop link',
    );

    const stopped = await ctx.call('POST', '/reports/followers/stop', {}, { token: stopToken });
    assert.equal(stopped.status, 200);
    assert.equal(stopped.body.following, false);
    assert.equal((await ctx.call('POST', '/reports/followers/stop', {}, { token: stopToken })).status, 200);
    const count = (await outbox('tetangga@example.id')).length;
    assert.equal((await ctx.act(r.id, 'start', ctx.officer)).status, 200);
    assert.equal((await outbox('tetangga@example.id')).length, count, 'nothing after stopping');
    // A stopped follow is not started again by its old confirmation link.
    assert.equal((await ctx.call('POST', '/reports/followers/confirm', {}, { token })).body.following, false);
  });

  test('a signed-in citizen follows in one click; refusals change nothing', async () => {
    const r = await file({ email: 'lain@example.id' });
    const res = await ctx.call('POST', `/reports/${r.id}/followers`, ctx.citizen, {});
    assert.equal(res.status, 201);
    assert.equal(res.body.state, 'following');
    assert.equal(
      (await outbox('warga@example.id')).filter((m) => m.body.includes('/ikuti/konfirmasi/')).length,
      0,
      'no confirmation for an account',
    );
    assert.equal((await ctx.act(r.id, 'verify', ctx.operator)).status, 200);
    assert.match(
      (await outbox('warga@example.id')).at(-1)!.body,
      new RegExp(`${r.trackingNo} yang Anda pantau`),
    );

    assert.equal(
      (await ctx.call('POST', `/reports/${r.id}/followers`, {}, {})).status,
      400,
      'a visitor gives an address',
    );
    assert.equal(
      (await ctx.call('POST', `/reports/${r.id}/followers`, {}, { email: 'bukan-surel' })).status,
      400,
    );
    assert.equal(
      (await ctx.call('POST', '/reports/260101-ZZZZZ/followers', {}, { email: 'a@example.id' })).status,
      404,
    );
    assert.equal(
      (await ctx.call('POST', '/reports/followers/stop', {}, { token: 'x'.repeat(50) })).status,
      404,
    );
  });

  test('follows of the same report by the same person at the same moment all succeed, one follow kept', async () => {
    const r = await file({ email: 'serentak@example.id' });
    // A double click, two tabs: the requests run together, each finding no follow yet.
    const answers = await Promise.all(
      Array.from({ length: 4 }, () => ctx.call('POST', `/reports/${r.id}/followers`, ctx.citizen, {})),
    );
    assert.deepEqual(
      answers.map((a) => [a.status, a.body.state]),
      answers.map(() => [201, 'following']),
      JSON.stringify(answers.map((a) => a.body)),
    );
    const live = await ctx.t.platform.inTenant(ctx.tenantId, SYSTEM_ACTOR, (scope) =>
      reportFollowers(scope, r.id),
    );
    assert.equal(live.length, 1, 'one live follow');
  });

  test('an area follower is told once of each new public report within the radius', async () => {
    const refused = await ctx.call(
      'POST',
      '/reports/area-followers',
      {},
      {
        lat: -6.2,
        lng: 106.6,
        radiusM: 750,
        email: 'rt05@example.id',
      },
    );
    assert.equal(refused.status, 400, 'only the offered radii');
    const res = await ctx.call(
      'POST',
      '/reports/area-followers',
      {},
      {
        lat: -6.2,
        lng: 106.6,
        radiusM: 1000,
        email: 'rt05@example.id',
      },
    );
    assert.equal(res.status, 201, JSON.stringify(res.body));
    const [confirmation] = await outbox('rt05@example.id');
    const confirmed = await ctx.call(
      'POST',
      '/reports/followers/confirm',
      {},
      {
        token: tokenIn(confirmation!.body, 'konfirmasi'),
      },
    );
    assert.equal(confirmed.body.kind, 'area');

    const near = await file({ lat: -6.203, lng: 106.602, description: 'Lampu jalan mati di gang RT 05' });
    const far = await file({ lat: -6.25, lng: 106.65, description: 'Saluran tersumbat jauh dari sini' });
    const alerts = () =>
      ctx.t.platform.inTenant(ctx.tenantId, SYSTEM_ACTOR, (scope) =>
        sendAreaAlerts(ctx.t.platform, scope, ctx.t.platform.directory.bySlug('kota-lapor')!),
      );
    assert.ok((await alerts()) >= 1);
    const alert = (await outbox('rt05@example.id')).at(-1)!;
    assert.ok(alert.body.includes(near.trackingNo), alert.body);
    assert.ok(!alert.body.includes(far.trackingNo), 'a report outside the radius is not told');
    assert.ok(alert.unsubscribe_url?.includes('/ikuti/berhenti/'));
    const count = (await outbox('rt05@example.id')).length;
    await alerts();
    assert.equal((await outbox('rt05@example.id')).length, count, 'each report is told once');
  });
});
