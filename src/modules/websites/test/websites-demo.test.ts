/**
 * The demo's websites: Kota Tangerang's own site and Dinas PUPR's, with real-looking content that
 * a citizen reads and an editor finds waiting: pictures with their variants, a regulation to
 * download (a PDF that poppler reads), an agenda, a gallery, the PPID's classes, feeds; written
 * once.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import {
  bearerFor,
  DB_KIND,
  type Json,
  startTest,
  type TestContext,
} from '../../../../test/support/harness.ts';
import { DEMO_PASSWORD, seedDemo } from '../../../platform/sdk/testing.ts';
import app from '../index.ts';

describe(`websites demo data (${DB_KIND})`, () => {
  let t: TestContext;
  const site = (slug: string) => `/t/kota-tangerang/situs/${slug}`;
  before(async () => {
    t = await startTest({ modules: [app] });
    assert.equal(await seedDemo(t.platform), true);
  });
  after(() => t?.close());

  test("the city's site: news with pictures, a menu, announcements, the agenda and a regulation", async () => {
    const home = await t.app.inject(site('utama'));
    assert.equal(home.statusCode, 200);
    assert.match(home.body, /Raih Predikat Kepatuhan Tinggi/);
    assert.match(home.body, /Situs resmi Pemerintah Kota Tangerang/);
    assert.match(
      home.body,
      /href="\/t\/kota-tangerang\/situs\/utama\/profil\/visi-misi"/,
      'a nested page in the menu',
    );
    assert.match(home.body, /humas@/, 'the footer');
    assert.doesNotMatch(home.body, /Rencana Penataan Trotoar/, 'the draft is not public');

    const news = await t.app.inject(`${site('utama')}/berita/ombudsman`);
    assert.equal(news.statusCode, 200);
    const srcset = /srcset="([^"]+)"/i.exec(news.body)?.[1] ?? '';
    const urls = srcset.split(', ').map((s) => s.split(' ')[0]!);
    assert.equal(urls.length, 4, srcset); // 320–1280: the pictures are 1600 wide
    for (const url of urls) assert.equal((await t.app.inject(url)).headers['content-type'], 'image/webp');

    const agenda = await t.app.inject(`${site('utama')}/agenda`);
    assert.match(agenda.body, /Upacara Peringatan Hari Jadi/);
    const ics = await t.app.inject(`${site('utama')}/agenda/hari-jadi/kalender.ics`);
    assert.match(ics.body, /BEGIN:VEVENT/);

    const doc = await t.app.inject(`${site('utama')}/dokumen/apbd`);
    assert.equal(doc.statusCode, 200);
    const href = /href="([^"]+\/media\/[^"]+)"[^>]*download/.exec(doc.body)?.[1];
    assert.ok(href, 'a download link');
    const pdf = await t.app.inject(href);
    assert.equal(pdf.headers['content-type'], 'application/pdf');
    const dir = mkdtempSync(path.join(tmpdir(), 'balai-demo-pdf-'));
    try {
      writeFileSync(path.join(dir, 'apbd.pdf'), pdf.rawPayload);
      const info = execFileSync('pdfinfo', [path.join(dir, 'apbd.pdf')], { encoding: 'utf8' });
      assert.match(info, /Pages:\s+1/);
      const text = execFileSync('pdftotext', [path.join(dir, 'apbd.pdf'), '-'], { encoding: 'utf8' });
      assert.match(text, /Anggaran Pendapatan dan Belanja Daerah/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }

    const rss = await t.app.inject(`${site('utama')}/rss.xml`);
    assert.equal(rss.statusCode, 200, rss.body);
    assert.ok((rss.body.match(/<item>/g) ?? []).length >= 5);
  });

  test("the agency's site: its service standard, a gallery, its PPID's classes", async () => {
    const sites = (await t.app.inject('/t/kota-tangerang/api/v1/websites/sites')).json().items as Json[];
    const agency = sites.find((s) => s.agencyId !== null)!;
    assert.ok(agency, 'an agency site');
    const root = site(agency.slug);
    const standard = await t.app.inject(`${root}/standar`);
    assert.equal(standard.statusCode, 200);
    assert.match(standard.body, /<table>/);
    const gallery = await t.app.inject(`${root}/galeri/galeri`);
    assert.equal(gallery.statusCode, 200);
    assert.equal((gallery.body.match(/<img /g) ?? []).length >= 3, true);
    const ppid = (await t.app.inject(`/t/kota-tangerang/api/v1/websites/sites/${agency.slug}/ppid`)).json();
    const berkala = ppid.classes.find((c: Json) => c.class === 'berkala').posts as Json[];
    assert.ok(berkala.length >= 2);
    for (const p of berkala) assert.equal((await t.app.inject(p.url)).statusCode, 200, p.url);
  });

  test('an editor finds a draft waiting for review; a second seed writes nothing', async () => {
    const admin = await bearerFor(t.app, 'kota-tangerang', 'admin@tangerang.balai.test', DEMO_PASSWORD);
    const waiting = await t.app.inject({
      url: '/t/kota-tangerang/api/v1/websites/sites/utama/posts?review=in_review',
      headers: admin,
    });
    assert.equal(waiting.statusCode, 200, waiting.body);
    assert.deepEqual(
      (waiting.json().items as Json[]).map((p) => p.title),
      ['Rencana Penataan Trotoar Ramah Pejalan Kaki'],
    );
    const count = async () =>
      (
        await t.app.inject({
          url: '/t/kota-tangerang/api/v1/websites/sites/utama/posts?limit=100',
          headers: admin,
        })
      ).json().items.length;
    const before = await count();
    await seedDemo(t.platform);
    assert.equal(await count(), before);
  });
});
