/**
 * The development mailbox in the staff console, in a real browser (Debian's Chromium through
 * playwright-core): a tenant administrator signs in, asks for a password reset, opens Settings →
 * Development mailbox, finds the mail by its recipient, opens it and follows its link to the page
 * that sets a new password. A message whose text holds markup shows it as text; the list pages
 * with the server's cursor. axe-core finds no WCAG 2.1 A/AA violation on the list or an opened
 * message; screenshots at phone and desktop sizes go to test-results/screenshots/.
 *
 * Needs the built console: `npm run build` first.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { SYSTEM_ACTOR } from '../src/platform/db/tenant-scope.ts';
import { deliverPending, enqueueNotification } from '../src/platform/notify/outbox.ts';
import { createTransports } from '../src/platform/notify/transports.ts';
import { WEB_DIST } from '../src/web/paths.ts';
import { axeViolations, launchChromium, screenshots } from './support/browser.ts';
import { DB_KIND, makeStaff, makeTenant, PASSWORD, startTest, type TestContext } from './support/harness.ts';

const SLUG = 'kota-surat';
/** More SMS than one page of the mailbox (50) holds, so that it pages. */
const FILLER = 50;

describe(`staff console: the development mailbox in Chromium (${DB_KIND})`, () => {
  let t: TestContext;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let origin = '';
  let tenantId = '';
  let adminEmail = '';

  /** Delivers the tenant's outbox into the development mailbox, as the job runner would. */
  async function deliver() {
    const transports = createTransports(t.config, t.platform.database);
    try {
      await deliverPending(
        { tenantId, inTenant: (fn) => t.platform.inTenant(tenantId, SYSTEM_ACTOR, fn) },
        transports,
        t.config.notify,
      );
    } finally {
      transports.close();
    }
  }

  before(async () => {
    const built = path.join(WEB_DIST, 'console', 'index.html');
    if (!existsSync(built)) {
      throw new Error(
        `The console is not built (${built} is missing): run \`npm run build\` before this suite.`,
      );
    }
    t = await startTest();
    const tenant = await makeTenant(t.platform, SLUG);
    tenantId = tenant.id;
    adminEmail = (await makeStaff(t.platform, tenant.id, ['tenant_admin'], 'admin@kota-surat.go.id')).email;
    await t.platform.inTenant(tenant.id, SYSTEM_ACTOR, async (scope) => {
      for (let i = 1; i <= FILLER; i++) {
        await enqueueNotification(scope, { channel: 'sms', to: '+6281100000000', body: `Kode ${i}` });
      }
      await enqueueNotification(scope, {
        channel: 'email',
        to: 'markup@example.id',
        subject: 'Uji <b>tebal</b>',
        body: 'Halo <img src="x" onerror="window.__injected = 1"> dan <b>tebal</b>. Lihat https://example.invalid/ok.',
      });
    });
    await deliver();
    origin = await t.app.listen({ host: '127.0.0.1', port: 0 });
    browser = await launchChromium();
    context = await browser.newContext({ locale: 'id-ID' });
    page = await context.newPage();
  });
  after(async () => {
    await browser?.close();
    await t?.close();
  });

  async function openMailbox() {
    await page
      .getByRole('navigation', { name: 'Bagian pengaturan' })
      .getByRole('link', { name: 'Kotak surat pengembangan' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Kotak surat pengembangan' }).waitFor();
  }

  /** Filters the list by recipient and waits until every row shown is theirs (or none is left). */
  async function filterBy(to: string) {
    await page.getByLabel('Penerima').fill(to);
    await page.getByRole('button', { name: 'Saring', exact: true }).click();
    await page.waitForFunction((recipient) => {
      if (document.querySelector('.empty')) return true;
      const rows = [...document.querySelectorAll('table.mailbox tbody tr')];
      return rows.length > 0 && rows.every((tr) => tr.children[2]?.textContent === recipient);
    }, to);
  }

  test('an administrator asks for a password reset, finds the mail in the console and follows its link', async () => {
    await page.goto(`${origin}/t/${SLUG}/konsol/admin`);
    await page.getByLabel('Email atau nomor ponsel').fill(adminEmail);
    await page.getByLabel('Kata sandi').fill(PASSWORD);
    await page.getByRole('button', { name: 'Masuk' }).click();
    await page.getByRole('navigation', { name: 'Bagian pengaturan' }).waitFor();

    // The mail: a password reset of the administrator's own account, delivered by the outbox.
    const asked = await page.request.post(`${origin}/t/${SLUG}/api/v1/auth/password-reset`, {
      data: { login: adminEmail },
    });
    assert.equal(asked.status(), 202, await asked.text());
    await deliver();

    await openMailbox();
    // Newest first: the reset mail heads the list, above the earlier SMS.
    const first = page.locator('table.mailbox tbody tr').first();
    await first.waitFor();
    assert.equal(await first.locator('td').nth(2).textContent(), adminEmail);
    assert.equal(await first.locator('td').nth(1).textContent(), 'Email');

    await filterBy(adminEmail);
    const rows = page.locator('table.mailbox tbody tr');
    assert.equal(await page.locator('table.mailbox tbody tr td.mono', { hasText: '+62811' }).count(), 0);
    assert.equal(await rows.count(), 1);
    const subject = rows.first().getByRole('button');
    assert.match((await subject.textContent()) ?? '', /Atur ulang kata sandi/);
    await subject.click();

    const mail = page.locator('article.mail');
    await mail.getByRole('heading', { level: 2, name: /Atur ulang kata sandi/ }).waitFor();
    assert.equal(await subject.getAttribute('aria-expanded'), 'true');
    const link = mail.getByRole('link', { name: /\/atur-sandi\?token=/ });
    const href = (await link.getAttribute('href')) ?? '';
    assert.ok(href.startsWith(`${origin}/t/${SLUG}/atur-sandi?token=`), href);
    assert.deepEqual(await axeViolations(page), [], 'axe on an opened message');
    await screenshots(page, 'console-mailbox-open');

    await link.click();
    await page.getByRole('heading', { name: 'Buat kata sandi baru' }).waitFor();
    assert.equal(page.url(), href);
  });

  test('a message’s markup is shown as text, never run', async () => {
    await page.goto(`${origin}/t/${SLUG}/konsol/admin/mailbox`);
    await page.getByRole('heading', { level: 1, name: 'Kotak surat pengembangan' }).waitFor();
    await filterBy('markup@example.id');
    const subject = page.locator('table.mailbox tbody tr').getByRole('button', { name: 'Uji <b>tebal</b>' });
    await subject.click();
    const body = page.locator('article.mail pre');
    await body.waitFor();
    assert.match(
      (await body.textContent()) ?? '',
      /Halo <img src="x" onerror="window.__injected = 1"> dan <b>tebal<\/b>\./,
    );
    assert.equal(await page.locator('article.mail img, article.mail b').count(), 0);
    assert.equal(
      await page.evaluate(() => (window as unknown as { __injected?: number }).__injected),
      undefined,
    );
    // The address still becomes a link, without the full stop that ends the sentence.
    assert.equal(await body.getByRole('link').getAttribute('href'), 'https://example.invalid/ok');

    await page.getByRole('button', { name: 'Tutup pesan' }).click();
    await page.locator('article.mail').waitFor({ state: 'detached' });
  });

  test('the list pages with the server’s cursor; the recipient filter clears', async () => {
    await page.goto(`${origin}/t/${SLUG}/konsol/admin/mailbox`);
    const rows = page.locator('table.mailbox tbody tr');
    await rows.first().waitFor();
    // The reset mail, the markup mail and 50 SMS: a full first page, then the rest.
    assert.equal(await rows.count(), 50);
    const firstIds = await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-message')));
    const pager = page.getByRole('navigation', { name: 'Halaman' });
    await pager.getByRole('button', { name: 'Berikutnya' }).click();
    await pager.getByText('Halaman 2').waitFor();
    await page.waitForFunction(() => document.querySelectorAll('table.mailbox tbody tr').length === 2);
    const secondIds = await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-message')));
    assert.equal(secondIds.filter((id) => firstIds.includes(id)).length, 0, 'no message on both pages');
    assert.ok(await pager.getByRole('button', { name: 'Berikutnya' }).isDisabled());
    await pager.getByRole('button', { name: 'Sebelumnya' }).click();
    await pager.getByText('Halaman 1').waitFor();
    await page.waitForFunction(() => document.querySelectorAll('table.mailbox tbody tr').length === 50);

    await filterBy('tidak-ada@example.id');
    await page.getByText('Belum ada pesan yang cocok.').waitFor();
    await page.getByRole('button', { name: 'Hapus saringan' }).click();
    await page.waitForFunction(() => document.querySelectorAll('table.mailbox tbody tr').length === 50);
    assert.equal(await page.getByLabel('Penerima').inputValue(), '');
    assert.deepEqual(await axeViolations(page), [], 'axe on the list');
    await screenshots(page, 'console-mailbox-list');
  });
});
