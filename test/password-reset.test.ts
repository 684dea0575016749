/**
 * Password reset through the API: the same 202 for an unknown login (and no mail), a single-use
 * link by email (or SMS without an email) carrying a random token of which only the hash is kept,
 * refused once used, expired or superseded, or on another tenant; a reset ends every session of the
 * account and is audited. Runs on the embedded database and on PostgreSQL.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { SYSTEM_ACTOR } from '../src/platform/db/tenant-scope.ts';
import { deliverPending } from '../src/platform/notify/outbox.ts';
import { createTransports, type Transports } from '../src/platform/notify/transports.ts';
import { sha256 } from '../src/platform/people/auth.ts';
import { portalBase, RESET_MAX_PER_HOUR } from '../src/platform/people/passwords.ts';
import {
  bearerFor,
  DB_KIND,
  type Json,
  makeStaff,
  makeTenant,
  startTest,
  type TestContext,
} from './support/harness.ts';

describe(`password reset (${DB_KIND})`, () => {
  let t: TestContext;
  let transports: Transports;
  const tenants: Record<string, { id: string; admin: Record<string, string> }> = {};

  before(async () => {
    t = await startTest();
    transports = createTransports(t.config, t.platform.database);
    for (const slug of ['kota-sandi', 'kota-sandi-lain']) {
      const tenant = await makeTenant(t.platform, slug);
      const admin = await makeStaff(t.platform, tenant.id, ['tenant_admin']);
      tenants[slug] = { id: tenant.id, admin: await bearerFor(t.app, slug, admin.email) };
    }
  });
  after(() => t.close());

  const api = (slug: string, path: string) => `/t/${slug}/api/v1${path}`;

  async function register(slug: string, body: Record<string, string>) {
    const res = await t.app.inject({
      method: 'POST',
      url: api(slug, '/auth/register'),
      payload: { displayName: 'Siti Warga', password: 'kata-sandi-lama-1', ...body },
    });
    assert.equal(res.statusCode, 201, res.body);
    return res.json() as Json;
  }

  /** Delivers the tenant's outbox, then returns the development mailbox's messages to `to`, newest first. */
  async function mailTo(slug: string, to: string): Promise<Json[]> {
    const tenant = tenants[slug]!;
    await deliverPending(
      { tenantId: tenant.id, inTenant: (fn) => t.platform.inTenant(tenant.id, SYSTEM_ACTOR, fn) },
      transports,
      t.config.notify,
    );
    const res = await t.app.inject({
      url: api(slug, `/dev/mailbox?to=${encodeURIComponent(to)}`),
      headers: tenant.admin,
    });
    assert.equal(res.statusCode, 200, res.body);
    return res.json().items as Json[];
  }

  function tokenIn(message: Json): string {
    const match = /\/atur-sandi\?token=([A-Za-z0-9_-]+)/.exec(message.body as string);
    assert.ok(match, `no reset link in: ${message.body}`);
    return match[1]!;
  }

  async function askReset(slug: string, login: string, lang = 'id') {
    return t.app.inject({
      method: 'POST',
      url: `${api(slug, '/auth/password-reset')}?lang=${lang}`,
      payload: { login },
    });
  }

  async function confirm(slug: string, token: string, password: string) {
    return t.app.inject({
      method: 'POST',
      url: api(slug, '/auth/password-reset/confirm'),
      payload: { token, password },
    });
  }

  async function loginStatus(slug: string, login: string, password: string) {
    return (
      await t.app.inject({ method: 'POST', url: api(slug, '/auth/login'), payload: { login, password } })
    ).statusCode;
  }

  test('an unknown login gets the same 202 as a known one, and no mail is queued', async () => {
    await register('kota-sandi', { email: 'ada@example.id' });
    const outboxBefore = await outboxCount('kota-sandi');
    const unknown = await askReset('kota-sandi', 'tidak-ada@example.id');
    assert.equal(unknown.statusCode, 202);
    assert.equal(await outboxCount('kota-sandi'), outboxBefore);
    assert.deepEqual(await mailTo('kota-sandi', 'tidak-ada@example.id'), []);
    const known = await askReset('kota-sandi', 'ADA@example.id');
    assert.equal(known.statusCode, 202);
    assert.equal(known.body, unknown.body);
    assert.equal(await outboxCount('kota-sandi'), outboxBefore + 1);
    // The audit trail keeps a hash of the unknown login, never the address itself.
    const audit = await t.app.inject({
      url: api('kota-sandi', '/audit?action=auth.password_reset_unknown'),
      headers: tenants['kota-sandi']!.admin,
    });
    assert.equal(audit.statusCode, 200, audit.body);
    assert.ok((audit.json().items as Json[]).length >= 1);
    assert.ok(!audit.body.includes('tidak-ada@example.id'), 'no address of a non-user in the trail');
  });

  async function outboxCount(slug: string): Promise<number> {
    const id = tenants[slug]!.id;
    const row = await t.platform.inTenant(id, SYSTEM_ACTOR, (scope) =>
      scope.trx
        .selectFrom('notification_outbox')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('tenant_id', '=', id)
        .executeTakeFirstOrThrow(),
    );
    return Number(row.n);
  }

  test('the link works once; the new password signs in, the old one no longer; only a hash is stored', async () => {
    await register('kota-sandi', { email: 'sekali@example.id' });
    assert.equal((await askReset('kota-sandi', 'sekali@example.id')).statusCode, 202);
    const [mail] = await mailTo('kota-sandi', 'sekali@example.id');
    assert.ok(mail);
    assert.match(mail.subject as string, /Atur ulang kata sandi/);
    const token = tokenIn(mail);
    // The link opens this tenant's portal page on the address the request came to.
    assert.match(mail.body as string, /http:\/\/localhost(:\d+)?\/t\/kota-sandi\/atur-sandi\?token=/);
    const rows = await t.platform.inTenant(tenants['kota-sandi']!.id, SYSTEM_ACTOR, (scope) =>
      scope.trx.selectFrom('password_resets').selectAll().execute(),
    );
    assert.ok(rows.some((r) => r.token_hash === sha256(token)));
    assert.ok(!JSON.stringify(rows).includes(token), 'the clear token is not stored');

    const weak = await confirm('kota-sandi', token, 'pendek');
    assert.equal(weak.statusCode, 400);
    assert.equal(weak.json().errors[0].code, 'password_weak');
    // A refused attempt does not use the link up.
    assert.equal((await confirm('kota-sandi', token, 'kata-sandi-baru-1')).statusCode, 204);
    assert.equal(await loginStatus('kota-sandi', 'sekali@example.id', 'kata-sandi-baru-1'), 200);
    assert.equal(await loginStatus('kota-sandi', 'sekali@example.id', 'kata-sandi-lama-1'), 401);

    const again = await confirm('kota-sandi', token, 'kata-sandi-baru-2');
    assert.equal(again.statusCode, 400);
    assert.equal(again.json().errors[0].path, '/body/token');
    assert.equal(again.json().errors[0].code, 'reset_token');
    assert.equal(await loginStatus('kota-sandi', 'sekali@example.id', 'kata-sandi-baru-2'), 401);
    // The account holder is told that the password changed.
    const [notice] = await mailTo('kota-sandi', 'sekali@example.id');
    assert.match(notice!.subject as string, /telah diganti/);
  });

  test('an expired link is refused; a newer link supersedes the older one', async () => {
    await register('kota-sandi', { email: 'kedaluwarsa@example.id' });
    await askReset('kota-sandi', 'kedaluwarsa@example.id');
    const expired = tokenIn((await mailTo('kota-sandi', 'kedaluwarsa@example.id'))[0]!);
    const id = tenants['kota-sandi']!.id;
    // The link was sent two hours ago and lapsed an hour later.
    await t.platform.inTenant(id, SYSTEM_ACTOR, (scope) =>
      sql`update password_resets set created_at = now() - interval '2 hours', expires_at = now() - interval '1 hour'
          where tenant_id = ${id} and token_hash = ${sha256(expired)}`.execute(scope.trx),
    );
    const refused = await confirm('kota-sandi', expired, 'kata-sandi-baru-1');
    assert.equal(refused.statusCode, 400);
    assert.equal(refused.json().errors[0].code, 'reset_token');

    await askReset('kota-sandi', 'kedaluwarsa@example.id', 'en');
    const older = tokenIn((await mailTo('kota-sandi', 'kedaluwarsa@example.id'))[0]!);
    await askReset('kota-sandi', 'kedaluwarsa@example.id', 'en');
    const [latestMail] = await mailTo('kota-sandi', 'kedaluwarsa@example.id');
    assert.match(latestMail!.subject as string, /^Reset your/);
    const latest = tokenIn(latestMail!);
    assert.notEqual(latest, older);
    assert.equal((await confirm('kota-sandi', older, 'kata-sandi-baru-1')).statusCode, 400);
    assert.equal((await confirm('kota-sandi', latest, 'kata-sandi-baru-1')).statusCode, 204);
  });

  test('a reset unlocks every address that failures had locked out of the account', async () => {
    await register('kota-sandi', { email: 'terkunci@example.id' });
    const attempt = (password: string) =>
      t.app.inject({
        method: 'POST',
        url: api('kota-sandi', '/auth/login'),
        remoteAddress: '198.51.100.9',
        payload: { login: 'terkunci@example.id', password },
      });
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push((await attempt('bukan-sandinya')).statusCode);
    assert.deepEqual(statuses, [401, 401, 401, 401, 429]);
    assert.equal((await attempt('kata-sandi-lama-1')).statusCode, 429);
    await askReset('kota-sandi', 'terkunci@example.id');
    const token = tokenIn((await mailTo('kota-sandi', 'terkunci@example.id'))[0]!);
    assert.equal((await confirm('kota-sandi', token, 'kata-sandi-baru-1')).statusCode, 204);
    assert.equal((await attempt('kata-sandi-baru-1')).statusCode, 200);
  });

  test('a reset ends every session of the account, and is in the audit trail', async () => {
    const user = await register('kota-sandi', { email: 'sesi@example.id' });
    const sessions: string[] = [];
    for (let i = 0; i < 2; i++) {
      const res = await t.app.inject({
        method: 'POST',
        url: api('kota-sandi', '/auth/login'),
        payload: { login: 'sesi@example.id', password: 'kata-sandi-lama-1' },
      });
      sessions.push(`balai_session=${res.cookies.find((c) => c.name === 'balai_session')!.value}`);
    }
    for (const cookie of sessions) {
      const res = await t.app.inject({ url: api('kota-sandi', '/auth/session'), headers: { cookie } });
      assert.equal(res.statusCode, 200);
    }
    // An API token made with the old password ends with the reset too.
    const signedIn = await t.app.inject({
      method: 'POST',
      url: api('kota-sandi', '/auth/login'),
      payload: { login: 'sesi@example.id', password: 'kata-sandi-lama-1' },
    });
    const issued = await t.app.inject({
      method: 'POST',
      url: api('kota-sandi', '/api-tokens'),
      headers: {
        cookie: `balai_session=${signedIn.cookies.find((c) => c.name === 'balai_session')!.value}`,
        'x-csrf-token': signedIn.json().csrfToken,
      },
      payload: { name: 'aplikasi' },
    });
    assert.equal(issued.statusCode, 201, issued.body);
    const bearer = { authorization: `Bearer ${issued.json().token}` };
    assert.equal(
      (await t.app.inject({ url: api('kota-sandi', '/auth/session'), headers: bearer })).statusCode,
      200,
    );
    await askReset('kota-sandi', 'sesi@example.id');
    const token = tokenIn((await mailTo('kota-sandi', 'sesi@example.id'))[0]!);
    assert.equal((await confirm('kota-sandi', token, 'kata-sandi-baru-1')).statusCode, 204);
    assert.equal(
      (await t.app.inject({ url: api('kota-sandi', '/auth/session'), headers: bearer })).statusCode,
      401,
      'the API token was revoked',
    );
    for (const cookie of sessions) {
      const res = await t.app.inject({ url: api('kota-sandi', '/auth/session'), headers: { cookie } });
      assert.equal(res.statusCode, 401, 'the session ended');
    }
    const audit = await t.app.inject({
      url: api('kota-sandi', `/audit?entityId=${user.id}`),
      headers: tenants['kota-sandi']!.admin,
    });
    const actions = (audit.json().items as Json[]).map((e) => e.action);
    assert.ok(actions.includes('auth.password_reset_requested'), actions.join());
    assert.ok(actions.includes('auth.password_reset'), actions.join());
    const row = (audit.json().items as Json[]).find((e) => e.action === 'auth.password_reset')!;
    assert.equal(row.after.sessionsEnded, 3);
    assert.equal(row.after.tokensRevoked, 1);
  });

  test("another tenant's token is refused, and the same login there is another account", async () => {
    await register('kota-sandi', { email: 'dua-kota@example.id' });
    await register('kota-sandi-lain', { email: 'dua-kota@example.id', password: 'kata-sandi-lain-1' });
    await askReset('kota-sandi', 'dua-kota@example.id');
    const token = tokenIn((await mailTo('kota-sandi', 'dua-kota@example.id'))[0]!);
    const there = await mailTo('kota-sandi-lain', 'dua-kota@example.id');
    assert.deepEqual(
      there.map((m) => m.subject),
      ['Selamat datang di layanan Kota kota-sandi-lain'],
      'no reset mail on the other tenant',
    );
    const elsewhere = await confirm('kota-sandi-lain', token, 'kata-sandi-curian-1');
    assert.equal(elsewhere.statusCode, 400);
    assert.equal(elsewhere.json().errors[0].code, 'reset_token');
    assert.equal(await loginStatus('kota-sandi-lain', 'dua-kota@example.id', 'kata-sandi-lain-1'), 200);
    assert.equal(await loginStatus('kota-sandi-lain', 'dua-kota@example.id', 'kata-sandi-curian-1'), 401);
    // The token still works where it was issued.
    assert.equal((await confirm('kota-sandi', token, 'kata-sandi-baru-1')).statusCode, 204);
  });

  test('an account with only a mobile number gets the link by SMS; requests past the hourly limit send nothing', async () => {
    await register('kota-sandi', { phone: '0812-3456-7001' });
    for (let i = 0; i < RESET_MAX_PER_HOUR + 2; i++) {
      assert.equal((await askReset('kota-sandi', '081234567001')).statusCode, 202);
    }
    const sms = await mailTo('kota-sandi', '+6281234567001');
    assert.equal(sms.length, RESET_MAX_PER_HOUR);
    assert.equal(sms[0]!.channel, 'sms');
    assert.equal((await confirm('kota-sandi', tokenIn(sms[0]!), 'kata-sandi-baru-1')).statusCode, 204);
  });

  test('problems come in the caller’s language; the body is checked', async () => {
    const en = await t.app.inject({
      method: 'POST',
      url: api('kota-sandi', '/auth/password-reset/confirm'),
      headers: { 'accept-language': 'en' },
      payload: { token: 'x'.repeat(43), password: 'kata-sandi-baru-1' },
    });
    assert.equal(en.statusCode, 400);
    assert.match(en.json().errors[0].message, /does not work/);
    const id = await confirm('kota-sandi', 'x'.repeat(43), 'kata-sandi-baru-1');
    assert.match(id.json().errors[0].message, /tidak berlaku/);
    const bad = await t.app.inject({
      method: 'POST',
      url: api('kota-sandi', '/auth/password-reset'),
      payload: { login: 'a@b.c', extra: 1 },
    });
    assert.equal(bad.statusCode, 400);
  });

  test('a link starts only with a host the deployment knows for the tenant', () => {
    const config = { baseDomain: 'balai.test', env: 'production' as const };
    const tenant = { slug: 'kota-x', domains: ['layanan.kotax.go.id'] };
    assert.equal(
      portalBase(config, tenant, { host: 'layanan.kotax.go.id', protocol: 'http', viaPath: false }),
      'https://layanan.kotax.go.id',
    );
    assert.equal(
      portalBase(config, tenant, { host: 'kota-x.balai.test', protocol: 'https', viaPath: false }),
      'https://kota-x.balai.test',
    );
    assert.equal(
      portalBase(config, tenant, { host: 'balai.test', protocol: 'https', viaPath: true }),
      'https://balai.test/t/kota-x',
    );
    // A forged Host header is not used: the tenant's own domain is.
    assert.equal(
      portalBase(config, tenant, { host: 'penipu.example', protocol: 'https', viaPath: true }),
      'https://layanan.kotax.go.id',
    );
    assert.equal(
      portalBase(
        config,
        { slug: 'kota-x', domains: [] },
        { host: 'localhost:3000', protocol: 'http', viaPath: true },
      ),
      'https://balai.test/t/kota-x',
    );
    assert.equal(
      portalBase({ ...config, env: 'development' }, tenant, {
        host: 'localhost:3000',
        protocol: 'http',
        viaPath: true,
      }),
      'http://localhost:3000/t/kota-x',
    );
  });
});
