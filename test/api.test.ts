/** The platform's public surface: tenants, catalogue, health, OpenAPI, errors, host routing. */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DB_KIND, makeStaff, makeTenant, signIn, startTest, type TestContext } from './support/harness.ts';

describe(`platform API (${DB_KIND})`, () => {
  let t: TestContext;
  before(async () => {
    t = await startTest();
    await makeTenant(t.platform, 'kota-satu', { domains: ['layanan.satu.go.id'] });
    await makeTenant(t.platform, 'kota-dua', { timeZone: 'Asia/Jayapura' });
  });
  after(() => t.close());

  test('lists tenants with the contract fields', async () => {
    const res = await t.app.inject('/api/v1/tenants');
    assert.equal(res.statusCode, 200);
    const items = res.json().items as Array<Record<string, unknown>>;
    assert.deepEqual(items.map((i) => i.slug).sort(), ['kota-dua', 'kota-satu']);
    const dua = items.find((i) => i.slug === 'kota-dua')!;
    assert.equal(dua.kind, 'kota');
    assert.equal(dua.timeZone, 'Asia/Jayapura');
    assert.match(String(dua.code), /^\d{2}\.\d{2}$/);
  });

  test('lists the catalogue', async () => {
    const res = await t.app.inject('/api/v1/catalogue/apps');
    assert.equal(res.statusCode, 200);
    const reports = res.json().items.find((a: { code: string }) => a.code === 'reports');
    assert.equal(reports.name, 'LAKSA');
    assert.equal(reports.category, 'e-government');
    assert.deepEqual(reports.channels, ['web', 'android', 'webservice']);
  });

  test('health, readiness, metrics and OpenAPI answer at the root', async () => {
    assert.deepEqual((await t.app.inject('/healthz')).json(), { status: 'ok' });
    assert.equal((await t.app.inject('/readyz')).json().status, 'ready');
    await t.app.inject('/healthz');
    await t.app.inject('/no/such/route');
    const metrics = await t.app.inject('/metrics');
    assert.match(metrics.body, /balai_http_request_duration_seconds_bucket/);
    // Each method, route and status is its own series, counted once per request.
    const count = (labels: string) =>
      Number(
        new RegExp(`^balai_http_request_duration_seconds_count\\{${labels}\\} (\\d+)$`, 'm').exec(
          metrics.body,
        )?.[1],
      );
    assert.equal(count('method="GET",route="/healthz",status="200"'), 2);
    assert.equal(count('method="GET",route="unmatched",status="404"'), 1);
    const doc = (await t.app.inject('/api/openapi.json')).json();
    assert.equal(doc.openapi, '3.1.0');
    assert.ok(
      doc.paths['/t/{tenant}/api/v1/agencies'],
      'tenant routes are documented with their tenant parameter',
    );
    assert.ok(doc.paths['/api/v1/network']);
    const docs = await t.app.inject('/api/docs/');
    assert.equal(docs.statusCode, 200);
  });

  test("the tenant cache's hits, misses, entries and bytes are in /metrics", async () => {
    const read = async () => {
      const body = (await t.app.inject('/metrics')).body;
      const value = (name: string) => {
        const found = new RegExp(`^${name} (\\S+)$`, 'm').exec(body)?.[1];
        assert.ok(found !== undefined, `${name} is in /metrics`);
        return Number(found);
      };
      return {
        hits: value('balai_cache_hits_total'),
        misses: value('balai_cache_misses_total'),
        entries: value('balai_cache_entries'),
        bytes: value('balai_cache_bytes'),
        maxBytes: value('balai_cache_max_bytes'),
        ratio: value('balai_cache_hit_ratio'),
        evictions: value('balai_cache_evictions_total'),
      };
    };
    const before = await read();
    // The tenant's public agencies: read once (a miss, then kept), then served from the cache.
    for (let i = 0; i < 3; i += 1) {
      assert.equal((await t.app.inject('/t/kota-dua/api/v1/agencies')).statusCode, 200);
    }
    const after = await read();
    assert.ok(after.misses >= before.misses + 1, 'the first read missed');
    assert.ok(after.hits >= before.hits + 2, 'the next two were hits');
    assert.ok(after.entries >= 1 && after.bytes > before.bytes, 'and its entry is held, with its bytes');
    assert.equal(after.maxBytes, t.platform.config.cache.maxBytes);
    assert.ok(after.ratio > 0 && after.ratio <= 1);
    assert.equal(after.evictions, 0, 'nothing came near the budget');
  });

  test('unknown tenant and unknown route answer 404 problem documents', async () => {
    const res = await t.app.inject('/t/kota-tiada/api/v1/agencies');
    assert.equal(res.statusCode, 404);
    assert.match(String(res.headers['content-type']), /application\/problem\+json/);
    const body = res.json();
    assert.equal(body.status, 404);
    assert.equal(body.code, 'not_found');
    assert.equal(body.detail, 'Daerah tidak ditemukan.');
    const missing = await t.app.inject({
      url: '/api/v1/nothing',
      headers: { 'accept-language': 'en-US,en;q=0.9' },
    });
    assert.equal(missing.statusCode, 404);
    assert.equal(missing.json().title, 'Not found');
  });

  test('the root lists the tenants’ portals as a page; a person’s unknown root path gets a page, a program’s a problem', async () => {
    const root = await t.app.inject({ url: '/', headers: { accept: 'text/html' } });
    assert.equal(root.statusCode, 200);
    assert.match(String(root.headers['content-type']), /^text\/html/);
    assert.match(String(root.headers['content-security-policy']), /script-src 'self'/);
    for (const slug of ['kota-satu', 'kota-dua'])
      assert.ok(root.body.includes(`<a href="/t/${slug}/">Kota ${slug}</a>`), slug);
    assert.match(root.body, /<html lang="id">/);
    const en = await t.app.inject({ url: '/', headers: { 'accept-language': 'en' } });
    assert.equal(en.statusCode, 200, 'the page whatever the client accepts');
    assert.match(en.body, /Regional service portals/);
    // A person's mistyped address: a page in their language with the way back to the list.
    const page = await t.app.inject({
      url: '/portal-lama',
      headers: { accept: 'text/html,application/xhtml+xml', 'accept-language': 'en' },
    });
    assert.equal(page.statusCode, 404);
    assert.match(String(page.headers['content-type']), /^text\/html/);
    assert.match(page.body, /Page not found/);
    assert.match(page.body, /<a href="\/">/);
    // Programs keep problem documents, even when they accept HTML.
    for (const url of ['/portal-lama', '/api/v1/nothing', '/open311/nothing', '/t/kota-tiada/']) {
      const accept = url === '/portal-lama' ? 'application/json' : 'text/html';
      const res = await t.app.inject({ url, headers: { accept } });
      assert.equal(res.statusCode, 404, url);
      assert.match(String(res.headers['content-type']), /application\/problem\+json/, url);
    }
  });

  test('invalid input lists the offending fields in the caller’s language and changes nothing', async () => {
    const admin = await makeStaff(t.platform, t.platform.directory.bySlug('kota-satu')!.id, ['tenant_admin']);
    const headers = await signIn(t.app, 'kota-satu', admin.email);
    const payload = { code: 'bad code', name: 'X', kind: 'galaxy', extra: 1 };
    for (const [lang, required] of [
      ['id', 'Minimal 3 karakter.'],
      ['en', 'At least 3 characters.'],
    ] as const) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/t/kota-satu/api/v1/agencies',
        headers: { ...headers, 'accept-language': lang },
        payload,
      });
      assert.equal(res.statusCode, 400);
      const body = res.json();
      const paths = body.errors.map((e: { path: string }) => e.path);
      assert.ok(paths.includes('/body/code'));
      assert.ok(paths.includes('/body/kind'));
      assert.ok(paths.includes('/body/extra'));
      assert.equal(body.errors.find((e: { path: string }) => e.path === '/body/name').message, required);
    }
    const list = await t.app.inject('/t/kota-satu/api/v1/agencies');
    assert.deepEqual(list.json().items, []);
  });

  test('malformed JSON is a 400 problem without a stack trace', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/t/kota-satu/api/v1/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"login": ',
    });
    assert.equal(res.statusCode, 400);
    assert.doesNotMatch(res.body, /at \w+ \(|node_modules/);
  });

  test('a tenant is reached on its own domain and on <slug>.<base domain>', async () => {
    const viaDomain = await t.app.inject({ url: '/api/v1', headers: { host: 'layanan.satu.go.id' } });
    assert.equal(viaDomain.statusCode, 200);
    assert.equal(viaDomain.json().slug, 'kota-satu');
    const viaSub = await t.app.inject({ url: '/api/v1', headers: { host: 'kota-dua.balai.test:3000' } });
    assert.equal(viaSub.json().slug, 'kota-dua');
    const root = await t.app.inject({ url: '/healthz', headers: { host: 'layanan.satu.go.id' } });
    assert.equal(root.statusCode, 200);
    const unknownHost = await t.app.inject({ url: '/api/v1', headers: { host: 'other.example.com' } });
    assert.equal(unknownHost.statusCode, 404);
  });

  test('every response carries a request id; a sane given one is kept', async () => {
    const res = await t.app.inject({ url: '/healthz', headers: { 'x-request-id': 'req-12345678' } });
    assert.equal(res.headers['x-request-id'], 'req-12345678');
    const bad = await t.app.inject({ url: '/healthz', headers: { 'x-request-id': '<script>' } });
    assert.notEqual(bad.headers['x-request-id'], '<script>');
  });
});
