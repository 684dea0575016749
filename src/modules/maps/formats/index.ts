/**
 * Reads an uploaded layer file, whatever its kind: the bytes say which (a file's name can lie, and
 * a GeoJSON file is often saved as `.json`). JSON is GeoJSON; a ZIP is a zipped Shapefile, or a
 * KMZ when its name says so (Google Earth names every KMZ `.kmz`); XML is KML. The name otherwise
 * only helps the readers name the layer.
 */
import { readGeoJson } from './geojson.ts';
import { readKml } from './kml.ts';
import { LayerFileError, type ReadLayer } from './layer-file.ts';
import { readShapefileZip } from './shapefile.ts';
import { looksLikeZip } from './zip.ts';

export { LayerFileError, type ReadLayer } from './layer-file.ts';

/** The layer in `bytes`, or a `LayerFileError` saying why it is none. */
export async function readLayerFile(bytes: Uint8Array, fileName: string): Promise<ReadLayer> {
  if (bytes.length === 0) throw new LayerFileError('empty');
  const head = firstText(bytes);
  if (looksLikeZip(bytes)) {
    const layer = /\.kmz$/i.test(fileName) ? await readKml(bytes) : await readShapefileZip(bytes);
    return named(layer, fileName);
  }
  if (head.startsWith('<')) return named(await readKml(bytes), fileName);
  if (head.startsWith('{') || head.startsWith('[')) {
    const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
    return named(readGeoJson(text), fileName);
  }
  throw new LayerFileError('format_unknown');
}

/** The layer with a name: its own, else the file's. */
function named(layer: ReadLayer, fileName: string): ReadLayer {
  if (layer.name) return layer;
  const name = baseName(fileName);
  return name ? { ...layer, name } : layer;
}

/** The first non-blank characters of the file (after a byte order mark). */
function firstText(bytes: Uint8Array): string {
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(0, 64));
  return text.replace(/^\uFEFF/, '').trimStart();
}

function baseName(fileName: string): string | undefined {
  const base = fileName
    .replace(/^.*[\\/]/, '')
    .replace(/\.[^.]*$/, '')
    .trim();
  return base || undefined;
}
