/** The demo data tells the seeds' story, signs in with the printed credentials, and is written once. */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DEMO_PASSWORD, demoCredentials, seedDemo } from '../src/demo/seed.ts';
import { recordAudit } from '../src/platform/audit/audit.ts';
import type { AppManifest } from '../src/platform/catalogue/manifest.ts';
import { SYSTEM_ACTOR } from '../src/platform/db/tenant-scope.ts';
import { createTenant } from '../src/platform/tenancy/service.ts';
import { DB_KIND, startTest, type TestContext } from './support/harness.ts';

/** Stands in for the reports module, to see that each app seeds its demo data where it is live. */
const seeded: string[] = [];
const REPORTS_STAND_IN: AppManifest = {
  code: 'reports',
  name: 'LAKSA',
  category: 'e-government',
  channels: ['web', 'android', 'webservice'],
  version: '0.0.1',
  description: { id: 'uji', en: 'test' },
  async seedDemo(_platform, scope, tenant) {
    assert.equal(scope.tenantId, tenant.id);
    seeded.push(tenant.slug);
  },
};

describe(`demo data (${DB_KIND})`, () => {
  let t: TestContext;
  before(async () => {
    t = await startTest({ modules: [REPORTS_STAND_IN] });
    assert.equal(await seedDemo(t.platform), true);
  });
  after(() => t.close());

  test('Kota Tangerang is the origin; four regencies adopted different sets', async () => {
    const tenants = (await t.app.inject('/api/v1/tenants')).json().items.map((x: { slug: string }) => x.slug);
    assert.deepEqual(tenants.sort(), [
      'kabupaten-badung',
      'kabupaten-bangka-selatan',
      'kabupaten-karawang',
      'kabupaten-luwu-timur',
      'kota-tangerang',
    ]);
    const network = (await t.app.inject('/api/v1/network')).json().items as Array<{
      tenant: { slug: string };
      app: { code: string };
      status: string;
      origin: { slug: string } | null;
    }>;
    const of = (slug: string) => network.filter((n) => n.tenant.slug === slug);
    assert.deepEqual(
      of('kabupaten-bangka-selatan').map((n) => [n.app.code, n.status]),
      [['jobs', 'live']],
    );
    assert.equal(new Set(of('kabupaten-luwu-timur').map((n) => n.app.code)).size, 16);
    assert.ok(of('kabupaten-badung').some((n) => n.status === 'suspended'));
    assert.ok(of('kabupaten-karawang').every((n) => n.status === 'proposed' || n.status === 'mou_signed'));
    assert.ok(
      network
        .filter((n) => n.tenant.slug !== 'kota-tangerang')
        .every((n) => n.origin?.slug === 'kota-tangerang'),
    );
    const catalogue = (await t.app.inject('/api/v1/catalogue/apps')).json().items;
    assert.ok(catalogue.every((a: { origin: string | null }) => a.origin === 'kota-tangerang'));
  });

  test('each installed app seeds the tenants where it is live', () => {
    assert.deepEqual(seeded.sort(), ['kabupaten-badung', 'kabupaten-luwu-timur', 'kota-tangerang']);
  });

  test('every printed demo account signs in', async () => {
    for (const c of demoCredentials()) {
      const res = await t.app.inject({
        method: 'POST',
        url: `/t/${c.tenant}/api/v1/auth/login`,
        payload: { login: c.email, password: DEMO_PASSWORD },
      });
      assert.equal(res.statusCode, 200, `${c.email}: ${res.body}`);
    }
  });

  test('agreements carry their signing dates; a second seed writes nothing', async () => {
    const login = await t.app.inject({
      method: 'POST',
      url: '/t/kabupaten-badung/api/v1/auth/login',
      payload: { login: 'admin@badung.balai.test', password: DEMO_PASSWORD },
    });
    const headers = { cookie: `balai_session=${login.cookies[0]!.value}` };
    const agreements = (await t.app.inject({ url: '/t/kabupaten-badung/api/v1/agreements', headers })).json()
      .items;
    assert.deepEqual(
      agreements.map((a: { kind: string; signedOn: string }) => [a.kind, a.signedOn]),
      [
        ['pks', '2017-03-14'],
        ['mou', '2016-10-19'],
      ],
    );
    assert.equal(await seedDemo(t.platform), false);
  });
});

describe(`an interrupted demo seed (${DB_KIND})`, () => {
  let t: TestContext;
  before(async () => {
    t = await startTest({ modules: [REPORTS_STAND_IN] });
  });
  after(() => t.close());

  test('is finished by the next run, each step written once', async () => {
    // As if a first start died once Kota Tangerang's story was written.
    const interrupted = seedDemo(t.platform, SYSTEM_ACTOR, (step) => {
      if (step === 'kota-tangerang') throw new Error('killed');
    });
    await assert.rejects(interrupted, /killed/);
    seeded.length = 0;
    assert.equal(await seedDemo(t.platform), true);
    assert.equal(await seedDemo(t.platform), false);
    const tenants = (await t.app.inject('/api/v1/tenants')).json().items;
    assert.equal(tenants.length, 5);
    const tangerang = t.platform.directory.bySlug('kota-tangerang')!;
    const users = await t.platform.inTenant(tangerang.id, SYSTEM_ACTOR, (scope) =>
      scope.trx.selectFrom('users').select('email').execute(),
    );
    const emails = users.map((u) => u.email);
    assert.equal(new Set(emails).size, emails.length, 'no demo account written twice');
    assert.ok(emails.includes('operator@tangerang.balai.test'));
    assert.ok(seeded.includes('kota-tangerang'), 'the apps seeded where they are live');
    for (const credential of demoCredentials()) {
      const login = await t.app.inject({
        method: 'POST',
        url: `/t/${credential.tenant}/api/v1/auth/login`,
        payload: { login: credential.email, password: DEMO_PASSWORD },
      });
      assert.equal(login.statusCode, 200, `${credential.email} signs in`);
    }
  });
});

describe(`a demo slug taken by a real tenant (${DB_KIND})`, () => {
  let t: TestContext;
  before(async () => {
    t = await startTest();
  });
  after(() => t.close());

  test('stops the seed instead of writing into that tenant', async () => {
    await createTenant(
      t.platform.database.db,
      {
        slug: 'kota-tangerang',
        code: '36.71',
        kind: 'kota',
        name: 'Kota Tangerang',
        timeZone: 'Asia/Jakarta',
      },
      SYSTEM_ACTOR,
    );
    await assert.rejects(seedDemo(t.platform), /exists that the demo data did not write/);
  });

  test('a database seeded before the seed marked its steps counts as seeded', async () => {
    // The earlier seed ended with this one marker, written without a request id.
    const tangerang = (
      await t.platform.database.db
        .selectFrom('tenants')
        .select('id')
        .where('slug', '=', 'kota-tangerang')
        .executeTakeFirstOrThrow()
    ).id;
    await t.platform.inTenant(tangerang, SYSTEM_ACTOR, (scope) =>
      recordAudit(scope, { action: 'demo.seeded', entityType: 'tenant', entityId: scope.tenantId }),
    );
    assert.equal(await seedDemo(t.platform), false);
  });
});
