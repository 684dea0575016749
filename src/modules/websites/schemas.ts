/**
 * Request and response schemas of the websites app: one source for validation, types, OpenAPI and
 * the console. The API's shape is here; docs/apps/websites/ lists the routes that use them.
 */
import { type Static, type TSchema, Type } from 'typebox';
import { EXAMPLES, withExample } from './schema-examples.ts';
import { POST_KINDS, PPID_CLASSES, PUBLICATION, REVIEW_STATES, SOCIAL_KINDS } from './tables.ts';

const Text = (max: number, min = 1) => Type.String({ minLength: min, maxLength: max });
const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
const Uuid = Type.String({ format: 'uuid' });
const Instant = Type.String({ format: 'date-time' });
export const Slug = Type.String({ pattern: '^[a-z0-9]+(-[a-z0-9]+)*$', minLength: 1, maxLength: 120 });

export const PostKind = Type.Enum(POST_KINDS);
export const PpidClass = Type.Enum(PPID_CLASSES);

export const SiteParams = Type.Object({ site: Slug });
export const PostParams = Type.Object({ site: Slug, id: Uuid });
export const RevisionParams = Type.Object({
  site: Slug,
  id: Uuid,
  number: Type.Integer({ minimum: 1, maximum: 1_000_000 }),
});

// ---------------------------------------------------------------------------------------------
// Sites

const Social = Type.Object(
  {
    kind: Type.Enum(SOCIAL_KINDS),
    url: Type.String({ format: 'uri', maxLength: 500 }),
  },
  { additionalProperties: false },
);
export const Footer = Type.Object(
  {
    address: Type.Optional(Text(500)),
    phone: Type.Optional(Text(40)),
    email: Type.Optional(Type.String({ format: 'email', maxLength: 254 })),
    hours: Type.Optional(Text(200)),
    social: Type.Optional(Type.Array(Social, { maxItems: 10 })),
  },
  { additionalProperties: false },
);
const MenuLeaf = Type.Object(
  {
    label: Text(80),
    postId: Type.Optional(Uuid),
    href: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: false },
);
export const MenuEntry = Type.Object(
  {
    label: Text(80),
    postId: Type.Optional(Uuid),
    href: Type.Optional(Type.String({ maxLength: 500 })),
    children: Type.Optional(Type.Array(MenuLeaf, { maxItems: 20 })),
  },
  { additionalProperties: false },
);
export const Menu = Type.Array(MenuEntry, { maxItems: 12 });

export const Site = Type.Object(
  {
    id: Uuid,
    slug: Type.String(),
    name: Type.String(),
    tagline: Nullable(Type.String()),
    agencyId: Nullable(Uuid),
    agencyName: Nullable(Type.String()),
    logoUrl: Nullable(Type.String()),
    host: Nullable(Type.String()),
    footer: Footer,
    menu: Menu,
    reviewStages: Type.Integer({ minimum: 0, maximum: 3 }),
    /** The site's public address, under the tenant's portal or on its own host. */
    url: Type.String(),
  },
  {
    examples: [
      {
        id: '0193a5c2-7d41-7c3e-9a52-4f1e8b2d6c10',
        slug: 'dinkes',
        name: 'Dinas Kesehatan Kota Tangerang',
        tagline: 'Sehat bersama warga',
        agencyId: '0193a5c2-6b10-7a2f-8e31-2c9d4b7a1e05',
        agencyName: 'Dinas Kesehatan',
        logoUrl: '/t/kota-tangerang/situs/dinkes/logo',
        host: 'dinkes.tangerangkota.go.id',
        footer: {
          address: 'Jl. Satria Sudirman No. 1, Tangerang',
          phone: '021-5584110',
          email: 'dinkes@tangerangkota.go.id',
          hours: 'Senin–Jumat 08.00–16.00 WIB',
          social: [{ kind: 'instagram', url: 'https://instagram.com/dinkeskotatangerang' }],
        },
        menu: [{ label: 'Profil', postId: '0193a5c3-0a11-7b22-8c33-4d44e55f6a77', children: [] }],
        reviewStages: 1,
        url: 'https://dinkes.tangerangkota.go.id/',
      },
    ],
  },
);
export type SiteType = Static<typeof Site>;
export const Sites = Type.Object({ items: Type.Array(Site) });

export const SiteInput = Type.Object(
  {
    slug: Type.String({ pattern: '^[a-z0-9]+(-[a-z0-9]+)*$', minLength: 2, maxLength: 40 }),
    name: Text(120, 2),
    agencyId: Nullable(Uuid),
    tagline: Type.Optional(Nullable(Text(200))),
  },
  {
    additionalProperties: false,
    examples: [
      {
        slug: 'dinkes',
        name: 'Dinas Kesehatan Kota Tangerang',
        agencyId: '0193a5c2-6b10-7a2f-8e31-2c9d4b7a1e05',
      },
    ],
  },
);
export type SiteInputType = Static<typeof SiteInput>;

export const SitePatch = Type.Object(
  {
    name: Type.Optional(Text(120, 2)),
    tagline: Type.Optional(Nullable(Text(200))),
    host: Type.Optional(Nullable(Type.String({ format: 'hostname', maxLength: 253 }))),
    footer: Type.Optional(Footer),
    menu: Type.Optional(Menu),
    reviewStages: Type.Optional(Type.Integer({ minimum: 0, maximum: 3 })),
    /** An image of the site's media as its logo; null removes it. */
    logoMediaId: Type.Optional(Nullable(Uuid)),
  },
  {
    additionalProperties: false,
    minProperties: 1,
    examples: [{ tagline: 'Sehat bersama warga', host: 'dinkes.tangerangkota.go.id', reviewStages: 2 }],
  },
);
export type SitePatchType = Static<typeof SitePatch>;

// ---------------------------------------------------------------------------------------------
// Posts and revisions

export const PostImage = Type.Object({ mediaId: Uuid, alt: Text(500) }, { additionalProperties: false });
export const AgendaDetails = Type.Object(
  {
    startsAt: Instant,
    endsAt: Type.Optional(Instant),
    allDay: Type.Optional(Type.Boolean()),
    location: Type.Optional(Text(300)),
  },
  { additionalProperties: false },
);
export const DocumentDetails = Type.Object(
  {
    number: Type.Optional(Text(100)),
    year: Type.Integer({ minimum: 1945, maximum: 2100 }),
    type: Text(80),
    mediaId: Uuid,
  },
  { additionalProperties: false },
);
export const GalleryDetails = Type.Object(
  {
    items: Type.Array(
      Type.Object({ mediaId: Uuid, caption: Type.Optional(Text(500)) }, { additionalProperties: false }),
      { minItems: 1, maxItems: 200 },
    ),
  },
  { additionalProperties: false },
);

/** A save of a post: every save is a new revision. `details` must match the kind (the service checks). */
export const PostInput = Type.Object(
  {
    kind: PostKind,
    title: Text(300),
    slug: Type.Optional(Slug),
    summary: Type.Optional(Nullable(Text(1000))),
    /** HTML from the editor: sanitised before it is stored. */
    body: Type.String({ maxLength: 500_000 }),
    image: Type.Optional(Nullable(PostImage)),
    details: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
    terms: Type.Optional(Type.Array(Uuid, { maxItems: 50 })),
    ppid: Type.Optional(Nullable(PpidClass)),
    parentId: Type.Optional(Nullable(Uuid)),
    menuOrder: Type.Optional(Type.Integer({ minimum: 0, maximum: 10_000 })),
    note: Type.Optional(Text(500)),
    /** The revision the editor started from: a save over a newer one is refused (409), nothing lost. */
    baseRevision: Type.Optional(Type.Integer({ minimum: 1, maximum: 1_000_000 })),
  },
  { additionalProperties: false },
);
export type PostInputType = Static<typeof PostInput>;

export const PostSummary = Type.Object({
  id: Uuid,
  kind: PostKind,
  slug: Type.String(),
  title: Type.String(),
  status: Type.Enum(PUBLICATION),
  reviewState: Type.Enum(REVIEW_STATES),
  reviewStage: Type.Integer(),
  headRevision: Type.Integer(),
  publishedRevision: Nullable(Type.Integer()),
  publishAt: Nullable(Instant),
  publishedAt: Nullable(Instant),
  author: Nullable(Type.String()),
  updatedAt: Instant,
});
export const Posts = Type.Object({ items: Type.Array(PostSummary), next: Nullable(Type.String()) });

export const Revision = Type.Object({
  number: Type.Integer(),
  slug: Type.String(),
  title: Type.String(),
  summary: Nullable(Type.String()),
  body: Type.String(),
  image: Nullable(PostImage),
  details: Type.Record(Type.String(), Type.Unknown()),
  terms: Type.Array(Uuid),
  ppid: Nullable(PpidClass),
  parentId: Nullable(Uuid),
  menuOrder: Type.Integer(),
  note: Nullable(Type.String()),
  restoredFrom: Nullable(Type.Integer()),
  author: Nullable(Type.String()),
  createdAt: Instant,
});
export type RevisionType = Static<typeof Revision>;

export const Review = Type.Object({
  revision: Type.Integer(),
  stage: Type.Integer(),
  decision: Type.Enum(['approve', 'return'] as const),
  note: Nullable(Type.String()),
  reviewer: Type.String(),
  at: Instant,
});

/** A post in the console: its publication, its head revision (what the editor opens) and its reviews. */
export const PostDetail = Type.Object({
  ...PostSummary.properties,
  siteId: Uuid,
  head: Revision,
  reviews: Type.Array(Review),
  /** The public address, once published. */
  url: Nullable(Type.String()),
});
export type PostDetailType = Static<typeof PostDetail>;

export const Revisions = Type.Object({
  items: Type.Array(Type.Omit(Revision, ['body', 'details'])),
});

/** What changed from one revision to another, field by field; the body as a word diff of its text. */
export const RevisionDiff = Type.Object({
  from: Type.Integer(),
  to: Type.Integer(),
  fields: Type.Array(
    Type.Object({
      field: Type.String(),
      parts: Type.Array(
        Type.Object({ value: Type.String(), added: Type.Boolean(), removed: Type.Boolean() }),
      ),
    }),
  ),
});

export const ReviewInput = Type.Object(
  {
    decision: Type.Enum(['approve', 'return'] as const),
    note: Type.Optional(Text(2000)),
    revision: Type.Integer({ minimum: 1, maximum: 1_000_000 }),
  },
  { additionalProperties: false },
);
export const PublishInput = Type.Object(
  {
    revision: Type.Integer({ minimum: 1, maximum: 1_000_000 }),
    /** Absent: now. A future instant schedules the publication. */
    at: Type.Optional(Instant),
  },
  { additionalProperties: false },
);

// ---------------------------------------------------------------------------------------------
// Terms and media

export const Term = Type.Object({
  id: Uuid,
  kind: Type.Enum(['category', 'tag'] as const),
  slug: Type.String(),
  name: Type.String(),
});
export const Terms = Type.Object({ items: Type.Array(Term) });
export const TermInput = Type.Object(
  { kind: Type.Enum(['category', 'tag'] as const), name: Text(120), slug: Type.Optional(Slug) },
  { additionalProperties: false },
);

export const Media = Type.Object({
  id: Uuid,
  kind: Type.Enum(['image', 'file'] as const),
  fileName: Type.String(),
  mime: Type.String(),
  size: Type.Integer(),
  width: Nullable(Type.Integer()),
  height: Nullable(Type.Integer()),
  alt: Nullable(Type.String()),
  caption: Nullable(Type.String()),
  url: Type.String(),
  /** Responsive variants, narrowest first (`srcset`). */
  variants: Type.Array(Type.Object({ width: Type.Integer(), url: Type.String() })),
  createdAt: Instant,
});
export type MediaType = Static<typeof Media>;
export const MediaList = Type.Object({ items: Type.Array(Media), next: Nullable(Type.String()) });
export type TermInputType = Static<typeof TermInput>;

// ---------------------------------------------------------------------------------------------
// Public-information requests (PPID, UU 14/2008)

export const InfoRequestInput = Type.Object(
  {
    name: Text(200, 2),
    email: Type.Optional(Type.String({ format: 'email', maxLength: 254 })),
    phone: Type.Optional(Text(20, 8)),
    address: Type.Optional(Text(500)),
    identityNumber: Type.Optional(Text(32)),
    information: Text(5000, 10),
    purpose: Text(2000, 5),
    delivery: Type.Enum(['email', 'pickup', 'post'] as const),
  },
  { additionalProperties: false },
);
export type InfoRequestInputType = Static<typeof InfoRequestInput>;

export const InfoRequest = Type.Object({
  id: Uuid,
  number: Type.String(),
  site: Type.String(),
  status: Type.Enum(['received', 'extended', 'answered', 'objected', 'objection_answered'] as const),
  information: Type.String(),
  purpose: Type.String(),
  delivery: Type.String(),
  receivedAt: Instant,
  dueOn: Type.String({ format: 'date' }),
  extendedOn: Nullable(Type.String({ format: 'date' })),
  extensionReason: Nullable(Type.String()),
  answeredAt: Nullable(Instant),
  answerKind: Nullable(Type.String()),
  answer: Nullable(Type.String()),
  objectionAt: Nullable(Instant),
  objectionReason: Nullable(Type.String()),
  objectionDueOn: Nullable(Type.String({ format: 'date' })),
  objectionAnswer: Nullable(Type.String()),
  objectionAnsweredAt: Nullable(Instant),
});
export type InfoRequestType = Static<typeof InfoRequest>;

// The API reference's examples (schema-examples.ts), given once the schemas exist.
withExample(PostInput, EXAMPLES.postInput);
withExample(PostSummary, EXAMPLES.postSummary);
withExample(Revision, EXAMPLES.revision);
withExample(Review, EXAMPLES.review);
withExample(PostDetail, EXAMPLES.postDetail);
withExample(RevisionDiff, EXAMPLES.revisionDiff);
withExample(ReviewInput, EXAMPLES.reviewInput);
withExample(PublishInput, EXAMPLES.publishInput);
withExample(Posts, { items: [EXAMPLES.postSummary], next: null });
withExample(Term, EXAMPLES.term);
withExample(Terms, { items: [EXAMPLES.term] });
withExample(TermInput, { kind: 'tag', name: 'Imunisasi' });
withExample(Media, EXAMPLES.media);
withExample(MediaList, { items: [EXAMPLES.media], next: null });
withExample(Revisions, {
  items: [(({ body: _b, details: _d, ...rest }) => rest)(EXAMPLES.revision)],
});
