/** Row types of the websites app's tables, as Kysely sees them (beside the platform's). */
import type { ColumnType, Generated, Transaction } from 'kysely';
import type { PlatformTables, TenantScope } from '../../platform/sdk/index.ts';

type Stamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** A jsonb column: read as its value, written as a JSON string (or left to its default). */
type Json<T> = ColumnType<T, string | undefined, string>;

export const POST_KINDS = ['page', 'news', 'announcement', 'agenda', 'document', 'gallery'] as const;
export type PostKind = (typeof POST_KINDS)[number];
/** UU 14/2008's classes of public information (the PPID menu). */
export const PPID_CLASSES = ['berkala', 'serta_merta', 'setiap_saat', 'dikecualikan'] as const;
export type PpidClass = (typeof PPID_CLASSES)[number];
export const PUBLICATION = ['draft', 'scheduled', 'published', 'unpublished'] as const;
export type Publication = (typeof PUBLICATION)[number];
export const REVIEW_STATES = ['draft', 'in_review', 'approved'] as const;
export type ReviewState = (typeof REVIEW_STATES)[number];

export const SOCIAL_KINDS = [
  'facebook',
  'instagram',
  'x',
  'youtube',
  'tiktok',
  'whatsapp',
  'website',
] as const;
export type SocialKind = (typeof SOCIAL_KINDS)[number];

/** A site's footer: how citizens reach the agency. */
export type Footer = {
  address?: string;
  phone?: string;
  email?: string;
  hours?: string;
  social?: { kind: SocialKind; url: string }[];
};
/** A menu entry: a post of the site, or an address; one level of children. */
export type MenuEntry = { label: string; postId?: string; href?: string; children?: MenuEntry[] };
/** A featured image: a media item of the site and the words that stand for it. */
export type PostImage = { mediaId: string; alt: string };
/** A responsive variant of an uploaded image. */
export type Variant = { width: number; height: number; key: string; mime: string };

export interface SitesTable {
  tenant_id: string;
  id: string;
  agency_id: string | null;
  slug: string;
  name: string;
  tagline: string | null;
  logo_key: string | null;
  host: string | null;
  footer: Json<Footer>;
  menu: Json<MenuEntry[]>;
  review_stages: ColumnType<number, number | undefined, number>;
  created_at: Stamp;
  updated_at: Stamp;
}

export interface MediaTable {
  tenant_id: string;
  id: string;
  site_id: string;
  kind: 'image' | 'file';
  file_key: string;
  file_name: string;
  mime: string;
  size: number;
  width: number | null;
  height: number | null;
  alt: string | null;
  caption: string | null;
  variants: Json<Variant[]>;
  uploaded_by: string | null;
  created_at: Stamp;
}

export interface PostsTable {
  tenant_id: string;
  id: string;
  site_id: string;
  kind: PostKind;
  parent_id: string | null;
  slug: string;
  title: string;
  summary: string | null;
  /** Sanitised HTML (see services/sanitize.ts): never stored otherwise. */
  body: string;
  /** The body's words without markup: search and summaries read it. */
  body_text: string;
  image: Json<PostImage | null>;
  /** What the kind adds: agenda `{ startsAt, endsAt, allDay, location }`, document `{ number, year, type, mediaId }`, gallery `{ items: [{ mediaId, caption }] }`. */
  details: Json<Record<string, unknown>>;
  ppid: PpidClass | null;
  menu_order: number;
  status: Publication;
  head_revision: number;
  review_state: ReviewState;
  review_stage: number;
  published_revision: number | null;
  publish_at: Date | null;
  /** The revision a scheduled publication will publish (migration 0101). */
  scheduled_revision: ColumnType<number | null, number | null | undefined, number | null>;
  published_at: Date | null;
  author_id: string | null;
  author_name: string | null;
  legacy_id: string | number | null;
  created_at: Stamp;
  updated_at: Stamp;
  search: ColumnType<string, never, never>;
}

export interface RevisionsTable {
  tenant_id: string;
  post_id: string;
  number: number;
  slug: string;
  title: string;
  summary: string | null;
  body: string;
  image: Json<PostImage | null>;
  details: Json<Record<string, unknown>>;
  /** Ids of the site's categories and tags. */
  terms: Json<string[]>;
  ppid: PpidClass | null;
  parent_id: string | null;
  menu_order: number;
  note: string | null;
  restored_from: number | null;
  author_id: string | null;
  author_name: string | null;
  created_at: Stamp;
}

export interface ReviewsTable {
  tenant_id: string;
  id: string;
  post_id: string;
  revision: number;
  stage: number;
  decision: 'approve' | 'return';
  note: string | null;
  reviewer_id: string;
  created_at: Stamp;
}

export interface TermsTable {
  tenant_id: string;
  id: string;
  site_id: string;
  kind: 'category' | 'tag';
  slug: string;
  name: string;
}

export interface PostTermsTable {
  tenant_id: string;
  post_id: string;
  term_id: string;
}

export interface RedirectsTable {
  tenant_id: string;
  site_id: string;
  from_path: string;
  to_path: string;
  created_at: Generated<Date>;
}

export const INFO_REQUEST_STATUSES = [
  'received',
  'extended',
  'answered',
  'objected',
  'objection_answered',
] as const;
export type InfoRequestStatus = (typeof INFO_REQUEST_STATUSES)[number];

export interface InfoRequestsTable {
  tenant_id: string;
  id: string;
  site_id: string;
  number: string;
  secret_hash: string;
  name: string;
  email: string | null;
  phone: string | null;
  address: string | null;
  identity_number: string | null;
  information: string;
  purpose: string;
  delivery: 'email' | 'pickup' | 'post';
  status: InfoRequestStatus;
  received_at: Stamp;
  /** Local dates in the tenant's zone (`YYYY-MM-DD`), counted in its working days. */
  due_on: ColumnType<string, string, string>;
  extended_on: string | null;
  extension_reason: string | null;
  answered_at: Date | null;
  answer_kind: 'granted' | 'partly' | 'refused' | 'not_held' | null;
  answer: string | null;
  objection_at: Date | null;
  objection_reason: string | null;
  objection_due_on: string | null;
  objection_answer: string | null;
  objection_answered_at: Date | null;
  user_id: string | null;
  language: 'id' | 'en';
}

export interface AppTables extends PlatformTables {
  websites_sites: SitesTable;
  websites_media: MediaTable;
  websites_posts: PostsTable;
  websites_revisions: RevisionsTable;
  websites_reviews: ReviewsTable;
  websites_terms: TermsTable;
  websites_post_terms: PostTermsTable;
  websites_redirects: RedirectsTable;
  websites_info_requests: InfoRequestsTable;
}

/** The scope's transaction, typed with the app's tables. */
export function tx(scope: TenantScope): Transaction<AppTables> {
  return scope.trx as unknown as Transaction<AppTables>;
}
