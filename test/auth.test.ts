/** Sign-in, sessions, CSRF, lockout, API tokens, roles — and every login in the audit trail. */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { SYSTEM_ACTOR } from '../src/platform/db/tenant-scope.ts';
import { sha256 } from '../src/platform/people/auth.ts';
import { grantRole } from '../src/platform/people/service.ts';
import { createAgency } from '../src/platform/tenancy/service.ts';
import {
  DB_KIND,
  makeStaff,
  makeTenant,
  PASSWORD,
  signIn,
  startTest,
  type TestContext,
} from './support/harness.ts';

describe(`authentication (${DB_KIND})`, () => {
  let t: TestContext;
  let tenantId: string;
  let admin: { id: string; email: string };
  before(async () => {
    t = await startTest({ env: { LOGIN_MAX_FAILURES: '3', LOGIN_LOCK_MINUTES: '15' } });
    tenantId = (await makeTenant(t.platform, 'kota-auth')).id;
    admin = await makeStaff(t.platform, tenantId, ['tenant_admin']);
  });
  after(() => t.close());

  const url = (path: string) => `/t/kota-auth/api/v1${path}`;

  test('a session cookie is HttpOnly, SameSite=Lax, scoped to the tenant path; the hash is argon2id', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: url('/auth/login'),
      payload: { login: admin.email.toUpperCase(), password: PASSWORD },
    });
    assert.equal(res.statusCode, 200);
    const cookie = res.cookies.find((c) => c.name === 'balai_session')!;
    assert.equal(cookie.httpOnly, true);
    assert.equal(cookie.sameSite, 'Lax');
    assert.equal(cookie.path, '/t/kota-auth');
    assert.ok(res.json().permissions.includes('platform.user.manage'));
    const row = await t.platform.inTenant(
      tenantId,
      { userId: null, label: 't', requestId: null, ip: null },
      (s) =>
        s.trx
          .selectFrom('users')
          .select('password_hash')
          .where('id', '=', admin.id)
          .executeTakeFirstOrThrow(),
    );
    assert.match(row.password_hash, /^\$argon2id\$/);
  });

  test('an unsafe request with a session needs the CSRF token', async () => {
    const headers = await signIn(t.app, 'kota-auth', admin.email);
    const payload = { code: 'DISKOMINFO', name: 'Dinas Kominfo', kind: 'dinas' };
    const without = await t.app.inject({
      method: 'POST',
      url: url('/agencies'),
      headers: { cookie: headers.cookie },
      payload,
    });
    assert.equal(without.statusCode, 403);
    assert.equal(without.json().code, 'csrf');
    const wrong = await t.app.inject({
      method: 'POST',
      url: url('/agencies'),
      headers: { ...headers, 'x-csrf-token': 'nope' },
      payload,
    });
    assert.equal(wrong.statusCode, 403);
    const ok = await t.app.inject({ method: 'POST', url: url('/agencies'), headers, payload });
    assert.equal(ok.statusCode, 201);
  });

  test('a write a browser sends from another site is refused before anyone is signed in (login CSRF)', async () => {
    const login = (headers: Record<string, string>) =>
      t.app.inject({
        method: 'POST',
        url: url('/auth/login'),
        headers: { host: 'kota-auth.balai.test', ...headers },
        payload: { login: admin.email, password: PASSWORD },
      });
    const attempts: Record<string, string>[] = [
      { 'sec-fetch-site': 'cross-site' },
      // Another tenant's subdomain is the same site, not the same origin.
      { 'sec-fetch-site': 'same-site' },
      { origin: 'https://penipu.example' },
      { origin: 'null', 'sec-fetch-site': 'cross-site' },
    ];
    for (const headers of attempts) {
      const res = await login(headers);
      assert.equal(res.statusCode, 403, JSON.stringify(headers));
      assert.equal(res.json().code, 'csrf');
      assert.equal(res.cookies.length, 0, 'no session was opened');
    }
    // The tenant's own pages, and clients that are not browsers, sign in as before.
    assert.equal(
      (await login({ 'sec-fetch-site': 'same-origin', origin: 'http://kota-auth.balai.test' })).statusCode,
      200,
    );
    assert.equal((await login({})).statusCode, 200);
    // A page with Referrer-Policy: no-referrer posts with Origin: null, from the same origin.
    assert.equal((await login({ origin: 'null', 'sec-fetch-site': 'same-origin' })).statusCode, 200);
    // Reads are never refused for where they come from.
    const read = await t.app.inject({ url: url('/agencies'), headers: { 'sec-fetch-site': 'cross-site' } });
    assert.equal(read.statusCode, 200);
  });

  const loginFrom = (address: string, login: string, password: string) =>
    t.app.inject({
      method: 'POST',
      url: url('/auth/login'),
      remoteAddress: address,
      payload: { login, password },
    });

  /** The lock of (login, address) ends now, as if its delay had passed. */
  const lockPassed = (login: string, address: string) =>
    t.platform.inTenant(tenantId, SYSTEM_ACTOR, (scope) =>
      scope.trx
        .updateTable('login_throttles')
        .set({ locked_until: new Date(Date.now() - 1000) })
        .where('login_hash', '=', sha256(login))
        .where('ip', '=', address)
        .execute(),
    );

  test('failures from one address lock that address out of the account, with a growing delay; the owner elsewhere signs in', async () => {
    const victim = await makeStaff(t.platform, tenantId, []);
    const attacker = '198.51.100.66';
    for (let i = 0; i < 2; i++) {
      const res = await loginFrom(attacker, victim.email, 'wrong-password');
      assert.equal(res.statusCode, 401);
      assert.equal(res.json().detail, 'Email/nomor telepon atau kata sandi salah.');
    }
    const third = await loginFrom(attacker, victim.email, 'wrong-password');
    assert.equal(third.statusCode, 429);
    assert.equal(third.json().code, 'locked');
    assert.equal(third.headers['retry-after'], '60');
    // From the locked address even the right password waits.
    const right = await loginFrom(attacker, victim.email, PASSWORD);
    assert.equal(right.statusCode, 429);
    assert.ok(Number(right.headers['retry-after']) > 0);
    // The owner, from anywhere else, is not locked out.
    const owner = await loginFrom('203.0.113.20', victim.email, PASSWORD);
    assert.equal(owner.statusCode, 200);
    const headers = await signIn(t.app, 'kota-auth', admin.email);
    const user = await t.app.inject({ url: url(`/users/${victim.id}`), headers });
    assert.equal(user.json().locked, true, 'an address is locked out of it');
    // Each failure once a delay has passed doubles the next one, up to LOGIN_LOCK_MINUTES.
    const delays: string[] = [];
    for (let i = 0; i < 5; i++) {
      await lockPassed(victim.email, attacker);
      delays.push(String((await loginFrom(attacker, victim.email, 'wrong-password')).headers['retry-after']));
    }
    assert.deepEqual(delays, ['120', '240', '480', '900', '900']);
    const audit = await t.app.inject({ url: url(`/audit?entityId=${victim.id}`), headers });
    const rows = audit.json().items as Array<{ action: string; ip: string }>;
    assert.deepEqual(
      rows.map((i) => i.action),
      [
        ...Array(5).fill('auth.locked'),
        'auth.login',
        'auth.login_locked',
        'auth.locked',
        'auth.login_failed',
        'auth.login_failed',
        'user.create',
      ],
    );
    assert.equal(rows[0]!.ip, attacker);
    assert.equal(rows[5]!.ip, '203.0.113.20');
  });

  test('a burst of parallel guesses gets no more checked than one after another', async () => {
    const victim = await makeStaff(t.platform, tenantId, []);
    const address = '198.51.100.99';
    const answers = await Promise.all(
      Array.from({ length: 10 }, () => loginFrom(address, victim.email, 'wrong-password')),
    );
    assert.deepEqual(answers.map((a) => a.statusCode).sort(), [401, 401, ...Array(8).fill(429)]);
    // Three guesses were checked and counted; the seven others were refused before any check.
    const counted = await t.platform.inTenant(tenantId, SYSTEM_ACTOR, (scope) =>
      scope.trx
        .selectFrom('login_throttles')
        .select('failures')
        .where('login_hash', '=', sha256(victim.email))
        .where('ip', '=', address)
        .executeTakeFirstOrThrow(),
    );
    assert.equal(counted.failures, 3);
  });

  test('an IPv6 client is counted by its /64: changing address within it does not reset the count', async () => {
    const victim = await makeStaff(t.platform, tenantId, []);
    const statuses = [];
    for (const host of ['a', 'b', 'c']) {
      statuses.push((await loginFrom(`2001:db8:1:2::${host}`, victim.email, 'wrong-password')).statusCode);
    }
    assert.deepEqual(statuses, [401, 401, 429]);
    // Another /64 is another client.
    assert.equal((await loginFrom('2001:db8:1:3::a', victim.email, PASSWORD)).statusCode, 200);
  });

  test('a successful sign-in clears its address’s failures', async () => {
    const user = await makeStaff(t.platform, tenantId, []);
    const address = '198.51.100.77';
    for (let i = 0; i < 2; i++) assert.equal((await loginFrom(address, user.email, 'wrong')).statusCode, 401);
    assert.equal((await loginFrom(address, user.email, PASSWORD)).statusCode, 200);
    for (let i = 0; i < 2; i++) assert.equal((await loginFrom(address, user.email, 'wrong')).statusCode, 401);
  });

  test('an unknown login is locked out exactly like a known one (no account enumeration)', async () => {
    const known = await makeStaff(t.platform, tenantId, []);
    const answers = [];
    for (const login of [known.email, 'tidak-ada@example.go.id']) {
      const address = '198.51.100.88';
      const seen = [];
      for (let i = 0; i < 4; i++) {
        const res = await loginFrom(address, login, 'wrong-password');
        seen.push([res.statusCode, res.headers['retry-after'], res.json().code, res.json().detail]);
      }
      answers.push(seen);
    }
    assert.deepEqual(answers[0], answers[1]);
    assert.equal(answers[0]![3]![0], 429);
  });

  test('an unknown login is refused like a wrong password, and audited without a user', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: url('/auth/login'),
      payload: { login: 'nobody@example.go.id', password: 'whatever-it-is' },
    });
    assert.equal(res.statusCode, 401);
    const headers = await signIn(t.app, 'kota-auth', admin.email);
    const audit = await t.app.inject({ url: url('/audit?action=auth.login_failed'), headers });
    assert.ok(
      audit
        .json()
        .items.some((i: { after: { login?: string } }) => i.after?.login === 'nobody@example.go.id'),
    );
  });

  test('API tokens authenticate, are stored hashed, and stop working when revoked', async () => {
    const headers = await signIn(t.app, 'kota-auth', admin.email);
    const issued = await t.app.inject({
      method: 'POST',
      url: url('/api-tokens'),
      headers,
      payload: { name: 'integrasi' },
    });
    assert.equal(issued.statusCode, 201);
    const { id, token } = issued.json();
    assert.match(token, /^balai_/);
    const stored = await t.platform.inTenant(
      tenantId,
      { userId: null, label: 't', requestId: null, ip: null },
      (s) =>
        s.trx.selectFrom('api_tokens').select('token_hash').where('id', '=', id).executeTakeFirstOrThrow(),
    );
    assert.notEqual(stored.token_hash, token);
    const bearer = { authorization: `Bearer ${token}` };
    const me = await t.app.inject({ url: url('/auth/session'), headers: bearer });
    assert.equal(me.statusCode, 200);
    assert.equal(me.json().csrfToken, null);
    // A token needs no CSRF token: it is not sent by browsers on their own.
    const create = await t.app.inject({
      method: 'POST',
      url: url('/agencies'),
      headers: bearer,
      payload: { code: 'DLH', name: 'Dinas Lingkungan Hidup', kind: 'dinas' },
    });
    assert.equal(create.statusCode, 201);
    const revoke = await t.app.inject({ method: 'DELETE', url: url(`/api-tokens/${id}`), headers });
    assert.equal(revoke.statusCode, 204);
    const after = await t.app.inject({ url: url('/auth/session'), headers: bearer });
    assert.equal(after.statusCode, 401);
  });

  test('the session lists the permissions held anywhere and, apart, those held in the whole tenant', async () => {
    // An agency's administrator who is also an auditor of the whole tenant.
    const staff = await makeStaff(t.platform, tenantId, ['auditor']);
    await t.platform.inTenant(tenantId, SYSTEM_ACTOR, async (scope) => {
      const agency = await createAgency(scope, { code: 'DISDUK', name: 'Dinas Dukcapil', kind: 'dinas' });
      await grantRole(scope, staff.id, { role: 'agency_admin', agencyId: agency.id });
    });
    const headers = await signIn(t.app, 'kota-auth', staff.email);
    const me = (await t.app.inject({ url: url('/auth/session'), headers })).json();
    assert.ok(me.permissions.includes('platform.agency.manage'), 'held in the agency');
    assert.ok(me.permissions.includes('platform.audit.read'));
    assert.ok(!me.tenantPermissions.includes('platform.agency.manage'), 'not in the whole tenant');
    assert.ok(me.tenantPermissions.includes('platform.audit.read'), 'the auditor’s, tenant-wide');
    assert.ok(me.tenantPermissions.every((p: string) => me.permissions.includes(p)));
    const adminSession = (
      await t.app.inject({
        url: url('/auth/session'),
        headers: await signIn(t.app, 'kota-auth', admin.email),
      })
    ).json();
    assert.deepEqual(adminSession.tenantPermissions, adminSession.permissions);
  });

  test('logout ends the session', async () => {
    const headers = await signIn(t.app, 'kota-auth', admin.email);
    const out = await t.app.inject({ method: 'POST', url: url('/auth/logout'), headers });
    assert.equal(out.statusCode, 204);
    const me = await t.app.inject({ url: url('/auth/session'), headers });
    assert.equal(me.statusCode, 401);
  });

  test('citizens sign up with a checked NIK and phone; bad identifiers are listed', async () => {
    const bad = await t.app.inject({
      method: 'POST',
      url: url('/auth/register'),
      headers: { 'accept-language': 'en' },
      payload: { displayName: 'Budi', phone: '12345', nik: '3671051399900001', password: 'short' },
    });
    assert.equal(bad.statusCode, 400);
    const paths = bad
      .json()
      .errors.map((e: { path: string }) => e.path)
      .sort();
    assert.deepEqual(paths, ['/body/nik', '/body/password', '/body/phone']);
    const ok = await t.app.inject({
      method: 'POST',
      url: url('/auth/register'),
      payload: {
        displayName: 'Budi Santoso',
        phone: '0812-3456-7890',
        nik: '3671051203900001',
        password: 'rahasia-budi-1',
      },
    });
    assert.equal(ok.statusCode, 201);
    assert.equal(ok.json().phone, '+6281234567890');
    assert.equal(ok.json().kind, 'citizen');
    const login = await t.app.inject({
      method: 'POST',
      url: url('/auth/login'),
      payload: { login: '0812 3456 7890', password: 'rahasia-budi-1' },
    });
    assert.equal(login.statusCode, 200);
    const again = await t.app.inject({
      method: 'POST',
      url: url('/auth/register'),
      payload: { displayName: 'Budi Lain', phone: '+62 812 3456 7890', password: 'rahasia-budi-2' },
    });
    assert.equal(again.statusCode, 400);
    assert.equal(again.json().errors[0].code, 'taken');
  });

  test('roles gate routes by named permission; only platform admins make platform admins', async () => {
    const viewer = await makeStaff(t.platform, tenantId, ['viewer']);
    const vh = await signIn(t.app, 'kota-auth', viewer.email);
    const denied = await t.app.inject({ url: url('/users'), headers: vh });
    assert.equal(denied.statusCode, 403);
    const anon = await t.app.inject({ url: url('/users') });
    assert.equal(anon.statusCode, 401);
    const ah = await signIn(t.app, 'kota-auth', admin.email);
    const grant = await t.app.inject({
      method: 'POST',
      url: url(`/users/${viewer.id}/grants`),
      headers: ah,
      payload: { role: 'auditor' },
    });
    assert.equal(grant.statusCode, 201);
    const vh2 = await signIn(t.app, 'kota-auth', viewer.email);
    assert.equal((await t.app.inject({ url: url('/audit'), headers: vh2 })).statusCode, 200);
    // Tenant administrators can neither unmake a platform administrator nor remove the last of themselves.
    const platformAdmin = await makeStaff(t.platform, tenantId, ['platform_admin']);
    const paGrant = (await t.app.inject({ url: url(`/users/${platformAdmin.id}`), headers: ah })).json()
      .grants[0].id;
    const unmake = await t.app.inject({
      method: 'DELETE',
      url: url(`/users/${platformAdmin.id}/grants/${paGrant}`),
      headers: ah,
    });
    assert.equal(unmake.statusCode, 403);
    const adminGrant = (await t.app.inject({ url: url(`/users/${admin.id}`), headers: ah })).json().grants[0]
      .id;
    const last = await t.app.inject({
      method: 'DELETE',
      url: url(`/users/${admin.id}/grants/${adminGrant}`),
      headers: ah,
    });
    assert.equal(last.statusCode, 409);
    assert.equal(last.json().code, 'conflict');
    const escalate = await t.app.inject({
      method: 'POST',
      url: url(`/users/${viewer.id}/grants`),
      headers: ah,
      payload: { role: 'platform_admin' },
    });
    assert.equal(escalate.statusCode, 403);
  });

  test('a session of one tenant is nothing in another', async () => {
    await makeTenant(t.platform, 'kota-lain');
    const headers = await signIn(t.app, 'kota-auth', admin.email);
    const res = await t.app.inject({ url: '/t/kota-lain/api/v1/auth/session', headers });
    assert.equal(res.statusCode, 401);
  });
});

describe(`sign-in rate limit (${DB_KIND})`, () => {
  let t: TestContext;
  before(async () => {
    t = await startTest({ env: { LOGIN_RATE_PER_MINUTE: '3' } });
    await makeTenant(t.platform, 'kota-batas');
  });
  after(() => t.close());

  test('more sign-in attempts per minute than allowed from one address get 429 with Retry-After', async () => {
    const attempt = () =>
      t.app.inject({
        method: 'POST',
        url: '/t/kota-batas/api/v1/auth/login',
        payload: { login: 'a@b.go.id', password: 'xxxxxxxxxx' },
      });
    for (let i = 0; i < 3; i++) assert.equal((await attempt()).statusCode, 401);
    const limited = await attempt();
    assert.equal(limited.statusCode, 429);
    assert.equal(limited.json().code, 'rate_limited');
    assert.ok(Number(limited.headers['retry-after']) > 0);
    assert.equal(limited.json().detail, `Coba lagi dalam ${limited.headers['retry-after']} detik.`);
  });
});
