/**
 * Satu Data through the API, on the database the suite runs on: found in the catalogue, adopted and
 * taken live by agreement, items added and listed, refusals beside their fields, and another
 * tenant's people get nothing.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
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

const ITEMS = '/api/v1/open-data/items';

describe(`Satu Data through the API (${DB_KIND})`, () => {
  let t: TestContext;
  let admin: Record<string, string>;
  let viewer: Record<string, string>;
  let otherAdmin: Record<string, string>;
  const call = (method: 'GET' | 'POST', slug: string, path: string, headers = {}, payload?: object) =>
    t.app.inject({ method, url: `/t/${slug}${path}`, headers, ...(payload ? { payload } : {}) });

  before(async () => {
    t = await startTest({ modules: [app] });
    const a = await makeTenant(t.platform, 'kota-a');
    const b = await makeTenant(t.platform, 'kota-b');
    admin = await bearerFor(t.app, 'kota-a', (await makeStaff(t.platform, a.id, ['tenant_admin'])).email);
    viewer = await bearerFor(t.app, 'kota-a', (await makeStaff(t.platform, a.id, ['viewer'])).email);
    otherAdmin = await bearerFor(
      t.app,
      'kota-b',
      (await makeStaff(t.platform, b.id, ['tenant_admin'])).email,
    );
    await makeLive(t.platform, b.id, 'open-data');
  });
  after(() => t.close());

  test('the catalogue lists the app; it answers 404 until the tenant takes it live by agreement', async () => {
    const catalogue = await t.app.inject('/api/v1/catalogue/apps');
    assert.ok(JSON.stringify(catalogue.json()).includes('"open-data"'), 'in the catalogue');
    assert.equal((await call('GET', 'kota-a', ITEMS)).statusCode, 404);
    const adopt = await call('POST', 'kota-a', '/api/v1/adoptions', admin, {
      app: 'open-data',
      channel: 'web',
    });
    assert.equal(adopt.statusCode, 201, adopt.body);
    const signatories = [
      { name: 'Wali Kota A', title: 'Wali Kota', party: 'Kota A' },
      { name: 'Wali Kota Asal', title: 'Wali Kota', party: 'Kota Asal' },
    ];
    const steps: object[] = [];
    for (const kind of ['mou', 'pks'] as const) {
      const agreement = await call('POST', 'kota-a', '/api/v1/agreements', admin, {
        kind,
        number: `${kind.toUpperCase()}/1/2026`,
        signedOn: '2026-01-15',
        signatories,
      });
      assert.equal(agreement.statusCode, 201, agreement.body);
      steps.push({ to: `${kind}_signed`, agreementId: agreement.json().id });
    }
    for (const step of [...steps, { to: 'onboarding' }, { to: 'live' }]) {
      const res = await call('POST', 'kota-a', '/api/v1/adoptions/open-data/web/transitions', admin, step);
      assert.equal(res.statusCode, 200, res.body);
    }
    assert.equal((await call('GET', 'kota-a', ITEMS)).statusCode, 200);
  });

  test('an administrator adds an item; it is listed, on the portal page too, and the setup checklist says so', async () => {
    const checklist = async () => (await call('GET', 'kota-a', '/api/v1/setup/open-data', admin)).json();
    assert.deepEqual(
      (await checklist()).items.map((i: { id: string; done: boolean }) => [i.id, i.done]),
      [['first-item', false]],
    );
    const added = await call('POST', 'kota-a', ITEMS, admin, {
      title: '  Rapat   warga ',
      description: 'Balai RW',
    });
    assert.equal(added.statusCode, 201, added.body);
    assert.equal(added.json().title, 'Rapat warga');
    const list = await call('GET', 'kota-a', ITEMS);
    assert.deepEqual(
      list.json().items.map((i: { title: string }) => i.title),
      ['Rapat warga'],
    );
    const page = await call('GET', 'kota-a', '/open-data');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Rapat warga/);
    assert.equal((await checklist()).done, true);
  });

  test('a blank title is refused on its field in the caller’s language, and nothing is written', async () => {
    const before = (await call('GET', 'kota-a', ITEMS)).json().items.length;
    const res = await call('POST', 'kota-a', ITEMS, { ...admin, 'accept-language': 'en' }, { title: '   ' });
    assert.equal(res.statusCode, 400, res.body);
    assert.equal(res.json().errors[0].path, '/body/title');
    assert.match(res.json().errors[0].message, /at least 2/i);
    const unknown = await call('POST', 'kota-a', ITEMS, admin, { title: 'Judul', extra: 1 });
    assert.equal(unknown.statusCode, 400);
    assert.equal((await call('GET', 'kota-a', ITEMS)).json().items.length, before);
  });

  test('only those who manage the app add; another tenant’s administrator gets nothing of A', async () => {
    assert.equal((await call('POST', 'kota-a', ITEMS, viewer, { title: 'Dari penonton' })).statusCode, 403);
    const foreign = await call('POST', 'kota-a', ITEMS, otherAdmin, { title: 'Dari kota B' });
    assert.ok([401, 403].includes(foreign.statusCode), foreign.body);
    const own = await call('POST', 'kota-b', ITEMS, otherAdmin, { title: 'Milik kota B' });
    assert.equal(own.statusCode, 201);
    const inA = JSON.stringify((await call('GET', 'kota-a', ITEMS)).json());
    const inB = JSON.stringify((await call('GET', 'kota-b', ITEMS)).json());
    assert.ok(!inA.includes('Milik kota B') && !inA.includes('Dari kota B'), 'A shows nothing of B');
    assert.ok(!inB.includes('Rapat warga'), 'B shows nothing of A');
  });
});
