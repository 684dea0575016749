/**
 * The reports app end to end through the API: intake (JSON, multipart with photos, idempotent
 * retries, messaging webhook), triage, disposition, follow-up with proof, the reporter's side,
 * referral to another tenant, deadlines and escalation, the public list and search, bad input.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import sharp from 'sharp';
import {
  bearerFor,
  DB_KIND,
  type Json,
  makeLive,
  makeStaff,
  makeTenant,
  PASSWORD,
  startTest,
  type TestContext,
} from '../../../../test/support/harness.ts';
import { SYSTEM_ACTOR } from '../../../platform/sdk/index.ts';
import { createUser, grantRole } from '../../../platform/sdk/testing.ts';
import { reportsApp } from '../index.ts';
import { runDeadlines } from '../services/escalation.ts';
import { tx } from '../tables.ts';

/** A JPEG photo carrying an EXIF GPS position, as a phone camera writes it. */
async function photoWithGps(): Promise<Buffer> {
  return sharp({ create: { width: 64, height: 48, channels: 3, background: '#c04040' } })
    .jpeg()
    .withExif({
      IFD3: {
        GPSLatitudeRef: 'S',
        GPSLatitude: '6/1 10/1 0/1',
        GPSLongitudeRef: 'E',
        GPSLongitude: '106/1 38/1 0/1',
      },
    })
    .toBuffer();
}

function multipart(
  fields: Record<string, string>,
  files: Array<{ name: string; bytes: Buffer; type: string }>,
) {
  const boundary = `----balai${Math.random().toString(16).slice(2)}`;
  const chunks: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) {
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  }
  for (const f of files) {
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${f.name}"; filename="p.jpg"\r\nContent-Type: ${f.type}\r\n\r\n`,
      ),
      f.bytes,
      Buffer.from('\r\n'),
    );
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return {
    payload: Buffer.concat(chunks),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

describe(`reports app (${DB_KIND})`, () => {
  let t: TestContext;
  let tenantId: string;
  let operator: Json;
  let officer: Json;
  let otherOfficer: Json;
  let admin: Json;
  let citizen: Json;
  let dpupr: string;
  let dlh: string;
  const base = '/t/kota-lapor/api/v1';

  const call = async (method: string, url: string, headers: Json = {}, payload?: unknown) => {
    const res = await t.app.inject({
      method: method as 'GET',
      url: `${base}${url}`,
      headers,
      ...(payload !== undefined ? { payload: payload as object } : {}),
    });
    return {
      status: res.statusCode,
      body: res.body ? (res.headers['content-type']?.includes('json') ? res.json() : res.body) : null,
      headers: res.headers,
    };
  };
  const act = (id: string, action: string, headers: Json, body: Json = {}) =>
    call('POST', `/reports/${id}/actions/${action}`, headers, body);

  before(async () => {
    t = await startTest({ modules: [reportsApp] });
    const tenant = await makeTenant(t.platform, 'kota-lapor');
    const other = await makeTenant(t.platform, 'kota-tetangga');
    tenantId = tenant.id;
    await makeLive(t.platform, tenant.id, 'reports');
    await makeLive(t.platform, other.id, 'reports');
    const adminUser = await makeStaff(t.platform, tenant.id, ['tenant_admin']);
    admin = await bearerFor(t.app, 'kota-lapor', adminUser.email);
    const mkAgency = async (code: string) =>
      (await call('POST', '/agencies', admin, { code, name: `Dinas ${code}`, kind: 'dinas' })).body
        .id as string;
    dpupr = await mkAgency('DPUPR');
    dlh = await mkAgency('DLH');
    const op = await makeStaff(t.platform, tenant.id, ['operator']);
    operator = await bearerFor(t.app, 'kota-lapor', op.email);
    let nip = 100;
    const agencyStaff = async (agencyId: string) => {
      const email = `officer-${agencyId.slice(-6)}@example.go.id`;
      nip += 1;
      await t.platform.inTenant(tenant.id, SYSTEM_ACTOR, async (scope) => {
        const id = await createUser(scope, {
          kind: 'staff',
          displayName: 'Petugas',
          email,
          nip: `199001012015031${nip}`,
          password: PASSWORD,
        });
        await grantRole(scope, id, { role: 'officer', agencyId });
      });
      return bearerFor(t.app, 'kota-lapor', email);
    };
    officer = await agencyStaff(dpupr);
    otherOfficer = await agencyStaff(dlh);
    const citizenRes = await call(
      'POST',
      '/auth/register',
      {},
      { displayName: 'Warga Lapor', email: 'warga@example.id', password: 'rahasia-warga-1' },
    );
    assert.equal(citizenRes.status, 201, JSON.stringify(citizenRes.body));
    citizen = await bearerFor(t.app, 'kota-lapor', 'warga@example.id', 'rahasia-warga-1');
    for (const [code, agency] of [
      ['roads', dpupr],
      ['sanitation', dlh],
      ['other', null],
    ] as const) {
      const res = await call('PUT', `/reports/categories/${code}`, admin, {
        name: { id: code, en: code },
        agencyId: agency,
      });
      assert.equal(res.status, 200, JSON.stringify(res.body));
    }
    // The neighbour has categories too, so that a report can be referred there.
    const otherAdmin = await makeStaff(t.platform, other.id, ['tenant_admin']);
    const oh = await bearerFor(t.app, 'kota-tetangga', otherAdmin.email);
    const res = await t.app.inject({
      method: 'PUT',
      url: '/t/kota-tetangga/api/v1/reports/categories/roads',
      headers: oh,
      payload: { name: { id: 'Jalan', en: 'Roads' } },
    });
    assert.equal(res.statusCode, 200, res.body);
  });
  after(() => t?.close());

  test('a citizen files, the operator triages and disposes, the agency follows up with proof, the citizen confirms', async () => {
    const filed = await call('POST', '/reports', citizen, {
      type: 'complaint',
      category: 'roads',
      description: 'Jalan berlubang besar di depan sekolah dasar',
      lat: -6.18,
      lng: 106.63,
      kelurahan: 'Cipondoh',
    });
    assert.equal(filed.status, 201, JSON.stringify(filed.body));
    assert.match(filed.body.trackingNo, /^\d{6}-[2-9A-Z]{5}$/);
    assert.equal(filed.body.secret, undefined, 'a signed-in reporter needs no secret');
    const id = filed.body.id;
    assert.ok(filed.body.dueAt, 'the triage deadline is set');

    assert.equal((await act(id, 'verify', operator)).status, 200);
    // The agency cannot act before the report is theirs; the citizen cannot triage.
    assert.equal((await act(id, 'start', officer)).status, 409);
    assert.equal((await act(id, 'dispose', citizen, { agencyId: dpupr })).status, 403);
    const disposed = await act(id, 'dispose', operator, { note: 'Segera tambal', track: 'standard' });
    assert.equal(disposed.status, 200, JSON.stringify(disposed.body));
    // Another agency's officer may not touch it.
    assert.equal((await act(id, 'start', otherOfficer)).status, 403);

    const before = await photoWithGps();
    const form = multipart({ note: 'Sudah disurvei, akan ditambal', kind: 'before' }, [
      { name: 'photo', bytes: before, type: 'image/jpeg' },
    ]);
    const progress = await t.app.inject({
      method: 'POST',
      url: `${base}/reports/${id}/progress`,
      headers: { ...officer, ...form.headers },
      payload: form.payload,
    });
    assert.equal(progress.statusCode, 204, progress.body);
    assert.equal((await act(id, 'complete', officer, { note: 'Lubang sudah ditambal' })).status, 200);

    const detail = await call('GET', `/reports/${filed.body.trackingNo}`);
    assert.equal(detail.status, 200);
    assert.equal(detail.body.status, 'done');
    assert.equal(detail.body.agency.id, dpupr);
    assert.equal(detail.body.reporter, undefined, 'the public never sees the reporter');
    assert.deepEqual(
      detail.body.history.filter((h: Json) => h.toStatus).map((h: Json) => h.toStatus),
      ['received', 'verified', 'disposed', 'in_progress', 'done'],
    );
    const dispose = detail.body.history.find((h: Json) => h.kind === 'dispose');
    assert.equal(dispose.note, null, 'the instruction to the agency is internal');
    const proof = detail.body.history.find((h: Json) => h.kind === 'progress');
    assert.equal(proof.photos.length, 1);
    assert.equal(proof.photos[0].kind, 'before');
    const photo = await t.app.inject({ url: proof.photos[0].url });
    assert.equal(photo.statusCode, 200);
    const meta = await sharp(photo.rawPayload).metadata();
    assert.equal(meta.exif, undefined, 'no EXIF (so no GPS) survives');

    const staffView = await call('GET', `/reports/${id}`, operator);
    assert.equal(staffView.body.reporter.email, 'warga@example.id');
    assert.ok(staffView.body.actions.includes('close'));

    const mine = await call('GET', '/reports/mine', citizen);
    assert.equal(mine.body.items[0].id, id);
    const confirm = await act(id, 'confirm', citizen, { rating: 5, comment: 'Cepat sekali' });
    assert.equal(confirm.status, 200, JSON.stringify(confirm.body));
    const closed = await call('GET', `/reports/${id}`);
    assert.equal(closed.body.status, 'closed');
    assert.equal(closed.body.rating, 5);
    // The citizen may reopen within the window.
    const reopened = await act(id, 'reopen', citizen, { note: 'Lubang muncul lagi' });
    assert.equal(reopened.status, 200);
    assert.equal((await call('GET', `/reports/${id}`)).body.status, 'reopened');
  });

  test('anonymous intake with photos keeps the contact private; retries with an Idempotency-Key file once', async () => {
    const form = multipart(
      {
        type: 'complaint',
        category: 'sanitation',
        description: 'Sampah menumpuk di pinggir kali',
        lat: '-6.2',
        lng: '106.6',
        email: 'anonim@example.id',
      },
      [{ name: 'photo', bytes: await photoWithGps(), type: 'image/jpeg' }],
    );
    const send = () =>
      t.app.inject({
        method: 'POST',
        url: `${base}/reports`,
        headers: { ...form.headers, 'idempotency-key': 'retry-123' },
        payload: form.payload,
      });
    const first = await send();
    assert.equal(first.statusCode, 201, first.body);
    const second = await send();
    assert.equal(second.statusCode, 201);
    assert.equal(second.json().id, first.json().id, 'a retry returns the same report');
    assert.equal(second.headers['idempotent-replayed'], 'true');
    assert.ok(second.json().secret, 'the retry hands out a (fresh) secret');
    const count = await t.platform.inTenant(tenantId, SYSTEM_ACTOR, (scope) =>
      tx(scope)
        .selectFrom('reports')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('tenant_id', '=', tenantId)
        .where('idempotency_key', '=', 'retry-123')
        .executeTakeFirstOrThrow(),
    );
    assert.equal(Number(count.n), 1);
    // Same key, different report: refused.
    const other = await call(
      'POST',
      '/reports',
      { 'idempotency-key': 'retry-123' },
      {
        type: 'complaint',
        category: 'sanitation',
        description: 'Laporan lain sama sekali',
        address: 'Jl. Lain',
      },
    );
    assert.equal(other.status, 409);

    const publicView = await call('GET', `/reports/${first.json().id}`);
    assert.ok(!JSON.stringify(publicView.body).includes('anonim@example.id'));
    assert.equal(publicView.body.photos.length, 1);
    // The secret lets the anonymous reporter add information; a wrong one gets nothing.
    const secret = second.json().secret;
    assert.equal(
      (
        await call(
          'POST',
          `/reports/${first.json().id}/info`,
          { 'x-report-secret': 'salah' },
          { note: 'Tambahan' },
        )
      ).status,
      404,
    );
    assert.equal(
      (
        await call(
          'POST',
          `/reports/${first.json().id}/info`,
          { 'x-report-secret': secret },
          { note: 'Baunya menyengat sekali' },
        )
      ).status,
      204,
    );
  });

  test('duplicates are suggested and merged; the reporter follows the original', async () => {
    const file = (description: string) =>
      call(
        'POST',
        '/reports',
        {},
        {
          type: 'complaint',
          category: 'roads',
          description,
          lat: -6.1801,
          lng: 106.6301,
          phone: '081234567890',
        },
      );
    const a = (await file('Aspal jalan rusak parah dekat pasar')).body;
    const b = (await file('Jalan rusak berlubang di dekat pasar')).body;
    const similar = await call('GET', `/reports/${b.id}/similar`, operator);
    assert.equal(similar.status, 200);
    assert.ok(similar.body.some((s: Json) => s.id === a.id && s.distanceM < 50));
    assert.equal(
      (await act(b.id, 'mark_duplicate', operator, { duplicateOf: b.trackingNo })).status,
      400,
      'not itself',
    );
    assert.equal((await act(b.id, 'mark_duplicate', operator, { duplicateOf: a.trackingNo })).status, 200);
    const view = await call('GET', `/reports/${b.id}`);
    assert.equal(view.body.status, 'duplicate');
    assert.equal(view.body.duplicateOf, a.trackingNo);
  });

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

  test('public list filters and searches in Indonesian, and hides rejected spam', async () => {
    const lubang = await call('GET', '/reports?q=lubang');
    assert.equal(lubang.status, 200);
    assert.ok(
      lubang.body.items.some((i: Json) => /berlubang/.test(i.description)),
      'lubang finds berlubang',
    );
    // The total is the number of matches whatever the page, also past the end.
    const first = await call('GET', '/reports?limit=1');
    const past = await call('GET', '/reports?limit=1&offset=5000');
    assert.equal(first.body.items.length, 1);
    assert.ok(first.body.total >= 2);
    assert.deepEqual([past.body.items.length, past.body.total], [0, first.body.total]);
    const none = await call('GET', '/reports?q=zzzqqq');
    assert.deepEqual([none.body.items.length, none.body.total], [0, 0]);
    const byCategory = await call('GET', '/reports?category=sanitation');
    assert.ok(byCategory.body.items.every((i: Json) => i.category.code === 'sanitation'));
    const byStatus = await call('GET', '/reports?status=duplicate');
    assert.ok(byStatus.body.total >= 1);
    const spam = (
      await call(
        'POST',
        '/reports',
        {},
        { type: 'complaint', category: 'other', description: 'tes tes tes tes tes', address: 'Jl. X' },
      )
    ).body;
    assert.equal(
      (await act(spam.id, 'reject', operator, { reason: 'not_a_report', note: 'Bukan laporan' })).status,
      200,
    );
    const all = await call('GET', '/reports?limit=100');
    assert.ok(!all.body.items.some((i: Json) => i.id === spam.id));
    assert.equal((await call('GET', `/reports/${spam.id}`)).status, 404);
    const geo = await call('GET', '/reports/geojson');
    assert.equal(geo.body.type, 'FeatureCollection');
    assert.ok(geo.body.features.length >= 2);
  });

  test("full-text search reads the tenant's GIN index under row-level security", async () => {
    // A tenant with 2,000 reports, one of which speaks of a "biawak": the planner reads that one
    // through the tenant's GIN index only when `@@` may run ahead of the RLS policy (LEAKPROOF,
    // ADR 0012); otherwise it can only walk the tenant's rows and test each.
    const big = await makeTenant(t.platform, 'kota-cari');
    await makeLive(t.platform, big.id, 'reports');
    await t.platform.inTenant(big.id, SYSTEM_ACTOR, async (scope) => {
      await sql`insert into report_categories (tenant_id, code, name) values (${big.id}, 'roads', '{"id":"Jalan"}')`.execute(
        scope.trx,
      );
      await sql`insert into reports (tenant_id, id, tracking_no, type, category_code, description, status, channel, address)
        select ${big.id}, gen_random_uuid(), 'T' || n, 'complaint', 'roads',
          case when n = 777 then 'Ada biawak masuk rumah warga' else 'Jalan berlubang nomor ' || n end,
          'received', 'web', 'Jl. Contoh ' || n
        from generate_series(1, 2000) n`.execute(scope.trx);
    });
    // VACUUM moves the new rows out of the GIN pending list, as autovacuum does in production.
    await sql`vacuum analyze reports`.execute(t.platform.database.db);
    const explained = await t.platform.inTenant(big.id, SYSTEM_ACTOR, async (scope) => {
      const rows = await sql<{ 'QUERY PLAN': string }>`explain select id from reports
        where tenant_id = ${big.id} and search @@ websearch_to_tsquery('indonesian', 'biawak')`.execute(
        scope.trx,
      );
      return rows.rows.map((r) => r['QUERY PLAN']).join('\n');
    });
    assert.match(explained, /reports_tenant_search/, explained);
    const leakproof = await sql<{ proleakproof: boolean }>`select proleakproof from pg_proc
      where oid = 'pg_catalog.ts_match_vq(pg_catalog.tsvector, pg_catalog.tsquery)'::regprocedure`.execute(
      t.platform.database.db,
    );
    assert.equal(leakproof.rows[0]?.proleakproof, true);
  });

  test('deadlines follow working days; a breach escalates once; silence after follow-up closes', async () => {
    const tenant = t.platform.directory.bySlug('kota-lapor')!;
    const filed = (
      await call(
        'POST',
        '/reports',
        {},
        {
          type: 'complaint',
          category: 'roads',
          description: 'Jembatan retak dan miring',
          address: 'Jl. Jembatan',
        },
      )
    ).body;
    const id = filed.id;
    // Filed now; three working days later, end of day in Jakarta.
    const later = new Date(Date.now() + 30 * 86_400_000);
    const r1 = await t.platform.inTenant(tenant.id, SYSTEM_ACTOR, (scope) =>
      runDeadlines(t.platform, scope, tenant, later),
    );
    assert.ok(r1.escalated >= 1);
    const r2 = await t.platform.inTenant(tenant.id, SYSTEM_ACTOR, (scope) =>
      runDeadlines(t.platform, scope, tenant, later),
    );
    assert.equal(r2.escalated, 0, 'escalated once per stage');
    // Move the clock back instead of forward, so that the list (which reads the real time) sees it late.
    await t.platform.inTenant(tenant.id, SYSTEM_ACTOR, (scope) =>
      tx(scope)
        .updateTable('reports')
        .set({ due_at: new Date(Date.now() - 60_000) })
        .where('tenant_id', '=', tenant.id)
        .where('id', '=', id)
        .execute(),
    );
    const overdue = await call('GET', '/reports/inbox?overdue=true&limit=100', operator);
    assert.ok(overdue.body.items.some((i: Json) => i.id === id && i.overdue));
    const staffView = await call('GET', `/reports/${id}`, operator);
    assert.ok(staffView.body.history.some((h: Json) => h.kind === 'escalated'));

    assert.equal((await act(id, 'verify', operator)).status, 200);
    assert.equal((await act(id, 'dispose', operator, { agencyId: dpupr })).status, 200);
    assert.equal((await act(id, 'complete', officer, { note: 'Diperbaiki' })).status, 200);
    const r3 = await t.platform.inTenant(tenant.id, SYSTEM_ACTOR, (scope) =>
      runDeadlines(t.platform, scope, tenant, later),
    );
    assert.ok(r3.closed >= 1);
    assert.equal((await call('GET', `/reports/${id}`)).body.status, 'closed');
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

  test('agency statistics withhold figures below the minimum sample', async () => {
    const stats = await call('GET', '/reports/stats/agencies');
    assert.equal(stats.status, 200, JSON.stringify(stats.body));
    const roads = stats.body.agencies.find((a: Json) => a.agency.id === dpupr);
    assert.ok(roads.disposed >= 2);
    assert.equal(roads.enoughData, false);
    assert.equal(roads.medianFollowUpDays, null);
    assert.equal((await call('PATCH', '/reports/settings', admin, { minStatsSample: 1 })).status, 200);
    const again = await call('GET', '/reports/stats/agencies');
    const r = again.body.agencies.find((a: Json) => a.agency.id === dpupr);
    assert.equal(r.enoughData, true);
    assert.equal(typeof r.medianFollowUpDays, 'number');
    const summary = await call('GET', '/reports/stats/summary');
    assert.ok(summary.body.total >= 5);
  });
});
