/**
 * The DCAT output against the DCAT-AP 3.0.1 SHACL shapes (the release's `dcat-ap-SHACL.ttl` and
 * `ranges.ttl`, kept in `test/standards/`): a realistic catalogue of several pages and its
 * datasets, written as Turtle and as JSON-LD, read back by independent parsers and validated.
 * Negative cases prove the shapes are applied: a graph they must reject is rejected.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { DataFactory, type Store } from 'n3';
import { catalogPage, datasetDocument, PAGE_SIZE } from './documents.ts';
import { datasetGraph } from './graph.ts';
import { prefixesFor, toJsonLd, toTurtle } from './serialise.ts';
import {
  assertConforms,
  findings,
  loadShapes,
  parseJsonLd,
  parseTurtle,
  SHAPE_FILES,
  SHAPES_DIR,
  SHARED_SHAPES_DIR,
} from './shacl-check.ts';
import {
  catalogView,
  fullDataset,
  manyDatasets,
  memoryReader,
  minimalDataset,
  PORTAL,
} from './test-views.ts';
import { NS } from './vocab.ts';

const SDI = 'https://balai.example.go.id/ns/satu-data#';
const prefixes = prefixesFor(SDI);
const { namedNode, literal, quad } = DataFactory;

/** The graph's triples with blank nodes unnamed, sorted: equal for graphs read from both formats. */
function shapeOf(store: Store): string[] {
  const term = (t: { termType: string; value: string }) => {
    if (t.termType === 'BlankNode') return '_';
    if (t.termType !== 'Literal') return `<${t.value}>`;
    const l = t as unknown as { value: string; language: string; datatype: { value: string } };
    return `${JSON.stringify(l.value)}@${l.language}^^${l.datatype.value}`;
  };
  return store
    .getQuads(null, null, null, null)
    .map((q) => `${term(q.subject)} ${term(q.predicate)} ${term(q.object)}`)
    .sort();
}

/** Writes the graph in both formats, reads each back, checks they agree and both conform. */
async function roundTrip(store: Store, what: string) {
  const turtle = await toTurtle(store, prefixes);
  const fromTurtle = parseTurtle(turtle);
  const fromJsonLd = await parseJsonLd(JSON.stringify(toJsonLd(store, prefixes)));
  assert.equal(fromTurtle.size, store.size, `${what}: Turtle keeps every triple`);
  assert.deepEqual(shapeOf(fromJsonLd), shapeOf(fromTurtle), `${what}: JSON-LD says what Turtle says`);
  await assertConforms(fromTurtle, `${what} (Turtle)`);
  await assertConforms(fromJsonLd, `${what} (JSON-LD)`);
  return fromTurtle;
}

const datasets = [minimalDataset, fullDataset, ...manyDatasets(2 * PAGE_SIZE + 5)];
const reader = memoryReader(catalogView, datasets);
const pageUrl = (page: number) => `${PORTAL}/catalog.ttl?page=${page}`;
const has = (store: Store, s: string, p: string, o?: ReturnType<typeof namedNode | typeof literal>) =>
  store.countQuads(namedNode(s), namedNode(p), o ?? null, null) > 0;

const shapes = loadShapes();

describe('DCAT-AP 3.0.1 shapes', () => {
  it('the shapes kept in the repository are those beside the project, where those exist', (t) => {
    if (!existsSync(SHARED_SHAPES_DIR)) return t.skip(`${SHARED_SHAPES_DIR} is not here`);
    for (const file of SHAPE_FILES) {
      assert.ok(
        readFileSync(path.join(SHAPES_DIR, file)).equals(readFileSync(path.join(SHARED_SHAPES_DIR, file))),
        `${file} differs from ../shared/standards`,
      );
    }
  });

  it("loads the shapes (the release's 35 node shapes, and the range shapes of ranges.ttl)", () => {
    const SH = 'http://www.w3.org/ns/shacl#';
    const nodeShapes = shapes.countQuads(null, namedNode(`${NS.rdf}type`), namedNode(`${SH}NodeShape`), null);
    assert.ok(nodeShapes >= 35, `only ${nodeShapes} node shapes read`);
    const release = 'https://semiceu.github.io/DCAT-AP/releases/3.0.1#';
    assert.ok(
      shapes.countQuads(namedNode(`${release}TemporalLiteralShape`), null, null, null) > 0,
      'ranges.ttl read',
    );
    assert.ok(shapes.countQuads(null, namedNode(`${SH}path`), null, null) >= 290, 'property shapes read');
  });

  it('every page of a catalogue of 207 datasets conforms, in Turtle and JSON-LD', async () => {
    const seen = new Set<string>();
    for (const page of [1, 2, 3]) {
      const store = await catalogPage(reader, { page }, pageUrl, { sdi: SDI });
      const graph = await roundTrip(store, `catalogue page ${page}`);
      const listed = graph.getObjects(
        namedNode(`${catalogView.url}#catalog`),
        namedNode(`${NS.dcat}dataset`),
        null,
      );
      assert.equal(listed.length, page < 3 ? PAGE_SIZE : 7, `page ${page} lists its datasets`);
      for (const d of listed) seen.add(d.value);
    }
    assert.equal(seen.size, datasets.length, 'the pages together list every dataset once');
  });

  it('each dataset alone conforms (the fullest, the barest), in Turtle and JSON-LD', async () => {
    for (const name of ['kasus-dbd', 'daftar-taman', 'harga-pasar-0001']) {
      await roundTrip(await datasetDocument(reader, name, { sdi: SDI }), `dataset ${name}`);
    }
  });

  it('maps the fullest dataset as DCAT-AP asks', async () => {
    const g = parseTurtle(await toTurtle(await datasetDocument(reader, 'kasus-dbd', { sdi: SDI }), prefixes));
    const ds = `${fullDataset.url}#dataset`;
    const EU = 'http://publications.europa.eu/resource/authority';
    assert.ok(has(g, ds, `${NS.dct}accrualPeriodicity`, namedNode(`${EU}/frequency/MONTHLY`)));
    assert.ok(has(g, ds, `${NS.dct}accessRights`, namedNode(`${EU}/access-right/PUBLIC`)));
    assert.ok(
      has(g, ds, `${NS.dcat}theme`, namedNode(`${EU}/data-theme/HEAL`)),
      'affair 1.02 is the EU theme Health',
    );
    assert.ok(has(g, ds, `${NS.dcat}theme`, namedNode(`${catalogView.url}#theme-kesehatan`)));
    assert.ok(has(g, ds, `${NS.dct}title`, literal(fullDataset.title, 'id')));
    assert.ok(has(g, ds, `${SDI}affairCode`, literal('1.02')));
    assert.ok(
      has(g, ds, `${NS.dct}issued`, literal('2025-02-03T02:00:00.000Z', namedNode(`${NS.xsd}dateTime`))),
    );
    const [period] = g.getObjects(namedNode(ds), namedNode(`${NS.dct}temporal`), null);
    assert.equal(
      g.countQuads(
        period!,
        namedNode(`${NS.dcat}startDate`),
        literal('2025-01-01', namedNode(`${NS.xsd}date`)),
        null,
      ),
      1,
    );
    const [place] = g.getObjects(namedNode(ds), namedNode(`${NS.dct}spatial`), null);
    const [bbox] = g.getObjects(place!, namedNode(`${NS.dcat}bbox`), null);
    assert.match(bbox!.value, /^POLYGON\(\(106\.5534 -6\.2715, /);
    const [contact] = g.getObjects(namedNode(ds), namedNode(`${NS.dcat}contactPoint`), null);
    assert.equal(
      g.getObjects(contact!, namedNode(`${NS.vcard}hasEmail`), null)[0]!.value,
      'mailto:surveilans.dinkes@tangerangkota.go.id',
    );
    const upload = `${fullDataset.url}#distribution-${fullDataset.resources[0]!.id}`;
    const linked = `${fullDataset.url}#distribution-${fullDataset.resources[1]!.id}`;
    assert.ok(has(g, upload, `${NS.dcat}downloadURL`), 'an upload is downloaded');
    assert.ok(!has(g, linked, `${NS.dcat}downloadURL`), 'a link is only accessed');
    assert.equal(
      g.getObjects(namedNode(linked), namedNode(`${NS.dcat}accessURL`), null)[0]!.value,
      'https://tangerangkota.bps.go.id/statictable/2025/profil%20kesehatan.xlsx?tahun=2025&%7Bx%7D',
      "a producer's link is made a valid IRI",
    );
    assert.ok(has(g, upload, `${NS.dct}format`, namedNode(`${EU}/file-type/CSV`)));
    assert.ok(
      has(
        g,
        upload,
        `${NS.dcat}mediaType`,
        namedNode('https://www.iana.org/assignments/media-types/text/csv'),
      ),
    );
    assert.ok(
      has(g, upload, `${NS.dcat}byteSize`, literal('48213', namedNode(`${NS.xsd}nonNegativeInteger`))),
    );
    assert.ok(has(g, upload, `${NS.dct}license`, namedNode('https://creativecommons.org/licenses/by/4.0/')));
    const [checksum] = g.getObjects(namedNode(upload), namedNode(`${NS.spdx}checksum`), null);
    assert.ok(
      g.has(
        quad(
          checksum as never,
          namedNode(`${NS.spdx}algorithm`),
          namedNode(`${NS.spdx}checksumAlgorithm_sha256`),
        ),
      ),
    );
  });

  it('pages with Hydra as ckanext-dcat does', async () => {
    const g = await catalogPage(reader, { page: 2 }, pageUrl, { sdi: SDI });
    const self = pageUrl(2);
    const H = NS.hydra;
    assert.ok(has(g, self, `${NS.rdf}type`, namedNode(`${H}PagedCollection`)));
    assert.ok(
      has(g, self, `${H}totalItems`, literal(String(datasets.length), namedNode(`${NS.xsd}integer`))),
    );
    assert.ok(has(g, self, `${H}itemsPerPage`, literal('100', namedNode(`${NS.xsd}integer`))));
    assert.ok(has(g, self, `${H}firstPage`, namedNode(pageUrl(1))));
    assert.ok(has(g, self, `${H}previousPage`, namedNode(pageUrl(1))));
    assert.ok(has(g, self, `${H}nextPage`, namedNode(pageUrl(3))));
    assert.ok(has(g, self, `${H}lastPage`, namedNode(pageUrl(3))));
  });
});

describe('DCAT-AP 3.0.1 shapes reject what they must (the validator is applied)', () => {
  const base = () => datasetGraph(fullDataset, { lang: 'id', catalogUrl: catalogView.url, sdi: SDI });
  const upload = namedNode(`${fullDataset.url}#distribution-${fullDataset.resources[0]!.id}`);

  it('a distribution without dcat:accessURL', async () => {
    const g = base();
    g.removeQuads(g.getQuads(upload, namedNode(`${NS.dcat}accessURL`), null, null));
    const found = await findings(g);
    assert.ok(
      found.some((f) => f.focus === upload.value && f.path === `${NS.dcat}accessURL`),
      JSON.stringify(found),
    );
  });

  it('a byte size that is not a non-negative integer', async () => {
    const g = base();
    const size = namedNode(`${NS.dcat}byteSize`);
    g.removeQuads(g.getQuads(upload, size, null, null));
    g.addQuad(upload, size, literal('-5', namedNode(`${NS.xsd}nonNegativeInteger`)));
    const found = await findings(g);
    assert.ok(
      found.some((f) => f.path === size.value),
      JSON.stringify(found),
    );
  });

  it('a frequency that is not a dct:Frequency (ranges.ttl)', async () => {
    const g = base();
    g.removeQuads(
      g.getQuads(
        namedNode('http://publications.europa.eu/resource/authority/frequency/MONTHLY'),
        null,
        null,
        null,
      ),
    );
    const found = await findings(g);
    assert.ok(
      found.some((f) => f.path === `${NS.dct}accrualPeriodicity`),
      JSON.stringify(found),
    );
  });

  it('a dataset without a title, and a catalogue without a publisher', async () => {
    const g = base();
    const ds = namedNode(`${fullDataset.url}#dataset`);
    g.removeQuads(g.getQuads(ds, namedNode(`${NS.dct}title`), null, null));
    assert.ok((await findings(g)).some((f) => f.focus === ds.value && f.path === `${NS.dct}title`));
    const page = await catalogPage(reader, { page: 3 }, pageUrl, { sdi: SDI });
    const catalog = namedNode(`${catalogView.url}#catalog`);
    page.removeQuads(page.getQuads(catalog, namedNode(`${NS.dct}publisher`), null, null));
    assert.ok(
      (await findings(page)).some((f) => f.focus === catalog.value && f.path === `${NS.dct}publisher`),
    );
  });
});
