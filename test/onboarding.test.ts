/**
 * A new region onboarded through the API the console uses: a platform administrator gives the new
 * tenant its first administrator (a single-use link, never a password), the tenant's logo is
 * uploaded (a raster image re-encoded; an SVG or a non-image refused), its area may come as a GIS
 * file's FeatureCollection (points refused), and an app goes live in one audited walk. Each
 * refusal changes nothing.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import sharp from 'sharp';
import { SYSTEM_ACTOR } from '../src/platform/db/tenant-scope.ts';
import {
  bearerFor,
  DB_KIND,
  type Json,
  makeStaff,
  makeTenant,
  multipartFile,
  startTest,
  type TestContext,
} from './support/harness.ts';

describe(`onboarding a region (${DB_KIND})`, () => {
  let t: TestContext;
  let platformAdmin: Record<string, string>;
  let newAdmin: Record<string, string>;
  let homeAdmin: Record<string, string>;
  let newId = '';
  const api = (slug: string, path: string) => `/t/${slug}/api/v1${path}`;

  before(async () => {
    t = await startTest();
    const home = await makeTenant(t.platform, 'kota-rumah');
    platformAdmin = await bearerFor(
      t.app,
      'kota-rumah',
      (await makeStaff(t.platform, home.id, ['platform_admin'])).email,
    );
    homeAdmin = await bearerFor(
      t.app,
      'kota-rumah',
      (await makeStaff(t.platform, home.id, ['tenant_admin'])).email,
    );
    newId = (await makeTenant(t.platform, 'kota-anyar')).id;
  });
  after(() => t.close());

  const adminBody = {
    displayName: 'Rina Admin',
    email: 'rina@kota-anyar.go.id',
    nip: '198503122010012001',
  };
  const addAdmin = (headers: Record<string, string>, slug: string, payload: object) =>
    t.app.inject({
      method: 'POST',
      url: api('kota-rumah', `/platform/tenants/${slug}/administrators`),
      headers,
      payload,
    });

  test('a platform administrator gives a new tenant its administrator, who sets a password by the link', async () => {
    assert.equal((await addAdmin(homeAdmin, 'kota-anyar', adminBody)).statusCode, 403);
    assert.equal((await addAdmin(platformAdmin, 'kota-tiada', adminBody)).statusCode, 404);
    const bad = await addAdmin(platformAdmin, 'kota-anyar', {
      ...adminBody,
      email: 'bukan-email',
      nip: '12',
    });
    assert.equal(bad.statusCode, 400);
    assert.deepEqual(
      bad
        .json()
        .errors.map((e: Json) => e.path)
        .sort(),
      ['/body/email', '/body/nip'],
    );

    const made = await addAdmin(platformAdmin, 'kota-anyar', adminBody);
    assert.equal(made.statusCode, 201, made.body);
    const { link, expiresAt } = made.json();
    assert.match(link, /^http:\/\/.+\/t\/kota-anyar\/atur-sandi\?token=[A-Za-z0-9_-]{20,}$/);
    assert.ok(Date.parse(expiresAt) > Date.now() + 71 * 3_600_000, 'the link lasts days, not minutes');
    // The same person cannot be made twice; nothing else is created.
    const twice = await addAdmin(platformAdmin, 'kota-anyar', adminBody);
    assert.equal(twice.statusCode, 400);
    assert.deepEqual(
      twice
        .json()
        .errors.map((e: Json) => [e.path, e.code])
        .sort(),
      [
        ['/body/email', 'taken'],
        ['/body/nip', 'taken'],
      ],
    );

    // No password works before the link is used: nobody knows it.
    const early = await t.app.inject({
      method: 'POST',
      url: api('kota-anyar', '/auth/login'),
      payload: { login: adminBody.email, password: 'correct-horse-battery' },
    });
    assert.equal(early.statusCode, 401);
    // The link was also sent to the administrator's email.
    const mails = await t.platform.inTenant(newId, SYSTEM_ACTOR, (scope) =>
      scope.trx
        .selectFrom('notification_outbox')
        .select(['recipient', 'body'])
        .where('tenant_id', '=', newId)
        .execute(),
    );
    assert.ok(
      mails.some((m) => m.recipient === adminBody.email && m.body.includes(link)),
      'the invitation carries the link',
    );
    const token = new URL(link).searchParams.get('token');
    const set = await t.app.inject({
      method: 'POST',
      url: api('kota-anyar', '/auth/password-reset/confirm'),
      payload: { token, password: 'sandi-baru-anyar-1' },
    });
    assert.equal(set.statusCode, 204, set.body);
    newAdmin = await bearerFor(t.app, 'kota-anyar', adminBody.email, 'sandi-baru-anyar-1');
    const session = await t.app.inject({ url: api('kota-anyar', '/auth/session'), headers: newAdmin });
    assert.deepEqual(
      session.json().grants.map((g: Json) => [g.role, g.agencyId]),
      [['tenant_admin', null]],
    );
    // Used once: the link does not work again.
    const again = await t.app.inject({
      method: 'POST',
      url: api('kota-anyar', '/auth/password-reset/confirm'),
      payload: { token, password: 'sandi-lain-anyar-2' },
    });
    assert.equal(again.statusCode, 400);
    // The new tenant's trail names the platform administrator and their tenant.
    const audit = await t.app.inject({
      url: api('kota-anyar', '/audit?action=user.create'),
      headers: newAdmin,
    });
    assert.match(JSON.stringify(audit.json()), /\(kota-rumah\)/);
  });

  const png = (w: number, h: number) =>
    sharp({ create: { width: w, height: h, channels: 4, background: '#0b5cad' } })
      .png()
      .toBuffer();
  const putLogo = (headers: Record<string, string>, name: string, type: string, bytes: Uint8Array) => {
    const body = multipartFile('file', name, type, bytes);
    return t.app.inject({
      method: 'PUT',
      url: api('kota-anyar', '/branding/logo'),
      headers: { ...headers, ...body.headers },
      payload: body.payload,
    });
  };
  const logoUrl = async () => (await t.app.inject(api('kota-anyar', ''))).json().branding.logoUrl;

  test('the logo is uploaded, re-encoded and served; an SVG or a non-image is refused and changes nothing', async () => {
    // Another tenant's administrator is not known here.
    assert.equal((await putLogo(homeAdmin, 'logo.png', 'image/png', await png(64, 64))).statusCode, 401);
    const first = await putLogo(newAdmin, 'logo.png', 'image/png', await png(1200, 600));
    assert.equal(first.statusCode, 200, first.body);
    const url = first.json().logoUrl as string;
    assert.equal(await logoUrl(), url);
    const served = await t.app.inject(url);
    assert.equal(served.statusCode, 200);
    assert.equal(served.headers['content-type'], 'image/png');
    const meta = await sharp(served.rawPayload).metadata();
    assert.deepEqual([meta.width, meta.height], [512, 256], 'shrunk to 512 px on its longest side');

    const svg = Buffer.from(
      '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
    );
    const refused = await putLogo(newAdmin, 'logo.png', 'image/png', svg);
    assert.equal(refused.statusCode, 415);
    assert.equal(refused.json().errors[0].code, 'logo_svg');
    assert.match(refused.json().errors[0].message, /PNG/);
    const text = await putLogo(newAdmin, 'logo.jpg', 'image/jpeg', Buffer.from('bukan gambar'));
    assert.equal(text.statusCode, 415);
    assert.equal(text.json().errors[0].code, 'logo_type');
    const big = await putLogo(newAdmin, 'logo.png', 'image/png', Buffer.alloc(2 * 1024 * 1024 + 1, 1));
    assert.equal(big.statusCode, 413);
    assert.equal(await logoUrl(), url, 'refusals change nothing');

    // A new logo replaces the old, which is not served any more; no other name is served.
    const second = await putLogo(
      newAdmin,
      'logo.jpg',
      'image/jpeg',
      await sharp(await png(100, 100))
        .jpeg()
        .toBuffer(),
    );
    assert.equal(second.statusCode, 200);
    assert.notEqual(second.json().logoUrl, url);
    assert.equal((await t.app.inject(url)).statusCode, 404);
    assert.equal((await t.app.inject(second.json().logoUrl)).statusCode, 200);
    assert.equal(
      (await t.app.inject(second.json().logoUrl.replace('kota-anyar', 'kota-rumah'))).statusCode,
      404,
      'another tenant does not serve it',
    );
    assert.equal((await t.app.inject(api('kota-anyar', '/branding/logo/..%2F..%2Fx.png'))).statusCode, 404);
  });

  const square = (w: number, s: number, e: number, n: number) => [
    [w, s],
    [e, s],
    [e, n],
    [w, n],
    [w, s],
  ];
  const setArea = (area: unknown) =>
    t.app.inject({
      method: 'PATCH',
      url: api('kota-anyar', '/settings'),
      headers: newAdmin,
      payload: { area },
    });

  test('an area comes as a GIS FeatureCollection of polygons; points are refused with a clear message', async () => {
    const points = {
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [106.8, -6.6] } },
      ],
    };
    const refused = await t.app.inject({
      method: 'PATCH',
      url: api('kota-anyar', '/settings'),
      headers: { ...newAdmin, 'accept-language': 'en' },
      payload: { area: points },
    });
    assert.equal(refused.statusCode, 400);
    assert.deepEqual(
      [refused.json().errors[0].path, refused.json().errors[0].code],
      ['/body/area', 'area_points'],
    );
    assert.match(refused.json().errors[0].message, /points or lines/);
    assert.equal((await t.app.inject(api('kota-anyar', ''))).json().area, null);

    const collection = {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: { name: 'Utara' },
          geometry: { type: 'Polygon', coordinates: [square(106.7, -6.55, 106.85, -6.5)] },
        },
        {
          type: 'Feature',
          properties: { name: 'Selatan' },
          geometry: { type: 'Polygon', coordinates: [square(106.7, -6.68, 106.85, -6.55)] },
        },
      ],
    };
    const ok = await setArea(collection);
    assert.equal(ok.statusCode, 200, ok.body);
    assert.equal(ok.json().area.type, 'MultiPolygon');
    assert.equal(ok.json().area.coordinates.length, 2);
    assert.deepEqual(ok.json().bbox, [106.7, -6.68, 106.85, -6.5]);
  });

  test('an app goes live in one walk through its agreed states, each step audited; a missing PKS changes nothing', async () => {
    const agreement = async (kind: string, number: string) =>
      (
        await t.app.inject({
          method: 'POST',
          url: api('kota-anyar', '/agreements'),
          headers: newAdmin,
          payload: {
            kind,
            number,
            signedOn: '2026-11-02',
            signatories: [
              { name: 'Wali Kota Anyar', title: 'Wali Kota', party: 'Kota Anyar' },
              { name: 'Wali Kota Rumah', title: 'Wali Kota', party: 'Kota Rumah' },
            ],
          },
        })
      ).json().id as string;
    const mou = await agreement('mou', 'MoU/01/2026');
    const pks = await agreement('pks', 'PKS/01/2026');
    const goLive = (payload: object, app = 'reports') =>
      t.app.inject({
        method: 'POST',
        url: api('kota-anyar', `/adoptions/${app}/web/go-live`),
        headers: newAdmin,
        payload,
      });
    const missing = await goLive({ mouId: mou });
    assert.equal(missing.statusCode, 400);
    assert.deepEqual(
      [missing.json().errors[0].path, missing.json().errors[0].code],
      ['/body/pksId', 'agreement_missing'],
    );
    const wrongKind = await goLive({ mouId: pks, pksId: pks });
    assert.equal(wrongKind.json().errors[0].path, '/body/mouId');
    const none = (await t.app.inject({ url: api('kota-anyar', '/adoptions'), headers: newAdmin })).json();
    assert.deepEqual(none.items, [], 'a refused walk leaves no adoption behind');

    const live = await goLive({ mouId: mou, pksId: pks });
    assert.equal(live.statusCode, 200, live.body);
    assert.deepEqual(live.json().steps, ['proposed', 'mou_signed', 'pks_signed', 'onboarding', 'live']);
    const adoption = (await t.app.inject({ url: api('kota-anyar', '/adoptions'), headers: newAdmin })).json()
      .items[0];
    assert.equal(adoption.status, 'live');
    assert.deepEqual([adoption.mouId, adoption.pksId], [mou, pks]);
    assert.equal(adoption.history.length, 5);
    const audit = (
      await t.app.inject({ url: api('kota-anyar', '/audit?action=adoption.transition'), headers: newAdmin })
    ).json();
    assert.equal(audit.items.length, 4, 'each step is audited as a single transition is');
    assert.ok((await t.app.inject(api('kota-anyar', ''))).json().apps.includes('reports'));
    const again = await goLive({});
    assert.deepEqual(again.json().steps, [], 'live already: nothing to do');
    assert.equal((await goLive({}, 'tidak-ada')).statusCode, 400);
  });
});
