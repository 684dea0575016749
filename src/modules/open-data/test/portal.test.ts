/**
 * Satu Data's citizen pages through the platform, on the database the suite runs on: the
 * catalogue searched by words, narrowed by a facet and widened again, sorted and paged; bad input
 * a 400 that says what to fix beside the form; a dataset's page with its metadata, versions,
 * downloads, preview (paged and sorted) and chart; a limited dataset without its data; drafts,
 * unpublished datasets and another region's answering 404; an organization's and a theme's page.
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
import { SYSTEM_ACTOR } from '../../../platform/sdk/index.ts';
import { createAgency } from '../../../platform/sdk/testing.ts';
import app from '../index.ts';
import { messages } from '../messages.ts';
import { CIPONDOH_2025, makeDataset, type Published, populationDataset } from './catalogue-data.ts';

/** The link targets of a page, as a browser reads them (`&amp;` is `&`). */
function hrefs(html: string): string[] {
  return [...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]!.replaceAll('&amp;', '&'));
}

/** The titles of the results listed, in order. */
function titles(html: string): string[] {
  return [...html.matchAll(/<h3 class="item-title"><a [^>]*>([^<]*)<\/a>/g)].map((m) => m[1]!);
}

describe(`Satu Data's portal pages (${DB_KIND})`, () => {
  let t: TestContext;
  let admin: Record<string, string>;
  let population: Published;
  let facilities: Published;
  const get = (url: string, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'GET', url: url.startsWith('/t/') ? url : `/t/kota-a${url}`, headers });

  before(async () => {
    t = await startTest({ modules: [app] });
    const a = await makeTenant(t.platform, 'kota-a');
    const b = await makeTenant(t.platform, 'kota-b');
    await makeLive(t.platform, a.id, 'open-data');
    await makeLive(t.platform, b.id, 'open-data');
    admin = await bearerFor(t.app, 'kota-a', (await makeStaff(t.platform, a.id, ['tenant_admin'])).email);
    const adminB = await bearerFor(
      t.app,
      'kota-b',
      (await makeStaff(t.platform, b.id, ['tenant_admin'])).email,
    );
    const [capil, dinkes] = await t.platform.inTenant(a.id, SYSTEM_ACTOR, async (scope) => [
      await createAgency(scope, {
        code: 'DISDUKCAPIL',
        name: 'Dinas Kependudukan dan Pencatatan Sipil',
        kind: 'dinas',
      }),
      await createAgency(scope, { code: 'DINKES', name: 'Dinas Kesehatan', kind: 'dinas' }),
    ]);
    const [capilB] = await t.platform.inTenant(b.id, SYSTEM_ACTOR, async (scope) => [
      await createAgency(scope, { code: 'BAPPEDA', name: 'Bappeda Kota B', kind: 'badan' }),
    ]);
    for (const theme of [
      { name: 'kependudukan', title: 'Kependudukan' },
      { name: 'kesehatan', title: 'Kesehatan' },
    ]) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/t/kota-a/api/v1/open-data/themes',
        headers: admin,
        payload: theme,
      });
      assert.equal(res.statusCode, 201, res.body);
    }
    const themeB = await t.app.inject({
      method: 'POST',
      url: '/t/kota-b/api/v1/open-data/themes',
      headers: adminB,
      payload: { name: 'kependudukan', title: 'Kependudukan' },
    });
    assert.equal(themeB.statusCode, 201, themeB.body);
    population = await makeDataset(t, 'kota-a', admin, populationDataset(capil!.id));
    facilities = await makeDataset(t, 'kota-a', admin, {
      agencyId: dinkes!.id,
      name: 'fasilitas-kesehatan',
      metadata: {
        title: 'Fasilitas Kesehatan',
        description: 'Puskesmas dan rumah sakit per kecamatan.',
        keywords: ['puskesmas', 'kesehatan'],
        themes: ['kesehatan'],
        licenseId: 'odc-odbl',
        classification: 'limited',
      },
      uploads: [{ csv: 'Kecamatan,Puskesmas\nCiledug,3\nKarawaci,4\n' }],
    });
    // Nine budgets of the health office, each a link to a PDF: the catalogue holds 11 datasets.
    for (let year = 2017; year <= 2025; year++) {
      await makeDataset(t, 'kota-a', admin, {
        agencyId: dinkes!.id,
        name: `anggaran-dinkes-${year}`,
        metadata: {
          title: `Anggaran Dinas Kesehatan ${year}`,
          description: `Realisasi anggaran Dinas Kesehatan tahun ${year}.`,
          keywords: ['anggaran'],
          themes: ['kesehatan'],
          temporalStart: `${year}-01-01`,
          temporalEnd: `${year}-12-31`,
        },
        links: [{ name: `APBD ${year}`, url: `https://example.go.id/apbd-${year}.pdf`, format: 'PDF' }],
      });
    }
    await makeDataset(t, 'kota-a', admin, {
      agencyId: capil!.id,
      name: 'rancangan-rahasia',
      metadata: { title: 'Rancangan rahasia' },
      uploads: [{ csv: 'a,b\n1,2\n' }],
      state: 'draft',
    });
    await makeDataset(t, 'kota-a', admin, {
      agencyId: capil!.id,
      name: 'ditarik-kembali',
      metadata: { title: 'Dataset yang ditarik' },
      uploads: [{ csv: 'a,b\n1,2\n' }],
      state: 'unpublished',
    });
    await makeDataset(t, 'kota-b', adminB, {
      agencyId: capilB!.id,
      name: 'data-kota-b',
      metadata: { title: 'Data milik kota B', themes: ['kependudukan'] },
      uploads: [{ csv: 'Kecamatan,Jumlah\nB Utara,10\n' }],
    });
  });
  after(() => t?.close());

  test('the catalogue lists the published datasets a page at a time, newest change first', async () => {
    const res = await get('/open-data');
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.headers['content-type'], 'text/html; charset=utf-8');
    assert.match(res.body, /<p aria-live="polite" id="result-count"><strong>11 dataset<\/strong>/);
    const first = titles(res.body);
    assert.equal(first.length, 10);
    assert.equal(first[0], 'Anggaran Dinas Kesehatan 2025', 'the last one changed comes first');
    assert.ok(!res.body.includes('Rancangan rahasia') && !res.body.includes('Dataset yang ditarik'));
    assert.ok(!res.body.includes('Data milik kota B'));
    assert.match(res.body, /Halaman 1 dari 2/);
    assert.ok(
      !/<script\b(?![^>]*\bsrc=)(?![^>]*application\/(ld\+)?json)/.test(res.body),
      'no inline script',
    );
    const next = hrefs(res.body).find((h) => h.endsWith('/open-data?page=2'));
    assert.ok(next, 'a link to the next page');
    const second = await get(next!);
    assert.equal(second.statusCode, 200);
    const rest = titles(second.body);
    assert.equal(rest.length, 1);
    assert.ok(!first.includes(rest[0]!), 'the second page holds the rest');
    assert.ok(
      hrefs(second.body).some((h) => h.endsWith('/open-data')),
      'and a link back to the first',
    );
  });

  test('words find a dataset by its title, keywords or producer', async () => {
    const res = await get('/open-data?q=penduduk');
    assert.equal(res.statusCode, 200);
    assert.deepEqual(titles(res.body), ['Jumlah Penduduk per Kecamatan']);
    assert.match(res.body, /1 dataset untuk &quot;penduduk&quot;/);
    assert.match(res.body, /<input[^>]*name="q"[^>]*value="penduduk"|value="penduduk"[^>]*name="q"/);
    assert.deepEqual(titles((await get('/open-data?q=puskesmas')).body), ['Fasilitas Kesehatan']);
    assert.deepEqual(titles((await get('/open-data?q=pencatatan+sipil')).body), [
      'Jumlah Penduduk per Kecamatan',
    ]);
    const none = await get('/open-data?q=biawak');
    assert.equal(none.statusCode, 200);
    assert.match(none.body, /Tidak ada dataset yang cocok/);
    const en = await get('/open-data?q=penduduk&lang=en');
    assert.match(en.body, /1 dataset for &quot;penduduk&quot;/);
  });

  test('a facet narrows the results, shows itself active, and is removable', async () => {
    const all = await get('/open-data');
    // The organization facet counts every match, the region's producers by name.
    assert.match(all.body, /Dinas Kesehatan <span class="muted">\(10/);
    const narrow = hrefs(all.body).find((h) => h.endsWith('/open-data?organization=disdukcapil'));
    assert.ok(narrow, 'the facet links to its filter');
    const filtered = await get(narrow!);
    assert.equal(filtered.statusCode, 200);
    assert.deepEqual(titles(filtered.body), ['Jumlah Penduduk per Kecamatan']);
    assert.match(filtered.body, /aria-current="true"/);
    assert.match(filtered.body, /Organisasi: Dinas Kependudukan dan Pencatatan Sipil/);
    // The active filter's links (its chip and the facet) take it away again.
    const removals = hrefs(filtered.body).filter((h) => h.endsWith('/t/kota-a/open-data'));
    assert.ok(removals.length >= 2, `removal links: ${removals}`);
    assert.equal(titles((await get(removals[0]!)).body).length, 10);
    // Two facets together: AND; the search box keeps the filters.
    const both = await get('/open-data?groups=kesehatan&res_format=PDF&tags=anggaran');
    assert.equal(both.statusCode, 200);
    assert.match(both.body, /<strong>9 dataset<\/strong>/);
    assert.match(both.body, /<input type="hidden" name="groups" value="kesehatan"\/>/);
    assert.ok(
      hrefs(both.body).some((h) => /\?groups=kesehatan&tags=anggaran$/.test(h)),
      'res_format removable',
    );
    // Unknown values are no error: they match nothing.
    const unknown = await get('/open-data?organization=tidak-ada&tags=x');
    assert.equal(unknown.statusCode, 200);
    assert.match(unknown.body, /<strong>0 dataset<\/strong>/);
    assert.match(unknown.body, /Organisasi: tidak-ada/);
  });

  test('the order is chosen from the list and kept by the page links', async () => {
    const az = titles((await get('/open-data?sort=title_string+asc')).body);
    assert.equal(az[0], 'Anggaran Dinas Kesehatan 2017');
    assert.deepEqual(
      az,
      [...az].sort((x, y) => x.localeCompare(y)),
    );
    const za = await get('/open-data?sort=title_string+desc');
    assert.equal(titles(za.body)[0], 'Jumlah Penduduk per Kecamatan');
    assert.match(za.body, /<option value="title_string desc" selected="">/);
    assert.ok(hrefs(za.body).some((h) => h.endsWith('?sort=title_string+desc&page=2')));
  });

  test('bad input is a 400 with the form and what to fix, never a 500', async () => {
    const cases: [string, RegExp][] = [
      ['/open-data?sort=harga+desc', /Urutan itu tidak dikenal/],
      ['/open-data?page=dua', /Halaman harus bilangan bulat 1 sampai 1000/],
      ['/open-data?page=0', /Halaman harus bilangan bulat 1 sampai 1000/],
      ['/open-data?page=1001', /Halaman harus bilangan bulat 1 sampai 1000/],
      ['/open-data?page=3', /Halaman 3 tidak ada: hasilnya 2 halaman/],
      [`/open-data?q=${'kata '.repeat(50)}`, /Kata pencarian paling panjang 200 karakter/],
      [
        `/open-data?${'tags=a&'.repeat(5)}${[...Array(11)].map((_, i) => `tags=t${i}`).join('&')}`,
        /Saringan terlalu banyak/,
      ],
      [`/open-data?organization=${'x'.repeat(101)}`, /Saringan terlalu banyak atau terlalu panjang/],
    ];
    for (const [url, message] of cases) {
      const res = await get(url);
      assert.equal(res.statusCode, 400, `${url}: ${res.statusCode}`);
      assert.match(res.body, message, url);
      assert.match(res.body, /<div class="summary" role="alert"/, `${url}: the error summary`);
      assert.ok(res.body.includes('action="/t/kota-a/open-data" method="get"'), `${url}: the form`);
      assert.equal(titles(res.body).length, 0, `${url}: no results`);
    }
    const en = await get('/open-data?sort=price&lang=en');
    assert.equal(en.statusCode, 400);
    assert.match(en.body, /That order is unknown/);
    // The field in error is marked for assistive technology.
    assert.match(
      (await get('/open-data?sort=x')).body,
      /<select id="sort" aria-describedby="sort-error" aria-invalid="true"/,
    );
  });

  test("a dataset's page: metadata, Satu Data's metadata, versions, downloads, machine-readable links", async () => {
    const res = await get('/open-data/dataset/penduduk-kecamatan');
    assert.equal(res.statusCode, 200, res.body);
    const html = res.body;
    assert.match(html, /<h1>Jumlah Penduduk per Kecamatan<\/h1>/);
    const links = hrefs(html);
    for (const expected of [
      '/t/kota-a/open-data/organization/disdukcapil',
      '/t/kota-a/open-data/group/kependudukan',
      '/t/kota-a/open-data?tags=penduduk',
      'https://creativecommons.org/licenses/by/4.0/',
      'mailto:data@tangerangkota.go.id',
      '/t/kota-a/api/3/action/package_show?id=penduduk-kecamatan',
      '/t/kota-a/dataset/penduduk-kecamatan.ttl',
      '/t/kota-a/dataset/penduduk-kecamatan.jsonld',
    ]) {
      assert.ok(links.includes(expected), `links to ${expected}`);
    }
    for (const text of [
      'Tahunan',
      '1 Jan 2025 sampai 31 Des 2025',
      'Bidang Data Disdukcapil',
      '<code>2.06</code>',
      '<code>2.06.02</code>',
      'Jumlah penduduk',
      '>jiwa<',
      'Maret setiap tahun',
      'Standar Data Kependudukan',
      'Penduduk yang tercatat dalam dokumen kependudukan',
      'terbuka',
    ]) {
      assert.ok(html.includes(text), `shows ${text}`);
    }
    // The current version's download and every version, each with its checksum and download.
    const resourceId = population.resources[0]!;
    const current = `/t/kota-a/api/v1/open-data/resources/${resourceId}/versions/2/file`;
    const first = `/t/kota-a/api/v1/open-data/resources/${resourceId}/versions/1/file`;
    assert.ok(links.includes(current) && links.includes(first), 'both versions downloadable');
    assert.match(html, /Semua versi \(2\)/);
    assert.equal(html.match(/<code class="hash">[0-9a-f]{64}<\/code>/g)?.length, 2);
    const file = await get(current);
    assert.equal(file.statusCode, 200);
    assert.match(file.body, /^Tahun,Kecamatan,Jumlah Penduduk/);
    // What the page says of itself.
    assert.match(
      html,
      /<link rel="canonical" href="[^"]+\/t\/kota-a\/open-data\/dataset\/penduduk-kecamatan"/,
    );
    assert.match(html, /<link rel="alternate" type="text\/turtle"/);
    const jsonLd = /<script type="application\/ld\+json">([^<]+)<\/script>/.exec(html);
    const described = JSON.parse(jsonLd![1]!);
    assert.equal(described['@type'], 'Dataset');
    assert.equal(described.distribution[0].encodingFormat, 'text/csv');
    assert.match(described.distribution[0].contentUrl, /^https?:\/\/.+\/versions\/2\/file$/);
    // The machine-readable twin answers.
    const ckan = await get('/api/3/action/package_show?id=penduduk-kecamatan');
    assert.equal(ckan.statusCode, 200);
    assert.equal(ckan.json().result.name, 'penduduk-kecamatan');
  });

  test('a datastore resource: its chart and its figures, a preview paged and sorted by links, its dictionary', async () => {
    const res = await get('/open-data/dataset/penduduk-kecamatan');
    const html = res.body;
    const resourceId = population.resources[0]!;
    // The chart: two server-drawn SVGs (phone, wide) named by their story; no script.
    assert.equal(html.match(/<svg /g)?.length, 2);
    const story = /<div class="narrow" role="img" aria-label="([^"]+)"/.exec(html)?.[1];
    assert.ok(story, 'the chart has a story');
    assert.match(
      story!,
      /^Diagram batang Jumlah Penduduk \(jiwa\) menurut Kecamatan, Tahun 2025, 13 nilai Kecamatan\./,
    );
    assert.match(story!, new RegExp(`Tertinggi Cipondoh: ${CIPONDOH_2025.toLocaleString('id-ID')}`));
    // The same figures as a table.
    assert.match(
      html,
      new RegExp(
        `<th scope="row">Cipondoh</th><td class="num">${CIPONDOH_2025.toLocaleString('id-ID')}</td><td class="num">1</td>`,
      ),
    );
    // The preview: the first 20 of 26 rows, columns labelled from the dictionary.
    assert.match(html, /Penduduk per kecamatan 2024–2025: baris 1–20 dari 26/);
    assert.match(html, /Jumlah Penduduk \(jiwa\)/);
    assert.match(html, /Luas wilayah \(km²\)/);
    assert.match(html, /Kamus data \(4 kolom\)/);
    assert.match(html, /Penduduk menurut dokumen kependudukan, akhir tahun/);
    const next = hrefs(html).find((h) => h.includes(`resource=${resourceId}&page=2`));
    assert.ok(next, 'a link to the next rows');
    const page2 = await get(next!.replace(/#.*$/, ''));
    assert.equal(page2.statusCode, 200);
    assert.match(page2.body, /baris 21–26 dari 26/);
    assert.match(page2.body, /Halaman 2 dari 2/);
    // Sorting by a column through its heading's link: the largest first.
    const sortLink = hrefs(html).find((h) => h.includes('sort=jumlah_penduduk&order=asc'));
    assert.ok(sortLink, 'the column heading sorts');
    const asc = await get(sortLink!.replace(/#.*$/, ''));
    assert.match(asc.body, /aria-sort="ascending"/);
    const desc = await get(
      `/open-data/dataset/penduduk-kecamatan?resource=${resourceId}&sort=jumlah_penduduk&order=desc`,
    );
    assert.equal(desc.statusCode, 200);
    assert.match(desc.body, /aria-sort="descending"/);
    const firstRow =
      /<tbody><tr><th scope="row" class="num">(\d+)<\/th><td class="num">(\d+)<\/td><td>([^<]+)<\/td><td class="num">([^<]+)<\/td>/.exec(
        desc.body,
      );
    assert.deepEqual(firstRow?.slice(1, 5), ['17', '2025', 'Cipondoh', '251.347']);
  });

  test('bad preview parameters: a 400 that still shows the dataset, with what to fix beside the preview', async () => {
    const r = population.resources[0]!;
    const cases: [string, RegExp, string][] = [
      ['?resource=bukan-sumber', /tidak ada pada dataset ini atau tidak dapat dipratinjau/, 'resource'],
      [`?resource=${r}&page=9`, /Halaman pratinjau 9 tidak ada: datanya 2 halaman/, 'page'],
      [`?resource=${r}&page=x`, /Halaman pratinjau harus bilangan bulat/, 'page'],
      [`?resource=${r}&sort=harga`, /Kolom &quot;harga&quot; tidak ada pada data ini/, 'sort'],
      [`?resource=${r}&sort=kecamatan&order=naik`, /Arah urutan harus asc/, 'order'],
      [`?resource=${facilities.resources[0]}`, /tidak dapat dipratinjau/, 'resource'],
    ];
    for (const [query, message, id] of cases) {
      const res = await get(`/open-data/dataset/penduduk-kecamatan${query}`);
      assert.equal(res.statusCode, 400, query);
      assert.match(res.body, message, query);
      assert.match(res.body, /<div class="summary" role="alert"/, query);
      assert.ok(
        res.body.includes(`<p class="error" id="${id}">`),
        `${query}: the message beside the preview`,
      );
      assert.match(res.body, /baris 1–20 dari 26/, `${query}: the first rows shown`);
    }
  });

  test('a limited dataset shows its metadata and columns, never its rows, chart or files', async () => {
    const res = await get('/open-data/dataset/fasilitas-kesehatan');
    assert.equal(res.statusCode, 200);
    assert.match(
      res.body,
      /Dataset ini berklasifikasi terbatas: metadatanya terbuka untuk umum, datanya tidak/,
    );
    assert.match(res.body, /Berkas ini tidak terbuka untuk umum/);
    assert.ok(!res.body.includes('<svg'), 'no chart');
    assert.ok(!res.body.includes('Pratinjau data'), 'no preview');
    assert.ok(!hrefs(res.body).some((h) => h.includes('/versions/')), 'no download');
    assert.match(res.body, /Kamus data \(2 kolom\)/);
    assert.ok(!res.body.includes('>Ciledug<'), 'none of its values');
    const asked = await get(
      `/open-data/dataset/fasilitas-kesehatan?resource=${facilities.resources[0]}&page=2`,
    );
    assert.equal(asked.statusCode, 400, 'asking for its rows is refused');
    assert.ok(!asked.body.includes('>Ciledug<'));
    // The catalogue marks it too.
    assert.match((await get('/open-data?q=puskesmas')).body, /Data tidak terbuka untuk umum/);
  });

  test('unknown, draft, unpublished and other regions’ datasets are 404 here', async () => {
    for (const name of ['tidak-ada', 'rancangan-rahasia', 'ditarik-kembali', 'data-kota-b', 'a.b', 'a%20b']) {
      const res = await get(`/open-data/dataset/${name}`);
      assert.equal(res.statusCode, 404, name);
      assert.ok(!res.body.includes('Rancangan rahasia') && !res.body.includes('Data milik kota B'), name);
    }
    const page = await get('/open-data/dataset/rancangan-rahasia');
    assert.match(page.body, /<h1>Dataset tidak ditemukan<\/h1>/);
    assert.ok(page.body.includes('action="/t/kota-a/open-data" method="get"'), 'the search form');
    // Kota B's dataset is on kota B's portal.
    const own = await get('/t/kota-b/open-data/dataset/data-kota-b');
    assert.equal(own.statusCode, 200);
    assert.match(own.body, /<h1>Data milik kota B<\/h1>/);
    assert.ok(!own.body.includes('Jumlah Penduduk per Kecamatan'));
    // And by its id, only there.
    assert.equal((await get(`/open-data/dataset/${population.id}`)).statusCode, 200);
    assert.equal((await get(`/t/kota-b/open-data/dataset/${population.id}`)).statusCode, 404);
  });

  test("an organization's page and a theme's page search within them; unknown ones are 404", async () => {
    const org = await get('/open-data/organization/dinkes');
    assert.equal(org.statusCode, 200);
    assert.match(org.body, /<h1>Dinas Kesehatan<\/h1>/);
    assert.match(org.body, /<strong>10 dataset<\/strong>/);
    assert.ok(org.body.includes('action="/t/kota-a/open-data/organization/dinkes" method="get"'));
    assert.ok(!org.body.includes('id="facet-organization"'), 'no organization facet on its own page');
    // Its facets stay on its page (one page of ten: no pager).
    assert.ok(hrefs(org.body).includes('/t/kota-a/open-data/organization/dinkes?tags=anggaran'));
    assert.ok(!org.body.includes('Halaman 1 dari'));
    const searched = await get('/open-data/organization/dinkes?q=puskesmas');
    assert.deepEqual(titles(searched.body), ['Fasilitas Kesehatan']);
    assert.deepEqual(titles((await get('/open-data/organization/disdukcapil?q=puskesmas')).body), []);
    const theme = await get('/open-data/group/kependudukan');
    assert.equal(theme.statusCode, 200);
    assert.match(theme.body, /<h1>Kependudukan<\/h1>/);
    assert.deepEqual(titles(theme.body), ['Jumlah Penduduk per Kecamatan']);
    for (const path of [
      '/open-data/organization/tidak-ada',
      '/open-data/organization/bappeda',
      '/open-data/group/tidak-ada',
      '/open-data/organization/a.b',
    ]) {
      const res = await get(path);
      assert.equal(res.statusCode, 404, path);
    }
    assert.equal((await get('/t/kota-b/open-data/organization/bappeda')).statusCode, 200);
    assert.equal((await get('/open-data/organization/dinkes?page=x')).statusCode, 400);
  });

  test('the portal words exist in both languages', () => {
    const leaves = (tree: object, prefix = ''): string[] =>
      Object.entries(tree).flatMap(([k, v]) =>
        typeof v === 'string' ? [`${prefix}${k}`.replace(/_(one|other)$/, '')] : leaves(v, `${prefix}${k}.`),
      );
    assert.deepEqual([...new Set(leaves(messages.id))].sort(), [...new Set(leaves(messages.en))].sort());
  });
});
