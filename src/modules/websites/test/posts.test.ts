/**
 * The content API: writing, saving over a stale revision, review with four eyes, publication now
 * and at a time (the task's run with a later clock), unpublishing, revisions, diff and restore; a
 * contributor cannot publish, another agency's staff cannot touch the site, another tenant gets
 * nothing.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DB_KIND, startTest, type TestContext } from '../../../../test/support/harness.ts';
import { SYSTEM_ACTOR } from '../../../platform/sdk/index.ts';
import app from '../index.ts';
import { publishDue } from '../services/publish.ts';
import { makeRegion, type Region } from './support.ts';

type Headers = Record<string, string>;

describe(`websites: posts, review and publication (${DB_KIND})`, () => {
  let t: TestContext;
  let a: Region;
  let b: Region;
  let officer: Headers;
  let editor: Headers;
  let editor2: Headers;
  let otherAgency: Headers;
  const call = (method: string, region: Region, path: string, headers: Headers, payload?: object) =>
    t.app.inject({
      method: method as 'GET',
      url: `/t/${region.slug}/api/v1/websites/sites/disdik${path}`,
      headers,
      ...(payload ? { payload } : {}),
    });

  before(async () => {
    t = await startTest({ modules: [app] });
    a = await makeRegion(t, 'kota-a');
    b = await makeRegion(t, 'kota-b');
    officer = await a.staff('officer', a.disdik.id);
    editor = await a.staff('agency_admin', a.disdik.id);
    editor2 = await a.staff('agency_admin', a.disdik.id);
    otherAgency = await a.staff('agency_admin', a.dinkes.id);
  });
  after(() => t.close());

  const news = (title: string, extra: object = {}) => ({
    kind: 'news',
    title,
    body: `<p>Penerimaan peserta didik baru dibuka.</p><script>alert(1)</script><p onclick="x()">Daftar <a href="javascript:alert(1)">di sini</a>.</p>`,
    ...extra,
  });

  test('the whole workflow: write, save, review with four eyes, publish, unpublish', async () => {
    const created = await call('POST', a, '/posts', officer, news('Penerimaan Peserta Didik Baru 2027'));
    assert.equal(created.statusCode, 201, created.body);
    const post = created.json();
    assert.equal(post.slug, 'penerimaan-peserta-didik-baru-2027');
    assert.equal(post.headRevision, 1);
    assert.equal(post.status, 'draft');
    assert.doesNotMatch(post.head.body, /script|onclick|javascript/);
    assert.equal(post.url, null);

    // The same title makes the next free slug.
    const twin = await call('POST', a, '/posts', officer, news('Penerimaan Peserta Didik Baru 2027'));
    assert.equal(twin.json().slug, 'penerimaan-peserta-didik-baru-2027-2');

    const saved = await call('PUT', a, `/posts/${post.id}`, officer, {
      ...news('Penerimaan Peserta Didik Baru (PPDB) 2027'),
      slug: post.slug,
      baseRevision: 1,
    });
    assert.equal(saved.statusCode, 200, saved.body);
    assert.equal(saved.json().headRevision, 2);

    // A save from revision 1 now that the head is 2: refused, and revision 2 is still the head.
    const stale = await call(
      'PUT',
      a,
      `/posts/${post.id}`,
      { ...officer, 'accept-language': 'id' },
      {
        ...news('Judul lain'),
        baseRevision: 1,
      },
    );
    assert.equal(stale.statusCode, 409, stale.body);
    assert.match(stale.json().detail, /revisi 2/);
    assert.equal(
      (await call('GET', a, `/posts/${post.id}`, officer)).json().head.title,
      'Penerimaan Peserta Didik Baru (PPDB) 2027',
    );

    // Not yet approved: nobody publishes it; a contributor never does.
    assert.equal(
      (await call('POST', a, `/posts/${post.id}/publish`, officer, { revision: 2 })).statusCode,
      403,
    );
    assert.equal(
      (await call('POST', a, `/posts/${post.id}/publish`, editor, { revision: 2 })).statusCode,
      409,
    );

    assert.equal(
      (await call('POST', a, `/posts/${post.id}/submit`, officer, { revision: 2 })).json().reviewState,
      'in_review',
    );
    // A contributor cannot review; a reviewer returns it with a note, the officer submits again.
    assert.equal(
      (await call('POST', a, `/posts/${post.id}/reviews`, officer, { decision: 'approve', revision: 2 }))
        .statusCode,
      403,
    );
    const returned = await call('POST', a, `/posts/${post.id}/reviews`, editor, {
      decision: 'return',
      revision: 2,
      note: 'Tambahkan jadwal pendaftaran.',
    });
    assert.equal(returned.json().reviewState, 'draft');
    assert.equal(returned.json().reviews[0].note, 'Tambahkan jadwal pendaftaran.');
    await call('POST', a, `/posts/${post.id}/submit`, officer, { revision: 2 });
    const approved = await call('POST', a, `/posts/${post.id}/reviews`, editor, {
      decision: 'approve',
      revision: 2,
    });
    assert.equal(approved.json().reviewState, 'approved');

    const published = await call('POST', a, `/posts/${post.id}/publish`, editor2, { revision: 2 });
    assert.equal(published.statusCode, 200, published.body);
    const p = published.json();
    assert.equal(p.status, 'published');
    assert.equal(p.publishedRevision, 2);
    assert.equal(p.url, `/t/kota-a/situs/disdik/berita/${post.slug}`);
    const firstPublished = p.publishedAt;

    // A new save returns it to draft but leaves the public copy; publishing again keeps the first time.
    const third = await call('PUT', a, `/posts/${post.id}`, officer, {
      ...news('PPDB 2027: jadwal'),
      baseRevision: 2,
    });
    assert.equal(third.json().reviewState, 'draft');
    assert.equal(third.json().status, 'published');
    assert.equal(third.json().publishedRevision, 2);
    await call('POST', a, `/posts/${post.id}/submit`, officer, { revision: 3 });
    await call('POST', a, `/posts/${post.id}/reviews`, editor2, { decision: 'approve', revision: 3 });
    const again = (await call('POST', a, `/posts/${post.id}/publish`, editor, { revision: 3 })).json();
    assert.equal(again.publishedRevision, 3);
    assert.equal(again.publishedAt, firstPublished);

    const list = (await call('GET', a, '/posts?status=published&kind=news', officer)).json();
    assert.deepEqual(
      list.items.map((i: { id: string }) => i.id),
      [post.id],
    );
    // Citizens read it at its address, from the site's cache once drawn; unpublished, it is gone
    // at once (publication and unpublication clear the site's cached pages).
    const page = () => t.app.inject({ url: again.url });
    assert.equal(again.url, `/t/kota-a/situs/disdik/berita/${post.slug}`);
    assert.match((await page()).body, /PPDB 2027: jadwal/);
    assert.equal((await page()).statusCode, 200);
    assert.equal((await call('POST', a, `/posts/${post.id}/unpublish`, officer)).statusCode, 403);
    assert.equal((await call('POST', a, `/posts/${post.id}/unpublish`, editor)).json().status, 'unpublished');
    assert.equal((await page()).statusCode, 404, 'not served from the cache after unpublishing');
  });

  test('four eyes: nobody approves their own revision, nor two stages of one revision', async () => {
    const res = await t.app.inject({
      method: 'PATCH',
      url: `/t/kota-a/api/v1/websites/sites/disdik`,
      headers: a.admin,
      payload: { reviewStages: 2 },
    });
    assert.equal(res.statusCode, 200, res.body);
    const post = (await call('POST', a, '/posts', editor, news('Libur semester'))).json();
    await call('POST', a, `/posts/${post.id}/submit`, editor, { revision: 1 });
    const own = await call('POST', a, `/posts/${post.id}/reviews`, editor, {
      decision: 'approve',
      revision: 1,
    });
    assert.equal(own.statusCode, 403, own.body);
    const first = await call('POST', a, `/posts/${post.id}/reviews`, editor2, {
      decision: 'approve',
      revision: 1,
    });
    assert.equal(first.json().reviewStage, 1);
    assert.equal(first.json().reviewState, 'in_review');
    const twice = await call('POST', a, `/posts/${post.id}/reviews`, editor2, {
      decision: 'approve',
      revision: 1,
    });
    assert.equal(twice.statusCode, 403, twice.body);
    const third = await a.staff('agency_admin', a.disdik.id);
    const done = await call('POST', a, `/posts/${post.id}/reviews`, third, {
      decision: 'approve',
      revision: 1,
    });
    assert.equal(done.json().reviewState, 'approved');
    assert.deepEqual(
      done.json().reviews.map((r: { stage: number }) => r.stage),
      [1, 2],
    );
    await t.app.inject({
      method: 'PATCH',
      url: `/t/kota-a/api/v1/websites/sites/disdik`,
      headers: a.admin,
      payload: { reviewStages: 1 },
    });
  });

  test('scheduling: the task publishes what is due, not before', async () => {
    const post = (await call('POST', a, '/posts', officer, news('Upacara Hari Guru'))).json();
    await call('POST', a, `/posts/${post.id}/submit`, officer, { revision: 1 });
    await call('POST', a, `/posts/${post.id}/reviews`, editor, { decision: 'approve', revision: 1 });
    const at = new Date(Date.now() + 3_600_000);
    const scheduled = (
      await call('POST', a, `/posts/${post.id}/publish`, editor, { revision: 1, at: at.toISOString() })
    ).json();
    assert.equal(scheduled.status, 'scheduled');
    assert.equal(scheduled.publishAt, at.toISOString());
    const run = (now: Date) =>
      t.platform.inTenant(a.tenant.id, SYSTEM_ACTOR, (scope) => publishDue(scope, now));
    assert.equal(await run(new Date(at.getTime() - 1000)), 0);
    assert.equal((await call('GET', a, `/posts/${post.id}`, officer)).json().status, 'scheduled');
    assert.equal(await run(new Date(at.getTime() + 1000)), 1);
    const done = (await call('GET', a, `/posts/${post.id}`, officer)).json();
    assert.equal(done.status, 'published');
    assert.equal(done.publishedRevision, 1);

    // A correction of the public post scheduled for later: the post stays public meanwhile.
    await call('PUT', a, `/posts/${post.id}`, officer, {
      ...news('Upacara Hari Guru Nasional'),
      baseRevision: 1,
    });
    await call('POST', a, `/posts/${post.id}/submit`, officer, { revision: 2 });
    await call('POST', a, `/posts/${post.id}/reviews`, editor, { decision: 'approve', revision: 2 });
    const later = new Date(Date.now() + 7_200_000);
    const corrected = (
      await call('POST', a, `/posts/${post.id}/publish`, editor, { revision: 2, at: later.toISOString() })
    ).json();
    assert.equal(corrected.status, 'published');
    assert.equal(corrected.publishedRevision, 1);
    const page = () => t.app.inject({ url: done.url });
    assert.equal((await page()).statusCode, 200, 'still served until the correction is due');
    assert.doesNotMatch((await page()).body, /Hari Guru Nasional/);
    assert.equal(await run(new Date(later.getTime() + 1000)), 1);
    assert.match((await page()).body, /Upacara Hari Guru Nasional/);
  });

  test('revisions: list, one, diff and restore', async () => {
    const post = (
      await call('POST', a, '/posts', officer, {
        kind: 'page',
        title: 'Profil',
        body: '<p>Visi dinas lama</p>',
      })
    ).json();
    assert.equal(post.slug, 'profil');
    await call('PUT', a, `/posts/${post.id}`, officer, {
      kind: 'page',
      title: 'Profil Dinas',
      body: '<p>Visi dinas baru</p>',
    });
    const revisions = (await call('GET', a, `/posts/${post.id}/revisions`, officer)).json();
    assert.deepEqual(
      revisions.items.map((r: { number: number }) => r.number),
      [2, 1],
    );
    assert.equal(
      (await call('GET', a, `/posts/${post.id}/revisions/1`, officer)).json().body,
      '<p>Visi dinas lama</p>',
    );
    assert.equal((await call('GET', a, `/posts/${post.id}/revisions/9`, officer)).statusCode, 404);
    const diff = (await call('GET', a, `/posts/${post.id}/diff?from=1&to=2`, officer)).json();
    const body = diff.fields.find((f: { field: string }) => f.field === 'body');
    assert.deepEqual(
      body.parts.filter((p: { added: boolean }) => p.added).map((p: { value: string }) => p.value),
      ['baru'],
    );
    assert.equal((await call('POST', a, `/posts/${post.id}/revisions/1/restore`, officer)).statusCode, 403);
    const restored = (await call('POST', a, `/posts/${post.id}/revisions/1/restore`, editor)).json();
    assert.equal(restored.headRevision, 3);
    assert.equal(restored.head.restoredFrom, 1);
    assert.equal(restored.head.body, '<p>Visi dinas lama</p>');
    // A page cannot be its own parent; a news item has none.
    const cycle = await call('PUT', a, `/posts/${post.id}`, officer, {
      kind: 'page',
      title: 'Profil',
      body: '',
      parentId: post.id,
    });
    assert.equal(cycle.statusCode, 400);
    assert.match(cycle.body, /parent_cycle|induk/);
  });

  test("agency isolation: Dinas Kesehatan's staff cannot touch Dinas Pendidikan's site", async () => {
    const post = (await call('POST', a, '/posts', officer, news('Beasiswa'))).json();
    assert.equal((await call('GET', a, '/posts', otherAgency)).statusCode, 403);
    assert.equal((await call('POST', a, '/posts', otherAgency, news('x'))).statusCode, 403);
    assert.equal((await call('GET', a, `/posts/${post.id}`, otherAgency)).statusCode, 403);
    assert.equal((await call('PUT', a, `/posts/${post.id}`, otherAgency, news('x'))).statusCode, 403);
    assert.equal(
      (await call('POST', a, `/posts/${post.id}/publish`, otherAgency, { revision: 1 })).statusCode,
      403,
    );
  });

  test('tenant isolation: another tenant gets nothing', async () => {
    const post = (await call('POST', a, '/posts', officer, news('Rahasia kota A'))).json();
    const res = await call('GET', b, `/posts/${post.id}`, b.admin);
    assert.equal(res.statusCode, 404);
    const list = (await call('GET', b, '/posts', b.admin)).json();
    assert.equal(list.items.length, 0);
    assert.equal((await call('PUT', b, `/posts/${post.id}`, b.admin, news('x'))).statusCode, 404);
  });

  test("a page is never given an address part the site's own routes answer (berita, cari, ppid…)", async () => {
    for (const [title, slug] of [
      ['Berita', 'berita-2'],
      ['PPID', 'ppid-2'],
      ['Cari', 'cari-2'],
    ]) {
      const res = await call('POST', a, '/posts', editor, { kind: 'page', title, body: '<p>Halaman</p>' });
      assert.equal(res.statusCode, 201, res.body);
      assert.equal(res.json().slug, slug);
    }
    const asked = await call('POST', a, '/posts', editor, {
      kind: 'page',
      title: 'Dokumen kami',
      slug: 'dokumen',
      body: '<p>Halaman</p>',
    });
    assert.equal(asked.json().slug, 'dokumen-2');
    // A news item keeps its own: it is read under /berita/.
    const item = await call('POST', a, '/posts', editor, news('Cari'));
    assert.equal(item.json().slug, 'cari');
  });
});
