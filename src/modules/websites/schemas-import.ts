/** The WordPress import's answer (routes/import.ts), for the API's contract and the console. */
import { type Static, Type } from 'typebox';

const Count = Type.Integer({ minimum: 0 });

export const ImportProblem = Type.Object({
  /** Where: `/file` (the document) or `/file/items/<WordPress id>`. */
  path: Type.String(),
  code: Type.String(),
  message: Type.String(),
  wpId: Type.Union([Type.Integer(), Type.Null()]),
  title: Type.Union([Type.String(), Type.Null()]),
  detail: Type.Union([Type.String(), Type.Null()]),
});

export const ImportAnswer = Type.Object(
  {
    counts: Type.Object({
      news: Count,
      pages: Count,
      drafts: Count,
      scheduled: Count,
      categories: Count,
      tags: Count,
      media: Count,
      redirects: Count,
      menuEntries: Count,
    }),
    warnings: Type.Array(ImportProblem),
  },
  {
    examples: [
      {
        counts: {
          news: 12,
          pages: 5,
          drafts: 2,
          scheduled: 1,
          categories: 4,
          tags: 6,
          media: 3,
          redirects: 48,
          menuEntries: 7,
        },
        warnings: [
          {
            path: '/file/items/131',
            code: 'wxr_file_missing',
            message: 'Berkas lampiran tidak ada di dalam ZIP; lampiran tidak diimpor.',
            wpId: 131,
            title: 'Poster Posyandu',
            detail: '2024/05/poster-posyandu.pdf',
          },
        ],
      },
    ],
  },
);
export type ImportAnswerType = Static<typeof ImportAnswer>;
