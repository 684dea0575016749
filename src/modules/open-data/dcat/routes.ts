/**
 * The catalogue in DCAT-AP 3 at ckanext-dcat's addresses, so that harvesters written for CKAN
 * portals (data.europa.eu's, CKAN's own DCAT harvester) read a tenant unchanged:
 * `/catalog.ttl` and `/catalog.jsonld` (paged with Hydra, `?page=` and `?modified_since=`), and
 * `/dataset/<name>.ttl` and `.jsonld` for one dataset. Public: only published datasets are read.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Store } from 'n3';
import { type Static, Type } from 'typebox';
import { fileAnswer, type Platform, portalLink } from '../../../platform/sdk/index.ts';
import type { ReaderFor } from '../catalog/reader-for.ts';
import { catalogPage, datasetDocument, MAX_PAGE } from './documents.ts';
import { JSON_LD, prefixesFor, TURTLE, toJsonLd, toTurtle } from './serialise.ts';

const tags = ['open-data'];

const CatalogQuery = Type.Object(
  {
    page: Type.Optional(
      Type.Integer({ minimum: 1, maximum: MAX_PAGE, description: 'The page, from 1; 100 datasets a page.' }),
    ),
    modified_since: Type.Optional(
      Type.String({
        maxLength: 40,
        description:
          'Only datasets whose metadata changed at or after this day (`2026-01-31`) or instant (`2026-01-31T08:00:00+07:00`).',
      }),
    ),
    q: Type.Optional(
      Type.String({ maxLength: 200, description: 'Only datasets matching these words (as package_search).' }),
    ),
  },
  { additionalProperties: false },
);
type CatalogQueryType = Static<typeof CatalogQuery>;

const DatasetParams = Type.Object({
  name: Type.String({
    minLength: 1,
    maxLength: 100,
    pattern: '^[A-Za-z0-9_-]+$',
    description: "The dataset's name (or id), as in CKAN's `/dataset/<name>`.",
  }),
});
type DatasetParamsType = Static<typeof DatasetParams>;

const TURTLE_EXAMPLE = `@prefix dcat: <http://www.w3.org/ns/dcat#>.
@prefix dct: <http://purl.org/dc/terms/>.

<https://satudata.tangerangkota.go.id/open-data/dataset/jumlah-puskesmas#dataset> a dcat:Dataset;
    dct:identifier "0b6f4a52-2f4e-4bf4-9a43-5a4d6c0b7e11";
    dct:title "Jumlah Puskesmas per Kecamatan"@id.
`;
const JSON_LD_EXAMPLE = JSON.stringify({
  '@context': { dcat: 'http://www.w3.org/ns/dcat#', dct: 'http://purl.org/dc/terms/' },
  '@graph': [
    {
      '@id': 'https://satudata.tangerangkota.go.id/open-data/dataset/jumlah-puskesmas#dataset',
      '@type': ['dcat:Dataset'],
      'dct:title': [{ '@value': 'Jumlah Puskesmas per Kecamatan', '@language': 'id' }],
    },
  ],
});

const FORMATS = {
  ttl: { type: TURTLE, example: TURTLE_EXAMPLE, name: 'Turtle' },
  jsonld: { type: JSON_LD, example: JSON_LD_EXAMPLE, name: 'JSON-LD' },
} as const;
type Extension = keyof typeof FORMATS;

export function registerDcatRoutes(app: FastifyInstance, platform: Platform, readerFor: ReaderFor) {
  const sdi = new URL('/ns/satu-data#', platform.config.publicUrl).href;
  const prefixes = prefixesFor(sdi);

  async function send(reply: FastifyReply, extension: Extension, store: Store) {
    const body =
      extension === 'ttl' ? await toTurtle(store, prefixes) : JSON.stringify(toJsonLd(store, prefixes));
    return reply.type(`${FORMATS[extension].type}; charset=utf-8`).send(body);
  }

  for (const extension of Object.keys(FORMATS) as Extension[]) {
    const format = FORMATS[extension];
    app.get<{ Querystring: CatalogQueryType }>(
      `/catalog.${extension}`,
      {
        schema: {
          tags,
          summary: `The catalogue in DCAT-AP 3 (${format.name}), a page of 100 datasets`,
          description:
            'The published datasets, most recently changed first, with their distributions, as ckanext-dcat answers ' +
            '`/catalog.' +
            extension +
            '`; Hydra (`hydra:PagedCollection`) links the first, last, previous and next pages and counts the ' +
            'datasets. `modified_since` reads only what changed since a harvest. Valid against the DCAT-AP 3.0.1 shapes.',
          querystring: CatalogQuery,
          response: { 200: fileAnswer(`The catalogue page, ${format.name}`, [format.type], format.example) },
        },
        config: { auth: 'none' },
      },
      async (request, reply) => {
        const tenant = request.tenant!;
        const pageUrl = (page: number) => {
          const search = new URLSearchParams();
          if (request.query.q) search.set('q', request.query.q);
          if (request.query.modified_since) search.set('modified_since', request.query.modified_since);
          search.set('page', String(page));
          return portalLink(platform.config, tenant, `/catalog.${extension}?${search}`);
        };
        const store = await readerFor(request, (reader) =>
          catalogPage(reader, request.query, pageUrl, { sdi }),
        );
        return send(reply, extension, store);
      },
    );

    app.get<{ Params: DatasetParamsType }>(
      `/dataset/:name.${extension}`,
      {
        schema: {
          tags,
          summary: `One dataset in DCAT-AP 3 (${format.name})`,
          description:
            'A published dataset with its distributions, contact, coverage and Satu Data metadata, at ' +
            "ckanext-dcat's `/dataset/<name>." +
            extension +
            '`; an unknown or unpublished dataset is not found.',
          params: DatasetParams,
          response: { 200: fileAnswer(`The dataset, ${format.name}`, [format.type], format.example) },
        },
        config: { auth: 'none' },
      },
      async (request, reply) => {
        const store = await readerFor(request, (reader) =>
          datasetDocument(reader, request.params.name, { sdi }),
        );
        return send(reply, extension, store);
      },
    );
  }
}
