/**
 * The citizen's account in a real browser (Debian's Chromium through playwright-core, JavaScript
 * off as on the cheapest phone): sign up, sign out, forget the password, read the reset mail in
 * the development mailbox, set a new password, sign in, see my account and my reports with the
 * report filed while signed in. Sign-up, reset and password change keep what was typed and show
 * errors beside the fields; sign-up does not say which identifier is taken. The adoption network
 * is a table grouped by region. axe-core (WCAG 2.1 A/AA) finds no violation on any of these pages;
 * screenshots at 390×844 and 1280×800 go to test-results/screenshots/.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { reportsApp } from '../src/modules/reports/index.ts';
import { putCategory } from '../src/modules/reports/services/settings.ts';
import { SYSTEM_ACTOR } from '../src/platform/db/tenant-scope.ts';
import { deliverPending } from '../src/platform/notify/outbox.ts';
import { createTransports } from '../src/platform/notify/transports.ts';
import { axeViolations, launchChromium, screenshots } from './support/browser.ts';
import {
  bearerFor,
  DB_KIND,
  type Json,
  makeLive,
  makeStaff,
  makeTenant,
  startTest,
  type TestContext,
} from './support/harness.ts';

const SLUG = 'kota-akun';

describe(`citizen account in Chromium (${DB_KIND})`, () => {
  let t: TestContext;
  let browser: Browser;
  let origin = '';
  let base = '';
  let tenantId = '';
  let admin: Record<string, string>;

  before(async () => {
    t = await startTest({ modules: [reportsApp] });
    const tenant = await makeTenant(t.platform, SLUG);
    tenantId = tenant.id;
    await makeLive(t.platform, tenant.id, 'reports');
    await t.platform.inTenant(tenant.id, SYSTEM_ACTOR, (scope) =>
      putCategory(scope, 'roads', { name: { id: 'Jalan rusak', en: 'Damaged roads' } }),
    );
    admin = await bearerFor(t.app, SLUG, (await makeStaff(t.platform, tenant.id, ['tenant_admin'])).email);
    // An adopter of the reports app, mentored by kota-akun: the network page shows who gave what to whom.
    const adopter = await makeTenant(t.platform, 'kabupaten-pengadopsi');
    await t.platform.inTenant(adopter.id, SYSTEM_ACTOR, (scope) =>
      scope.trx
        .insertInto('adoptions')
        .values({
          tenant_id: adopter.id,
          app_code: 'reports',
          channel: 'android',
          status: 'live',
          origin_tenant_id: tenant.id,
          mou_id: null,
          pks_id: null,
          live_since: '2026-03-02',
        })
        .execute(),
    );
    await t.platform.directoryChanged();
    origin = await t.app.listen({ host: '127.0.0.1', port: 0 });
    base = `${origin}/t/${SLUG}`;
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await t?.close();
  });

  async function noScriptPage(): Promise<Page> {
    const context = await browser.newContext({ javaScriptEnabled: false, locale: 'id-ID' });
    return context.newPage();
  }

  /** Delivers the outbox, then the newest message in the development mailbox to `to`. */
  async function lastMailTo(to: string): Promise<Json> {
    await deliverPending(
      { tenantId, inTenant: (fn) => t.platform.inTenant(tenantId, SYSTEM_ACTOR, fn) },
      createTransports(t.config, t.platform.database),
      t.config.notify,
    );
    const res = await t.app.inject({
      url: `/t/${SLUG}/api/v1/dev/mailbox?to=${encodeURIComponent(to)}`,
      headers: admin,
    });
    assert.equal(res.statusCode, 200, res.body);
    const [mail] = res.json().items as Json[];
    assert.ok(mail, `no mail to ${to}`);
    return mail;
  }

  async function signUp(page: Page, name: string, email: string, password: string) {
    await page.goto(`${base}/`);
    await page.getByRole('navigation').getByRole('link', { name: 'Daftar' }).click();
    await page.getByLabel('Nama lengkap').fill(name);
    await page.getByLabel('Email').fill(email);
    await page.locator('#password').fill(password);
    await page.locator('#password2').fill(password);
    await page.getByRole('button', { name: 'Daftar' }).click();
  }

  async function signInWith(page: Page, login: string, password: string) {
    await page.goto(`${base}/masuk?lang=id`);
    await page.getByLabel('Email atau nomor ponsel').fill(login);
    await page.locator('#password').fill(password);
    await page.getByRole('button', { name: 'Masuk' }).click();
  }

  test('sign up, sign out, forget the password, reset it from the mail, sign in, and find my report', async () => {
    const page = await noScriptPage();
    await signUp(page, 'Dewi Lestari', 'dewi@example.id', 'kata-sandi-pertama');
    // Signed in at once, on my account.
    await page.getByRole('heading', { name: 'Akun saya', level: 1 }).waitFor();
    assert.match(page.url(), /\/akun\?baru=1$/);
    assert.ok(await page.getByText('Akun Anda sudah dibuat').isVisible());
    assert.ok(await page.getByText('dewi@example.id').isVisible());
    assert.ok(await page.getByRole('navigation').getByRole('link', { name: 'Akun saya' }).isVisible());
    assert.equal(await page.getByRole('navigation').getByRole('link', { name: 'Daftar' }).count(), 0);
    assert.match((await lastMailTo('dewi@example.id')).subject as string, /^Selamat datang/);

    await page.getByRole('button', { name: 'Keluar' }).click();
    assert.ok(await page.getByRole('navigation').getByRole('link', { name: 'Masuk' }).isVisible());

    await page.goto(`${base}/masuk`);
    await page.getByRole('link', { name: 'Lupa kata sandi?' }).click();
    await page.getByLabel('Email atau nomor ponsel').fill('DEWI@example.id');
    await page.getByRole('button', { name: 'Kirim tautan' }).click();
    await page.getByRole('heading', { name: 'Periksa email atau SMS Anda' }).waitFor();

    const mail = await lastMailTo('dewi@example.id');
    assert.match(mail.subject as string, /Atur ulang kata sandi/);
    const link = /(http:\/\/\S+\/atur-sandi\?token=[A-Za-z0-9_-]+)/.exec(mail.body as string)?.[1];
    assert.ok(link, mail.body as string);
    assert.ok(link.startsWith(`${base}/atur-sandi?token=`), link);

    const response = await page.goto(link);
    assert.equal(response?.headers()['referrer-policy'], 'no-referrer');
    await page.getByRole('heading', { name: 'Buat kata sandi baru' }).waitFor();
    // Two different passwords come back with the error beside the second box.
    await page.locator('#password').fill('kata-sandi-kedua');
    await page.locator('#password2').fill('kata-sandi-lain');
    await page.getByRole('button', { name: 'Simpan kata sandi' }).click();
    assert.equal(await page.locator('#password2').getAttribute('aria-invalid'), 'true');
    assert.ok(((await page.locator('#password2-error').textContent()) ?? '').includes('tidak sama'));
    await page.locator('#password').fill('kata-sandi-kedua');
    await page.locator('#password2').fill('kata-sandi-kedua');
    await page.getByRole('button', { name: 'Simpan kata sandi' }).click();
    assert.match(page.url(), /\/masuk\?reset=1$/);
    assert.ok(await page.getByText('Kata sandi baru sudah disimpan').isVisible());

    // The link works once.
    await page.goto(link);
    await page.getByRole('heading', { name: 'Tautan tidak berlaku' }).waitFor();

    // The old password no longer signs in; the new one does.
    await signInWith(page, 'dewi@example.id', 'kata-sandi-pertama');
    assert.ok(((await page.locator('#password-error').textContent()) ?? '').includes('kata sandi salah'));
    await signInWith(page, 'dewi@example.id', 'kata-sandi-kedua');
    await page.getByRole('navigation').getByRole('link', { name: 'Akun saya' }).click();
    await page.getByRole('heading', { name: 'Akun saya', level: 1 }).waitFor();

    // A report filed while signed in (no photo: the empty file box is no photo) is among my reports.
    await page.goto(`${base}/lapor`);
    await page.getByLabel('Kategori').selectOption('roads');
    await page.getByLabel('Uraian').fill('Lampu jalan di gang Melati padam sejak seminggu, gelap dan rawan.');
    await page.getByLabel('Alamat atau patokan lokasi').fill('Gang Melati, RT 03');
    await page.getByRole('button', { name: 'Kirim laporan' }).click();
    const trackingNo = ((await page.locator('#tracking-no').textContent()) ?? '').trim();
    assert.match(trackingNo, /^\d{6}-[0-9A-Z]{5}$/);

    await page.goto(`${base}/akun`);
    await page.getByRole('link', { name: 'Laporan saya' }).click();
    await page.getByRole('heading', { name: 'Laporan saya' }).waitFor();
    const row = page.getByRole('row', { name: new RegExp(trackingNo) });
    assert.ok(await row.isVisible());
    assert.ok(await row.getByText('Jalan rusak').isVisible());
    assert.ok(await row.getByText('Diterima').isVisible());
    await row.getByRole('link', { name: trackingNo }).click();
    await page.getByRole('heading', { name: `Jalan rusak · ${trackingNo}` }).waitFor();
    await page.context().close();
  });

  test('sign-up keeps what was typed, shows errors beside the fields, and does not say which identifier is taken', async () => {
    const page = await noScriptPage();
    await page.goto(`${base}/daftar`);
    await page.getByLabel('Nama lengkap').fill('Budi <b>Santoso</b>');
    await page.getByLabel('Email').fill('bukan-email');
    await page.getByLabel('NIK').fill('1234');
    await page.locator('#password').fill('pendek');
    await page.locator('#password2').fill('pendek');
    await page.getByRole('button', { name: 'Daftar' }).click();
    await page.getByRole('alert').waitFor();
    assert.equal(await page.getByLabel('Nama lengkap').inputValue(), 'Budi <b>Santoso</b>');
    assert.equal(await page.getByLabel('Email').inputValue(), 'bukan-email');
    for (const id of ['email', 'nik', 'password']) {
      assert.equal(await page.locator(`#${id}`).getAttribute('aria-invalid'), 'true', id);
      assert.ok(((await page.locator(`#${id}-error`).textContent()) ?? '').length > 0, id);
    }
    assert.equal(await page.locator('#password').inputValue(), '', 'a password is not sent back');

    // An email that is already registered: a neutral notice, no field marked "taken".
    await signUp(page, 'Orang Lain', 'dewi@example.id', 'kata-sandi-orang-lain');
    const alert = page.getByRole('alert');
    assert.match((await alert.textContent()) ?? '', /tidak dapat diselesaikan/);
    assert.equal(await page.getByText('Sudah digunakan').count(), 0);
    assert.equal(await page.locator('[aria-invalid="true"]').count(), 0);
    assert.equal(await page.getByLabel('Email').inputValue(), 'dewi@example.id');
    assert.ok(await alert.getByRole('link', { name: 'Lupa kata sandi?' }).isVisible());
    await page.context().close();
  });

  test('my account changes the password with the current one; the form needs its CSRF token', async () => {
    const page = await noScriptPage();
    await signUp(page, 'Rina Wati', 'rina@example.id', 'kata-sandi-rina-1');
    await page.getByRole('heading', { name: 'Akun saya', level: 1 }).waitFor();
    await page.getByLabel('Kata sandi saat ini').fill('salah-sekali-1');
    await page.locator('#password').fill('kata-sandi-rina-2');
    await page.locator('#password2').fill('kata-sandi-rina-2');
    await page.getByRole('button', { name: 'Ganti kata sandi' }).click();
    assert.ok(((await page.locator('#current-error').textContent()) ?? '').includes('salah'));
    await page.getByLabel('Kata sandi saat ini').fill('kata-sandi-rina-1');
    await page.locator('#password').fill('kata-sandi-rina-2');
    await page.locator('#password2').fill('kata-sandi-rina-2');
    await page.getByRole('button', { name: 'Ganti kata sandi' }).click();
    assert.match(page.url(), /\/akun\?sandi=1$/);
    assert.ok(await page.getByText('Kata sandi Anda sudah diganti.').isVisible());
    // This browser stays signed in.
    assert.ok(await page.getByRole('navigation').getByRole('link', { name: 'Akun saya' }).isVisible());

    const cookies = await page.context().cookies();
    const session = cookies.find((c) => c.name === 'balai_session')!;
    const forged = await t.app.inject({
      method: 'POST',
      url: `/t/${SLUG}/akun/sandi`,
      headers: { cookie: `balai_session=${session.value}` },
      payload: {
        current: 'kata-sandi-rina-2',
        password: 'dipaksa-dari-luar',
        password2: 'dipaksa-dari-luar',
      },
    });
    assert.equal(forged.statusCode, 303);
    assert.match(forged.headers.location ?? '', /\/masuk/);
    await signInWith(page, 'rina@example.id', 'kata-sandi-rina-2');
    assert.ok(await page.getByRole('navigation').getByRole('link', { name: 'Akun saya' }).isVisible());
    await page.context().close();
  });

  test("a signed-in citizen's report form is checked for its CSRF token by the page; the API still asks for the header", async () => {
    const login = await t.app.inject({
      method: 'POST',
      url: `/t/${SLUG}/api/v1/auth/login`,
      payload: { login: 'dewi@example.id', password: 'kata-sandi-kedua' },
    });
    assert.equal(login.statusCode, 200, login.body);
    const cookie = `balai_session=${login.cookies.find((c) => c.name === 'balai_session')!.value}`;
    const csrf = login.json().csrfToken as string;
    const form = (token: string) => {
      const b = '----csrf';
      const part = (name: string, value: string) =>
        `--${b}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
      return {
        headers: { cookie, 'content-type': `multipart/form-data; boundary=${b}` },
        payload:
          part('_csrf', token) +
          part('type', 'complaint') +
          part('category', 'roads') +
          part('description', 'Trotoar ambles di depan pasar, berbahaya bagi pejalan kaki.') +
          part('address', 'Pasar Baru') +
          `--${b}--\r\n`,
      };
    };
    const forged = await t.app.inject({ method: 'POST', url: `/t/${SLUG}/lapor`, ...form('bukan-token') });
    assert.equal(forged.statusCode, 303);
    assert.match(forged.headers.location ?? '', /\/masuk/);
    const api = await t.app.inject({ method: 'POST', url: `/t/${SLUG}/api/v1/reports`, ...form(csrf) });
    assert.equal(api.statusCode, 403, 'the API route reads no token from a multipart body');
    assert.equal(api.json().code, 'csrf');
    const filed = await t.app.inject({ method: 'POST', url: `/t/${SLUG}/lapor`, ...form(csrf) });
    assert.equal(filed.statusCode, 201);
  });

  test('my account and my reports send a visitor to sign in and back', async () => {
    for (const path of ['/akun', '/laporan-saya']) {
      const res = await t.app.inject({ url: `/t/${SLUG}${path}` });
      assert.equal(res.statusCode, 303, path);
      assert.equal(res.headers.location, `/t/${SLUG}/masuk?next=${encodeURIComponent(`/t/${SLUG}${path}`)}`);
    }
    const page = await noScriptPage();
    await page.goto(`${base}/laporan-saya`);
    await page.getByLabel('Email atau nomor ponsel').fill('dewi@example.id');
    await page.locator('#password').fill('kata-sandi-kedua');
    await page.getByRole('button', { name: 'Masuk' }).click();
    assert.match(page.url(), /\/laporan-saya$/);
    await page.context().close();
  });

  test('the network page shows each region with its adopted apps, channel, stage, date and origin', async () => {
    const page = await noScriptPage();
    await page.goto(`${base}/`);
    await page.getByRole('link', { name: 'Jaringan adopsi aplikasi' }).click();
    await page.getByRole('heading', { name: 'Jaringan adopsi aplikasi', level: 1 }).waitFor();
    const group = page.getByRole('rowgroup').filter({ hasText: 'Kota kabupaten-pengadopsi' });
    const row = group.getByRole('row', { name: /LAKSA|Aduan|report/i });
    assert.equal(await row.count(), 1);
    const cells = (await row.locator('th, td').allTextContents()).map((s) => s.trim());
    assert.deepEqual(cells.slice(1), ['Android', 'Berjalan', '2 Mar 2026', `Kota ${SLUG}`]);
    // The API serves the same rows.
    const api = (await t.app.inject({ url: '/api/v1/network' })).json().items as Json[];
    assert.equal(
      await page.locator('tbody tr:not(.group)').count(),
      api.length,
      'one table row per adoption of GET /api/v1/network',
    );
    await page.goto(`${base}/jaringan?lang=en`);
    assert.ok(await page.getByRole('columnheader', { name: 'Live since' }).isVisible());
    await page.context().close();
  });

  test('the account pages pass axe-core WCAG 2.1 A/AA checks; screenshots at phone and desktop sizes', async () => {
    const context = await browser.newContext({ locale: 'id-ID' });
    const page = await context.newPage();
    // A live reset link for the page it opens.
    await t.app.inject({
      method: 'POST',
      url: `/t/${SLUG}/api/v1/auth/password-reset`,
      headers: { host: new URL(origin).host },
      payload: { login: 'rina@example.id' },
    });
    const link = /(http:\/\/\S+\/atur-sandi\?token=[A-Za-z0-9_-]+)/.exec(
      (await lastMailTo('rina@example.id')).body as string,
    )?.[1];
    assert.ok(link);
    const visits: Array<[string, string | (() => Promise<unknown>)]> = [
      ['sign-in-links', `${base}/masuk`],
      ['sign-up', `${base}/daftar`],
      [
        'sign-up-errors',
        async () => {
          await page.goto(`${base}/daftar`);
          await page.getByRole('button', { name: 'Daftar' }).click();
        },
      ],
      ['forgot', `${base}/lupa-sandi`],
      [
        'forgot-sent',
        async () => {
          await page.goto(`${base}/lupa-sandi`);
          await page.getByLabel('Email atau nomor ponsel').fill('siapa@example.id');
          await page.getByRole('button', { name: 'Kirim tautan' }).click();
        },
      ],
      ['reset', link],
      ['reset-invalid', `${base}/atur-sandi?token=tidak-ada-token-seperti-ini`],
      ['network', `${base}/jaringan`],
      ['network-en', `${base}/jaringan?lang=en`],
      [
        'account',
        async () => {
          await signInWith(page, 'dewi@example.id', 'kata-sandi-kedua');
          await page.goto(`${base}/akun?lang=id`);
        },
      ],
      ['my-reports', `${base}/laporan-saya`],
      ['account-en', `${base}/akun?lang=en`],
    ];
    for (const [name, visit] of visits) {
      await page.setViewportSize({ width: 1280, height: 800 });
      if (typeof visit === 'string') await page.goto(visit);
      else await visit();
      assert.deepEqual(await axeViolations(page), [], `axe on ${name}`);
      await screenshots(page, `account-${name}`);
    }
    await context.close();
  });
});
