/** The GeoJSON reader: what it keeps, and each way a file is refused, with the feature's number. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { readGeoJson } from './geojson.ts';
import { readLayerFile } from './index.ts';
import { LayerFileError } from './layer-file.ts';

const fc = (...features: object[]) => JSON.stringify({ type: 'FeatureCollection', features });
const point = (coordinates: unknown, properties: object = {}) => ({
  type: 'Feature',
  geometry: { type: 'Point', coordinates },
  properties,
});
const refused = (text: string, code: string, params: object = {}) =>
  assert.throws(
    () => readGeoJson(text),
    (e: unknown) =>
      e instanceof LayerFileError &&
      e.code === code &&
      Object.entries(params).every(([k, v]) => e.params[k] === v),
  );

describe('GeoJSON reader', () => {
  test('reads a collection, a single feature and a bare geometry', () => {
    const layer = readGeoJson(fc(point([106.63, -6.18], { nama: 'Puskesmas' }), point([106.7, -6.2])));
    assert.equal(layer.features.length, 2);
    assert.deepEqual(layer.features[0]!.properties, { nama: 'Puskesmas' });
    assert.equal(readGeoJson(JSON.stringify(point([1, 2]))).features.length, 1);
    const bare = readGeoJson('{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,0]]]}');
    assert.equal(bare.features[0]!.geometry.type, 'Polygon');
  });

  test('refuses what is not GeoJSON', () => {
    refused('{"type": ', 'json_invalid');
    refused('{"hello": 1}', 'geojson_type');
    refused('{"type":"FeatureCollection","features":[]}', 'empty');
  });

  test('refuses broken geometry, naming the feature (counted from 1)', () => {
    const ok = point([106.6, -6.2]);
    refused(fc(ok, { type: 'Feature', geometry: null, properties: {} }), 'geometry_missing', { feature: 2 });
    refused(fc(ok, ok, point(['a', 2])), 'position_invalid', { feature: 3 });
    refused(fc(point([500000, 9300000])), 'position_out_of_range', { feature: 1 });
    refused(
      fc(ok, { type: 'Feature', geometry: { type: 'Circle', coordinates: [0, 0] }, properties: {} }),
      'geometry_type',
      {
        feature: 2,
      },
    );
    const open = {
      type: 'Polygon',
      coordinates: [
        [
          [0, 0],
          [1, 0],
          [1, 1],
          [0, 1],
        ],
      ],
    };
    refused(fc(ok, { type: 'Feature', geometry: open, properties: {} }), 'ring_open', { feature: 2 });
    const short = {
      type: 'Polygon',
      coordinates: [
        [
          [0, 0],
          [1, 0],
          [0, 0],
        ],
      ],
    };
    refused(fc({ type: 'Feature', geometry: short, properties: {} }), 'geometry_invalid', { feature: 1 });
    refused(
      fc({ type: 'Feature', geometry: { type: 'LineString', coordinates: [[0, 0]] }, properties: {} }),
      'geometry_invalid',
    );
    refused(
      fc({ type: 'Feature', geometry: { type: 'Point', coordinates: [0, 0] }, properties: [1] }),
      'properties_invalid',
    );
  });

  test('bounds the number of features', () => {
    const many = JSON.stringify({
      type: 'FeatureCollection',
      features: Array.from({ length: 50_001 }, () => point([0, 0])),
    });
    refused(many, 'too_many_features', { limit: 50_000 });
  });

  test('the dispatcher reads each kind by its content and names the layer after the file', async () => {
    const layer = await readLayerFile(Buffer.from(`\uFEFF ${fc(point([1, 2]))}`), 'data/puskesmas.json');
    assert.equal(layer.name, 'puskesmas');
    const zip = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0]);
    // A ZIP goes to the Shapefile reader, XML to the KML reader: each says what is wrong.
    await assert.rejects(
      readLayerFile(zip, 'a.zip'),
      (e: unknown) => e instanceof LayerFileError && e.code === 'zip_corrupt',
    );
    await assert.rejects(readLayerFile(Buffer.from('<?xml version="1.0"?><kml/>'), 'a.kml'), {
      code: 'layer_empty',
    });
    await assert.rejects(readLayerFile(Buffer.from('id,nama\n1,x'), 'a.csv'), { code: 'format_unknown' });
  });
});
