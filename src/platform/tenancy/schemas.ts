/** Request and response schemas of the tenancy routes: one source for validation, types and OpenAPI. */
import { type Static, Type } from 'typebox';

export const Slug = Type.String({ pattern: '^[a-z0-9]+(-[a-z0-9]+)*$', maxLength: 63 });
export const TimeZone = Type.Enum(['Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura'] as const);
export const Language = Type.Enum(['id', 'en'] as const);
export const Color = Type.String({ pattern: '^#[0-9a-fA-F]{6}$' });
export const Domain = Type.String({
  pattern: '^(?=.{4,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}$',
  description: 'Lower-case host name',
});

export const Branding = Type.Object(
  {
    displayName: Type.String({ minLength: 2, maxLength: 120 }),
    logoUrl: Type.Union([Type.String({ maxLength: 500, pattern: '^(https://|/)' }), Type.Null()]),
    primaryColor: Color,
    accentColor: Color,
  },
  { additionalProperties: false },
);

const tangerangArea = {
  type: 'Polygon',
  coordinates: [
    [
      [106.57, -6.27],
      [106.73, -6.27],
      [106.73, -6.12],
      [106.57, -6.12],
      [106.57, -6.27],
    ],
  ],
};

const brandingExample = {
  displayName: 'Pemerintah Kota Tangerang',
  logoUrl: '/t/kota-tangerang/api/v1/branding/logo/0193a1c2-logo.png',
  primaryColor: '#0b5394',
  accentColor: '#f1c232',
};

/** Kota Tangerang as the public list shows it: the examples of the tenant answers. */
export const tenantExample = {
  slug: 'kota-tangerang',
  code: '36.71',
  name: 'Kota Tangerang',
  kind: 'kota',
  timeZone: 'Asia/Jakarta',
  defaultLanguage: 'id',
  branding: brandingExample,
  domains: ['lapor.tangerangkota.go.id'],
  bbox: [106.57, -6.27, 106.73, -6.12],
};

/** Kota Tangerang with its area. */
export const tenantPublicExample = { ...tenantExample, area: tangerangArea };

/**
 * A tenant's area as sent: any JSON here, checked by `area.ts` in the service so that an invalid
 * geometry is refused with one clear error on `/body/area` (and no type coercion touches it).
 */
export const AreaInput = Type.Unknown({
  description:
    'The region’s area: a GeoJSON (RFC 7946) Polygon or MultiPolygon geometry (or a Feature or ' +
    'FeatureCollection of them, joined into one MultiPolygon; points or lines are refused), WGS84 positions ' +
    '[longitude, latitude], closed rings of at least 4 positions, at most 20,000 positions in all; ' +
    'null removes it.',
  examples: [tangerangArea],
});

export const AreaBBox = Type.Union([
  Type.Array(Type.Number(), {
    minItems: 4,
    maxItems: 4,
    description: 'The area’s bounding box: [west, south, east, north] in degrees',
  }),
  Type.Null(),
]);

/** A tenant in the public list: its area only as a bounding box (an outline may be large). */
export const TenantSummary = Type.Object(
  {
    slug: Type.String(),
    code: Type.String(),
    name: Type.String(),
    kind: Type.String(),
    timeZone: Type.String(),
    defaultLanguage: Type.String(),
    branding: Branding,
    domains: Type.Array(Type.String()),
    bbox: AreaBBox,
  },
  { examples: [tenantExample] },
);

/** A tenant, with its area (public geography). */
export const TenantPublic = Type.Object(
  {
    ...TenantSummary.properties,
    area: Type.Unknown({
      description:
        'GeoJSON Polygon or MultiPolygon (WGS84, [longitude, latitude]), or null when none is recorded',
    }),
  },
  { examples: [tenantPublicExample] },
);

export const CreateTenant = Type.Object(
  {
    slug: Slug,
    code: Type.String({
      pattern: '^[0-9]{2}(\\.[0-9]{2})?$',
      description: 'Kemendagri code: PP (provinsi) or PP.KK',
    }),
    kind: Type.Enum(['kota', 'kabupaten', 'provinsi'] as const),
    name: Type.String({ minLength: 3, maxLength: 120 }),
    timeZone: TimeZone,
    defaultLanguage: Type.Optional(Language),
    domains: Type.Optional(Type.Array(Domain, { maxItems: 10 })),
    branding: Type.Optional(Branding),
    area: Type.Optional(AreaInput),
  },
  {
    additionalProperties: false,
    examples: [
      {
        slug: 'kota-tangerang',
        code: '36.71',
        kind: 'kota',
        name: 'Kota Tangerang',
        timeZone: 'Asia/Jakarta',
        domains: ['lapor.tangerangkota.go.id'],
        area: tangerangArea,
      },
    ],
  },
);
export type CreateTenantInput = Static<typeof CreateTenant>;

export const UpdateSettings = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 3, maxLength: 120 })),
    defaultLanguage: Type.Optional(Language),
    domains: Type.Optional(Type.Array(Domain, { maxItems: 10 })),
    branding: Type.Optional(Branding),
    area: Type.Optional(AreaInput),
  },
  {
    additionalProperties: false,
    minProperties: 1,
    examples: [{ branding: { ...brandingExample, logoUrl: null }, domains: ['lapor.tangerangkota.go.id'] }],
  },
);
export type UpdateSettingsInput = Static<typeof UpdateSettings>;

/** Dinas PUPR of Kota Tangerang: the example of the agency answers. */
export const agencyExample = {
  id: '01939a3f-0b6d-7e42-b1a9-8d2c4f6e0a17',
  parentId: null,
  code: 'DPUPR',
  name: 'Dinas Pekerjaan Umum dan Penataan Ruang',
  kind: 'dinas',
};

export const Agency = Type.Object(
  {
    id: Type.String(),
    parentId: Type.Union([Type.String(), Type.Null()]),
    code: Type.String(),
    name: Type.String(),
    kind: Type.String(),
  },
  { examples: [agencyExample] },
);

export const AGENCY_KINDS = [
  'secretariat',
  'dinas',
  'badan',
  'kecamatan',
  'kelurahan',
  'bagian',
  'uptd',
  'other',
] as const;
export const AgencyKind = Type.Enum(AGENCY_KINDS);

export const CreateAgency = Type.Object(
  {
    parentId: Type.Optional(Type.Union([Type.String({ format: 'uuid' }), Type.Null()])),
    code: Type.String({ pattern: '^[A-Z0-9][A-Z0-9-]{0,31}$' }),
    name: Type.String({ minLength: 3, maxLength: 200 }),
    kind: AgencyKind,
  },
  {
    additionalProperties: false,
    examples: [{ code: 'DPUPR', name: 'Dinas Pekerjaan Umum dan Penataan Ruang', kind: 'dinas' }],
  },
);
export type CreateAgencyInput = Static<typeof CreateAgency>;

export const UpdateAgency = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 3, maxLength: 200 })),
    kind: Type.Optional(AgencyKind),
    parentId: Type.Optional(Type.Union([Type.String({ format: 'uuid' }), Type.Null()])),
  },
  {
    additionalProperties: false,
    minProperties: 1,
    examples: [{ name: 'Dinas Pekerjaan Umum dan Penataan Ruang Kota Tangerang' }],
  },
);
export type UpdateAgencyInput = Static<typeof UpdateAgency>;
