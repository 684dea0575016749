/**
 * The KML/KMZ reader against a file GDAL's LIBKML driver wrote (fixtures/make-fixtures.sh), the
 * shapes of KML people write by hand or in Google Earth, hostile XML, and every refusal by its code.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import type { GeometryCollection, LineString, MultiPoint, Polygon, Position } from 'geojson';
import { buildZip } from '../../../../test/support/zip-writer.ts';
import { KML_LIMITS, readKml } from './kml.ts';
import { LayerFileError } from './layer-file.ts';
import { layerFileMessages } from './messages.ts';

const fixture = (name: string) =>
  new Uint8Array(readFileSync(new URL(`./fixtures/${name}`, import.meta.url)));
const utf8 = (text: string) => new TextEncoder().encode(text);
const kml = (body: string) =>
  utf8(
    `<?xml version="1.0" encoding="UTF-8"?>\n<kml xmlns="http://www.opengis.net/kml/2.2"><Document>${body}</Document></kml>`,
  );

async function refused(promise: Promise<unknown>, code: string, params?: Record<string, string | number>) {
  await assert.rejects(promise, (error: unknown) => {
    assert.ok(error instanceof LayerFileError, `a LayerFileError, not ${String(error)}`);
    assert.equal(error.code, code);
    if (params) assert.deepEqual(error.params, params);
    assert.ok(code in layerFileMessages.en && code in layerFileMessages.id, `words for ${code}`);
    return true;
  });
}

function signedArea(ring: Position[]): number {
  let sum = 0;
  for (let i = 1; i < ring.length; i++) {
    const [ax, ay] = ring[i - 1] as [number, number];
    const [bx, by] = ring[i] as [number, number];
    sum += ax * by - bx * ay;
  }
  return sum;
}

describe('readKml: what GIS tools write', () => {
  it('reads the KML GDAL wrote: document name, MultiGeometry, polygon with a hole, ExtendedData', async () => {
    const layer = await readKml(fixture('multigeometry.kml'));
    assert.equal(layer.name, 'Fasilitas umum');
    assert.equal(layer.features.length, 3);
    const [school, road, posts] = layer.features;
    assert.deepEqual(school?.properties, {
      name: 'Kompleks sekolah',
      description: 'Gedung dan lapangan',
      jenjang: 'SMP',
    });
    const collection = school?.geometry as GeometryCollection;
    assert.equal(collection.type, 'GeometryCollection');
    assert.deepEqual(
      collection.geometries.map((g) => g.type),
      ['Point', 'Polygon'],
    );
    const polygon = collection.geometries[1] as Polygon;
    assert.equal(polygon.coordinates.length, 2, 'outer ring and hole');
    assert.ok(signedArea(polygon.coordinates[0] as Position[]) > 0);
    assert.ok(signedArea(polygon.coordinates[1] as Position[]) < 0);
    assert.deepEqual(polygon.coordinates[1]?.[0], [106.605, -6.195, 0]);
    const line = road?.geometry as LineString;
    assert.equal(line.type, 'LineString');
    assert.deepEqual(line.coordinates[1], [106.63, -6.215, 0]);
    // a MultiGeometry of points only is a MultiPoint
    assert.deepEqual(posts?.geometry as MultiPoint, {
      type: 'MultiPoint',
      coordinates: [
        [106.64, -6.22, 0],
        [106.65, -6.23, 0],
      ],
    });
  });

  it('reads Data, description and nested Folders as Google Earth writes them', async () => {
    const layer = await readKml(
      kml(`<name>Titik banjir</name>
        <Folder><name>Kecamatan Ciledug</name>
          <Folder><name>2026</name>
            <Placemark><name>Perumahan Puri Kartika</name>
              <description><![CDATA[<b>Tinggi air</b> 40 cm]]></description>
              <ExtendedData><Data name="tinggi_cm"><value>40</value></Data><Data name="tanggal"><value>2026-01-14</value></Data></ExtendedData>
              <Point><coordinates>106.7102,-6.2265,0</coordinates></Point>
            </Placemark>
          </Folder>
        </Folder>`),
    );
    assert.equal(layer.name, 'Titik banjir');
    assert.equal(layer.features.length, 1);
    const properties = layer.features[0]?.properties;
    assert.equal(properties?.name, 'Perumahan Puri Kartika');
    assert.equal(properties?.description, '<b>Tinggi air</b> 40 cm');
    assert.equal(properties?.tinggi_cm, '40');
    assert.equal(properties?.tanggal, '2026-01-14');
    assert.deepEqual(layer.features[0]?.geometry, { type: 'Point', coordinates: [106.7102, -6.2265, 0] });
  });

  it('winds a clockwise outer ring counterclockwise (RFC 7946) and keeps a layer without a name nameless', async () => {
    const layer = await readKml(
      utf8(`<kml xmlns="http://www.opengis.net/kml/2.2"><Placemark><Polygon><outerBoundaryIs><LinearRing><coordinates>
        106.6,-6.2 106.6,-6.18 106.62,-6.18 106.62,-6.2 106.6,-6.2</coordinates></LinearRing></outerBoundaryIs></Polygon></Placemark></kml>`),
    );
    assert.equal(layer.name, undefined);
    const polygon = layer.features[0]?.geometry as Polygon;
    const ring = polygon.coordinates[0] as Position[];
    assert.ok(signedArea(ring) > 0);
  });

  it('reads a gx:Track (a GPS trace from Google Earth) as a line', async () => {
    const layer = await readKml(
      utf8(`<kml xmlns="http://www.opengis.net/kml/2.2" xmlns:gx="http://www.google.com/kml/ext/2.2"><Document>
        <Placemark><name>Patroli</name><gx:Track>
          <when>2026-11-02T08:00:00Z</when><when>2026-11-02T08:05:00Z</when>
          <gx:coord>106.63 -6.18 0</gx:coord><gx:coord>106.64 -6.19 0</gx:coord>
        </gx:Track></Placemark></Document></kml>`),
    );
    assert.deepEqual(layer.features[0]?.geometry, {
      type: 'LineString',
      coordinates: [
        [106.63, -6.18, 0],
        [106.64, -6.19, 0],
      ],
    });
  });

  it('reads Placemarks only: a GroundOverlay’s and a NetworkLink’s boxes are not features', async () => {
    const layer = await readKml(
      kml(`<Placemark><name>Balai kota</name><Point><coordinates>106.63,-6.18</coordinates></Point></Placemark>
        <GroundOverlay><name>Foto udara</name><Icon><href>foto.jpg</href></Icon>
          <LatLonBox><north>-6.1</north><south>-6.2</south><east>106.7</east><west>106.6</west></LatLonBox></GroundOverlay>
        <NetworkLink><name>Lain</name><Region><LatLonAltBox><north>-6.1</north><south>-6.2</south><east>106.7</east><west>106.6</west></LatLonAltBox></Region>
          <Link><href>https://contoh.test/lain.kml</href></Link></NetworkLink>`),
    );
    assert.deepEqual(
      layer.features.map((feature) => feature.properties?.name),
      ['Balai kota'],
    );
  });

  it('accepts "<!DOCTYPE" as text inside a description (only a prolog DOCTYPE is refused)', async () => {
    const layer = await readKml(
      kml(`<Placemark><description><![CDATA[<!DOCTYPE html><p>Lihat situs</p>]]></description>
        <Point><coordinates>106.63,-6.18</coordinates></Point></Placemark>`),
    );
    assert.equal(layer.features[0]?.properties?.description, '<!DOCTYPE html><p>Lihat situs</p>');
  });

  it('reads a KML in the ISO-8859-1 its declaration names', async () => {
    const text = `<?xml version="1.0" encoding="ISO-8859-1"?><kml><Document><name>Café</name><Placemark><name>Señora</name><Point><coordinates>106.63,-6.18</coordinates></Point></Placemark></Document></kml>`;
    const layer = await readKml(new Uint8Array(Buffer.from(text, 'latin1')));
    assert.equal(layer.name, 'Café');
    assert.equal(layer.features[0]?.properties?.name, 'Señora');
  });

  it('reads a KMZ: its doc.kml, else its first .kml', async () => {
    const doc = fixture('multigeometry.kml');
    const kmz = buildZip([
      { name: 'files/ikon.png', data: new Uint8Array([137, 80, 78, 71]) },
      { name: 'doc.kml', data: doc },
    ]);
    const layer = await readKml(kmz);
    assert.equal(layer.name, 'Fasilitas umum');
    assert.equal(layer.features.length, 3);
    const other = buildZip([{ name: 'Peta/fasilitas.kml', data: doc }]);
    assert.equal((await readKml(other)).features.length, 3);
  });
});

describe('readKml: hostile XML', () => {
  it('refuses the billion laughs entity bomb before parsing, at once', async () => {
    const started = performance.now();
    await refused(readKml(fixture('entity-bomb.kml')), 'kml_doctype');
    assert.ok(performance.now() - started < 1000);
  });

  it('refuses an external entity (XXE)', async () => {
    await refused(readKml(fixture('external-entity.kml')), 'kml_doctype');
  });

  it('refuses a DOCTYPE hidden after comments and processing instructions', async () => {
    await refused(
      readKml(
        utf8(
          '<?xml version="1.0"?>\n<!-- <kml> -->\n<?proses ya?>\n<!doctype kml SYSTEM "http://contoh.test/kml.dtd">\n<kml/>',
        ),
      ),
      'kml_doctype',
    );
  });

  it('refuses an entity reference the document does not define (xmldom would drop it)', async () => {
    await refused(
      readKml(
        kml(
          '<Placemark><name>&rahasia;</name><Point><coordinates>106.63,-6.18</coordinates></Point></Placemark>',
        ),
      ),
      'kml_invalid_xml',
      { line: 2 },
    );
  });

  it('refuses XML that is not well-formed, saying near which line (xmldom names the unclosed tag’s)', async () => {
    await refused(readKml(utf8('<kml>\n<Document>\n<Placemark>\n</Document></kml>')), 'kml_invalid_xml', {
      line: 3,
    });
  });

  it('refuses XML that is not KML, and a KMZ without KML', async () => {
    await refused(
      readKml(utf8('<?xml version="1.0"?><gpx version="1.1"><wpt lat="-6.1" lon="106.6"/></gpx>')),
      'kml_not_kml',
    );
    await refused(readKml(buildZip([{ name: 'catatan.txt', data: utf8('hai') }])), 'kmz_no_kml');
  });

  it('refuses bytes that are not in the encoding declared, and an encoding it does not know', async () => {
    await refused(
      readKml(new Uint8Array(Buffer.from('<kml><Document><name>Café</name></Document></kml>', 'latin1'))),
      'kml_bad_encoding',
      {
        encoding: 'utf-8',
      },
    );
    await refused(readKml(utf8('<?xml version="1.0" encoding="x-klingon"?><kml/>')), 'kml_unknown_encoding', {
      encoding: 'x-klingon',
    });
  });

  it('bounds the KML’s size, and a KMZ’s inflated size', async () => {
    assert.equal(KML_LIMITS.bytes, 32 * 1024 * 1024);
    const doc = fixture('multigeometry.kml');
    await refused(readKml(doc, { ...KML_LIMITS, bytes: 1000 }), 'kml_too_large', { max: 0 });
    const bomb = buildZip([{ name: 'doc.kml', data: new Uint8Array(40 * 1024 * 1024) }]);
    await refused(readKml(bomb), 'zip_too_large', { max: 32 });
  });
});

describe('readKml: layers that are not layers', () => {
  it('refuses a Placemark without a geometry by its number', async () => {
    await refused(
      readKml(
        kml(`<Placemark><name>Ada</name><Point><coordinates>106.63,-6.18</coordinates></Point></Placemark>
             <Placemark><name>Catatan saja</name><description>tanpa lokasi</description></Placemark>`),
      ),
      'layer_null_geometry',
      { feature: 2 },
    );
  });

  it('refuses coordinates that are not longitude, latitude (UTM numbers in a KML)', async () => {
    await refused(
      readKml(kml('<Placemark><Point><coordinates>683312.5,9310229.1</coordinates></Point></Placemark>')),
      'layer_coordinates_out_of_range',
      { feature: 1 },
    );
  });

  it('refuses coordinates it cannot read, rather than drop them as togeojson would', async () => {
    const line = (coordinates: string) =>
      readKml(
        kml(`<Placemark><LineString><coordinates>${coordinates}</coordinates></LineString></Placemark>`),
      );
    await refused(line('106.63,-6.18 timur,selatan 106.64,-6.19'), 'kml_bad_coordinates', {
      value: 'timur,selatan',
    });
    await refused(line('106.63, -6.18 106.64, -6.19'), 'kml_bad_coordinates', { value: '106.63,' });
    await refused(line('106.63,-6.18 106.64'), 'kml_bad_coordinates', { value: '106.64' });
    const read = await line('\n  106.63,-6.18,0\n  1.0664e2,-6.19  \n');
    assert.deepEqual(read.features[0]?.geometry, {
      type: 'LineString',
      coordinates: [
        [106.63, -6.18, 0],
        [106.64, -6.19],
      ],
    });
  });

  it('refuses an empty document, and bounds features and positions', async () => {
    await refused(readKml(kml('<name>Kosong</name>')), 'layer_empty');
    const doc = fixture('multigeometry.kml');
    await refused(readKml(doc, { ...KML_LIMITS, features: 2 }), 'layer_too_many_features', { max: 2 });
    // 1 + 10 (a ring of 5 and a hole of 5) + 3 + 2 positions
    await refused(readKml(doc, { ...KML_LIMITS, positions: 15 }), 'layer_too_many_positions', { max: 15 });
    assert.equal((await readKml(doc, { ...KML_LIMITS, positions: 16 })).features.length, 3);
  });
});
