/**
 * A KML 2.2 file (or a KMZ, the zip Google Earth saves) as a layer in CRS84. xmldom parses the
 * XML and togeojson (Mapbox's, now Placemark's) converts the Placemarks: Point, LineString,
 * Polygon with its holes, MultiGeometry, gx:Track; name, description and ExtendedData
 * (Data and SchemaData) become properties. KML coordinates are WGS 84 longitude, latitude by the
 * specification, so nothing is reprojected.
 *
 * A KMZ is read through zip.ts, bounded as a zipped shapefile is.
 *
 * XML safety: a document type declaration is refused before parsing (KML has no DTD; a DTD is
 * how entity bombs and external entities come in), and any xmldom error is fatal, so an entity
 * reference the document does not define is refused rather than dropped.
 */
import { kml as kmlToGeoJson } from '@tmcw/togeojson';
import { DOMParser, type Element } from '@xmldom/xmldom';
import type { Feature, Geometry } from 'geojson';
import { checkLayer, LAYER_LIMITS, type LayerLimits } from './checked-layer.ts';
import { LayerFileError, type ReadLayer } from './layer-file.ts';
import { looksLikeZip, readZipEntries, ZIP_LIMITS } from './zip.ts';

export type KmlLimits = LayerLimits & Readonly<{ bytes: number }>;

export const KML_LIMITS: KmlLimits = {
  ...LAYER_LIMITS,
  /** Bytes of the KML text (inside a KMZ: once inflated); a DOM takes several times that. */
  bytes: 32 * 1024 * 1024,
};

export async function readKml(bytes: Uint8Array, limits: KmlLimits = KML_LIMITS): Promise<ReadLayer> {
  const text = decode(looksLikeZip(bytes) ? await kmlOfKmz(bytes, limits) : bytes, limits);
  refuseDoctype(text);
  const document = parse(text);
  if (document.doctype) throw new LayerFileError('kml_doctype');
  const root = document.documentElement;
  if (root?.localName !== 'kml') throw new LayerFileError('kml_not_kml');

  checkCoordinates(document);
  let features: Feature<Geometry | null>[];
  try {
    // Placemarks only: togeojson also gives a GroundOverlay (an image) and a NetworkLink (a link
    // to another, remote KML, never fetched here) as the polygon of their box, which is not a
    // feature of the layer but the outline of something it does not hold.
    features = kmlToGeoJson(document)
      .features.filter((feature) => !(feature.properties && '@geometry-type' in feature.properties))
      .map(plainProperties);
  } catch {
    throw new LayerFileError('kml_invalid');
  }
  const name = documentName(root as Element);
  return { ...(name ? { name } : {}), features: checkLayer(features, limits) };
}

const NUMBER = String.raw`[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?`;
const TUPLE = new RegExp(`^${NUMBER},${NUMBER}(?:,${NUMBER})?$`);

/**
 * Every `<coordinates>` tuple is `lon,lat[,alt]` (KML 2.2, §16.9). togeojson drops a tuple it
 * cannot read without a word, so a line would lose a vertex and "106.6, -6.2" (a space after the
 * comma) would lose the point: refused here instead, naming the tuple.
 */
function checkCoordinates(document: ReturnType<typeof parse>): void {
  const lists = document.getElementsByTagNameNS('*', 'coordinates');
  for (let i = 0; i < lists.length; i++) {
    for (const tuple of (lists.item(i)?.textContent ?? '').split(/\s+/)) {
      if (tuple && !TUPLE.test(tuple))
        throw new LayerFileError('kml_bad_coordinates', { value: tuple.slice(0, 40) });
    }
  }
}

/**
 * togeojson gives a description that was HTML (CDATA) as `{ "@type": "html", value }`: a layer's
 * properties are plain values, so its text. It is still HTML from a stranger: whoever shows a
 * description escapes or sanitises it, as every property.
 */
function plainProperties(feature: Feature<Geometry | null>): Feature<Geometry | null> {
  if (!feature.properties) return feature;
  const properties: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(feature.properties)) {
    const typed = value !== null && typeof value === 'object' && '@type' in value && 'value' in value;
    properties[key] = typed ? (value as { value: unknown }).value : value;
  }
  return { ...feature, properties };
}

/** The KMZ's main KML: `doc.kml` as Google Earth writes it, else the first .kml (KML 2.2, §C). */
async function kmlOfKmz(bytes: Uint8Array, limits: KmlLimits): Promise<Uint8Array> {
  const entries = await readZipEntries(bytes, (name) => name.toLowerCase().endsWith('.kml'), {
    entries: ZIP_LIMITS.entries,
    bytes: limits.bytes,
  });
  const main = entries.get('doc.kml') ?? [...entries.values()][0];
  if (!main) throw new LayerFileError('kmz_no_kml');
  return main;
}

/** The text in the encoding its byte order mark or XML declaration names (UTF-8 when neither). */
function decode(bytes: Uint8Array, limits: KmlLimits): string {
  if (bytes.byteLength > limits.bytes) {
    throw new LayerFileError('kml_too_large', { max: Math.round(limits.bytes / 1024 / 1024) });
  }
  let label = 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) label = 'utf-16le';
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) label = 'utf-16be';
  else {
    const head = String.fromCharCode(...bytes.subarray(0, 200));
    const declared = /^(?:\uFEFF|\xEF\xBB\xBF)?\s*<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/.exec(
      head,
    );
    if (declared) label = declared[1] as string;
  }
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(label, { fatal: true });
  } catch {
    throw new LayerFileError('kml_unknown_encoding', { encoding: label });
  }
  try {
    return decoder.decode(bytes);
  } catch {
    throw new LayerFileError('kml_bad_encoding', { encoding: decoder.encoding });
  }
}

/**
 * Refuses a DOCTYPE in the prolog, the only place XML allows one: after the XML declaration,
 * comments and processing instructions, before the root element.
 */
function refuseDoctype(text: string): void {
  const misc = /\s*(?:<\?[\s\S]*?\?>|<!--[\s\S]*?-->)/y;
  let at = 0;
  for (;;) {
    misc.lastIndex = at;
    if (!misc.exec(text)) break;
    at = misc.lastIndex;
  }
  const next = /\s*<!(DOCTYPE|ENTITY)/iy;
  next.lastIndex = at;
  if (next.test(text)) throw new LayerFileError('kml_doctype');
}

function parse(text: string) {
  try {
    return new DOMParser({
      onError: (level, message) => {
        // xmldom goes on after an "error" (an undefined entity, a duplicate attribute): a layer
        // read from a document that is not well-formed is not what its author saw, so stop.
        if (level !== 'warning') throw new Error(message);
      },
    }).parseFromString(text, 'text/xml');
  } catch (error) {
    const line = (error as { locator?: { lineNumber?: number } }).locator?.lineNumber;
    throw new LayerFileError('kml_invalid_xml', { line: line ?? 0 });
  }
}

/** The name of the kml's Document (or top Folder): a `name` child of it, not a Placemark's. */
function documentName(root: Element): string | undefined {
  for (let node = root.firstChild; node; node = node.nextSibling) {
    if (node.nodeType !== node.ELEMENT_NODE) continue;
    const container = node as Element;
    if (container.localName !== 'Document' && container.localName !== 'Folder') return undefined;
    for (let child = container.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === child.ELEMENT_NODE && (child as Element).localName === 'name') {
        const name = (child.textContent ?? '').trim().slice(0, 200);
        return name || undefined;
      }
    }
    return undefined;
  }
  return undefined;
}
