/**
 * Websites through the API: the tenant's own site exists once the app is live, a site per agency,
 * settings changed by the agency's own staff only, refusals on their fields, and another tenant
 * gets nothing.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DB_KIND, startTest, type TestContext } from '../../../../test/support/harness.ts';
import app from '../index.ts';
import { makeRegion, type Region } from './support.ts';

const SITES = '/api/v1/websites/sites';

describe(`websites: sites (${DB_KIND})`, () => {
  let t: TestContext;
  let a: Region;
  let b: Region;
  const call = (
    method: 'GET' | 'POST' | 'PATCH',
    slug: string,
    path: string,
    headers = {},
    payload?: object,
  ) => t.app.inject({ method, url: `/t/${slug}${path}`, headers, ...(payload ? { payload } : {}) });

  before(async () => {
    t = await startTest({ modules: [app] });
    a = await makeRegion(t, 'kota-a');
    b = await makeRegion(t, 'kota-b');
  });
  after(() => t.close());

  test("the tenant's own site is there from going live, then the agencies' sites, each with its address", async () => {
    const res = await call('GET', 'kota-a', SITES);
    assert.equal(res.statusCode, 200, res.body);
    const sites = res.json().items as { slug: string; agencyName: string | null; url: string }[];
    assert.deepEqual(
      sites.map((s) => [s.slug, s.agencyName, s.url]),
      [
        ['utama', null, '/t/kota-a/situs/utama'],
        ['dinkes', 'Dinas Kesehatan', '/t/kota-a/situs/dinkes'],
        ['disdik', 'Dinas Pendidikan', '/t/kota-a/situs/disdik'],
      ],
    );
    const page = await t.app.inject('/t/kota-a/situs');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Dinas Kesehatan/);
  });

  test('a second site for an agency, a taken slug and an unknown agency are refused on their fields', async () => {
    const taken = await call('POST', 'kota-a', SITES, a.admin, {
      slug: 'dinkes',
      name: 'Lagi',
      agencyId: null,
    });
    assert.equal(taken.statusCode, 400);
    assert.deepEqual(
      taken.json().errors.map((e: { path: string; code: string }) => [e.path, e.code]),
      [['/body/slug', 'site_slug_taken']],
    );
    const twice = await call('POST', 'kota-a', SITES, a.admin, {
      slug: 'dinkes-2',
      name: 'Lagi',
      agencyId: a.dinkes.id,
    });
    assert.equal(twice.json().errors[0].code, 'agency_has_site');
    const foreign = await call('POST', 'kota-a', SITES, a.admin, {
      slug: 'asing',
      name: 'Asing',
      agencyId: b.dinkes.id,
    });
    assert.equal(foreign.json().errors[0].code, 'unknown_agency');
    assert.equal((await call('GET', 'kota-a', SITES)).json().items.length, 3, 'nothing written');
  });

  test("an agency's administrator changes its own site, not another agency's nor the tenant's", async () => {
    const dinkesAdmin = await a.staff('agency_admin', a.dinkes.id);
    const footer = {
      address: 'Jl. Satria Sudirman No. 1',
      phone: '021-5512345',
      social: [{ kind: 'instagram', url: 'https://instagram.com/dinkes' }],
    };
    const own = await call('PATCH', 'kota-a', `${SITES}/dinkes`, dinkesAdmin, {
      tagline: 'Sehat bersama',
      footer,
      reviewStages: 2,
    });
    assert.equal(own.statusCode, 200, own.body);
    assert.equal(own.json().reviewStages, 2);
    assert.deepEqual(own.json().footer, footer);
    for (const other of ['disdik', 'utama']) {
      const res = await call('PATCH', 'kota-a', `${SITES}/${other}`, dinkesAdmin, {
        tagline: 'Bukan milik saya',
      });
      assert.equal(res.statusCode, 403, `${other}: ${res.body}`);
    }
    const officer = await a.staff('officer', a.dinkes.id);
    assert.equal(
      (await call('PATCH', 'kota-a', `${SITES}/dinkes`, officer, { tagline: 'x' })).statusCode,
      403,
    );
    const create = await call('POST', 'kota-a', SITES, dinkesAdmin, {
      slug: 'baru',
      name: 'Situs baru',
      agencyId: null,
    });
    assert.equal(create.statusCode, 403, 'creating a site is tenant-wide');
  });

  test('a site takes its own host name under the tenant’s domain; a foreign or taken name changes nothing', async () => {
    const patch = (site: string, host: string | null) =>
      call('PATCH', 'kota-a', `${SITES}/${site}`, a.admin, { host });
    const foreign = await patch('dinkes', 'dinkes.kota-b.balai.test');
    assert.equal(foreign.statusCode, 400);
    assert.equal(foreign.json().errors[0].code, 'host_not_yours');
    const set = await patch('dinkes', 'dinkes.kota-a.balai.test');
    assert.equal(set.statusCode, 200, set.body);
    assert.equal(set.json().host, 'dinkes.kota-a.balai.test');
    assert.equal(set.json().url, 'https://dinkes.kota-a.balai.test/');
    const taken = await patch('disdik', 'dinkes.kota-a.balai.test');
    assert.equal(taken.json().errors[0].code, 'host_taken');
    assert.equal((await call('GET', 'kota-a', `${SITES}/disdik`)).json().host, null, 'nothing changed');
    // Given up, the name is free for another site.
    assert.equal((await patch('dinkes', null)).json().host, null);
    assert.equal((await patch('disdik', 'dinkes.kota-a.balai.test')).statusCode, 200);
    assert.equal((await patch('disdik', null)).statusCode, 200);
  });

  test("another tenant's administrator reaches nothing of A", async () => {
    assert.equal(
      (await call('PATCH', 'kota-a', `${SITES}/dinkes`, b.admin, { tagline: 'B' })).statusCode,
      401,
    );
    const res = await call('GET', 'kota-b', SITES);
    assert.ok(!res.body.includes(a.dinkes.id));
  });
});
