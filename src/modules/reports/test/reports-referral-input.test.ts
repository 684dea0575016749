/**
 * The reports app through the API: referral to another tenant ("no wrong door", the reporter's
 * email going along), illegal transitions, bad input and other tenants refused, a point outside the
 * tenant's area refused, and intake through the messaging webhook. The report's lifecycle, the
 * public list, deadlines and statistics are in reports-lifecycle.test.ts.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { bearerFor, DB_KIND, type Json, makeStaff } from '../../../../test/support/harness.ts';
import { SYSTEM_ACTOR } from '../../../platform/sdk/index.ts';
import { tx } from '../tables.ts';
import { multipart, type ReportsContext, startReports } from './reports-setup.ts';

describe(`reports app (${DB_KIND})`, () => {
  let t: ReportsContext['t'];
  let base: ReportsContext['base'];
  let tenantId: ReportsContext['tenantId'];
  let operator: ReportsContext['operator'];
  let admin: ReportsContext['admin'];
  let citizen: ReportsContext['citizen'];
  let call: ReportsContext['call'];
  let act: ReportsContext['act'];

  before(async () => {
    ({ t, base, tenantId, operator, admin, citizen, call, act } = await startReports());
  });
  after(() => t?.close());

  test('referral files the report in the neighbouring tenant ("no wrong door")', async () => {
    const r = (
      await call(
        'POST',
        '/reports',
        {},
        {
          type: 'complaint',
          category: 'roads',
          description: 'Jalan rusak di wilayah tetangga',
          address: 'Jl. Perbatasan 1',
          phone: '081234567891',
        },
      )
    ).body;
    assert.equal(
      (await act(r.id, 'refer', operator, { targetTenant: 'kota-lapor' })).status,
      400,
      'not to itself',
    );
    assert.equal((await act(r.id, 'refer', operator, { targetTenant: 'tidak-ada' })).status, 400);
    const res = await act(r.id, 'refer', operator, {
      targetTenant: 'kota-tetangga',
      note: 'Wilayah tetangga',
    });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    const view = await call('GET', `/reports/${r.id}`);
    assert.equal(view.body.status, 'referred');
    const there = await t.app.inject({
      url: `/t/kota-tetangga/api/v1/reports/${view.body.referredTo.trackingNo}`,
    });
    assert.equal(there.statusCode, 200);
    assert.equal(there.json().status, 'received');
    assert.equal(there.json().description, 'Jalan rusak di wilayah tetangga');
  });

  test('a signed-in reporter’s account email goes with a referral, so the neighbour can answer', async () => {
    const filed = await call('POST', '/reports', citizen, {
      type: 'complaint',
      category: 'roads',
      description: 'Trotoar amblas di perbatasan kota',
      address: 'Jl. Perbatasan 2',
    });
    assert.equal(filed.status, 201, JSON.stringify(filed.body));
    const res = await act(filed.body.id, 'refer', operator, { targetTenant: 'kota-tetangga' });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    const trackingNo = (await call('GET', `/reports/${filed.body.id}`)).body.referredTo.trackingNo;
    const neighbour = t.platform.directory.bySlug('kota-tetangga')!;
    const copy = await t.platform.inTenant(neighbour.id, SYSTEM_ACTOR, (scope) =>
      tx(scope)
        .selectFrom('reports')
        .select('reporter_email')
        .where('tenant_id', '=', neighbour.id)
        .where('tracking_no', '=', trackingNo)
        .executeTakeFirstOrThrow(),
    );
    assert.equal(copy.reporter_email, 'warga@example.id');
  });

  test('illegal transitions, bad input and other tenants are refused and change nothing', async () => {
    const r = (
      await call(
        'POST',
        '/reports',
        {},
        { type: 'complaint', category: 'roads', description: 'Lampu jalan mati total', address: 'Jl. Mawar' },
      )
    ).body;
    const illegal = await act(r.id, 'close', operator);
    assert.equal(illegal.status, 409);
    assert.match(illegal.body.detail, /close/);
    const en = await call(
      'POST',
      `/reports/${r.id}/actions/close`,
      { ...operator, 'accept-language': 'en' },
      {},
    );
    assert.match(en.body.detail, /not possible/);
    assert.equal((await act(r.id, 'reject', operator, { note: 'x' })).status, 400, 'reject needs a reason');
    assert.equal((await call('GET', `/reports/${r.id}`)).body.status, 'received');

    for (const [payload, path] of [
      [
        { type: 'complaint', category: 'unknown', description: 'Sesuatu yang rusak', address: 'Jl. A' },
        '/body/category',
      ],
      [{ type: 'complaint', category: 'roads', description: 'Sesuatu yang rusak' }, '/body/address'],
      [
        { type: 'complaint', category: 'roads', description: 'Sesuatu yang rusak', lat: 51.5, lng: -0.12 },
        '/body/lat',
      ],
      [
        { type: 'rumour', category: 'roads', description: 'Sesuatu yang rusak', address: 'Jl. A' },
        '/body/type',
      ],
    ] as const) {
      const res = await call('POST', '/reports', {}, payload);
      assert.equal(res.status, 400, JSON.stringify(payload));
      assert.ok(
        res.body.errors.some((e: Json) => e.path === path),
        `${path} in ${JSON.stringify(res.body.errors)}`,
      );
    }
    const notImage = multipart(
      { type: 'complaint', category: 'roads', description: 'Foto bukan gambar', address: 'Jl. A' },
      [{ name: 'photo', bytes: Buffer.from('hello, not a photo'), type: 'image/jpeg' }],
    );
    const refused = await t.app.inject({
      method: 'POST',
      url: `${base}/reports`,
      headers: notImage.headers,
      payload: notImage.payload,
    });
    assert.equal(refused.statusCode, 415, refused.body);

    const script = '<script>alert(1)</script> jalan rusak';
    const stored = (
      await call(
        'POST',
        '/reports',
        {},
        { type: 'complaint', category: 'roads', description: script, address: 'Jl. B' },
      )
    ).body;
    const shown = await call('GET', `/reports/${stored.id}`);
    assert.equal(shown.body.description, script, 'stored as text; the JSON answer carries it as data');
    assert.match(shown.headers['content-type'] as string, /application\/json/);

    // Another tenant's report id is not found here.
    const foreign = await t.app.inject({ url: `/t/kota-tetangga/api/v1/reports/${r.id}` });
    assert.equal(foreign.statusCode, 404);
  });

  test("a point outside the tenant's area is refused, naming the region it belongs to", async () => {
    const square = (lng: number, lat: number) => ({
      type: 'Polygon',
      coordinates: [
        [
          [lng, lat],
          [lng + 0.1, lat],
          [lng + 0.1, lat + 0.1],
          [lng, lat + 0.1],
          [lng, lat],
        ],
      ],
    });
    assert.equal((await call('PATCH', '/settings', admin, { area: square(106.55, -6.3) })).status, 200);
    const otherAdmin = await makeStaff(t.platform, t.platform.directory.bySlug('kota-tetangga')!.id, [
      'tenant_admin',
    ]);
    const oh = await bearerFor(t.app, 'kota-tetangga', otherAdmin.email);
    const set = await t.app.inject({
      method: 'PATCH',
      url: '/t/kota-tetangga/api/v1/settings',
      headers: oh,
      payload: { area: square(106.65, -6.3) },
    });
    assert.equal(set.statusCode, 200, set.body);
    const body = { type: 'complaint', category: 'roads', description: 'Jalan rusak di perbatasan' };
    assert.equal((await call('POST', '/reports', {}, { ...body, lat: -6.25, lng: 106.6 })).status, 201);
    const elsewhere = await call(
      'POST',
      '/reports',
      { 'accept-language': 'en' },
      { ...body, lat: -6.25, lng: 106.7 },
    );
    assert.equal(elsewhere.status, 400);
    assert.match(elsewhere.body.detail, /Kota kota-tetangga/);
    assert.equal(elsewhere.body.errors[0].path, '/body/lat');
    const nowhere = await call('POST', '/reports', {}, { ...body, lat: -6.25, lng: 107.5 });
    assert.equal(nowhere.status, 400);
    // Back to no area, so that the other tests' points stay valid.
    assert.equal((await call('PATCH', '/settings', admin, { area: null })).status, 200);
  });

  test('the messaging webhook files a report for an integration account', async () => {
    const bot = await makeStaff(t.platform, tenantId, ['integration']);
    const h = await bearerFor(t.app, 'kota-lapor', bot.email);
    const msg = {
      messageId: 'wamid.1',
      from: '6281234567899',
      text: '#sanitation Sampah belum diangkut seminggu',
    };
    const res = await call('POST', '/reports/inbound/messaging', h, msg);
    assert.equal(res.status, 201, JSON.stringify(res.body));
    assert.match(res.body.reply, new RegExp(res.body.trackingNo));
    const again = await call('POST', '/reports/inbound/messaging', h, msg);
    assert.equal(again.body.trackingNo, res.body.trackingNo, 'a redelivered message files once');
    const view = await call('GET', `/reports/${res.body.trackingNo}`);
    assert.equal(view.body.category.code, 'sanitation');
    assert.equal((await call('POST', '/reports/inbound/messaging', operator, msg)).status, 403);
  });
});
