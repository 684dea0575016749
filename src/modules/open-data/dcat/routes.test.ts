/**
 * The DCAT routes on a small Fastify instance, over an in-memory catalogue reader (no database):
 * formats and their types, Hydra's links, `modified_since`, unknown datasets and bad parameters.
 * The suite through the platform and the real reader is the app's (test/).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import { Parser, Store } from 'n3';
import type { VerifiedTenant } from '../../../platform/sdk/index.ts';
import { AppError, type Platform, toAppError } from '../../../platform/sdk/index.ts';
import type { CatalogReader } from '../catalog/reader.ts';
import { registerDcatRoutes } from './routes.ts';
import { catalogView, fullDataset, manyDatasets, memoryReader, minimalDataset } from './test-views.ts';
import { NS } from './vocab.ts';

const PUBLIC_URL = 'https://balai.example.go.id';
const SLUG = 'kota-tangerang';
const BASE = `${PUBLIC_URL}/t/${SLUG}`;
const HYDRA = NS.hydra;

const datasets = [minimalDataset, fullDataset, ...manyDatasets(205)];
const asked: string[] = [];

async function build(): Promise<FastifyInstance> {
  const app = Fastify({
    ajv: {
      customOptions: { allErrors: true, removeAdditional: false, coerceTypes: 'array', useDefaults: true },
    },
  });
  app.decorateRequest('tenant', null);
  app.addHook('onRequest', async (request) => {
    request.tenant = { id: 'tenant-1', slug: SLUG, domains: [] } as unknown as VerifiedTenant;
  });
  // The platform answers errors as problem documents; here only their status and code matter.
  app.setErrorHandler((error, _request, reply) => {
    const problem = error instanceof AppError ? error : toAppError(error);
    return reply
      .status(problem.status)
      .type('application/problem+json')
      .send({ status: problem.status, code: problem.code, errors: problem.fields });
  });
  const platform = { config: { env: 'test', publicUrl: PUBLIC_URL } } as unknown as Platform;
  const reader = memoryReader(catalogView, datasets);
  const readerFor = <T>(request: FastifyRequest, fn: (reader: CatalogReader) => Promise<T>) => {
    asked.push(request.tenant!.slug);
    return fn(reader);
  };
  await app.register(async (tenantApp) => registerDcatRoutes(tenantApp, platform, readerFor), {
    prefix: `/t/${SLUG}`,
  });
  return app;
}

let app: FastifyInstance;
before(async () => {
  app = await build();
});
after(() => app.close());

const get = (path: string) => app.inject({ method: 'GET', url: `/t/${SLUG}${path}` });
const turtle = (body: string) => new Store(new Parser().parse(body));
const objectOf = (store: Store, subject: string, predicate: string) =>
  store.getObjects(subject, predicate, null).map((o) => o.value);

describe('DCAT routes', () => {
  it('answers the catalogue in Turtle, paged with Hydra, each link absolute', async () => {
    const res = await get('/catalog.ttl');
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.headers['content-type'], 'text/turtle; charset=utf-8');
    const g = turtle(res.body);
    const self = `${BASE}/catalog.ttl?page=1`;
    assert.deepEqual(objectOf(g, self, `${HYDRA}totalItems`), [String(datasets.length)]);
    assert.deepEqual(objectOf(g, self, `${HYDRA}nextPage`), [`${BASE}/catalog.ttl?page=2`]);
    assert.deepEqual(objectOf(g, self, `${HYDRA}lastPage`), [`${BASE}/catalog.ttl?page=3`]);
    assert.deepEqual(objectOf(g, self, `${HYDRA}previousPage`), []);
    assert.equal(objectOf(g, `${catalogView.url}#catalog`, `${NS.dcat}dataset`).length, 100);
    assert.deepEqual(asked.at(-1), SLUG, "the route read the request's tenant");
  });

  it('answers the same catalogue in JSON-LD, linking JSON-LD pages', async () => {
    const res = await get('/catalog.jsonld?page=3');
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.headers['content-type'], 'application/ld+json; charset=utf-8');
    const doc = res.json() as { '@context': Record<string, string>; '@graph': Record<string, unknown>[] };
    assert.equal(doc['@context'].dcat, NS.dcat);
    const page = doc['@graph'].find((n) => n['@id'] === `${BASE}/catalog.jsonld?page=3`)!;
    assert.deepEqual(page['@type'], ['hydra:PagedCollection']);
    assert.deepEqual(page['hydra:previousPage'], [{ '@id': `${BASE}/catalog.jsonld?page=2` }]);
    assert.equal(page['hydra:nextPage'], undefined, 'the last page has no next');
    const catalog = doc['@graph'].find((n) => n['@id'] === `${catalogView.url}#catalog`)!;
    assert.equal((catalog['dcat:dataset'] as unknown[]).length, 7);
  });

  it('reads only what changed since a day or an instant, and keeps the filter in its links', async () => {
    const res = await get('/catalog.ttl?modified_since=2026-01-01');
    assert.equal(res.statusCode, 200, res.body);
    const g = turtle(res.body);
    const self = `${BASE}/catalog.ttl?modified_since=2026-01-01&page=1`;
    assert.deepEqual(objectOf(g, self, `${HYDRA}totalItems`), ['2']);
    assert.deepEqual(
      objectOf(g, `${catalogView.url}#catalog`, `${NS.dcat}dataset`).sort(),
      [`${fullDataset.url}#dataset`, `${minimalDataset.url}#dataset`].sort(),
    );
    const later = turtle((await get('/catalog.ttl?modified_since=2026-02-01T08:00:00%2B07:00')).body);
    assert.deepEqual(objectOf(later, `${catalogView.url}#catalog`, `${NS.dcat}dataset`), [
      `${minimalDataset.url}#dataset`,
    ]);
    const none = await get('/catalog.ttl?modified_since=2030-01-01');
    assert.equal(none.statusCode, 200, 'an empty harvest is an empty first page');
    assert.deepEqual(objectOf(turtle(none.body), `${catalogView.url}#catalog`, `${NS.dcat}dataset`), []);
  });

  it('answers a dataset alone in both formats, by name or id', async () => {
    const ttl = await get('/dataset/kasus-dbd.ttl');
    assert.equal(ttl.statusCode, 200, ttl.body);
    assert.equal(ttl.headers['content-type'], 'text/turtle; charset=utf-8');
    const g = turtle(ttl.body);
    assert.deepEqual(objectOf(g, `${fullDataset.url}#dataset`, `${NS.dct}identifier`), [fullDataset.id]);
    assert.equal(
      g.getSubjects(`${NS.rdf}type`, `${NS.dcat}Catalog`, null).length,
      0,
      'no catalogue around it',
    );
    const byId = await get(`/dataset/${fullDataset.id}.jsonld`);
    assert.equal(byId.statusCode, 200, byId.body);
    assert.equal(byId.headers['content-type'], 'application/ld+json; charset=utf-8');
    assert.ok(
      byId.json()['@graph'].some((n: { '@id': string }) => n['@id'] === `${fullDataset.url}#dataset`),
    );
  });

  it('answers an unknown dataset and a page past the last as not found', async () => {
    for (const path of ['/dataset/tidak-ada.ttl', '/dataset/tidak-ada.jsonld', '/catalog.ttl?page=4']) {
      const res = await get(path);
      assert.equal(res.statusCode, 404, path);
      assert.match(String(res.headers['content-type']), /^application\/problem\+json/, path);
      assert.equal(res.json().code, 'not_found', path);
    }
  });

  it('refuses bad parameters with a 400 naming them', async () => {
    const cases: [string, string][] = [
      ['/catalog.ttl?page=0', '/querystring/page'],
      ['/catalog.ttl?page=abc', '/querystring/page'],
      ['/catalog.ttl?page=1.5', '/querystring/page'],
      ['/catalog.ttl?page=10001', '/querystring/page'],
      ['/catalog.jsonld?modified_since=kemarin', '/querystring/modified_since'],
      ['/catalog.jsonld?modified_since=2026-13-45', '/querystring/modified_since'],
      ['/catalog.ttl?format=rdf', '/querystring'],
    ];
    for (const [path, field] of cases) {
      const res = await get(path);
      assert.equal(res.statusCode, 400, `${path}: ${res.body}`);
      const body = res.json() as { code: string; errors: { path: string }[] };
      assert.equal(body.code, 'validation', path);
      assert.ok(
        body.errors.some((e) => e.path.startsWith(field)),
        `${path} names ${field}: ${JSON.stringify(body.errors)}`,
      );
    }
    const name = await get('/dataset/bad%20name.ttl');
    assert.equal(name.statusCode, 400, name.body);
  });
});
