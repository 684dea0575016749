/**
 * The zipped Shapefile reader against files GDAL wrote (fixtures/make-fixtures.sh): coordinates
 * compared with GDAL's own reprojection of the same files, and every refusal by its code.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import type { Feature, FeatureCollection, Geometry, Polygon, Position } from 'geojson';
import yauzl from 'yauzl';
import { buildZip, type ZipEntrySpec } from '../../../../test/support/zip-writer.ts';
import { LayerFileError } from './layer-file.ts';
import { layerFileMessages } from './messages.ts';
import { readShapefileZip, SHAPEFILE_LIMITS } from './shapefile.ts';
import { readZipEntries } from './zip.ts';

const fixture = (name: string) =>
  new Uint8Array(readFileSync(new URL(`./fixtures/${name}`, import.meta.url)));

/** The entries of a fixture zip, to rebuild it with a part changed, left out or added. */
async function partsOf(name: string): Promise<Record<string, Uint8Array>> {
  const zip = await yauzl.fromBufferPromise(Buffer.from(fixture(name)), { lazyEntries: true });
  const parts: Record<string, Uint8Array> = {};
  for await (const entry of zip.eachEntry()) {
    parts[entry.fileName] = new Uint8Array(
      Buffer.concat(await (await zip.openReadStreamPromise(entry)).toArray()),
    );
  }
  return parts;
}

function zipOf(parts: Record<string, Uint8Array>, extra: ZipEntrySpec[] = []): Uint8Array {
  return buildZip([...Object.entries(parts).map(([name, data]) => ({ name, data })), ...extra]);
}

/** Asserts the promise is refused with that code (and those params, when given). */
async function refused(promise: Promise<unknown>, code: string, params?: Record<string, string | number>) {
  await assert.rejects(promise, (error: unknown) => {
    assert.ok(error instanceof LayerFileError, `a LayerFileError, not ${String(error)}`);
    assert.equal(error.code, code);
    if (params) assert.deepEqual(error.params, params);
    assert.ok(code in layerFileMessages.en && code in layerFileMessages.id, `words for ${code}`);
    return true;
  });
}

function positions(geometry: Geometry): Position[] {
  switch (geometry.type) {
    case 'Point':
      return [geometry.coordinates];
    case 'MultiPoint':
    case 'LineString':
      return geometry.coordinates;
    case 'MultiLineString':
    case 'Polygon':
      return geometry.coordinates.flat();
    case 'MultiPolygon':
      return geometry.coordinates.flat(2);
    case 'GeometryCollection':
      return geometry.geometries.flatMap(positions);
  }
}

/** Twice the signed area: positive for a counterclockwise ring. */
function signedArea(ring: Position[]): number {
  let sum = 0;
  for (let i = 1; i < ring.length; i++) {
    const [ax, ay] = ring[i - 1] as [number, number];
    const [bx, by] = ring[i] as [number, number];
    sum += ax * by - bx * ay;
  }
  return sum;
}

describe('readShapefileZip: files GDAL wrote', () => {
  for (const name of [
    'points-4326',
    'points-32748',
    'points-23878',
    'polygons-4326',
    'polygons-32748',
    'polygons-3857',
  ]) {
    it(`${name}: the features GDAL reads, in CRS84 within 1e-6 degrees of GDAL's own reprojection`, async () => {
      const layer = await readShapefileZip(fixture(`${name}.shp.zip`));
      const expected = JSON.parse(
        readFileSync(new URL(`./fixtures/${name}.expected.geojson`, import.meta.url), 'utf8'),
      ) as FeatureCollection;
      assert.equal(layer.name, name);
      assert.equal(layer.features.length, expected.features.length);
      layer.features.forEach((feature, i) => {
        const want = expected.features[i] as Feature;
        assert.deepEqual(feature.properties, want.properties);
        assert.equal(feature.geometry?.type, want.geometry?.type);
        const got = positions(feature.geometry as Geometry);
        const wanted = positions(want.geometry as Geometry);
        assert.equal(got.length, wanted.length);
        got.forEach((position, j) => {
          const [lon, lat] = wanted[j] as [number, number];
          assert.ok(
            Math.abs((position[0] as number) - lon) < 1e-6,
            `${name} #${i + 1}.${j} lon ${position[0]} vs ${lon}`,
          );
          assert.ok(
            Math.abs((position[1] as number) - lat) < 1e-6,
            `${name} #${i + 1}.${j} lat ${position[1]} vs ${lat}`,
          );
        });
      });
    });
  }

  it('reads UTM 48S numbers into Tangerang, not into the Antarctic (the .prj is applied)', async () => {
    const layer = await readShapefileZip(fixture('points-32748.shp.zip'));
    const point = layer.features[0]?.geometry as { coordinates: number[] };
    const [lon, lat] = point.coordinates as [number, number];
    assert.ok(Math.abs(lon - 106.5112345) < 1e-7 && Math.abs(lat + 6.2391234) < 1e-7, `${lon} ${lat}`);
  });

  it('reads x, y as longitude, latitude even under a .prj naming latitude first (OGC WKT of EPSG:4326)', async () => {
    const parts = await partsOf('points-4326.shp.zip');
    parts['points-4326.prj'] = new TextEncoder().encode(
      'GEOGCS["WGS 84",DATUM["WGS_1984",SPHEROID["WGS 84",6378137,298.257223563,AUTHORITY["EPSG","7030"]],AUTHORITY["EPSG","6326"]],PRIMEM["Greenwich",0,AUTHORITY["EPSG","8901"]],UNIT["degree",0.0174532925199433,AUTHORITY["EPSG","9122"]],AXIS["Latitude",NORTH],AXIS["Longitude",EAST],AUTHORITY["EPSG","4326"]]',
    );
    const layer = await readShapefileZip(zipOf(parts));
    assert.deepEqual(layer.features[0]?.geometry, { type: 'Point', coordinates: [106.5112345, -6.2391234] });
  });

  it('keeps a polygon’s hole and winds it as RFC 7946 says (outer counterclockwise, hole clockwise)', async () => {
    const layer = await readShapefileZip(fixture('polygons-32748.shp.zip'));
    const polygon = layer.features[0]?.geometry as Polygon;
    assert.equal(polygon.type, 'Polygon');
    assert.equal(polygon.coordinates.length, 2);
    assert.ok(signedArea(polygon.coordinates[0] as Position[]) > 0);
    assert.ok(signedArea(polygon.coordinates[1] as Position[]) < 0);
    assert.equal(layer.features[1]?.geometry?.type, 'MultiPolygon');
  });

  it('gives attributes their dBASE types: numbers, YYYY-MM-DD dates, null for empty', async () => {
    const layer = await readShapefileZip(fixture('points-4326.shp.zip'));
    assert.deepEqual(layer.features[0]?.properties, {
      nama: 'Puskesmas Cikupa',
      jumlah: 12,
      luas: 150.25,
      tanggal: '2026-03-01',
    });
    assert.deepEqual(layer.features[2]?.properties, {
      nama: 'Kantor Kelurahan Sukasari',
      jumlah: 0,
      luas: null,
      tanggal: null,
    });
  });

  it('reads dBASE logicals: T/Y true, F/N false, "?" unknown (null)', async () => {
    // GDAL writes booleans as integers, so this .dbf is made here: one field "aktif", L(1), 3 rows
    const rows = ['T', 'n', '?'];
    const dbf = new Uint8Array(32 + 32 + 1 + rows.length * 2 + 1);
    const header = new DataView(dbf.buffer);
    dbf[0] = 3;
    header.setUint32(4, rows.length, true);
    header.setUint16(8, 65, true);
    header.setUint16(10, 2, true);
    dbf.set(new TextEncoder().encode('aktif'), 32);
    dbf[32 + 11] = 'L'.charCodeAt(0);
    dbf[32 + 16] = 1;
    dbf[64] = 0x0d;
    rows.forEach((row, i) => {
      dbf[65 + i * 2] = 0x20;
      dbf[66 + i * 2] = row.charCodeAt(0);
    });
    dbf[dbf.length - 1] = 0x1a;
    const parts = await partsOf('points-4326.shp.zip');
    parts['points-4326.dbf'] = dbf;
    const layer = await readShapefileZip(zipOf(parts));
    assert.deepEqual(
      layer.features.map((feature) => feature.properties),
      [{ aktif: true }, { aktif: false }, { aktif: null }],
    );
  });

  it('decodes Latin-1 attributes as its .cpg says', async () => {
    const layer = await readShapefileZip(fixture('latin1-4326.shp.zip'));
    assert.equal(layer.features[0]?.properties?.nama, 'Café Señora');
    assert.equal(layer.features[0]?.properties?.ket, 'Jl. Raya Serpong Km 7 - dekat halte');
  });

  it('finds the parts in a folder of the zip, whatever their case, and skips __MACOSX', async () => {
    const parts = await partsOf('points-32748.shp.zip');
    const moved: Record<string, Uint8Array> = {};
    for (const [name, data] of Object.entries(parts)) {
      moved[`Data Dinas/TITIK.${name.split('.').pop()?.toUpperCase()}`] = data;
      moved[`__MACOSX/Data Dinas/._TITIK.${name.split('.').pop()}`] = new Uint8Array([0, 5, 22, 7]);
    }
    const layer = await readShapefileZip(zipOf(moved));
    assert.equal(layer.name, 'TITIK');
    assert.equal(layer.features.length, 3);
  });

  it('reads a shapefile without its .shx (the .shp is walked, the index is not needed)', async () => {
    const parts = await partsOf('points-4326.shp.zip');
    delete parts['points-4326.shx'];
    assert.equal((await readShapefileZip(zipOf(parts))).features.length, 3);
  });
});

describe('readShapefileZip: refusals', () => {
  it('refuses a shapefile without a .prj: the projection is never guessed', async () => {
    await refused(readShapefileZip(fixture('points-noprj.shp.zip')), 'shapefile_no_projection', {
      layer: 'points-noprj',
    });
  });

  it('refuses a .prj proj4 cannot read', async () => {
    const parts = await partsOf('points-4326.shp.zip');
    parts['points-4326.prj'] = new TextEncoder().encode('PROJCS["Unknown",GEOGCS["x"],PROJECTION["Nope"]]');
    await refused(readShapefileZip(zipOf(parts)), 'shapefile_unknown_projection', { layer: 'points-4326' });
  });

  it('refuses a datum proj4 cannot shift on another ellipsoid (ID74), rather than be metres off', async () => {
    await refused(readShapefileZip(fixture('points-23888.shp.zip')), 'shapefile_unknown_datum', {
      layer: 'points-23888',
      datum: 'D_Indonesian_1974',
    });
  });

  it('refuses UTM numbers under a WGS 84 .prj (the common mistake) as out of range', async () => {
    const parts = await partsOf('points-32748.shp.zip');
    parts['points-32748.prj'] = (await partsOf('points-4326.shp.zip'))['points-4326.prj'] as Uint8Array;
    await refused(readShapefileZip(zipOf(parts)), 'layer_coordinates_out_of_range', { feature: 1 });
  });

  it('refuses a missing .dbf and a missing .shp by the part', async () => {
    const noDbf = await partsOf('points-4326.shp.zip');
    delete noDbf['points-4326.dbf'];
    await refused(readShapefileZip(zipOf(noDbf)), 'shapefile_missing_part', { part: '.dbf' });
    const noShp = await partsOf('points-4326.shp.zip');
    delete noShp['points-4326.shp'];
    await refused(readShapefileZip(zipOf(noShp)), 'shapefile_missing_part', { part: '.shp' });
    await refused(
      readShapefileZip(zipOf({ 'catatan.txt': new Uint8Array([104, 105]) })),
      'shapefile_missing_part',
      {
        part: '.shp',
      },
    );
  });

  it('refuses a zip of several layers rather than pick one', async () => {
    const parts = { ...(await partsOf('points-4326.shp.zip')), ...(await partsOf('polygons-4326.shp.zip')) };
    await refused(readShapefileZip(zipOf(parts)), 'shapefile_several_layers', {
      layers: 'points-4326, polygons-4326',
    });
  });

  it('refuses a null shape by the feature’s number', async () => {
    await refused(readShapefileZip(fixture('nullgeom-4326.shp.zip')), 'layer_null_geometry', { feature: 2 });
  });

  it('refuses Latin-1 attributes without a .cpg rather than show them garbled', async () => {
    const parts = await partsOf('latin1-4326.shp.zip');
    delete parts['latin1-4326.cpg'];
    await refused(readShapefileZip(zipOf(parts)), 'shapefile_needs_cpg');
  });

  it('refuses Latin-1 attributes under a .cpg saying UTF-8', async () => {
    const parts = await partsOf('latin1-4326.shp.zip');
    parts['latin1-4326.cpg'] = new TextEncoder().encode('UTF-8');
    await refused(readShapefileZip(zipOf(parts)), 'shapefile_bad_encoding', { encoding: 'UTF-8' });
  });

  it('reads the .cpg spellings ArcGIS and QGIS write, and refuses one it does not know', async () => {
    for (const said of ['88591', '8859_1', 'ISO-8859-1', '1252', 'ANSI 1252']) {
      const parts = await partsOf('latin1-4326.shp.zip');
      parts['latin1-4326.cpg'] = new TextEncoder().encode(said);
      const layer = await readShapefileZip(zipOf(parts));
      assert.equal(layer.features[0]?.properties?.nama, 'Café Señora', said);
    }
    const parts = await partsOf('latin1-4326.shp.zip');
    parts['latin1-4326.cpg'] = new TextEncoder().encode('KLINGON-1');
    await refused(readShapefileZip(zipOf(parts)), 'shapefile_unknown_encoding', { encoding: 'KLINGON-1' });
  });

  it('refuses a truncated .shp, and a .shp that is not one', async () => {
    const parts = await partsOf('polygons-4326.shp.zip');
    const shp = parts['polygons-4326.shp'] as Uint8Array;
    parts['polygons-4326.shp'] = shp.subarray(0, shp.byteLength - 20);
    await refused(readShapefileZip(zipOf(parts)), 'shapefile_corrupt', { part: '.shp' });
    parts['polygons-4326.shp'] = new TextEncoder().encode(
      'not a shapefile at all, but long enough to have a header'.repeat(3),
    );
    await refused(readShapefileZip(zipOf(parts)), 'shapefile_corrupt', { part: '.shp' });
  });

  it('refuses a record that declares more points than it holds', async () => {
    const parts = await partsOf('polygons-4326.shp.zip');
    const shp = new Uint8Array(parts['polygons-4326.shp'] as Uint8Array);
    // first record: header at 100, content at 108, numPoints at content + 40
    new DataView(shp.buffer).setInt32(108 + 40, 1_000_000, true);
    parts['polygons-4326.shp'] = shp;
    await refused(readShapefileZip(zipOf(parts)), 'shapefile_corrupt', { part: '.shp' });
  });

  it('refuses a .dbf whose header promises more records than it holds (parsedbf would loop on it)', async () => {
    const parts = await partsOf('points-4326.shp.zip');
    const dbf = new Uint8Array(parts['points-4326.dbf'] as Uint8Array);
    new DataView(dbf.buffer).setUint32(4, 4_000_000_000, true);
    parts['points-4326.dbf'] = dbf;
    await refused(readShapefileZip(zipOf(parts)), 'shapefile_corrupt', { part: '.dbf' });
  });

  it('refuses a .dbf with another number of records than the .shp', async () => {
    const parts = await partsOf('points-4326.shp.zip');
    const dbf = new Uint8Array(parts['points-4326.dbf'] as Uint8Array);
    new DataView(dbf.buffer).setUint32(4, 2, true);
    parts['points-4326.dbf'] = dbf;
    await refused(readShapefileZip(zipOf(parts)), 'shapefile_record_mismatch', { shapes: 3, records: 2 });
  });

  it('refuses a MultiPatch (3D surfaces) as unsupported', async () => {
    const parts = await partsOf('points-4326.shp.zip');
    const shp = new Uint8Array(parts['points-4326.shp'] as Uint8Array);
    new DataView(shp.buffer).setInt32(32, 31, true);
    parts['points-4326.shp'] = shp;
    await refused(readShapefileZip(zipOf(parts)), 'shapefile_unsupported_shape', { shape: 31 });
  });

  it('refuses an empty layer', async () => {
    const parts = await partsOf('points-4326.shp.zip');
    const shp = new Uint8Array((parts['points-4326.shp'] as Uint8Array).subarray(0, 100));
    const dbf = new Uint8Array(parts['points-4326.dbf'] as Uint8Array);
    const header = new DataView(dbf.buffer).getUint16(8, true);
    new DataView(dbf.buffer).setUint32(4, 0, true);
    parts['points-4326.shp'] = shp;
    parts['points-4326.dbf'] = dbf.subarray(0, header);
    await refused(readShapefileZip(zipOf(parts)), 'layer_empty');
  });

  it('bounds features and positions (counted from the .shp’s record headers, before parsing)', async () => {
    assert.equal(SHAPEFILE_LIMITS.features, 50_000);
    assert.equal(SHAPEFILE_LIMITS.positions, 2_000_000);
    const points = fixture('points-4326.shp.zip');
    await refused(readShapefileZip(points, { ...SHAPEFILE_LIMITS, features: 2 }), 'layer_too_many_features', {
      max: 2,
    });
    const polygons = fixture('polygons-4326.shp.zip');
    await refused(
      readShapefileZip(polygons, { ...SHAPEFILE_LIMITS, positions: 12 }),
      'layer_too_many_positions',
      {
        max: 12,
      },
    );
    assert.equal(
      (await readShapefileZip(polygons, { ...SHAPEFILE_LIMITS, positions: 19 })).features.length,
      2,
    );
  });
});

describe('readShapefileZip: hostile and broken archives', () => {
  it('refuses what is not a zip', async () => {
    await refused(
      readShapefileZip(new TextEncoder().encode('{"type":"FeatureCollection"}')),
      'shapefile_not_zip',
    );
  });

  it('refuses a damaged zip', async () => {
    const zip = fixture('points-4326.shp.zip');
    await refused(readShapefileZip(zip.subarray(0, zip.byteLength - 30)), 'zip_corrupt');
    // A byte of the .prj's data changed (its local header is 30 bytes and its name): the CRC no longer matches.
    const parts = await partsOf('points-4326.shp.zip');
    const stored = buildZip(Object.entries(parts).map(([name, data]) => ({ name, data, method: 0 })));
    const at = Buffer.from(stored).indexOf('GEOGCS');
    assert.ok(at > 0);
    const flipped = new Uint8Array(stored);
    flipped[at] = 0x48; // G → H
    await refused(readShapefileZip(flipped), 'zip_corrupt');
    await readShapefileZip(stored); // and unchanged, it reads
  });

  it('refuses a zip bomb from its directory, before inflating it (300 MiB of zeros in 1.3 MB)', async () => {
    const bomb = buildZip([{ name: 'bom.shp', data: new Uint8Array(300 * 1024 * 1024) }]);
    assert.ok(bomb.byteLength < 2 * 1024 * 1024);
    await refused(readShapefileZip(bomb), 'zip_too_large', { max: 256 });
  });

  it('stops inflating an entry that gives more than its directory declared', async () => {
    const parts = await partsOf('points-4326.shp.zip');
    const lying = zipOf(parts, [
      { name: 'points-4326.cpg', data: new Uint8Array(64 * 1024 * 1024), declaredSize: 5 },
    ]);
    // (the .cpg of the fixture is replaced by the lying one: same name, read last)
    await refused(readShapefileZip(lying), 'zip_corrupt');
  });

  it('stops such an entry at once: far sooner than inflating what it holds', async () => {
    const data = new Uint8Array(100 * 1024 * 1024);
    const honest = buildZip([{ name: 'a.dbf', data }]);
    const lying = buildZip([{ name: 'a.dbf', data, declaredSize: 1000 }]);
    const roomy = { entries: 10, bytes: 200 * 1024 * 1024 };
    let started = performance.now();
    assert.equal((await readZipEntries(honest, () => true, roomy)).get('a.dbf')?.byteLength, data.byteLength);
    const inflating = performance.now() - started;
    started = performance.now();
    await refused(
      readZipEntries(lying, () => true, roomy),
      'zip_corrupt',
    );
    const stopping = performance.now() - started;
    assert.ok(stopping < inflating / 4, `stopped in ${stopping} ms, inflating all takes ${inflating} ms`);
  });

  it('counts the entries of the directory: more than the limit are refused', async () => {
    const many = Array.from({ length: 1001 }, (_, i) => ({
      name: `f${i}.txt`,
      data: new Uint8Array(1),
      method: 0,
    }));
    await refused(readShapefileZip(buildZip(many)), 'zip_too_many_entries', { max: 1000 });
  });

  it('names an unsupported compression method (Deflate64) and an encrypted entry', async () => {
    const parts = await partsOf('points-4326.shp.zip');
    const { 'points-4326.shp': shp, ...rest } = parts;
    await refused(
      readShapefileZip(zipOf(rest, [{ name: 'points-4326.shp', data: shp as Uint8Array, method: 9 }])),
      'zip_unsupported_compression',
      { file: 'points-4326.shp' },
    );
    await refused(
      readShapefileZip(zipOf(rest, [{ name: 'points-4326.shp', data: shp as Uint8Array, flags: 1 }])),
      'zip_encrypted',
      { file: 'points-4326.shp' },
    );
  });
});
