/**
 * A small published catalogue of a city, in memory, behind the `CatalogReader` contract: the CKAN
 * API's tests read it, and so do the API reference's examples. Its search follows the contract
 * literally (filters AND, facets over every match, `score desc` as newest first without a text),
 * so a test that passes here asks of `catalog/read.ts` only what the contract promises.
 */
import { AppError } from '../../../platform/sdk/index.ts';
import type {
  CatalogReader,
  DatasetPage,
  DatasetSearch,
  DatastorePage,
  DatastoreQuery,
  FacetCount,
  FacetField,
} from '../catalog/reader.ts';
import type {
  CatalogColumn,
  CatalogDataset,
  CatalogOrganization,
  CatalogResource,
  CatalogTheme,
  CatalogView,
} from '../catalog/view.ts';

export const SITE = 'https://data.tangerangkota.go.id';
const PORTAL = `${SITE}/t/kota-tangerang`;

export const CATALOG: CatalogView = {
  title: 'Satu Data Kota Tangerang',
  description: 'Data sektoral perangkat daerah Kota Tangerang, diperiksa walidata sebelum terbit.',
  url: `${PORTAL}/open-data`,
  publisher: { name: 'Pemerintah Kota Tangerang', url: PORTAL },
  language: ['id'],
  modified: '2026-12-05T08:30:00.000Z',
};

const org = (id: string, name: string, title: string, description: string | null): CatalogOrganization => ({
  id,
  name,
  title,
  description,
  url: `${PORTAL}/open-data/organisasi/${name}`,
});

export const DINKES = org(
  '0b9c1a52-6f1e-4c0e-9a43-1d2f3e4a5b01',
  'dinas-kesehatan',
  'Dinas Kesehatan',
  'Urusan kesehatan: puskesmas, imunisasi, gizi.',
);
export const DISDIK = org(
  '0b9c1a52-6f1e-4c0e-9a43-1d2f3e4a5b02',
  'dinas-pendidikan',
  'Dinas Pendidikan',
  'Urusan pendidikan dasar dan PAUD.',
);
export const DISPERINDAG = org(
  '0b9c1a52-6f1e-4c0e-9a43-1d2f3e4a5b03',
  'dinas-perindustrian-perdagangan',
  'Dinas Perindustrian dan Perdagangan',
  'Harga bahan pokok dan pasar rakyat.',
);
export const DISDUKCAPIL = org(
  '0b9c1a52-6f1e-4c0e-9a43-1d2f3e4a5b04',
  'dinas-kependudukan-pencatatan-sipil',
  'Dinas Kependudukan dan Pencatatan Sipil',
  null,
);

const theme = (id: string, name: string, title: string): CatalogTheme => ({
  id,
  name,
  title,
  description: null,
});
export const KESEHATAN = theme('5d1e0c4b-2a9f-4b7e-8c61-7a0b1c2d3e01', 'kesehatan', 'Kesehatan');
export const PENDIDIKAN = theme('5d1e0c4b-2a9f-4b7e-8c61-7a0b1c2d3e02', 'pendidikan', 'Pendidikan');
export const PERDAGANGAN = theme('5d1e0c4b-2a9f-4b7e-8c61-7a0b1c2d3e03', 'perdagangan', 'Perdagangan');
export const KEPENDUDUKAN = theme('5d1e0c4b-2a9f-4b7e-8c61-7a0b1c2d3e04', 'kependudukan', 'Kependudukan');

const CC_BY = {
  id: 'CC-BY-4.0',
  title: 'Creative Commons Attribution 4.0',
  url: 'https://creativecommons.org/licenses/by/4.0/',
};
const ODBL = {
  id: 'odc-odbl',
  title: 'Open Data Commons Open Database License (ODbL)',
  url: 'http://www.opendefinition.org/licenses/odc-odbl',
};

const PRICE_COLUMNS: CatalogColumn[] = [
  { name: 'tanggal', type: 'date', label: 'Tanggal', description: 'Hari pencatatan harga', unit: null },
  { name: 'pasar', type: 'text', label: 'Pasar', description: 'Nama pasar rakyat', unit: null },
  {
    name: 'komoditas',
    type: 'text',
    label: 'Komoditas',
    description: 'Bahan pokok yang dicatat',
    unit: null,
  },
  { name: 'harga', type: 'int', label: 'Harga', description: 'Harga eceran rata-rata', unit: 'Rp/kg' },
];

export const PRICE_ROWS: Record<string, string | number | null>[] = [
  ['2026-12-01', 'Pasar Anyar', 'Beras medium', 13500],
  ['2026-12-01', 'Pasar Anyar', 'Cabai merah keriting', 52000],
  ['2026-12-01', 'Pasar Bandeng', 'Beras medium', 13200],
  ['2026-12-01', 'Pasar Bandeng', 'Bawang merah', 38000],
  ['2026-12-02', 'Pasar Anyar', 'Beras medium', 13600],
  ['2026-12-02', 'Pasar Anyar', 'Cabai merah keriting', 55000],
  ['2026-12-02', 'Pasar Bandeng', 'Beras medium', 13300],
  ['2026-12-02', 'Pasar Bandeng', 'Bawang merah', null],
].map(([tanggal, pasar, komoditas, harga], i) => ({
  _id: i + 1,
  tanggal: tanggal ?? null,
  pasar: pasar ?? null,
  komoditas: komoditas ?? null,
  harga: harga ?? null,
}));

function resource(
  id: string,
  datasetId: string,
  name: string,
  format: string,
  options: Partial<CatalogResource> = {},
): CatalogResource {
  const url = `${PORTAL}/open-data/unduh/${id}/v1/${name.toLowerCase().replace(/\W+/g, '-')}.${format.toLowerCase()}`;
  return {
    id,
    datasetId,
    name,
    description: null,
    kind: 'upload',
    format,
    mediaType: format === 'CSV' ? 'text/csv' : format === 'JSON' ? 'application/json' : null,
    url,
    byteSize: 18_432,
    checksum: '3f1c9a0e5b7d2c4f6a8e0b1d3c5e7f9a2b4c6d8e0f1a3b5c7d9e1f2a4b6c8d0e',
    created: '2026-03-02T03:00:00.000Z',
    modified: '2026-03-02T03:00:00.000Z',
    versions: [
      {
        version: 1,
        created: '2026-03-02T03:00:00.000Z',
        downloadUrl: url,
        byteSize: 18_432,
        checksum: '3f1c9a0e5b7d2c4f6a8e0b1d3c5e7f9a2b4c6d8e0f1a3b5c7d9e1f2a4b6c8d0e',
      },
    ],
    datastoreActive: false,
    columns: [],
    ...options,
  };
}

function dataset(
  n: number,
  fields: Pick<CatalogDataset, 'name' | 'title' | 'description' | 'organization' | 'themes' | 'keywords'> &
    Partial<CatalogDataset>,
): CatalogDataset {
  const id = `9e8d7c6b-5a49-4382-9170-6f5e4d3c2b${String(n).padStart(2, '0')}`;
  const base: CatalogDataset = {
    id,
    url: `${PORTAL}/open-data/dataset/${fields.name}`,
    publisher: CATALOG.publisher,
    contact: { name: `Walidata ${fields.organization.title}`, email: 'satudata@tangerangkota.go.id' },
    license: CC_BY,
    frequency: 'annual',
    temporal: { start: '2025-01-01', end: '2025-12-31' },
    spatial: { name: 'Kota Tangerang', bbox: [106.5636, -6.2699, 106.7194, -6.1336] },
    issued: '2026-02-10T02:00:00.000Z',
    modified: '2026-02-10T02:00:00.000Z',
    sdi: {
      affairCode: null,
      subAffairCode: null,
      indicator: null,
      unit: null,
      definition: null,
      releaseSchedule: 'Maret setiap tahun',
      dataStandard: null,
      classification: 'open',
      producer: fields.organization.title,
    },
    feed: null,
    resources: [],
    ...fields,
  };
  return base;
}

export const DATASETS: CatalogDataset[] = [
  dataset(1, {
    name: 'jumlah-puskesmas-per-kecamatan',
    title: 'Jumlah Puskesmas per Kecamatan',
    description: 'Banyaknya puskesmas rawat inap dan non rawat inap di setiap kecamatan.',
    organization: DINKES,
    themes: [KESEHATAN],
    keywords: ['puskesmas', 'fasilitas kesehatan'],
    issued: '2026-01-15T02:00:00.000Z',
    modified: '2026-11-20T04:15:30.250Z',
    sdi: {
      affairCode: '1.02',
      subAffairCode: '1.02.02',
      indicator: 'Jumlah puskesmas',
      unit: 'unit',
      definition: 'Pusat kesehatan masyarakat yang memiliki izin operasional.',
      releaseSchedule: 'Februari setiap tahun',
      dataStandard: 'Standar Data Kesehatan 2023',
      classification: 'open',
      producer: 'Dinas Kesehatan',
    },
    resources: [
      resource(
        'c1a2b3c4-0001-4d5e-8f90-a1b2c3d4e501',
        '9e8d7c6b-5a49-4382-9170-6f5e4d3c2b01',
        'Puskesmas 2025',
        'CSV',
      ),
    ],
  }),
  dataset(2, {
    name: 'cakupan-imunisasi-dasar-lengkap',
    title: 'Cakupan Imunisasi Dasar Lengkap',
    description: 'Persentase bayi yang mendapat imunisasi dasar lengkap per kelurahan.',
    organization: DINKES,
    themes: [KESEHATAN],
    keywords: ['imunisasi', 'bayi'],
    frequency: 'monthly',
    issued: '2026-02-01T02:00:00.000Z',
    modified: '2026-12-01T09:30:00.000Z',
    resources: [
      resource(
        'c1a2b3c4-0002-4d5e-8f90-a1b2c3d4e502',
        '9e8d7c6b-5a49-4382-9170-6f5e4d3c2b02',
        'Imunisasi 2026',
        'XLSX',
        {
          kind: 'link',
          url: 'https://dinkes.tangerangkota.go.id/data/imunisasi-2026.xlsx',
          mediaType: null,
          byteSize: null,
          checksum: null,
          versions: [],
        },
      ),
    ],
  }),
  dataset(3, {
    name: 'harga-bahan-pokok-harian',
    title: 'Harga Bahan Pokok Harian',
    description: 'Harga eceran bahan pokok di pasar rakyat, dicatat setiap hari kerja.',
    organization: DISPERINDAG,
    themes: [PERDAGANGAN],
    keywords: ['harga', 'bahan pokok', 'pasar'],
    license: ODBL,
    frequency: 'daily',
    feed: 'market-prices.published-prices',
    temporal: { start: '2026-01-01', end: null },
    issued: '2026-01-02T01:00:00.000Z',
    modified: '2026-12-05T08:30:00.000Z',
    resources: [
      resource(
        'c1a2b3c4-0003-4d5e-8f90-a1b2c3d4e503',
        '9e8d7c6b-5a49-4382-9170-6f5e4d3c2b03',
        'Harga harian',
        'CSV',
        {
          description: 'Satu baris per pasar, komoditas dan hari.',
          datastoreActive: true,
          columns: PRICE_COLUMNS,
          modified: '2026-12-05T08:30:00.000Z',
          versions: [
            {
              version: 2,
              created: '2026-12-05T08:30:00.000Z',
              downloadUrl: `${PORTAL}/open-data/unduh/c1a2b3c4-0003-4d5e-8f90-a1b2c3d4e503/v2/harga-harian.csv`,
              byteSize: 20_480,
              checksum: 'a7b9c1d3e5f7a9b1c3d5e7f9a1b3c5d7e9f1a3b5c7d9e1f3a5b7c9d1e3f5a7b9',
            },
            {
              version: 1,
              created: '2026-12-04T08:30:00.000Z',
              downloadUrl: `${PORTAL}/open-data/unduh/c1a2b3c4-0003-4d5e-8f90-a1b2c3d4e503/v1/harga-harian.csv`,
              byteSize: 18_432,
              checksum: '3f1c9a0e5b7d2c4f6a8e0b1d3c5e7f9a2b4c6d8e0f1a3b5c7d9e1f2a4b6c8d0e',
            },
          ],
        },
      ),
      resource(
        'c1a2b3c4-0004-4d5e-8f90-a1b2c3d4e504',
        '9e8d7c6b-5a49-4382-9170-6f5e4d3c2b03',
        'Harga harian (JSON)',
        'JSON',
      ),
    ],
  }),
  dataset(4, {
    name: 'jumlah-sekolah-dasar',
    title: 'Jumlah Sekolah Dasar Negeri dan Swasta',
    description: 'Banyaknya SD negeri dan swasta per kecamatan.',
    organization: DISDIK,
    themes: [PENDIDIKAN],
    keywords: ['sekolah', 'pendidikan dasar'],
    issued: '2026-03-01T02:00:00.000Z',
    modified: '2026-09-12T07:00:00.000Z',
    resources: [
      resource(
        'c1a2b3c4-0005-4d5e-8f90-a1b2c3d4e505',
        '9e8d7c6b-5a49-4382-9170-6f5e4d3c2b04',
        'Sekolah dasar 2025',
        'CSV',
      ),
    ],
  }),
  dataset(5, {
    name: 'angka-partisipasi-paud',
    title: 'Angka Partisipasi PAUD',
    description: 'Persentase anak usia dini yang mengikuti PAUD.',
    organization: DISDIK,
    themes: [PENDIDIKAN, KESEHATAN],
    keywords: ['paud', 'anak usia dini'],
    issued: '2026-04-01T02:00:00.000Z',
    modified: '2026-10-01T02:00:00.000Z',
    resources: [],
  }),
  dataset(6, {
    name: 'jumlah-penduduk-per-kelurahan',
    title: 'Jumlah Penduduk per Kelurahan',
    description: 'Penduduk menurut jenis kelamin per kelurahan, semester II.',
    organization: DISDUKCAPIL,
    themes: [KEPENDUDUKAN],
    keywords: ['penduduk', 'kelurahan'],
    frequency: 'quarterly',
    issued: '2026-05-01T02:00:00.000Z',
    modified: '2026-11-30T23:59:59.000Z',
    sdi: {
      affairCode: '2.12',
      subAffairCode: null,
      indicator: 'Jumlah penduduk',
      unit: 'jiwa',
      definition: null,
      releaseSchedule: null,
      dataStandard: null,
      classification: 'limited',
      producer: 'Dinas Kependudukan dan Pencatatan Sipil',
    },
    resources: [
      resource(
        'c1a2b3c4-0006-4d5e-8f90-a1b2c3d4e506',
        '9e8d7c6b-5a49-4382-9170-6f5e4d3c2b06',
        'Penduduk semester II',
        'CSV',
        {
          datastoreActive: true,
          columns: PRICE_COLUMNS,
        },
      ),
    ],
  }),
  dataset(7, {
    name: 'pasar-rakyat',
    title: 'Daftar Pasar Rakyat',
    description: 'Pasar rakyat dengan alamat dan jumlah kios.',
    organization: DISPERINDAG,
    themes: [PERDAGANGAN],
    keywords: ['pasar'],
    issued: '2026-06-01T02:00:00.000Z',
    modified: '2026-06-01T02:00:00.000Z',
    resources: [
      resource(
        'c1a2b3c4-0007-4d5e-8f90-a1b2c3d4e507',
        '9e8d7c6b-5a49-4382-9170-6f5e4d3c2b07',
        'Pasar rakyat',
        'GeoJSON',
        {
          mediaType: 'application/geo+json',
        },
      ),
    ],
  }),
];

const ORGS = [DINKES, DISDIK, DISPERINDAG, DISDUKCAPIL];
const THEMES = [KESEHATAN, PENDIDIKAN, PERDAGANGAN, KEPENDUDUKAN];

function valuesOf(d: CatalogDataset, field: FacetField): { name: string; displayName: string }[] {
  switch (field) {
    case 'organization':
      return [{ name: d.organization.name, displayName: d.organization.title }];
    case 'groups':
      return d.themes.map((t) => ({ name: t.name, displayName: t.title }));
    case 'tags':
      return d.keywords.map((k) => ({ name: k, displayName: k }));
    case 'res_format':
      return [...new Set(d.resources.map((r) => r.format))].map((f) => ({ name: f, displayName: f }));
    case 'license_id':
      return [{ name: d.license.id, displayName: d.license.title }];
    case 'classification':
      return [{ name: d.sdi.classification, displayName: d.sdi.classification }];
  }
}

function matches(d: CatalogDataset, query: DatasetSearch): boolean {
  if (query.text) {
    const haystack = [d.title, d.description, ...d.keywords, d.organization.title].join(' ').toLowerCase();
    if (
      !query.text
        .toLowerCase()
        .split(/\s+/)
        .every((word) => haystack.includes(word))
    )
      return false;
  }
  for (const [field, wanted] of Object.entries(query.filters ?? {}) as [FacetField, string[]][]) {
    const names = valuesOf(d, field).map((v) => v.name);
    if (!wanted.every((w) => names.includes(w))) return false;
  }
  if (query.modifiedSince && d.modified < query.modifiedSince) return false;
  if (query.modifiedUntil && d.modified > query.modifiedUntil) return false;
  return true;
}

const ORDER: Record<DatasetSearch['sort'], (a: CatalogDataset, b: CatalogDataset) => number> = {
  'score desc': (a, b) => b.modified.localeCompare(a.modified),
  'metadata_modified desc': (a, b) => b.modified.localeCompare(a.modified),
  'metadata_modified asc': (a, b) => a.modified.localeCompare(b.modified),
  'metadata_created desc': (a, b) => b.issued.localeCompare(a.issued),
  'metadata_created asc': (a, b) => a.issued.localeCompare(b.issued),
  'title_string asc': (a, b) => a.title.localeCompare(b.title),
  'title_string desc': (a, b) => b.title.localeCompare(a.title),
  'name asc': (a, b) => a.name.localeCompare(b.name),
  'name desc': (a, b) => b.name.localeCompare(a.name),
};

/** The sample catalogue as a reader; `datasets` replaces its datasets (a larger one for paging). */
export function testCatalog(datasets: readonly CatalogDataset[] = DATASETS): CatalogReader & {
  /** Every search the reader was asked, for tests that check what the API asked. */
  searches: DatasetSearch[];
} {
  const searches: DatasetSearch[] = [];
  const count = (pick: (d: CatalogDataset) => boolean) => datasets.filter(pick).length;
  return {
    searches,
    async catalog() {
      return CATALOG;
    },
    async search(query): Promise<DatasetPage> {
      searches.push(query);
      const all = datasets.filter((d) => matches(d, query)).sort(ORDER[query.sort]);
      const facets: Partial<Record<FacetField, FacetCount[]>> = {};
      for (const field of query.facets ?? []) {
        const counts = new Map<string, FacetCount>();
        for (const d of all) {
          for (const v of valuesOf(d, field)) {
            const c = counts.get(v.name);
            counts.set(v.name, { name: v.name, displayName: v.displayName, count: (c?.count ?? 0) + 1 });
          }
        }
        facets[field] = [...counts.values()]
          .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name))
          .slice(0, query.facetLimit ?? 50);
      }
      return { count: all.length, datasets: all.slice(query.offset, query.offset + query.limit), facets };
    },
    async dataset(idOrName) {
      return datasets.find((d) => d.id === idOrName || d.name === idOrName) ?? null;
    },
    async datasetNames(limit, offset) {
      return datasets
        .map((d) => d.name)
        .sort()
        .slice(offset, offset + limit);
    },
    async organizations() {
      return ORGS.map((o) => ({ ...o, datasetCount: count((d) => d.organization.id === o.id) }));
    },
    async organization(idOrName) {
      const o = ORGS.find((x) => x.id === idOrName || x.name === idOrName);
      return o ? { ...o, datasetCount: count((d) => d.organization.id === o.id) } : null;
    },
    async themes() {
      return THEMES.map((t) => ({ ...t, datasetCount: count((d) => d.themes.some((x) => x.id === t.id)) }));
    },
    async theme(idOrName) {
      const t = THEMES.find((x) => x.id === idOrName || x.name === idOrName);
      return t ? { ...t, datasetCount: count((d) => d.themes.some((x) => x.id === t.id)) } : null;
    },
    async keywords(prefix) {
      const all = [...new Set(datasets.flatMap((d) => d.keywords))].sort();
      return prefix ? all.filter((k) => k.startsWith(prefix.toLowerCase())) : all;
    },
    async resource(id) {
      return datasets.flatMap((d) => d.resources).find((r) => r.id === id) ?? null;
    },
    async datastore(resourceId, query: DatastoreQuery): Promise<DatastorePage | null> {
      const owner = datasets.find((d) => d.resources.some((r) => r.id === resourceId));
      const res = owner?.resources.find((r) => r.id === resourceId);
      if (!owner || !res?.datastoreActive || owner.sdi.classification !== 'open') return null;
      const idColumn: CatalogColumn = {
        name: '_id',
        type: 'int',
        label: '_id',
        description: null,
        unit: null,
      };
      const columns = [idColumn, ...res.columns];
      const known = new Set(columns.map((c) => c.name));
      const unknown = (where: string, column: string) =>
        new AppError('validation', { fields: [{ path: `/${where}/${column}`, code: 'unknown_column' }] });
      for (const column of Object.keys(query.filters ?? {}))
        if (!known.has(column)) throw unknown('filters', column);
      for (const column of query.fields ?? []) if (!known.has(column)) throw unknown('fields', column);
      for (const s of query.sort ?? []) if (!known.has(s.column)) throw unknown('sort', s.column);
      let rows = PRICE_ROWS.filter((row) =>
        Object.entries(query.filters ?? {}).every(([column, value]) => String(row[column]) === String(value)),
      );
      if (query.text) {
        const word = query.text.toLowerCase();
        rows = rows.filter((row) =>
          Object.values(row).some((v) => typeof v === 'string' && v.toLowerCase().includes(word)),
        );
      }
      for (const s of [...(query.sort ?? [])].reverse()) {
        const sign = s.direction === 'asc' ? 1 : -1;
        rows = [...rows].sort((a, b) => {
          const x = a[s.column] ?? '';
          const y = b[s.column] ?? '';
          return (
            sign *
            (typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y)))
          );
        });
      }
      const picked = query.fields ? columns.filter((c) => query.fields!.includes(c.name)) : columns;
      return {
        resourceId,
        columns: picked,
        records: rows
          .slice(query.offset, query.offset + query.limit)
          .map((row) => Object.fromEntries(picked.map((c) => [c.name, row[c.name] ?? null]))),
        total: rows.length,
      };
    },
    async datastoreSums() {
      throw new Error('no CKAN action sums a datastore');
    },
  };
}

/** `n` datasets for paging like the harvester: each modified a minute after the last. */
export function manyDatasets(n: number): CatalogDataset[] {
  return Array.from({ length: n }, (_, i) => {
    const template = DATASETS[i % DATASETS.length]!;
    const minute = new Date(Date.UTC(2026, 10, 1, 0, i)).toISOString();
    return {
      ...template,
      id: `7f000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      name: `${template.name}-${String(i).padStart(4, '0')}`,
      resources: [],
      modified: minute,
      issued: minute,
    };
  });
}
