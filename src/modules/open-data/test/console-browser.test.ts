/**
 * Satu Data in the staff console, in Debian's Chromium: an administrator opens the app from the
 * menu, adds an item (a refused one shows its error beside the field), and the screen passes axe.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { axeViolations, launchChromium, screenshots } from '../../../../test/support/browser.ts';
import {
  DB_KIND,
  makeLive,
  makeStaff,
  makeTenant,
  PASSWORD,
  startTest,
  type TestContext,
} from '../../../../test/support/harness.ts';
import app from '../index.ts';

describe(`Satu Data in the console (${DB_KIND})`, () => {
  let t: TestContext;
  let browser: Browser;
  let origin: string;
  let adminEmail: string;

  before(async () => {
    t = await startTest({ modules: [app] });
    const tenant = await makeTenant(t.platform, 'kota-uji');
    await makeLive(t.platform, tenant.id, 'open-data');
    adminEmail = (await makeStaff(t.platform, tenant.id, ['tenant_admin'])).email;
    origin = await t.app.listen({ host: '127.0.0.1', port: 0 });
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await t.close();
  });

  test('an administrator adds an item from the app’s screen; the screen passes axe', async () => {
    const page = await browser.newPage({ locale: 'id-ID' });
    await page.goto(`${origin}/t/kota-uji/konsol/open-data`);
    await page.getByLabel('Email atau nomor ponsel').fill(adminEmail);
    await page.getByLabel('Kata sandi').fill(PASSWORD);
    await page.getByRole('button', { name: 'Masuk' }).click();
    await page.getByRole('link', { name: 'Satu Data' }).waitFor();
    await page.getByRole('button', { name: 'Simpan' }).click();
    await page.locator('#open-data-item-title[aria-invalid="true"]').waitFor();
    await page.getByLabel('Judul').fill('Kerja bakti Minggu');
    await page.getByRole('button', { name: 'Simpan' }).click();
    await page.locator('#open-data-items').getByText('Kerja bakti Minggu').waitFor();
    assert.deepEqual(await axeViolations(page), []);
    await screenshots(page, 'open-data-console');
    await page.close();
  });
});
