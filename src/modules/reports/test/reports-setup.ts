/**
 * What the reports app's API tests share: photos and multipart bodies, and a platform with the app
 * live in kota-lapor (an administrator, an operator, an officer each at DPUPR and DLH, a citizen,
 * three categories) and in its neighbour kota-tetangga (a roads category, for referrals), with a call
 * to the tenant's API and a shortcut for a report's actions.
 */
import assert from 'node:assert/strict';
import sharp from 'sharp';
import {
  bearerFor,
  type Json,
  makeLive,
  makeStaff,
  makeTenant,
  PASSWORD,
  startTest,
  type TestContext,
} from '../../../../test/support/harness.ts';
import { SYSTEM_ACTOR } from '../../../platform/sdk/index.ts';
import { createUser, grantRole } from '../../../platform/sdk/testing.ts';
import { reportsApp } from '../index.ts';

/** A JPEG photo carrying an EXIF GPS position, as a phone camera writes it. */
export async function photoWithGps(): Promise<Buffer> {
  return sharp({ create: { width: 64, height: 48, channels: 3, background: '#c04040' } })
    .jpeg()
    .withExif({
      IFD3: {
        GPSLatitudeRef: 'S',
        GPSLatitude: '6/1 10/1 0/1',
        GPSLongitudeRef: 'E',
        GPSLongitude: '106/1 38/1 0/1',
      },
    })
    .toBuffer();
}

export function multipart(
  fields: Record<string, string>,
  files: Array<{ name: string; bytes: Buffer; type: string }>,
) {
  const boundary = `----balai${Math.random().toString(16).slice(2)}`;
  const chunks: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) {
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  }
  for (const f of files) {
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${f.name}"; filename="p.jpg"\r\nContent-Type: ${f.type}\r\n\r\n`,
      ),
      f.bytes,
      Buffer.from('\r\n'),
    );
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return {
    payload: Buffer.concat(chunks),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

export type ReportsContext = Awaited<ReturnType<typeof startReports>>;

/** Boots the platform with the tenants, accounts and categories above; `t.close()` ends it. */
export async function startReports() {
  let t: TestContext;
  let admin: Json;
  let dpupr: string;
  let dlh: string;
  const base = '/t/kota-lapor/api/v1';

  const call = async (method: string, url: string, headers: Json = {}, payload?: unknown) => {
    const res = await t.app.inject({
      method: method as 'GET',
      url: `${base}${url}`,
      headers,
      ...(payload !== undefined ? { payload: payload as object } : {}),
    });
    return {
      status: res.statusCode,
      body: res.body ? (res.headers['content-type']?.includes('json') ? res.json() : res.body) : null,
      headers: res.headers,
    };
  };
  const act = (id: string, action: string, headers: Json, body: Json = {}) =>
    call('POST', `/reports/${id}/actions/${action}`, headers, body);
  t = await startTest({ modules: [reportsApp] });
  const tenant = await makeTenant(t.platform, 'kota-lapor');
  const other = await makeTenant(t.platform, 'kota-tetangga');
  const tenantId = tenant.id;
  await makeLive(t.platform, tenant.id, 'reports');
  await makeLive(t.platform, other.id, 'reports');
  const adminUser = await makeStaff(t.platform, tenant.id, ['tenant_admin']);
  admin = await bearerFor(t.app, 'kota-lapor', adminUser.email);
  const mkAgency = async (code: string) =>
    (await call('POST', '/agencies', admin, { code, name: `Dinas ${code}`, kind: 'dinas' })).body
      .id as string;
  dpupr = await mkAgency('DPUPR');
  dlh = await mkAgency('DLH');
  const op = await makeStaff(t.platform, tenant.id, ['operator']);
  const operator = await bearerFor(t.app, 'kota-lapor', op.email);
  let nip = 100;
  const agencyStaff = async (agencyId: string) => {
    const email = `officer-${agencyId.slice(-6)}@example.go.id`;
    nip += 1;
    await t.platform.inTenant(tenant.id, SYSTEM_ACTOR, async (scope) => {
      const id = await createUser(scope, {
        kind: 'staff',
        displayName: 'Petugas',
        email,
        nip: `199001012015031${nip}`,
        password: PASSWORD,
      });
      await grantRole(scope, id, { role: 'officer', agencyId });
    });
    return bearerFor(t.app, 'kota-lapor', email);
  };
  const officer = await agencyStaff(dpupr);
  const otherOfficer = await agencyStaff(dlh);
  const citizenRes = await call(
    'POST',
    '/auth/register',
    {},
    { displayName: 'Warga Lapor', email: 'warga@example.id', password: 'rahasia-warga-1' },
  );
  assert.equal(citizenRes.status, 201, JSON.stringify(citizenRes.body));
  const citizen = await bearerFor(t.app, 'kota-lapor', 'warga@example.id', 'rahasia-warga-1');
  for (const [code, agency] of [
    ['roads', dpupr],
    ['sanitation', dlh],
    ['other', null],
  ] as const) {
    const res = await call('PUT', `/reports/categories/${code}`, admin, {
      name: { id: code, en: code },
      agencyId: agency,
    });
    assert.equal(res.status, 200, JSON.stringify(res.body));
  }
  // The neighbour has categories too, so that a report can be referred there.
  const otherAdmin = await makeStaff(t.platform, other.id, ['tenant_admin']);
  const oh = await bearerFor(t.app, 'kota-tetangga', otherAdmin.email);
  const res = await t.app.inject({
    method: 'PUT',
    url: '/t/kota-tetangga/api/v1/reports/categories/roads',
    headers: oh,
    payload: { name: { id: 'Jalan', en: 'Roads' } },
  });
  assert.equal(res.statusCode, 200, res.body);
  return {
    t,
    base,
    tenantId,
    operator,
    officer,
    otherOfficer,
    admin,
    citizen,
    dpupr,
    dlh,
    call,
    act,
  };
}
