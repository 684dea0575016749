/**
 * Importing a WordPress export (test/fixtures/dinkes-wordpress.xml: a Dinas Kesehatan site with
 * news, nested pages, categories, tags, two authors, a draft, a scheduled and a private post,
 * attachments, a featured image, a menu, shortcodes and broken items) through the API: the rows
 * as the content API writes them, the old addresses redirected, a second import adding nothing,
 * a ZIP with the uploads, hostile or broken files refused with nothing written, and who may import.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import sharp from 'sharp';
import {
  DB_KIND,
  multipartFile,
  PASSWORD,
  startTest,
  type TestContext,
  tinyPdf,
} from '../../../../test/support/harness.ts';
import { makeZip } from '../../../../test/support/zip-writer.ts';
import { SYSTEM_ACTOR } from '../../../platform/sdk/index.ts';
import { createUser, grantRole } from '../../../platform/sdk/testing.ts';
import app from '../index.ts';
import { tx } from '../tables.ts';
import { makeRegion, type Region } from './support.ts';

const FIXTURE = readFileSync(new URL('./fixtures/dinkes-wordpress.xml', import.meta.url));
const importUrl = (tenant: string, site: string) => `/t/${tenant}/api/v1/websites/sites/${site}/import`;

type Warning = { path: string; code: string; message: string; wpId: number | null; detail: string | null };

describe(`websites: WordPress import (${DB_KIND})`, () => {
  let t: TestContext;
  let a: Region;
  let b: Region;
  let adminDinkesId: string;

  const upload = (
    tenant: string,
    site: string,
    headers: Record<string, string>,
    bytes: Uint8Array,
    name = 'ekspor.xml',
  ) => {
    const body = multipartFile('file', name, name.endsWith('.zip') ? 'application/zip' : 'text/xml', bytes);
    return t.app.inject({
      method: 'POST',
      url: importUrl(tenant, site),
      headers: { ...headers, ...body.headers },
      payload: body.payload,
    });
  };
  /** The site's rows, read directly: what the import wrote. */
  const rows = (region: Region, site: string) =>
    t.platform.inTenant(region.tenant.id, SYSTEM_ACTOR, async (scope) => {
      const db = tx(scope);
      const siteRow = await db
        .selectFrom('websites_sites')
        .selectAll()
        .where('tenant_id', '=', scope.tenantId)
        .where('slug', '=', site)
        .executeTakeFirstOrThrow();
      const posts = await db
        .selectFrom('websites_posts')
        .selectAll()
        .where('tenant_id', '=', scope.tenantId)
        .where('site_id', '=', siteRow.id)
        .execute();
      const revisions = await db
        .selectFrom('websites_revisions')
        .selectAll()
        .where('tenant_id', '=', scope.tenantId)
        .where(
          'post_id',
          'in',
          posts.length ? posts.map((p) => p.id) : ['00000000-0000-0000-0000-000000000000'],
        )
        .execute();
      const terms = await db
        .selectFrom('websites_terms')
        .selectAll()
        .where('tenant_id', '=', scope.tenantId)
        .where('site_id', '=', siteRow.id)
        .execute();
      const media = await db
        .selectFrom('websites_media')
        .selectAll()
        .where('tenant_id', '=', scope.tenantId)
        .where('site_id', '=', siteRow.id)
        .execute();
      const redirects = await db
        .selectFrom('websites_redirects')
        .selectAll()
        .where('tenant_id', '=', scope.tenantId)
        .where('site_id', '=', siteRow.id)
        .execute();
      return { site: siteRow, posts, revisions, terms, media, redirects };
    });

  before(async () => {
    t = await startTest({ modules: [app] });
    a = await makeRegion(t, 'kota-a');
    b = await makeRegion(t, 'kota-b');
    // The export's first author is a member of staff (same email, other case); the second is not.
    adminDinkesId = await t.platform.inTenant(a.tenant.id, SYSTEM_ACTOR, async (scope) => {
      const id = await createUser(scope, {
        kind: 'staff',
        displayName: 'Admin Dinkes',
        email: 'admin.dinkes@kotacontoh.go.id',
        nip: '198001012005011001',
        password: PASSWORD,
      });
      await grantRole(scope, id, { role: 'operator', agencyId: a.dinkes.id });
      return id;
    });
  });
  after(() => t.close());

  test('a full import: posts, pages with their tree, terms, authors, statuses and the menu, as the content API writes them', async () => {
    const res = await upload('kota-a', 'dinkes', a.admin, FIXTURE);
    assert.equal(res.statusCode, 200, res.body);
    const { counts, warnings } = res.json() as { counts: Record<string, number>; warnings: Warning[] };
    assert.deepEqual(counts, {
      news: 15,
      pages: 8,
      drafts: 2,
      scheduled: 1,
      categories: 5,
      tags: 4,
      media: 0,
      redirects: counts.redirects,
      menuEntries: 9,
    });
    assert.ok(counts.redirects! > 40, `redirects: ${counts.redirects}`);
    const seen = warnings.map((w) => `${w.code}:${w.wpId ?? ''}`);
    for (const expected of [
      'wxr_item_without_id:',
      'wxr_unsupported_type:',
      'wxr_file_missing:101',
      'wxr_featured_image_missing:201',
      'wxr_private_as_draft:215',
      'wxr_status_skipped:216',
      'wxr_unknown_parent:17',
      'wxr_shortcode_removed:16',
      'wxr_embed_as_link:208',
    ]) {
      assert.ok(seen.includes(expected), `${expected} in ${seen.join(', ')}`);
    }
    const missing = warnings.find((w) => w.code === 'wxr_file_missing' && w.wpId === 104)!;
    assert.equal(missing.path, '/file/items/104');
    assert.match(missing.message, /jadwal-imunisasi-2024\.pdf/);

    const { posts, revisions, terms, site } = await rows(a, 'dinkes');
    const bySlug = new Map(posts.map((p) => [p.slug, p]));
    const news = bySlug.get('posyandu-bulan-mei')!;
    assert.equal(news.kind, 'news');
    assert.equal(news.status, 'published');
    assert.equal(news.published_revision, 1);
    assert.equal(news.head_revision, 1);
    assert.equal(new Date(news.published_at!).toISOString(), '2024-05-14T02:30:00.000Z');
    assert.equal(Number(news.legacy_id), 201);
    assert.equal(news.author_id, adminDinkesId);
    assert.equal(news.author_name, null);
    assert.equal(news.summary, 'Ringkasan: Posyandu Serentak Bulan Mei di 50 Kelurahan');
    assert.match(news.body, /<figure><img [^>]*><figcaption>Kader menimbang balita/);
    assert.match(news.body, /<p>Orang tua diminta membawa buku KIA\.<\/p>/);
    const revision = revisions.find((r) => r.post_id === news.id)!;
    assert.equal(revision.number, 1);
    assert.equal(revision.body, news.body);
    assert.equal(revision.title, news.title);
    assert.equal(revision.author_id, adminDinkesId);
    const termSlugs = (revision.terms as string[]).map((id) => terms.find((x) => x.id === id)?.slug).sort();
    assert.deepEqual(termSlugs, ['berita', 'kesehatan-ibu-dan-anak', 'posyandu', 'stunting']);

    // The other author is no member of staff: kept by name.
    assert.equal(bySlug.get('waspada-dbd')!.author_id, null);
    assert.equal(bySlug.get('waspada-dbd')!.author_name, 'Siti Rahmawati');
    // Draft, scheduled, private.
    assert.equal(bySlug.get('rencana-kerja-2025-draf')!.status, 'draft');
    assert.equal(bySlug.get('rencana-kerja-2025-draf')!.published_revision, null);
    const future = bySlug.get('peluncuran-aplikasi-antrean')!;
    assert.equal(future.status, 'scheduled');
    assert.equal(new Date(future.publish_at!).toISOString(), '2030-01-15T01:00:00.000Z');
    assert.equal(bySlug.get('catatan-internal')!.status, 'draft');
    assert.equal(bySlug.has('berita-lama-trashed'), false);
    // A YouTube embed stays a video, through the sanitiser's safe list.
    assert.match(
      bySlug.get('waspada-dbd')!.body,
      /<iframe [^>]*src="https:\/\/www\.youtube-nocookie\.com\/embed\/abc123"/,
    );
    assert.match(
      bySlug.get('pemeriksaan-lansia')!.body,
      /<a href="https:\/\/www\.instagram\.com\/p\/C7posbindu\/"/,
    );
    // The sanitiser ran: no script, no handler.
    const stunting = bySlug.get('cegah-stunting')!;
    assert.doesNotMatch(stunting.body, /script|onclick|alert/);
    assert.match(stunting.body_text, /Ibu hamil dianjurkan/);
    // The pages' tree and order.
    const schedule = bySlug.get('jadwal-pelayanan')!;
    assert.equal(schedule.kind, 'page');
    assert.equal(schedule.parent_id, bySlug.get('puskesmas')!.id);
    assert.equal(bySlug.get('puskesmas')!.parent_id, bySlug.get('layanan')!.id);
    assert.equal(bySlug.get('struktur-organisasi')!.menu_order, 2);
    assert.equal(bySlug.get('halaman-yatim')!.parent_id, null);
    // Classic-editor text got its paragraphs.
    assert.match(bySlug.get('visi-misi')!.body, /^<p>Visi: Kota Contoh sehat/);
    // The menu: two levels, pages by id, the category by its new address, the old home as the site's.
    const menu = site.menu as {
      label: string;
      postId?: string;
      href?: string;
      children?: { label: string }[];
    }[];
    assert.deepEqual(
      menu.map((e) => [e.label, e.href ?? (e.postId ? 'post' : ''), (e.children ?? []).map((c) => c.label)]),
      [
        ['Beranda', '/', []],
        ['Profil', 'post', ['Visi dan Misi', 'Struktur Organisasi']],
        ['Layanan', 'post', ['Puskesmas', 'Jadwal Pelayanan']],
        ['Berita', '/kategori/berita', []],
        ['Kontak', 'post', []],
      ],
    );
    assert.equal(menu[1]!.postId, bySlug.get('profil')!.id);
  });

  test('old addresses redirect with 301 to the new ones; an unknown one and another site answer 404', async () => {
    const site = '/t/kota-a/situs/dinkes';
    const cases: [string, string][] = [
      ['/2024/05/posyandu-bulan-mei/', '/berita/posyandu-bulan-mei'],
      ['/2024/05/14/posyandu-bulan-mei/', '/berita/posyandu-bulan-mei'],
      ['/waspada-dbd/', '/berita/waspada-dbd'],
      ['/?p=203', '/berita/bulan-imunisasi-anak-sekolah'],
      ['?p=203', '/berita/bulan-imunisasi-anak-sekolah'],
      ['?page_id=15', '/layanan/puskesmas/jadwal-pelayanan'],
      ['/category/program/imunisasi/', '/kategori/imunisasi'],
      ['/category/berita/', '/kategori/berita'],
      ['?cat=4', '/kategori/imunisasi'],
      ['/?tag=vaksin', '/tag/vaksin'],
    ];
    for (const [old, to] of cases) {
      const res = await t.app.inject(`${site}${old}`);
      assert.equal(res.statusCode, 301, `${old}: ${res.statusCode}`);
      assert.equal(res.headers.location, `${site}${to}`, old);
    }
    for (const url of [
      `${site}/2019/01/tidak-ada/`,
      `${site}/?p=999999`,
      '/t/kota-a/situs/disdik/waspada-dbd/',
      '/t/kota-b/situs/dinkes/waspada-dbd/',
    ]) {
      assert.equal((await t.app.inject(url)).statusCode, 404, url);
    }
  });

  test('importing the same file again adds nothing: every item is skipped as imported before', async () => {
    const before = await rows(a, 'dinkes');
    const res = await upload('kota-a', 'dinkes', a.admin, FIXTURE);
    assert.equal(res.statusCode, 200, res.body);
    const { counts, warnings } = res.json() as { counts: Record<string, number>; warnings: Warning[] };
    assert.deepEqual(
      Object.values(counts).every((n) => n === 0),
      true,
      JSON.stringify(counts),
    );
    assert.equal(warnings.find((w) => w.code === 'wxr_already_imported')?.detail, '23');
    assert.ok(warnings.some((w) => w.code === 'wxr_menu_kept'));
    const afterwards = await rows(a, 'dinkes');
    assert.equal(afterwards.posts.length, before.posts.length);
    assert.equal(afterwards.terms.length, before.terms.length);
    assert.equal(afterwards.redirects.length, before.redirects.length);
  });

  test('a ZIP with the uploads: images normalised and stored as media, the featured image set, links pointed at the media', async () => {
    const jpeg = await sharp({ create: { width: 1200, height: 800, channels: 3, background: '#3a7' } })
      .jpeg()
      .withMetadata()
      .toBuffer();
    const png = await sharp({ create: { width: 300, height: 200, channels: 4, background: '#fff0' } })
      .png()
      .toBuffer();
    const zip = makeZip({
      'dinkes-wordpress.xml': FIXTURE,
      'wp-content/uploads/2024/05/posyandu-balita.jpg': jpeg,
      'wp-content/uploads/2024/05/vaksinasi-puskesmas.png': png,
      'wp-content/uploads/2024/05/gedung-dinkes.jpg': jpeg,
      'wp-content/uploads/2024/05/jadwal-imunisasi-2024.pdf': tinyPdf('Jadwal imunisasi'),
    });
    const res = await upload('kota-b', 'dinkes', b.admin, zip, 'dinkes.zip');
    assert.equal(res.statusCode, 200, res.body);
    const { counts, warnings } = res.json() as { counts: Record<string, number>; warnings: Warning[] };
    assert.equal(counts.media, 4);
    assert.deepEqual(
      warnings.filter((w) => w.code === 'wxr_file_missing').map((w) => w.wpId),
      [105],
    );
    const { posts, media, redirects } = await rows(b, 'dinkes');
    const photo = media.find((m) => m.file_name === 'posyandu-balita.jpg')!;
    assert.equal(photo.kind, 'image');
    assert.equal(photo.alt, 'Kader posyandu menimbang seorang balita');
    assert.equal(photo.width, 1200);
    // The same responsive variants as an upload's, each stored.
    assert.deepEqual(
      photo.variants.map((v) => v.width),
      [320, 640, 960],
    );
    for (const v of photo.variants) assert.ok(await t.platform.files.get(v.key), `variant ${v.width}`);
    const stored = await t.platform.files.get(photo.file_key);
    assert.ok(stored && stored.body.byteLength === photo.size);
    assert.equal((await sharp(stored.body).metadata()).exif, undefined);
    const pdf = media.find((m) => m.file_name === 'jadwal-imunisasi-2024.pdf')!;
    assert.equal(pdf.kind, 'file');
    assert.equal(pdf.mime, 'application/pdf');

    const news = posts.find((p) => p.slug === 'posyandu-bulan-mei')!;
    assert.deepEqual(news.image, { mediaId: photo.id, alt: 'Kader posyandu menimbang seorang balita' });
    assert.match(news.body, new RegExp(`src="/media/${photo.id}"`));
    assert.match(
      posts.find((p) => p.slug === 'bulan-imunisasi-anak-sekolah')!.body,
      new RegExp(`href="/media/${pdf.id}"`),
    );
    assert.equal(posts.find((p) => p.slug === 'waspada-dbd')!.image, null);
    assert.match(posts.find((p) => p.slug === 'galeri-hkn')!.body, /(<figure><img [^>]+><\/figure>){2}/);
    assert.equal(
      redirects.find((r) => r.from_path === '/wp-content/uploads/2024/05/posyandu-balita.jpg')?.to_path,
      `/media/${photo.id}`,
    );
    const old = await t.app.inject('/t/kota-b/situs/dinkes/wp-content/uploads/2024/05/posyandu-balita.jpg');
    assert.equal(old.statusCode, 301);
    assert.equal(old.headers.location, `/t/kota-b/situs/dinkes/media/${photo.id}`);
  });

  test('hostile, broken or foreign XML is refused with every problem listed and nothing written', async () => {
    const laughs = `<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
<rss><channel><wp:wxr_version>1.2</wp:wxr_version><item><title>&lol3;</title></item></channel></rss>`;
    const xxe = `<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><rss><channel><title>&x;</title></channel></rss>`;
    const broken = FIXTURE.toString('utf8').replace(
      '<wp:post_type><![CDATA[page]]></wp:post_type>',
      '<wp:post_type>page</wp:post_typ>',
    );
    const cases: [string, string | Uint8Array, string][] = [
      ['billion laughs', laughs, 'wxr_doctype'],
      ['external entity', xxe, 'wxr_doctype'],
      ['broken XML', broken, 'wxr_invalid_xml'],
      [
        'not an export',
        '<?xml version="1.0"?><rss><channel><title>Blog</title></channel></rss>',
        'wxr_not_wxr',
      ],
      ['a ZIP without the export', makeZip({ 'wp-content/uploads/a.txt': 'x' }), 'wxr_zip_without_xml'],
      [
        'a broken ZIP',
        Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(64)]),
        'wxr_zip_not_zip',
      ],
    ];
    for (const [what, body, code] of cases) {
      const res = await upload(
        'kota-a',
        'disdik',
        a.admin,
        typeof body === 'string' ? Buffer.from(body) : body,
      );
      assert.equal(res.statusCode, 400, `${what}: ${res.body}`);
      const problem = res.json();
      assert.equal(problem.code, 'validation', what);
      assert.deepEqual(
        problem.errors.map((e: { path: string; code: string }) => [e.path, e.code]),
        [['/file', code]],
        what,
      );
      assert.ok(problem.errors[0].message.length > 10, what);
    }
    for (const contentType of ['multipart/form-data', 'multipart/form-data; boundary=x']) {
      const res = await t.app.inject({
        method: 'POST',
        url: importUrl('kota-a', 'disdik'),
        headers: { ...a.admin, 'content-type': contentType },
        payload: '--x\r\nContent-Disposition: form-data; name="file"; filename="a.xml"\r\n\r\n<rss',
      });
      assert.equal(res.statusCode, 400, `${contentType}: ${res.body}`);
    }
    const invalid = await upload('kota-a', 'disdik', a.admin, Buffer.from(broken));
    assert.equal(typeof invalid.json().errors[0].line, 'number');
    const { posts, terms, redirects, media } = await rows(a, 'disdik');
    assert.deepEqual([posts.length, terms.length, redirects.length, media.length], [0, 0, 0, 0]);
  });

  test('an export over 50 MB is a 413 with its limit, and nothing is written', async () => {
    const huge = Buffer.alloc(51 * 1024 * 1024, 0x20);
    huge.write('<?xml version="1.0"?><rss>', 0);
    const res = await upload('kota-a', 'disdik', a.admin, huge);
    assert.equal(res.statusCode, 413, res.body);
    assert.match(res.json().detail, /50 MB/);
    assert.equal((await rows(a, 'disdik')).posts.length, 0);
  });

  test("only tenant-wide importers may import: an agency's staff and another tenant are refused, nothing written", async () => {
    const agencyAdmin = await a.staff('agency_admin', a.dinkes.id);
    const refused = await upload('kota-a', 'disdik', agencyAdmin, FIXTURE);
    assert.equal(refused.statusCode, 403, refused.body);
    const otherTenant = await upload('kota-a', 'disdik', b.admin, FIXTURE);
    assert.ok([401, 403].includes(otherTenant.statusCode), otherTenant.body);
    const anonymous = await upload('kota-a', 'disdik', {}, FIXTURE);
    assert.equal(anonymous.statusCode, 401);
    assert.equal((await rows(a, 'disdik')).posts.length, 0);
    const unknownSite = await upload('kota-a', 'tidak-ada', a.admin, FIXTURE);
    assert.equal(unknownSite.statusCode, 404);
  });
});
