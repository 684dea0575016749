/**
 * What the HTTP layer guarantees whatever the route: the client address behind a proxy is the one
 * the proxy saw (not one the client wrote), and the security headers of a production deployment.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { SYSTEM_ACTOR } from '../src/platform/db/tenant-scope.ts';
import { DB_KIND, makeStaff, makeTenant, startTest, type TestContext } from './support/harness.ts';

describe(`behind one proxy (${DB_KIND})`, () => {
  let t: TestContext;
  let tenantId: string;
  before(async () => {
    t = await startTest({ env: { TRUST_PROXY: '1', LOGIN_RATE_PER_MINUTE: '3' } });
    tenantId = (await makeTenant(t.platform, 'kota-proksi')).id;
  });
  after(() => t.close());

  test('the address the proxy appended counts: a spoofed left-most X-Forwarded-For escapes neither the sign-in limit nor the audit', async () => {
    const user = await makeStaff(t.platform, tenantId, []);
    const real = '203.0.113.7';
    const attempt = (i: number) =>
      t.app.inject({
        method: 'POST',
        url: '/t/kota-proksi/api/v1/auth/login',
        // What the client wrote, then what the proxy appended (the socket's peer is the proxy).
        headers: { 'x-forwarded-for': `198.51.100.${i}, ${real}` },
        payload: { login: user.email, password: `wrong-password-${i}` },
      });
    for (let i = 0; i < 3; i++) assert.equal((await attempt(i)).statusCode, 401);
    const limited = await attempt(3);
    assert.equal(limited.statusCode, 429);
    assert.equal(limited.json().code, 'rate_limited');
    const rows = await t.platform.inTenant(tenantId, SYSTEM_ACTOR, (scope) =>
      scope.trx
        .selectFrom('audit_log')
        .select('ip')
        .where('entity_id', '=', user.id)
        .where('action', '=', 'auth.login_failed')
        .execute(),
    );
    assert.equal(rows.length, 3);
    assert.deepEqual(
      rows.map((r) => r.ip),
      [real, real, real],
    );
  });
});

const TOKEN = 'metrics-token-of-at-least-32-chars';

describe(`production headers (${DB_KIND})`, () => {
  let t: TestContext;
  before(async () => {
    t = await startTest({
      env: { NODE_ENV: 'production', SMTP_URL: 'smtp://localhost:2525', METRICS_TOKEN: TOKEN },
    });
    await makeTenant(t.platform, 'kota-produksi');
  });
  after(() => t.close());

  test('every answer carries HSTS and nosniff: pages, API answers and problems alike', async () => {
    for (const url of [
      '/healthz',
      '/api/openapi.json',
      '/t/kota-produksi/api/v1/agencies',
      '/t/kota-produksi/api/v1/users',
      '/no-such-route',
    ]) {
      const res = await t.app.inject({ url });
      assert.equal(res.headers['strict-transport-security'], 'max-age=31536000; includeSubDomains', url);
      assert.equal(res.headers['x-content-type-options'], 'nosniff', url);
    }
  });

  test('/metrics answers only with the metrics token', async () => {
    assert.equal((await t.app.inject({ url: '/metrics' })).statusCode, 401);
    const wrong = await t.app.inject({ url: '/metrics', headers: { authorization: 'Bearer nope' } });
    assert.equal(wrong.statusCode, 401);
    const right = await t.app.inject({ url: '/metrics', headers: { authorization: `Bearer ${TOKEN}` } });
    assert.equal(right.statusCode, 200);
    assert.match(right.body, /balai_http_request_duration_seconds/);
  });

  test('the API docs page is served under a Content-Security-Policy without inline scripts', async () => {
    for (const url of ['/api/docs', '/api/docs/static/index.html']) {
      const res = await t.app.inject({ url });
      const csp = String(res.headers['content-security-policy'] ?? '');
      assert.match(csp, /script-src 'self'(;|$)/, url);
      assert.match(csp, /default-src 'self'/, url);
      assert.match(csp, /frame-ancestors 'none'/, url);
    }
  });
});

describe(`production without a metrics token (${DB_KIND})`, () => {
  let t: TestContext;
  before(async () => {
    t = await startTest({ env: { NODE_ENV: 'production', SMTP_URL: 'smtp://localhost:2525' } });
  });
  after(() => t.close());

  test('/metrics is closed', async () => {
    assert.equal((await t.app.inject({ url: '/metrics' })).statusCode, 404);
    const any = await t.app.inject({ url: '/metrics', headers: { authorization: 'Bearer ' } });
    assert.equal(any.statusCode, 404);
  });
});

describe(`development headers (${DB_KIND})`, () => {
  let t: TestContext;
  before(async () => {
    t = await startTest();
  });
  after(() => t.close());

  test('no HSTS outside production (it would pin localhost to https), nosniff still; /metrics open', async () => {
    const res = await t.app.inject({ url: '/healthz' });
    assert.equal(res.headers['strict-transport-security'], undefined);
    assert.equal(res.headers['x-content-type-options'], 'nosniff');
    assert.equal((await t.app.inject({ url: '/metrics' })).statusCode, 200);
  });
});
