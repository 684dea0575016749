/**
 * Bad input at the edge: a NUL character anywhere a value comes in (path, query, JSON, form and
 * multipart fields), integers past what the database holds, an over-long path parameter and a
 * malformed percent-escape each answer a 4xx problem document in the caller's language, never a
 * 500 or the framework's own JSON. test/fuzz.test.ts tries far more on every route; these are the
 * cases it first found, kept as plain regressions.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { MODULES } from '../src/platform/catalogue/installed.ts';
import {
  bearerFor,
  DB_KIND,
  type Json,
  makeLive,
  makeStaff,
  makeTenant,
  signIn,
  startTest,
  type TestContext,
} from './support/harness.ts';

const PROBLEM = 'application/problem+json; charset=utf-8';

describe(`bad input at the edge (${DB_KIND})`, () => {
  let t: TestContext;
  let admin: Record<string, string>;
  let session: Record<string, string>;
  let adminEmail = '';
  before(async () => {
    t = await startTest({ modules: MODULES });
    const tenant = await makeTenant(t.platform, 'kota-tepi');
    for (const app of MODULES) await makeLive(t.platform, tenant.id, app.code);
    const staff = await makeStaff(t.platform, tenant.id, ['tenant_admin']);
    adminEmail = staff.email;
    admin = await bearerFor(t.app, 'kota-tepi', staff.email);
    session = await signIn(t.app, 'kota-tepi', staff.email);
  });
  after(() => t.close());

  function assertProblem(res: { statusCode: number; headers: Json; body: string }, status: number) {
    assert.equal(res.statusCode, status, res.body);
    assert.equal(res.headers['content-type'], PROBLEM, res.body);
    return JSON.parse(res.body) as Json;
  }

  test('a NUL in the query is a 400 naming the field, in the caller’s language', async () => {
    const res = await t.app.inject({
      url: '/t/kota-tepi/api/v1/users?q=a%00b',
      headers: { ...admin, 'accept-language': 'en' },
    });
    const body = assertProblem(res, 400);
    assert.equal(body.code, 'validation');
    assert.deepEqual(
      body.errors.map((e: Json) => [e.path, e.code]),
      [['/querystring/q', 'nul']],
    );
    assert.match(body.errors[0].message, /NUL/);
    const id = await t.app.inject({ url: '/t/kota-tepi/api/v1/users?q=a%00b', headers: admin });
    assert.match(assertProblem(id, 400).errors[0].message, /NUL/);
    assert.notEqual(id.json().errors[0].message, body.errors[0].message);
  });

  test('a NUL in a path parameter is a 400 naming it', async () => {
    const res = await t.app.inject({ url: '/t/kota-tepi/api/v1/users/abc%00', headers: admin });
    assert.deepEqual(
      assertProblem(res, 400).errors.map((e: Json) => e.path),
      ['/params/id'],
    );
  });

  test('a NUL in a JSON body, at any depth, is a 400 naming the field and changes nothing', async () => {
    for (const [url, method, payload, path] of [
      ['/t/kota-tepi/api/v1/api-tokens', 'POST', { name: 'a\u0000b' }, '/body/name'],
      ['/t/kota-tepi/api/v1/settings', 'PATCH', { name: 'Kota\u0000' }, '/body/name'],
      [
        '/t/kota-tepi/api/v1/auth/login',
        'POST',
        { login: adminEmail, password: 'x\u0000' },
        '/body/password',
      ],
      ['/t/kota-tepi/api/v1/auth/password-reset', 'POST', { login: 'a\u0000@example.go.id' }, '/body/login'],
      [
        '/t/kota-tepi/api/v1/agreements',
        'POST',
        {
          kind: 'mou',
          number: 'MOU/1',
          signedOn: '2026-01-01',
          signatories: [{ name: 'A\u0000', title: 'B', party: 'C' }],
        },
        '/body/signatories/0/name',
      ],
    ] as const) {
      const res = await t.app.inject({ method, url, headers: admin, payload });
      const body = assertProblem(res, 400);
      assert.deepEqual(
        body.errors.map((e: Json) => e.path),
        [path],
        url,
      );
    }
    const tokens = await t.app.inject({ url: '/t/kota-tepi/api/v1/api-tokens', headers: admin });
    assert.equal(tokens.json().items.length, 1, 'only the suite’s own token');
  });

  test('a NUL in a form field or a multipart text field is refused too', async () => {
    const form = await t.app.inject({
      method: 'PATCH',
      url: '/t/kota-tepi/api/v1/settings',
      headers: { ...session, 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'name=Kota%00Tepi',
    });
    // The settings route takes JSON only: a form answers 415 before its fields are read.
    assert.ok([400, 415].includes(form.statusCode), form.body);
    assert.equal(form.headers['content-type'], PROBLEM);
    const portal = await t.app.inject({
      method: 'POST',
      url: '/t/kota-tepi/masuk',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
      payload: `login=${encodeURIComponent(adminEmail)}&password=x%00y`,
    });
    // A portal page answers a person with a page, never a 500.
    assert.equal(portal.statusCode, 400, portal.body.slice(0, 200));
    assert.match(String(portal.headers['content-type']), /^text\/html/);
    const boundary = '----nul';
    const multipart = await t.app.inject({
      method: 'PUT',
      url: '/t/kota-tepi/api/v1/agreements/00000000-0000-4000-8000-000000000000/document',
      headers: { ...admin, 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload:
        `--${boundary}\r\nContent-Disposition: form-data; name="note"\r\n\r\na\u0000b\r\n` +
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4\r\n` +
        `--${boundary}--\r\n`,
    });
    assert.deepEqual(
      assertProblem(multipart, 400).errors.map((e: Json) => e.path),
      ['/body/note'],
    );
  });

  test('an offset past what the database counts is a 400 on the field', async () => {
    for (const offset of ['99999999999999999999', '9223372036854775807', '2147483648']) {
      const res = await t.app.inject({ url: `/t/kota-tepi/api/v1/users?offset=${offset}`, headers: admin });
      const body = assertProblem(res, 400);
      assert.deepEqual(
        body.errors.map((e: Json) => [e.path, e.code]),
        [['/querystring/offset', 'maximum']],
      );
    }
  });

  test('an over-long path parameter is a 414 problem document', async () => {
    const res = await t.app.inject({
      url: `/t/kota-tepi/api/v1/users/${'x'.repeat(500)}`,
      headers: { ...admin, 'accept-language': 'en' },
    });
    const body = assertProblem(res, 414);
    assert.equal(body.code, 'uri_too_long');
    assert.equal(body.title, 'Address too long');
    assert.ok(res.headers['x-request-id']);
  });

  test('a malformed percent-escape is a 400 problem document in the caller’s language', async () => {
    for (const url of [
      '/t/kota-tepi/api/v1/users/%zz',
      '/t/kota-tepi/api/v1/users/%ff',
      '/api/v1/tenants/%E0%A4%A',
    ]) {
      const res = await t.app.inject({ url, headers: { 'accept-language': 'en' } });
      const body = assertProblem(res, 400);
      assert.equal(body.code, 'bad_request', url);
      assert.match(body.detail, /percent/, url);
      assert.equal(body.instance, url);
    }
    const id = await t.app.inject({ url: '/t/kota-tepi/api/v1/users/%zz?lang=id' });
    assert.equal(assertProblem(id, 400).title, 'Permintaan tidak dapat diproses');
  });

  test('on a data document of a tenant (`/catalog.ttl`), the router’s refusals are problem documents', async () => {
    for (const url of ['/t/kota-tepi/dataset/%zz.ttl', '/t/kota-tepi/dataset/%ff.jsonld?page=1']) {
      const res = await t.app.inject({ url, headers: { 'accept-language': 'en' } });
      assert.equal(assertProblem(res, 400).code, 'bad_request', url);
    }
    const missing = await t.app.inject({ url: '/t/kota-tepi/tidak-ada.ttl' });
    assert.equal(assertProblem(missing, 404).code, 'not_found');
  });

  test('on a portal page, the router’s refusals are the portal’s error page', async () => {
    for (const [url, status] of [
      ['/t/kota-tepi/masuk/%zz', 400],
      [`/t/kota-tepi/laporan/${'x'.repeat(500)}`, 414],
    ] as const) {
      const res = await t.app.inject({ url, headers: { accept: 'text/html', 'accept-language': 'en' } });
      assert.equal(res.statusCode, status, url);
      assert.match(String(res.headers['content-type']), /^text\/html/, url);
      assert.match(res.body, /<html lang="en"/, url);
    }
  });

  test('a number past any range (1e309 is Infinity) is a 400, though the validator lets it through', async () => {
    for (const days of ['1e309', 'Infinity']) {
      const res = await t.app.inject({
        url: `/t/kota-tepi/api/v1/calendar/due?days=${days}`,
        headers: admin,
      });
      assert.deepEqual(
        assertProblem(res, 400).errors.map((e: Json) => e.path),
        ['/querystring/days'],
      );
    }
  });

  test('a route that declares its body per media type refuses a missing body and other media types', async () => {
    if (!MODULES.some((m) => m.code === 'reports')) return;
    const none = await t.app.inject({ method: 'POST', url: '/t/kota-tepi/api/v1/reports', headers: admin });
    assert.deepEqual(
      assertProblem(none, 400).errors.map((e: Json) => [e.path, e.code]),
      [['/body', 'required']],
    );
    const text = await t.app.inject({
      method: 'POST',
      url: '/t/kota-tepi/api/v1/reports',
      headers: { ...admin, 'content-type': 'text/plain' },
      payload: '{"type":"complaint"}',
    });
    assertProblem(text, 415);
  });
});
