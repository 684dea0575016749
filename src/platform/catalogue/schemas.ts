/** Request and response schemas of the catalogue and adoption routes. */
import { type Static, Type } from 'typebox';
import { CHANNELS } from './manifest.ts';

export const ADOPTION_STATUSES = [
  'proposed',
  'mou_signed',
  'pks_signed',
  'onboarding',
  'live',
  'suspended',
] as const;
export type AdoptionStatus = (typeof ADOPTION_STATUSES)[number];

export const ChannelName = Type.Enum(CHANNELS);
export const StatusName = Type.Enum(ADOPTION_STATUSES);
const LocalDate = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });

export const AppView = Type.Object(
  {
    code: Type.String(),
    name: Type.String(),
    category: Type.String(),
    channels: Type.Array(Type.String()),
    version: Type.String(),
    description: Type.Object({ id: Type.String(), en: Type.String() }),
    hasModule: Type.Boolean(),
    origin: Type.Union([Type.String(), Type.Null()]),
  },
  {
    examples: [
      {
        code: 'reports',
        name: 'LAKSA',
        category: 'pengaduan',
        channels: ['web', 'android', 'webservice'],
        version: '1.4.0',
        description: {
          id: 'Pengaduan warga: dari laporan sampai penyelesaian oleh perangkat daerah',
          en: 'Citizen reports: from the report to its resolution by the agencies',
        },
        hasModule: true,
        origin: 'kota-bogor',
      },
    ],
  },
);

const TenantRef = Type.Object({ slug: Type.String(), name: Type.String() });

export const NetworkRow = Type.Object(
  {
    tenant: Type.Object({
      slug: Type.String(),
      name: Type.String(),
      kind: Type.String(),
      code: Type.String(),
    }),
    app: Type.Object({ code: Type.String(), name: Type.String() }),
    channel: Type.String(),
    status: Type.String(),
    since: Type.Union([Type.String(), Type.Null()]),
    origin: Type.Union([TenantRef, Type.Null()]),
  },
  {
    examples: [
      {
        tenant: { slug: 'kota-tangerang', name: 'Kota Tangerang', kind: 'kota', code: '36.71' },
        app: { code: 'reports', name: 'LAKSA' },
        channel: 'web',
        status: 'live',
        since: '2026-09-01',
        origin: { slug: 'kota-bogor', name: 'Kota Bogor' },
      },
    ],
  },
);

/** The MoU of the examples. */
const AGREEMENT_ID = '01939c02-8e4b-7a31-b6d5-0f2a9c7e1b44';

export const AdoptionView = Type.Object(
  {
    app: Type.String(),
    channel: Type.String(),
    status: Type.String(),
    since: Type.Union([Type.String(), Type.Null()]),
    origin: Type.Union([Type.String(), Type.Null()]),
    mouId: Type.Union([Type.String(), Type.Null()]),
    pksId: Type.Union([Type.String(), Type.Null()]),
    history: Type.Array(
      Type.Object({
        from: Type.Union([Type.String(), Type.Null()]),
        to: Type.String(),
        at: Type.String(),
        agreementId: Type.Union([Type.String(), Type.Null()]),
        note: Type.Union([Type.String(), Type.Null()]),
      }),
    ),
  },
  {
    examples: [
      {
        app: 'reports',
        channel: 'web',
        status: 'mou_signed',
        since: '2026-07-14',
        origin: 'kota-bogor',
        mouId: AGREEMENT_ID,
        pksId: null,
        history: [
          { from: null, to: 'proposed', at: '2026-06-02', agreementId: null, note: 'Usulan Diskominfo' },
          { from: 'proposed', to: 'mou_signed', at: '2026-07-14', agreementId: AGREEMENT_ID, note: null },
        ],
      },
    ],
  },
);

export const ProposeAdoption = Type.Object(
  {
    app: Type.String({ pattern: '^[a-z0-9-]{2,40}$' }),
    channel: ChannelName,
    origin: Type.Optional(
      Type.String({ pattern: '^[a-z0-9-]{1,63}$', description: 'Slug of the origin tenant' }),
    ),
    note: Type.Optional(Type.String({ maxLength: 1000 })),
  },
  {
    additionalProperties: false,
    examples: [{ app: 'reports', channel: 'web', origin: 'kota-bogor', note: 'Usulan Diskominfo' }],
  },
);
export type ProposeAdoptionInput = Static<typeof ProposeAdoption>;

export const TransitionAdoption = Type.Object(
  {
    to: StatusName,
    agreementId: Type.Optional(Type.String({ format: 'uuid' })),
    note: Type.Optional(Type.String({ maxLength: 1000 })),
    on: Type.Optional(LocalDate),
  },
  {
    additionalProperties: false,
    examples: [{ to: 'mou_signed', agreementId: AGREEMENT_ID, on: '2026-07-14' }],
  },
);
export type TransitionAdoptionInput = Static<typeof TransitionAdoption>;

export const TakeLive = Type.Object(
  {
    mouId: Type.Optional(
      Type.String({
        format: 'uuid',
        description: 'The MoU of the `mou_signed` step, when the walk makes it',
      }),
    ),
    pksId: Type.Optional(
      Type.String({
        format: 'uuid',
        description: 'The PKS of the `pks_signed` step, when the walk makes it',
      }),
    ),
    on: Type.Optional(LocalDate),
    note: Type.Optional(Type.String({ maxLength: 1000 })),
  },
  {
    additionalProperties: false,
    examples: [{ mouId: AGREEMENT_ID, on: '2026-09-01', note: 'Peluncuran oleh Wali Kota' }],
  },
);
export type TakeLiveInput = Static<typeof TakeLive>;

export const Signatory = Type.Object(
  {
    name: Type.String({ minLength: 2, maxLength: 120 }),
    title: Type.String({ minLength: 2, maxLength: 200 }),
    party: Type.String({ minLength: 2, maxLength: 200 }),
  },
  { additionalProperties: false },
);

const agreementInput = {
  kind: 'mou',
  number: '119/05-MoU/Diskominfo/2026',
  signedOn: '2026-07-14',
  partner: 'kota-bogor',
  signatories: [
    { name: 'Dr. H. Sachrudin', title: 'Wali Kota Tangerang', party: 'Pemerintah Kota Tangerang' },
    { name: 'Dedie A. Rachim', title: 'Wali Kota Bogor', party: 'Pemerintah Kota Bogor' },
  ],
};

export const CreateAgreement = Type.Object(
  {
    kind: Type.Union([Type.Literal('mou'), Type.Literal('pks')]),
    number: Type.String({ minLength: 3, maxLength: 120 }),
    signedOn: LocalDate,
    partner: Type.Optional(
      Type.String({ pattern: '^[a-z0-9-]{1,63}$', description: 'Slug of the partner tenant' }),
    ),
    signatories: Type.Array(Signatory, { minItems: 2, maxItems: 10 }),
  },
  { additionalProperties: false, examples: [agreementInput] },
);
export type CreateAgreementInput = Static<typeof CreateAgreement>;

export const AgreementView = Type.Object(
  {
    id: Type.String(),
    kind: Type.String(),
    number: Type.String(),
    signedOn: Type.String(),
    partner: Type.Union([Type.String(), Type.Null()]),
    signatories: Type.Array(Signatory),
    hasDocument: Type.Boolean(),
  },
  { examples: [{ id: AGREEMENT_ID, ...agreementInput, hasDocument: true }] },
);
