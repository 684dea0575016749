/**
 * Public-information requests (UU 14/2008) through the API and, where the law's clock matters,
 * through the same service functions with the clock given: the deadlines over a weekend and the
 * 2026 national holidays, the extension's cap, the objection's window, refused transitions, the
 * requester's secret, the PPID menu, and isolation between agencies and between tenants.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DB_KIND, startTest, type TestContext } from '../../../../test/support/harness.ts';
import { type AgencyAccess, SYSTEM_ACTOR } from '../../../platform/sdk/index.ts';
import app from '../index.ts';
import {
  answerObjection,
  answerRequest,
  extendRequest,
  fileObjection,
  fileRequest,
  type PpidCall,
  requestForRequester,
} from '../services/ppid.ts';
import { tx } from '../tables.ts';
import { makeRegion, type Region } from './support.ts';

const EVERYWHERE: AgencyAccess = { userId: null, everywhere: true, may: () => true, agencies: () => null };
const REQUEST = {
  name: 'Siti Aminah',
  email: 'siti@example.id',
  information: 'Data jumlah puskesmas per kecamatan tahun 2025',
  purpose: 'Bahan penelitian',
  delivery: 'email',
};

describe(`websites: PPID requests (${DB_KIND})`, () => {
  let t: TestContext;
  let a: Region;
  let b: Region;
  const api = (slug: string, site: string) => `/t/${slug}/api/v1/websites/sites/${site}/ppid`;
  const inA = <T>(work: Parameters<typeof t.platform.inTenant<T>>[2]) =>
    t.platform.inTenant(a.tenant.id, SYSTEM_ACTOR, work);
  const at = (iso: string): PpidCall => ({ platform: t.platform, tenant: a.tenant, now: new Date(iso) });
  /** Files a request on Dinkes' site at the instant given; its number, secret and id. */
  const fileAt = async (iso: string) => {
    const filed = await inA((scope) => fileRequest(at(iso), scope, 'dinkes', REQUEST, 'id'));
    const row = await inA((scope) =>
      tx(scope)
        .selectFrom('websites_info_requests')
        .select('id')
        .where('tenant_id', '=', scope.tenantId)
        .where('number', '=', filed.number)
        .executeTakeFirstOrThrow(),
    );
    return { ...filed, id: row.id };
  };

  before(async () => {
    t = await startTest({ modules: [app] });
    a = await makeRegion(t, 'kota-a');
    b = await makeRegion(t, 'kota-b');
  });
  after(() => t.close());

  test('the answer is due 10 working days after receipt, over a weekend and two national holidays', async () => {
    // Friday 14 August 2026, 10:00 WIB; Monday 17 August (Independence Day) and Tuesday 25
    // August (Maulid Nabi) are national holidays: the 10th working day is Tuesday 1 September.
    const filed = await fileAt('2026-08-14T03:00:00Z');
    assert.equal(filed.dueOn, '2026-09-01');
    assert.match(filed.number, /^PPID-DINKES-2026-\d{6}$/);
    // Received on Saturday evening: counting starts on Monday.
    const weekend = await fileAt('2026-10-03T12:00:00Z');
    assert.equal(weekend.dueOn, '2026-10-16');
    // 23:30 WIB on Thursday 1 October is still Thursday in the tenant's zone (16:30 UTC)...
    const late = await fileAt('2026-10-01T16:30:00Z');
    assert.equal(late.dueOn, '2026-10-15');
    // ...and 00:30 WIB is Friday: the count starts on Monday.
    const next = await fileAt('2026-10-01T17:30:00Z');
    assert.equal(next.dueOn, '2026-10-16');
  });

  test('the extension: once, at most 7 working days past the original due date, before it passes', async () => {
    const filed = await fileAt('2026-08-14T03:00:00Z');
    await assert.rejects(
      inA((scope) =>
        extendRequest(
          at('2026-09-01T03:00:00Z'),
          scope,
          'dinkes',
          filed.id,
          { days: 8, reason: 'Data masih dihimpun' },
          EVERYWHERE,
        ),
      ),
      (e: { code: string }) => e.code === 'validation',
    );
    await assert.rejects(
      inA((scope) =>
        extendRequest(
          at('2026-09-02T03:00:00Z'),
          scope,
          'dinkes',
          filed.id,
          { days: 3, reason: 'Data masih dihimpun' },
          EVERYWHERE,
        ),
      ),
      (e: { code: string; detailKey: string }) =>
        e.code === 'invalid_transition' && e.detailKey === 'ppid_extension_late',
    );
    const extended = await inA((scope) =>
      extendRequest(
        at('2026-09-01T09:00:00Z'),
        scope,
        'dinkes',
        filed.id,
        { days: 7, reason: 'Data masih dihimpun' },
        EVERYWHERE,
      ),
    );
    assert.equal(extended.status, 'extended');
    assert.equal(extended.dueOn, '2026-09-01');
    assert.equal(extended.extendedOn, '2026-09-10');
    // Past the original date but not the extended one: no objection yet.
    await assert.rejects(
      inA((scope) =>
        fileObjection(at('2026-09-10T10:00:00Z'), scope, 'dinkes', filed.number, filed.secret, {
          ground: 'c',
          reason: 'Permohonan tidak ditanggapi',
        }),
      ),
      (e: { detailKey: string }) => e.detailKey === 'ppid_objection_early',
    );
    await assert.rejects(
      inA((scope) =>
        extendRequest(
          at('2026-09-01T09:00:00Z'),
          scope,
          'dinkes',
          filed.id,
          { days: 1, reason: 'Sekali lagi ya' },
          EVERYWHERE,
        ),
      ),
      (e: { detailKey: string; status: number }) => e.detailKey === 'ppid_extended_once' && e.status === 409,
    );
    // Through the API, 8 days is refused by the schema with the field named.
    const ppid = await a.staff('operator', a.dinkes.id);
    const other = await fileAt('2026-12-01T03:00:00Z');
    const res = await t.app.inject({
      method: 'POST',
      url: `${api('kota-a', 'dinkes')}/requests/${other.id}/extension`,
      headers: ppid,
      payload: { days: 8, reason: 'Data masih dihimpun' },
    });
    assert.equal(res.statusCode, 400, res.body);
    assert.match(res.body, /days/);
  });

  test('an unanswered request: no objection until its (extended) due date passed, then one, answered once', async () => {
    const filed = await fileAt('2026-08-14T03:00:00Z');
    const secret = filed.secret;
    const object = (iso: string) =>
      inA((scope) =>
        fileObjection(at(iso), scope, 'dinkes', filed.number, secret, {
          ground: 'c',
          reason: 'Permohonan tidak ditanggapi',
        }),
      );
    await assert.rejects(
      object('2026-09-01T16:00:00Z'),
      (e: { detailKey: string }) => e.detailKey === 'ppid_objection_early',
    );
    const status = await inA((scope) =>
      requestForRequester(at('2026-09-02T03:00:00Z'), scope, 'dinkes', filed.number, secret),
    );
    assert.equal(status.overdue, true);
    assert.equal(status.mayObject, true);
    const objected = await object('2026-09-02T03:00:00Z');
    assert.equal(objected.status, 'objected');
    assert.equal(objected.objectionGround, 'c');
    // 30 working days after Wednesday 2 September 2026: Wednesday 14 October.
    assert.equal(objected.objectionDueOn, '2026-10-14');
    await assert.rejects(
      object('2026-09-04T03:00:00Z'),
      (e: { detailKey: string }) => e.detailKey === 'ppid_objected_once',
    );
    await assert.rejects(
      inA((scope) =>
        answerRequest(
          at('2026-09-04T03:00:00Z'),
          scope,
          'dinkes',
          filed.id,
          { kind: 'granted', text: 'Ini datanya' },
          EVERYWHERE,
        ),
      ),
      (e: { detailKey: string }) => e.detailKey === 'ppid_under_objection',
    );
    const answered = await inA((scope) =>
      answerObjection(
        at('2026-09-10T03:00:00Z'),
        scope,
        'dinkes',
        filed.id,
        { text: 'Keberatan diterima' },
        EVERYWHERE,
      ),
    );
    assert.equal(answered.status, 'objection_answered');
    await assert.rejects(
      inA((scope) =>
        answerObjection(at('2026-09-10T03:00:00Z'), scope, 'dinkes', filed.id, { text: 'Lagi' }, EVERYWHERE),
      ),
      (e: { detailKey: string }) => e.detailKey === 'ppid_objection_answered_once',
    );
  });

  test('after the answer the requester may object for 30 working days, not a day more', async () => {
    const filed = await fileAt('2026-08-14T03:00:00Z');
    await inA((scope) =>
      answerRequest(
        at('2026-08-20T03:00:00Z'),
        scope,
        'dinkes',
        filed.id,
        { kind: 'partly', text: 'Sebagian data' },
        EVERYWHERE,
      ),
    );
    const object = (iso: string) =>
      inA((scope) =>
        fileObjection(at(iso), scope, 'dinkes', filed.number, filed.secret, {
          ground: 'd',
          reason: 'Tidak sesuai yang diminta',
        }),
      );
    // 30 working days after Thursday 20 August (25 August a holiday): Friday 2 October.
    const status = await inA((scope) =>
      requestForRequester(at('2026-08-21T03:00:00Z'), scope, 'dinkes', filed.number, filed.secret),
    );
    assert.equal(status.objectionUntil, '2026-10-02');
    await assert.rejects(
      object('2026-10-05T01:00:00Z'),
      (e: { detailKey: string }) => e.detailKey === 'ppid_objection_late',
    );
    const ok = await object('2026-10-02T16:00:00Z');
    assert.equal(ok.status, 'objected');
  });

  test('refused transitions and a refusal without its ground are answered with clear words', async () => {
    const ppid = await a.staff('operator', a.dinkes.id);
    const filed = await t.app.inject({
      method: 'POST',
      url: `${api('kota-a', 'dinkes')}/requests`,
      payload: REQUEST,
    });
    assert.equal(filed.statusCode, 201, filed.body);
    const list = await t.app.inject({ url: `${api('kota-a', 'dinkes')}/requests`, headers: ppid });
    assert.equal(list.statusCode, 200, list.body);
    const item = (list.json().items as { id: string; number: string }[]).find(
      (r) => r.number === filed.json().number,
    );
    assert.ok(item);
    const act = (what: string, payload: object, lang = 'id') =>
      t.app.inject({
        method: 'POST',
        url: `${api('kota-a', 'dinkes')}/requests/${item.id}/${what}`,
        headers: { ...ppid, 'accept-language': lang },
        payload,
      });
    const noGround = await act('answer', { kind: 'refused', text: 'Ditolak' });
    assert.equal(noGround.statusCode, 400, noGround.body);
    assert.match(noGround.body, /Pasal 17/);
    const notObjected = await act('objection-answer', { text: 'Jawaban' });
    assert.equal(notObjected.statusCode, 409);
    assert.match(notObjected.body, /Tidak ada keberatan/);
    const refused = await act('answer', { kind: 'refused', text: 'Ditolak', refusalGround: 'h' });
    assert.equal(refused.statusCode, 200, refused.body);
    assert.equal(refused.json().refusalGround, 'h');
    const again = await act('answer', { kind: 'granted', text: 'Ini' }, 'en');
    assert.equal(again.statusCode, 409);
    assert.match(again.body, /answered already/);
    const extend = await act('extension', { days: 2, reason: 'Masih dihimpun' });
    assert.equal(extend.statusCode, 409);
    assert.match(extend.body, /sudah dijawab/);
  });

  test('the status opens with the secret only; the requester is told by email with the status link', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: `${api('kota-a', 'dinkes')}/requests`,
      payload: { ...REQUEST, email: 'pemohon-rahasia@example.id' },
    });
    assert.equal(res.statusCode, 201, res.body);
    const { number, secret, statusUrl } = res.json();
    assert.equal(statusUrl, `/t/kota-a/situs/dinkes/ppid/status/${number}`);
    const status = (headers: Record<string, string>) =>
      t.app.inject({ url: `${api('kota-a', 'dinkes')}/status/${number}`, headers });
    const missing = await status({});
    assert.equal(missing.statusCode, 403);
    assert.match(missing.body, /x-request-secret/);
    const wrong = await status({ 'x-request-secret': 'bukan-kodenya' });
    assert.equal(wrong.statusCode, 403);
    assert.match(wrong.body, /kode rahasia tidak cocok/);
    const other = await t.app.inject({
      url: `${api('kota-a', 'disdik')}/status/${number}`,
      headers: { 'x-request-secret': secret },
    });
    assert.equal(other.statusCode, 403, 'the number belongs to another site');
    const ok = await status({ 'x-request-secret': secret });
    assert.equal(ok.statusCode, 200, ok.body);
    assert.equal(ok.json().status, 'received');
    assert.equal(ok.json().mayObject, false);
    assert.equal('name' in ok.json(), false, 'the requester view has no personal fields');
    const mail = await inA((scope) =>
      scope.trx
        .selectFrom('notification_outbox')
        .select(['subject', 'body'])
        .where('tenant_id', '=', scope.tenantId)
        .where('recipient', '=', 'pemohon-rahasia@example.id')
        .execute(),
    );
    assert.equal(mail.length, 1);
    assert.match(mail[0]!.subject ?? '', new RegExp(number));
    assert.match(mail[0]!.body, new RegExp(`/situs/dinkes/ppid/status/${number}`));
    assert.doesNotMatch(mail[0]!.body, new RegExp(secret));
    // One of email or phone is required; delivery by post needs the address.
    const bad = await t.app.inject({
      method: 'POST',
      url: `${api('kota-a', 'dinkes')}/requests`,
      payload: { ...REQUEST, email: undefined, delivery: 'post' },
    });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /surel atau nomor telepon/);
    assert.match(bad.body, /melalui pos/);
  });

  test("the menu lists the site's published posts by class; excepted ones without a link", async () => {
    const PROFILE = crypto.randomUUID();
    const site = await inA((scope) =>
      tx(scope)
        .selectFrom('websites_sites')
        .select('id')
        .where('tenant_id', '=', scope.tenantId)
        .where('slug', '=', 'dinkes')
        .executeTakeFirstOrThrow(),
    );
    const post = (
      slug: string,
      ppid: string | null,
      status: 'published' | 'draft',
      page?: { parent: string | null; id: string },
    ) => ({
      tenant_id: a.tenant.id,
      id: page?.id ?? crypto.randomUUID(),
      site_id: site.id,
      kind: page ? ('page' as const) : ('document' as const),
      parent_id: page?.parent ?? null,
      slug,
      title: `Dokumen ${slug}`,
      ppid: ppid as 'berkala' | null,
      status,
      published_at: status === 'published' ? new Date() : null,
      body: '<p>Isi</p>',
      body_text: 'Isi',
      menu_order: 0,
      head_revision: 1,
      review_state: 'approved' as const,
      review_stage: 0,
      image: undefined,
      details: undefined,
    });
    await inA((scope) =>
      tx(scope)
        .insertInto('websites_posts')
        .values([
          post('laporan-keuangan', 'berkala', 'published'),
          post('rahasia-medis', 'dikecualikan', 'published'),
          post('konsep', 'berkala', 'draft'),
          post('profil', null, 'published', { parent: null, id: PROFILE }),
          post('standar-layanan', 'setiap_saat', 'published', { parent: PROFILE, id: crypto.randomUUID() }),
        ])
        .execute(),
    );
    const res = await t.app.inject(api('kota-a', 'dinkes'));
    assert.equal(res.statusCode, 200, res.body);
    // A page is linked at its place in the site's tree, and the link answers.
    const standing = res.json().classes.find((c: { class: string }) => c.class === 'setiap_saat').posts;
    assert.deepEqual(
      standing.map((p: { url: string }) => p.url),
      ['/t/kota-a/situs/dinkes/profil/standar-layanan'],
    );
    assert.equal((await t.app.inject({ url: standing[0].url })).statusCode, 200);
    const classes = res.json().classes as { class: string; posts: { title: string; url: string | null }[] }[];
    const of = (c: string) => classes.find((x) => x.class === c)!.posts;
    assert.deepEqual(
      of('berkala').map((p) => [p.title, p.url]),
      [['Dokumen laporan-keuangan', '/t/kota-a/situs/dinkes/dokumen/laporan-keuangan']],
    );
    assert.deepEqual(
      of('dikecualikan').map((p) => [p.title, p.url]),
      [['Dokumen rahasia-medis', null]],
    );
    const other = await t.app.inject(api('kota-a', 'disdik'));
    assert.equal(other.json().classes.flatMap((c: { posts: unknown[] }) => c.posts).length, 0);
  });

  test("Dinas Kesehatan's PPID cannot see nor act on Dinas Pendidikan's requests", async () => {
    const dinkes = await a.staff('operator', a.dinkes.id);
    const disdik = await a.staff('operator', a.disdik.id);
    const filed = await t.app.inject({
      method: 'POST',
      url: `${api('kota-a', 'disdik')}/requests`,
      payload: REQUEST,
    });
    assert.equal(filed.statusCode, 201);
    const mine = await t.app.inject({ url: `${api('kota-a', 'disdik')}/requests`, headers: disdik });
    const id = (mine.json().items as { id: string; number: string }[]).find(
      (r) => r.number === filed.json().number,
    )!.id;
    for (const [method, path, payload] of [
      ['GET', '/requests', undefined],
      ['GET', `/requests/${id}`, undefined],
      ['POST', `/requests/${id}/extension`, { days: 2, reason: 'Masih dihimpun' }],
      ['POST', `/requests/${id}/answer`, { kind: 'granted', text: 'Ini' }],
      ['POST', `/requests/${id}/objection-answer`, { text: 'Ini' }],
    ] as const) {
      const res = await t.app.inject({
        method,
        url: `${api('kota-a', 'disdik')}${path}`,
        headers: dinkes,
        ...(payload ? { payload } : {}),
      });
      assert.equal(res.statusCode, 403, `${method} ${path}: ${res.body}`);
    }
    // Nor through its own site's path.
    const viaOwn = await t.app.inject({ url: `${api('kota-a', 'dinkes')}/requests/${id}`, headers: dinkes });
    assert.equal(viaOwn.statusCode, 404);
    // The tenant's own site needs a tenant-wide grant.
    const main = await t.app.inject({ url: `${api('kota-a', 'utama')}/requests`, headers: dinkes });
    assert.equal(main.statusCode, 403);
    // A citizen holds no staff permission.
    const anonymous = await t.app.inject({ url: `${api('kota-a', 'disdik')}/requests` });
    assert.equal(anonymous.statusCode, 401);
  });

  test("another tenant gets nothing of a tenant's requests", async () => {
    const filed = await t.app.inject({
      method: 'POST',
      url: `${api('kota-a', 'dinkes')}/requests`,
      payload: REQUEST,
    });
    const { number, secret } = filed.json();
    const list = await t.app.inject({ url: `${api('kota-a', 'dinkes')}/requests`, headers: a.admin });
    const id = (list.json().items as { id: string; number: string }[]).find((r) => r.number === number)!.id;
    const onB = await t.app.inject({ url: `${api('kota-b', 'dinkes')}/requests/${id}`, headers: b.admin });
    assert.equal(onB.statusCode, 404);
    const statusOnB = await t.app.inject({
      url: `${api('kota-b', 'dinkes')}/status/${number}`,
      headers: { 'x-request-secret': secret },
    });
    assert.equal(statusOnB.statusCode, 403);
    const bList = await t.app.inject({
      url: `${api('kota-b', 'dinkes')}/requests?open=false`,
      headers: b.admin,
    });
    assert.equal(bList.statusCode, 200);
    assert.doesNotMatch(bList.body, new RegExp(number));
    const bOnA = await t.app.inject({ url: `${api('kota-a', 'dinkes')}/requests`, headers: b.admin });
    assert.ok([401, 403].includes(bOnA.statusCode), bOnA.body);
  });
});
