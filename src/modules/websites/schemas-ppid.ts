/**
 * The PPID's API contract (UU 14/2008): the menu of public information, a citizen's request and
 * its status, and the PPID staff's actions. Builds on `InfoRequestInput`/`InfoRequest` of
 * schemas.ts, with examples for the API's documentation.
 */
import { type Static, type TSchema, Type } from 'typebox';
import { ANSWER_KINDS, OBJECTION_GROUNDS, REFUSAL_GROUNDS } from './ppid-tables.ts';
import { InfoRequest, InfoRequestInput, PostKind, PpidClass, Slug } from './schemas.ts';

const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
const Day = Type.String({ format: 'date' });

/** `PPID-<SITE>-<year>-<sequence>`: the site's slug in capitals, the tenant's yearly sequence. */
export const REQUEST_NUMBER = '^PPID-[A-Z0-9]+(-[A-Z0-9]+)*-[0-9]{4}-[0-9]{6,}$';

export const RequestNumberParams = Type.Object({
  site: Slug,
  number: Type.String({ minLength: 16, maxLength: 80, pattern: '^[A-Za-z0-9-]+$' }),
});
export const RequestIdParams = Type.Object({ site: Slug, id: Type.String({ format: 'uuid' }) });
export const RequestListQuery = Type.Object(
  {
    /** true (the default): the requests waiting for the PPID or the superior, by due date. */
    open: Type.Optional(Type.Boolean({ default: true })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 100 })),
  },
  { additionalProperties: false },
);
/** Optional in the schema so that a missing secret is refused like a wrong one (403, in words). */
export const SecretHeaders = Type.Object({
  'x-request-secret': Type.Optional(Type.String({ maxLength: 100 })),
});

const EXAMPLE_POST = {
  id: '0b5f3d1c-6a55-4a2c-9b8e-3b1f3b0a7c11',
  kind: 'document' as const,
  title: 'Laporan Keuangan 2025',
  summary: 'Laporan keuangan tahunan Dinas Kesehatan',
  url: '/t/kota/situs/dinkes/dokumen/laporan-keuangan-2025',
  publishedAt: '2026-03-02T03:00:00.000Z',
};

export const PpidMenu = Type.Object(
  {
    site: Type.String(),
    classes: Type.Array(
      Type.Object({
        class: PpidClass,
        posts: Type.Array(
          Type.Object({
            id: Type.String({ format: 'uuid' }),
            kind: PostKind,
            title: Type.String(),
            summary: Nullable(Type.String()),
            /** Null for excepted information: listed, never opened. */
            url: Nullable(Type.String()),
            publishedAt: Nullable(Type.String({ format: 'date-time' })),
          }),
        ),
      }),
    ),
    requestUrl: Type.String(),
  },
  {
    examples: [
      {
        site: 'dinkes',
        classes: [
          { class: 'berkala', posts: [EXAMPLE_POST] },
          { class: 'serta_merta', posts: [] },
          { class: 'setiap_saat', posts: [] },
          { class: 'dikecualikan', posts: [] },
        ],
        requestUrl: '/t/kota/situs/dinkes/ppid/permohonan',
      },
    ],
  },
);
export type PpidMenuType = Static<typeof PpidMenu>;

export const RequestInput = Type.Object(InfoRequestInput.properties, {
  additionalProperties: false,
  examples: [
    {
      name: 'Siti Aminah',
      email: 'siti@example.id',
      information: 'Data jumlah puskesmas dan tenaga kesehatan per kecamatan tahun 2025',
      purpose: 'Bahan penelitian skripsi',
      delivery: 'email',
    },
  ],
});
export type RequestInputType = Static<typeof RequestInput>;

export const RequestFiled = Type.Object(
  {
    number: Type.String(),
    /** Shown once: the requester opens the status page with it. Only its hash is kept. */
    secret: Type.String(),
    dueOn: Day,
    statusUrl: Type.String(),
  },
  {
    examples: [
      {
        number: 'PPID-DINKES-2026-000123',
        secret: 'b1Xr9kQe2vT7mN4pL8sZ',
        dueOn: '2026-12-21',
        statusUrl: '/t/kota/situs/dinkes/ppid/status/PPID-DINKES-2026-000123',
      },
    ],
  },
);
export type RequestFiledType = Static<typeof RequestFiled>;

const EXAMPLE_STATUS = {
  id: '6f1d2a7e-1c3b-4f6a-8d2e-9a0b1c2d3e4f',
  number: 'PPID-DINKES-2026-000123',
  site: 'dinkes',
  status: 'answered' as const,
  information: 'Data jumlah puskesmas dan tenaga kesehatan per kecamatan tahun 2025',
  purpose: 'Bahan penelitian skripsi',
  delivery: 'email',
  receivedAt: '2026-12-07T02:00:00.000Z',
  dueOn: '2026-12-21',
  extendedOn: null,
  extensionReason: null,
  answeredAt: '2026-12-15T04:00:00.000Z',
  answerKind: 'granted',
  answer: 'Data terlampir dalam surel.',
  objectionAt: null,
  objectionReason: null,
  objectionDueOn: null,
  objectionAnswer: null,
  objectionAnsweredAt: null,
  refusalGround: null,
  objectionGround: null,
  overdue: false,
  mayObject: true,
  objectionFrom: '2026-12-15',
  objectionUntil: '2027-02-01',
};

/** A request as its requester sees it: what was asked, the deadlines, the answers, what they may do. */
export const RequestStatus = Type.Object(
  {
    ...InfoRequest.properties,
    refusalGround: Nullable(Type.Enum(REFUSAL_GROUNDS)),
    objectionGround: Nullable(Type.Enum(OBJECTION_GROUNDS)),
    /** Unanswered past its (extended) due date. */
    overdue: Type.Boolean(),
    /** Whether an objection may be filed today. */
    mayObject: Type.Boolean(),
    objectionFrom: Nullable(Day),
    objectionUntil: Nullable(Day),
  },
  { examples: [EXAMPLE_STATUS] },
);
export type RequestStatusType = Static<typeof RequestStatus>;

const STAFF_EXAMPLE = {
  ...EXAMPLE_STATUS,
  name: 'Siti Aminah',
  email: 'siti@example.id',
  phone: null,
  address: null,
  identityNumber: null,
};

/** A request as the PPID's staff see it: also who asked and how to reach them. */
export const StaffRequest = Type.Object(
  {
    ...RequestStatus.properties,
    name: Type.String(),
    email: Nullable(Type.String()),
    phone: Nullable(Type.String()),
    address: Nullable(Type.String()),
    identityNumber: Nullable(Type.String()),
  },
  {
    examples: [STAFF_EXAMPLE],
  },
);
export type StaffRequestType = Static<typeof StaffRequest>;
export const StaffRequests = Type.Object(
  { items: Type.Array(StaffRequest) },
  { examples: [{ items: [STAFF_EXAMPLE] }] },
);

export const ExtendInput = Type.Object(
  {
    days: Type.Integer({ minimum: 1, maximum: 7 }),
    reason: Type.String({ minLength: 10, maxLength: 2000 }),
  },
  {
    additionalProperties: false,
    examples: [{ days: 5, reason: 'Data masih dihimpun dari 12 puskesmas.' }],
  },
);
export type ExtendInputType = Static<typeof ExtendInput>;

export const AnswerInput = Type.Object(
  {
    kind: Type.Enum(ANSWER_KINDS),
    text: Type.String({ minLength: 1, maxLength: 10_000 }),
    /** Required when refused: the exception of Pasal 17 UU 14/2008 (a–j). */
    refusalGround: Type.Optional(Type.Enum(REFUSAL_GROUNDS)),
  },
  {
    additionalProperties: false,
    examples: [{ kind: 'granted', text: 'Data terlampir dalam surel.' }],
  },
);
export type AnswerInputType = Static<typeof AnswerInput>;

export const ObjectionInput = Type.Object(
  {
    /** The ground of Pasal 35 ayat 1 UU 14/2008 (a–g). */
    ground: Type.Enum(OBJECTION_GROUNDS),
    reason: Type.String({ minLength: 10, maxLength: 5000 }),
  },
  {
    additionalProperties: false,
    examples: [{ ground: 'c', reason: 'Permohonan saya tidak ditanggapi sampai batas waktu.' }],
  },
);
export type ObjectionInputType = Static<typeof ObjectionInput>;

export const ObjectionAnswerInput = Type.Object(
  { text: Type.String({ minLength: 1, maxLength: 10_000 }) },
  {
    additionalProperties: false,
    examples: [{ text: 'Keberatan diterima; data diberikan seluruhnya.' }],
  },
);
export type ObjectionAnswerInputType = Static<typeof ObjectionAnswerInput>;
