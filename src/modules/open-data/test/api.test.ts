/**
 * Satu Data's staff API on the database the suite runs on: a producer of one agency drafts a
 * dataset, uploads a CSV (typed into the datastore, previewed, a new version kept beside the
 * first), the walidata returns it with a note, publishes it, unpublishes it; malformed uploads are
 * 400s naming their row and column with nothing kept; another agency's producer gets nothing.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  bearerFor,
  DB_KIND,
  makeLive,
  makeStaff,
  makeTenant,
  multipartForm,
  startTest,
  type TestContext,
} from '../../../../test/support/harness.ts';
import { SYSTEM_ACTOR } from '../../../platform/sdk/index.ts';
import { createAgency, grantRole } from '../../../platform/sdk/testing.ts';
import app from '../index.ts';
import { tx } from '../tables.ts';
import { csvUpload, metadata } from './fixtures.ts';

const API = '/api/v1/open-data';
type H = Record<string, string>;

const CSV = [
  'Kecamatan,Jumlah Penduduk,Luas (km2),Tanggal Data',
  'Ciledug,151204,8.77,2025-12-31',
  'Karawaci,188342,13.48,2025-12-31',
  'Periuk,142118,9.54,2025-12-31',
].join('\n');

describe(`Satu Data's staff API (${DB_KIND})`, () => {
  let t: TestContext;
  let walidata: H;
  let producerX: H;
  let producerY: H;
  let agencyX: string;
  let agencyY: string;
  let otherAdmin: H;
  let datasetId: string;
  let resourceId: string;
  const call = (method: string, path: string, headers: H = {}, payload?: object | Buffer, extra: H = {}) =>
    t.app.inject({
      method: method as 'GET',
      url: `/t/kota-a${path}`,
      headers: { ...headers, ...extra },
      ...(payload ? { payload } : {}),
    });
  const upload = (path: string, headers: H, csv: string, fields: Record<string, string> = {}) => {
    const form = csvUpload(csv, fields);
    return call('POST', path, headers, form.payload, form.headers);
  };

  before(async () => {
    t = await startTest({ modules: [app] });
    const a = await makeTenant(t.platform, 'kota-a');
    const b = await makeTenant(t.platform, 'kota-b');
    await makeLive(t.platform, a.id, 'open-data');
    await makeLive(t.platform, b.id, 'open-data');
    walidata = await bearerFor(t.app, 'kota-a', (await makeStaff(t.platform, a.id, ['tenant_admin'])).email);
    otherAdmin = await bearerFor(
      t.app,
      'kota-b',
      (await makeStaff(t.platform, b.id, ['tenant_admin'])).email,
    );
    const [x, y] = await t.platform.inTenant(a.id, SYSTEM_ACTOR, async (scope) => [
      await createAgency(scope, {
        code: 'DISDUKCAPIL',
        name: 'Dinas Kependudukan dan Pencatatan Sipil',
        kind: 'dinas',
      }),
      await createAgency(scope, { code: 'DINKES', name: 'Dinas Kesehatan', kind: 'dinas' }),
    ]);
    agencyX = x!.id;
    agencyY = y!.id;
    const producerAt = async (agencyId: string) => {
      const s = await makeStaff(t.platform, a.id, []);
      await t.platform.inTenant(a.id, SYSTEM_ACTOR, (scope) =>
        grantRole(scope, s.id, { role: 'operator', agencyId }),
      );
      return bearerFor(t.app, 'kota-a', s.email);
    };
    producerX = await producerAt(agencyX);
    producerY = await producerAt(agencyY);
    const theme = await call('POST', `${API}/themes`, walidata, {
      name: 'kependudukan',
      title: 'Kependudukan',
      description: 'Data penduduk',
      sort: 1,
    });
    assert.equal(theme.statusCode, 201, theme.body);
  });
  after(() => t.close());

  test('a producer drafts a dataset of their agency, not of another', async () => {
    const refused = await call('POST', `${API}/datasets`, producerX, {
      ...metadata,
      agencyId: agencyY,
      name: 'lain',
    });
    assert.equal(refused.statusCode, 403, refused.body);
    const res = await call('POST', `${API}/datasets`, producerX, {
      ...metadata,
      agencyId: agencyX,
      name: 'jumlah-penduduk',
    });
    assert.equal(res.statusCode, 201, res.body);
    const d = res.json();
    datasetId = d.id;
    assert.equal(d.state, 'draft');
    assert.deepEqual(d.keywords, ['penduduk', 'kecamatan']);
    assert.deepEqual(d.themes, ['kependudukan']);
    assert.equal(d.agencyName, 'Dinas Kependudukan dan Pencatatan Sipil');
    const taken = await call('POST', `${API}/datasets`, producerX, {
      ...metadata,
      agencyId: agencyX,
      name: 'jumlah-penduduk',
    });
    assert.equal(taken.statusCode, 400);
    assert.equal(taken.json().errors[0].path, '/body/name');
    const badLicense = await call('POST', `${API}/datasets`, producerX, {
      ...metadata,
      agencyId: agencyX,
      name: 'x-1',
      licenseId: 'proprietary',
    });
    assert.equal(badLicense.statusCode, 400);
    const badTheme = await call('POST', `${API}/datasets`, producerX, {
      ...metadata,
      agencyId: agencyX,
      name: 'x-2',
      themes: ['tidak-ada'],
    });
    assert.equal(badTheme.statusCode, 400);
  });

  test('a CSV upload is typed into the datastore and previewed', async () => {
    const res = await upload(`${API}/datasets/${datasetId}/uploads`, producerX, CSV, {
      name: 'Penduduk 2025',
    });
    assert.equal(res.statusCode, 201, res.body);
    const r = res.json();
    resourceId = r.id;
    assert.equal(r.format, 'CSV');
    assert.equal(r.datastoreActive, true);
    assert.equal(r.currentVersion, 1);
    assert.deepEqual(
      r.columns.map((c: { name: string; type: string }) => [c.name, c.type]),
      [
        ['kecamatan', 'text'],
        ['jumlah_penduduk', 'int'],
        ['luas_km2', 'numeric'],
        ['tanggal_data', 'date'],
      ],
    );
    const rows = await call(
      'GET',
      `${API}/resources/${resourceId}/rows?sort=jumlah_penduduk%20desc&limit=2`,
      producerX,
    );
    assert.equal(rows.statusCode, 200, rows.body);
    assert.equal(rows.json().total, 3);
    assert.deepEqual(
      rows.json().records.map((x: { kecamatan: string }) => x.kecamatan),
      ['Karawaci', 'Ciledug'],
    );
    assert.equal(rows.json().records[0].jumlah_penduduk, 188342);
    const filtered = await call(
      'GET',
      `${API}/resources/${resourceId}/rows?filter=jumlah_penduduk:142118`,
      producerX,
    );
    assert.deepEqual(
      filtered.json().records.map((x: { _id: number }) => x._id),
      [3],
    );
    const text = await call('GET', `${API}/resources/${resourceId}/rows?q=kara`, producerX);
    assert.equal(text.json().total, 1);
    const unknown = await call('GET', `${API}/resources/${resourceId}/rows?sort=penduduk`, producerX);
    assert.equal(unknown.statusCode, 400);
    assert.match(unknown.json().errors[0].message, /penduduk/);
    const badFilter = await call(
      'GET',
      `${API}/resources/${resourceId}/rows?filter=jumlah_penduduk:banyak`,
      producerX,
    );
    assert.equal(badFilter.statusCode, 400);
  });

  test('malformed uploads are 400s naming the row and column, and keep nothing', async () => {
    const count = () =>
      t.platform.inTenant(
        t.platform.directory.bySlug('kota-a')!.id,
        SYSTEM_ACTOR,
        async (scope) =>
          (await tx(scope).selectFrom('open_data_resource_versions').select('id').execute()).length,
      );
    const before = await count();
    const ragged = await upload(`${API}/datasets/${datasetId}/uploads`, producerX, `${CSV}\nBenda,1,2`);
    assert.equal(ragged.statusCode, 400, ragged.body);
    assert.equal(ragged.json().errors[0].code, 'data_ragged');
    assert.match(ragged.json().errors[0].message, /4 \(baris 5/);
    const badDate = await upload(
      `${API}/datasets/${datasetId}/uploads`,
      producerX,
      CSV.replace('Periuk,142118,9.54,2025-12-31', 'Periuk,142118,9.54,2025-02-30'),
    );
    assert.equal(badDate.statusCode, 400, badDate.body);
    assert.equal(badDate.json().errors[0].code, 'data_bad_date');
    assert.match(badDate.json().errors[0].message, /3.*Tanggal Data.*2025-02-30/);
    const forced = await upload(`${API}/datasets/${datasetId}/uploads`, producerX, CSV, {
      types: '{"kecamatan":"int"}',
    });
    assert.equal(forced.statusCode, 400);
    assert.equal(forced.json().errors[0].code, 'data_bad_int');
    const empty = await upload(`${API}/datasets/${datasetId}/uploads`, producerX, '');
    assert.equal(empty.statusCode, 400);
    const headerOnly = await upload(`${API}/datasets/${datasetId}/uploads`, producerX, 'a,b\n');
    assert.equal(headerOnly.statusCode, 400);
    const wide = await upload(
      `${API}/datasets/${datasetId}/uploads`,
      producerX,
      `${Array.from({ length: 101 }, (_, i) => `k${i}`).join(',')}\n${Array.from({ length: 101 }, () => '1').join(',')}`,
    );
    assert.equal(wide.statusCode, 400);
    assert.equal(wide.json().errors[0].code, 'data_too_many_columns');
    const binary = multipartForm([
      { name: 'file', filename: 'x.csv', type: 'text/csv', bytes: new Uint8Array([0xff, 0xfe, 0, 1]) },
    ]);
    const bin = await call(
      'POST',
      `${API}/datasets/${datasetId}/uploads`,
      producerX,
      binary.payload,
      binary.headers,
    );
    assert.equal(bin.statusCode, 400);
    assert.equal(await count(), before);
  });

  test('a new version is kept beside the first, both downloadable, the dictionary carried over', async () => {
    const dict = await call('PUT', `${API}/resources/${resourceId}/dictionary`, producerX, {
      columns: [
        { name: 'jumlah_penduduk', label: 'Jumlah Penduduk', description: 'Akhir semester', unit: 'jiwa' },
      ],
    });
    assert.equal(dict.statusCode, 200, dict.body);
    const unknown = await call('PUT', `${API}/resources/${resourceId}/dictionary`, producerX, {
      columns: [{ name: 'tidak_ada', label: 'X' }],
    });
    assert.equal(unknown.statusCode, 400);
    const res = await upload(
      `${API}/resources/${resourceId}/versions`,
      producerX,
      `${CSV}\nTangerang,170001,15.79,2025-12-31`,
    );
    assert.equal(res.statusCode, 201, res.body);
    assert.equal(res.json().currentVersion, 2);
    const col = res.json().columns.find((c: { name: string }) => c.name === 'jumlah_penduduk');
    assert.equal(col.unit, 'jiwa');
    const versions = await call('GET', `${API}/resources/${resourceId}/versions`, producerX);
    assert.deepEqual(
      versions.json().versions.map((v: { version: number }) => v.version),
      [2, 1],
    );
    const v1 = await call('GET', `${API}/resources/${resourceId}/versions/1/file`, producerX);
    assert.equal(v1.statusCode, 200);
    assert.equal(v1.body, CSV);
    const old = await call('GET', `${API}/resources/${resourceId}/rows?version=1`, producerX);
    assert.equal(old.json().total, 3);
    const now = await call('GET', `${API}/resources/${resourceId}/rows`, producerX);
    assert.equal(now.json().total, 4);
  });

  test("another agency's producer, and another tenant, get nothing of it", async () => {
    for (const [method, path, body] of [
      ['GET', `${API}/datasets/${datasetId}`],
      ['PUT', `${API}/datasets/${datasetId}`, { ...metadata, name: 'direbut' }],
      ['POST', `${API}/datasets/${datasetId}/submit`],
      ['POST', `${API}/datasets/${datasetId}/links`, { name: 'Tautan', url: 'https://example.org/' }],
      ['GET', `${API}/resources/${resourceId}/versions`],
      ['GET', `${API}/resources/${resourceId}/rows`],
      ['GET', `${API}/resources/${resourceId}/versions/1/file`],
      ['PUT', `${API}/resources/${resourceId}/dictionary`, { columns: [{ name: 'kecamatan', label: 'X' }] }],
    ] as const) {
      const res = await call(method, path, producerY, body as object | undefined);
      assert.equal(res.statusCode, 404, `${method} ${path}: ${res.body}`);
    }
    const list = await call('GET', `${API}/datasets`, producerY);
    assert.deepEqual(list.json().datasets, []);
    const form = csvUpload(CSV);
    const up = await call(
      'POST',
      `${API}/resources/${resourceId}/versions`,
      producerY,
      form.payload,
      form.headers,
    );
    assert.equal(up.statusCode, 404);
    const other = await t.app.inject({
      method: 'GET',
      url: `/t/kota-b${API}/datasets/${datasetId}`,
      headers: otherAdmin,
    });
    assert.equal(other.statusCode, 404);
  });

  test('submit, return with a note, submit again, publish, unpublish', async () => {
    const notYet = await call('POST', `${API}/datasets/${datasetId}/publish`, walidata);
    assert.equal(notYet.statusCode, 409);
    const producerPublishes = await call('POST', `${API}/datasets/${datasetId}/publish`, producerX);
    assert.equal(producerPublishes.statusCode, 403);
    const sub = await call('POST', `${API}/datasets/${datasetId}/submit`, producerX);
    assert.equal(sub.statusCode, 200, sub.body);
    assert.equal(sub.json().state, 'submitted');
    const locked = await call('PUT', `${API}/datasets/${datasetId}`, producerX, {
      ...metadata,
      name: 'jumlah-penduduk',
    });
    assert.equal(locked.statusCode, 409);
    const ret = await call('POST', `${API}/datasets/${datasetId}/return`, walidata, {
      note: 'Lengkapi definisi.',
    });
    assert.equal(ret.json().state, 'returned');
    assert.equal(ret.json().reviewNote, 'Lengkapi definisi.');
    const edit = await call('PUT', `${API}/datasets/${datasetId}`, producerX, {
      ...metadata,
      name: 'jumlah-penduduk',
      definition: 'Penduduk tercatat per akhir semester.',
    });
    assert.equal(edit.statusCode, 200, edit.body);
    await call('POST', `${API}/datasets/${datasetId}/submit`, producerX);
    const anon = await t.app.inject({ method: 'GET', url: `/t/kota-a${API}/resources/${resourceId}/rows` });
    assert.equal(anon.statusCode, 404, 'not public before publication');
    const pub = await call('POST', `${API}/datasets/${datasetId}/publish`, walidata);
    assert.equal(pub.statusCode, 200, pub.body);
    assert.equal(pub.json().state, 'published');
    assert.ok(pub.json().firstPublishedAt);
    const publicRows = await t.app.inject({
      method: 'GET',
      url: `/t/kota-a${API}/resources/${resourceId}/rows`,
    });
    assert.equal(publicRows.statusCode, 200);
    const publicFile = await t.app.inject({
      method: 'GET',
      url: `/t/kota-a${API}/resources/${resourceId}/versions/2/file`,
    });
    assert.equal(publicFile.statusCode, 200);
    const unpub = await call('POST', `${API}/datasets/${datasetId}/unpublish`, walidata, {
      note: 'Angka Ciledug keliru.',
    });
    assert.equal(unpub.json().state, 'unpublished');
    const gone = await t.app.inject({ method: 'GET', url: `/t/kota-a${API}/resources/${resourceId}/rows` });
    assert.equal(gone.statusCode, 404);
    const queue = await call('GET', `${API}/datasets?state=unpublished`, walidata);
    assert.deepEqual(
      queue.json().datasets.map((d: { id: string }) => d.id),
      [datasetId],
    );
    // Fixed and submitted again, published again, then unpublished without a note (no body).
    assert.equal(
      (await call('POST', `${API}/datasets/${datasetId}/submit`, producerX)).json().state,
      'submitted',
    );
    const again = await call('POST', `${API}/datasets/${datasetId}/publish`, walidata);
    assert.equal(
      again.json().firstPublishedAt,
      pub.json().firstPublishedAt,
      'issued stays the first publication',
    );
    const bare = await call('POST', `${API}/datasets/${datasetId}/unpublish`, walidata);
    assert.equal(bare.statusCode, 200, bare.body);
    assert.equal(bare.json().reviewNote, null);
  });

  test('themes: listed for anyone, kept by the walidata only', async () => {
    const list = await t.app.inject({ method: 'GET', url: `/t/kota-a${API}/themes` });
    assert.deepEqual(
      list.json().themes.map((x: { name: string }) => x.name),
      ['kependudukan'],
    );
    const refused = await call('POST', `${API}/themes`, producerX, { name: 'kesehatan', title: 'Kesehatan' });
    assert.equal(refused.statusCode, 403);
    const made = await call('POST', `${API}/themes`, walidata, { name: 'kesehatan', title: 'Kesehatan' });
    assert.equal(made.statusCode, 201);
    const changed = await call('PUT', `${API}/themes/${made.json().id}`, walidata, {
      name: 'kesehatan',
      title: 'Kesehatan Masyarakat',
    });
    assert.equal(changed.json().title, 'Kesehatan Masyarakat');
    const removed = await call('DELETE', `${API}/themes/${made.json().id}`, walidata);
    assert.equal(removed.statusCode, 204);
    const again = await call('DELETE', `${API}/themes/${made.json().id}`, walidata);
    assert.equal(again.statusCode, 404);
  });

  test('links: added as resources, never versioned', async () => {
    const link = await call('POST', `${API}/datasets/${datasetId}/links`, producerX, {
      name: 'Profil BPS',
      url: 'https://tangerangkota.bps.go.id/',
      format: 'html',
    });
    assert.equal(link.statusCode, 201, link.body);
    assert.equal(link.json().kind, 'link');
    assert.equal(link.json().format, 'HTML');
    const form = csvUpload(CSV);
    const v = await call(
      'POST',
      `${API}/resources/${link.json().id}/versions`,
      producerX,
      form.payload,
      form.headers,
    );
    assert.equal(v.statusCode, 409);
    const bad = await call('POST', `${API}/datasets/${datasetId}/links`, producerX, {
      name: 'X1',
      url: 'javascript:alert(1)',
    });
    assert.equal(bad.statusCode, 400);
  });

  test("a published dataset's classification is the walidata's to change: a producer opening a closed dataset is refused", async () => {
    const made = await call('POST', `${API}/datasets`, producerX, {
      ...metadata,
      agencyId: agencyX,
      name: 'data-tertutup',
      classification: 'closed',
    });
    assert.equal(made.statusCode, 201, made.body);
    const id = made.json().id as string;
    const up = await upload(`${API}/datasets/${id}/uploads`, producerX, CSV);
    assert.equal(up.statusCode, 201, up.body);
    assert.equal((await call('POST', `${API}/datasets/${id}/submit`, producerX)).statusCode, 200);
    assert.equal((await call('POST', `${API}/datasets/${id}/publish`, walidata)).statusCode, 200);
    const change = { ...metadata, name: 'data-tertutup', classification: 'open' };
    const refused = await call('PUT', `${API}/datasets/${id}`, producerX, change);
    assert.equal(refused.statusCode, 400, refused.body);
    assert.equal(refused.json().errors[0].code, 'open_data_classification_review');
    const rows = await call('GET', `${API}/resources/${up.json().id}/rows`);
    assert.notEqual(rows.statusCode, 200, 'the closed data stays unread');
    // Other metadata the producer still keeps up to date; the walidata may open it.
    const kept = await call('PUT', `${API}/datasets/${id}`, producerX, {
      ...change,
      classification: 'closed',
      title: 'Data tertutup (diperbarui)',
    });
    assert.equal(kept.statusCode, 200, kept.body);
    assert.equal((await call('PUT', `${API}/datasets/${id}`, walidata, change)).statusCode, 200);
  });
});
