/**
 * What reading an uploaded layer file gives (GeoJSON, a zipped Shapefile, KML): its features in
 * CRS84 (RFC 7946: longitude, latitude), or a `LayerFileError` saying why it cannot be read. The
 * readers only read; storing a layer is the upload's service, after every feature was read.
 */
import type { Feature } from 'geojson';

export type ReadLayer = Readonly<{
  features: readonly Feature[];
  /** The layer's own name, when the file holds one (a KML document's, a shapefile's base name). */
  name?: string;
}>;

/**
 * Why a file is not a layer: `code` is a key of the app's words (`maps.layerFile.<code>`) and
 * `params` the values its message names (the feature's number, the missing part).
 */
export class LayerFileError extends Error {
  readonly code: string;
  readonly params: Readonly<Record<string, string | number>>;

  constructor(code: string, params: Readonly<Record<string, string | number>> = {}) {
    super(code);
    this.name = 'LayerFileError';
    this.code = code;
    this.params = params;
  }
}
