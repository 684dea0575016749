/**
 * A site's citizen pages in Chromium: every kind of page passes axe-core (WCAG 2.1 A/AA) at phone
 * and desktop sizes, read with JavaScript on (axe needs it; the pages have no script of their
 * own), and prints without the menus and forms. Screenshots go to test-results/screenshots/.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { axeViolations, launchChromium, screenshots } from '../../../../test/support/browser.ts';
import { DB_KIND, startTest, type TestContext } from '../../../../test/support/harness.ts';
import app from '../index.ts';
import portalPages from './portal-pages.ts';
import { seedSiteSettings } from './public-fixtures.ts';
import { makeRegion } from './support.ts';

describe(`websites: the site pages in Chromium (${DB_KIND})`, () => {
  let t: TestContext;
  let browser: Browser;
  let base = '';
  let pages: readonly (readonly [string, string, unknown?])[] = [];

  before(async () => {
    t = await startTest({ modules: [app] });
    const region = await makeRegion(t, 'situs-axe');
    pages = await portalPages.setup({ t, tenant: region.tenant, admin: region.admin });
    await seedSiteSettings(t, region.tenant.id, 'utama', {
      tagline: 'Situs resmi pemerintah kota',
      menu: [{ label: 'Portal', href: 'https://example.go.id/' }],
      footer: {
        address: 'Jl. Pemuda 1',
        phone: '021 555 1234',
        social: [{ kind: 'x', url: 'https://x.com/kota' }],
      },
    });
    base = `${await t.app.listen({ host: '127.0.0.1', port: 0 })}/t/situs-axe`;
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await t?.close();
  });

  test('every page of the site passes axe at phone and desktop sizes', async () => {
    const context = await browser.newContext({ locale: 'id-ID' });
    const page = await context.newPage();
    for (const [name, path] of pages) {
      const res = await page.goto(`${base}${path}`);
      assert.equal(res?.status(), 200, `${name} ${path}`);
      await page.setViewportSize({ width: 1280, height: 800 });
      assert.deepEqual(await axeViolations(page), [], `axe on ${name} (desktop)`);
      await page.setViewportSize({ width: 390, height: 844 });
      assert.deepEqual(await axeViolations(page), [], `axe on ${name} (phone)`);
    }
    await page.goto(`${base}/situs/utama/berita/berita-contoh`);
    await screenshots(page, 'websites-news');
    await context.close();
  });

  test('in print the menus, search and feeds are hidden, the article stays', async () => {
    const context = await browser.newContext({ locale: 'id-ID' });
    const page = await context.newPage();
    await page.goto(`${base}/situs/utama/berita/berita-contoh`);
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.locator('form.site-search').isVisible(), false);
    assert.equal(await page.locator('header.top').isVisible(), false);
    assert.equal(await page.locator('article h1').isVisible(), true);
    await context.close();
  });
});
