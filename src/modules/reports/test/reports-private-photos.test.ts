/**
 * A photo is public only if the step that added it is: the photos a reporter adds with their
 * information (a private step) reach staff of the report and the reporter (signed in, or with the
 * report's secret), never the public — not the report's JSON, the list, the map, Open311, the
 * portal's page, the photo's own address, nor a neighbour's copy of a referred report.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DB_KIND, type Json, signIn } from '../../../../test/support/harness.ts';
import { multipart, photoWithGps, type ReportsContext, startReports } from './reports-setup.ts';

describe(`photos of private steps (${DB_KIND})`, () => {
  let ctx: ReportsContext;
  const portal = '/t/kota-lapor';

  before(async () => {
    ctx = await startReports();
  });
  after(() => ctx?.t.close());

  /** Files a report (without a photo) and adds information with a photo; returns its keys. */
  async function reportWithInfoPhoto(headers: Json, description: string) {
    const filed = await ctx.call('POST', '/reports', headers, {
      type: 'complaint',
      category: 'roads',
      description,
      address: 'Jl. Privat 1',
    });
    assert.equal(filed.status, 201, JSON.stringify(filed.body));
    const { id, trackingNo, secret } = filed.body as { id: string; trackingNo: string; secret?: string };
    const form = multipart({ note: 'Foto rumah saya sebagai bukti', ...(secret ? { secret } : {}) }, [
      { name: 'photo', bytes: await photoWithGps(), type: 'image/jpeg' },
    ]);
    const info = await ctx.t.app.inject({
      method: 'POST',
      url: `${ctx.base}/reports/${id}/info`,
      headers: { ...headers, ...form.headers },
      payload: form.payload,
    });
    assert.equal(info.statusCode, 204, info.body);
    // Staff see the step and its photo.
    const staff = await ctx.call('GET', `/reports/${id}`, ctx.operator);
    const step = staff.body.history.find((h: Json) => h.kind === 'info');
    assert.equal(step.photos.length, 1, 'staff see the photo on the private step');
    const photo = step.photos[0] as { id: string; url: string };
    assert.deepEqual(
      staff.body.photos.map((p: Json) => p.id),
      [photo.id],
      "the staff's view lists it among the report's photos",
    );
    return { id, trackingNo, secret, photo };
  }

  test('the public never sees a photo added on a private step', async () => {
    const { id, trackingNo, photo } = await reportWithInfoPhoto({}, 'Laporan dengan foto privat');

    const detail = await ctx.call('GET', `/reports/${id}`);
    assert.equal(detail.status, 200);
    assert.ok(!JSON.stringify(detail.body).includes(photo.id), 'not in the public JSON');
    assert.deepEqual(detail.body.photos, []);

    const list = await ctx.call('GET', `/reports?q=${encodeURIComponent('privat')}`);
    const item = list.body.items.find((r: Json) => r.id === id);
    assert.ok(item, 'the report is listed');
    assert.ok(!JSON.stringify(list.body).includes(photo.id), 'not in the list');
    const map = await ctx.call('GET', '/reports/geojson');
    assert.ok(!JSON.stringify(map.body).includes(photo.id), 'not on the map');

    const open311 = await ctx.t.app.inject({ url: `${portal}/open311/v2/requests/${trackingNo}.json` });
    assert.equal(open311.statusCode, 200, open311.body);
    assert.equal(open311.json()[0].media_url, null, 'not an Open311 media_url');

    const page = await ctx.t.app.inject({ url: `${portal}/laporan/${trackingNo}` });
    assert.equal(page.statusCode, 200);
    assert.ok(!page.body.includes(photo.id), "not on the portal's page");

    const file = await ctx.t.app.inject({ url: photo.url });
    assert.equal(file.statusCode, 404, 'its address serves nothing to the public');
    // Staff of another agency, who may read reports but not this one, get nothing either.
    assert.equal((await ctx.t.app.inject({ url: photo.url, headers: ctx.otherOfficer })).statusCode, 404);
  });

  test('staff and the reporter (secret or account) still see it', async () => {
    const anon = await reportWithInfoPhoto({}, 'Laporan anonim dengan foto privat');
    const withSecret = { 'x-report-secret': anon.secret! };
    const own = await ctx.call('GET', `/reports/${anon.id}`, withSecret);
    assert.deepEqual(
      own.body.photos.map((p: Json) => p.id),
      [anon.photo.id],
    );
    const ownStep = own.body.history.find((h: Json) => h.kind === 'info');
    assert.equal(ownStep.photos[0].id, anon.photo.id);
    const bySecret = await ctx.t.app.inject({ url: anon.photo.url, headers: withSecret });
    assert.equal(bySecret.statusCode, 200);
    assert.match(String(bySecret.headers['cache-control']), /^private/, 'no shared cache keeps it');
    const wrong = await ctx.t.app.inject({ url: anon.photo.url, headers: { 'x-report-secret': 'salah' } });
    assert.equal(wrong.statusCode, 404);
    const staffFile = await ctx.t.app.inject({ url: anon.photo.url, headers: ctx.operator });
    assert.equal(staffFile.statusCode, 200);
    assert.match(String(staffFile.headers['cache-control']), /^private/);

    const mine = await reportWithInfoPhoto(ctx.citizen, 'Laporan warga dengan foto privat');
    assert.equal((await ctx.t.app.inject({ url: mine.photo.url, headers: ctx.citizen })).statusCode, 200);
    const session = await signIn(ctx.t.app, 'kota-lapor', 'warga@example.id', 'rahasia-warga-1');
    const page = await ctx.t.app.inject({
      url: `${portal}/laporan/${mine.trackingNo}`,
      headers: { cookie: session.cookie },
    });
    assert.equal(page.statusCode, 200);
    assert.ok(page.body.includes(mine.photo.id), 'the signed-in reporter sees it on the page');
    // Another citizen is the public.
    const other = await ctx.call(
      'POST',
      '/auth/register',
      {},
      { displayName: 'Warga Lain', email: 'lain@example.id', password: 'rahasia-warga-2' },
    );
    assert.equal(other.status, 201, JSON.stringify(other.body));
    const otherSession = await signIn(ctx.t.app, 'kota-lapor', 'lain@example.id', 'rahasia-warga-2');
    const otherPage = await ctx.t.app.inject({
      url: `${portal}/laporan/${mine.trackingNo}`,
      headers: { cookie: otherSession.cookie },
    });
    assert.ok(!otherPage.body.includes(mine.photo.id));
    assert.equal(
      (await ctx.t.app.inject({ url: mine.photo.url, headers: { cookie: otherSession.cookie } })).statusCode,
      404,
    );
  });

  test("a public step's photo stays public, and a referral copies only the public ones", async () => {
    const form = multipart(
      {
        type: 'complaint',
        category: 'roads',
        description: 'Jalan rusak di perbatasan',
        address: 'Jl. Perbatasan 2',
      },
      [{ name: 'photo', bytes: await photoWithGps(), type: 'image/jpeg' }],
    );
    const filed = await ctx.t.app.inject({
      method: 'POST',
      url: `${ctx.base}/reports`,
      headers: form.headers,
      payload: form.payload,
    });
    assert.equal(filed.statusCode, 201, filed.body);
    const { id, secret } = filed.json() as { id: string; secret: string };
    const info = multipart({ note: 'Foto tambahan, untuk petugas saja', secret }, [
      { name: 'photo', bytes: await photoWithGps(), type: 'image/jpeg' },
    ]);
    const added = await ctx.t.app.inject({
      method: 'POST',
      url: `${ctx.base}/reports/${id}/info`,
      headers: info.headers,
      payload: info.payload,
    });
    assert.equal(added.statusCode, 204, added.body);
    const publicView = await ctx.call('GET', `/reports/${id}`);
    assert.equal(publicView.body.photos.length, 1, "the filing's photo is public");
    assert.equal((await ctx.t.app.inject({ url: publicView.body.photos[0].url })).statusCode, 200);

    const referred = await ctx.act(id, 'refer', ctx.operator, { targetTenant: 'kota-tetangga' });
    assert.equal(referred.status, 200, JSON.stringify(referred.body));
    const copyNo = (await ctx.call('GET', `/reports/${id}`)).body.referredTo.trackingNo as string;
    const copy = await ctx.t.app.inject({ url: `/t/kota-tetangga/api/v1/reports/${copyNo}` });
    assert.equal(copy.statusCode, 200, copy.body);
    assert.deepEqual(
      (copy.json().photos as Json[]).length,
      1,
      "the neighbour's public copy carries the filing's photo only",
    );
  });
});
