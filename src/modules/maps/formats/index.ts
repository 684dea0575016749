/**
 * Reads an uploaded layer file, whatever its kind: the bytes say which (a file's name can lie, and
 * a GeoJSON file is often saved as `.json`). JSON is GeoJSON; a ZIP is a zipped Shapefile; XML is
 * KML. The name only helps the readers name the layer.
 */
import { readGeoJson } from './geojson.ts';
import { LayerFileError, type ReadLayer } from './layer-file.ts';

export { LayerFileError, type ReadLayer } from './layer-file.ts';

/** The layer in `bytes`, or a `LayerFileError` saying why it is none. */
export async function readLayerFile(bytes: Uint8Array, fileName: string): Promise<ReadLayer> {
  if (bytes.length === 0) throw new LayerFileError('empty');
  const head = firstText(bytes);
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) {
    // A zipped Shapefile: shapefile.ts (`readShapefile(bytes, fileName)`) plugs in here.
    throw new LayerFileError('format_unsupported', { format: 'zip' });
  }
  if (head.startsWith('<')) {
    // KML (an XML document): kml.ts (`readKml(bytes, fileName)`) plugs in here.
    throw new LayerFileError('format_unsupported', { format: 'xml' });
  }
  if (head.startsWith('{') || head.startsWith('[')) {
    const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
    const layer = readGeoJson(text);
    return layer.name ? layer : { ...layer, name: baseName(fileName) };
  }
  throw new LayerFileError('format_unknown');
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
