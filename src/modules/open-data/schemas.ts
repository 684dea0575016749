/** Request and response schemas of the app: one source for validation, types, OpenAPI and the console. */
import { type Static, Type } from 'typebox';

/**
 * The example the API reference shows (and test/openapi.test.ts checks against the schema): give
 * every answer and body one, with data a region would really hold.
 */
const itemExample = {
  id: '01939a61-3c2f-7e08-9b5d-4a1c7e2f0d93',
  title: 'Pendaftaran bursa kerja Dinas Ketenagakerjaan',
  description: 'Dibuka untuk warga Kota Tangerang sampai 20 Desember 2026.',
  createdAt: '2026-12-04T02:10:00.000Z',
};

export const Item = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    title: Type.String(),
    description: Type.Union([Type.String(), Type.Null()]),
    createdAt: Type.String({ format: 'date-time' }),
  },
  { examples: [itemExample] },
);
export type ItemType = Static<typeof Item>;

export const Items = Type.Object({ items: Type.Array(Item) }, { examples: [{ items: [itemExample] }] });
export type ItemsType = Static<typeof Items>;

export const ItemInput = Type.Object(
  {
    title: Type.String({ minLength: 2, maxLength: 200 }),
    description: Type.Optional(Type.String({ maxLength: 2000 })),
  },
  {
    additionalProperties: false,
    examples: [{ title: itemExample.title, description: itemExample.description }],
  },
);
export type ItemInputType = Static<typeof ItemInput>;
