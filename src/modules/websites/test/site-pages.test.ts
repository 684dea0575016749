/**
 * A site's citizen pages: every kind of post and list renders from published posts only (never a
 * draft, a scheduled or unpublished post, nor a draft revision of a published one), search finds
 * Indonesian words by their stem, the feeds and sitemaps are well-formed XML, pages are kept in the
 * cache until `invalidateSite`, and another tenant's site is a 404.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { XMLParser } from 'fast-xml-parser';
import { DB_KIND, startTest, type TestContext } from '../../../../test/support/harness.ts';
import { SYSTEM_ACTOR } from '../../../platform/sdk/index.ts';
import app from '../index.ts';
import { tx } from '../tables.ts';
import { seedPost, seedSiteSettings, seedTerm } from './public-fixtures.ts';
import { makeRegion, type Region } from './support.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'site-xml-'));
let files = 0;
/** Whether xmllint finds the text well-formed (it exits non-zero with its complaint otherwise). */
function xmllint(text: string): void {
  files += 1;
  const file = path.join(dir, `f${files}.xml`);
  writeFileSync(file, text);
  execFileSync('xmllint', ['--noout', file], { stdio: 'pipe' });
}

describe(`websites: the citizens' site pages (${DB_KIND})`, () => {
  let t: TestContext;
  let a: Region;
  let b: Region;
  const get = (url: string) => t.app.inject({ method: 'GET', url });
  const ids: Record<string, string> = {};

  before(async () => {
    t = await startTest({ modules: [app] });
    a = await makeRegion(t, 'situs-a');
    b = await makeRegion(t, 'situs-b');
    const tid = a.tenant.id;
    ids.category = await seedTerm(t, tid, 'dinkes', {
      kind: 'category',
      slug: 'kesehatan',
      name: 'Kesehatan',
    });
    ids.tag = await seedTerm(t, tid, 'dinkes', { kind: 'tag', slug: 'imunisasi', name: 'Imunisasi' });
    ids.news = await seedPost(t, tid, 'dinkes', {
      kind: 'news',
      slug: 'pembangunan-puskesmas',
      title: 'Pembangunan Puskesmas Cibodas dimulai',
      summary: 'Dinas Kesehatan memulai pembangunan gedung baru.',
      body: '<p>Pembangunan gedung puskesmas baru <strong>dimulai</strong> hari ini.</p><div data-widget="market-prices.today"></div>',
      terms: [ids.category, ids.tag],
      draftAfter: 'Judul rancangan rahasia',
    });
    ids.announcement = await seedPost(t, tid, 'dinkes', {
      kind: 'announcement',
      slug: 'jadwal-imunisasi',
      title: 'Jadwal imunisasi bulan ini',
      terms: [ids.tag],
    });
    ids.agenda = await seedPost(t, tid, 'dinkes', {
      kind: 'agenda',
      slug: 'posyandu-akbar',
      title: 'Posyandu Akbar',
      details: {
        startsAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
        endsAt: new Date(Date.now() + 7 * 86_400_000 + 3_600_000).toISOString(),
        location: 'Alun-alun',
      },
    });
    ids.pastAgenda = await seedPost(t, tid, 'dinkes', {
      kind: 'agenda',
      slug: 'rapat-lalu',
      title: 'Rapat koordinasi yang lalu',
      details: { startsAt: new Date(Date.now() - 7 * 86_400_000).toISOString() },
    });
    ids.document = await seedPost(t, tid, 'dinkes', {
      kind: 'document',
      slug: 'renstra-2025',
      title: 'Rencana Strategis 2025',
      details: {
        number: '050/12/DINKES',
        year: 2025,
        type: 'Renstra',
        mediaId: '00000000-0000-4000-8000-000000000001',
      },
    });
    ids.gallery = await seedPost(t, tid, 'dinkes', {
      kind: 'gallery',
      slug: 'hari-kesehatan',
      title: 'Hari Kesehatan Nasional',
      details: { items: [{ mediaId: '00000000-0000-4000-8000-000000000002', caption: 'Upacara' }] },
    });
    ids.profile = await seedPost(t, tid, 'dinkes', { kind: 'page', slug: 'profil', title: 'Profil' });
    ids.vision = await seedPost(t, tid, 'dinkes', {
      kind: 'page',
      slug: 'visi-misi',
      title: 'Visi dan Misi',
      parentId: ids.profile,
      body: '<p>Masyarakat sehat dan mandiri.</p>',
    });
    for (const status of ['draft', 'scheduled', 'unpublished'] as const) {
      await seedPost(t, tid, 'dinkes', {
        kind: 'news',
        slug: `berita-${status}`,
        title: `Berita tersembunyi ${status}`,
        body: '<p>Pembangunan jalan tersembunyi.</p>',
        status,
      });
    }
    await seedSiteSettings(t, tid, 'dinkes', {
      tagline: 'Melayani dengan sepenuh hati',
      menu: [
        { label: 'Profil', postId: ids.profile, children: [{ label: 'Visi dan Misi', postId: ids.vision }] },
        { label: 'Berita utama', postId: ids.news },
        { label: 'Portal', href: 'https://tangerangkota.go.id/' },
      ],
      footer: {
        address: 'Jl. Satria Sudirman No. 1',
        phone: '(021) 5587 1234',
        email: 'dinkes@example.go.id',
        social: [{ kind: 'instagram', url: 'https://instagram.com/dinkes' }],
      },
    });
  });
  after(() => t.close());

  test('the home page: name, tagline, menu to posts, latest news and announcements, upcoming agenda, footer', async () => {
    const res = await get('/t/situs-a/situs/dinkes');
    assert.equal(res.statusCode, 200, res.body);
    const html = res.body;
    assert.match(html, /Melayani dengan sepenuh hati/);
    assert.match(html, /href="\/t\/situs-a\/situs\/dinkes\/profil\/visi-misi"/);
    assert.match(html, /href="\/t\/situs-a\/situs\/dinkes\/berita\/pembangunan-puskesmas"/);
    assert.match(html, /Jadwal imunisasi bulan ini/);
    assert.match(html, /Posyandu Akbar/);
    assert.doesNotMatch(html, /Rapat koordinasi yang lalu/);
    assert.match(html, /Jl\. Satria Sudirman/);
    assert.match(html, /href="tel:0215587 ?1234"|href="tel:02155871234"/);
    assert.match(html, /rel="alternate" type="application\/rss\+xml"/);
    assert.match(html, /@media print/);
  });

  test('a news item: its body (the widget of an app not installed leaves no trace), terms, canonical, Open Graph and NewsArticle JSON-LD', async () => {
    const res = await get('/t/situs-a/situs/dinkes/berita/pembangunan-puskesmas');
    assert.equal(res.statusCode, 200, res.body);
    const html = res.body;
    assert.match(html, /<h1>Pembangunan Puskesmas Cibodas dimulai<\/h1>/);
    // The widget's app (market prices) is not installed in this suite: its place is left empty.
    assert.doesNotMatch(html, /data-widget="market-prices.today"/);
    assert.match(html, /Pembangunan gedung puskesmas baru <strong>dimulai<\/strong> hari ini.<\/p><\/div>/);
    assert.match(
      html,
      /<link rel="canonical" href="[^"]*\/t\/situs-a\/situs\/dinkes\/berita\/pembangunan-puskesmas"/,
    );
    assert.match(html, /<meta property="og:title" content="Pembangunan Puskesmas Cibodas dimulai"/);
    assert.match(html, /<meta property="og:type" content="article"/);
    const ld = /<script type="application\/ld\+json">(.*?)<\/script>/s.exec(html);
    assert.ok(ld, 'JSON-LD');
    const data = JSON.parse(ld[1]!);
    assert.equal(data['@type'], 'NewsArticle');
    assert.equal(data.headline, 'Pembangunan Puskesmas Cibodas dimulai');
    assert.match(html, /href="\/t\/situs-a\/situs\/dinkes\/kategori\/kesehatan"/);
    assert.match(html, /aria-label="Lokasi halaman"/);
    // The later draft revision is not the public copy.
    assert.doesNotMatch(html, /Judul rancangan rahasia/);
  });

  test('each kind at its address: announcement, agenda with its .ics, document with its metadata, gallery, nested page', async () => {
    const announcement = await get('/t/situs-a/situs/dinkes/pengumuman/jadwal-imunisasi');
    assert.equal(announcement.statusCode, 200);
    const agenda = await get('/t/situs-a/situs/dinkes/agenda/posyandu-akbar');
    assert.equal(agenda.statusCode, 200);
    assert.match(agenda.body, /Alun-alun/);
    assert.match(agenda.body, /href="\/t\/situs-a\/situs\/dinkes\/agenda\/posyandu-akbar\/kalender.ics"/);
    const ics = await get('/t/situs-a/situs/dinkes/agenda/posyandu-akbar/kalender.ics');
    assert.equal(ics.statusCode, 200);
    assert.match(ics.headers['content-type'] as string, /text\/calendar/);
    assert.match(ics.headers['content-disposition'] as string, /posyandu-akbar\.ics/);
    assert.match(
      ics.body,
      /BEGIN:VEVENT[\s\S]*SUMMARY:Posyandu Akbar[\s\S]*LOCATION:Alun-alun[\s\S]*END:VEVENT/,
    );
    const doc = await get('/t/situs-a/situs/dinkes/dokumen/renstra-2025');
    assert.equal(doc.statusCode, 200);
    assert.match(doc.body, /050\/12\/DINKES/);
    assert.match(doc.body, /Renstra/);
    const gallery = await get('/t/situs-a/situs/dinkes/galeri/hari-kesehatan');
    assert.equal(gallery.statusCode, 200);
    const page = await get('/t/situs-a/situs/dinkes/profil/visi-misi');
    assert.equal(page.statusCode, 200, page.body);
    assert.match(page.body, /Masyarakat sehat dan mandiri/);
    assert.match(page.body, /<a href="\/t\/situs-a\/situs\/dinkes\/profil">Profil<\/a>/);
    // A page is found at its whole path only.
    assert.equal((await get('/t/situs-a/situs/dinkes/visi-misi')).statusCode, 404);
  });

  test('lists: news, upcoming and past agenda, documents filtered by type and year, category and tag pages', async () => {
    const news = await get('/t/situs-a/situs/dinkes/berita');
    assert.equal(news.statusCode, 200);
    assert.match(news.body, /Pembangunan Puskesmas/);
    const upcoming = await get('/t/situs-a/situs/dinkes/agenda');
    assert.match(upcoming.body, /Posyandu Akbar/);
    assert.doesNotMatch(upcoming.body, /Rapat koordinasi yang lalu/);
    const past = await get('/t/situs-a/situs/dinkes/agenda?waktu=lalu');
    assert.match(past.body, /Rapat koordinasi yang lalu/);
    assert.doesNotMatch(past.body, /Posyandu Akbar/);
    const docs = await get('/t/situs-a/situs/dinkes/dokumen?jenis=Renstra&tahun=2025');
    assert.match(docs.body, /Rencana Strategis 2025/);
    const none = await get('/t/situs-a/situs/dinkes/dokumen?tahun=2020');
    assert.doesNotMatch(none.body, /Rencana Strategis 2025<\/a>/);
    const tag = await get('/t/situs-a/situs/dinkes/tag/imunisasi');
    assert.match(tag.body, /Jadwal imunisasi/);
    assert.match(tag.body, /Pembangunan Puskesmas/);
    const category = await get('/t/situs-a/situs/dinkes/kategori/kesehatan');
    assert.doesNotMatch(category.body, /Jadwal imunisasi/);
    assert.equal((await get('/t/situs-a/situs/dinkes/kategori/tidak-ada')).statusCode, 404);
    assert.equal((await get('/t/situs-a/situs/dinkes/berita?halaman=0')).statusCode, 400);
    assert.equal((await get('/t/situs-a/situs/dinkes/berita?halaman=2')).statusCode, 200);
  });

  test('drafts, scheduled and unpublished posts never show: not at their address, in lists, search or feeds', async () => {
    for (const status of ['draft', 'scheduled', 'unpublished']) {
      assert.equal((await get(`/t/situs-a/situs/dinkes/berita/berita-${status}`)).statusCode, 404);
    }
    for (const url of ['/berita', '', '/cari?q=jalan', '/rss.xml', '/atom.xml', '/sitemap.xml']) {
      const res = await get(`/t/situs-a/situs/dinkes${url}`);
      assert.equal(res.statusCode, 200, url);
      assert.doesNotMatch(res.body, /tersembunyi/, url);
    }
  });

  test('search finds a word by its Indonesian stem, marks it, and searches every site of the tenant', async () => {
    const res = await get(`/t/situs-a/situs/dinkes/cari?q=${encodeURIComponent('membangun')}`);
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /href="\/t\/situs-a\/situs\/dinkes\/berita\/pembangunan-puskesmas"/);
    assert.match(res.body, /<mark>[Pp]embangunan<\/mark>/);
    const miss = await get('/t/situs-a/situs/dinkes/cari?q=gempa');
    assert.match(miss.body, /Tidak ada hasil/);
    const all = await get('/t/situs-a/situs/cari?q=visi');
    assert.match(all.body, /href="\/t\/situs-a\/situs\/dinkes\/profil\/visi-misi"/);
    assert.equal((await get(`/t/situs-a/situs/cari?q=${'a'.repeat(201)}`)).statusCode, 400);
    // Another tenant's search finds nothing of this one.
    const other = await get('/t/situs-b/situs/cari?q=membangun');
    assert.doesNotMatch(other.body, /Puskesmas/);
  });

  test('RSS, Atom, the agenda calendar and the sitemaps are well-formed and say what the site has', async () => {
    const parser = new XMLParser({ ignoreAttributes: false });
    const rss = await get('/t/situs-a/situs/dinkes/rss.xml');
    assert.equal(rss.statusCode, 200);
    xmllint(rss.body);
    const items = [parser.parse(rss.body).rss.channel.item].flat();
    assert.ok(items.some((i: { title: string }) => i.title === 'Pembangunan Puskesmas Cibodas dimulai'));
    const atom = await get('/t/situs-a/situs/dinkes/atom.xml');
    xmllint(atom.body);
    assert.ok([parser.parse(atom.body).feed.entry].flat().length >= 4);
    const tagRss = await get('/t/situs-a/situs/dinkes/tag/imunisasi/rss.xml');
    xmllint(tagRss.body);
    assert.equal([parser.parse(tagRss.body).rss.channel.item].flat().length, 2);
    const categoryAtom = await get('/t/situs-a/situs/dinkes/kategori/kesehatan/atom.xml');
    xmllint(categoryAtom.body);
    assert.equal([parser.parse(categoryAtom.body).feed.entry].flat().length, 1);
    const sitemap = await get('/t/situs-a/situs/dinkes/sitemap.xml');
    xmllint(sitemap.body);
    const locs = [parser.parse(sitemap.body).urlset.url].flat().map((u: { loc: string }) => u.loc);
    assert.ok(locs.some((l: string) => l.endsWith('/situs/dinkes/profil/visi-misi')));
    const index = await get('/t/situs-a/situs/sitemap.xml');
    xmllint(index.body);
    assert.equal([parser.parse(index.body).sitemapindex.sitemap].flat().length, 3);
    const ics = await get('/t/situs-a/situs/dinkes/agenda.ics');
    assert.match(ics.body, /BEGIN:VCALENDAR[\s\S]*SUMMARY:Posyandu Akbar/);
  });

  test('a page is kept in the cache until its site is invalidated', async () => {
    const url = '/t/situs-a/situs/disdik/berita';
    assert.doesNotMatch((await get(url)).body, /Sekolah baru/);
    // Written without invalidating: the kept page still shows.
    await t.platform.inTenant(a.tenant.id, SYSTEM_ACTOR, async (scope) => {
      const site = await tx(scope)
        .selectFrom('websites_sites')
        .select('id')
        .where('tenant_id', '=', scope.tenantId)
        .where('slug', '=', 'disdik')
        .executeTakeFirstOrThrow();
      await tx(scope)
        .insertInto('websites_posts')
        .values({
          tenant_id: scope.tenantId,
          id: '00000000-0000-4000-8000-00000000beef',
          site_id: site.id,
          kind: 'news',
          slug: 'sekolah-baru',
          title: 'Sekolah baru',
          body: '<p>Sekolah baru</p>',
          body_text: 'Sekolah baru',
          menu_order: 0,
          head_revision: 1,
          review_state: 'approved',
          review_stage: 0,
          status: 'published',
          published_at: new Date(),
          published_revision: 1,
        })
        .execute();
    });
    assert.doesNotMatch((await get(url)).body, /Sekolah baru/);
    // A publication through the fixture invalidates the site, as the content API does.
    await seedPost(t, a.tenant.id, 'disdik', { kind: 'news', slug: 'lain', title: 'Berita lain' });
    const fresh = (await get(url)).body;
    assert.match(fresh, /Sekolah baru/);
    assert.match(fresh, /Berita lain/);
  });

  test('information UU 14/2008 excepts is never served: not at its address, in a list or a search', async () => {
    const tid = a.tenant.id;
    const id = await seedPost(t, tid, 'dinkes', {
      kind: 'document',
      slug: 'laporan-penyelidikan-wabah',
      title: 'Laporan penyelidikan wabah tertutup',
      details: { year: 2026, type: 'Laporan', mediaId: '00000000-0000-4000-8000-000000000002' },
    });
    await t.platform.inTenant(tid, SYSTEM_ACTOR, (scope) =>
      tx(scope).updateTable('websites_posts').set({ ppid: 'dikecualikan' }).where('id', '=', id).execute(),
    );
    assert.equal((await get('/t/situs-a/situs/dinkes/dokumen/laporan-penyelidikan-wabah')).statusCode, 404);
    assert.doesNotMatch((await get('/t/situs-a/situs/dinkes/dokumen')).body, /penyelidikan wabah/);
    assert.doesNotMatch(
      (await get('/t/situs-a/situs/dinkes/cari?q=penyelidikan')).body,
      /penyelidikan wabah/,
    );
  });

  test("another tenant's site, and a site that does not exist, are 404", async () => {
    for (const url of [
      '/t/situs-b/situs/dinkes/berita/pembangunan-puskesmas',
      '/t/situs-b/situs/dinkes/profil/visi-misi',
      '/t/situs-a/situs/tidak-ada',
      '/t/situs-a/situs/tidak-ada/rss.xml',
    ]) {
      assert.equal((await get(url)).statusCode, 404, url);
    }
    assert.equal(b.slug, 'situs-b');
  });
});
