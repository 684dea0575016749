/** Request and response schemas of the app: one source for validation, types, OpenAPI and the console. */
import { type Static, Type } from 'typebox';

const Color = Type.String({ pattern: '^#[0-9a-fA-F]{6}$', description: 'A colour as #rrggbb' });
const Words = Type.Object(
  { id: Type.String({ minLength: 1, maxLength: 100 }), en: Type.String({ minLength: 1, maxLength: 100 }) },
  { additionalProperties: false },
);

const styleExample = {
  color: '#2e7d32',
  by: {
    property: 'jenis',
    values: [
      { value: 'Puskesmas', color: '#2e7d32', label: { id: 'Puskesmas', en: 'Health centre' } },
      {
        value: 'Pustu',
        color: '#f9a825',
        label: { id: 'Puskesmas pembantu', en: 'Auxiliary health centre' },
      },
    ],
  },
};

export const LayerStyle = Type.Object(
  {
    color: Color,
    by: Type.Optional(
      Type.Union([
        Type.Object(
          {
            property: Type.String({ minLength: 1, maxLength: 100 }),
            values: Type.Array(
              Type.Object(
                { value: Type.String({ maxLength: 200 }), color: Color, label: Words },
                { additionalProperties: false },
              ),
              { minItems: 1, maxItems: 20 },
            ),
          },
          { additionalProperties: false },
        ),
        Type.Null(),
      ]),
    ),
  },
  { additionalProperties: false, examples: [styleExample] },
);
export type LayerStyleType = Static<typeof LayerStyle>;

const Access = Type.Union([Type.Literal('public'), Type.Literal('staff')], {
  description: '`public`: on the portal map and the OGC API for everyone; `staff`: for staff who read layers',
});

const layerExample = {
  id: '01939a61-3c2f-7e08-9b5d-4a1c7e2f0d93',
  name: 'puskesmas',
  title: 'Puskesmas Kota Tangerang',
  description: 'Pusat kesehatan masyarakat dan puskesmas pembantu, menurut Dinas Kesehatan.',
  attribution: 'Dinas Kesehatan Kota Tangerang',
  licence: 'CC-BY-4.0',
  style: styleExample,
  access: 'public' as const,
  geometryType: 'Point',
  featureCount: 38,
  bbox: [106.5702, -6.2701, 106.7103, -6.1302],
  timeProperty: null,
  attributes: [
    { name: 'nama', type: 'string' as const },
    { name: 'jenis', type: 'string' as const },
  ],
  agencyId: null,
  createdAt: '2026-12-04T02:10:00.000Z',
  updatedAt: '2026-12-04T02:10:00.000Z',
};

export const Layer = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    name: Type.String({ description: 'The collection id in the OGC API (`/ogc/collections/<name>`)' }),
    title: Type.String(),
    description: Type.Union([Type.String(), Type.Null()]),
    attribution: Type.Union([Type.String(), Type.Null()]),
    licence: Type.Union([Type.String(), Type.Null()]),
    style: LayerStyle,
    access: Access,
    geometryType: Type.String(),
    featureCount: Type.Integer(),
    bbox: Type.Union([Type.Array(Type.Number(), { minItems: 4, maxItems: 4 }), Type.Null()]),
    timeProperty: Type.Union([Type.String(), Type.Null()]),
    attributes: Type.Array(
      Type.Object({
        name: Type.String(),
        type: Type.Union([
          Type.Literal('string'),
          Type.Literal('integer'),
          Type.Literal('number'),
          Type.Literal('boolean'),
          Type.Literal('date-time'),
        ]),
      }),
    ),
    agencyId: Type.Union([Type.String({ format: 'uuid' }), Type.Null()]),
    createdAt: Type.String({ format: 'date-time' }),
    updatedAt: Type.String({ format: 'date-time' }),
  },
  { examples: [layerExample] },
);
export type LayerType = Static<typeof Layer>;

export const Layers = Type.Object({ layers: Type.Array(Layer) }, { examples: [{ layers: [layerExample] }] });
export type LayersType = Static<typeof Layers>;

export const LayerParams = Type.Object({ id: Type.String({ format: 'uuid' }) });

/** The upload form's text fields (sent before the file). */
export const UploadFields = Type.Object(
  {
    title: Type.Optional(Type.String({ minLength: 2, maxLength: 200 })),
    name: Type.Optional(
      Type.String({
        pattern: '^[a-z0-9][a-z0-9-]{0,62}$',
        description: 'The collection id; made from the title if not given',
      }),
    ),
    description: Type.Optional(Type.String({ maxLength: 4000 })),
    attribution: Type.Optional(Type.String({ maxLength: 300 })),
    licence: Type.Optional(Type.String({ maxLength: 200 })),
    color: Type.Optional(Color),
    access: Type.Optional(Access),
    agencyId: Type.Optional(Type.String({ format: 'uuid' })),
    timeProperty: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
  },
  { additionalProperties: false },
);
export type UploadFieldsType = Static<typeof UploadFields>;

/** A layer's metadata, style and visibility, changed in place (only the fields given). */
export const LayerChange = Type.Object(
  {
    title: Type.Optional(Type.String({ minLength: 2, maxLength: 200 })),
    description: Type.Optional(Type.Union([Type.String({ maxLength: 4000 }), Type.Null()])),
    attribution: Type.Optional(Type.Union([Type.String({ maxLength: 300 }), Type.Null()])),
    licence: Type.Optional(Type.Union([Type.String({ maxLength: 200 }), Type.Null()])),
    style: Type.Optional(LayerStyle),
    access: Type.Optional(Access),
    agencyId: Type.Optional(Type.Union([Type.String({ format: 'uuid' }), Type.Null()])),
  },
  {
    additionalProperties: false,
    examples: [{ title: 'Puskesmas dan Pustu Kota Tangerang', access: 'public', style: styleExample }],
  },
);
export type LayerChangeType = Static<typeof LayerChange>;

const uploadBody = {
  content: {
    'multipart/form-data': {
      schema: {
        description:
          'Text fields first (title, name, description, attribution, licence, color, access, agencyId, timeProperty), then `file`: GeoJSON (a zipped Shapefile or KML later)',
      },
    },
  },
};

export { uploadBody };
