import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { AppError } from '../errors.ts';
import {
  type Area,
  bboxOf,
  checkArea,
  containsPoint,
  inBBox,
  MAX_AREA_POSITIONS,
  type Position,
  parseArea,
} from './area.ts';

/** A closed axis-aligned ring from (west, south) to (east, north), counter-clockwise. */
const box = (west: number, south: number, east: number, north: number): Position[] => [
  [west, south],
  [east, south],
  [east, north],
  [west, north],
  [west, south],
];

/** A 10 × 10 degree square with a 2 × 2 hole in its middle. */
const WITH_HOLE: Area = { type: 'Polygon', coordinates: [box(0, 0, 10, 10), box(4, 4, 6, 6)] };

/** Two islands, the second with a hole (an atoll). */
const ISLANDS: Area = {
  type: 'MultiPolygon',
  coordinates: [[box(0, 0, 1, 1)], [box(5, 5, 8, 8), box(6, 6, 7, 7)]],
};

const EPS = 1e-9;

describe('containsPoint', () => {
  test('inside the outline and outside the hole', () => {
    assert.equal(containsPoint(WITH_HOLE, 1, 1), true);
    assert.equal(containsPoint(WITH_HOLE, 8, 2), true);
    assert.equal(containsPoint(WITH_HOLE, 5, 5), false, 'in the hole');
    assert.equal(containsPoint(WITH_HOLE, 11, 5), false, 'north of the outline');
    assert.equal(containsPoint(WITH_HOLE, 5, -1), false, 'west of the outline');
  });

  test('the argument order is latitude, then longitude', () => {
    const tall: Area = { type: 'Polygon', coordinates: [box(0, 0, 1, 10)] };
    assert.equal(containsPoint(tall, 5, 0.5), true);
    assert.equal(containsPoint(tall, 0.5, 5), false);
  });

  test('on an edge or a vertex counts as inside, of the outline and of a hole', () => {
    assert.equal(containsPoint(WITH_HOLE, 0, 5), true, 'south edge');
    assert.equal(containsPoint(WITH_HOLE, 5, 10), true, 'east edge');
    assert.equal(containsPoint(WITH_HOLE, 10, 10), true, 'a vertex');
    assert.equal(containsPoint(WITH_HOLE, 4, 5), true, 'the hole’s edge is the area’s boundary');
    assert.equal(containsPoint(WITH_HOLE, 6, 6), true, 'a vertex of the hole');
  });

  test('just beside an edge is decided by the side', () => {
    assert.equal(containsPoint(WITH_HOLE, -EPS, 5), false, 'just south of the outline');
    assert.equal(containsPoint(WITH_HOLE, EPS, 5), true, 'just inside the outline');
    assert.equal(containsPoint(WITH_HOLE, 5, 10 + EPS), false, 'just east of the outline');
    assert.equal(containsPoint(WITH_HOLE, 4 + EPS, 5), false, 'just inside the hole');
    assert.equal(containsPoint(WITH_HOLE, 4 - EPS, 5), true, 'just outside the hole');
  });

  test('a slanted edge with real-world coordinates, either side by a few centimetres', () => {
    // The edge from (106.60, -6.25) to (106.70, -6.15): its midpoint, and 1e-7° (~1 cm) either side.
    const area: Area = {
      type: 'Polygon',
      coordinates: [
        [
          [106.6, -6.25],
          [106.7, -6.15],
          [106.6, -6.15],
          [106.6, -6.25],
        ],
      ],
    };
    assert.equal(containsPoint(area, -6.2 + 1e-7, 106.65), true, 'north-west of the edge: inside');
    assert.equal(containsPoint(area, -6.2 - 1e-7, 106.65), false, 'south-east of the edge: outside');
  });

  test('exactly on a slanted edge', () => {
    const triangle: Area = {
      type: 'Polygon',
      coordinates: [
        [
          [0, 0],
          [2, 1],
          [0, 1],
          [0, 0],
        ],
      ],
    };
    assert.equal(containsPoint(triangle, 0.5, 1), true);
    assert.equal(containsPoint(triangle, 0.5 - EPS, 1), false);
  });

  test('a ray through a vertex does not count the vertex twice', () => {
    const diamond: Area = {
      type: 'Polygon',
      coordinates: [
        [
          [0, -1],
          [1, 0],
          [0, 1],
          [-1, 0],
          [0, -1],
        ],
      ],
    };
    assert.equal(containsPoint(diamond, 0, 0), true);
    assert.equal(containsPoint(diamond, 0, -2), false, 'level with two vertices, to the west');
    assert.equal(containsPoint(diamond, 0, 2), false, 'level with two vertices, to the east');
    assert.equal(containsPoint(diamond, 1, -0.5), false, 'level with the top vertex');
  });

  test('a concave outline: the notch is outside', () => {
    const u: Area = {
      type: 'Polygon',
      coordinates: [
        [
          [0, 0],
          [3, 0],
          [3, 3],
          [2, 3],
          [2, 1],
          [1, 1],
          [1, 3],
          [0, 3],
          [0, 0],
        ],
      ],
    };
    assert.equal(containsPoint(u, 2, 1.5), false, 'in the notch');
    assert.equal(containsPoint(u, 2, 0.5), true, 'left arm');
    assert.equal(containsPoint(u, 0.5, 1.5), true, 'the base');
  });

  test('a multipolygon: either island, not the sea between, not the atoll’s lagoon', () => {
    assert.equal(containsPoint(ISLANDS, 0.5, 0.5), true);
    assert.equal(containsPoint(ISLANDS, 5.5, 5.5), true);
    assert.equal(containsPoint(ISLANDS, 3, 3), false, 'between the islands');
    assert.equal(containsPoint(ISLANDS, 6.5, 6.5), false, 'in the lagoon');
    assert.equal(containsPoint(ISLANDS, 7.5, 6.5), true, 'on the atoll’s ring');
  });

  test('a clockwise outline answers the same', () => {
    const clockwise: Area = { type: 'Polygon', coordinates: [box(0, 0, 10, 10).reverse()] };
    assert.equal(containsPoint(clockwise, 5, 5), true);
    assert.equal(containsPoint(clockwise, 11, 5), false);
  });

  test('a point that is not a number is nowhere', () => {
    assert.equal(containsPoint(WITH_HOLE, Number.NaN, 1), false);
    assert.equal(containsPoint(WITH_HOLE, 1, Number.POSITIVE_INFINITY), false);
  });
});

describe('checkArea', () => {
  const problem = (value: unknown) => {
    const check = checkArea(value);
    assert.equal(check.ok, false, `accepted ${JSON.stringify(value).slice(0, 80)}`);
    return check.ok ? undefined : { code: check.code, ...check.params };
  };

  test('a valid polygon is copied with only its type and [lng, lat] positions, and bounded', () => {
    const check = checkArea({
      type: 'Polygon',
      bbox: [0, 0, 1, 1],
      properties: { name: 'ignored' },
      coordinates: [
        [
          [106.57, -6.27, 12],
          [106.73, -6.27, 12],
          [106.73, -6.12, 30],
          [106.57, -6.27, 12],
        ],
      ],
    });
    assert.ok(check.ok);
    assert.deepEqual(check.area, {
      type: 'Polygon',
      coordinates: [
        [
          [106.57, -6.27],
          [106.73, -6.27],
          [106.73, -6.12],
          [106.57, -6.27],
        ],
      ],
    });
    assert.deepEqual(check.bbox, [106.57, -6.27, 106.73, -6.12]);
    assert.deepEqual(bboxOf(check.area), check.bbox);
  });

  test('a multipolygon’s box covers every island', () => {
    const check = checkArea(ISLANDS);
    assert.ok(check.ok);
    assert.deepEqual(check.bbox, [0, 0, 8, 8]);
    assert.deepEqual(bboxOf(ISLANDS), [0, 0, 8, 8]);
    assert.equal(inBBox(check.bbox, 4, 4), true, 'the box holds the sea between');
    assert.equal(inBBox(check.bbox, 8, 8), true);
    assert.equal(inBBox(check.bbox, 8.1, 4), false);
  });

  test('only a Polygon or MultiPolygon geometry', () => {
    assert.deepEqual(problem(null), { code: 'area_type' });
    assert.deepEqual(problem('POLYGON((0 0, 1 0, 1 1, 0 0))'), { code: 'area_type' });
    assert.deepEqual(problem([box(0, 0, 1, 1)]), { code: 'area_type' });
    assert.deepEqual(problem({ type: 'Point', coordinates: [106.6, -6.2] }), { code: 'area_type' });
    assert.deepEqual(problem({ type: 'polygon', coordinates: [box(0, 0, 1, 1)] }), { code: 'area_type' });
    assert.deepEqual(problem({ type: 'Feature', geometry: WITH_HOLE, properties: {} }), {
      code: 'area_type',
    });
  });

  test('coordinates nested as the type requires', () => {
    assert.deepEqual(problem({ type: 'Polygon' }), { code: 'area_shape', at: '/coordinates' });
    assert.deepEqual(problem({ type: 'Polygon', coordinates: [] }), {
      code: 'area_shape',
      at: '/coordinates',
    });
    assert.deepEqual(problem({ type: 'MultiPolygon', coordinates: [] }), {
      code: 'area_shape',
      at: '/coordinates',
    });
    assert.deepEqual(problem({ type: 'Polygon', coordinates: box(0, 0, 1, 1) }), {
      code: 'area_shape',
      at: '/coordinates/0/0',
    });
    assert.deepEqual(problem({ type: 'Polygon', coordinates: [[box(0, 0, 1, 1)]] }), {
      code: 'area_shape',
      at: '/coordinates/0/0',
    });
    assert.deepEqual(problem({ type: 'MultiPolygon', coordinates: [box(0, 0, 1, 1)] }), {
      code: 'area_shape',
      at: '/coordinates/0/0/0',
    });
  });

  test('rings are closed, of four positions at least, and enclose something', () => {
    assert.deepEqual(
      problem({
        type: 'Polygon',
        coordinates: [
          [
            [0, 0],
            [1, 0],
            [1, 1],
            [0, 1],
          ],
        ],
      }),
      { code: 'area_ring_open', at: '/coordinates/0' },
    );
    assert.deepEqual(
      problem({
        type: 'Polygon',
        coordinates: [
          [
            [0, 0],
            [1, 0],
            [0, 0],
          ],
        ],
      }),
      { code: 'area_ring_short', at: '/coordinates/0' },
    );
    assert.deepEqual(
      problem({
        type: 'Polygon',
        coordinates: [
          [
            [0, 0],
            [1, 1],
            [2, 2],
            [0, 0],
          ],
        ],
      }),
      { code: 'area_ring_empty', at: '/coordinates/0' },
    );
    assert.deepEqual(
      problem({ type: 'MultiPolygon', coordinates: [[box(0, 0, 1, 1)], [box(2, 2, 3, 3), [[2.5, 2.5]]]] }),
      { code: 'area_ring_short', at: '/coordinates/1/1' },
    );
  });

  test('positions are [longitude, latitude] numbers within range', () => {
    const withPosition = (p: unknown) => ({
      type: 'Polygon',
      coordinates: [[[0, 0], [1, 0], p, [0, 0]]],
    });
    const at = { code: 'area_position', at: '/coordinates/0/2' };
    assert.deepEqual(problem(withPosition([181, 0])), at);
    assert.deepEqual(problem(withPosition([-180.5, 0])), at);
    assert.deepEqual(problem(withPosition([0, 90.01])), at);
    assert.deepEqual(problem(withPosition([0, -91])), at);
    assert.deepEqual(problem(withPosition(['1', '1'])), at, 'strings are not numbers');
    assert.deepEqual(problem(withPosition([1])), at);
    assert.deepEqual(problem(withPosition([1, 1, 1, 1])), at);
    assert.deepEqual(problem(withPosition([1, null])), at);
    assert.ok(checkArea(withPosition([180, 90])).ok, 'the limits themselves are allowed');
    assert.ok(checkArea(withPosition([1, 1, 100])).ok, 'an altitude is allowed (and dropped)');
  });

  test(`at most ${MAX_AREA_POSITIONS} positions in all`, () => {
    const circle = (n: number, cx: number): Position[] => {
      const ring: Position[] = [];
      for (let i = 0; i < n; i++) {
        const a = (2 * Math.PI * i) / n;
        ring.push([cx + Math.cos(a), Math.sin(a)]);
      }
      ring.push(ring[0]!);
      return ring;
    };
    // Two rings of 10,000 positions each (closing position included) are exactly the limit.
    const atLimit = { type: 'MultiPolygon', coordinates: [[circle(9_999, 0)], [circle(9_999, 5)]] };
    const check = checkArea(atLimit);
    assert.ok(check.ok);
    assert.equal(containsPoint(check.area, 0, 5), true);
    assert.equal(containsPoint(check.area, 0, 2.5), false);
    assert.deepEqual(
      problem({ type: 'MultiPolygon', coordinates: [[circle(9_999, 0)], [circle(10_000, 5)]] }),
      {
        code: 'area_too_large',
        limit: MAX_AREA_POSITIONS,
      },
    );
  });
});

test('parseArea refuses with a field error on the given path', () => {
  assert.deepEqual(parseArea(WITH_HOLE), WITH_HOLE);
  assert.throws(
    () => parseArea({ type: 'Polygon', coordinates: [[[0, 0]]] }),
    (error: unknown) => {
      assert.ok(error instanceof AppError);
      assert.equal(error.status, 400);
      assert.deepEqual(error.fields, [
        { path: '/body/area', code: 'area_ring_short', params: { at: '/coordinates/0' } },
      ]);
      return true;
    },
  );
  assert.throws(
    () => parseArea({ type: 'Point' }, '/area'),
    (error: unknown) => error instanceof AppError && error.fields[0]?.path === '/area',
  );
});
