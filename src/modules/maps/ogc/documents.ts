/**
 * The OGC API's JSON documents (OGC 17-069r4's schemas: landingPage, confClasses, collections,
 * collection, featureCollectionGeoJSON, featureGeoJSON), each with its links: itself, its other
 * format (`alternate`), and where to go next. Links are absolute, as GIS clients follow them.
 */
import type { LayerFeature } from '../../../platform/sdk/index.ts';
import type { Collection, Extent, Words } from './collections.ts';
import type { Format } from './params.ts';

export type Link = { href: string; rel: string; type: string; title?: string };

export const CRS84 = 'http://www.opengis.net/def/crs/OGC/1.3/CRS84';

export const CONFORMANCE = [
  'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core',
  'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30',
  'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/html',
  'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson',
];

export const TYPES = {
  json: 'application/json',
  geojson: 'application/geo+json',
  html: 'text/html',
  openapi: 'application/vnd.oai.openapi+json;version=3.0',
} as const;

/** `href` with `f` set to the format (other parameters kept). */
function withFormat(href: string, f: Format): string {
  const url = new URL(href);
  url.searchParams.set('f', f);
  return url.toString();
}

/** The self and alternate links of a resource at `href`, whose JSON is of `jsonType`. */
export function selfLinks(href: string, format: Format, jsonType: string = TYPES.json): Link[] {
  const other: Format = format === 'json' ? 'html' : 'json';
  const typeOf = (f: Format) => (f === 'json' ? jsonType : TYPES.html);
  return [
    { href: withFormat(href, format), rel: 'self', type: typeOf(format), title: 'This document' },
    {
      href: withFormat(href, other),
      rel: 'alternate',
      type: typeOf(other),
      title: `This document as ${other.toUpperCase()}`,
    },
  ];
}

export function landingPage(base: string, format: Format, title: string, description: string) {
  return {
    title,
    description,
    links: [
      ...selfLinks(base, format),
      {
        href: `${base}/api?f=json`,
        rel: 'service-desc',
        type: TYPES.openapi,
        title: 'The API definition (OpenAPI 3.0)',
      },
      { href: `${base}/api?f=html`, rel: 'service-doc', type: TYPES.html, title: 'The API documentation' },
      {
        href: `${base}/conformance?f=json`,
        rel: 'conformance',
        type: TYPES.json,
        title: 'Conformance classes',
      },
      { href: `${base}/collections?f=json`, rel: 'data', type: TYPES.json, title: 'Feature collections' },
    ],
  };
}

export function conformance(base: string, format: Format) {
  return { links: selfLinks(`${base}/conformance`, format), conformsTo: CONFORMANCE };
}

const pick = (w: Words, lang: string) => (lang === 'en' ? w.en : w.id) || w.id || w.en;

export function collectionDoc(
  base: string,
  c: Collection,
  extent: Extent,
  lang: string,
  format: Format | null,
) {
  const href = `${base}/collections/${encodeURIComponent(c.id)}`;
  const doc: Record<string, unknown> = {
    id: c.id,
    title: pick(c.title, lang),
    description: pick(c.description, lang),
    links: [
      ...(format ? selfLinks(href, format) : []),
      { href: `${href}/items?f=json`, rel: 'items', type: TYPES.geojson, title: 'Features as GeoJSON' },
      { href: `${href}/items?f=html`, rel: 'items', type: TYPES.html, title: 'Features as HTML' },
    ],
    itemType: 'feature',
    crs: [CRS84],
  };
  const spatialExtent = extent.bbox ? { spatial: { bbox: [extent.bbox], crs: CRS84 } } : {};
  const temporal = extent.interval
    ? {
        temporal: { interval: [extent.interval], trs: 'http://www.opengis.net/def/uom/ISO-8601/0/Gregorian' },
      }
    : {};
  if (extent.bbox || extent.interval) doc.extent = { ...spatialExtent, ...temporal };
  if (c.attribution) doc.attribution = c.attribution;
  if (c.licence) doc.license = c.licence;
  doc.geometryType = c.geometryType;
  return doc;
}

export function collectionsDoc(base: string, format: Format, collections: Record<string, unknown>[]) {
  return {
    links: selfLinks(`${base}/collections`, format),
    collections,
  };
}

export function featureDoc(f: LayerFeature, links: Link[]) {
  return { type: 'Feature', id: f.id, geometry: f.geometry, properties: f.properties, links };
}

export function itemsDoc(
  itemsHref: string,
  query: Record<string, string>,
  format: Format,
  page: { features: readonly LayerFeature[]; numberMatched: number },
  limit: number,
  offset: number,
) {
  const href = (extra: Record<string, string>, f: Format = 'json') => {
    const url = new URL(itemsHref);
    for (const [k, v] of Object.entries({ ...query, ...extra })) url.searchParams.set(k, v);
    url.searchParams.set('f', f);
    return url.toString();
  };
  const here: Record<string, string> = offset ? { offset: String(offset) } : {};
  const links: Link[] = [
    {
      href: href(here, format),
      rel: 'self',
      type: format === 'json' ? TYPES.geojson : TYPES.html,
      title: 'This page',
    },
    {
      href: href(here, format === 'json' ? 'html' : 'json'),
      rel: 'alternate',
      type: format === 'json' ? TYPES.html : TYPES.geojson,
      title: 'This page in the other format',
    },
  ];
  const jsonType = format === 'json' ? TYPES.geojson : TYPES.html;
  if (offset + page.features.length < page.numberMatched) {
    links.push({
      href: href({ offset: String(offset + limit) }, format),
      rel: 'next',
      type: jsonType,
      title: 'Next page',
    });
  }
  if (offset > 0) {
    const prev = Math.max(0, offset - limit);
    links.push({
      href: href(prev ? { offset: String(prev) } : {}, format),
      rel: 'prev',
      type: jsonType,
      title: 'Previous page',
    });
  }
  return {
    type: 'FeatureCollection',
    features: page.features.map((f) => ({
      type: 'Feature',
      id: f.id,
      geometry: f.geometry,
      properties: f.properties,
    })),
    links,
    timeStamp: new Date().toISOString(),
    numberMatched: page.numberMatched,
    numberReturned: page.features.length,
  };
}
