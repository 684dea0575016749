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

export const TenantPublic = Type.Object({
  slug: Type.String(),
  code: Type.String(),
  name: Type.String(),
  kind: Type.String(),
  timeZone: Type.String(),
  defaultLanguage: Type.String(),
  branding: Branding,
  domains: Type.Array(Type.String()),
});

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
  },
  { additionalProperties: false },
);
export type CreateTenantInput = Static<typeof CreateTenant>;

export const UpdateSettings = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 3, maxLength: 120 })),
    defaultLanguage: Type.Optional(Language),
    domains: Type.Optional(Type.Array(Domain, { maxItems: 10 })),
    branding: Type.Optional(Branding),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateSettingsInput = Static<typeof UpdateSettings>;

export const Agency = Type.Object({
  id: Type.String(),
  parentId: Type.Union([Type.String(), Type.Null()]),
  code: Type.String(),
  name: Type.String(),
  kind: Type.String(),
});

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
  { additionalProperties: false },
);
export type CreateAgencyInput = Static<typeof CreateAgency>;

export const UpdateAgency = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 3, maxLength: 200 })),
    kind: Type.Optional(AgencyKind),
    parentId: Type.Optional(Type.Union([Type.String({ format: 'uuid' }), Type.Null()])),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateAgencyInput = Static<typeof UpdateAgency>;
