/**
 * A zipped ESRI Shapefile as a layer in CRS84. shpjs reads the geometry (.shp) and the attributes
 * (.dbf); around it, what an upload from strangers needs and shpjs does not do:
 *  - the archive is bounded before it is inflated (zip.ts);
 *  - the .shp is walked record by record first (headers only), so a truncated file or one whose
 *    records lie about their sizes is refused, and features and positions are counted before any
 *    geometry is built;
 *  - a layer without its .prj is refused, never guessed (shpjs would take the numbers as
 *    degrees), and an unreadable .prj is refused (shpjs would quietly ignore it); the .prj is
 *    read by proj4, which reads ESRI's and OGC's WKT, and every position reprojected through it;
 *  - the attributes' encoding comes from the .cpg, else the .dbf's language driver, else UTF-8
 *    only if the bytes are UTF-8: a latin1 file without a .cpg is refused, not shown garbled.
 * One layer a zip: a zip holding several .shp is refused (taking one would drop the others
 * without a word; the staff upload each on its own).
 */
import type { Feature, GeoJsonProperties, Geometry, Position } from 'geojson';
import proj4, { type Converter } from 'proj4';
import { parseDbf, parseShp } from 'shpjs';
import { checkLayer, LAYER_LIMITS, type LayerLimits, mapPositions } from './checked-layer.ts';
import { LayerFileError, type ReadLayer } from './layer-file.ts';
import { looksLikeZip, readZipEntries, ZIP_LIMITS, type ZipLimits } from './zip.ts';

export type ShapefileLimits = LayerLimits & Readonly<{ zip: ZipLimits }>;

export const SHAPEFILE_LIMITS: ShapefileLimits = { ...LAYER_LIMITS, zip: ZIP_LIMITS };

const PARTS = ['.shp', '.shx', '.dbf', '.prj', '.cpg'] as const;
type Part = (typeof PARTS)[number];

/** The parts of the one layer of the archive, by extension (lower case). */
type Layer = { name: string; parts: Map<Part, Uint8Array> };

function partOf(name: string): Part | undefined {
  const lower = name.toLowerCase();
  return PARTS.find((part) => lower.endsWith(part));
}

export async function readShapefileZip(
  bytes: Uint8Array,
  limits: ShapefileLimits = SHAPEFILE_LIMITS,
): Promise<ReadLayer> {
  if (!looksLikeZip(bytes)) throw new LayerFileError('shapefile_not_zip');
  // The .shx is not read: shpjs walks the .shp itself (and so do we, below).
  const entries = await readZipEntries(
    bytes,
    (name) => partOf(name) !== undefined && partOf(name) !== '.shx',
    limits.zip,
  );
  const layer = theLayer(entries);
  const shp = layer.parts.get('.shp');
  const dbf = layer.parts.get('.dbf');
  const prj = layer.parts.get('.prj');
  if (!shp) throw new LayerFileError('shapefile_missing_part', { part: '.shp' });
  if (!dbf) throw new LayerFileError('shapefile_missing_part', { part: '.dbf' });
  if (!prj) throw new LayerFileError('shapefile_no_projection', { layer: layer.name });

  const toCrs84 = projectionOf(prj, layer.name);
  const index = walkShp(shp);
  if (index.records > limits.features)
    throw new LayerFileError('layer_too_many_features', { max: limits.features });
  if (index.positions > limits.positions)
    throw new LayerFileError('layer_too_many_positions', { max: limits.positions });
  const properties = readAttributes(dbf, layer.parts.get('.cpg'));
  if (properties.length !== index.records) {
    throw new LayerFileError('shapefile_record_mismatch', {
      shapes: index.records,
      records: properties.length,
    });
  }

  let geometries: (Geometry | null)[];
  try {
    geometries = parseShp(view(shp)) as (Geometry | null)[];
  } catch {
    throw new LayerFileError('shapefile_corrupt', { part: '.shp' });
  }
  if (geometries.length !== index.records) throw new LayerFileError('shapefile_corrupt', { part: '.shp' });

  const count = { positions: 0 };
  const features = geometries.map((geometry, i): Feature => {
    const number = i + 1;
    if (!geometry) throw new LayerFileError('layer_null_geometry', { feature: number });
    const reproject = (position: Position): Position => {
      const [x, y, ...rest] = position;
      let lonLat: number[];
      try {
        lonLat = toCrs84.forward([x as number, y as number]);
      } catch {
        throw new LayerFileError('layer_coordinates_out_of_range', { feature: number });
      }
      return [lonLat[0] as number, lonLat[1] as number, ...rest];
    };
    return {
      type: 'Feature',
      properties: properties[i] ?? {},
      geometry: mapPositions(geometry, reproject, count, limits.positions),
    };
  });
  return { name: layer.name, features: checkLayer(features, limits) };
}

/** The archive's one layer: its parts grouped by path without extension (`data/Jalan`). */
function theLayer(entries: Map<string, Uint8Array>): Layer {
  const layers = new Map<string, Layer>();
  for (const [path, data] of entries) {
    const part = partOf(path) as Part;
    const stem = path.slice(0, -part.length);
    const key = stem.toLowerCase();
    const layer = layers.get(key) ?? { name: stem.split('/').pop() ?? stem, parts: new Map() };
    layer.parts.set(part, data);
    layers.set(key, layer);
  }
  const withShp = [...layers.values()].filter((layer) => layer.parts.has('.shp'));
  if (withShp.length > 1) {
    throw new LayerFileError('shapefile_several_layers', {
      layers: withShp.map((layer) => layer.name).join(', '),
    });
  }
  const layer = withShp[0] ?? [...layers.values()][0];
  if (!layer) throw new LayerFileError('shapefile_missing_part', { part: '.shp' });
  return layer;
}

function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** proj4's datum type for a datum it knows no shift to WGS 84 for (ESRI's .prj has no TOWGS84). */
const NO_DATUM_SHIFT = 5;
const WGS84_SEMI_MAJOR = 6378137;
const WGS84_ECCENTRICITY_SQUARED = 0.0066943799901413165;

/**
 * The .prj read by proj4 into a converter to longitude/latitude on WGS 84. A datum proj4 cannot
 * shift to WGS 84 is accepted only on the WGS 84 ellipsoid: Indonesia's DGN95 and SRGI2013 are
 * aligned to WGS 84 within a metre (EPSG's own transformations for them are null ones). On another
 * ellipsoid (ID74, Batavia) proj4 would silently leave the shift out, tens to hundreds of metres:
 * refused, the staff re-export in WGS 84, DGN95 or SRGI2013.
 */
function projectionOf(prj: Uint8Array, layer: string): Converter {
  const wkt = new TextDecoder().decode(prj).trim();
  let from: ReturnType<typeof proj4.Proj>;
  try {
    from = proj4.Proj(wkt);
  } catch {
    throw new LayerFileError('shapefile_unknown_projection', { layer });
  }
  const { datum, a, es } = from as unknown as { datum?: { datum_type?: number }; a?: number; es?: number };
  const wgs84Ellipsoid = a === WGS84_SEMI_MAJOR && Math.abs((es ?? 0) - WGS84_ECCENTRICITY_SQUARED) < 1e-12;
  if (datum?.datum_type === NO_DATUM_SHIFT && !wgs84Ellipsoid) {
    const name = /DATUM\["([^"]{1,80})"/i.exec(wkt)?.[1] ?? 'unknown';
    throw new LayerFileError('shapefile_unknown_datum', { layer, datum: name });
  }
  // A shapefile's numbers are always easting then northing (x, y), whatever axis order the WKT
  // names (an EPSG:4326 WKT says latitude first): as GDAL reads them.
  from.axis = 'enu';
  try {
    return proj4(from, proj4.WGS84);
  } catch {
    throw new LayerFileError('shapefile_unknown_projection', { layer });
  }
}

/** Shape types by their code in the .shp (ESRI Shapefile Technical Description, 1998). */
const SHAPES: Record<number, 'point' | 'multipoint' | 'poly'> = {
  1: 'point',
  11: 'point',
  21: 'point',
  8: 'multipoint',
  18: 'multipoint',
  28: 'multipoint',
  3: 'poly',
  13: 'poly',
  23: 'poly',
  5: 'poly',
  15: 'poly',
  25: 'poly',
};

/**
 * Walks the .shp's record headers: every record inside the file, of the file's shape type (or
 * null), big enough for the points it declares. Counts records and positions without building
 * any geometry.
 */
export function walkShp(shp: Uint8Array): { records: number; positions: number } {
  const corrupt = () => new LayerFileError('shapefile_corrupt', { part: '.shp' });
  if (shp.byteLength < 100) throw corrupt();
  const data = view(shp);
  if (data.getInt32(0, false) !== 9994) throw corrupt();
  const type = data.getInt32(32, true);
  const kind = SHAPES[type];
  if (type !== 0 && !kind) throw new LayerFileError('shapefile_unsupported_shape', { shape: type });
  let records = 0;
  let positions = 0;
  let offset = 100;
  while (offset < shp.byteLength) {
    if (offset + 12 > shp.byteLength) throw corrupt();
    const length = data.getInt32(offset + 4, false) * 2;
    const start = offset + 8;
    if (length < 4 || start + length > shp.byteLength) throw corrupt();
    const shape = data.getInt32(start, true);
    records += 1;
    if (shape !== 0) {
      if (shape !== type) throw corrupt();
      if (kind === 'point') {
        if (length < 20) throw corrupt();
        positions += 1;
      } else if (kind === 'multipoint') {
        if (length < 40) throw corrupt();
        const points = data.getInt32(start + 36, true);
        if (points < 0 || 40 + points * 16 > length) throw corrupt();
        positions += points;
      } else {
        if (length < 44) throw corrupt();
        const parts = data.getInt32(start + 36, true);
        const points = data.getInt32(start + 40, true);
        if (parts < 0 || points < 0 || 44 + parts * 4 + points * 16 > length) throw corrupt();
        positions += points;
      }
    }
    offset = start + length;
  }
  return { records, positions };
}

/**
 * The .dbf's records as properties. Its header is checked first (parsedbf trusts it, and would
 * loop over a record count of four billion), its text decoded in the encoding it is in.
 */
function readAttributes(dbf: Uint8Array, cpg: Uint8Array | undefined): GeoJsonProperties[] {
  const corrupt = () => new LayerFileError('shapefile_corrupt', { part: '.dbf' });
  if (dbf.byteLength < 33) throw corrupt();
  const data = view(dbf);
  const records = data.getUint32(4, true);
  const headerLength = data.getUint16(8, true);
  const recordLength = data.getUint16(10, true);
  const encoding = encodingOf(cpg, dbf[29] as number);
  const decoder = new TextDecoder(encoding);
  let fields = 0;
  let width = 1; // the deletion flag
  // Dates and logicals are read here from their bytes: parsedbf makes a Date in the server's
  // time zone (and 1899-11-30 of an empty one) and cannot tell an unknown logical ("?") from false.
  const raw: { name: string; type: string; offset: number; length: number }[] = [];
  for (let at = 32; ; at += 32) {
    if (at >= headerLength || at >= dbf.byteLength) throw corrupt();
    if (dbf[at] === 0x0d) break;
    if (at + 32 > headerLength) throw corrupt();
    const type = String.fromCharCode(dbf[at + 11] as number);
    const length = dbf[at + 16] as number;
    if (type === 'D' || type === 'L') {
      const name = decoder
        .decode(dbf.subarray(at, at + 11))
        .replace(/\0/g, '')
        .trim();
      raw.push({ name, type, offset: width, length });
    }
    width += length;
    fields += 1;
  }
  const dataStart = headerLength;
  if (width !== recordLength || dataStart + records * recordLength > dbf.byteLength) throw corrupt();

  if (encoding === 'utf-8') {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(dbf.subarray(32, dataStart + records * recordLength));
    } catch {
      if (cpg) throw new LayerFileError('shapefile_bad_encoding', { encoding: 'UTF-8' });
      throw new LayerFileError('shapefile_needs_cpg');
    }
  }

  // parsedbf reads the records right after the field descriptors; some writers pad the header
  // (Visual FoxPro's 263 bytes), so give it a header without the padding.
  const tight = 32 + fields * 32 + 1;
  let bytes = dbf;
  if (tight !== headerLength) {
    bytes = new Uint8Array(tight + records * recordLength);
    bytes.set(dbf.subarray(0, tight));
    bytes.set(dbf.subarray(dataStart, dataStart + records * recordLength), tight);
    new DataView(bytes.buffer).setUint16(8, tight, true);
  }
  let rows: Record<string, unknown>[];
  try {
    rows = parseDbf(view(bytes), encoding) as Record<string, unknown>[];
  } catch {
    throw corrupt();
  }
  return rows.map((row, index) => {
    const properties: Record<string, unknown> = {};
    // parsedbf gives NaN for an empty number: GDAL gives null.
    for (const [key, value] of Object.entries(row)) {
      properties[key] = typeof value === 'number' && !Number.isFinite(value) ? null : value;
    }
    const record = dataStart + index * recordLength;
    for (const field of raw) {
      const text = String.fromCharCode(
        ...dbf.subarray(record + field.offset, record + field.offset + field.length),
      );
      properties[field.name] = field.type === 'D' ? dateOf(text) : logicalOf(text);
    }
    return properties;
  });
}

/**
 * A dBASE date, YYYYMMDD, as YYYY-MM-DD (as GDAL writes it in GeoJSON); blank, zero (GDAL writes
 * 00000000 for no date) or broken is null.
 */
function dateOf(text: string): string | null {
  const match = /^(\d{4})(\d{2})(\d{2})$/.exec(text.trim());
  if (!match) return null;
  const [, year, month, day] = match as unknown as [string, string, string, string];
  if (Number(month) < 1 || Number(month) > 12 || Number(day) < 1 || Number(day) > 31) return null;
  return `${year}-${month}-${day}`;
}

/** A dBASE logical: T/Y true, F/N false, "?" or blank unknown (null). */
function logicalOf(text: string): boolean | null {
  const letter = text.trim().toUpperCase();
  if (letter === 'T' || letter === 'Y') return true;
  if (letter === 'F' || letter === 'N') return false;
  return null;
}

/**
 * The attributes' encoding as a WHATWG label: the .cpg's (`UTF-8`, `ISO-8859-1`, `88591`, `1252`,
 * `ANSI 1252`...), else the .dbf's language driver when it says Windows ANSI, else UTF-8 (checked
 * by the caller: bytes that are not UTF-8 are refused, never guessed).
 */
export function encodingOf(cpg: Uint8Array | undefined, languageDriver: number): string {
  if (!cpg) return languageDriver === 0x57 || languageDriver === 0x03 ? 'windows-1252' : 'utf-8';
  const said = new TextDecoder().decode(cpg).trim();
  let label = said.toLowerCase().replace(/^ansi\s*/, '');
  if (/^8859_?(\d+)$/.test(label)) label = `iso-8859-${label.replace(/^8859_?/, '')}`;
  else if (/^\d+$/.test(label)) label = label === '65001' ? 'utf-8' : `windows-${label}`;
  let encoding: string;
  try {
    encoding = new TextDecoder(label).encoding;
  } catch {
    throw new LayerFileError('shapefile_unknown_encoding', { encoding: said.slice(0, 40) });
  }
  return encoding;
}
