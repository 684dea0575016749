/**
 * Writing, review and publication in Chromium, on the content API: a contributor writes a news
 * item with an image (refused without its alternative text, beside the field) and submits it, and
 * finds no publish button; the site's editor returns it with a note; the contributor changes it and
 * submits again; the editor approves; the tenant's publisher publishes it; the revisions show the
 * change as inserted and deleted words, and restoring the first makes a new revision. axe-core
 * finds no WCAG 2.1 A/AA violation on the editor, the review and the revisions. Each person has a
 * browser context of their own for the way to publication; what was stored is read back through
 * the API.
 *
 * Needs the built console: `npm run build` first.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import sharp from 'sharp';
import { axeViolations, screenshots } from '../../../../test/support/browser.ts';
import { DB_KIND, type Json } from '../../../../test/support/harness.ts';
import { SLUG, startWebsitesConsole } from './console-setup.ts';

const TITLE = 'Imunisasi anak di puskesmas';
const ALT = 'Petugas memberi imunisasi kepada balita';
const NOTE = 'Tambahkan jam layanan.';
const HOURS = 'Pukul 08.00 sampai 12.00.';

/** The images of a stored body, with their source and alternative text. */
function imagesOf(html: string): Array<{ src: string; alt: string }> {
  return [...html.matchAll(/<img\b[^>]*>/g)].map(([tag]) => ({
    src: /\ssrc="([^"]*)"/.exec(tag)?.[1] ?? '',
    alt: /\salt="([^"]*)"/.exec(tag)?.[1] ?? '',
  }));
}

describe(`staff console: the editor, review and publication in Chromium (${DB_KIND})`, () => {
  let c: Awaited<ReturnType<typeof startWebsitesConsole>>;
  // One context per person: the contributor, the site's editor and the tenant's publisher.
  let writerContext: BrowserContext;
  let editorContext: BrowserContext;
  let publisherContext: BrowserContext;
  let writer: Page;
  let editor: Page;
  let postPath = '';
  let postId = '';
  before(async () => {
    c = await startWebsitesConsole();
    writerContext = await c.browser.newContext({ locale: 'id-ID' });
    editorContext = await c.browser.newContext({ locale: 'id-ID' });
    publisherContext = await c.browser.newContext({ locale: 'id-ID' });
  });
  after(async () => {
    await c?.browser.close();
    await c?.t.close();
  });

  test('the editor: a keyboard toolbar, alt text required beside its field, only safe embeds', async () => {
    const context = await c.browser.newContext({ locale: 'id-ID' });
    const page = await c.signIn(context, c.writer.email, '/konsol/websites/dinkes/tulis/agenda');
    await page.getByRole('heading', { name: 'Agenda baru' }).waitFor();
    await page.getByLabel('Mulai').waitFor();
    const toolbar = page.getByRole('toolbar', { name: 'Format isi' });
    assert.equal(await toolbar.locator('button[tabindex="0"]').count(), 1, 'one tab stop');
    await toolbar.getByRole('button', { name: 'Paragraf' }).focus();
    await page.keyboard.press('End');
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Ulangi');
    await page.keyboard.press('ArrowLeft');
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Urungkan');
    await page.locator('#post-body').click();
    await page.keyboard.type('Posyandu keliling');
    await toolbar.getByRole('button', { name: 'Tebal' }).click();
    assert.equal(await toolbar.getByRole('button', { name: 'Tebal' }).getAttribute('aria-pressed'), 'true');
    await toolbar.getByRole('button', { name: 'Gambar' }).click();
    await page.getByRole('button', { name: 'Unggah dan sisipkan' }).click();
    assert.equal(await page.locator('#body-image-file-error').textContent(), 'Pilih berkas gambar.');
    assert.equal(await page.locator('#body-image-alt-error').textContent(), 'Teks alternatif wajib diisi.');
    assert.equal(await page.getByLabel('Teks alternatif').getAttribute('aria-invalid'), 'true');
    await page.getByRole('button', { name: 'Batal' }).click();
    await toolbar.getByRole('button', { name: 'Sematkan video/peta' }).click();
    await page.getByLabel('Alamat YouTube atau Google Maps').fill('https://evil.example/embed/x');
    await page.getByLabel('Judul sematan').fill('Video');
    await page.getByRole('button', { name: 'Sematkan', exact: true }).click();
    assert.equal(
      await page.locator('#embed-url-error').textContent(),
      'Hanya video YouTube dan peta Google Maps yang dapat disematkan.',
    );
    await page.getByLabel('Alamat YouTube atau Google Maps').fill('https://youtu.be/dQw4w9WgXcQ');
    await page.getByRole('button', { name: 'Sematkan', exact: true }).click();
    await page.locator('#post-body .embed-box').waitFor();
    assert.match(
      (await page.locator('#post-body .embed-box').textContent()) ?? '',
      /youtube-nocookie\.com\/embed\/dQw4w9WgXcQ/,
    );
    assert.deepEqual(await axeViolations(page), [], 'axe on a new agenda item in the editor');
    await screenshots(page, 'console-websites-editor-agenda');
    await context.close();
  });

  test('a contributor writes a news item with an image (alt text required) and submits it', async () => {
    writer = await c.signIn(writerContext, c.writer.email, '/konsol/websites/dinkes');
    await writer.getByRole('link', { name: 'Tulis Berita' }).click();
    await writer.getByRole('heading', { name: 'Berita baru' }).waitFor();
    await writer.getByLabel('Judul', { exact: true }).fill(TITLE);
    await writer.getByLabel('Ringkasan').fill('Jadwal imunisasi dasar bulan ini.');
    const body = writer.locator('#post-body');
    await body.click();
    await writer.keyboard.type('Puskesmas membuka layanan imunisasi dasar setiap Senin.');
    // The toolbar is one tab stop; the arrow keys move along it.
    const toolbar = writer.getByRole('toolbar', { name: 'Format isi' });
    await toolbar.getByRole('button', { name: 'Paragraf' }).focus();
    await writer.keyboard.press('ArrowRight');
    assert.equal(await writer.evaluate(() => document.activeElement?.textContent), 'Judul bagian');

    await toolbar.getByRole('button', { name: 'Gambar' }).click();
    const png = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#0b5cad' } })
      .png()
      .toBuffer();
    await writer
      .getByLabel('Berkas gambar')
      .setInputFiles({ name: 'imunisasi.png', mimeType: 'image/png', buffer: png });
    await writer.getByRole('button', { name: 'Unggah dan sisipkan' }).click();
    const altError = writer.locator('#body-image-alt-error');
    await altError.waitFor();
    assert.equal(await altError.textContent(), 'Teks alternatif wajib diisi.');
    const altField = writer.getByLabel('Teks alternatif');
    assert.equal(await altField.getAttribute('aria-invalid'), 'true');
    assert.equal(await altField.getAttribute('aria-describedby'), 'body-image-alt-hint body-image-alt-error');
    assert.equal(await writer.locator('#body-image-file-error').count(), 0, 'the file was chosen');
    assert.equal((await c.api('GET', '/sites/dinkes/media', c.admin)).body.items.length, 0, 'nothing sent');
    await altField.fill(ALT);
    await writer.getByRole('button', { name: 'Unggah dan sisipkan' }).click();
    const image = body.locator(`img[alt="${ALT}"]`);
    await image.waitFor();
    // The author sees the picture itself, not a broken image: decode() refuses one that did not load.
    await image.evaluate((img: HTMLImageElement) => img.decode());
    assert.equal(await image.evaluate((img: HTMLImageElement) => img.naturalWidth), 64);
    assert.equal(await writer.getByRole('group', { name: 'Unggah gambar' }).count(), 0, 'the panel closed');

    await writer.getByRole('button', { name: 'Simpan revisi' }).click();
    await writer.getByText('Revisi 1 disimpan.').waitFor();
    await writer.getByRole('heading', { name: `Sunting: ${TITLE}` }).waitFor();
    postPath = new URL(writer.url()).pathname.replace(`/t/${SLUG}`, '');
    assert.match(postPath, /^\/konsol\/websites\/dinkes\/konten\/[0-9a-f-]{36}$/);
    postId = postPath.split('/').pop()!;
    assert.equal(
      await writer.locator('#post-state').textContent(),
      'Status: Draf · Belum diajukan · revisi 1',
    );
    assert.deepEqual(await axeViolations(writer), [], 'axe on the editor');
    await screenshots(writer, 'console-websites-editor');

    await writer.getByRole('button', { name: 'Ajukan untuk ditinjau' }).click();
    await writer.getByText('Diajukan untuk ditinjau.').waitFor();
    await writer.locator('#post-state').getByText('Status: Draf · Sedang ditinjau · revisi 1').waitFor();
    assert.equal(await writer.getByRole('button', { name: 'Ajukan untuk ditinjau' }).count(), 0);
    assert.equal(
      await writer.getByRole('button', { name: 'Terbitkan sekarang' }).count(),
      0,
      'a contributor cannot publish',
    );
    assert.equal(await writer.getByRole('button', { name: 'Setujui' }).count(), 0, 'nor review');

    // Stored: one image with its alternative text, placed in the body at the address it is served at.
    const media = (await c.api('GET', '/sites/dinkes/media', c.admin)).body.items as Json[];
    assert.equal(media.length, 1);
    assert.equal(media[0]!.kind, 'image');
    assert.equal(media[0]!.fileName, 'imunisasi.png');
    assert.equal(media[0]!.alt, ALT);
    assert.equal(media[0]!.width, 64);
    const post = (await c.api('GET', `/sites/dinkes/posts/${postId}`, c.admin)).body;
    assert.equal(post.headRevision, 1);
    assert.equal(post.reviewState, 'in_review');
    assert.equal(post.status, 'draft');
    assert.equal(post.head.title, TITLE);
    assert.deepEqual(imagesOf(post.head.body), [{ src: media[0]!.url, alt: ALT }]);
  });

  test("the site's editor returns it with a note; the contributor changes it and submits again", async () => {
    assert.ok(postId, 'the news item was written');
    editor = await c.signIn(editorContext, c.editor.email, postPath);
    await editor.getByRole('heading', { name: `Sunting: ${TITLE}` }).waitFor();
    await editor.locator('#post-state').getByText('Sedang ditinjau · revisi 1').waitFor();
    // Returning without a note is refused beside the note's field.
    await editor.getByRole('button', { name: 'Kembalikan ke penulis' }).click();
    await editor.locator('#review-note-error').waitFor();
    assert.equal(await editor.locator('#review-note-error').textContent(), 'Tulis catatan untuk penulis.');
    const noteField = editor.getByLabel('Catatan tinjauan');
    assert.equal(await noteField.getAttribute('aria-invalid'), 'true');
    assert.deepEqual(await axeViolations(editor), [], 'axe on the editor as a reviewer');
    assert.equal((await c.api('GET', `/sites/dinkes/posts/${postId}`, c.admin)).body.reviews.length, 0);

    await noteField.fill(NOTE);
    await editor.getByRole('button', { name: 'Kembalikan ke penulis' }).click();
    await editor.getByText('Dikembalikan ke penulis.').waitFor();
    await editor.locator('#post-state').getByText('Status: Draf · Belum diajukan · revisi 1').waitFor();
    assert.equal(await editor.getByRole('button', { name: 'Setujui' }).count(), 0, 'nothing left to review');
    const line = editor.locator('#post-reviews li');
    assert.match((await line.textContent()) ?? '', /^Revisi 1, tahap 1: dikembalikan oleh Redaktur Dinkes, /);
    assert.equal(await line.locator('blockquote').textContent(), NOTE);
    const returned = (await c.api('GET', `/sites/dinkes/posts/${postId}`, c.admin)).body;
    assert.equal(returned.reviewState, 'draft');
    assert.deepEqual(
      returned.reviews.map((r: Json) => [r.revision, r.stage, r.decision, r.note, r.reviewer]),
      [[1, 1, 'return', NOTE, 'Redaktur Dinkes']],
    );

    // The contributor finds the note where they left the item, changes the body and submits again.
    await writer.reload();
    await writer.locator('#post-reviews').getByText(NOTE).waitFor();
    await writer.locator('#post-state').getByText('Status: Draf · Belum diajukan · revisi 1').waitFor();
    assert.equal(await writer.getByText('Diajukan untuk ditinjau.').count(), 0, 'the old notice is gone');
    const body = writer.locator('#post-body');
    await body.getByText('Puskesmas membuka layanan').click();
    await writer.keyboard.press('End');
    await writer.keyboard.type(` ${HOURS}`);
    await writer.getByLabel('Catatan revisi (opsional)').fill('Jam layanan');
    // Unsaved changes are not what would be submitted: the button waits for the save.
    assert.equal(await writer.getByRole('button', { name: 'Ajukan untuk ditinjau' }).isDisabled(), true);
    await writer.getByRole('button', { name: 'Simpan revisi' }).click();
    await writer.getByText('Revisi 2 disimpan.').waitFor();
    await writer.locator('#post-state').getByText('revisi 2').waitFor();
    await writer.getByRole('button', { name: 'Ajukan untuk ditinjau' }).click();
    await writer.getByText('Diajukan untuk ditinjau.').waitFor();
    await writer.locator('#post-state').getByText('Status: Draf · Sedang ditinjau · revisi 2').waitFor();

    const resubmitted = (await c.api('GET', `/sites/dinkes/posts/${postId}`, c.admin)).body;
    assert.equal(resubmitted.headRevision, 2);
    assert.equal(resubmitted.reviewState, 'in_review');
    assert.equal(resubmitted.head.note, 'Jam layanan');
    assert.match(resubmitted.head.body, /setiap Senin\. Pukul 08\.00 sampai 12\.00\./);
    assert.deepEqual(
      imagesOf(resubmitted.head.body).map((i) => i.alt),
      [ALT],
      'the image stays with its alt text',
    );
    const revisions = (await c.api('GET', `/sites/dinkes/posts/${postId}/revisions`, c.admin)).body;
    assert.deepEqual(
      revisions.items.map((r: Json) => [r.number, r.author, r.note]),
      [
        [2, 'Penulis Dinkes', 'Jam layanan'],
        [1, 'Penulis Dinkes', null],
      ],
    );
  });

  test('the editor approves; the publisher publishes; the revisions show the change and restore', async () => {
    assert.ok(postId, 'the news item was written');
    await editor.reload();
    await editor.locator('#post-state').getByText('Sedang ditinjau · revisi 2').waitFor();
    await editor.getByRole('button', { name: 'Setujui' }).click();
    await editor.getByText('Disetujui.').waitFor();
    await editor.locator('#post-state').getByText('Status: Draf · Disetujui · revisi 2').waitFor();
    const approved = (await c.api('GET', `/sites/dinkes/posts/${postId}`, c.admin)).body;
    assert.equal(approved.reviewState, 'approved');
    assert.deepEqual(
      approved.reviews.map((r: Json) => [r.revision, r.decision, r.reviewer]),
      [
        [1, 'return', 'Redaktur Dinkes'],
        [2, 'approve', 'Redaktur Dinkes'],
      ],
    );
    assert.equal(approved.status, 'draft', 'approval alone publishes nothing');

    const publisher = await c.signIn(publisherContext, c.adminEmail, postPath);
    await publisher.getByRole('heading', { name: `Sunting: ${TITLE}` }).waitFor();
    await publisher.getByRole('button', { name: 'Terbitkan sekarang' }).click();
    await publisher.getByText('Diterbitkan.').waitFor();
    await publisher.locator('#post-state').getByText('Status: Terbit · Disetujui · revisi 2').waitFor();
    assert.equal(await publisher.getByRole('button', { name: 'Terbitkan sekarang' }).count(), 0);
    const post = (await c.api('GET', `/sites/dinkes/posts/${postId}`, c.admin)).body;
    assert.equal(post.status, 'published');
    assert.equal(post.publishedRevision, 2);
    assert.equal(post.headRevision, 2);
    assert.equal(post.url, `/t/${SLUG}/situs/dinkes/berita/${post.head.slug}`);
    assert.equal(
      await publisher.getByRole('link', { name: 'Lihat di situs' }).getAttribute('href'),
      post.url,
    );
    const publicPage = async () => (await c.t.app.inject({ url: post.url })).body;
    const page = await publicPage();
    assert.match(page, /Pukul 08\.00 sampai 12\.00\./);
    assert.match(page, new RegExp(`<img[^>]* alt="${ALT}"`));

    await publisher.getByRole('link', { name: 'Riwayat revisi' }).click();
    await publisher.getByRole('heading', { name: `Riwayat revisi: ${TITLE}` }).waitFor();
    const row = (n: number) => publisher.locator(`#revisions tr[data-revision="${n}"]`);
    await row(2).waitFor();
    assert.match((await row(2).textContent()) ?? '', /^2Penulis Dinkes.*Jam layanan/);
    assert.equal(await publisher.locator('#revisions tbody tr').count(), 2);
    await publisher.getByRole('button', { name: 'Bandingkan' }).click();
    await publisher.getByRole('heading', { name: 'Perbedaan revisi 1 dan 2' }).waitFor();
    const diff = publisher.locator('#revision-diff [data-field="body"]');
    assert.equal(
      (await diff.locator('ins').allTextContents()).join('|'),
      'ditambah: Pukul 08.00 sampai 12.00.',
    );
    assert.equal(await diff.locator('del').count(), 0, 'nothing was deleted');
    assert.equal(await publisher.locator('#revision-diff [data-field="title"]').count(), 0);
    assert.deepEqual(await axeViolations(publisher), [], 'axe on the revisions');
    await screenshots(publisher, 'console-websites-revisions');

    await publisher.getByRole('button', { name: 'Pulihkan revisi 1' }).click();
    await publisher.getByText('Revisi 1 dipulihkan sebagai revisi baru.').waitFor();
    await row(3).waitFor();
    assert.equal(await publisher.locator('#revisions tbody tr').count(), 3);
    const restored = (await c.api('GET', `/sites/dinkes/posts/${postId}`, c.admin)).body;
    assert.equal(restored.headRevision, 3);
    assert.equal(restored.head.restoredFrom, 1);
    assert.doesNotMatch(restored.head.body, /08\.00/);
    assert.deepEqual(
      imagesOf(restored.head.body).map((i) => i.alt),
      [ALT],
    );
    // The restored revision is a draft to review again: the public copy is still revision 2.
    assert.equal(restored.reviewState, 'draft');
    assert.equal(restored.status, 'published');
    assert.equal(restored.publishedRevision, 2);
    assert.match(await publicPage(), /Pukul 08\.00 sampai 12\.00\./);
  });
});
