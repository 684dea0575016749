/**
 * A site's media and terms: an image needs its alternative text and comes back with WebP variants
 * that the public page's `srcset` names and the site serves; a document is kept as sent and offered
 * under a clean name; what is not an image or a document, a broken image and a huge one are refused
 * with nothing stored; a used item is not removed; another agency's staff get nothing. Categories
 * are the managers', tags anyone writing; a term in use goes only when asked.
 */
import assert from 'node:assert/strict';
import { readdir } from 'node:fs/promises';
import { after, before, describe, test } from 'node:test';
import sharp from 'sharp';
import {
  DB_KIND,
  multipartForm,
  startTest,
  type TestContext,
  tinyPdf,
} from '../../../../test/support/harness.ts';
import app from '../index.ts';
import { makeRegion, type Region } from './support.ts';

type Headers = Record<string, string>;

async function photo(width: number, height: number): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: { r: 20, g: 120, b: 80 } } })
    .jpeg()
    .withExif({ IFD0: { Copyright: 'Balai test', Make: 'Kamera Rahasia' } })
    .toBuffer();
}

describe(`websites: media and terms (${DB_KIND})`, () => {
  let t: TestContext;
  let a: Region;
  let writer: Headers;
  let editor: Headers;
  let otherAgency: Headers;
  const api = (path: string) => `/t/${a.slug}/api/v1/websites/sites/dinkes${path}`;
  const upload = (headers: Headers, parts: Parameters<typeof multipartForm>[0]) => {
    const form = multipartForm(parts);
    return t.app.inject({
      method: 'POST',
      url: api('/media'),
      headers: { ...headers, ...form.headers, 'accept-language': 'id' },
      payload: form.payload,
    });
  };
  const image = async (w = 1400, h = 900) => ({
    name: 'file',
    filename: 'Posyandu Melati.jpg',
    type: 'image/jpeg',
    bytes: await photo(w, h),
  });
  const mediaRows = async () =>
    (await t.app.inject({ url: api('/media'), headers: a.admin })).json().items as { id: string }[];

  before(async () => {
    t = await startTest({ modules: [app] });
    a = await makeRegion(t, 'kota-media');
    writer = await a.staff('officer', a.dinkes.id);
    editor = await a.staff('agency_admin', a.dinkes.id);
    otherAgency = await a.staff('agency_admin', a.disdik.id);
  });
  after(() => t.close());

  test('an image needs its alternative text; it is stored clean with WebP variants narrower than it', async () => {
    const noAlt = await upload(writer, [await image()]);
    assert.equal(noAlt.statusCode, 400, noAlt.body);
    assert.equal(noAlt.json().errors[0].path, '/body/alt');
    assert.match(noAlt.body, /teks alternatif/);
    assert.deepEqual(await mediaRows(), [], 'nothing recorded');

    const res = await upload(writer, [
      { name: 'alt', value: 'Petugas menimbang balita' },
      await image(),
      { name: 'caption', value: 'Posyandu Melati' },
    ]);
    assert.equal(res.statusCode, 201, res.body);
    const m = res.json();
    assert.equal(m.kind, 'image');
    assert.equal(m.mime, 'image/jpeg');
    assert.equal(m.fileName, 'Posyandu Melati.jpg');
    assert.deepEqual([m.width, m.height], [1400, 900]);
    assert.equal(m.caption, 'Posyandu Melati');
    assert.deepEqual(
      m.variants.map((v: { width: number }) => v.width),
      [320, 640, 960, 1280],
    );
    assert.equal(m.url, `/t/kota-media/situs/dinkes/media/${m.id}`);

    const original = await t.app.inject({ url: m.url });
    assert.equal(original.statusCode, 200);
    assert.equal(original.headers['content-type'], 'image/jpeg');
    assert.match(String(original.headers['cache-control']), /immutable/);
    assert.equal((await sharp(original.rawPayload).metadata()).exif, undefined, 'no EXIF left');
    for (const v of m.variants as { width: number; url: string }[]) {
      const file = await t.app.inject({ url: v.url });
      assert.equal(file.statusCode, 200, v.url);
      assert.equal(file.headers['content-type'], 'image/webp');
      const meta = await sharp(file.rawPayload).metadata();
      assert.equal(meta.format, 'webp');
      assert.equal(meta.width, v.width);
    }
    assert.equal((await t.app.inject({ url: `${m.url}/500` })).statusCode, 404, 'no such variant');
    assert.equal((await t.app.inject({ url: `${m.url}/abc` })).statusCode, 404);

    // A small image gets no variant wider than itself.
    const small = await upload(writer, [{ name: 'alt', value: 'Logo posyandu' }, await image(300, 200)]);
    assert.deepEqual(small.json().variants, []);
  });

  test('a document is kept as sent, named cleanly, offered inline or as a download', async () => {
    const res = await upload(writer, [
      {
        name: 'file',
        filename: 'C:\\Dokumen\\Perwal 12 tahun 2026.exe',
        type: 'application/octet-stream',
        bytes: tinyPdf('perwal'),
      },
    ]);
    assert.equal(res.statusCode, 201, res.body);
    const doc = res.json();
    assert.equal(doc.kind, 'file');
    assert.equal(doc.mime, 'application/pdf');
    assert.equal(doc.fileName, 'Perwal 12 tahun 2026.exe.pdf');
    assert.equal(doc.alt, null);
    const file = await t.app.inject({ url: doc.url });
    assert.equal(file.statusCode, 200);
    assert.equal(file.headers['content-type'], 'application/pdf');
    assert.match(
      String(file.headers['content-disposition']),
      /^inline; filename="Perwal 12 tahun 2026.exe.pdf"/,
    );
    assert.equal(Buffer.compare(file.rawPayload, Buffer.from(tinyPdf('perwal'))), 0);
  });

  test('not an image nor a document, a broken image, a huge one: refused, nothing stored', async () => {
    const root = (t.platform.files as { root?: string }).root;
    assert.ok(root, 'the tests store files on disk');
    const files = async () =>
      (await readdir(root, { recursive: true, withFileTypes: true })).filter((d) => d.isFile()).length;
    const filesBefore = await files();
    const before = await mediaRows();
    const text = await upload(writer, [
      {
        name: 'file',
        filename: 'virus.pdf',
        type: 'application/pdf',
        bytes: Buffer.from('<script>alert(1)</script>'),
      },
    ]);
    assert.equal(text.statusCode, 415, text.body);
    assert.match(text.body, /gambar \(JPEG/);

    const good = await photo(800, 600);
    const broken = await upload(writer, [
      { name: 'alt', value: 'Rusak' },
      { name: 'file', filename: 'rusak.jpg', type: 'image/jpeg', bytes: good.subarray(0, good.length / 2) },
    ]);
    assert.equal(broken.statusCode, 400, broken.body);
    assert.match(broken.body, /rusak atau terpotong/);

    // A PNG's signature then 21 MB: an image over the images' 20 MB.
    const png = Buffer.concat([
      Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'),
      Buffer.alloc(21 * 1024 * 1024),
    ]);
    const huge = await upload(writer, [
      { name: 'alt', value: 'Besar' },
      { name: 'file', filename: 'besar.png', type: 'image/png', bytes: png },
    ]);
    assert.equal(huge.statusCode, 413, huge.body);

    const extra = await upload(writer, [{ name: 'owner', value: 'x' }, await image()]);
    assert.equal(extra.statusCode, 400, extra.body);
    const none = await upload(writer, [{ name: 'alt', value: 'Tanpa berkas' }]);
    assert.equal(none.statusCode, 400, none.body);

    // Another agency's writer: refused by the site check.
    const theirs = await upload(otherAgency, [{ name: 'alt', value: 'x' }, await image()]);
    assert.equal(theirs.statusCode, 403, theirs.body);
    const noAlt = await upload(writer, [await image()]);
    assert.equal(noAlt.statusCode, 400, noAlt.body);

    assert.equal((await mediaRows()).length, before.length, 'no row');
    assert.equal(await files(), filesBefore, 'no file left on disk');
  });

  test('listed newest first and paged; described again; another agency sees and changes nothing', async () => {
    const first = await t.app.inject({ url: `${api('/media')}?limit=1&kind=image`, headers: writer });
    assert.equal(first.statusCode, 200, first.body);
    const page = first.json();
    assert.equal(page.items.length, 1);
    assert.ok(page.next);
    const second = await t.app.inject({
      url: `${api('/media')}?limit=1&kind=image&after=${page.next}`,
      headers: writer,
    });
    assert.notEqual(second.json().items[0].id, page.items[0].id);
    assert.equal(
      (await t.app.inject({ url: `${api('/media')}?after=zzz`, headers: writer })).statusCode,
      400,
    );

    const id = page.items[0].id;
    const emptied = await t.app.inject({
      method: 'PATCH',
      url: api(`/media/${id}`),
      headers: writer,
      payload: { alt: '  ' },
    });
    assert.equal(emptied.statusCode, 400, 'an image keeps its alternative text');
    const changed = await t.app.inject({
      method: 'PATCH',
      url: api(`/media/${id}`),
      headers: writer,
      payload: { alt: 'Balita ditimbang di posyandu', caption: null },
    });
    assert.equal(changed.statusCode, 200, changed.body);
    assert.equal(changed.json().alt, 'Balita ditimbang di posyandu');
    assert.equal(changed.json().caption, null);

    assert.equal((await t.app.inject({ url: api('/media'), headers: otherAgency })).statusCode, 403);
    const theirs = await t.app.inject({
      method: 'PATCH',
      url: api(`/media/${id}`),
      headers: otherAgency,
      payload: { alt: 'bukan milik kami' },
    });
    assert.equal(theirs.statusCode, 403);
    const gone = await t.app.inject({ method: 'DELETE', url: api(`/media/${id}`), headers: otherAgency });
    assert.equal(gone.statusCode, 403);
    // Another site's media id is not found on this site.
    assert.equal(
      (
        await t.app.inject({
          method: 'PATCH',
          url: `/t/${a.slug}/api/v1/websites/sites/disdik/media/${id}`,
          headers: a.admin,
          payload: { alt: 'x' },
        })
      ).statusCode,
      404,
    );
  });

  test("a post's featured image is on its public page with its variants; it cannot be removed while used", async () => {
    await t.app.inject({
      method: 'PATCH',
      url: `/t/${a.slug}/api/v1/websites/sites/dinkes`,
      headers: a.admin,
      payload: { reviewStages: 0 },
    });
    const up = await upload(writer, [
      { name: 'alt', value: 'Imunisasi di posyandu' },
      await image(1000, 700),
    ]);
    const m = up.json();
    const created = await t.app.inject({
      method: 'POST',
      url: api('/posts'),
      headers: editor,
      payload: {
        kind: 'news',
        title: 'Imunisasi campak di posyandu',
        body: `<p>Imunisasi dibuka.</p><p><img src="${m.url}" alt="Balita"></p>`,
        image: { mediaId: m.id, alt: 'Imunisasi di posyandu' },
      },
    });
    assert.equal(created.statusCode, 201, created.body);
    const post = created.json();
    // A site's search is kept in its cache until the site's content changes.
    const search = () =>
      t.app.inject({ url: `/t/${a.slug}/situs/dinkes/cari?q=${encodeURIComponent('imunisasi  campak')}` });
    assert.doesNotMatch((await search()).body, /Imunisasi campak di posyandu/);
    await t.app.inject({
      method: 'POST',
      url: api(`/posts/${post.id}/submit`),
      headers: editor,
      payload: { revision: 1 },
    });
    const pub = await t.app.inject({
      method: 'POST',
      url: api(`/posts/${post.id}/publish`),
      headers: editor,
      payload: { revision: 1 },
    });
    assert.equal(pub.statusCode, 200, pub.body);
    const page = await t.app.inject({ url: pub.json().url });
    assert.equal(page.statusCode, 200);
    assert.match((await search()).body, /Imunisasi campak di posyandu/, 'found once published');
    const srcset = /srcset="([^"]+)"/i.exec(page.body)?.[1] ?? '';
    const urls = srcset.split(', ').map((s) => s.split(' ')[0]!);
    assert.deepEqual(
      urls.map((u) => u.split('/').pop()),
      ['320', '640', '960'],
    );
    for (const u of urls) assert.equal((await t.app.inject({ url: u })).statusCode, 200, u);

    const used = await t.app.inject({
      method: 'DELETE',
      url: api(`/media/${m.id}`),
      headers: { ...writer, 'accept-language': 'id' },
    });
    assert.equal(used.statusCode, 409, used.body);
    assert.match(used.json().detail, /Imunisasi campak di posyandu/);

    // A draft never published uses it too: its text is in its head revision only.
    const drafted = (
      await upload(writer, [{ name: 'alt', value: 'Untuk draf' }, await image(700, 500)])
    ).json();
    const draft = await t.app.inject({
      method: 'POST',
      url: api('/posts'),
      headers: writer,
      payload: { kind: 'news', title: 'Draf bergambar', body: `<p><img src="${drafted.url}" alt="x"></p>` },
    });
    assert.equal(draft.statusCode, 201, draft.body);
    const inDraft = await t.app.inject({
      method: 'DELETE',
      url: api(`/media/${drafted.id}`),
      headers: { ...writer, 'accept-language': 'id' },
    });
    assert.equal(inDraft.statusCode, 409, inDraft.body);
    assert.match(inDraft.json().detail, /Draf bergambar/);

    const spare = (await upload(writer, [{ name: 'alt', value: 'Cadangan' }, await image(700, 500)])).json();
    const removed = await t.app.inject({ method: 'DELETE', url: api(`/media/${spare.id}`), headers: writer });
    assert.equal(removed.statusCode, 204, removed.body);
    assert.equal((await t.app.inject({ url: spare.url })).statusCode, 404);
    assert.equal((await t.app.inject({ url: spare.variants[0].url })).statusCode, 404);
  });

  test('terms: tags by writers, categories by managers; taken slugs refused; a used term goes only when asked', async () => {
    const terms = (headers: Headers, payload: object) =>
      t.app.inject({ method: 'POST', url: api('/terms'), headers, payload });
    const tag = await terms(writer, { kind: 'tag', name: 'Imunisasi Anak' });
    assert.equal(tag.statusCode, 201, tag.body);
    assert.equal(tag.json().slug, 'imunisasi-anak');
    assert.equal((await terms(writer, { kind: 'category', name: 'Kesehatan' })).statusCode, 403);
    const cat = await terms(editor, { kind: 'category', name: 'Kesehatan' });
    assert.equal(cat.statusCode, 201, cat.body);
    const twice = await terms(editor, { kind: 'category', name: 'KESEHATAN' });
    assert.equal(twice.statusCode, 400, 'the same slug');
    assert.equal((await terms(editor, { kind: 'tag', name: '!!!' })).statusCode, 400, 'no slug can be made');
    assert.equal((await terms(otherAgency, { kind: 'tag', name: 'Lain' })).statusCode, 403);

    const list = await t.app.inject({ url: api('/terms'), headers: writer });
    assert.deepEqual(
      list.json().items.map((x: { kind: string; name: string }) => `${x.kind}:${x.name}`),
      ['category:Kesehatan', 'tag:Imunisasi Anak'],
    );

    const post = await t.app.inject({
      method: 'POST',
      url: api('/posts'),
      headers: editor,
      payload: {
        kind: 'news',
        title: 'Bulan imunisasi anak',
        body: '<p>Dimulai.</p>',
        terms: [cat.json().id],
      },
    });
    assert.equal(post.statusCode, 201, post.body);

    const renamed = await t.app.inject({
      method: 'PATCH',
      url: api(`/terms/${cat.json().id}`),
      headers: editor,
      payload: { name: 'Kesehatan Masyarakat', slug: 'kesmas' },
    });
    assert.equal(renamed.statusCode, 200, renamed.body);
    assert.equal(renamed.json().slug, 'kesmas');
    assert.equal(
      (
        await t.app.inject({
          method: 'PATCH',
          url: api(`/terms/${cat.json().id}`),
          headers: writer,
          payload: { name: 'x' },
        })
      ).statusCode,
      403,
    );

    const inUse = await t.app.inject({
      method: 'DELETE',
      url: api(`/terms/${cat.json().id}`),
      headers: editor,
    });
    assert.equal(inUse.statusCode, 409, inUse.body);
    const forced = await t.app.inject({
      method: 'DELETE',
      url: `${api(`/terms/${cat.json().id}`)}?force=true`,
      headers: editor,
    });
    assert.equal(forced.statusCode, 204, forced.body);
    const after = await t.app.inject({ url: api(`/posts/${post.json().id}`), headers: editor });
    assert.equal(after.statusCode, 200);
    const unused = await t.app.inject({
      method: 'DELETE',
      url: api(`/terms/${tag.json().id}`),
      headers: editor,
    });
    assert.equal(unused.statusCode, 204);
    assert.deepEqual((await t.app.inject({ url: api('/terms'), headers: writer })).json().items, []);
  });

  test("a site's logo is one of its images: set, served small, shown on its pages, removed", async () => {
    const site = `/t/${a.slug}/api/v1/websites/sites/dinkes`;
    const logo = (
      await upload(editor, [{ name: 'alt', value: 'Logo Dinas Kesehatan' }, await image(800, 800)])
    ).json();
    const doc = (
      await upload(editor, [
        { name: 'file', filename: 'a.pdf', type: 'application/pdf', bytes: tinyPdf('a') },
      ])
    ).json();
    const patch = (headers: Headers, payload: object) =>
      t.app.inject({ method: 'PATCH', url: site, headers: { ...headers, 'accept-language': 'id' }, payload });

    const notImage = await patch(editor, { logoMediaId: doc.id });
    assert.equal(notImage.statusCode, 400, notImage.body);
    assert.match(notImage.body, /harus berupa gambar/);
    const elsewhere = await t.app.inject({
      method: 'POST',
      url: `/t/${a.slug}/api/v1/websites/sites/disdik/media`,
      ...(() => {
        const f = multipartForm([
          { name: 'file', filename: 'b.pdf', type: 'application/pdf', bytes: tinyPdf('b') },
        ]);
        return { headers: { ...a.admin, ...f.headers }, payload: f.payload };
      })(),
    });
    assert.equal(
      (await patch(editor, { logoMediaId: elsewhere.json().id })).statusCode,
      400,
      "another site's",
    );
    assert.equal((await patch(writer, { logoMediaId: logo.id })).statusCode, 403, 'a writer is no manager');

    const set = await patch(editor, { logoMediaId: logo.id });
    assert.equal(set.statusCode, 200, set.body);
    assert.equal(set.json().logoUrl, `/t/${a.slug}/situs/dinkes/logo`);
    const served = await t.app.inject({ url: set.json().logoUrl });
    assert.equal(served.statusCode, 200);
    assert.equal(served.headers['content-type'], 'image/webp');
    assert.equal((await sharp(served.rawPayload).metadata()).width, 320, 'the narrowest variant');
    assert.equal(served.headers['cache-control'], 'public, max-age=300');
    assert.match((await t.app.inject({ url: `/t/${a.slug}/situs/dinkes` })).body, /<img src="[^"]*\/logo"/);

    const asLogo = await t.app.inject({
      method: 'DELETE',
      url: api(`/media/${logo.id}`),
      headers: { ...editor, 'accept-language': 'id' },
    });
    assert.equal(asLogo.statusCode, 409, 'the logo is not removed from under the site');
    assert.match(asLogo.json().detail, /logo situs/);

    const removed = await patch(editor, { logoMediaId: null });
    assert.equal(removed.json().logoUrl, null);
    assert.equal((await t.app.inject({ url: `/t/${a.slug}/situs/dinkes/logo` })).statusCode, 404);
    assert.equal(
      (await t.app.inject({ method: 'DELETE', url: api(`/media/${logo.id}`), headers: editor })).statusCode,
      204,
    );
  });
});
