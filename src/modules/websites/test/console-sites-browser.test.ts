/**
 * The websites app's home and a site's settings in Chromium: the tenant administrator sees every
 * site and creates one for an agency (a refused address shown beside its field first); an agency's
 * editor sees only the agency's site and changes its tagline, footer, social links and menu (a
 * refused link beside its field, the menu ordered with buttons) and the API has them; a
 * contributor finds no settings. axe-core finds no WCAG 2.1 A/AA violation on these screens.
 * Needs the built console: `npm run build` first.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import sharp from 'sharp';
import { axeViolations, screenshots } from '../../../../test/support/browser.ts';
import { DB_KIND } from '../../../../test/support/harness.ts';
import { startWebsitesConsole } from './console-setup.ts';

describe(`staff console: websites and their settings in Chromium (${DB_KIND})`, () => {
  let c: Awaited<ReturnType<typeof startWebsitesConsole>>;
  before(async () => {
    c = await startWebsitesConsole();
  });
  after(async () => {
    await c?.browser.close();
    await c?.t.close();
  });

  test("the tenant administrator sees every site and creates an agency's site", async () => {
    const context = await c.browser.newContext({ locale: 'id-ID' });
    const page = await c.signIn(context, c.adminEmail, '/konsol/websites');
    await page.getByRole('heading', { name: 'Situs web', level: 1 }).waitFor();
    const list = page.getByRole('list', { name: 'Situs yang dapat Anda kelola' });
    await list.locator('[data-site="disdik"]').waitFor();
    assert.deepEqual(
      (
        await list.locator('li[data-site]').evaluateAll((els) => els.map((e) => e.getAttribute('data-site')))
      ).sort(),
      ['dinkes', 'disdik', 'utama'],
    );
    assert.deepEqual(await axeViolations(page), [], 'axe on the sites');
    await page.getByLabel('Perangkat daerah', { exact: true }).selectOption(c.bappeda.id);
    await page.getByLabel('Nama situs').fill('Badan Perencanaan');
    await page.getByLabel('Alamat singkat').fill('Bappeda Kota!');
    await page.getByRole('button', { name: 'Buat situs' }).click();
    const slugError = page.locator('#site-slug-error');
    await slugError.waitFor();
    assert.equal(await page.getByLabel('Alamat singkat').getAttribute('aria-invalid'), 'true');
    assert.equal(
      await page.getByLabel('Nama situs').inputValue(),
      'Badan Perencanaan',
      'what was typed is kept',
    );
    assert.equal((await c.api('GET', '/sites', c.admin)).body.items.length, 3, 'nothing created');
    await page.getByLabel('Alamat singkat').fill('bappeda');
    await page.getByRole('button', { name: 'Buat situs' }).click();
    await page.getByText('Situs Badan Perencanaan dibuat.').waitFor();
    await list.locator('[data-site="bappeda"]').waitFor();
    await screenshots(page, 'console-websites-sites');
    await context.close();
  });

  test("an agency's editor changes its own site's footer, social links and menu", async () => {
    const context = await c.browser.newContext({ locale: 'id-ID' });
    const page = await c.signIn(context, c.editor.email, '/konsol/websites');
    const list = page.getByRole('list', { name: 'Situs yang dapat Anda kelola' });
    await list.locator('[data-site="dinkes"]').waitFor();
    assert.equal(await list.locator('li[data-site]').count(), 1, "another agency's site is not listed");
    await list.getByRole('link', { name: 'Dinas Kesehatan' }).click();
    await page.getByRole('link', { name: 'Pengaturan situs' }).click();
    await page.getByRole('heading', { name: 'Pengaturan Dinas Kesehatan' }).waitFor();
    await page.getByLabel('Slogan').fill('Sehat bersama');
    await page.getByLabel('Telepon').fill('021-5512345');
    await page.getByRole('button', { name: 'Tambah media sosial' }).click();
    await page.getByLabel('Media sosial 1', { exact: true }).selectOption('instagram');
    await page.getByLabel('Alamat media sosial 1').fill('bukan alamat');
    for (const [i, label, href] of [
      [0, 'Profil', '/profil'],
      [1, 'Berita', '/berita'],
    ] as const) {
      await page.getByRole('button', { name: 'Tambah menu' }).click();
      await page.getByLabel(`Label menu ${i + 1}`).fill(label);
      await page.getByLabel(`Tautan menu ${i + 1}`).fill(href);
    }
    await page.getByRole('button', { name: 'Naikkan menu 2' }).click();
    assert.equal(await page.getByLabel('Label menu 1').inputValue(), 'Berita');
    await page.getByRole('button', { name: 'Simpan pengaturan' }).click();
    await page.locator('#social-url-0-error').waitFor();
    assert.equal(await page.getByLabel('Alamat media sosial 1').getAttribute('aria-invalid'), 'true');
    assert.equal((await c.api('GET', '/sites/dinkes', c.admin)).body.tagline, null, 'nothing saved');
    assert.deepEqual(await axeViolations(page), [], 'axe on the settings with a refusal');
    await page.getByLabel('Alamat media sosial 1').fill('https://instagram.com/dinkes');
    await page.getByRole('button', { name: 'Simpan pengaturan' }).click();
    await page.getByText('Pengaturan situs disimpan.').waitFor();
    const site = (await c.api('GET', '/sites/dinkes', c.admin)).body;
    assert.equal(site.tagline, 'Sehat bersama');
    assert.equal(site.footer.phone, '021-5512345');
    assert.deepEqual(site.footer.social, [{ kind: 'instagram', url: 'https://instagram.com/dinkes' }]);
    assert.deepEqual(
      site.menu.map((m: { label: string }) => m.label),
      ['Berita', 'Profil'],
    );

    // The logo: an image uploaded to the site's media with its alternative text.
    await page.getByRole('button', { name: 'Unggah logo' }).click();
    const png = await sharp({ create: { width: 400, height: 400, channels: 3, background: '#2a6' } })
      .png()
      .toBuffer();
    await page
      .getByLabel('Berkas gambar')
      .setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: png });
    await page.getByRole('button', { name: 'Unggah dan sisipkan' }).click();
    await page.locator('#site-logo-upload-alt-error').waitFor();
    await page.getByLabel('Teks alternatif').fill('Logo Dinas Kesehatan');
    await page.getByRole('button', { name: 'Unggah dan sisipkan' }).click();
    await page.getByText('Logo disimpan.').waitFor();
    await page.waitForFunction(() => {
      const img = document.querySelector<HTMLImageElement>('.site-logo img');
      return img?.complete && img.naturalWidth > 0;
    });
    assert.equal(
      await page.locator('.site-logo img').evaluate((i) => (i as HTMLImageElement).naturalWidth),
      320,
    );
    assert.match((await c.api('GET', '/sites/dinkes', c.admin)).body.logoUrl, /\/situs\/dinkes\/logo$/);
    await screenshots(page, 'console-websites-settings');
    await context.close();
  });

  test('a contributor finds no settings, and the write links of every kind', async () => {
    const context = await c.browser.newContext({ locale: 'id-ID' });
    const page = await c.signIn(context, c.writer.email, '/konsol/websites/dinkes');
    await page.getByRole('heading', { name: 'Dinas Kesehatan', level: 1 }).waitFor();
    await page.getByRole('link', { name: 'Tulis Berita' }).waitFor();
    assert.equal(await page.getByRole('link', { name: 'Pengaturan situs' }).count(), 0);
    assert.deepEqual(await axeViolations(page), [], "axe on a site's content");
    await context.close();
  });
});
