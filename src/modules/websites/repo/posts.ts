/** The only code on websites_posts, websites_revisions, websites_reviews and websites_post_terms. */
import { type Insertable, type Selectable, sql, type Updateable } from 'kysely';
import type { TenantScope } from '../../../platform/sdk/index.ts';
import { type PostsTable, type ReviewsTable, type RevisionsTable, tx } from '../tables.ts';

export type PostRow = Omit<Selectable<PostsTable>, 'tenant_id' | 'search'>;
export type RevisionRow = Omit<Selectable<RevisionsTable>, 'tenant_id'>;
export type ReviewRow = Omit<Selectable<ReviewsTable>, 'tenant_id'>;

const POST = [
  'id',
  'site_id',
  'kind',
  'parent_id',
  'slug',
  'title',
  'summary',
  'body',
  'body_text',
  'image',
  'details',
  'ppid',
  'menu_order',
  'status',
  'head_revision',
  'review_state',
  'review_stage',
  'published_revision',
  'publish_at',
  'scheduled_revision',
  'published_at',
  'author_id',
  'author_name',
  'legacy_id',
  'created_at',
  'updated_at',
] as const;

const REVISION = [
  'post_id',
  'number',
  'slug',
  'title',
  'summary',
  'body',
  'image',
  'details',
  'terms',
  'ppid',
  'parent_id',
  'menu_order',
  'note',
  'restored_from',
  'author_id',
  'author_name',
  'created_at',
] as const;

export function findPost(
  scope: TenantScope,
  siteId: string,
  id: string,
  lock = false,
): Promise<PostRow | undefined> {
  let q = tx(scope)
    .selectFrom('websites_posts')
    .select(POST)
    .where('tenant_id', '=', scope.tenantId)
    .where('site_id', '=', siteId)
    .where('id', '=', id);
  if (lock) q = q.forUpdate();
  return q.executeTakeFirst();
}

export type PostFilter = {
  kind?: string;
  status?: string;
  review?: string;
  q?: string;
  after?: { at: Date; id: string };
  limit: number;
};

/** A site's posts for staff, the latest change first. */
export function listPosts(scope: TenantScope, siteId: string, f: PostFilter): Promise<PostRow[]> {
  let q = tx(scope)
    .selectFrom('websites_posts')
    .select(POST)
    .where('tenant_id', '=', scope.tenantId)
    .where('site_id', '=', siteId);
  if (f.kind) q = q.where('kind', '=', f.kind as PostRow['kind']);
  if (f.status) q = q.where('status', '=', f.status as PostRow['status']);
  if (f.review) q = q.where('review_state', '=', f.review as PostRow['review_state']);
  if (f.q) {
    const like = `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    q = q.where((eb) => eb.or([eb('title', 'ilike', like), eb('slug', 'ilike', like)]));
  }
  if (f.after) {
    const { at, id } = f.after;
    q = q.where(sql<boolean>`(updated_at, id) < (${at}, ${id})`);
  }
  return q.orderBy('updated_at', 'desc').orderBy('id', 'desc').limit(f.limit).execute();
}

/** Slugs of the site's posts of a kind starting with `base` (to pick a free one). */
export async function slugsLike(
  scope: TenantScope,
  siteId: string,
  kind: string,
  base: string,
  exceptId: string | null,
): Promise<Set<string>> {
  let q = tx(scope)
    .selectFrom('websites_posts')
    .select('slug')
    .where('tenant_id', '=', scope.tenantId)
    .where('site_id', '=', siteId)
    .where('kind', '=', kind as PostRow['kind'])
    .where('slug', 'like', `${base}%`);
  if (exceptId) q = q.where('id', '<>', exceptId);
  return new Set((await q.execute()).map((r) => r.slug));
}

export async function insertPost(
  scope: TenantScope,
  row: Omit<Insertable<PostsTable>, 'tenant_id'>,
): Promise<void> {
  await tx(scope)
    .insertInto('websites_posts')
    .values({ ...row, tenant_id: scope.tenantId })
    .execute();
}

export async function updatePost(
  scope: TenantScope,
  id: string,
  patch: Omit<Updateable<PostsTable>, 'tenant_id' | 'id'>,
): Promise<void> {
  await tx(scope)
    .updateTable('websites_posts')
    .set({ ...patch, updated_at: new Date() })
    .where('tenant_id', '=', scope.tenantId)
    .where('id', '=', id)
    .execute();
}

export async function insertRevision(
  scope: TenantScope,
  row: Omit<Insertable<RevisionsTable>, 'tenant_id'>,
): Promise<void> {
  await tx(scope)
    .insertInto('websites_revisions')
    .values({ ...row, tenant_id: scope.tenantId })
    .execute();
}

export function findRevision(
  scope: TenantScope,
  postId: string,
  number: number,
): Promise<RevisionRow | undefined> {
  return tx(scope)
    .selectFrom('websites_revisions')
    .select(REVISION)
    .where('tenant_id', '=', scope.tenantId)
    .where('post_id', '=', postId)
    .where('number', '=', number)
    .executeTakeFirst();
}

export function listRevisions(scope: TenantScope, postId: string): Promise<RevisionRow[]> {
  return tx(scope)
    .selectFrom('websites_revisions')
    .select(REVISION)
    .where('tenant_id', '=', scope.tenantId)
    .where('post_id', '=', postId)
    .orderBy('number', 'desc')
    .limit(1000)
    .execute();
}

export function listReviews(scope: TenantScope, postId: string): Promise<ReviewRow[]> {
  return tx(scope)
    .selectFrom('websites_reviews')
    .select(['id', 'post_id', 'revision', 'stage', 'decision', 'note', 'reviewer_id', 'created_at'])
    .where('tenant_id', '=', scope.tenantId)
    .where('post_id', '=', postId)
    .orderBy('created_at')
    .orderBy('stage')
    .execute();
}

export async function insertReview(
  scope: TenantScope,
  row: Omit<Insertable<ReviewsTable>, 'tenant_id'>,
): Promise<void> {
  await tx(scope)
    .insertInto('websites_reviews')
    .values({ ...row, tenant_id: scope.tenantId })
    .execute();
}

/** The post's terms become exactly these (a publication copies the revision's). */
export async function replacePostTerms(
  scope: TenantScope,
  postId: string,
  termIds: readonly string[],
): Promise<void> {
  await tx(scope)
    .deleteFrom('websites_post_terms')
    .where('tenant_id', '=', scope.tenantId)
    .where('post_id', '=', postId)
    .execute();
  if (termIds.length === 0) return;
  await tx(scope)
    .insertInto('websites_post_terms')
    .values(termIds.map((term_id) => ({ tenant_id: scope.tenantId, post_id: postId, term_id })))
    .execute();
}

/** Which of these ids are terms of the site. */
export async function termsOfSite(
  scope: TenantScope,
  siteId: string,
  ids: readonly string[],
): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await tx(scope)
    .selectFrom('websites_terms')
    .select('id')
    .where('tenant_id', '=', scope.tenantId)
    .where('site_id', '=', siteId)
    .where('id', 'in', ids)
    .execute();
  return new Set(rows.map((r) => r.id));
}

/** Which of these ids are media of the site, with their kind. */
export async function mediaOfSite(
  scope: TenantScope,
  siteId: string,
  ids: readonly string[],
): Promise<Map<string, 'image' | 'file'>> {
  if (ids.length === 0) return new Map();
  const rows = await tx(scope)
    .selectFrom('websites_media')
    .select(['id', 'kind'])
    .where('tenant_id', '=', scope.tenantId)
    .where('site_id', '=', siteId)
    .where('id', 'in', ids)
    .execute();
  return new Map(rows.map((r) => [r.id, r.kind as 'image' | 'file']));
}

/** A post's parent and its kind, for the page-tree checks. */
export function parentOf(
  scope: TenantScope,
  siteId: string,
  id: string,
): Promise<{ id: string; kind: string; parent_id: string | null } | undefined> {
  return tx(scope)
    .selectFrom('websites_posts')
    .select(['id', 'kind', 'parent_id'])
    .where('tenant_id', '=', scope.tenantId)
    .where('site_id', '=', siteId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Scheduled posts of the tenant whose time has come. */
export function duePosts(scope: TenantScope, now: Date): Promise<PostRow[]> {
  return tx(scope)
    .selectFrom('websites_posts')
    .select(POST)
    .where('tenant_id', '=', scope.tenantId)
    .where('publish_at', 'is not', null)
    .where('publish_at', '<=', now)
    .orderBy('publish_at')
    .limit(500)
    .forUpdate()
    .execute();
}

/** How many posts the site has, whatever their state. */
export async function countPosts(scope: TenantScope, siteId: string): Promise<number> {
  const row = await tx(scope)
    .selectFrom('websites_posts')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('tenant_id', '=', scope.tenantId)
    .where('site_id', '=', siteId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
