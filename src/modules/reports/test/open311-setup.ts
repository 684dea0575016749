/**
 * What the Open311 tests share: XML checks, and a platform with the reports app live in kota-satu
 * (an agency, three categories, an integration's api_key and a citizen's), kota-dua (WITA) and
 * kota-banyak, and kota-tiga where the app is not live; with calls in the form or JSON the spec
 * takes, and ways to file one request or write many old ones straight into the table.
 */
import assert from 'node:assert/strict';
import {
  bearerFor,
  type Json,
  makeLive,
  makeStaff,
  makeTenant,
  startTest,
  type TestContext,
} from '../../../../test/support/harness.ts';
import { invalidate, newId, SYSTEM_ACTOR } from '../../../platform/sdk/index.ts';
import { reportsApp } from '../index.ts';
import { REPORTS_TAG } from '../services/cache-tags.ts';
import { tx } from '../tables.ts';

export const DAY = 86_400_000;
export const W3_WIB = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+07:00$/;

/** The element names of an XML text in document order, with a check that every element closes. */
export function xmlElements(text: string): string[] {
  assert.match(text, /^<\?xml version="1\.0" encoding="utf-8"\?>\n/);
  const body = text.replace(/^<\?xml[^>]*\?>\s*/, '');
  const stack: string[] = [];
  const names: string[] = [];
  for (const m of body.matchAll(/<(\/?)([A-Za-z_][\w.-]*)(\/?)>|<|>/g)) {
    if (m[0] === '<' || m[0] === '>') assert.fail(`a bare ${m[0]} in the XML`);
    const [, closing, name, empty] = m as unknown as [string, string, string, string];
    if (closing) assert.equal(stack.pop(), name, `</${name}> closes what it opened`);
    else {
      names.push(name);
      if (!empty) stack.push(name);
    }
  }
  assert.equal(stack.length, 0, 'every element is closed');
  return names;
}

/** The text of the first `<name>` element. */
export function xmlText(text: string, name: string): string | undefined {
  return new RegExp(`<${name}>([^<]*)</${name}>`).exec(text)?.[1];
}

export function form(fields: Record<string, string>) {
  return {
    payload: new URLSearchParams(fields).toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
  };
}

export type Open311Context = Awaited<ReturnType<typeof startOpen311>>;

/** Boots the platform with the tenants, accounts and categories above; `t.close()` ends it. */
export async function startOpen311() {
  let t: TestContext;
  let satuId: string;
  let duaId: string;
  let banyakId: string;
  let admin: Json;
  let apiKey: string;
  let duaKey = '';
  const base = '/t/kota-satu/open311/v2';

  const get = async (url: string, headers: Json = {}) => {
    const res = await t.app.inject({ method: 'GET', url, headers });
    const isJson = res.headers['content-type']?.includes('json');
    return {
      status: res.statusCode,
      body: isJson ? res.json() : res.body,
      headers: res.headers,
      text: res.body,
    };
  };
  const post = async (
    url: string,
    fields: Record<string, string> | Json,
    headers: Json = {},
    json = false,
  ) => {
    const res = await t.app.inject({
      method: 'POST',
      url,
      ...(json
        ? { payload: fields, headers }
        : {
            payload: form(fields as Record<string, string>).payload,
            headers: { ...form({}).headers, ...headers },
          }),
    });
    const isJson = res.headers['content-type']?.includes('json');
    return {
      status: res.statusCode,
      body: isJson ? res.json() : res.body,
      headers: res.headers,
      text: res.body,
    };
  };
  const fileOne = async (extra: Record<string, string> = {}) => {
    const res = await post(`${base}/requests.json`, {
      api_key: apiKey,
      service_code: 'roads',
      lat: '-6.18',
      long: '106.63',
      description: 'Jalan berlubang di depan pasar',
      ...extra,
    });
    assert.equal(res.status, 201, res.text);
    return res.body[0].service_request_id as string;
  };

  /** Writes `n` public reports filed at `at` straight into the table (for the window and the cap). */
  const insertReports = (tenantId: string, n: number, at: Date, prefix: string) =>
    t.platform.inTenant(tenantId, SYSTEM_ACTOR, async (scope) => {
      const rows = Array.from({ length: n }, (_, i) => ({
        tenant_id: tenantId,
        id: newId(),
        tracking_no: `${prefix}-${String(i).padStart(5, '0')}`,
        type: 'complaint' as const,
        category_code: 'roads',
        description: `Laporan lama nomor ${i}`,
        status: 'received' as const,
        channel: 'api' as const,
        address: 'Jl. Lama',
        reporter_user_id: null,
        due_at: null,
        created_at: new Date(at.getTime() - i * 1000),
        updated_at: at,
      }));
      for (let i = 0; i < rows.length; i += 500) {
        await tx(scope)
          .insertInto('reports')
          .values(rows.slice(i, i + 500))
          .execute();
      }
      await invalidate(scope, REPORTS_TAG);
    });

  t = await startTest({ modules: [reportsApp] });
  const satu = await makeTenant(t.platform, 'kota-satu', { domains: ['laksa.kotasatu.go.id'] });
  const dua = await makeTenant(t.platform, 'kota-dua', { timeZone: 'Asia/Makassar' });
  const banyak = await makeTenant(t.platform, 'kota-banyak');
  await makeTenant(t.platform, 'kota-tiga');
  satuId = satu.id;
  duaId = dua.id;
  banyakId = banyak.id;
  for (const id of [satuId, duaId, banyakId]) await makeLive(t.platform, id, 'reports');

  const adminUser = await makeStaff(t.platform, satuId, ['tenant_admin']);
  admin = await bearerFor(t.app, 'kota-satu', adminUser.email);
  const agency = await t.app.inject({
    method: 'POST',
    url: '/t/kota-satu/api/v1/agencies',
    headers: admin,
    payload: { code: 'DPUPR', name: 'Dinas PUPR Satu', kind: 'dinas' },
  });
  assert.equal(agency.statusCode, 201, agency.body);
  const dpuprName = agency.json().name;
  const categories: Array<[string, Json]> = [
    ['roads', { name: { id: 'Jalan rusak', en: 'Damaged roads' }, agencyId: agency.json().id }],
    ['sanitation', { name: { id: 'Kebersihan', en: 'Sanitation' } }],
    ['retired', { name: { id: 'Lama', en: 'Old' }, active: false }],
  ];
  for (const [code, body] of categories) {
    const res = await t.app.inject({
      method: 'PUT',
      url: `/t/kota-satu/api/v1/reports/categories/${code}`,
      headers: admin,
      payload: body,
    });
    assert.equal(res.statusCode, 200, res.body);
  }
  const integration = await makeStaff(t.platform, satuId, ['integration']);
  apiKey = (await bearerFor(t.app, 'kota-satu', integration.email)).authorization.slice('Bearer '.length);
  const register = await t.app.inject({
    method: 'POST',
    url: '/t/kota-satu/api/v1/auth/register',
    payload: { displayName: 'Warga Satu', email: 'warga@satu.example.id', password: 'rahasia-warga-1' },
  });
  assert.equal(register.statusCode, 201, register.body);
  const citizenKey = (
    await bearerFor(t.app, 'kota-satu', 'warga@satu.example.id', 'rahasia-warga-1')
  ).authorization.slice('Bearer '.length);

  for (const [slug, tenantId] of [
    ['kota-dua', duaId],
    ['kota-banyak', banyakId],
  ] as const) {
    const other = await makeStaff(t.platform, tenantId, ['tenant_admin', 'integration']);
    const h = await bearerFor(t.app, slug, other.email);
    if (slug === 'kota-dua') duaKey = h.authorization.slice('Bearer '.length);
    const res = await t.app.inject({
      method: 'PUT',
      url: `/t/${slug}/api/v1/reports/categories/roads`,
      headers: h,
      payload: { name: { id: 'Jalan', en: 'Roads' } },
    });
    assert.equal(res.statusCode, 200, res.body);
  }
  return {
    t,
    satuId,
    duaId,
    banyakId,
    admin,
    apiKey,
    citizenKey,
    duaKey,
    dpuprName,
    base,
    get,
    post,
    fileOne,
    insertReports,
  };
}
