/**
 * WebGIS in the staff console, in Debian's Chromium: an administrator opens the app from the menu,
 * uploads a broken file (the refusal names the feature beside the file field), then a good one,
 * which is listed; the screen passes axe.
 */
import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
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
import { healthCentres } from './fixtures.ts';

describe(`WebGIS in the console (${DB_KIND})`, () => {
  let t: TestContext;
  let browser: Browser;
  let origin: string;
  let adminEmail: string;
  const good = path.join(os.tmpdir(), `puskesmas-${process.pid}.geojson`);
  const broken = path.join(os.tmpdir(), `rusak-${process.pid}.geojson`);

  before(async () => {
    t = await startTest({ modules: [app] });
    const tenant = await makeTenant(t.platform, 'kota-uji');
    await makeLive(t.platform, tenant.id, 'maps');
    adminEmail = (await makeStaff(t.platform, tenant.id, ['tenant_admin'])).email;
    origin = await t.app.listen({ host: '127.0.0.1', port: 0 });
    await writeFile(good, JSON.stringify(healthCentres(6)));
    const bad = healthCentres(3);
    (bad.features[1]!.geometry as { coordinates: unknown }).coordinates = [106.6];
    await writeFile(broken, JSON.stringify(bad));
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await t.close();
  });

  test('an administrator uploads a layer; a broken file is refused naming its feature; the screen passes axe', async () => {
    const page = await browser.newPage({ locale: 'id-ID' });
    page.setDefaultTimeout(15_000);
    await page.goto(`${origin}/t/kota-uji/konsol/maps`);
    await page.getByLabel('Email atau nomor ponsel').fill(adminEmail);
    await page.getByLabel('Kata sandi').fill(PASSWORD);
    await page.getByRole('button', { name: 'Masuk' }).click();
    await page.getByRole('heading', { name: 'Lapisan peta' }).waitFor();
    await page.getByLabel('Judul').first().fill('Puskesmas Kota Uji');
    await page.getByLabel('Berkas (GeoJSON)').setInputFiles(broken);
    await page.getByRole('button', { name: 'Unggah' }).click();
    await page.locator('#maps-layer-file[aria-invalid="true"]').waitFor();
    const describedBy = (await page.locator('#maps-layer-file').getAttribute('aria-describedby')) ?? '';
    const said = await Promise.all(
      describedBy
        .split(' ')
        .filter(Boolean)
        .map((id) => page.locator(`#${id}`).textContent()),
    );
    assert.match(said.join(' '), /Fitur ke-2 memiliki koordinat/);
    await page.getByLabel('Berkas (GeoJSON)').setInputFiles(good);
    await page.getByRole('button', { name: 'Unggah' }).click();
    await page.locator('#maps-layers').getByText('Puskesmas Kota Uji').waitFor();
    assert.ok(await page.locator('#maps-layers').getByText('puskesmas-kota-uji').isVisible());
    // Colour by a property, with the legend's labels.
    await page.getByText('Ubah Puskesmas Kota Uji').click();
    const edit = page.getByRole('form', { name: 'Ubah Puskesmas Kota Uji' });
    await edit.getByLabel('Atribut').selectOption('jenis');
    await edit.getByRole('button', { name: 'Tambah nilai' }).click();
    await edit.getByLabel('Nilai').fill('Pustu');
    await edit.getByLabel('Label (Indonesia)').fill('Puskesmas pembantu');
    await edit.getByRole('button', { name: 'Simpan' }).click();
    await edit.getByText('Lapisan tersimpan.').waitFor();
    const layers = await page.evaluate(async () => (await fetch('/t/kota-uji/api/v1/maps/layers')).json());
    assert.deepEqual(layers.layers[0].style.by.values[0].label, {
      id: 'Puskesmas pembantu',
      en: 'Puskesmas pembantu',
    });
    assert.deepEqual(await axeViolations(page), []);
    await screenshots(page, 'maps-console');
    await page.close();
  });
});
