/** Request and response schemas of the market prices app: one source for validation, types and OpenAPI. */
import { type Static, type TSchema, Type } from 'typebox';
import { MAX_QUOTES } from './prices.ts';
import {
  alertsExample,
  commodityExample,
  commodityInputExample,
  correctionInputExample,
  correctionResultExample,
  dayResultExample,
  entryInputExample,
  entrySheetExample,
  historyExample,
  importResultExample,
  marketExample,
  marketInputExample,
  officersExample,
  officersInputExample,
  reviewExample,
  settingsExample,
  settingsInputExample,
  subscriptionExample,
  todayExample,
  verifyInputExample,
} from './schema-examples.ts';

const Text = (max: number, min = 1) => Type.String({ minLength: min, maxLength: max });
const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
const Uuid = Type.String({ format: 'uuid' });
export const Code = Type.String({ pattern: '^[a-z0-9]+(-[a-z0-9]+)*$', maxLength: 40 });
export const Day = Type.String({ format: 'date' });
const Names = Type.Object({ id: Text(120, 2), en: Text(120, 2) }, { additionalProperties: false });
const Rupiah = Type.Integer({ description: 'Whole rupiah per unit' });
/**
 * A trader's price as input: bounded to the integer column it is kept in. Whether it is above zero
 * and plausible is the entry service's check, with its own messages.
 */
const Quote = Type.Integer({
  minimum: -2_147_483_648,
  maximum: 2_147_483_647,
  description: 'Whole rupiah per unit',
});
const Lang = Type.Optional(Type.String());

/**
 * A number or null, as one JSON Schema `type` list rather than `anyOf`: the validator coerces types,
 * and in `anyOf` its number branch turned a null into 0 (a market "without a place" stored at 0, 0)
 * before the null branch was tried. With a type list, a value of either type is taken as it is.
 */
const NumberOrNull = (options: { minimum: number; maximum: number }) =>
  Type.Unsafe<number | null>({ type: ['number', 'null'], ...options });

export const CodeParams = Type.Object({ code: Code });
export const DayParams = Type.Object({ day: Day });
export const EntryParams = Type.Object({ market: Code, day: Day });

// ---------------------------------------------------------------------------------------------
// Reference data

export const MarketInput = Type.Object(
  {
    name: Text(120, 2),
    address: Type.Optional(Nullable(Text(300, 3))),
    lat: Type.Optional(NumberOrNull({ minimum: -90, maximum: 90 })),
    lng: Type.Optional(NumberOrNull({ minimum: -180, maximum: 180 })),
    agencyId: Type.Optional(Nullable(Uuid)),
    active: Type.Optional(Type.Boolean()),
    sort: Type.Optional(Type.Integer({ minimum: 0, maximum: 10_000 })),
  },
  { additionalProperties: false, examples: [marketInputExample] },
);
export type MarketInputType = Static<typeof MarketInput>;

export const Market = Type.Object(
  {
    code: Type.String(),
    name: Type.String(),
    address: Nullable(Type.String()),
    lat: Nullable(Type.Number()),
    lng: Nullable(Type.Number()),
    agencyId: Nullable(Type.String()),
    active: Type.Boolean(),
  },
  { examples: [marketExample] },
);
export const MarketList = Type.Object(
  { items: Type.Array(Market) },
  { examples: [{ items: [marketExample] }] },
);

export const CommodityInput = Type.Object(
  {
    name: Names,
    group: Code,
    grade: Type.Optional(Nullable(Text(60))),
    unit: Type.Union([Type.Literal('kg'), Type.Literal('liter')]),
    minPrice: Type.Integer({ minimum: 1, maximum: 100_000_000 }),
    maxPrice: Type.Integer({ minimum: 2, maximum: 100_000_000 }),
    active: Type.Optional(Type.Boolean()),
    sort: Type.Optional(Type.Integer({ minimum: 0, maximum: 10_000 })),
  },
  { additionalProperties: false, examples: [commodityInputExample] },
);
export type CommodityInputType = Static<typeof CommodityInput>;

export const Commodity = Type.Object(
  {
    code: Type.String(),
    name: Type.Object({ id: Type.String(), en: Type.String() }),
    group: Type.String(),
    grade: Nullable(Type.String()),
    unit: Type.String(),
    minPrice: Type.Integer(),
    maxPrice: Type.Integer(),
    active: Type.Boolean(),
  },
  { examples: [commodityExample] },
);
export const CommodityList = Type.Object(
  { items: Type.Array(Commodity) },
  { examples: [{ items: [commodityExample] }] },
);

export const OfficersInput = Type.Object(
  { userIds: Type.Array(Uuid, { maxItems: 50, uniqueItems: true }) },
  { additionalProperties: false, examples: [officersInputExample] },
);
export type OfficersInputType = Static<typeof OfficersInput>;
export const Officers = Type.Object(
  {
    market: Type.String(),
    items: Type.Array(Type.Object({ id: Type.String(), name: Type.String() })),
  },
  { examples: [officersExample] },
);

export const Settings = Type.Object(
  {
    publishTime: Type.String(),
    jumpPercent: Type.Integer(),
    alertPercent: Type.Integer(),
  },
  { examples: [settingsExample] },
);
export const SettingsInput = Type.Object(
  {
    publishTime: Type.Optional(Type.String({ pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$' })),
    jumpPercent: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })),
    alertPercent: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })),
  },
  { additionalProperties: false, examples: [settingsInputExample] },
);
export type SettingsInputType = Static<typeof SettingsInput>;

// ---------------------------------------------------------------------------------------------
// Entry, review, publication, corrections

const Quotes = Type.Array(Rupiah, { maxItems: MAX_QUOTES });
const Previous = Nullable(Type.Object({ day: Type.String(), price: Type.Integer() }));
const EntryStatus = Nullable(
  Type.String({ description: 'draft, verified or published; null before any entry' }),
);
const DayStatus = Type.String({ description: 'open, verified or published' });

export const EntryInput = Type.Object(
  {
    items: Type.Array(
      Type.Object(
        {
          commodity: Code,
          quotes: Type.Array(Quote, {
            maxItems: MAX_QUOTES,
            description: 'The traders’ prices; an empty list removes a draft',
          }),
        },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 200 },
    ),
  },
  { additionalProperties: false, examples: [entryInputExample] },
);
export type EntryInputType = Static<typeof EntryInput>;

export const EntrySheet = Type.Object(
  {
    market: Type.Object({ code: Type.String(), name: Type.String() }),
    day: Type.String(),
    dayStatus: DayStatus,
    items: Type.Array(
      Type.Object({
        commodity: Type.String(),
        name: Type.String(),
        unit: Type.String(),
        minPrice: Type.Integer(),
        maxPrice: Type.Integer(),
        quotes: Quotes,
        price: Nullable(Type.Integer()),
        status: EntryStatus,
        previous: Previous,
      }),
    ),
  },
  { examples: [entrySheetExample] },
);

export const Review = Type.Object(
  {
    day: Type.String(),
    dayStatus: DayStatus,
    publicFrom: Nullable(Type.String()),
    jumpPercent: Type.Integer(),
    counts: Type.Object({ draft: Type.Integer(), verified: Type.Integer(), published: Type.Integer() }),
    markets: Type.Array(
      Type.Object({
        code: Type.String(),
        name: Type.String(),
        missing: Type.Integer({ description: 'Active commodities without an entry' }),
        missingCommodities: Type.Array(Type.Object({ code: Type.String(), name: Type.String() }), {
          description: 'The active commodities without an entry: a publication leaves them out',
        }),
        items: Type.Array(
          Type.Object({
            commodity: Type.String(),
            name: Type.String(),
            quotes: Quotes,
            price: Type.Integer(),
            status: Type.String(),
            previous: Previous,
            changePercent: Nullable(Type.Number()),
            jump: Type.Boolean(),
          }),
        ),
      }),
    ),
  },
  { examples: [reviewExample] },
);

export const VerifyInput = Type.Object(
  { markets: Type.Optional(Type.Array(Code, { minItems: 1, maxItems: 100, uniqueItems: true })) },
  { additionalProperties: false, examples: [verifyInputExample] },
);
export type VerifyInputType = Static<typeof VerifyInput>;

export const DayResult = Type.Object(
  {
    day: Type.String(),
    dayStatus: DayStatus,
    entries: Type.Integer({ description: 'Entries this step changed' }),
    publicFrom: Nullable(Type.String()),
    alerts: Type.Integer(),
  },
  { examples: [dayResultExample] },
);

export const CorrectionInput = Type.Object(
  {
    commodity: Code,
    quotes: Type.Array(Quote, { minItems: 1, maxItems: MAX_QUOTES }),
    reason: Text(1000, 10),
  },
  { additionalProperties: false, examples: [correctionInputExample] },
);
export type CorrectionInputType = Static<typeof CorrectionInput>;
export const CorrectionResult = Type.Object(
  {
    market: Type.String(),
    commodity: Type.String(),
    day: Type.String(),
    before: Nullable(Type.Integer()),
    price: Type.Integer(),
    alerts: Type.Integer(),
  },
  { examples: [correctionResultExample] },
);

export const ImportResult = Type.Object(
  { market: Type.String(), day: Type.String(), saved: Type.Integer() },
  { examples: [importResultExample] },
);

// ---------------------------------------------------------------------------------------------
// Public views

const ChangeSchema = Nullable(
  Type.Object({ day: Type.String(), price: Type.Integer(), diff: Type.Integer(), percent: Type.Number() }),
);
const Changes = Type.Object({ yesterday: ChangeSchema, week: ChangeSchema, month: ChangeSchema });
const CommodityRef = Type.Object({
  code: Type.String(),
  name: Type.String(),
  group: Type.String(),
  grade: Nullable(Type.String()),
  unit: Type.String(),
});

export const TodayQuery = Type.Object(
  { day: Type.Optional(Day), lang: Lang },
  { additionalProperties: false },
);
export type TodayQueryType = Static<typeof TodayQuery>;

export const Today = Type.Object(
  {
    day: Nullable(
      Type.String({
        description:
          'The latest published day on or before the asked day; each price carries its own day, which may be earlier',
      }),
    ),
    publishedAt: Nullable(
      Type.String({
        description: 'When the day’s prices became public: the publication, or its time when later',
      }),
    ),
    compared: Type.Object({
      yesterday: Nullable(Type.String()),
      week: Nullable(Type.String()),
      month: Nullable(Type.String()),
    }),
    city: Type.Array(
      Type.Object({
        commodity: CommodityRef,
        day: Type.String({ description: 'The newest day among the markets’ latest prices' }),
        price: Type.Integer({ description: 'Average of each market’s latest price' }),
        min: Type.Integer(),
        max: Type.Integer(),
        markets: Type.Integer(),
        cheapest: Type.Object({ code: Type.String(), name: Type.String(), price: Type.Integer() }),
        change: Changes,
      }),
    ),
    markets: Type.Array(
      Type.Object({
        code: Type.String(),
        name: Type.String(),
        items: Type.Array(
          Type.Object({
            commodity: Type.String(),
            day: Type.String({ description: 'The day of this latest published price' }),
            price: Type.Integer(),
            change: Changes,
          }),
        ),
      }),
    ),
  },
  { examples: [todayExample] },
);

export const HistoryQuery = Type.Object(
  {
    commodity: Code,
    market: Type.Optional(Code),
    from: Type.Optional(Day),
    to: Type.Optional(Day),
    lang: Lang,
  },
  { additionalProperties: false },
);
export type HistoryQueryType = Static<typeof HistoryQuery>;

export const History = Type.Object(
  {
    commodity: CommodityRef,
    market: Nullable(Type.Object({ code: Type.String(), name: Type.String() })),
    from: Type.String(),
    to: Type.String(),
    points: Type.Array(
      Type.Object({
        day: Type.String(),
        price: Type.Integer(),
        min: Type.Optional(Type.Integer()),
        max: Type.Optional(Type.Integer()),
        markets: Type.Optional(Type.Integer()),
      }),
    ),
  },
  { examples: [historyExample] },
);

// ---------------------------------------------------------------------------------------------
// Alerts

export const AlertsQuery = Type.Object(
  {
    from: Type.Optional(Day),
    to: Type.Optional(Day),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
    order: Type.Optional(
      Type.Union([Type.Literal('day'), Type.Literal('recent')], {
        description:
          'day (default): by the alert’s day, newest first, then by percentage; recent: by when the alert was raised, newest first (a correction of an earlier day included)',
      }),
    ),
    lang: Lang,
  },
  { additionalProperties: false },
);
export type AlertsQueryType = Static<typeof AlertsQuery>;
export const Alerts = Type.Object(
  {
    items: Type.Array(
      Type.Object({
        id: Type.String(),
        day: Type.String(),
        commodity: Type.Object({ code: Type.String(), name: Type.String(), unit: Type.String() }),
        market: Nullable(Type.Object({ code: Type.String(), name: Type.String() })),
        previousDay: Type.String(),
        previous: Type.Integer(),
        current: Type.Integer(),
        percent: Type.Number(),
        createdAt: Type.String(),
      }),
    ),
  },
  { examples: [alertsExample] },
);

export const Subscription = Type.Object(
  { alerts: Type.Boolean(), dailySummary: Type.Boolean() },
  { additionalProperties: false, examples: [subscriptionExample] },
);
export type SubscriptionType = Static<typeof Subscription>;

// The answers' types, for the console (which imports this file's types only, never its code).
export type EntrySheetType = Static<typeof EntrySheet>;
export type ReviewType = Static<typeof Review>;
export type DayResultType = Static<typeof DayResult>;
export type PriceAlertType = Static<typeof Alerts>['items'][number];

// ---------------------------------------------------------------------------------------------
// Setup screens: the staff's lists of reference data (retired entries too)

const Person = Type.Object({ id: Type.String(), name: Type.String() });

export const ManagedMarkets = Type.Object(
  {
    items: Type.Array(
      Type.Object({
        ...Market.properties,
        sort: Type.Integer(),
        officers: Type.Array(Person, { description: 'The staff who enter the market’s prices' }),
      }),
    ),
  },
  {
    examples: [
      {
        items: [
          {
            code: 'pasar-anyar',
            name: 'Pasar Anyar',
            address: 'Jl. Ki Samaun, Sukarasa, Tangerang',
            lat: -6.1766,
            lng: 106.6318,
            agencyId: null,
            active: true,
            sort: 10,
            officers: [{ id: '0193b0a4-5e8f-7000-8000-000000000001', name: 'Siti Aminah' }],
          },
        ],
      },
    ],
  },
);

export const AllCommodities = Type.Object(
  { items: Type.Array(Type.Object({ ...Commodity.properties, sort: Type.Integer() })) },
  {
    examples: [
      {
        items: [
          {
            code: 'beras-premium',
            name: { id: 'Beras premium', en: 'Rice, premium' },
            group: 'beras',
            grade: 'premium',
            unit: 'kg',
            minPrice: 8000,
            maxPrice: 40000,
            active: true,
            sort: 10,
          },
        ],
      },
    ],
  },
);

export const NationalList = Type.Object(
  {
    items: Type.Array(
      Type.Object({
        code: Type.String(),
        name: Type.Object({ id: Type.String(), en: Type.String() }),
        group: Type.String(),
        grade: Nullable(Type.String()),
        unit: Type.String(),
        minPrice: Type.Integer(),
        maxPrice: Type.Integer(),
        added: Type.Boolean({ description: 'The tenant has a commodity of this code' }),
      }),
    ),
  },
  {
    examples: [
      {
        items: [
          {
            code: 'gula-pasir-lokal',
            name: { id: 'Gula pasir lokal', en: 'Sugar, local' },
            group: 'gula-pasir',
            grade: 'lokal',
            unit: 'kg',
            minPrice: 8000,
            maxPrice: 40000,
            added: false,
          },
        ],
      },
    ],
  },
);

export const OfficerCandidates = Type.Object(
  {
    items: Type.Array(
      Type.Object({
        ...Person.properties,
        agencyIds: Type.Array(Nullable(Type.String()), {
          description: 'Where the account holds the entry permission (null: the whole tenant)',
        }),
      }),
    ),
  },
  {
    examples: [
      {
        items: [{ id: '0193b0a4-5e8f-7000-8000-000000000001', name: 'Siti Aminah', agencyIds: [null] }],
      },
    ],
  },
);
