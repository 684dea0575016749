/**
 * The websites app's tables. A site belongs to the tenant (agency_id null, one per tenant) or to
 * one agency (one per agency). A post is any piece of content of a site — a page, news, an
 * announcement, an agenda item, a document to download, a photo gallery — and holds the copy that
 * citizens see; every save of it is a revision (`websites_revisions`), and publishing a revision
 * copies it into the post, so a draft of a published post never shows before it is published.
 * Every key starts with `tenant_id`, every table is under row-level security.
 */
import type { Kysely } from 'kysely';
import { enableTenantIsolation, runStatements } from '../../../platform/sdk/index.ts';

const SLUG = `~ '^[a-z0-9]+(-[a-z0-9]+)*$'`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    // Search by tenant uses a GIN index on (tenant_id, search), as the reports' does.
    'create extension if not exists btree_gin',
    `create table websites_sites (
      tenant_id uuid not null references tenants (id),
      id uuid not null,
      agency_id uuid,
      slug text not null check (slug ${SLUG} and length(slug) <= 40),
      name text not null check (length(name) between 2 and 120),
      tagline text check (length(tagline) <= 200),
      logo_key text,
      host text check (host = lower(host) and length(host) <= 253),
      footer jsonb not null default '{}',
      menu jsonb not null default '[]',
      review_stages smallint not null default 1 check (review_stages between 0 and 3),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      primary key (tenant_id, id),
      unique (tenant_id, slug),
      foreign key (tenant_id, agency_id) references agencies (tenant_id, id)
    )`,
    `create unique index websites_sites_agency on websites_sites (tenant_id, agency_id) nulls not distinct`,
    `create table websites_media (
      tenant_id uuid not null references tenants (id),
      id uuid not null,
      site_id uuid not null,
      kind text not null check (kind in ('image', 'file')),
      file_key text not null,
      file_name text not null check (length(file_name) between 1 and 255),
      mime text not null,
      size integer not null check (size >= 0),
      width integer,
      height integer,
      alt text check (length(alt) <= 500),
      caption text check (length(caption) <= 1000),
      variants jsonb not null default '[]',
      uploaded_by uuid,
      created_at timestamptz not null default now(),
      primary key (tenant_id, id),
      foreign key (tenant_id, site_id) references websites_sites (tenant_id, id),
      check (kind <> 'image' or length(trim(alt)) > 0)
    )`,
    `create index websites_media_site on websites_media (tenant_id, site_id, created_at desc)`,
    `create table websites_posts (
      tenant_id uuid not null references tenants (id),
      id uuid not null,
      site_id uuid not null,
      kind text not null check (kind in ('page', 'news', 'announcement', 'agenda', 'document', 'gallery')),
      parent_id uuid,
      slug text not null check (slug ${SLUG} and length(slug) <= 120),
      title text not null check (length(title) between 1 and 300),
      summary text check (length(summary) <= 1000),
      body text not null default '',
      body_text text not null default '',
      image jsonb,
      details jsonb not null default '{}',
      ppid text check (ppid in ('berkala', 'serta_merta', 'setiap_saat', 'dikecualikan')),
      menu_order integer not null default 0,
      status text not null default 'draft'
        check (status in ('draft', 'scheduled', 'published', 'unpublished')),
      head_revision integer not null default 1,
      review_state text not null default 'draft' check (review_state in ('draft', 'in_review', 'approved')),
      review_stage smallint not null default 0,
      published_revision integer,
      publish_at timestamptz,
      published_at timestamptz,
      author_id uuid,
      author_name text,
      legacy_id bigint,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      search tsvector generated always as (
        to_tsvector('indonesian', title || ' ' || coalesce(summary, '') || ' ' || body_text)
      ) stored,
      primary key (tenant_id, id),
      unique (tenant_id, site_id, kind, slug),
      foreign key (tenant_id, site_id) references websites_sites (tenant_id, id),
      foreign key (tenant_id, parent_id) references websites_posts (tenant_id, id)
    )`,
    `create index websites_posts_public on websites_posts (tenant_id, site_id, kind, published_at desc, id)
      where status = 'published'`,
    `create index websites_posts_latest on websites_posts (tenant_id, published_at desc, id)
      where status = 'published'`,
    `create index websites_posts_due on websites_posts (publish_at) where status = 'scheduled'`,
    `create index websites_posts_legacy on websites_posts (tenant_id, site_id, legacy_id) where legacy_id is not null`,
    `create index websites_posts_search on websites_posts using gin (tenant_id, search)`,
    `create table websites_revisions (
      tenant_id uuid not null references tenants (id),
      post_id uuid not null,
      number integer not null check (number >= 1),
      slug text not null,
      title text not null,
      summary text,
      body text not null,
      image jsonb,
      details jsonb not null default '{}',
      terms jsonb not null default '[]',
      ppid text,
      parent_id uuid,
      menu_order integer not null default 0,
      note text check (length(note) <= 500),
      restored_from integer,
      author_id uuid,
      author_name text,
      created_at timestamptz not null default now(),
      primary key (tenant_id, post_id, number),
      foreign key (tenant_id, post_id) references websites_posts (tenant_id, id)
    )`,
    `create table websites_reviews (
      tenant_id uuid not null references tenants (id),
      id uuid not null,
      post_id uuid not null,
      revision integer not null,
      stage smallint not null check (stage between 1 and 3),
      decision text not null check (decision in ('approve', 'return')),
      note text check (length(note) <= 2000),
      reviewer_id uuid not null,
      created_at timestamptz not null default now(),
      primary key (tenant_id, id),
      foreign key (tenant_id, post_id, revision) references websites_revisions (tenant_id, post_id, number)
    )`,
    `create index websites_reviews_post on websites_reviews (tenant_id, post_id, revision)`,
    `create table websites_terms (
      tenant_id uuid not null references tenants (id),
      id uuid not null,
      site_id uuid not null,
      kind text not null check (kind in ('category', 'tag')),
      slug text not null check (slug ${SLUG} and length(slug) <= 120),
      name text not null check (length(name) between 1 and 120),
      primary key (tenant_id, id),
      unique (tenant_id, site_id, kind, slug),
      foreign key (tenant_id, site_id) references websites_sites (tenant_id, id)
    )`,
    `create table websites_post_terms (
      tenant_id uuid not null references tenants (id),
      post_id uuid not null,
      term_id uuid not null,
      primary key (tenant_id, post_id, term_id),
      foreign key (tenant_id, post_id) references websites_posts (tenant_id, id),
      foreign key (tenant_id, term_id) references websites_terms (tenant_id, id)
    )`,
    `create index websites_post_terms_term on websites_post_terms (tenant_id, term_id, post_id)`,
    `create table websites_redirects (
      tenant_id uuid not null references tenants (id),
      site_id uuid not null,
      from_path text not null check (length(from_path) between 1 and 2000),
      to_path text not null check (length(to_path) between 1 and 2000),
      created_at timestamptz not null default now(),
      primary key (tenant_id, site_id, from_path),
      foreign key (tenant_id, site_id) references websites_sites (tenant_id, id)
    )`,
    `create table websites_info_requests (
      tenant_id uuid not null references tenants (id),
      id uuid not null,
      site_id uuid not null,
      number text not null,
      secret_hash text not null,
      name text not null check (length(name) between 2 and 200),
      email text check (length(email) <= 254),
      phone text check (length(phone) <= 20),
      address text check (length(address) <= 500),
      identity_number text check (length(identity_number) <= 32),
      information text not null check (length(information) between 10 and 5000),
      purpose text not null check (length(purpose) between 5 and 2000),
      delivery text not null check (delivery in ('email', 'pickup', 'post')),
      status text not null default 'received'
        check (status in ('received', 'extended', 'answered', 'objected', 'objection_answered')),
      received_at timestamptz not null default now(),
      due_on date not null,
      extended_on date,
      extension_reason text check (length(extension_reason) <= 2000),
      answered_at timestamptz,
      answer_kind text check (answer_kind in ('granted', 'partly', 'refused', 'not_held')),
      answer text check (length(answer) <= 10000),
      objection_at timestamptz,
      objection_reason text check (length(objection_reason) <= 5000),
      objection_due_on date,
      objection_answer text check (length(objection_answer) <= 10000),
      objection_answered_at timestamptz,
      user_id uuid,
      language text not null default 'id' check (language in ('id', 'en')),
      primary key (tenant_id, id),
      unique (tenant_id, number),
      foreign key (tenant_id, site_id) references websites_sites (tenant_id, id)
    )`,
    `create index websites_info_requests_open on websites_info_requests (tenant_id, site_id, due_on)
      where status in ('received', 'extended', 'objected')`,
  ]);
  for (const table of [
    'websites_sites',
    'websites_media',
    'websites_posts',
    'websites_revisions',
    'websites_reviews',
    'websites_terms',
    'websites_post_terms',
    'websites_redirects',
    'websites_info_requests',
  ]) {
    await enableTenantIsolation(db, table);
  }
}
