/**
 * OGC API – Features – Part 1: Core at `/t/<slug>/ogc` (OGC 17-069r4), with the GeoJSON, HTML and
 * OpenAPI 3.0 classes: what QGIS and GDAL open. Read-only and public, except staff-only layers,
 * which a staff API token (`Authorization: Bearer`) adds. Unknown query parameters and invalid
 * values are 400 (the route's schema refuses any parameter it does not name), an unknown or
 * invisible collection or feature 404, both as problem documents.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { actorOf, notFound, type Platform, translator } from '../../../platform/sdk/index.ts';
import {
  type Collection,
  extentOf,
  featureOf,
  featuresOf,
  findCollection,
  readerOf,
  visibleCollections,
} from '../ogc/collections.ts';
import {
  collectionDoc,
  collectionsDoc,
  conformance,
  featureDoc,
  itemsDoc,
  landingPage,
  selfLinks,
  TYPES,
} from '../ogc/documents.ts';
import {
  ApiExample,
  CollectionExample,
  CollectionsExample,
  ConformanceExample,
  FeatureExample,
  HTML_EXAMPLE,
  ItemsExample,
  LandingExample,
} from '../ogc/examples.ts';
import { htmlPage } from '../ogc/html.ts';
import { ogcOpenApi } from '../ogc/openapi.ts';
import { clampLimit, type Format, formatOf, parseBbox, parseDatetime } from '../ogc/params.ts';

const tags = ['maps'];
const F = Type.Optional(
  Type.Union([Type.Literal('json'), Type.Literal('html')], {
    description: 'The format; else the Accept header decides',
  }),
);
const FormatOnly = Type.Object({ f: F }, { additionalProperties: false });
const ItemsQuery = Type.Object(
  {
    f: F,
    limit: Type.Optional(
      Type.Integer({
        minimum: 1,
        maximum: 1_000_000_000,
        description: 'At most this many features (10 by default; more than 10,000 is 10,000)',
      }),
    ),
    offset: Type.Optional(
      Type.Integer({
        minimum: 0,
        maximum: 1_000_000_000,
        description: 'Matching features to skip (the next links set it)',
      }),
    ),
    bbox: Type.Optional(
      Type.String({ maxLength: 200, description: 'west,south,east,north in CRS84 (longitude, latitude)' }),
    ),
    datetime: Type.Optional(
      Type.String({
        maxLength: 100,
        description: 'An RFC 3339 instant or an interval start/end (.. for an open end)',
      }),
    ),
  },
  { additionalProperties: false },
);
const CollectionParams = Type.Object({ collectionId: Type.String({ minLength: 1, maxLength: 200 }) });
const FeatureParams = Type.Object({
  collectionId: Type.String({ minLength: 1, maxLength: 200 }),
  featureId: Type.String({ minLength: 1, maxLength: 200 }),
});

/** A success of the OGC API: its JSON (of `type`) with an example, or the same as HTML. */
function answer(description: string, type: string, schema: object) {
  return {
    description,
    content: {
      [type]: { schema },
      [TYPES.html]: { schema: Type.String(), example: HTML_EXAMPLE },
    },
  };
}

type Query = { f?: Format; limit?: number; offset?: number; bbox?: string; datetime?: string };

export function ogcRoutes(app: FastifyInstance, platform: Platform) {
  /** The service's base URL, absolute, as the caller reached it (a tenant's own host has no `/t/<slug>`). */
  const baseOf = (request: FastifyRequest) => {
    const path = request.originalUrl.startsWith('/t/') ? `/t/${request.tenant!.slug}/ogc` : '/ogc';
    return `${request.protocol}://${request.host}${path}`;
  };
  const inTenantRead = <T>(request: FastifyRequest, work: Parameters<typeof platform.inTenantRead<T>>[2]) =>
    platform.inTenantRead(request.tenant!.id, actorOf(request), work);
  const send = (
    request: FastifyRequest,
    reply: FastifyReply,
    format: Format,
    jsonType: string,
    title: string,
    doc: Record<string, unknown>,
  ) => {
    // A staff token sees more than the public: such an answer is the caller's own.
    reply.header('cache-control', request.principal ? 'private, no-store' : 'public, max-age=60');
    reply.header('vary', 'Accept, Authorization');
    if (format === 'html')
      // No script, frame or plug-in on these pages, whatever the data they show holds.
      return reply
        .type('text/html; charset=utf-8')
        .header(
          'content-security-policy',
          "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'",
        )
        .send(htmlPage(request.lang, title, doc));
    return reply.type(jsonType).send(JSON.stringify(doc));
  };
  const texts = (request: FastifyRequest) => {
    const t = translator(request.lang);
    const tenant = request.tenant!.name;
    return { title: t('maps.ogc.title', { tenant }), description: t('maps.ogc.description', { tenant }) };
  };
  const collectionOr404 = async (
    request: FastifyRequest,
    id: string,
    scope: Parameters<typeof readerOf>[1],
  ) => {
    const found = await findCollection(platform, scope, readerOf(platform, scope, request.principal), id);
    if (!found) throw notFound('maps_collection');
    return found;
  };
  const titleOf = (request: FastifyRequest, c: Collection) =>
    (request.lang === 'en' ? c.title.en : c.title.id) || c.id;

  app.get<{ Querystring: Query }>(
    '/ogc',
    {
      schema: {
        tags,
        summary: 'OGC API Features: the landing page',
        description:
          'The entry of the tenant’s OGC API – Features service (what QGIS and GDAL open): links to its API definition, conformance classes and collections. JSON or HTML (`f`, else Accept).',
        querystring: FormatOnly,
        response: { 200: answer('The landing page', TYPES.json, LandingExample) },
      },
      config: { auth: 'optional' },
    },
    async (request, reply) => {
      const format = formatOf(request.query.f, request.headers.accept);
      const { title, description } = texts(request);
      return send(
        request,
        reply,
        format,
        TYPES.json,
        title,
        landingPage(baseOf(request), format, title, description),
      );
    },
  );

  // People type the service's address with a trailing slash (QGIS keeps what they typed).
  app.get('/ogc/', { schema: { hide: true }, config: { auth: 'optional' } }, async (request, reply) => {
    const query = request.url.includes('?') ? request.url.slice(request.url.indexOf('?')) : '';
    return reply.redirect(`${baseOf(request)}${query}`, 301);
  });

  app.get<{ Querystring: Query }>(
    '/ogc/conformance',
    {
      schema: {
        tags,
        summary: 'OGC API Features: the conformance classes',
        description:
          'The classes of OGC API – Features – Part 1 this service implements: core, GeoJSON, HTML and OpenAPI 3.0.',
        querystring: FormatOnly,
        response: { 200: answer('The conformance classes', TYPES.json, ConformanceExample) },
      },
      config: { auth: 'optional' },
    },
    async (request, reply) => {
      const format = formatOf(request.query.f, request.headers.accept);
      return send(request, reply, format, TYPES.json, 'Conformance', conformance(baseOf(request), format));
    },
  );

  app.get<{ Querystring: Query }>(
    '/ogc/api',
    {
      schema: {
        tags,
        summary: 'OGC API Features: the service’s OpenAPI 3.0 definition',
        description:
          'The OpenAPI 3.0 document of this OGC service alone (its paths, parameters and answers, the collection ids the caller sees), as the standard asks; HTML for a person.',
        querystring: FormatOnly,
        response: { 200: answer('The API definition', TYPES.openapi, ApiExample) },
      },
      config: { auth: 'optional' },
    },
    async (request, reply) => {
      const format = formatOf(request.query.f, request.headers.accept);
      const ids = await inTenantRead(request, async (scope) =>
        (await visibleCollections(platform, scope, readerOf(platform, scope, request.principal))).map(
          (c) => c.id,
        ),
      );
      const { title, description } = texts(request);
      const doc = ogcOpenApi(baseOf(request), title, description, ids);
      if (format === 'html') {
        const links = selfLinks(`${baseOf(request)}/api`, 'html', TYPES.openapi);
        return send(request, reply, 'html', TYPES.openapi, title, { links, ...doc });
      }
      return send(request, reply, 'json', TYPES.openapi, title, doc);
    },
  );

  app.get<{ Querystring: Query }>(
    '/ogc/collections',
    {
      schema: {
        tags,
        summary: 'OGC API Features: the collections',
        description:
          'Every layer the caller may see: the public uploaded layers and the live apps’ public layers, and with a staff token the staff-only ones too; each with its extent in CRS84 and time span.',
        querystring: FormatOnly,
        response: { 200: answer('The feature collections', TYPES.json, CollectionsExample) },
      },
      config: { auth: 'optional' },
    },
    async (request, reply) => {
      const format = formatOf(request.query.f, request.headers.accept);
      const base = baseOf(request);
      const docs = await inTenantRead(request, async (scope) => {
        const all = await visibleCollections(platform, scope, readerOf(platform, scope, request.principal));
        return Promise.all(
          all.map(async (c) =>
            collectionDoc(base, c, await extentOf(platform, scope, c), request.lang, null),
          ),
        );
      });
      return send(
        request,
        reply,
        format,
        TYPES.json,
        texts(request).title,
        collectionsDoc(base, format, docs),
      );
    },
  );

  app.get<{ Params: { collectionId: string }; Querystring: Query }>(
    '/ogc/collections/:collectionId',
    {
      schema: {
        tags,
        summary: 'OGC API Features: one collection',
        description:
          'A layer’s description, extent (bounding box in CRS84, time interval) and links to its features.',
        params: CollectionParams,
        querystring: FormatOnly,
        response: { 200: answer('The collection', TYPES.json, CollectionExample) },
      },
      config: { auth: 'optional' },
    },
    async (request, reply) => {
      const format = formatOf(request.query.f, request.headers.accept);
      const base = baseOf(request);
      const { doc, title } = await inTenantRead(request, async (scope) => {
        const c = await collectionOr404(request, request.params.collectionId, scope);
        return {
          doc: collectionDoc(base, c, await extentOf(platform, scope, c), request.lang, format),
          title: titleOf(request, c),
        };
      });
      return send(request, reply, format, TYPES.json, title, doc);
    },
  );

  app.get<{ Params: { collectionId: string }; Querystring: Query }>(
    '/ogc/collections/:collectionId/items',
    {
      schema: {
        tags,
        summary: 'OGC API Features: a collection’s features',
        description:
          'A page of features as GeoJSON (or HTML), filtered by `bbox` (four numbers in CRS84) and `datetime` (an instant or interval, open ends as `..`), `limit` per page (10 by default, at most 10,000), with next and prev links, numberMatched and numberReturned.',
        params: CollectionParams,
        querystring: ItemsQuery,
        response: { 200: answer('A page of features', TYPES.geojson, ItemsExample) },
      },
      config: { auth: 'optional' },
    },
    async (request, reply) => {
      const q = request.query;
      const format = formatOf(q.f, request.headers.accept);
      // Every parameter is read before the database is asked.
      const bbox = parseBbox(q.bbox);
      const span = parseDatetime(q.datetime);
      const limit = clampLimit(q.limit);
      const offset = q.offset ?? 0;
      const id = request.params.collectionId;
      const itemsHref = `${baseOf(request)}/collections/${encodeURIComponent(id)}/items`;
      const kept: Record<string, string> = {};
      if (q.limit !== undefined) kept.limit = String(limit);
      if (q.bbox !== undefined) kept.bbox = q.bbox;
      if (q.datetime !== undefined) kept.datetime = q.datetime;
      const { doc, title } = await inTenantRead(request, async (scope) => {
        const c = await collectionOr404(request, id, scope);
        const page = await featuresOf(platform, scope, c, {
          ...(bbox ? { bbox } : {}),
          ...span,
          limit,
          offset,
        });
        const doc = itemsDoc(itemsHref, kept, format, page, limit, offset) as Record<string, unknown>;
        (doc.links as object[]).push({
          href: `${baseOf(request)}/collections/${encodeURIComponent(id)}?f=json`,
          rel: 'collection',
          type: TYPES.json,
          title: titleOf(request, c),
        });
        return { doc, title: titleOf(request, c) };
      });
      return send(request, reply, format, TYPES.geojson, title, doc);
    },
  );

  app.get<{ Params: { collectionId: string; featureId: string }; Querystring: Query }>(
    '/ogc/collections/:collectionId/items/:featureId',
    {
      schema: {
        tags,
        summary: 'OGC API Features: one feature',
        description: 'A feature as a GeoJSON Feature (or HTML), with links to itself and to its collection.',
        params: FeatureParams,
        querystring: FormatOnly,
        response: { 200: answer('The feature', TYPES.geojson, FeatureExample) },
      },
      config: { auth: 'optional' },
    },
    async (request, reply) => {
      const format = formatOf(request.query.f, request.headers.accept);
      const { collectionId, featureId } = request.params;
      const collectionHref = `${baseOf(request)}/collections/${encodeURIComponent(collectionId)}`;
      const href = `${collectionHref}/items/${encodeURIComponent(featureId)}`;
      const { doc, title } = await inTenantRead(request, async (scope) => {
        const c = await collectionOr404(request, collectionId, scope);
        const f = await featureOf(platform, scope, c, featureId);
        if (!f) throw notFound('maps_feature');
        const links = [
          ...selfLinks(href, format, TYPES.geojson),
          {
            href: `${collectionHref}?f=json`,
            rel: 'collection',
            type: TYPES.json,
            title: titleOf(request, c),
          },
        ];
        return { doc: featureDoc(f, links), title: `${titleOf(request, c)} · ${f.id}` };
      });
      return send(request, reply, format, TYPES.geojson, title, doc);
    },
  );
}
