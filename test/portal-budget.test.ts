/**
 * The portal's JavaScript budget (ADR 0013): a citizen page ships at most 60 KB of compressed
 * JavaScript. For each portal page, every script the page names — with the chunks each statically
 * imports (Vite's manifest lists them) and the service worker its registration script fetches —
 * is requested as a browser would (`accept-encoding: br`) and the bytes actually sent are summed.
 * The pages also carry a Content-Security-Policy and no inline script (only JSON data elements).
 * Needs `npm run build` first.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { reportsApp } from '../src/modules/reports/index.ts';
import { putCategory } from '../src/modules/reports/services/settings.ts';
import { SYSTEM_ACTOR } from '../src/platform/db/tenant-scope.ts';
import { WEB_DIST } from '../src/web/paths.ts';
import { contentSecurityPolicy } from '../src/web/serve.ts';
import { DB_KIND, makeLive, makeTenant, startTest, type TestContext } from './support/harness.ts';

const BUDGET = 60 * 1024;
const MANIFEST = path.join(WEB_DIST, 'portal', '.vite', 'manifest.json');

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
  let trackingNo = '';
  const figures: Record<string, number> = {};

  before(async () => {
    // Without the build there is nothing to weigh: that is a failure, not a pass.
    assert.ok(existsSync(MANIFEST), 'dist/web/portal is missing: run `npm run build` first (npm test does)');
    t = await startTest({ modules: [reportsApp] });
    const tenant = await makeTenant(t.platform, 'kota-hemat');
    await makeLive(t.platform, tenant.id, 'reports');
    await t.platform.inTenant(tenant.id, SYSTEM_ACTOR, (scope) =>
      putCategory(scope, 'roads', { name: { id: 'Jalan rusak', en: 'Damaged roads' } }),
    );
    const filed = await t.app.inject({
      method: 'POST',
      url: '/t/kota-hemat/api/v1/reports',
      payload: {
        type: 'complaint',
        category: 'roads',
        description: 'Jalan berlubang di depan pasar, berbahaya untuk pengendara motor.',
        address: 'Jl. Pasar Baru',
      },
    });
    assert.equal(filed.statusCode, 201, filed.body);
    trackingNo = (filed.json() as { trackingNo: string }).trackingNo;
  });
  after(async () => {
    console.log(`compressed JavaScript per page (brotli, bytes): ${JSON.stringify(figures)}`);
    await t?.close();
  });

  const pages = () => [
    ['home', '/t/kota-hemat/'],
    ['report form', '/t/kota-hemat/lapor'],
    ['track', '/t/kota-hemat/lacak'],
    ['list', '/t/kota-hemat/laporan'],
    ['report page', `/t/kota-hemat/laporan/${trackingNo}`],
    ['sign-in', '/t/kota-hemat/masuk'],
  ];

  test('every portal page ships at most 60 KB of compressed JavaScript; the map only on the report form and the list', async () => {
    const manifest = JSON.parse(readFileSync(MANIFEST, 'utf8')) as ViteManifest;
    for (const [name, url] of pages()) {
      const page = await t.app.inject({ url: url!, headers: { 'accept-language': 'id' } });
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
      figures[name!] = total;
      assert.ok(total <= BUDGET, `${name}: ${total} bytes of compressed JavaScript > ${BUDGET}`);
      const map = scripts.some((s) => /report-form|reports-map/.test(s));
      assert.equal(
        map,
        name === 'report form' || name === 'list',
        `${name}: the map only where there is one`,
      );
    }
  });

  test("the policy lets in images from the tile server and a tenant's logo host, and nothing else", () => {
    const csp = contentSecurityPolicy(t.platform, ['https://cdn.example.go.id/logo.png', '/local.png', null]);
    assert.match(csp, /img-src 'self' data: blob: https:\/\/cdn\.example\.go\.id;/);
    assert.match(csp, /connect-src 'self';/);
  });

  test('portal pages have a Content-Security-Policy and no inline script', async () => {
    for (const [name, url] of pages()) {
      const page = await t.app.inject({ url: url! });
      const csp = String(page.headers['content-security-policy'] ?? '');
      assert.match(csp, /script-src 'self'(;|$)/, name);
      for (const tag of page.body.match(/<script\b[^>]*>/g) ?? []) {
        assert.ok(/\bsrc="/.test(tag) || /type="application\/json"/.test(tag), `${name}: inline ${tag}`);
      }
    }
  });
});
