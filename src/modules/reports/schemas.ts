/** Request and response schemas of the reports app: one source for validation, types and OpenAPI. */
import { type Static, Type } from 'typebox';
import { REJECT_REASONS, REPORT_TYPES, STATUSES, TRACKS } from './lifecycle.ts';
import {
  agencyStatsExample,
  categoryExample,
  filedExample,
  messagingExample,
  newReportExample,
  publicReportExample,
  reportDetailExample,
  settingsExample,
  similarExample,
  summaryExample,
} from './schema-examples.ts';

const Uuid = Type.String({ format: 'uuid' });
const Text = (max: number, min = 1) => Type.String({ minLength: min, maxLength: max });
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);

export const Lat = Type.Number({ minimum: -90, maximum: 90 });
export const Lng = Type.Number({ minimum: -180, maximum: 180 });
export const Phone = Type.String({ pattern: '^\\+?[0-9]{8,15}$' });
export const CategoryCode = Type.String({ pattern: '^[a-z0-9]+(-[a-z0-9]+)*$', maxLength: 40 });

export const NewReport = Type.Object(
  {
    type: Type.Enum(REPORT_TYPES),
    category: CategoryCode,
    description: Text(4000, 10),
    lat: Type.Optional(Lat),
    lng: Type.Optional(Lng),
    address: Type.Optional(Text(300, 3)),
    kelurahan: Type.Optional(Text(100, 2)),
    name: Type.Optional(Text(120, 2)),
    email: Type.Optional(Type.String({ format: 'email', maxLength: 254 })),
    phone: Type.Optional(Phone),
    /** Never public: only the reporter and staff see the report (SP4N-LAPOR!'s "rahasia"). */
    confidential: Type.Optional(Type.Boolean()),
    /** The reporter's identity is hidden from staff (SP4N-LAPOR!'s "anonim"). */
    anonymous: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false, examples: [newReportExample] },
);
export type NewReportInput = Static<typeof NewReport>;

export const Transition = Type.Object(
  {
    note: Type.Optional(Text(4000)),
    agencyId: Type.Optional(Uuid),
    officerUserId: Type.Optional(Uuid),
    track: Type.Optional(Type.Enum(TRACKS)),
    duplicateOf: Type.Optional(Text(64)),
    reason: Type.Optional(Type.Enum(REJECT_REASONS)),
    targetTenant: Type.Optional(Type.String({ pattern: '^[a-z0-9]+(-[a-z0-9]+)*$', maxLength: 63 })),
    rating: Type.Optional(Type.Integer({ minimum: 1, maximum: 5 })),
    comment: Type.Optional(Text(1000)),
    secret: Type.Optional(Text(100)),
  },
  { additionalProperties: false },
);
export type TransitionInput = Static<typeof Transition>;

/** A report in a path: its id or its tracking number. */
export const IdParams = Type.Object({ id: Type.String({ maxLength: 64 }) });
export const PhotoParams = Type.Object({
  id: Type.String({ maxLength: 64 }),
  photoId: Type.String({ maxLength: 64 }),
});

export const Rating = Type.Object(
  {
    rating: Type.Integer({ minimum: 1, maximum: 5 }),
    comment: Type.Optional(Text(1000)),
    secret: Type.Optional(Text(100)),
  },
  {
    additionalProperties: false,
    examples: [{ rating: 5, comment: 'Cepat ditangani, jalan sudah mulus lagi. Terima kasih.' }],
  },
);
export type RatingInput = Static<typeof Rating>;

export const Filters = Type.Object(
  {
    category: Type.Optional(CategoryCode),
    status: Type.Optional(Type.Array(Type.Enum(STATUSES), { maxItems: STATUSES.length })),
    type: Type.Optional(Type.Enum(REPORT_TYPES)),
    agency: Type.Optional(Uuid),
    kelurahan: Type.Optional(Text(100)),
    from: Type.Optional(Type.String({ format: 'date' })),
    to: Type.Optional(Type.String({ format: 'date' })),
    q: Type.Optional(Text(200)),
    bbox: Type.Optional(
      Type.String({
        pattern: '^-?[0-9.]+,-?[0-9.]+,-?[0-9.]+,-?[0-9.]+$',
        description: 'minLng,minLat,maxLng,maxLat',
      }),
    ),
    overdue: Type.Optional(Type.Boolean()),
    limit: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
    offset: Type.Integer({ minimum: 0, maximum: 10_000, default: 0 }),
    lang: Type.Optional(Type.String()),
  },
  { additionalProperties: false },
);
export type FiltersInput = Static<typeof Filters>;

const PhotoView = Type.Object({ id: Type.String(), kind: Type.String(), url: Type.String() });

const EventView = Type.Object({
  at: Type.String(),
  kind: Type.String(),
  fromStatus: Nullable(Type.String()),
  toStatus: Nullable(Type.String()),
  actorRole: Type.String(),
  actorName: Type.Optional(Nullable(Type.String())),
  agency: Nullable(Type.Object({ id: Type.String(), name: Type.String() })),
  note: Nullable(Type.String()),
  data: Nullable(Type.Record(Type.String(), Type.Unknown())),
  photos: Type.Array(PhotoView),
});

const Named = Type.Object({ id: Type.String(), name: Type.String() });

export const PublicReport = Type.Object(
  {
    id: Type.String(),
    trackingNo: Type.String(),
    type: Type.String(),
    category: Type.Object({ code: Type.String(), name: Type.String() }),
    description: Type.String(),
    status: Type.String(),
    lat: Nullable(Type.Number()),
    lng: Type.Union([Type.Number(), Type.Null()]),
    address: Nullable(Type.String()),
    kelurahan: Nullable(Type.String()),
    agency: Nullable(Named),
    dueAt: Nullable(Type.String()),
    overdue: Type.Boolean(),
    duplicateOf: Nullable(Type.String()),
    referredTo: Nullable(
      Type.Object({ tenant: Type.String(), name: Type.String(), trackingNo: Type.String() }),
    ),
    rejectReason: Nullable(Type.String()),
    rating: Nullable(Type.Integer()),
    /** The reporter asked that the report never be public (shown to them and to staff only). */
    confidential: Type.Boolean(),
    /** Whether the public sees the report now (not confidential, not set aside, verified if need be). */
    public: Type.Boolean(),
    createdAt: Type.String(),
    updatedAt: Type.String(),
    photos: Type.Array(PhotoView),
  },
  { examples: [publicReportExample] },
);

export const ReportDetail = Type.Object(
  {
    ...PublicReport.properties,
    history: Type.Array(EventView),
    /** Present for staff and for the reporter: the actions the caller may take now. */
    actions: Type.Optional(Type.Array(Type.String())),
    /** Staff only; every field null when the reporter asked to stay anonymous. */
    reporter: Type.Optional(
      Type.Object({
        name: Nullable(Type.String()),
        email: Nullable(Type.String()),
        phone: Nullable(Type.String()),
        userId: Nullable(Type.String()),
        anonymous: Type.Boolean(),
      }),
    ),
    channel: Type.Optional(Type.String()),
    officer: Type.Optional(Nullable(Named)),
    track: Type.Optional(Type.String()),
    laporId: Type.Optional(Nullable(Type.String())),
    /** Why SP4N-LAPOR! last refused the report; it is sent again once the report changes. */
    laporError: Type.Optional(Nullable(Type.String())),
    referredFrom: Type.Optional(Nullable(Type.Object({ tenant: Type.String(), trackingNo: Type.String() }))),
  },
  { examples: [reportDetailExample] },
);

export const ReportPage = Type.Object(
  {
    total: Type.Integer(),
    items: Type.Array(PublicReport),
  },
  { examples: [{ total: 1, items: [publicReportExample] }] },
);

/** The answers' types, for the console (which imports this file's types only, never its code). */
export type ReportItemType = Static<typeof PublicReport>;
export type ReportDetailType = Static<typeof ReportDetail>;
export type ReportPageType = Static<typeof ReportPage>;

export const Filed = Type.Object(
  {
    id: Type.String(),
    trackingNo: Type.String(),
    status: Type.String(),
    dueAt: Nullable(Type.String()),
    /** For a reporter who is not signed in: keep it to add information, rate or reopen. */
    secret: Type.Optional(Type.String()),
  },
  { examples: [filedExample] },
);

export const Category = Type.Object(
  {
    code: Type.String(),
    name: Type.Object({ id: Type.String(), en: Type.String() }),
    agencyId: Nullable(Type.String()),
    verifyDays: Nullable(Type.Integer()),
    followUpDays: Nullable(Type.Integer()),
    defaultTrack: Type.String(),
    active: Type.Boolean(),
    sort: Type.Integer(),
  },
  { examples: [categoryExample] },
);

export const CategoryInput = Type.Object(
  {
    name: Type.Object({ id: Text(120, 2), en: Text(120, 2) }, { additionalProperties: false }),
    agencyId: Type.Optional(Nullable(Uuid)),
    verifyDays: Type.Optional(Nullable(Type.Integer({ minimum: 1, maximum: 365 }))),
    followUpDays: Type.Optional(Nullable(Type.Integer({ minimum: 1, maximum: 365 }))),
    defaultTrack: Type.Optional(Type.Enum(TRACKS)),
    active: Type.Optional(Type.Boolean()),
    sort: Type.Optional(Type.Integer({ minimum: 0, maximum: 10_000 })),
  },
  {
    additionalProperties: false,
    examples: [
      {
        name: categoryExample.name,
        agencyId: categoryExample.agencyId,
        followUpDays: 14,
        defaultTrack: 'field_work',
      },
    ],
  },
);
export type CategoryInputType = Static<typeof CategoryInput>;
export type CategoryType = Static<typeof Category>;

const Days = Type.Integer({ minimum: 1, maximum: 365 });

export const DeadlinesSchema = Type.Object(
  {
    verifyDays: Days,
    followUpDays: Type.Object(
      { standard: Days, dispute: Days, field_work: Days },
      { additionalProperties: false },
    ),
    typeFollowUpDays: Type.Object(
      {
        aspiration: Type.Optional(Days),
        complaint: Type.Optional(Days),
        information_request: Type.Optional(Days),
      },
      { additionalProperties: false },
    ),
    autoCloseDays: Days,
    reopenDays: Days,
  },
  { additionalProperties: false },
);

export const Settings = Type.Object(
  {
    displayName: Nullable(Type.String()),
    deadlines: DeadlinesSchema,
    duplicateRadiusM: Type.Integer(),
    duplicateWindowDays: Type.Integer(),
    minStatsSample: Type.Integer(),
    /** Reports are exchanged with SP4N-LAPOR! (when the platform has LAPOR_URL). */
    laporEnabled: Type.Boolean(),
    /** A report goes public only once an operator verified it (until then: its reporter and staff). */
    verifyBeforePublic: Type.Boolean(),
    /** The tenant's example for the report form's address hint (a street of its own); null: a general hint. */
    addressExample: Nullable(Type.String()),
  },
  { examples: [settingsExample] },
);

export const SettingsInput = Type.Object(
  {
    displayName: Type.Optional(Nullable(Text(60, 2))),
    deadlines: Type.Optional(DeadlinesSchema),
    duplicateRadiusM: Type.Optional(Type.Integer({ minimum: 10, maximum: 5000 })),
    duplicateWindowDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 365 })),
    minStatsSample: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })),
    laporEnabled: Type.Optional(Type.Boolean()),
    verifyBeforePublic: Type.Optional(Type.Boolean()),
    addressExample: Type.Optional(Nullable(Text(120, 3))),
  },
  {
    additionalProperties: false,
    minProperties: 1,
    examples: [{ verifyBeforePublic: true, duplicateRadiusM: 150, addressExample: 'Jl. Daan Mogot No. 5' }],
  },
);
export type SettingsInputType = Static<typeof SettingsInput>;

export const Similar = Type.Array(
  Type.Object({
    id: Type.String(),
    trackingNo: Type.String(),
    status: Type.String(),
    description: Type.String(),
    distanceM: Nullable(Type.Integer()),
    createdAt: Type.String(),
  }),
  { examples: [similarExample] },
);

export const AgencyStats = Type.Object(
  {
    from: Type.String(),
    to: Type.String(),
    minSample: Type.Integer(),
    agencies: Type.Array(
      Type.Object({
        agency: Named,
        disposed: Type.Integer(),
        completed: Type.Integer(),
        openOverdue: Type.Integer(),
        /** Null below the minimum sample: too few reports to judge fairly. */
        medianFollowUpDays: Nullable(Type.Number()),
        onTimeShare: Nullable(Type.Number()),
        enoughData: Type.Boolean(),
      }),
    ),
  },
  { examples: [agencyStatsExample] },
);

export const Summary = Type.Object(
  {
    total: Type.Integer(),
    overdue: Type.Integer(),
    byStatus: Type.Record(Type.String(), Type.Integer()),
    byCategory: Type.Record(Type.String(), Type.Integer()),
    overdueByAgency: Type.Array(Type.Object({ agency: Named, overdue: Type.Integer() })),
  },
  { examples: [summaryExample] },
);

export type SimilarType = Static<typeof Similar>;
export type AgencyStatsType = Static<typeof AgencyStats>;
export type SummaryType = Static<typeof Summary>;

export const Messaging = Type.Object(
  {
    messageId: Text(200),
    from: Phone,
    name: Type.Optional(Text(120, 2)),
    text: Text(4000, 10),
    lat: Type.Optional(Lat),
    lng: Type.Optional(Lng),
    address: Type.Optional(Text(300, 3)),
  },
  { additionalProperties: false, examples: [messagingExample] },
);
export type MessagingInput = Static<typeof Messaging>;
