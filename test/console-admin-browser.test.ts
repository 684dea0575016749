/**
 * The tenant administrators' screens of the staff console in a real browser (Debian's Chromium
 * through playwright-core). A tenant administrator signs in through the console and, section by
 * section, creates and moves agencies, creates a staff member and grants a role at an agency, adds
 * a report category handled by that agency, changes the deadlines, adds a local holiday, changes
 * the branding colour — and finds every change in the audit trail. Refused input (a duplicate
 * agency code, an invalid colour, a zero deadline) shows its error beside the field, keeps what
 * was typed and changes nothing. A staff member without admin permissions sees no settings menu
 * and gets a clear message; a tenant without the reports app is told so. axe-core finds no WCAG
 * 2.1 A/AA violation on any section; screenshots at phone and desktop sizes go to
 * test-results/screenshots/.
 *
 * Needs the built console: `npm run build` first.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { reportsApp } from '../src/modules/reports/index.ts';
import { putCategory } from '../src/modules/reports/services/settings.ts';
import { SYSTEM_ACTOR } from '../src/platform/db/tenant-scope.ts';
import { WEB_DIST } from '../src/web/paths.ts';
import { axeViolations, launchChromium, screenshots } from './support/browser.ts';
import {
  DB_KIND,
  type Json,
  makeLive,
  makeStaff,
  makeTenant,
  PASSWORD,
  startTest,
  type TestContext,
  tinyPdf,
} from './support/harness.ts';

const SLUG = 'kota-atur';
const SECTIONS = [
  'setup',
  'agencies',
  'staff',
  'categories',
  'holidays',
  'branding',
  'apps',
  'audit',
] as const;

describe(`staff console: tenant administration in Chromium (${DB_KIND})`, () => {
  let t: TestContext;
  let browser: Browser;
  let admin: BrowserContext;
  let page: Page;
  let origin = '';
  let adminEmail = '';
  let operatorEmail = '';
  let bareAdminEmail = '';
  const year = Number(
    new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta', year: 'numeric' }).format(new Date()),
  );
  const holiday = `${year}-08-28`;

  before(async () => {
    const built = path.join(WEB_DIST, 'console', 'index.html');
    if (!existsSync(built)) {
      throw new Error(
        `The console is not built (${built} is missing): run \`npm run build\` before this suite.`,
      );
    }
    t = await startTest({ modules: [reportsApp] });
    const tenant = await makeTenant(t.platform, SLUG);
    await makeLive(t.platform, tenant.id, 'reports');
    await t.platform.inTenant(tenant.id, SYSTEM_ACTOR, (scope) =>
      putCategory(scope, 'jalan', { name: { id: 'Jalan rusak', en: 'Damaged roads' } }),
    );
    adminEmail = (await makeStaff(t.platform, tenant.id, ['tenant_admin'], 'admin@kota-atur.go.id')).email;
    operatorEmail = (await makeStaff(t.platform, tenant.id, ['operator'], 'operator@kota-atur.go.id')).email;
    const bare = await makeTenant(t.platform, 'kota-polos');
    bareAdminEmail = (await makeStaff(t.platform, bare.id, ['tenant_admin'], 'admin@kota-polos.go.id')).email;
    origin = await t.app.listen({ host: '127.0.0.1', port: 0 });
    browser = await launchChromium();
    // The console's CSP allows no inline script: axe-core is injected with the CSP bypassed.
    admin = await browser.newContext({ locale: 'id-ID' });
    page = await admin.newPage();
  });
  after(async () => {
    await browser?.close();
    await t?.close();
  });

  async function signIn(p: Page, slug: string, email: string, at: string) {
    await p.goto(`${origin}/t/${slug}/konsol${at}`);
    await p.getByLabel('Email atau nomor ponsel').fill(email);
    await p.getByLabel('Kata sandi').fill(PASSWORD);
    await p.getByRole('button', { name: 'Masuk' }).click();
  }

  function section(name: string) {
    return page.getByRole('navigation', { name: 'Bagian pengaturan' }).getByRole('link', { name });
  }

  async function open(name: string) {
    await section(name).click();
    await page.getByRole('heading', { level: 1, name }).waitFor();
  }

  async function api(pathname: string): Promise<Json> {
    const res = await page.request.get(`${origin}/t/${SLUG}/api/v1${pathname}`);
    assert.equal(res.status(), 200, pathname);
    return (await res.json()) as Json;
  }

  /** The value of the option of a select whose text contains `text`. */
  async function optionValue(select: string, text: string): Promise<string> {
    const value = await page.locator(`${select} option`, { hasText: text }).first().getAttribute('value');
    assert.ok(value, `an option "${text}" in ${select}`);
    return value;
  }

  test('a tenant administrator sets the region up through the console, and the audit trail shows it all', async () => {
    await signIn(page, SLUG, adminEmail, '/admin');
    // The settings open on the live apps' setup checklist: LAKSA has no agency yet.
    await page.getByRole('heading', { level: 1, name: 'Persiapan aplikasi' }).waitFor();
    assert.match(page.url(), /\/konsol\/admin$/);
    const agenciesItem = page.locator('section[data-app="reports"] li[data-item="agencies"]');
    assert.equal(await agenciesItem.getAttribute('data-done'), 'false');
    await agenciesItem.getByRole('link').click();
    await page.getByRole('heading', { level: 1, name: 'OPD' }).waitFor();

    // Agencies: create two, then rename one and move the other under it.
    await page.locator('#agency-code').fill('disperkim');
    assert.equal(await page.locator('#agency-code').inputValue(), 'DISPERKIM', 'codes are capitals');
    await page.locator('#agency-name').fill('Dinas Perumahan dan Permukiman');
    await page.locator('#agency-kind').selectOption('dinas');
    await page.getByRole('button', { name: 'Tambah OPD' }).click();
    await page.locator('tr[data-agency="DISPERKIM"]').waitFor();
    await page.getByRole('status').filter({ hasText: 'Dinas Perumahan dan Permukiman' }).waitFor();
    await page.locator('#agency-code').fill('UPTD-PJU');
    await page.locator('#agency-name').fill('UPTD Penerangan Jalan Umum');
    await page.locator('#agency-kind').selectOption('uptd');
    await page.getByRole('button', { name: 'Tambah OPD' }).click();
    await page.locator('tr[data-agency="UPTD-PJU"]').waitFor();

    await page.getByRole('button', { name: 'Ubah Dinas Perumahan dan Permukiman' }).click();
    await page.locator('#agency-DISPERKIM-name').fill('Dinas Perumahan, Kawasan Permukiman dan Pertanahan');
    await page
      .getByRole('form', { name: 'Ubah OPD DISPERKIM' })
      .getByRole('button', { name: 'Simpan' })
      .click();
    await page
      .locator('tr[data-agency="DISPERKIM"]')
      .getByText('Dinas Perumahan, Kawasan Permukiman dan Pertanahan')
      .waitFor();
    await page.getByRole('status').filter({ hasText: 'diubah' }).waitFor();
    await page.getByRole('button', { name: 'Ubah UPTD Penerangan Jalan Umum' }).click();
    const disperkim = await optionValue('#agency-UPTD-PJU-parent', 'DISPERKIM');
    await page.locator('#agency-UPTD-PJU-parent').selectOption(disperkim);
    await page
      .getByRole('form', { name: 'Ubah OPD UPTD-PJU' })
      .getByRole('button', { name: 'Simpan' })
      .click();
    await page.getByRole('status').filter({ hasText: 'Jalan Umum" diubah' }).waitFor();
    await page
      .locator('tr[data-agency="UPTD-PJU"] td[data-parent]', { hasText: 'Dinas Perumahan, Kawasan' })
      .waitFor();
    const agencies = (await api('/agencies')).items as Json[];
    assert.equal(agencies.find((a) => a.code === 'UPTD-PJU')?.parentId, disperkim);

    // A duplicate code: the error is beside the field, what was typed stays, nothing is added.
    await page.locator('#agency-code').fill('DISPERKIM');
    await page.locator('#agency-name').fill('Dinas Perumahan Kedua');
    await page.getByRole('button', { name: 'Tambah OPD' }).click();
    await page.locator('#agency-code-error').waitFor();
    assert.equal(await page.locator('#agency-code-error').textContent(), 'Sudah digunakan.');
    assert.equal(await page.locator('#agency-code').getAttribute('aria-invalid'), 'true');
    assert.match(
      (await page.locator('#agency-code').getAttribute('aria-describedby')) ?? '',
      /agency-code-error/,
    );
    assert.equal(await page.locator('#agency-code').inputValue(), 'DISPERKIM');
    assert.equal(await page.locator('#agency-name').inputValue(), 'Dinas Perumahan Kedua');
    assert.equal(((await api('/agencies')).items as Json[]).length, 2);
    assert.equal(await page.locator('tr[data-agency]').count(), 2);

    // Staff: create an account, find it, grant it a role at the new agency.
    await open('Petugas dan peran');
    await page.locator('#staff-name').fill('Siti Rahmawati');
    await page.locator('#staff-nip').fill('199001152015032002');
    await page.locator('#staff-email').fill('siti.rahmawati@kota-atur.go.id');
    await page.locator('#staff-password').fill('sandi-awal-siti-2026');
    await page.getByRole('button', { name: 'Tambah petugas' }).click();
    const siti = page.locator('li[data-user="siti.rahmawati@kota-atur.go.id"]');
    await siti.waitFor();
    assert.equal(await page.locator('#staff-name').inputValue(), '', 'the form is emptied after success');
    await page.locator('#staff-q').fill('rahma');
    await page.getByRole('button', { name: 'Cari', exact: true }).click();
    await page.waitForFunction(() => document.querySelectorAll('li[data-user]').length === 1);
    await siti.getByRole('button', { name: 'Beri peran kepada Siti Rahmawati' }).click();
    const grantForm = siti.getByRole('form', { name: 'Beri peran kepada Siti Rahmawati' });
    await grantForm.getByLabel('Peran').selectOption('officer');
    await grantForm.getByLabel('Berlaku di').selectOption(disperkim);
    await grantForm.getByRole('button', { name: 'Beri peran' }).click();
    await siti.getByText('Petugas OPD di Dinas Perumahan, Kawasan Permukiman dan Pertanahan').waitFor();
    // A second role in the whole region, then revoked: only the agency role stays.
    await siti.getByRole('button', { name: 'Beri peran kepada Siti Rahmawati' }).click();
    await grantForm.getByLabel('Peran').selectOption('viewer');
    await grantForm.getByRole('button', { name: 'Beri peran' }).click();
    await siti.getByText('Pemantau · Seluruh daerah').waitFor();
    await siti
      .getByRole('button', { name: 'Cabut peran Pemantau · Seluruh daerah dari Siti Rahmawati' })
      .click();
    await page.getByRole('status').filter({ hasText: 'Peran dicabut dari Siti Rahmawati.' }).waitFor();
    await siti.getByText('Pemantau · Seluruh daerah').waitFor({ state: 'detached' });
    const users = (await api('/users?kind=staff&q=rahma')).items as Json[];
    assert.deepEqual(
      users[0]?.grants.map((g: Json) => [g.role, g.agencyId]),
      [['officer', disperkim]],
    );

    // Categories: a new category handled by the new agency; the tenant's deadlines.
    await open('Kategori dan tenggat');
    await page.locator('tr[data-category="jalan"]').waitFor();
    await page.locator('#category-code').fill('saluran-air');
    await page.locator('#category-name-id').fill('Saluran air tersumbat');
    await page.locator('#category-name-en').fill('Blocked drains');
    await page.locator('#category-agency').selectOption(disperkim);
    await page.locator('#category-follow-up').fill('7');
    await page.getByRole('button', { name: 'Tambah kategori' }).click();
    const row = page.locator('tr[data-category="saluran-air"]');
    await row.waitFor();
    assert.ok(await row.getByText('Dinas Perumahan, Kawasan Permukiman dan Pertanahan').isVisible());
    const categories = (await api('/reports/categories')) as unknown as Json[];
    const drains = categories.find((c) => c.code === 'saluran-air');
    assert.equal(drains?.agencyId, disperkim);
    assert.equal(drains?.followUpDays, 7);

    await page.locator('#settings-standard').fill('0');
    await page
      .getByRole('form', { name: 'Tenggat dan duplikat' })
      .getByRole('button', { name: 'Simpan' })
      .click();
    await page.locator('#settings-standard-error').waitFor();
    assert.equal(await page.locator('#settings-standard').inputValue(), '0');
    assert.equal((await api('/reports/settings')).deadlines.followUpDays.standard, 5, 'nothing changed');
    await page.locator('#settings-standard').fill('6');
    await page
      .getByRole('form', { name: 'Tenggat dan duplikat' })
      .getByRole('button', { name: 'Simpan' })
      .click();
    await page.getByRole('status').filter({ hasText: 'Tenggat disimpan.' }).waitFor();
    assert.equal((await api('/reports/settings')).deadlines.followUpDays.standard, 6);

    // Holidays: national ones are listed read-only; a local one is added.
    await open('Hari libur');
    await page.locator('tr[data-kind]').first().waitFor();
    if (year >= 2025 && year <= 2027) {
      assert.ok((await page.locator('tr[data-kind="national"]').count()) > 10, 'national holidays listed');
      assert.equal(
        await page.locator('tr[data-kind="national"] button').count(),
        0,
        'national ones are read-only',
      );
    }
    await page.locator('#holiday-date').fill(holiday);
    await page.locator('#holiday-name').fill('Hari Jadi Kota');
    await page.getByRole('button', { name: 'Tambah libur daerah' }).click();
    const local = page.locator(`tr[data-kind="local"][data-date="${holiday}"]`);
    await local.waitFor();
    assert.ok(await local.getByRole('button', { name: 'Hapus libur daerah Hari Jadi Kota' }).isVisible());

    // Branding: an invalid colour is refused beside the field; a valid one is taken at once.
    await open('Tampilan dan pengaturan');
    const before = (await api('')).branding as Json;
    await page.locator('#branding-primaryColor').fill('#12345');
    await page.getByRole('button', { name: 'Simpan' }).click();
    await page.locator('#branding-primaryColor-error').waitFor();
    assert.equal(await page.locator('#branding-primaryColor').inputValue(), '#12345');
    assert.equal(await page.locator('#branding-primaryColor').getAttribute('aria-invalid'), 'true');
    assert.deepEqual((await api('')).branding, before, 'nothing changed');
    await page.locator('#branding-primaryColor').fill('#1a5e3a');
    await page.getByRole('button', { name: 'Simpan' }).click();
    await page.getByRole('status').filter({ hasText: 'Pengaturan disimpan.' }).waitFor();
    assert.equal((await api('')).branding.primaryColor, '#1a5e3a');
    assert.equal(
      await page.evaluate(() => document.documentElement.style.getPropertyValue('--primary')),
      '#1a5e3a',
    );

    // The audit trail holds every change above, and filters by action.
    await open('Jejak audit');
    await page.locator('tr[data-action]').first().waitFor();
    for (const action of [
      'agency.create',
      'agency.update',
      'user.create',
      'role.grant',
      'role.revoke',
      'reports.category.create',
      'reports.settings.update',
      'holiday.add',
      'tenant.update',
    ]) {
      assert.ok((await page.locator(`tr[data-action="${action}"]`).count()) > 0, `${action} in the trail`);
    }
    await page.locator('#audit-action').fill('agency.create');
    await page.getByRole('button', { name: 'Saring', exact: true }).click();
    await page.waitForFunction(
      () =>
        [...document.querySelectorAll('tr[data-action]')].every(
          (r) => r.getAttribute('data-action') === 'agency.create',
        ) && document.querySelectorAll('tr[data-action]').length === 2,
    );
    await page.locator('#audit-entityType').fill('agency');
    await page.locator('#audit-action').fill('');
    await page.locator('#audit-from').fill(`${year - 1}-01-01`);
    await page.getByRole('button', { name: 'Saring', exact: true }).click();
    await page.waitForFunction(
      () =>
        document.querySelectorAll('tr[data-action="agency.update"]').length === 2 &&
        document.querySelectorAll('tr[data-action]').length === 4,
    );
  });

  test('apps and agreements: propose an adoption, record an MoU with its PDF, and take the adoption a step on', async () => {
    await page.goto(`${origin}/t/${SLUG}/konsol/admin/apps`);
    await page.getByRole('heading', { level: 1, name: 'Aplikasi dan perjanjian' }).waitFor();
    await page.locator('li[data-adoption="reports/web"]').getByText('Aktif').first().waitFor();
    await page.locator('#propose-app option[value="market-prices"]').waitFor({ state: 'attached' });
    await page.locator('#propose-app').selectOption('market-prices');
    await page.locator('#propose-channel').selectOption('web');
    await page.getByRole('button', { name: 'Usulkan adopsi' }).click();
    const adoption = page.locator('li[data-adoption="market-prices/web"]');
    await adoption.getByText('Diusulkan').first().waitFor();

    await page.locator('#agreement-number').fill('005/MoU/KOTA-ATUR/2026');
    await page.locator('#agreement-signedOn').fill('2026-02-02');
    await page.locator('#agreement-partner').fill('kota-polos');
    for (const [i, who] of [
      ['0', ['Budi Santoso', 'Wali Kota', 'Kota kota-atur']],
      ['1', ['Made Wirawan', 'Bupati', 'Kota kota-polos']],
    ] as const) {
      await page.locator(`#agreement-sig-${i}-name`).fill(who[0]);
      await page.locator(`#agreement-sig-${i}-title`).fill(who[1]);
      await page.locator(`#agreement-sig-${i}-party`).fill(who[2]);
    }
    await page.getByRole('button', { name: 'Catat perjanjian' }).click();
    const row = page.locator('tr[data-agreement="005/MoU/KOTA-ATUR/2026"]');
    await row.waitFor();
    assert.ok(await row.getByText('Belum diunggah').isVisible());
    await row.getByLabel('Dokumen PDF perjanjian 005/MoU/KOTA-ATUR/2026').setInputFiles({
      name: 'mou.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from(tinyPdf('MoU kota-atur')),
    });
    await row.getByRole('link', { name: 'Unduh PDF' }).waitFor();
    const href = await row.getByRole('link', { name: 'Unduh PDF' }).getAttribute('href');
    const pdf = await page.request.get(new URL(href ?? '', origin).toString());
    assert.equal(pdf.status(), 200);
    assert.equal(pdf.headers()['content-type'], 'application/pdf');
    assert.match((await pdf.body()).toString('latin1'), /MoU kota-atur/);

    // The MoU step needs its agreement: without one it is refused beside the field.
    const step = adoption.getByRole('form');
    await step.getByLabel('Ke status').selectOption('mou_signed');
    await step.getByRole('button', { name: 'Langkah berikut' }).click();
    await step.getByRole('alert').waitFor();
    await page.locator('#adoption-market-prices-web-agreement-error').waitFor();
    assert.equal(
      (await api('/adoptions')).items.find((a: Json) => a.app === 'market-prices')?.status,
      'proposed',
    );
    const agreementId = await optionValue('#adoption-market-prices-web-agreement', '005/MoU');
    await step.getByLabel('Perjanjian').selectOption(agreementId);
    await step.getByRole('button', { name: 'Langkah berikut' }).click();
    await adoption.getByText('MoU ditandatangani').first().waitFor();
    const adoptions = (await api('/adoptions')).items as Json[];
    const moved = adoptions.find((a) => a.app === 'market-prices' && a.channel === 'web');
    assert.equal(moved?.status, 'mou_signed');
    assert.equal(moved?.mouId, agreementId);
  });

  test('a staff member without admin permissions sees no settings menu and is told at /konsol/admin', async () => {
    const context = await browser.newContext({ locale: 'id-ID' });
    const p = await context.newPage();
    await signIn(p, SLUG, operatorEmail, '/');
    await p.getByRole('navigation', { name: 'Menu konsol' }).waitFor();
    await p.getByRole('link', { name: 'Antrean triase' }).waitFor();
    assert.equal(await p.getByRole('link', { name: 'Pengaturan' }).count(), 0);
    for (const at of ['/admin', '/admin/agencies', '/admin/audit']) {
      await p.goto(`${origin}/t/${SLUG}/konsol${at}`);
      await p.getByRole('alert').filter({ hasText: 'Anda tidak memiliki izin untuk pengaturan' }).waitFor();
      assert.equal(await p.getByRole('navigation', { name: 'Bagian pengaturan' }).count(), 0);
      assert.equal(await p.locator('#agency-code').count(), 0);
    }
    await context.close();
  });

  test('a tenant without the reports app is told so in the categories section', async () => {
    const context = await browser.newContext({ locale: 'id-ID' });
    const p = await context.newPage();
    await signIn(p, 'kota-polos', bareAdminEmail, '/admin/categories');
    await p.getByText('Aplikasi LAKSA (laporan warga) belum aktif untuk daerah ini').waitFor();
    assert.equal(await p.locator('#category-code').count(), 0);
    await context.close();
  });

  test('every settings section passes axe-core WCAG 2.1 A/AA checks; screenshots at phone and desktop sizes', async () => {
    const shots: Array<[string, string]> = SECTIONS.map((s) => [s, `/admin/${s}`]);
    shots.push(['agencies-en', '/admin/agencies?lang=en']);
    for (const [name, at] of shots) {
      await page.setViewportSize({ width: 1280, height: 800 });
      await page.goto(`${origin}/t/${SLUG}/konsol${at}`);
      await page.locator(`.admin-body[data-section="${name.replace('-en', '')}"] h1`).waitFor();
      await page.waitForFunction(() => !document.querySelector('.loading'));
      // Wait until the section's lists have loaded (every section shows a table, list or form).
      await page.locator('.admin-body form, .admin-body table, .admin-body .setup-list').first().waitFor();
      assert.deepEqual(await axeViolations(page), [], `axe on ${name} (desktop)`);
      await page.setViewportSize({ width: 390, height: 844 });
      assert.deepEqual(await axeViolations(page), [], `axe on ${name} (phone)`);
      // Nothing wider than a phone: wide tables scroll inside their own box.
      assert.ok(
        await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth),
        `${name} fits a phone's width`,
      );
      await screenshots(page, `console-admin-${name}`);
    }
    // A refused form, as the user sees it.
    await page.goto(`${origin}/t/${SLUG}/konsol/admin/branding`);
    await page.locator('#branding-primaryColor').fill('biru');
    await page.getByRole('button', { name: 'Simpan' }).click();
    await page.locator('#branding-primaryColor-error').waitFor();
    assert.deepEqual(await axeViolations(page), [], 'axe on a refused form');
    await screenshots(page, 'console-admin-branding-error');
  });
});
