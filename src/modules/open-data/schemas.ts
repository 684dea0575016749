/** Request and response schemas of the app: one source for validation, types, OpenAPI and the console. */
import { type Static, Type } from 'typebox';
import { CLASSIFICATIONS, FREQUENCIES } from './catalog/view.ts';
import { DATASET_STATES } from './tables.ts';

const Uuid = Type.String({ format: 'uuid' });
const Nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()]);
const Name = Type.String({ minLength: 2, maxLength: 100, pattern: '^[a-z0-9]+([-_][a-z0-9]+)*$' });
const Code = Type.String({ maxLength: 30, pattern: '^[0-9A-Z]+([.][0-9A-Z]+)*$' });
const Day = Type.String({ format: 'date' });
const ColumnType = Type.Enum(['text', 'int', 'numeric', 'date', 'timestamp'] as const);

const DATASET_ID = '0193a1c4-2b7e-7d10-8f3a-5c2e9b4d1a07';
const RESOURCE_ID = '0193a1c4-4f21-7a33-9e0b-1d6c8a2f5e44';
const AGENCY_ID = '0193a0ff-7c10-7b2e-a1d4-3e5f6a7b8c90';

const columnExample = {
  name: 'jumlah_penduduk',
  type: 'int' as const,
  label: 'Jumlah Penduduk',
  description: 'Penduduk menurut dokumen kependudukan, akhir semester',
  unit: 'jiwa',
};

export const Column = Type.Object(
  {
    name: Type.String(),
    type: ColumnType,
    label: Type.String(),
    description: Nullable(Type.String()),
    unit: Nullable(Type.String()),
  },
  { examples: [columnExample] },
);

const versionExample = {
  version: 2,
  fileName: 'penduduk-kecamatan-2025.csv',
  format: 'CSV',
  mediaType: 'text/csv',
  byteSize: 1843,
  checksum: '9f2c4e1a7b3d5f60c8e2a4b6d8f0a1c3e5b7d9f1a3c5e7b9d1f3a5c7e9b1d3f5',
  rowCount: 13,
  downloadUrl: `/t/kota-tangerang/api/v1/open-data/resources/${RESOURCE_ID}/versions/2/file`,
  createdAt: '2026-12-05T03:20:00.000Z',
};

export const Version = Type.Object(
  {
    version: Type.Integer(),
    fileName: Type.String(),
    format: Type.String(),
    mediaType: Type.String(),
    byteSize: Type.Integer(),
    checksum: Type.String(),
    rowCount: Type.Union([Type.Integer(), Type.Null()]),
    downloadUrl: Type.String(),
    createdAt: Type.String({ format: 'date-time' }),
  },
  { examples: [versionExample] },
);
export type VersionType = Static<typeof Version>;

export const Versions = Type.Object(
  { versions: Type.Array(Version) },
  { examples: [{ versions: [versionExample] }] },
);

const resourceExample = {
  id: RESOURCE_ID,
  datasetId: DATASET_ID,
  name: 'Jumlah penduduk per kecamatan 2025',
  description: 'Semester II 2025',
  kind: 'upload' as const,
  format: 'CSV',
  mediaType: 'text/csv',
  url: versionExample.downloadUrl,
  currentVersion: 2,
  datastoreActive: true,
  columns: [
    { name: 'kecamatan', type: 'text' as const, label: 'Kecamatan', description: null, unit: null },
    columnExample,
  ],
  createdAt: '2026-11-20T02:00:00.000Z',
  modifiedAt: '2026-12-05T03:20:00.000Z',
};

export const Resource = Type.Object(
  {
    id: Uuid,
    datasetId: Uuid,
    name: Type.String(),
    description: Nullable(Type.String()),
    kind: Type.Enum(['upload', 'link'] as const),
    format: Type.String(),
    mediaType: Nullable(Type.String()),
    /** The current version's download, or the link. */
    url: Type.String(),
    currentVersion: Type.Union([Type.Integer(), Type.Null()]),
    datastoreActive: Type.Boolean(),
    columns: Type.Array(Column),
    createdAt: Type.String({ format: 'date-time' }),
    modifiedAt: Type.String({ format: 'date-time' }),
  },
  { examples: [resourceExample] },
);
export type ResourceType = Static<typeof Resource>;

const metadataExample = {
  name: 'jumlah-penduduk-per-kecamatan',
  title: 'Jumlah Penduduk per Kecamatan',
  description: 'Jumlah penduduk Kota Tangerang menurut kecamatan dan jenis kelamin, dari data kependudukan.',
  classification: 'open' as const,
  affairCode: '2.06',
  subAffairCode: '2.06.02',
  indicator: 'Jumlah penduduk',
  unit: 'jiwa',
  definition: 'Penduduk yang tercatat dalam database kependudukan per akhir semester.',
  releaseSchedule: 'Januari dan Juli setiap tahun',
  dataStandard: 'SDI Kependudukan',
  keywords: ['penduduk', 'kependudukan', 'kecamatan'],
  licenseId: 'cc-by',
  frequency: 'annual' as const,
  temporalStart: '2025-01-01',
  temporalEnd: '2025-12-31',
  spatialName: 'Kota Tangerang',
  spatialBbox: [106.56, -6.3, 106.72, -6.1] as [number, number, number, number],
  contactName: 'Bidang Data Disdukcapil',
  contactEmail: 'data.disdukcapil@tangerangkota.go.id',
  themes: ['kependudukan'],
};

const metadataFields = {
  title: Type.String({ minLength: 2, maxLength: 300 }),
  description: Type.String({ maxLength: 10000 }),
  classification: Type.Enum(CLASSIFICATIONS),
  affairCode: Type.Optional(Type.Union([Code, Type.Null()])),
  subAffairCode: Type.Optional(Type.Union([Code, Type.Null()])),
  indicator: Type.Optional(Nullable(Type.String({ maxLength: 300 }))),
  unit: Type.Optional(Nullable(Type.String({ maxLength: 100 }))),
  definition: Type.Optional(Nullable(Type.String({ maxLength: 4000 }))),
  releaseSchedule: Type.Optional(Nullable(Type.String({ maxLength: 300 }))),
  dataStandard: Type.Optional(Nullable(Type.String({ maxLength: 300 }))),
  keywords: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 60 }), { maxItems: 30 })),
  licenseId: Type.String({ maxLength: 40 }),
  frequency: Type.Enum(FREQUENCIES),
  temporalStart: Type.Optional(Type.Union([Day, Type.Null()])),
  temporalEnd: Type.Optional(Type.Union([Day, Type.Null()])),
  spatialName: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
  spatialBbox: Type.Optional(
    Type.Union([
      Type.Array(Type.Number({ minimum: -180, maximum: 180 }), { minItems: 4, maxItems: 4 }),
      Type.Null(),
    ]),
  ),
  contactName: Type.String({ minLength: 2, maxLength: 200 }),
  contactEmail: Type.Optional(Nullable(Type.String({ format: 'email', maxLength: 254 }))),
  /** Names of the tenant's themes. */
  themes: Type.Optional(Type.Array(Name, { maxItems: 20 })),
};

export const DatasetInput = Type.Object(
  { agencyId: Uuid, name: Name, ...metadataFields },
  { additionalProperties: false, examples: [{ agencyId: AGENCY_ID, ...metadataExample }] },
);
export type DatasetInputType = Static<typeof DatasetInput>;

export const DatasetUpdate = Type.Object(
  { name: Name, ...metadataFields },
  { additionalProperties: false, examples: [metadataExample] },
);
export type DatasetUpdateType = Static<typeof DatasetUpdate>;

const datasetExample = {
  id: DATASET_ID,
  agencyId: AGENCY_ID,
  agencyName: 'Dinas Kependudukan dan Pencatatan Sipil',
  ...metadataExample,
  state: 'published' as const,
  reviewNote: null,
  feed: null,
  createdAt: '2026-11-20T02:00:00.000Z',
  modifiedAt: '2026-12-05T03:20:00.000Z',
  submittedAt: '2026-11-21T04:00:00.000Z',
  reviewedAt: '2026-11-22T01:30:00.000Z',
  firstPublishedAt: '2026-11-22T01:30:00.000Z',
  resources: [resourceExample],
};

export const Dataset = Type.Object(
  {
    id: Uuid,
    agencyId: Type.Union([Uuid, Type.Null()]),
    agencyName: Nullable(Type.String()),
    name: Type.String(),
    title: Type.String(),
    description: Type.String(),
    state: Type.Enum(DATASET_STATES),
    reviewNote: Nullable(Type.String()),
    classification: Type.Enum(CLASSIFICATIONS),
    affairCode: Nullable(Type.String()),
    subAffairCode: Nullable(Type.String()),
    indicator: Nullable(Type.String()),
    unit: Nullable(Type.String()),
    definition: Nullable(Type.String()),
    releaseSchedule: Nullable(Type.String()),
    dataStandard: Nullable(Type.String()),
    keywords: Type.Array(Type.String()),
    licenseId: Type.String(),
    frequency: Type.Enum(FREQUENCIES),
    temporalStart: Nullable(Type.String()),
    temporalEnd: Nullable(Type.String()),
    spatialName: Nullable(Type.String()),
    spatialBbox: Type.Union([Type.Array(Type.Number()), Type.Null()]),
    contactName: Type.String(),
    contactEmail: Nullable(Type.String()),
    themes: Type.Array(Type.String()),
    feed: Nullable(Type.String()),
    createdAt: Type.String({ format: 'date-time' }),
    modifiedAt: Type.String({ format: 'date-time' }),
    submittedAt: Nullable(Type.String({ format: 'date-time' })),
    reviewedAt: Nullable(Type.String({ format: 'date-time' })),
    firstPublishedAt: Nullable(Type.String({ format: 'date-time' })),
    resources: Type.Array(Resource),
  },
  { examples: [datasetExample] },
);
export type DatasetType = Static<typeof Dataset>;

export const Datasets = Type.Object(
  { datasets: Type.Array(Dataset) },
  { examples: [{ datasets: [datasetExample] }] },
);

export const DatasetQuery = Type.Object(
  {
    state: Type.Optional(Type.Enum(DATASET_STATES)),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
    offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 100000 })),
  },
  { additionalProperties: false },
);
export type DatasetQueryType = Static<typeof DatasetQuery>;

export const IdParams = Type.Object({ id: Uuid });
export const VersionParams = Type.Object({
  id: Uuid,
  version: Type.Integer({ minimum: 1, maximum: 1000000 }),
});

export const ReviewNote = Type.Object(
  { note: Type.String({ minLength: 2, maxLength: 2000 }) },
  {
    additionalProperties: false,
    examples: [{ note: 'Lengkapi definisi operasional dan satuan pada kolom jumlah.' }],
  },
);
export const OptionalNote = Type.Object(
  { note: Type.Optional(Type.String({ minLength: 2, maxLength: 2000 })) },
  {
    additionalProperties: false,
    examples: [{ note: 'Ditemukan kesalahan angka kecamatan Ciledug; diperbaiki.' }],
  },
);

export const LinkInput = Type.Object(
  {
    name: Type.String({ minLength: 2, maxLength: 200 }),
    description: Type.Optional(Type.String({ maxLength: 2000 })),
    url: Type.String({ format: 'uri', maxLength: 2000, pattern: '^https?://' }),
    format: Type.Optional(Type.String({ minLength: 1, maxLength: 40, pattern: '^[A-Za-z0-9.+-]+$' })),
  },
  {
    additionalProperties: false,
    examples: [
      {
        name: 'Profil Kependudukan (BPS)',
        url: 'https://tangerangkota.bps.go.id/indicator/12/49/1/jumlah-penduduk.html',
        format: 'HTML',
      },
    ],
  },
);
export type LinkInputType = Static<typeof LinkInput>;

export const DictionaryInput = Type.Object(
  {
    columns: Type.Array(
      Type.Object(
        {
          name: Type.String({ minLength: 1, maxLength: 80 }),
          label: Type.String({ minLength: 1, maxLength: 200 }),
          description: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))),
          unit: Type.Optional(Nullable(Type.String({ maxLength: 100 }))),
        },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 100 },
    ),
  },
  {
    additionalProperties: false,
    examples: [
      {
        columns: [
          {
            name: 'jumlah_penduduk',
            label: 'Jumlah Penduduk',
            description: 'Penduduk menurut dokumen kependudukan, akhir semester',
            unit: 'jiwa',
          },
        ],
      },
    ],
  },
);
export type DictionaryInputType = Static<typeof DictionaryInput>;

const rowsExample = {
  resourceId: RESOURCE_ID,
  version: 2,
  columns: resourceExample.columns,
  records: [
    { _id: 1, kecamatan: 'Ciledug', jumlah_penduduk: 151204 },
    { _id: 2, kecamatan: 'Karawaci', jumlah_penduduk: 188342 },
  ],
  total: 13,
};

export const Rows = Type.Object(
  {
    resourceId: Uuid,
    version: Type.Integer(),
    columns: Type.Array(Column),
    records: Type.Array(Type.Record(Type.String(), Type.Union([Type.String(), Type.Number(), Type.Null()]))),
    total: Type.Integer(),
  },
  { examples: [rowsExample] },
);
export type RowsType = Static<typeof Rows>;

export const RowsQuery = Type.Object(
  {
    q: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    /** `column:value` pairs, comma-free: one `filter` per column (repeat the parameter). */
    filter: Type.Optional(
      Type.Union([
        Type.String({ maxLength: 400 }),
        Type.Array(Type.String({ maxLength: 400 }), { maxItems: 20 }),
      ]),
    ),
    /** `column` or `column desc`, comma-separated. */
    sort: Type.Optional(Type.String({ maxLength: 400 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })),
    offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 1000000 })),
    version: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000000 })),
  },
  { additionalProperties: false },
);
export type RowsQueryType = Static<typeof RowsQuery>;

const themeExample = {
  id: '0193a0f1-1a2b-7c3d-8e4f-5a6b7c8d9e01',
  name: 'kependudukan',
  title: 'Kependudukan',
  description: 'Data penduduk, kelahiran, kematian dan perpindahan.',
  sort: 10,
};

export const Theme = Type.Object(
  {
    id: Uuid,
    name: Type.String(),
    title: Type.String(),
    description: Nullable(Type.String()),
    sort: Type.Integer(),
  },
  { examples: [themeExample] },
);
export type ThemeType = Static<typeof Theme>;

export const Themes = Type.Object({ themes: Type.Array(Theme) }, { examples: [{ themes: [themeExample] }] });

export const ThemeInput = Type.Object(
  {
    name: Name,
    title: Type.String({ minLength: 2, maxLength: 200 }),
    description: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))),
    sort: Type.Optional(Type.Integer({ minimum: -10000, maximum: 10000 })),
  },
  {
    additionalProperties: false,
    examples: [
      { name: themeExample.name, title: themeExample.title, description: themeExample.description, sort: 10 },
    ],
  },
);
export type ThemeInputType = Static<typeof ThemeInput>;
