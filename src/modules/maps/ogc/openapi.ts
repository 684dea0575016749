/**
 * The OpenAPI 3.0 definition of a tenant's OGC API (/req/oas30/oas-definition-1): every path this
 * service answers, its parameters (the core's `bbox`, `datetime`, `limit`, and `offset` that the
 * next links use, `f` for the format), and every status it may answer (/req/oas30/completeness).
 * Paths are generic (`{collectionId}`), with the collection ids listed as the parameter's enum.
 */

import { TYPES } from './documents.ts';
import { DEFAULT_LIMIT, MAX_LIMIT } from './params.ts';

const ref = (name: string) => ({ $ref: `#/components/parameters/${name}` });
const problem = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/exception' } } },
});
const errors = {
  '400': problem('An unknown query parameter, or a parameter with an invalid value'),
  '404': problem('No such resource (or not visible to the caller)'),
  '500': problem('A server error'),
};
const json = (schema: object, type: string = TYPES.json) => ({
  [type]: { schema },
  [TYPES.html]: { schema: { type: 'string' } },
});

export function ogcOpenApi(
  base: string,
  title: string,
  description: string,
  collectionIds: readonly string[],
) {
  const link = {
    type: 'object',
    required: ['href', 'rel'],
    properties: {
      href: { type: 'string' },
      rel: { type: 'string' },
      type: { type: 'string' },
      title: { type: 'string' },
    },
  };
  const links = { type: 'array', items: { $ref: '#/components/schemas/link' } };
  return {
    openapi: '3.0.3',
    info: {
      title,
      description,
      version: '1.0.0',
      license: { name: 'Licences per collection' },
    },
    servers: [{ url: base }],
    components: {
      securitySchemes: {
        bearer: {
          type: 'http',
          scheme: 'bearer',
          description: 'An API token of a staff account: staff-only collections too',
        },
      },
      parameters: {
        f: {
          name: 'f',
          in: 'query',
          required: false,
          description: 'The format of the answer (else the Accept header decides; JSON when it does not)',
          schema: { type: 'string', enum: ['json', 'html'] },
          style: 'form',
          explode: false,
        },
        collectionId: {
          name: 'collectionId',
          in: 'path',
          required: true,
          schema: { type: 'string', ...(collectionIds.length ? { enum: [...collectionIds] } : {}) },
        },
        featureId: { name: 'featureId', in: 'path', required: true, schema: { type: 'string' } },
        limit: {
          name: 'limit',
          in: 'query',
          required: false,
          description: `At most this many features; more than ${MAX_LIMIT} is ${MAX_LIMIT}`,
          schema: { type: 'integer', minimum: 1, maximum: MAX_LIMIT, default: DEFAULT_LIMIT },
          style: 'form',
          explode: false,
        },
        offset: {
          name: 'offset',
          in: 'query',
          required: false,
          description: 'How many matching features to skip (the next and prev links set it)',
          schema: { type: 'integer', minimum: 0, default: 0 },
          style: 'form',
          explode: false,
        },
        bbox: {
          name: 'bbox',
          in: 'query',
          required: false,
          description:
            'Features whose geometry meets this box: west,south,east,north in CRS84 (six numbers are refused)',
          schema: { type: 'array', minItems: 4, maxItems: 4, items: { type: 'number' } },
          style: 'form',
          explode: false,
        },
        datetime: {
          name: 'datetime',
          in: 'query',
          required: false,
          description: 'An RFC 3339 instant, or an interval start/end with ".." (or nothing) for an open end',
          schema: { type: 'string' },
          style: 'form',
          explode: false,
        },
      },
      schemas: {
        link,
        exception: {
          type: 'object',
          required: ['type', 'title', 'status'],
          properties: {
            type: { type: 'string' },
            title: { type: 'string' },
            status: { type: 'integer' },
            detail: { type: 'string' },
          },
        },
        landingPage: {
          type: 'object',
          required: ['links'],
          properties: { title: { type: 'string' }, description: { type: 'string' }, links },
        },
        confClasses: {
          type: 'object',
          required: ['conformsTo'],
          properties: { conformsTo: { type: 'array', items: { type: 'string' } } },
        },
        collection: {
          type: 'object',
          required: ['id', 'links'],
          properties: {
            id: { type: 'string' },
            title: { type: 'string' },
            description: { type: 'string' },
            links,
            extent: { type: 'object' },
            itemType: { type: 'string' },
            crs: { type: 'array', items: { type: 'string' } },
          },
        },
        collections: {
          type: 'object',
          required: ['links', 'collections'],
          properties: {
            links,
            collections: { type: 'array', items: { $ref: '#/components/schemas/collection' } },
          },
        },
        featureGeoJSON: {
          type: 'object',
          required: ['type', 'geometry', 'properties'],
          properties: {
            type: { type: 'string', enum: ['Feature'] },
            id: { oneOf: [{ type: 'string' }, { type: 'integer' }] },
            geometry: { type: 'object', nullable: true },
            properties: { type: 'object', nullable: true },
            links,
          },
        },
        featureCollectionGeoJSON: {
          type: 'object',
          required: ['type', 'features'],
          properties: {
            type: { type: 'string', enum: ['FeatureCollection'] },
            features: { type: 'array', items: { $ref: '#/components/schemas/featureGeoJSON' } },
            links,
            timeStamp: { type: 'string', format: 'date-time' },
            numberMatched: { type: 'integer', minimum: 0 },
            numberReturned: { type: 'integer', minimum: 0 },
          },
        },
      },
    },
    security: [{}, { bearer: [] }],
    paths: {
      '/': {
        get: {
          operationId: 'getLandingPage',
          summary: 'Landing page',
          parameters: [ref('f')],
          responses: {
            '200': {
              description: 'The landing page',
              content: json({ $ref: '#/components/schemas/landingPage' }),
            },
            ...errors,
          },
        },
      },
      '/conformance': {
        get: {
          operationId: 'getConformanceDeclaration',
          summary: 'The conformance classes this service implements',
          parameters: [ref('f')],
          responses: {
            '200': {
              description: 'The conformance classes',
              content: json({ $ref: '#/components/schemas/confClasses' }),
            },
            ...errors,
          },
        },
      },
      '/api': {
        get: {
          operationId: 'getApiDefinition',
          summary: 'This API definition',
          parameters: [ref('f')],
          responses: {
            '200': { description: 'The API definition', content: json({ type: 'object' }, TYPES.openapi) },
            ...errors,
          },
        },
      },
      '/collections': {
        get: {
          operationId: 'getCollections',
          summary: 'The feature collections',
          parameters: [ref('f')],
          responses: {
            '200': {
              description: 'The feature collections',
              content: json({ $ref: '#/components/schemas/collections' }),
            },
            ...errors,
          },
        },
      },
      '/collections/{collectionId}': {
        get: {
          operationId: 'describeCollection',
          summary: 'One feature collection',
          parameters: [ref('collectionId'), ref('f')],
          responses: {
            '200': {
              description: 'The collection',
              content: json({ $ref: '#/components/schemas/collection' }),
            },
            ...errors,
          },
        },
      },
      '/collections/{collectionId}/items': {
        get: {
          operationId: 'getFeatures',
          summary: 'Features of a collection, by box, time and page',
          parameters: [
            ref('collectionId'),
            ref('limit'),
            ref('offset'),
            ref('bbox'),
            ref('datetime'),
            ref('f'),
          ],
          responses: {
            '200': {
              description: 'A page of features',
              content: json({ $ref: '#/components/schemas/featureCollectionGeoJSON' }, TYPES.geojson),
            },
            ...errors,
          },
        },
      },
      '/collections/{collectionId}/items/{featureId}': {
        get: {
          operationId: 'getFeature',
          summary: 'One feature',
          parameters: [ref('collectionId'), ref('featureId'), ref('f')],
          responses: {
            '200': {
              description: 'The feature',
              content: json({ $ref: '#/components/schemas/featureGeoJSON' }, TYPES.geojson),
            },
            ...errors,
          },
        },
      },
    },
  };
}
