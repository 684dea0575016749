/**
 * The OGC API's answers in the platform's API reference: loose schemas (a feature's properties are
 * the layer's own) with an example each, of a tenant's health centres layer.
 */
import { Type } from 'typebox';

const base = 'https://kota-tangerang.balai.go.id/ogc';
const link = (href: string, rel: string, type: string, title: string) => ({ href, rel, type, title });

const collection = {
  id: 'puskesmas',
  title: 'Puskesmas Kota Tangerang',
  description: 'Pusat kesehatan masyarakat dan puskesmas pembantu.',
  links: [
    link(
      `${base}/collections/puskesmas/items?f=json`,
      'items',
      'application/geo+json',
      'Features as GeoJSON',
    ),
  ],
  extent: {
    spatial: {
      bbox: [[106.5874, -6.2281, 106.7288, -6.1512]],
      crs: 'http://www.opengis.net/def/crs/OGC/1.3/CRS84',
    },
  },
  itemType: 'feature',
  crs: ['http://www.opengis.net/def/crs/OGC/1.3/CRS84'],
};

const feature = {
  type: 'Feature',
  id: '1',
  geometry: { type: 'Point', coordinates: [106.6322, -6.1771] },
  properties: { nama: 'Puskesmas Tangerang', jenis: 'Puskesmas' },
};

const loose = (example: object, description: string) =>
  Type.Object({}, { additionalProperties: true, description, examples: [example] });

export const LandingExample = loose(
  {
    title: 'Layanan peta Kota Tangerang (OGC API Features)',
    description: 'Lapisan peta Kota Tangerang menurut OGC API – Features – Part 1: Core.',
    links: [link(`${base}/collections?f=json`, 'data', 'application/json', 'Feature collections')],
  },
  'The landing page (OGC 17-069r4 landingPage)',
);
export const ConformanceExample = loose(
  { conformsTo: ['http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core'] },
  'The conformance classes (confClasses)',
);
export const ApiExample = loose(
  { openapi: '3.0.3', info: { title: 'Layanan peta Kota Tangerang', version: '1.0.0' }, paths: {} },
  'An OpenAPI 3.0 document',
);
export const CollectionsExample = loose(
  { links: [], collections: [collection] },
  'The feature collections (collections)',
);
export const CollectionExample = loose(collection, 'One feature collection (collection)');
export const ItemsExample = loose(
  {
    type: 'FeatureCollection',
    features: [feature],
    links: [link(`${base}/collections/puskesmas/items?f=json`, 'self', 'application/geo+json', 'This page')],
    timeStamp: '2026-12-06T03:00:00.000Z',
    numberMatched: 15,
    numberReturned: 1,
  },
  'A page of features (a GeoJSON FeatureCollection)',
);
export const FeatureExample = loose(feature, 'One feature (a GeoJSON Feature)');

export const HTML_EXAMPLE =
  '<!doctype html><html lang="id"><head><title>Puskesmas Kota Tangerang</title></head><body>…</body></html>';
