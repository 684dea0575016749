/** Request and response schemas of the app: one source for validation, types, OpenAPI and the console. */
import { type Static, Type } from 'typebox';

export const Item = Type.Object({
  id: Type.String({ format: 'uuid' }),
  title: Type.String(),
  description: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String({ format: 'date-time' }),
});
export type ItemType = Static<typeof Item>;

export const Items = Type.Object({ items: Type.Array(Item) });
export type ItemsType = Static<typeof Items>;

export const ItemInput = Type.Object(
  {
    title: Type.String({ minLength: 2, maxLength: 200 }),
    description: Type.Optional(Type.String({ maxLength: 2000 })),
  },
  { additionalProperties: false },
);
export type ItemInputType = Static<typeof ItemInput>;
