/**
 * A small published catalogue written through the staff API, as producers and the walidata make
 * one (created, uploaded, described, submitted, published): for the portal's suites and its pages
 * fixture. The figures are made up, of a plausible size.
 */
import assert from 'node:assert/strict';
import type { TestContext } from '../../../../test/support/harness.ts';
import { csvUpload, metadata } from './fixtures.ts';

const API = '/api/v1/open-data';
type Headers = Record<string, string>;

/** Kecamatan of Kota Tangerang and their population at the end of 2025. */
const KECAMATAN: readonly [string, number, number][] = [
  ['Ciledug', 151204, 8.77],
  ['Larangan', 171830, 9.4],
  ['Karang Tengah', 128911, 10.47],
  ['Cipondoh', 251347, 17.91],
  ['Pinang', 181209, 21.59],
  ['Tangerang', 167455, 15.79],
  ['Karawaci', 188342, 13.48],
  ['Cibodas', 146207, 9.61],
  ['Jatiuwung', 102338, 14.41],
  ['Periuk', 142118, 9.54],
  ['Neglasari', 118204, 16.08],
  ['Batuceper', 97540, 11.58],
  ['Benda', 89517, 5.92],
];

/** Population by kecamatan in 2024 and 2025: 26 rows, two a kecamatan (the chart shows 2025 only). */
export const POPULATION_CSV = [
  'Tahun,Kecamatan,Jumlah Penduduk,Luas (km2)',
  ...[2024, 2025].flatMap((year) =>
    KECAMATAN.map(
      ([name, people, area]) =>
        `${year},${name},${year === 2025 ? people : Math.round(people * 0.985)},${area}`,
    ),
  ),
].join('\n');

/**
 * Cipondoh in 2025: the largest bar of the population chart, which draws the latest year (adding a
 * population across two years would mean nothing).
 */
export const CIPONDOH_2025 = 251347;

export type Published = { id: string; name: string; resources: string[] };

async function call(
  t: TestContext,
  slug: string,
  headers: Headers,
  method: 'POST' | 'PUT' | 'GET',
  path: string,
  payload?: object,
) {
  const res = await t.app.inject({
    method,
    url: `/t/${slug}${API}${path}`,
    headers,
    ...(payload ? { payload } : {}),
  });
  assert.ok(
    res.statusCode === 200 || res.statusCode === 201,
    `${method} ${path}: ${res.statusCode} ${res.body}`,
  );
  return res.body ? res.json() : undefined;
}

/**
 * A dataset of `agencyId` taken to `state`: its metadata (the shared fixture's, overridden), its
 * CSV uploads (each with later versions and a dictionary), its links.
 */
export async function makeDataset(
  t: TestContext,
  slug: string,
  admin: Headers,
  options: {
    agencyId: string;
    name: string;
    metadata?: Record<string, unknown>;
    uploads?: readonly {
      csv: string;
      name?: string;
      laterVersions?: readonly string[];
      dictionary?: readonly { name: string; label: string; unit?: string; description?: string }[];
    }[];
    links?: readonly { name: string; url: string; format: string }[];
    state?: 'draft' | 'published' | 'unpublished';
  },
): Promise<Published> {
  const d = await call(t, slug, admin, 'POST', '/datasets', {
    ...metadata,
    ...options.metadata,
    agencyId: options.agencyId,
    name: options.name,
  });
  const resources: string[] = [];
  for (const upload of options.uploads ?? []) {
    const send = async (path: string, csv: string) => {
      const form = csvUpload(csv, upload.name ? { name: upload.name } : {});
      const res = await t.app.inject({
        method: 'POST',
        url: `/t/${slug}${API}${path}`,
        headers: { ...admin, ...form.headers },
        payload: form.payload,
      });
      assert.equal(res.statusCode, 201, `upload to ${path}: ${res.body}`);
      return res.json();
    };
    const resource = await send(`/datasets/${d.id}/uploads`, upload.csv);
    for (const later of upload.laterVersions ?? []) await send(`/resources/${resource.id}/versions`, later);
    if (upload.dictionary) {
      await call(t, slug, admin, 'PUT', `/resources/${resource.id}/dictionary`, {
        columns: upload.dictionary,
      });
    }
    resources.push(resource.id);
  }
  for (const link of options.links ?? []) {
    resources.push((await call(t, slug, admin, 'POST', `/datasets/${d.id}/links`, link)).id);
  }
  const state = options.state ?? 'published';
  if (state !== 'draft') {
    await call(t, slug, admin, 'POST', `/datasets/${d.id}/submit`);
    await call(t, slug, admin, 'POST', `/datasets/${d.id}/publish`);
  }
  if (state === 'unpublished') await call(t, slug, admin, 'POST', `/datasets/${d.id}/unpublish`);
  return { id: d.id, name: options.name, resources };
}

/** The population dataset the portal's suites look at: 26 rows in two versions, described. */
export function populationDataset(agencyId: string) {
  return {
    agencyId,
    name: 'penduduk-kecamatan',
    metadata: {
      releaseSchedule: 'Maret setiap tahun',
      definition: 'Penduduk yang tercatat dalam dokumen kependudukan pada akhir tahun.',
      dataStandard: 'Standar Data Kependudukan',
    },
    uploads: [
      {
        name: 'Penduduk per kecamatan 2024–2025',
        // The first version had 2025 only; the second added 2024.
        csv: POPULATION_CSV.split('\n')
          .filter((line, i) => i === 0 || line.startsWith('2025'))
          .join('\n'),
        laterVersions: [POPULATION_CSV],
        dictionary: [
          {
            name: 'jumlah_penduduk',
            label: 'Jumlah Penduduk',
            unit: 'jiwa',
            description: 'Penduduk menurut dokumen kependudukan, akhir tahun',
          },
          { name: 'luas_km2', label: 'Luas wilayah', unit: 'km²' },
        ],
      },
    ],
  } as const;
}
