/** Tenants, settings and the agency tree, with who may change what. */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { SYSTEM_ACTOR } from '../src/platform/db/tenant-scope.ts';
import { grantRole } from '../src/platform/people/service.ts';
import { bearerFor, DB_KIND, makeStaff, makeTenant, startTest, type TestContext } from './support/harness.ts';

describe(`tenancy (${DB_KIND})`, () => {
  let t: TestContext;
  let platformAdmin: Record<string, string>;
  let tenantAdmin: Record<string, string>;
  let tenantId: string;
  before(async () => {
    t = await startTest();
    tenantId = (await makeTenant(t.platform, 'kota-induk')).id;
    platformAdmin = await bearerFor(
      t.app,
      'kota-induk',
      (await makeStaff(t.platform, tenantId, ['platform_admin'])).email,
    );
    tenantAdmin = await bearerFor(
      t.app,
      'kota-induk',
      (await makeStaff(t.platform, tenantId, ['tenant_admin'])).email,
    );
  });
  after(() => t.close());

  const create = (headers: Record<string, string>, payload: object) =>
    t.app.inject({ method: 'POST', url: '/t/kota-induk/api/v1/platform/tenants', headers, payload });

  test('only a platform admin creates tenants; the Kemendagri code must fit the kind', async () => {
    const body = {
      slug: 'kabupaten-baru',
      code: '51.03',
      kind: 'kabupaten',
      name: 'Kabupaten Baru',
      timeZone: 'Asia/Makassar',
    };
    assert.equal((await create(tenantAdmin, body)).statusCode, 403);
    const cityCode = await create(platformAdmin, { ...body, code: '51.71' });
    assert.equal(cityCode.statusCode, 400);
    assert.equal(cityCode.json().errors[0].path, '/body/code');
    const badProvince = await create(platformAdmin, { ...body, code: '20.03' });
    assert.equal(badProvince.statusCode, 400);
    const ok = await create(platformAdmin, body);
    assert.equal(ok.statusCode, 201);
    assert.equal(ok.json().timeZone, 'Asia/Makassar');
    const again = await create(platformAdmin, body);
    assert.equal(again.statusCode, 400);
    assert.deepEqual(
      again.json().errors.map((e: { path: string; code: string }) => [e.path, e.code]),
      [
        ['/body/slug', 'taken'],
        ['/body/code', 'taken'],
      ],
    );
    assert.equal((await t.app.inject('/t/kabupaten-baru/api/v1')).statusCode, 200);
  });

  test('settings change branding and domains; a domain of another tenant is refused', async () => {
    await makeTenant(t.platform, 'kota-tetangga', { domains: ['layanan.tetangga.go.id'] });
    const taken = await t.app.inject({
      method: 'PATCH',
      url: '/t/kota-induk/api/v1/settings',
      headers: tenantAdmin,
      payload: { domains: ['layanan.tetangga.go.id'] },
    });
    assert.equal(taken.statusCode, 400);
    assert.equal(taken.json().errors[0].code, 'taken');
    const res = await t.app.inject({
      method: 'PATCH',
      url: '/t/kota-induk/api/v1/settings',
      headers: tenantAdmin,
      payload: {
        domains: ['smart.induk.go.id'],
        defaultLanguage: 'en',
        branding: {
          displayName: 'Induk LIVE',
          logoUrl: '/logo.png',
          primaryColor: '#123456',
          accentColor: '#abcdef',
        },
      },
    });
    assert.equal(res.statusCode, 200);
    const viaHost = await t.app.inject({
      url: '/api/v1/nothing-here',
      headers: { host: 'smart.induk.go.id' },
    });
    assert.equal(viaHost.json().title, 'Not found', 'the tenant’s default language is now English');
    assert.equal(
      (await t.app.inject({ url: '/api/v1', headers: { host: 'smart.induk.go.id' } })).json().branding
        .displayName,
      'Induk LIVE',
    );
    const script = await t.app.inject({
      method: 'PATCH',
      url: '/t/kota-induk/api/v1/settings',
      headers: tenantAdmin,
      payload: {
        branding: {
          displayName: 'X',
          logoUrl: 'javascript:alert(1)',
          primaryColor: 'red',
          accentColor: '#abcdef',
        },
      },
    });
    assert.equal(script.statusCode, 400);
    const paths = script.json().errors.map((e: { path: string }) => e.path);
    assert.ok(paths.includes('/body/branding/logoUrl'));
    assert.ok(paths.includes('/body/branding/primaryColor'));
  });

  test('an agency administrator manages only their own subtree; no cycles', async () => {
    const top = await t.app.inject({
      method: 'POST',
      url: '/t/kota-induk/api/v1/agencies',
      headers: tenantAdmin,
      payload: { code: 'DPUPR', name: 'Dinas PUPR', kind: 'dinas' },
    });
    const other = await t.app.inject({
      method: 'POST',
      url: '/t/kota-induk/api/v1/agencies',
      headers: tenantAdmin,
      payload: { code: 'DINKES', name: 'Dinas Kesehatan', kind: 'dinas' },
    });
    const dpupr = top.json().id;
    const staff = await makeStaff(t.platform, tenantId, []);
    await t.platform.inTenant(tenantId, SYSTEM_ACTOR, (scope) =>
      grantRole(scope, staff.id, { role: 'agency_admin', agencyId: dpupr }),
    );
    const agencyAdmin = await bearerFor(t.app, 'kota-induk', staff.email);
    const under = await t.app.inject({
      method: 'POST',
      url: '/t/kota-induk/api/v1/agencies',
      headers: agencyAdmin,
      payload: { code: 'UPTD-JALAN', name: 'UPTD Jalan', kind: 'uptd', parentId: dpupr },
    });
    assert.equal(under.statusCode, 201);
    const elsewhere = await t.app.inject({
      method: 'POST',
      url: '/t/kota-induk/api/v1/agencies',
      headers: agencyAdmin,
      payload: { code: 'UPTD-PKM', name: 'Puskesmas', kind: 'uptd', parentId: other.json().id },
    });
    assert.equal(elsewhere.statusCode, 403);
    const topLevel = await t.app.inject({
      method: 'POST',
      url: '/t/kota-induk/api/v1/agencies',
      headers: agencyAdmin,
      payload: { code: 'LAIN', name: 'Dinas Lain', kind: 'dinas' },
    });
    assert.equal(topLevel.statusCode, 403);
    const cycle = await t.app.inject({
      method: 'PATCH',
      url: `/t/kota-induk/api/v1/agencies/${dpupr}`,
      headers: tenantAdmin,
      payload: { parentId: under.json().id },
    });
    assert.equal(cycle.statusCode, 409);
    const renamed = await t.app.inject({
      method: 'PATCH',
      url: `/t/kota-induk/api/v1/agencies/${under.json().id}`,
      headers: agencyAdmin,
      payload: { name: 'UPTD Jalan dan Jembatan' },
    });
    assert.equal(renamed.statusCode, 200);
    assert.equal(renamed.json().name, 'UPTD Jalan dan Jembatan');
    // An agency-scoped grant opens nothing tenant-wide: not the user list, not the audit trail.
    assert.equal(
      (await t.app.inject({ url: '/t/kota-induk/api/v1/users', headers: agencyAdmin })).statusCode,
      403,
    );
    assert.equal(
      (await t.app.inject({ url: '/t/kota-induk/api/v1/audit', headers: agencyAdmin })).statusCode,
      403,
    );
  });
});
