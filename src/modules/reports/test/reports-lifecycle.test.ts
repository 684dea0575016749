/**
 * The reports app end to end through the API: intake (JSON, multipart with photos, idempotent
 * retries), triage, disposition, follow-up with proof, the reporter's side, duplicates merged, the
 * public list and search (the tenant's GIN index), deadlines and escalation, agency statistics.
 * Referral, refused input, the tenant's area and the messaging webhook are in
 * reports-referral-input.test.ts.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import sharp from 'sharp';
import { DB_KIND, type Json, makeLive, makeTenant } from '../../../../test/support/harness.ts';
import { SYSTEM_ACTOR } from '../../../platform/sdk/index.ts';
import { runDeadlines } from '../services/escalation.ts';
import { idempotencyKeyHash } from '../services/replay.ts';
import { tx } from '../tables.ts';
import { multipart, photoWithGps, type ReportsContext, startReports } from './reports-setup.ts';

describe(`reports app (${DB_KIND})`, () => {
  let t: ReportsContext['t'];
  let base: ReportsContext['base'];
  let tenantId: ReportsContext['tenantId'];
  let operator: ReportsContext['operator'];
  let officer: ReportsContext['officer'];
  let otherOfficer: ReportsContext['otherOfficer'];
  let admin: ReportsContext['admin'];
  let citizen: ReportsContext['citizen'];
  let dpupr: ReportsContext['dpupr'];
  let call: ReportsContext['call'];
  let act: ReportsContext['act'];

  before(async () => {
    ({ t, base, tenantId, operator, officer, otherOfficer, admin, citizen, dpupr, call, act } =
      await startReports());
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
        headers: { ...form.headers, 'idempotency-key': 'retry-123-7d3e9c4f' },
        payload: form.payload,
      });
    const first = await send();
    assert.equal(first.statusCode, 201, first.body);
    const second = await send();
    assert.equal(second.statusCode, 201);
    assert.equal(second.json().id, first.json().id, 'a retry returns the same report');
    assert.equal(second.headers['idempotent-replayed'], 'true');
    assert.equal(second.json().secret, first.json().secret, 'the retry hands out the first secret');
    const count = await t.platform.inTenant(tenantId, SYSTEM_ACTOR, (scope) =>
      tx(scope)
        .selectFrom('reports')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('tenant_id', '=', tenantId)
        .where('idempotency_key', '=', idempotencyKeyHash('retry-123-7d3e9c4f'))
        .executeTakeFirstOrThrow(),
    );
    assert.equal(Number(count.n), 1);
    // Same key, different report: refused.
    const other = await call(
      'POST',
      '/reports',
      { 'idempotency-key': 'retry-123-7d3e9c4f' },
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
