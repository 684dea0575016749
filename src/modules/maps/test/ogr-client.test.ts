/**
 * A real OGC API Features client: GDAL's OAPIF driver (`ogrinfo` of Debian's gdal-bin) opens the
 * tenant's service over a listening server, lists its layers, reads a layer's features with a
 * spatial filter (GDAL sends it as `bbox`), and with a staff token sees the staff-only layer too.
 * Skipped when `ogrinfo` is not installed.
 */
import assert from 'node:assert/strict';
import { execFile, execFileSync } from 'node:child_process';
import { after, before, describe, test } from 'node:test';
import { promisify } from 'node:util';
import {
  bearerFor,
  DB_KIND,
  makeLive,
  makeStaff,
  makeTenant,
  startTest,
  type TestContext,
} from '../../../../test/support/harness.ts';
import app from '../index.ts';
import { healthCentres, upload } from './fixtures.ts';

const run = promisify(execFile);
const hasOgr = (() => {
  try {
    return /GDAL/.test(execFileSync('ogrinfo', ['--version'], { encoding: 'utf8' }));
  } catch {
    return false;
  }
})();

const CENTRES = healthCentres(40).features;

describe(`GDAL's OAPIF driver reads the OGC API (${DB_KIND})`, () => {
  let t: TestContext;
  let service: string;
  let token: string;
  /** `ogrinfo` on the service, the server answering in this process meanwhile. */
  const ogrinfo = async (args: string[], env: Record<string, string> = {}) =>
    (
      await run('ogrinfo', ['-ro', ...args], {
        env: { ...process.env, GDAL_HTTP_TIMEOUT: '30', CPL_DEBUG: 'OFF', ...env },
        timeout: 60_000,
        maxBuffer: 16 * 1024 * 1024,
      })
    ).stdout;

  before(async () => {
    // Never skipped: a conformance check that silently does not run proves nothing (.ci/run
    // installs Debian's gdal-bin when it is missing).
    assert.ok(
      hasOgr,
      'ogrinfo is missing: apt-get install gdal-bin (GDAL 3.6 or later, for its OAPIF driver)',
    );
    t = await startTest({ modules: [app] });
    const tenant = await makeTenant(t.platform, 'kota-gis');
    await makeLive(t.platform, tenant.id, 'maps');
    const admin = await bearerFor(
      t.app,
      'kota-gis',
      (await makeStaff(t.platform, tenant.id, ['tenant_admin'])).email,
    );
    token = admin.authorization.replace(/^Bearer /, '');
    const layer = JSON.stringify({ type: 'FeatureCollection', features: CENTRES });
    const pub = await upload(
      t.app,
      'kota-gis',
      admin,
      { title: 'Puskesmas', name: 'puskesmas', access: 'public' },
      layer,
    );
    assert.equal(pub.statusCode, 201, pub.body);
    const staff = await upload(
      t.app,
      'kota-gis',
      admin,
      { title: 'Aset', name: 'aset', access: 'staff' },
      JSON.stringify(healthCentres(3)),
    );
    assert.equal(staff.statusCode, 201, staff.body);
    const origin = await t.app.listen({ host: '127.0.0.1', port: 0 });
    service = `OAPIF:${origin}/t/kota-gis/ogc`;
  });
  after(() => t.close());

  test('lists the public layers, with their geometry type', async () => {
    const out = await ogrinfo(['-so', service]);
    assert.match(out, /1: puskesmas \(title: Puskesmas\) \(Point\)/);
    assert.doesNotMatch(out, /aset/);
  });

  test('reads every feature of a layer across pages, and the count matches', async () => {
    const summary = await ogrinfo(['-so', service, 'puskesmas']);
    assert.match(summary, /Feature Count: 40/);
    const all = await ogrinfo(['-q', service, 'puskesmas']);
    assert.equal(all.match(/OGRFeature\(puskesmas\)/g)?.length, 40);
    assert.match(all, /nama \(String\) = Puskesmas 17/);
  });

  test('a spatial filter (-spat) reads only the features in the box', async () => {
    const box = [106.65, -6.2, 106.75, -6.18];
    const expected = CENTRES.filter((f) => {
      const [x, y] = f.geometry.coordinates as [number, number];
      return x >= box[0]! && x <= box[2]! && y >= box[1]! && y <= box[3]!;
    }).length;
    assert.ok(expected > 0 && expected < 40);
    const out = await ogrinfo(['-q', service, 'puskesmas', '-spat', ...box.map(String)]);
    assert.equal(out.match(/OGRFeature\(puskesmas\)/g)?.length ?? 0, expected);
    const counted = await ogrinfo(['-so', service, 'puskesmas', '-spat', ...box.map(String)]);
    assert.match(counted, new RegExp(`Feature Count: ${expected}\\b`));
  });

  test('with a staff token, the staff-only layer is listed and read', async () => {
    const env = { GDAL_HTTP_HEADERS: `Authorization: Bearer ${token}` };
    const out = await ogrinfo(['-so', service], env);
    assert.match(out, /aset \(title: Aset\) \(Point\)/);
    const features = await ogrinfo(['-q', service, 'aset'], env);
    assert.equal(features.match(/OGRFeature\(aset\)/g)?.length, 3);
  });
});
