/** shpjs ships no types: the two readers of the parts that formats/shapefile.ts uses. */
declare module 'shpjs' {
  /** The .shp's records as GeoJSON geometries (null for a null shape), unprojected without a .prj. */
  export function parseShp(shp: DataView, prj?: string): unknown[];
  /** The .dbf's records, their text decoded with the WHATWG encoding `cpg` names. */
  export function parseDbf(dbf: DataView, cpg?: string): Record<string, unknown>[];
}
