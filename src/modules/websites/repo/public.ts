/**
 * The citizens' reads of a site: published posts only (`status = 'published'`: the post row is the
 * public copy, a draft revision never shows), each query naming the scope's tenant and the site.
 */
import { type Selectable, sql } from 'kysely';
import type { TenantScope } from '../../../platform/sdk/index.ts';
import { type MediaTable, type PostKind, type PostsTable, tx } from '../tables.ts';

export type PublicPost = Omit<Selectable<PostsTable>, 'tenant_id' | 'search'>;
export type PostSummary = Pick<
  PublicPost,
  | 'id'
  | 'kind'
  | 'slug'
  | 'title'
  | 'summary'
  | 'image'
  | 'details'
  | 'published_at'
  | 'updated_at'
  | 'parent_id'
>;
export type PublicMedia = Pick<
  Selectable<MediaTable>,
  'id' | 'kind' | 'file_name' | 'mime' | 'size' | 'width' | 'height' | 'alt' | 'caption' | 'variants'
>;

const SUMMARY = [
  'p.id',
  'p.kind',
  'p.slug',
  'p.title',
  'p.summary',
  'p.image',
  'p.details',
  'p.published_at',
  'p.updated_at',
  'p.parent_id',
] as const;

/**
 * Information UU 14/2008 excepts (Pasal 17, `ppid = 'dikecualikan'`) is named in the PPID menu and
 * never served: not at an address, in a list, a search, a feed or a sitemap.
 */
export const NOT_EXCEPTED = sql<boolean>`p.ppid is distinct from 'dikecualikan'`;

function published(scope: TenantScope, siteId: string) {
  return tx(scope)
    .selectFrom('websites_posts as p')
    .where('p.tenant_id', '=', scope.tenantId)
    .where('p.site_id', '=', siteId)
    .where('p.status', '=', 'published')
    .where(NOT_EXCEPTED);
}

/** A published post of the site by kind and slug. */
export function publishedPost(
  scope: TenantScope,
  siteId: string,
  kind: PostKind,
  slug: string,
): Promise<PublicPost | undefined> {
  return published(scope, siteId)
    .select([
      ...SUMMARY,
      'p.site_id',
      'p.body',
      'p.body_text',
      'p.ppid',
      'p.menu_order',
      'p.status',
      'p.head_revision',
      'p.review_state',
      'p.review_stage',
      'p.published_revision',
      'p.publish_at',
      'p.author_id',
      'p.author_name',
      'p.legacy_id',
      'p.created_at',
    ])
    .where('p.kind', '=', kind)
    .where('p.slug', '=', slug)
    .executeTakeFirst() as Promise<PublicPost | undefined>;
}

/** Every published page of the site (few: they make its menu and paths), in menu order. */
export function publishedPages(scope: TenantScope, siteId: string): Promise<PostSummary[]> {
  return published(scope, siteId)
    .select(SUMMARY)
    .where('p.kind', '=', 'page')
    .orderBy('p.menu_order')
    .orderBy('p.title')
    .execute() as Promise<PostSummary[]>;
}

/** Published posts of the site by id (the menu's entries). */
export function publishedByIds(scope: TenantScope, siteId: string, ids: string[]): Promise<PostSummary[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return published(scope, siteId).select(SUMMARY).where('p.id', 'in', ids).execute() as Promise<
    PostSummary[]
  >;
}

export type ListFilter = {
  kinds: readonly PostKind[];
  limit: number;
  offset: number;
  /** Agenda: items from now on (soonest first) or before now (latest first). */
  when?: { side: 'upcoming' | 'past'; now: Date };
  termId?: string;
  docType?: string;
  docYear?: number;
};

/** A page of the site's published posts; one more than asked is read, to know whether more follow. */
export function publishedList(scope: TenantScope, siteId: string, f: ListFilter): Promise<PostSummary[]> {
  let q = published(scope, siteId)
    .select(SUMMARY)
    .where('p.kind', 'in', [...f.kinds]);
  if (f.termId) {
    const termId = f.termId;
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('websites_post_terms as pt')
          .select('pt.post_id')
          .whereRef('pt.tenant_id', '=', 'p.tenant_id')
          .whereRef('pt.post_id', '=', 'p.id')
          .where('pt.term_id', '=', termId),
      ),
    );
  }
  if (f.docType) q = q.where(sql<string>`p.details->>'type'`, '=', f.docType);
  if (f.docYear) q = q.where(sql<string>`p.details->>'year'`, '=', String(f.docYear));
  if (f.when) {
    const starts = sql<Date>`(p.details->>'startsAt')::timestamptz`;
    q =
      f.when.side === 'upcoming'
        ? q.where(starts, '>=', f.when.now).orderBy(starts, 'asc')
        : q.where(starts, '<', f.when.now).orderBy(starts, 'desc');
  }
  return q
    .orderBy('p.published_at', 'desc')
    .orderBy('p.id', 'desc')
    .limit(f.limit + 1)
    .offset(f.offset)
    .execute() as Promise<PostSummary[]>;
}

/** The document types and years the site's published documents have (the list's filters). */
export async function documentFacets(
  scope: TenantScope,
  siteId: string,
): Promise<{ types: string[]; years: number[] }> {
  const rows = await published(scope, siteId)
    .select([sql<string>`p.details->>'type'`.as('type'), sql<string>`p.details->>'year'`.as('year')])
    .where('p.kind', '=', 'document')
    .groupBy([sql`p.details->>'type'`, sql`p.details->>'year'`])
    .execute();
  const types = [...new Set(rows.map((r) => r.type).filter(Boolean))].sort();
  const years = [...new Set(rows.map((r) => Number(r.year)).filter((y) => y > 0))].sort((a, b) => b - a);
  return { types, years };
}

export type TermRow = { id: string; kind: 'category' | 'tag'; slug: string; name: string };

export function findTerm(
  scope: TenantScope,
  siteId: string,
  kind: 'category' | 'tag',
  slug: string,
): Promise<TermRow | undefined> {
  return tx(scope)
    .selectFrom('websites_terms')
    .select(['id', 'kind', 'slug', 'name'])
    .where('tenant_id', '=', scope.tenantId)
    .where('site_id', '=', siteId)
    .where('kind', '=', kind)
    .where('slug', '=', slug)
    .executeTakeFirst();
}

/** The categories and tags of a post. */
export function termsOfPost(scope: TenantScope, postId: string): Promise<TermRow[]> {
  return tx(scope)
    .selectFrom('websites_post_terms as pt')
    .innerJoin('websites_terms as t', (j) =>
      j.onRef('t.tenant_id', '=', 'pt.tenant_id').onRef('t.id', '=', 'pt.term_id'),
    )
    .select(['t.id', 't.kind', 't.slug', 't.name'])
    .where('pt.tenant_id', '=', scope.tenantId)
    .where('pt.post_id', '=', postId)
    .orderBy('t.kind')
    .orderBy('t.name')
    .execute();
}

/** Media items of the site by id (featured images, gallery photos, document files). */
export function mediaByIds(scope: TenantScope, siteId: string, ids: string[]): Promise<PublicMedia[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return tx(scope)
    .selectFrom('websites_media')
    .select(['id', 'kind', 'file_name', 'mime', 'size', 'width', 'height', 'alt', 'caption', 'variants'])
    .where('tenant_id', '=', scope.tenantId)
    .where('site_id', '=', siteId)
    .where('id', 'in', ids)
    .execute();
}

export type SearchHit = PostSummary & {
  site_id: string;
  snippet: string;
  site_slug: string;
  site_name: string;
};

/**
 * Full-text search of published posts in Indonesian (`websearch_to_tsquery` on the stored `search`
 * vector, as the reports' search), of one site or of all the tenant's, best match first, with a
 * `ts_headline` snippet whose marks are `[[`…`]]` (the page escapes the text, then marks them).
 * The snippets are made in a second query for the page's posts only: `ts_headline` re-parses a
 * post's text, too costly for every match of a common word.
 */
export async function searchPublished(
  scope: TenantScope,
  q: { text: string; siteId?: string; limit: number; offset: number },
): Promise<SearchHit[]> {
  const query = sql`websearch_to_tsquery('indonesian', ${q.text})`;
  let s = tx(scope)
    .selectFrom('websites_posts as p')
    .innerJoin('websites_sites as s', (j) =>
      j.onRef('s.tenant_id', '=', 'p.tenant_id').onRef('s.id', '=', 'p.site_id'),
    )
    .select([...SUMMARY, 'p.site_id', 's.slug as site_slug', 's.name as site_name'])
    .where('p.tenant_id', '=', scope.tenantId)
    .where('p.status', '=', 'published')
    .where(NOT_EXCEPTED)
    .where(sql<boolean>`p.search @@ ${query}`);
  if (q.siteId) s = s.where('p.site_id', '=', q.siteId);
  const hits = (await s
    .orderBy(sql`ts_rank(p.search, ${query})`, 'desc')
    .orderBy('p.published_at', 'desc')
    .orderBy('p.id')
    .limit(q.limit + 1)
    .offset(q.offset)
    .execute()) as Omit<SearchHit, 'snippet'>[];
  if (hits.length === 0) return [];
  const snippets = await tx(scope)
    .selectFrom('websites_posts as p')
    .select([
      'p.id',
      sql<string>`ts_headline('indonesian', coalesce(p.summary, '') || ' ' || p.body_text, ${query},
        'StartSel=[[, StopSel=]], MaxWords=30, MinWords=12, MaxFragments=2')`.as('snippet'),
    ])
    .where('p.tenant_id', '=', scope.tenantId)
    .where(
      'p.id',
      'in',
      hits.map((h) => h.id),
    )
    .execute();
  const byId = new Map(snippets.map((r) => [r.id, r.snippet]));
  return hits.map((h) => ({ ...h, snippet: byId.get(h.id) ?? '' }));
}

export type SitemapRow = Pick<PostSummary, 'id' | 'kind' | 'slug' | 'parent_id' | 'updated_at'>;

/** Every published post of the site, for its sitemap (bounded as sitemaps are: 50,000 addresses). */
export function sitemapRows(scope: TenantScope, siteId: string): Promise<SitemapRow[]> {
  return published(scope, siteId)
    .select(['p.id', 'p.kind', 'p.slug', 'p.parent_id', 'p.updated_at'])
    .orderBy('p.kind')
    .orderBy('p.published_at', 'desc')
    .limit(49_000)
    .execute() as Promise<SitemapRow[]>;
}

/** When the site's public content last changed (a sitemap index's `lastmod`), per site. */
export async function lastChanges(scope: TenantScope): Promise<Map<string, Date>> {
  const rows = await tx(scope)
    .selectFrom('websites_posts')
    .select(['site_id', (eb) => eb.fn.max('updated_at').as('last')])
    .where('tenant_id', '=', scope.tenantId)
    .where('status', '=', 'published')
    .groupBy('site_id')
    .execute();
  return new Map(rows.map((r) => [r.site_id, new Date(r.last as Date)]));
}
