/**
 * App adoption: agreements, the lifecycle state machine, the audit of each step, the public network
 * view, and the gate — a tenant reaches an app's routes only while the app is live for it.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Type } from 'typebox';
import type { AppManifest } from '../src/platform/catalogue/manifest.ts';
import { syncCatalogue } from '../src/platform/catalogue/service.ts';
import { DB_KIND, makeStaff, makeTenant, signIn, startTest, type TestContext } from './support/harness.ts';

/** Each time the echo app went live: the tenant, and whether the adoption already said live then. */
const wentLive: Array<{ tenant: string; status: string }> = [];

/** A small app used only here, to prove the gate works for any module. */
const ECHO_APP: AppManifest = {
  code: 'echo-test',
  name: 'Echo',
  category: 'e-government',
  channels: ['web', 'webservice'],
  version: '1.0.0',
  description: { id: 'Aplikasi uji', en: 'Test app' },
  permissions: [{ name: 'echo-test.message.read', roles: ['viewer', 'tenant_admin'] }],
  async onLive(_platform, scope, tenant) {
    const row = await scope.trx
      .selectFrom('adoptions')
      .select('status')
      .where('tenant_id', '=', scope.tenantId)
      .where('app_code', '=', 'echo-test')
      .executeTakeFirstOrThrow();
    wentLive.push({ tenant: tenant.slug, status: row.status });
  },
  routes(app) {
    app.get(
      '/api/v1/echo',
      { schema: { response: { 200: Type.Object({ tenant: Type.String() }) } } },
      async (request) => ({
        tenant: request.tenant!.slug,
      }),
    );
    app.get('/api/v1/echo/private', { config: { permission: 'echo-test.message.read' } }, async () => ({
      ok: true,
    }));
  },
};

describe(`adoption (${DB_KIND})`, () => {
  let t: TestContext;
  let headers: Record<string, string>;
  before(async () => {
    t = await startTest({ modules: [ECHO_APP] });
    await makeTenant(t.platform, 'kota-asal');
    // Kota Asal built the echo app: it is the origin every adopter takes it from.
    await syncCatalogue(t.platform.database.db, [ECHO_APP], 'kota-asal');
    const adopter = await makeTenant(t.platform, 'kabupaten-pengadopsi', { timeZone: 'Asia/Makassar' });
    const admin = await makeStaff(t.platform, adopter.id, ['tenant_admin']);
    headers = await signIn(t.app, 'kabupaten-pengadopsi', admin.email);
  });
  after(() => t.close());

  const url = (path: string) => `/t/kabupaten-pengadopsi/api/v1${path}`;
  const post = (path: string, payload: object) =>
    t.app.inject({ method: 'POST', url: url(path), headers, payload });
  const signatories = [
    { name: 'Bupati Pengadopsi', title: 'Bupati', party: 'Kabupaten Pengadopsi' },
    { name: 'Wali Kota Asal', title: 'Wali Kota', party: 'Kota Asal' },
  ];

  test('a catalogue sync that knows no origin keeps the one already set', async () => {
    // A second node starting while the first seeds the demo syncs before the origin tenant exists:
    // it must not take the origin away from the apps the first is adopting.
    const originOf = async () =>
      (await t.platform.database.executeRaw("select origin_tenant_id from apps where code = 'echo-test'"))
        .rows[0]!.origin_tenant_id;
    const before = await originOf();
    assert.ok(before, 'Kota Asal is the origin');
    await syncCatalogue(t.platform.database.db, [ECHO_APP], 'kota-yang-belum-ada');
    assert.equal(await originOf(), before);
  });

  test('an app answers 404 until it is live, then serves, and 404 again when suspended', async () => {
    const echo = () => t.app.inject(url('/echo'));
    assert.equal((await echo()).statusCode, 404);
    assert.equal(
      (await post('/adoptions', { app: 'echo-test', channel: 'web', origin: 'kota-asal' })).statusCode,
      201,
    );
    assert.equal((await echo()).statusCode, 404, 'a proposal opens nothing');

    // Skipping the agreements is refused.
    const skip = await post('/adoptions/echo-test/web/transitions', { to: 'live' });
    assert.equal(skip.statusCode, 409);
    assert.equal(skip.json().code, 'invalid_transition');
    const noMou = await post('/adoptions/echo-test/web/transitions', { to: 'mou_signed' });
    assert.equal(noMou.statusCode, 400);
    assert.equal(noMou.json().errors[0].code, 'agreement_missing');

    const mou = await post('/agreements', {
      kind: 'mou',
      number: 'MOU/001/2026',
      signedOn: '2026-01-15',
      partner: 'kota-asal',
      signatories,
    });
    assert.equal(mou.statusCode, 201);
    const pks = await post('/agreements', {
      kind: 'pks',
      number: 'PKS/007/2026',
      signedOn: '2026-03-02',
      partner: 'kota-asal',
      signatories,
    });
    // The PKS cannot stand in for the MoU.
    const wrongKind = await post('/adoptions/echo-test/web/transitions', {
      to: 'mou_signed',
      agreementId: pks.json().id,
    });
    assert.equal(wrongKind.statusCode, 400);
    for (const step of [
      { to: 'mou_signed', agreementId: mou.json().id },
      { to: 'pks_signed', agreementId: pks.json().id },
      { to: 'onboarding', note: 'pendampingan oleh Diskominfo Kota Asal' },
      { to: 'live', on: '2026-04-01' },
    ]) {
      const res = await post('/adoptions/echo-test/web/transitions', step);
      assert.equal(res.statusCode, 200, `${step.to}: ${res.body}`);
    }
    // The app's go-live work ran once, in the step's own transaction (it saw the adoption live).
    assert.deepEqual(wentLive, [{ tenant: 'kabupaten-pengadopsi', status: 'live' }]);
    const live = await echo();
    assert.equal(live.statusCode, 200);
    assert.deepEqual(live.json(), { tenant: 'kabupaten-pengadopsi' });
    // The other tenant never adopted it.
    assert.equal((await t.app.inject('/t/kota-asal/api/v1/echo')).statusCode, 404);

    assert.equal(
      (await post('/adoptions/echo-test/web/transitions', { to: 'suspended', note: 'evaluasi' })).statusCode,
      200,
    );
    assert.equal((await echo()).statusCode, 404);
    assert.equal((await post('/adoptions/echo-test/web/transitions', { to: 'live' })).statusCode, 200);
    assert.equal(wentLive.length, 2, 'the go-live work runs again when the app comes back');
    assert.equal((await echo()).statusCode, 200);
  });

  test('the history, the audit trail and the public network tell the same story', async () => {
    const adoptions = (await t.app.inject(url('/adoptions'))).json().items;
    const echo = adoptions.find((a: { app: string }) => a.app === 'echo-test');
    assert.deepEqual(
      echo.history.map((h: { to: string }) => h.to),
      ['proposed', 'mou_signed', 'pks_signed', 'onboarding', 'live', 'suspended', 'live'],
    );
    assert.equal(echo.since, '2026-04-01');
    assert.equal(echo.origin, 'kota-asal');
    const audit = (await t.app.inject({ url: url('/audit?entityType=adoption'), headers })).json().items;
    assert.equal(audit.length, 7);
    assert.ok(
      audit.every(
        (a: { requestId: string | null; actorUserId: string | null }) => a.requestId && a.actorUserId,
      ),
    );
    const network = (await t.app.inject('/api/v1/network?app=echo-test')).json().items;
    assert.deepEqual(network, [
      {
        tenant: {
          slug: 'kabupaten-pengadopsi',
          name: 'Kota kabupaten-pengadopsi',
          kind: 'kota',
          code: network[0].tenant.code,
        },
        app: { code: 'echo-test', name: 'Echo' },
        channel: 'web',
        status: 'live',
        since: '2026-04-01',
        origin: { slug: 'kota-asal', name: 'Kota kota-asal' },
      },
    ]);
  });

  test('a channel the app does not offer, an unknown app, a duplicate proposal are refused', async () => {
    const android = await post('/adoptions', { app: 'echo-test', channel: 'android' });
    assert.equal(android.statusCode, 400);
    assert.equal(android.json().errors[0].code, 'channel');
    // Naming oneself (or anyone but the builder) as the origin, to skip the agreements, is refused.
    const selfOrigin = await post('/adoptions', {
      app: 'echo-test',
      channel: 'webservice',
      origin: 'kabupaten-pengadopsi',
    });
    assert.equal(selfOrigin.statusCode, 400);
    assert.equal(selfOrigin.json().errors[0].path, '/body/origin');
    const unknown = await post('/adoptions', { app: 'no-such-app', channel: 'web' });
    assert.equal(unknown.statusCode, 400);
    const dup = await post('/adoptions', { app: 'echo-test', channel: 'web' });
    assert.equal(dup.statusCode, 409);
    const noSuchDay = await post('/agreements', {
      kind: 'mou',
      number: 'MOU/030/2026',
      signedOn: '2026-02-30',
      signatories,
    });
    assert.equal(noSuchDay.statusCode, 400);
    assert.equal(noSuchDay.json().errors[0].path, '/body/signedOn');
  });

  test('module permissions join the roles', async () => {
    const denied = await t.app.inject(url('/echo/private'));
    assert.equal(denied.statusCode, 401);
    const ok = await t.app.inject({ url: url('/echo/private'), headers });
    assert.equal(ok.statusCode, 200);
  });

  // PGlite is embedded in one process, so a second process exists only on the server database.
  const secondProcess = DB_KIND === 'postgres' ? false : 'embedded PGlite has no second process';
  test('a second process on the same database sees the gate change through NOTIFY', {
    skip: secondProcess,
  }, async () => {
    const { openDatabase } = await import('../src/platform/db/database.ts');
    const { createPlatform } = await import('../src/platform/platform.ts');
    const other = await createPlatform(t.config, await openDatabase({ url: t.config.databaseUrl }), [
      ECHO_APP,
    ]);
    try {
      const tenant = other.directory.bySlug('kabupaten-pengadopsi')!;
      assert.equal(other.directory.isLive(tenant.id, 'echo-test'), true);
      await post('/adoptions/echo-test/web/transitions', { to: 'suspended' });
      for (let i = 0; i < 50 && other.directory.isLive(tenant.id, 'echo-test'); i++)
        await new Promise((r) => setTimeout(r, 20));
      assert.equal(other.directory.isLive(tenant.id, 'echo-test'), false);
    } finally {
      await other.close();
    }
  });
});
