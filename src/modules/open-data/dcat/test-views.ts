/**
 * Hand-made catalogue views of a city's Satu Data portal, and an in-memory `CatalogReader` over
 * them, for the DCAT tests (no database: the end-to-end suite reads through the real reader).
 */
import type { CatalogReader, DatasetSearch } from '../catalog/reader.ts';
import type { CatalogDataset, CatalogResource, CatalogView } from '../catalog/view.ts';

export const PORTAL = 'https://balai.example.go.id/t/kota-tangerang';

export const catalogView: CatalogView = {
  title: 'Satu Data Kota Tangerang',
  description: 'Data sektoral Pemerintah Kota Tangerang, diperiksa walidata sebelum diterbitkan.',
  url: `${PORTAL}/open-data`,
  publisher: { name: 'Pemerintah Kota Tangerang', url: PORTAL },
  language: ['id', 'en'],
  modified: '2026-11-30T03:15:00.000Z',
};

const dinkes = {
  id: '6b0f0b0e-3f47-4c2a-8a55-0d3f3f1a0001',
  name: 'dinas-kesehatan',
  title: 'Dinas Kesehatan',
  description: 'Perangkat daerah urusan kesehatan.',
  url: `${PORTAL}/open-data/organization/dinas-kesehatan`,
};

const upload: CatalogResource = {
  id: '3f1c6a57-8d0e-4b9e-9b8f-6a2f3e1d0101',
  datasetId: '9c1d2e3f-0000-4000-8000-000000000001',
  name: 'Kasus DBD per kecamatan 2025',
  description: 'Satu baris per kecamatan dan bulan.',
  kind: 'upload',
  format: 'CSV',
  mediaType: 'text/csv',
  url: `${PORTAL}/open-data/dataset/kasus-dbd/resource/3f1c6a57/download/kasus-dbd-2025.csv`,
  byteSize: 48213,
  checksum: 'a3f5c2d1e4b6978812ab34cd56ef7890a1b2c3d4e5f60718293a4b5c6d7e8f90',
  created: '2025-02-03T02:00:00.000Z',
  modified: '2026-01-10T04:30:00.000Z',
  versions: [
    {
      version: 2,
      created: '2026-01-10T04:30:00.000Z',
      downloadUrl: `${PORTAL}/open-data/dataset/kasus-dbd/resource/3f1c6a57/v/2/kasus-dbd-2025.csv`,
      byteSize: 48213,
      checksum: 'a3f5c2d1e4b6978812ab34cd56ef7890a1b2c3d4e5f60718293a4b5c6d7e8f90',
    },
  ],
  datastoreActive: true,
  columns: [{ name: 'kecamatan', type: 'text', label: 'Kecamatan', description: null, unit: null }],
};

const link: CatalogResource = {
  ...upload,
  id: '3f1c6a57-8d0e-4b9e-9b8f-6a2f3e1d0102',
  name: 'Profil Kesehatan (BPS)',
  description: null,
  kind: 'link',
  format: 'XLSX',
  mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  url: 'https://tangerangkota.bps.go.id/statictable/2025/profil kesehatan.xlsx?tahun=2025&{x}',
  byteSize: null,
  checksum: null,
  versions: [],
  datastoreActive: false,
  columns: [],
};

/** A dataset with every field filled, an upload and a link. */
export const fullDataset: CatalogDataset = {
  id: '9c1d2e3f-0000-4000-8000-000000000001',
  name: 'kasus-dbd',
  title: 'Kasus Demam Berdarah Dengue per Kecamatan',
  description: 'Jumlah kasus DBD yang dilaporkan puskesmas, per kecamatan dan bulan.',
  url: `${PORTAL}/open-data/dataset/kasus-dbd`,
  organization: dinkes,
  publisher: catalogView.publisher,
  contact: { name: 'Seksi Surveilans Dinas Kesehatan', email: 'surveilans.dinkes@tangerangkota.go.id' },
  themes: [{ id: 't-kesehatan', name: 'kesehatan', title: 'Kesehatan', description: null }],
  keywords: ['DBD', 'demam berdarah', 'puskesmas'],
  license: {
    id: 'cc-by-4.0',
    title: 'Creative Commons Attribution 4.0',
    url: 'https://creativecommons.org/licenses/by/4.0/',
  },
  frequency: 'monthly',
  temporal: { start: '2025-01-01', end: '2025-12-31' },
  spatial: { name: 'Kota Tangerang', bbox: [106.5534, -6.2715, 106.7213, -6.1117] },
  issued: '2025-02-03T02:00:00.000Z',
  modified: '2026-01-10T04:30:00.000Z',
  sdi: {
    affairCode: '1.02',
    subAffairCode: '1.02.02',
    indicator: 'Angka kesakitan DBD',
    unit: 'kasus',
    definition: 'Kasus DBD terkonfirmasi yang dilaporkan fasilitas kesehatan.',
    releaseSchedule: 'Setiap bulan, tanggal 10',
    dataStandard: 'Standar Data Kesehatan 2024',
    classification: 'open',
    producer: 'Dinas Kesehatan',
  },
  feed: null,
  resources: [upload, link],
};

/** A dataset with nothing but what a view always has. */
export const minimalDataset: CatalogDataset = {
  ...fullDataset,
  id: '9c1d2e3f-0000-4000-8000-000000000002',
  name: 'daftar-taman',
  title: 'Daftar Taman Kota',
  description: '',
  url: `${PORTAL}/open-data/dataset/daftar-taman`,
  contact: { name: 'Dinas Perumahan dan Permukiman', email: null },
  themes: [],
  keywords: [],
  license: { id: 'notspecified', title: 'Tidak disebutkan', url: '' },
  frequency: 'irregular',
  temporal: { start: null, end: null },
  spatial: null,
  issued: '2026-03-01T00:00:00.000Z',
  modified: '2026-03-01T00:00:00.000Z',
  sdi: {
    affairCode: null,
    subAffairCode: null,
    indicator: null,
    unit: null,
    definition: null,
    releaseSchedule: null,
    dataStandard: null,
    classification: 'limited',
    producer: 'Dinas Perumahan dan Permukiman',
  },
  resources: [],
};

/** `count` more datasets (fed by an app, a link of an unknown format each), older one by one. */
export function manyDatasets(count: number): CatalogDataset[] {
  return Array.from({ length: count }, (_, i) => {
    const n = String(i + 1).padStart(4, '0');
    const modified = new Date(Date.UTC(2024, 0, 1) - i * 3_600_000).toISOString();
    return {
      ...fullDataset,
      id: `9c1d2e3f-0000-4000-8000-00000001${n}`,
      name: `harga-pasar-${n}`,
      title: `Harga Pasar ${n}`,
      url: `${PORTAL}/open-data/dataset/harga-pasar-${n}`,
      frequency: 'daily' as const,
      issued: modified,
      modified,
      sdi: { ...fullDataset.sdi, affairCode: '3.30', subAffairCode: null },
      feed: 'market-prices.daily-prices',
      resources: [
        { ...link, id: `res-${n}`, format: 'API', mediaType: null, url: `${PORTAL}/api/prices/${n}` },
      ],
    };
  });
}

/** A `CatalogReader` over views, answering what the DCAT routes ask; the rest is not used. */
export function memoryReader(catalog: CatalogView, datasets: readonly CatalogDataset[]): CatalogReader {
  const unused = () => Promise.reject(new Error('not used by the DCAT routes'));
  return {
    catalog: async () => catalog,
    async search(query: DatasetSearch) {
      const words = query.text?.toLowerCase();
      const matches = datasets
        .filter((d) => !query.modifiedSince || d.modified >= query.modifiedSince)
        .filter((d) => !words || `${d.title} ${d.description}`.toLowerCase().includes(words))
        .toSorted((a, b) => b.modified.localeCompare(a.modified));
      return {
        count: matches.length,
        datasets: matches.slice(query.offset, query.offset + query.limit),
        facets: {},
      };
    },
    dataset: async (idOrName) => datasets.find((d) => d.name === idOrName || d.id === idOrName) ?? null,
    datasetNames: unused,
    organizations: unused,
    organization: unused,
    themes: unused,
    theme: unused,
    keywords: unused,
    resource: unused,
    datastore: unused,
    datastoreSums: unused,
  };
}
