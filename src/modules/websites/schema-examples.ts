/**
 * Examples of the websites API's bodies and answers for the API reference (test/openapi.test.ts
 * checks each against its schema): a news item of Dinas Kesehatan Kota Tangerang on its way from
 * a contributor's draft to publication.
 */
const POST_ID = '0193a5d0-2b4c-7d6e-8f10-1a2b3c4d5e6f';
const TERM_ID = '0193a5cf-1111-7222-8333-444455556666';
const MEDIA_ID = '0193a5d1-4e5f-7a6b-8c7d-9e0f1a2b3c4d';
const WHEN = '2026-12-03T02:15:00.000Z';

const revision = {
  number: 2,
  slug: 'vaksinasi-campak-di-posyandu',
  title: 'Vaksinasi campak gratis di 1.024 posyandu',
  summary: 'Imunisasi tambahan untuk anak usia 9 bulan sampai 5 tahun, 7–18 Desember.',
  body: '<p>Dinas Kesehatan membuka imunisasi campak tambahan di seluruh posyandu.</p>',
  image: null,
  details: {},
  terms: [TERM_ID],
  ppid: null,
  parentId: null,
  menuOrder: 0,
  note: 'Tanggal diperbaiki',
  restoredFrom: null,
  author: 'Rina Marlina',
  createdAt: WHEN,
};

const summary = {
  id: POST_ID,
  kind: 'news',
  slug: revision.slug,
  title: revision.title,
  status: 'draft',
  reviewState: 'in_review',
  reviewStage: 0,
  headRevision: 2,
  publishedRevision: null,
  publishAt: null,
  publishedAt: null,
  author: 'Rina Marlina',
  updatedAt: WHEN,
};

export const EXAMPLES = {
  postInput: {
    kind: 'news',
    title: revision.title,
    summary: revision.summary,
    body: revision.body,
    terms: [TERM_ID],
    note: 'Tanggal diperbaiki',
    baseRevision: 1,
  },
  postSummary: summary,
  revision,
  review: {
    revision: 2,
    stage: 1,
    decision: 'return',
    note: 'Sebutkan jam layanan posyandu.',
    reviewer: 'dr. Hendra Gunawan',
    at: WHEN,
  },
  postDetail: {
    ...summary,
    siteId: '0193a5c2-7d41-7c3e-9a52-4f1e8b2d6c10',
    head: revision,
    reviews: [],
    url: null,
  },
  revisionDiff: {
    from: 1,
    to: 2,
    fields: [
      {
        field: 'summary',
        parts: [
          {
            value: 'Imunisasi tambahan untuk anak usia 9 bulan sampai 5 tahun, ',
            added: false,
            removed: false,
          },
          { value: '1–12', added: false, removed: true },
          { value: '7–18', added: true, removed: false },
          { value: ' Desember.', added: false, removed: false },
        ],
      },
    ],
  },
  reviewInput: { decision: 'approve', note: 'Siap terbit.', revision: 2 },
  publishInput: { revision: 2, at: '2026-12-07T00:00:00.000Z' },
  submitInput: { revision: 2 },
  term: { id: TERM_ID, kind: 'category', slug: 'kesehatan', name: 'Kesehatan' },
  media: {
    id: MEDIA_ID,
    kind: 'image',
    fileName: 'posyandu-sukasari.jpg',
    mime: 'image/jpeg',
    size: 412_330,
    width: 1600,
    height: 1067,
    alt: 'Petugas posyandu menimbang balita di Kelurahan Sukasari',
    caption: 'Posyandu Melati, Sukasari, 3 Desember 2026',
    url: `/t/kota-tangerang/situs/dinkes/media/${MEDIA_ID}`,
    variants: [320, 640, 960, 1280].map((width) => ({
      width,
      url: `/t/kota-tangerang/situs/dinkes/media/${MEDIA_ID}/${width}`,
    })),
    createdAt: WHEN,
  },
} as const;

/** `schema` with its example for the API reference (TypeBox schemas are plain JSON Schema). */
export function withExample<T extends object>(schema: T, example: unknown): T {
  return Object.assign(schema, { examples: [example] });
}
