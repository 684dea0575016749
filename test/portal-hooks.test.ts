/**
 * The portal's hooks for apps: widgets one app offers to another's pages (drawn in place of their
 * placeholders, only where the offering app is live, a failing one leaving its place empty), the
 * sections apps add to the home page, a page's head (description, canonical address, Open Graph,
 * JSON-LD that cannot close its script element), and host names an app serves besides the
 * tenant's domains (claimed only under the tenant's own domains, once across the platform).
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { createElement as h } from 'react';
import marketPricesApp from '../src/modules/market-prices/index.ts';
import reportsApp from '../src/modules/reports/index.ts';
import type { AppManifest, Platform } from '../src/platform/sdk/index.ts';
import { claimHost, releaseHost } from '../src/platform/sdk/index.ts';
import { expandWidgets, portalContext, sendPage } from '../src/platform/sdk/portal.ts';
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

/** An app that offers widgets and a home section, and a page that shows whatever its query names. */
const boardApp: AppManifest = {
  code: 'papan-uji',
  name: 'Papan Uji',
  category: 'e-government',
  channels: ['web'],
  version: '1.0.0',
  description: { id: 'Aplikasi uji', en: 'A test app' },
  widgets: [
    { id: 'jam', label: 'portal.home', render: async () => h('p', null, 'Jam pelayanan 08.00–16.00') },
    {
      id: 'rusak',
      label: 'portal.home',
      render: async () => {
        throw new Error('the widget broke');
      },
    },
    { id: 'kosong', label: 'portal.home', render: async () => null },
  ],
  homeSections: [
    { id: 'kedua', order: 20, render: async () => h('section', null, h('h2', null, 'Bagian kedua')) },
    { id: 'pertama', order: 10, render: async () => h('section', null, h('h2', null, 'Bagian pertama')) },
    { id: 'diam', order: 15, render: async () => null },
  ],
  portal: (app: FastifyInstance, platform: Platform) => {
    app.get<{ Querystring: { html?: string } }>(
      '/papan',
      { config: { auth: 'optional' } },
      async (request, reply) => {
        const ctx = portalContext(platform, request);
        const html = await expandWidgets(platform, request, request.query.html ?? '');
        return sendPage(reply, ctx, {
          title: 'Papan',
          // biome-ignore lint/security/noDangerouslySetInnerHtml: the test's own markup with widgets drawn in it
          body: h('div', { id: 'papan', dangerouslySetInnerHTML: { __html: html } }),
          head: {
            description: 'Papan pengumuman uji',
            canonical: 'https://kota-a.balai.test/papan',
            meta: [{ property: 'og:title', content: 'Papan "uji" <b>' }],
            jsonLd: [
              {
                '@context': 'https://schema.org',
                '@type': 'NewsArticle',
                headline: '</script><script>alert(1)</script>',
              },
            ],
            alternates: [{ type: 'application/rss+xml', title: 'Berita', href: '/t/kota-a/papan/rss.xml' }],
          },
        });
      },
    );
  },
};

describe(`portal hooks for apps (${DB_KIND})`, () => {
  let t: TestContext;
  let admin: Json;
  let tenantA: Awaited<ReturnType<typeof makeTenant>>;
  let tenantB: Awaited<ReturnType<typeof makeTenant>>;

  before(async () => {
    t = await startTest({ modules: [boardApp, reportsApp, marketPricesApp] });
    tenantA = await makeTenant(t.platform, 'kota-a', { domains: ['kota-a.go.id'] });
    // B's domain sits under A's: A still cannot take it.
    tenantB = await makeTenant(t.platform, 'kota-b', { domains: ['pusat.kota-a.go.id'] });
    await makeLive(t.platform, tenantA.id, 'papan-uji');
    admin = await bearerFor(
      t.app,
      'kota-a',
      (await makeStaff(t.platform, tenantA.id, ['tenant_admin'])).email,
    );
  });
  after(() => t.close());

  const page = (html: string, host?: string) =>
    t.app.inject({
      url: `/t/kota-a/papan?html=${encodeURIComponent(html)}`,
      ...(host ? { headers: { host } } : {}),
    });

  test('a widget is drawn in place of its placeholder; a failing, empty or unknown one leaves nothing', async () => {
    const res = await page(
      '<p>Sebelum</p><div data-widget="papan-uji.jam"></div><div data-widget="papan-uji.rusak"></div>' +
        '<div data-widget="papan-uji.kosong"></div><div data-widget="lain.tidak-ada"></div><p>Sesudah</p>',
    );
    assert.equal(res.statusCode, 200, res.body);
    const board = res.body.slice(res.body.indexOf('<div id="papan">'));
    assert.match(
      board,
      /<p>Sebelum<\/p><div class="widget" data-widget="papan-uji.jam"><p>Jam pelayanan 08.00–16.00<\/p><\/div><p>Sesudah<\/p>/,
    );
  });

  test('the apps’ own widgets: the report button, and today’s prices (none published yet)', async () => {
    await makeLive(t.platform, tenantA.id, 'reports');
    await makeLive(t.platform, tenantA.id, 'market-prices');
    const res = await page(
      '<div data-widget="reports.report-button"></div><div data-widget="market-prices.today"></div>',
    );
    assert.match(
      res.body,
      /data-widget="reports.report-button"><p class="card"><a class="cta" href="\/t\/kota-a\/lapor">/,
    );
    assert.match(
      res.body,
      /data-widget="market-prices.today"><section class="card" aria-label="Harga bahan pokok"><h2>/,
    );
  });

  test('the editors’ list names the live apps’ widgets; another tenant, where the app is not live, gets none', async () => {
    const res = await t.app.inject({ url: '/t/kota-a/api/v1/widgets', headers: admin });
    assert.equal(res.statusCode, 200, res.body);
    assert.deepEqual(
      res.json().items.map((w: { id: string }) => w.id),
      [
        'papan-uji.jam',
        'papan-uji.rusak',
        'papan-uji.kosong',
        'reports.report-button',
        'market-prices.today',
      ],
    );
    assert.equal((await t.app.inject({ url: '/t/kota-a/api/v1/widgets' })).statusCode, 401);
    const otherAdmin = await bearerFor(
      t.app,
      'kota-b',
      (await makeStaff(t.platform, tenantB.id, ['tenant_admin'])).email,
    );
    const other = await t.app.inject({ url: '/t/kota-b/api/v1/widgets', headers: otherAdmin });
    assert.deepEqual(other.json().items, []);
  });

  test('the home page shows the live apps’ sections in their order, leaving out an empty one', async () => {
    const res = await t.app.inject('/t/kota-a/');
    assert.equal(res.statusCode, 200);
    const first = res.body.indexOf('Bagian pertama');
    const second = res.body.indexOf('Bagian kedua');
    assert.ok(first > 0 && second > first, 'both, in order');
    assert.ok(
      !(await t.app.inject('/t/kota-b/')).body.includes('Bagian pertama'),
      'not where the app is not live',
    );
  });

  test('a page’s head carries its description, canonical address, Open Graph, feeds and JSON-LD, escaped', async () => {
    const res = await page('');
    const head = res.body.slice(0, res.body.indexOf('</head>'));
    assert.match(head, /<meta name="description" content="Papan pengumuman uji"\/>/);
    assert.match(head, /<link rel="canonical" href="https:\/\/kota-a.balai.test\/papan"\/>/);
    assert.match(head, /<meta property="og:title" content="Papan &quot;uji&quot; &lt;b&gt;"\/>/);
    assert.match(
      head,
      /<link rel="alternate" type="application\/rss\+xml" title="Berita" href="\/t\/kota-a\/papan\/rss.xml"\/>/,
    );
    const ld = head.match(/<script type="application\/ld\+json">(.*?)<\/script>/)?.[1];
    assert.ok(ld, 'JSON-LD is there');
    assert.ok(!ld.includes('</script'), 'the data cannot end its element');
    assert.equal(JSON.parse(ld).headline, '</script><script>alert(1)</script>');
  });

  test('a host name is claimed only under the tenant’s own domains, once, and then serves the app’s path', async () => {
    const refused = async (host: string, code: string) => {
      await assert.rejects(
        claimHost(t.platform, tenantA, { host, app: 'papan-uji', path: '/papan' }),
        (e: { fields?: { code: string }[] }) => e.fields?.[0]?.code === code,
        `${host}: ${code}`,
      );
    };
    await refused('dinkes.kota-b.balai.test', 'host_not_yours');
    await refused('kota-a.go.id.evil.example', 'host_not_yours');
    await refused('bukan host', 'format');
    await refused('kota-b.balai.test', 'host_not_yours');
    await claimHost(t.platform, tenantA, { host: 'papan.kota-a.go.id', app: 'papan-uji', path: '/papan' });
    // The same claim again is nothing new; another tenant cannot take the name.
    await claimHost(t.platform, tenantA, { host: 'Papan.Kota-A.go.id', app: 'papan-uji', path: '/papan' });
    await refused('pusat.kota-a.go.id', 'host_taken');
    await assert.rejects(
      claimHost(t.platform, tenantA, { host: 'papan.kota-a.go.id', app: 'papan-uji', path: '/lain' }),
      (e: { fields?: { code: string }[] }) => e.fields?.[0]?.code === 'host_taken',
    );
    await assert.rejects(
      claimHost(t.platform, tenantB, { host: 'papan.kota-a.go.id', app: 'papan-uji', path: '/papan' }),
      (e: { fields?: { code: string }[] }) => e.fields?.[0]?.code === 'host_not_yours',
    );

    // Nor may any tenant make a served name its own domain (it would take the site's traffic).
    const adminB = await bearerFor(
      t.app,
      'kota-b',
      (await makeStaff(t.platform, tenantB.id, ['tenant_admin'])).email,
    );
    const hijack = await t.app.inject({
      method: 'PATCH',
      url: '/t/kota-b/api/v1/settings',
      headers: adminB,
      payload: { domains: ['pusat.kota-a.go.id', 'papan.kota-a.go.id'] },
    });
    assert.equal(hijack.statusCode, 400, hijack.body);
    assert.deepEqual(
      hijack.json().errors.map((e: { path: string; code: string }) => [e.path, e.code]),
      [['/body/domains/1', 'host_taken']],
    );

    const served = await t.app.inject({
      url: '/?html=%3Cp%3EDi%20host%20sendiri%3C%2Fp%3E',
      headers: { host: 'papan.kota-a.go.id' },
    });
    assert.equal(served.statusCode, 200, served.body);
    assert.match(served.body, /Di host sendiri/);
    const assets = await t.app.inject({ url: '/healthz', headers: { host: 'papan.kota-a.go.id' } });
    assert.equal(assets.statusCode, 200, 'the platform’s own paths stay at the root');

    await releaseHost(t.platform, tenantA, 'papan.kota-a.go.id', 'papan-uji');
    // No longer the app's: the platform's root page (the list of portals) answers there.
    const gone = await t.app.inject({
      url: '/?html=%3Cp%3EDi%20host%20sendiri%3C%2Fp%3E',
      headers: { host: 'papan.kota-a.go.id' },
    });
    assert.doesNotMatch(gone.body, /Di host sendiri/);
  });
});
