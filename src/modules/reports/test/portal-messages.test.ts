/**
 * The report form's words are the tenant's: its own example street in the address hint (a general
 * hint without one, never Tangerang's), and a pin outside its area names the region the point is
 * in — in the API's field error and on the portal's form, with a link to that region's form.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { bearerFor, DB_KIND, makeStaff } from '../../../../test/support/harness.ts';
import { multipart, type ReportsContext, startReports } from './reports-setup.ts';

/** A square area [west, south, east, north] as GeoJSON. */
function square(west: number, south: number, east: number, north: number) {
  return {
    type: 'Polygon',
    coordinates: [
      [
        [west, south],
        [east, south],
        [east, north],
        [west, north],
        [west, south],
      ],
    ],
  };
}

describe(`the report form's words are the tenant's (${DB_KIND})`, () => {
  let ctx: ReportsContext;

  before(async () => {
    ctx = await startReports();
    const set = await ctx.call('PATCH', '/settings', ctx.admin, { area: square(106.55, -6.3, 106.75, -6.1) });
    assert.equal(set.status, 200, JSON.stringify(set.body));
    const tenant = ctx.t.platform.directory.bySlug('kota-tetangga')!;
    const admin = await makeStaff(ctx.t.platform, tenant.id, ['tenant_admin']);
    const res = await ctx.t.app.inject({
      method: 'PATCH',
      url: '/t/kota-tetangga/api/v1/settings',
      headers: await bearerFor(ctx.t.app, 'kota-tetangga', admin.email),
      payload: { area: square(106.75, -6.3, 106.95, -6.1) },
    });
    assert.equal(res.statusCode, 200, res.body);
  });
  after(() => ctx?.t.close());

  test("the address hint is the tenant's example, else a general one", async () => {
    const general = await ctx.t.app.inject({ url: '/t/kota-lapor/lapor' });
    assert.ok(!general.body.includes('Daan Mogot'), "not Tangerang's street");
    assert.ok(general.body.includes('patokan terdekat'));
    const set = await ctx.call('PATCH', '/reports/settings', ctx.admin, {
      addressExample: 'Jl. Suryakencana 12',
    });
    assert.equal(set.status, 200, JSON.stringify(set.body));
    assert.equal(set.body.addressExample, 'Jl. Suryakencana 12');
    const own = await ctx.t.app.inject({ url: '/t/kota-lapor/lapor' });
    assert.ok(own.body.includes('Misalnya: Jl. Suryakencana 12.'));
    const bad = await ctx.call('PATCH', '/reports/settings', ctx.admin, { addressExample: 'x' });
    assert.equal(bad.status, 400);
  });

  test('a pin in the neighbouring region is refused naming that region, with a link to its form', async () => {
    const api = await ctx.call(
      'POST',
      '/reports',
      {},
      {
        type: 'complaint',
        category: 'roads',
        description: 'Jalan rusak di seberang perbatasan',
        lat: -6.2,
        lng: 106.85,
      },
    );
    assert.equal(api.status, 400);
    const field = api.body.errors.find((e: { path: string }) => e.path === '/body/lat');
    assert.match(field.message, /kota-tetangga/i);
    assert.match(api.body.detail, /kota-tetangga/i);
    const form = multipart(
      {
        type: 'complaint',
        category: 'roads',
        description: 'Jalan rusak di seberang perbatasan',
        lat: '-6.2',
        lng: '106.85',
      },
      [],
    );
    const page = await ctx.t.app.inject({
      method: 'POST',
      url: '/t/kota-lapor/lapor',
      headers: form.headers,
      payload: form.payload,
    });
    assert.equal(page.statusCode, 400);
    assert.match(page.body, /id="lat-error">Titik ini berada di wilayah [^<]*tetangga/i);
    assert.match(page.body, /<a href="\/t\/kota-tetangga\/lapor">Laporkan ke /);
    // Far from any region's area: outside this one, no region named.
    const nowhere = await ctx.call(
      'POST',
      '/reports',
      {},
      {
        type: 'complaint',
        category: 'roads',
        description: 'Jalan rusak jauh sekali',
        lat: -7.5,
        lng: 110.2,
      },
    );
    assert.equal(nowhere.status, 400);
    assert.match(nowhere.body.errors[0].message, /di luar wilayah/);
  });
});
