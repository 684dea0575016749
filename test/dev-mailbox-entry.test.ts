/**
 * The console's development mailbox entry follows the API: where the server serves the mailbox
 * (outside production) the console page says so and an administrator's settings menu offers it;
 * in production the route is absent, the page says so, and the menu has no entry. A message's
 * text becomes text and http(s) links only.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { FastifyRequest } from 'fastify';
import { DEV_MAILBOX_PERMISSION, devMailboxShown, linkParts } from '../src/web/console/admin/dev-mailbox.ts';
import type { ConsoleConfig } from '../src/web/console/api.ts';
import { consoleConfig } from '../src/web/serve.ts';
import { bearerFor, DB_KIND, makeStaff, makeTenant, startTest, type TestContext } from './support/harness.ts';

/** The request the console page is rendered for, as far as its configuration reads it. */
const pageRequest = { query: {}, cookies: {}, lang: 'id' } as unknown as FastifyRequest;

/** What the console decides for a session holding `permissions`, given the page's configuration. */
function menuOffersMailbox(config: Pick<ConsoleConfig, 'devMailbox'>, permissions: string[]): boolean {
  return devMailboxShown({
    api: { config } as never,
    can: (p) => permissions.includes(p),
  });
}

for (const env of ['test', 'production'] as const) {
  describe(`the development mailbox entry under NODE_ENV=${env} (${DB_KIND})`, () => {
    let t: TestContext;
    let headers: Record<string, string>;
    before(async () => {
      t = await startTest({
        env: env === 'production' ? { NODE_ENV: 'production', SMTP_URL: 'smtp://127.0.0.1:2525' } : {},
      });
      const tenant = await makeTenant(t.platform, `kota-kotak-${env}`);
      const admin = await makeStaff(t.platform, tenant.id, ['tenant_admin']);
      headers = await bearerFor(t.app, `kota-kotak-${env}`, admin.email);
    });
    after(async () => {
      await t?.close();
    });

    test(
      env === 'production'
        ? 'no route, and the console page tells the menu to show no entry'
        : 'the route answers, and the console page offers the entry to an administrator',
      async () => {
        const slug = `kota-kotak-${env}`;
        const res = await t.app.inject({ url: `/t/${slug}/api/v1/dev/mailbox`, headers });
        const served = res.statusCode === 200;
        assert.equal(res.statusCode, env === 'production' ? 404 : 200, res.body);
        const config = consoleConfig(t.platform, t.platform.directory.bySlug(slug)!, pageRequest);
        assert.equal(config.devMailbox, served);
        assert.equal(menuOffersMailbox(config, [DEV_MAILBOX_PERMISSION]), served);
        // Without the permission, never.
        assert.equal(menuOffersMailbox(config, ['platform.audit.read']), false);
      },
    );
  });
}

test('a message becomes text and http(s) links, ending punctuation outside the link', () => {
  const body =
    'Atur ulang: http://localhost:3000/t/kota/atur-sandi?token=AbC_1-2.\n' +
    'Ikuti (https://balai.example.go.id/t/kota/laporan/LPR-1), bukan javascript:alert(1) atau <b>tebal</b>.';
  assert.deepEqual(linkParts(body), [
    { text: 'Atur ulang: ' },
    { href: 'http://localhost:3000/t/kota/atur-sandi?token=AbC_1-2' },
    { text: '.\nIkuti (' },
    { href: 'https://balai.example.go.id/t/kota/laporan/LPR-1' },
    { text: '), bukan javascript:alert(1) atau <b>tebal</b>.' },
  ]);
  assert.deepEqual(linkParts('Kode 123456'), [{ text: 'Kode 123456' }]);
  assert.deepEqual(linkParts(''), []);
});
