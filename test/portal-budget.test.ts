/**
 * The portal's JavaScript budget (ADR 0013): a citizen page ships at most 60 KB of compressed
 * JavaScript. For each portal page, every script the page names — with the chunks each statically
 * imports (Vite's manifest lists them) and the service worker its registration script fetches —
 * is requested as a browser would (`accept-encoding: br`) and the bytes actually sent are summed.
 * The pages also carry a Content-Security-Policy and no inline script (only JSON data elements:
 * page data, and JSON-LD that search engines read; a browser runs neither).
 * The shell's pages are below; each installed app names its own, with what they need written
 * first, in `src/modules/<app>/test/portal-pages.ts` (see test/support/portal-pages.ts), and says
 * which ship a map: the map library loads there and nowhere else. Needs `npm run build` first.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { MODULES } from '../src/platform/catalogue/installed.ts';
import { WEB_DIST } from '../src/web/paths.ts';
import { contentSecurityPolicy } from '../src/web/serve.ts';
import { appFixtures } from './support/app-fixtures.ts';
import {
  bearerFor,
  DB_KIND,
  makeLive,
  makeStaff,
  makeTenant,
  startTest,
  type TestContext,
} from './support/harness.ts';
import type { PortalPage, PortalPagesFixture } from './support/portal-pages.ts';

const BUDGET = 60 * 1024;
const MANIFEST = path.join(WEB_DIST, 'portal', '.vite', 'manifest.json');

/**
 * A script of the map library (Leaflet, which every map of the portal draws with, and the maps' base
 * of `sdk/client-map.ts`), as Vite names their shared chunk.
 */
const MAP_LIBRARY = /\/(leaflet|client-map)[^/]*\.js$/;

/** The shell's own pages: the home page and the sign-in page. */
const SHELL_PAGES: readonly PortalPage[] = [
  ['home', '/'],
  ['sign-in', '/masuk'],
];

/** Each installed app's portal pages fixture, by app code. */
const FIXTURES = await appFixtures<PortalPagesFixture>('portal-pages');

type ViteManifest = Record<string, { file: string; imports?: string[] }>;

/** The URLs a script loads before it runs: its static imports, theirs, and so on (from Vite's manifest). */
function staticImports(url: string, manifest: ViteManifest): string[] {
  const byUrl = new Map(Object.entries(manifest).map(([k, v]) => [`/assets/portal/${v.file}`, k]));
  const out = new Set<string>();
  const walk = (key: string | undefined) => {
    for (const dep of (key && manifest[key]?.imports) || []) {
      const depUrl = `/assets/portal/${manifest[dep]!.file}`;
      if (out.has(depUrl)) continue;
      out.add(depUrl);
      walk(dep);
    }
  };
  walk(byUrl.get(url));
  return [...out];
}

describe(`portal JavaScript budget (${DB_KIND})`, () => {
  let t: TestContext;
  let pages: (readonly [name: string, url: string, map: boolean])[] = [];
  const figures: Record<string, number> = {};

  before(async () => {
    // Without the build there is nothing to weigh: that is a failure, not a pass.
    assert.ok(existsSync(MANIFEST), 'dist/web/portal is missing: run `npm run build` first (npm test does)');
    t = await startTest({ modules: MODULES });
    const tenant = await makeTenant(t.platform, 'kota-hemat');
    for (const app of MODULES) await makeLive(t.platform, tenant.id, app.code);
    const admin = await makeStaff(t.platform, tenant.id, ['tenant_admin']);
    const headers = await bearerFor(t.app, 'kota-hemat', admin.email);
    const all = [...SHELL_PAGES];
    for (const fixture of FIXTURES.values()) {
      all.push(
        ...(await fixture.setup({ t, tenant: { id: tenant.id, slug: 'kota-hemat' }, admin: headers })),
      );
    }
    pages = all.map(
      ([name, path, options]) => [name, `/t/kota-hemat${path}`, options?.map === true] as const,
    );
    assert.equal(new Set(pages.map(([name]) => name)).size, pages.length, 'one name a page');
  });
  after(async () => {
    console.log(`compressed JavaScript per page (brotli, bytes): ${JSON.stringify(figures)}`);
    await t?.close();
  });

  test('every installed app with portal pages names them', () => {
    for (const app of MODULES) {
      if (!app.portal) continue;
      assert.ok(
        FIXTURES.has(app.code),
        `no portal pages fixture: add src/modules/${app.code}/test/portal-pages.ts`,
      );
    }
  });

  test('every portal page ships at most 60 KB of compressed JavaScript; the map only where there is one', async () => {
    const manifest = JSON.parse(readFileSync(MANIFEST, 'utf8')) as ViteManifest;
    for (const [name, url, hasMap] of pages) {
      const page = await t.app.inject({ url, headers: { 'accept-language': 'id' } });
      assert.equal(page.statusCode, 200, `${name}: ${page.statusCode}`);
      const scripts = [...page.body.matchAll(/<script\b[^>]*\bsrc="([^"]+)"[^>]*>/g)].map((m) => m[1]!);
      const workers = [...page.body.matchAll(/<script\b[^>]*\bdata-sw="([^"]+)"/g)].map((m) => m[1]!);
      assert.ok(scripts.length > 0, `${name} names its scripts`);
      const urls = new Set([...scripts, ...scripts.flatMap((s) => staticImports(s, manifest)), ...workers]);
      let total = 0;
      for (const u of urls) {
        const res = await t.app.inject({ url: u, headers: { 'accept-encoding': 'br' } });
        assert.equal(res.statusCode, 200, `${name}: ${u}`);
        assert.match(res.headers['content-type'] ?? '', /javascript/, u);
        if (u.startsWith('/assets/')) assert.equal(res.headers['content-encoding'], 'br', u);
        total += res.rawPayload.length;
      }
      figures[name] = total;
      assert.ok(total <= BUDGET, `${name}: ${total} bytes of compressed JavaScript > ${BUDGET}`);
      const map = [...urls].some((u) => MAP_LIBRARY.test(u));
      assert.equal(map, hasMap, `${name}: the map only where there is one`);
    }
  });

  test("the policy lets in images from the tile server and a tenant's logo host, and nothing else", () => {
    const csp = contentSecurityPolicy(t.platform, ['https://cdn.example.go.id/logo.png', '/local.png', null]);
    assert.match(csp, /img-src 'self' data: blob: https:\/\/cdn\.example\.go\.id;/);
    assert.match(csp, /connect-src 'self';/);
  });

  test('portal pages have a Content-Security-Policy and no inline script', async () => {
    for (const [name, url] of pages) {
      const page = await t.app.inject({ url });
      const csp = String(page.headers['content-security-policy'] ?? '');
      assert.match(csp, /script-src 'self'(;|$)/, name);
      for (const tag of page.body.match(/<script\b[^>]*>/g) ?? []) {
        assert.ok(
          /\bsrc="/.test(tag) || /type="application\/(ld\+)?json"/.test(tag),
          `${name}: inline ${tag}`,
        );
      }
    }
  });
});
