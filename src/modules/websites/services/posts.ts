/**
 * Posts and their revisions: create (revision 1), save (a new revision each time, refused over a
 * newer head), read, list, diff and restore. Every save goes through the sanitiser and puts the
 * post back to draft review; the public copy in the post changes only on publication (publish.ts).
 */
import { diffWords } from 'diff';
import {
  type AgencyAccess,
  AppError,
  emitEvent,
  invalid,
  newId,
  notFound,
  recordAudit,
  type TenantScope,
  validate,
} from '../../../platform/sdk/index.ts';
import {
  findPost,
  findRevision,
  insertPost,
  insertRevision,
  listPosts,
  listReviews,
  listRevisions,
  mediaOfSite,
  type PostRow,
  parentOf,
  type RevisionRow,
  slugsLike,
  termsOfSite,
  updatePost,
} from '../repo/posts.ts';
import type { SiteRow } from '../repo/sites.ts';
import {
  AgendaDetails,
  DocumentDetails,
  GalleryDetails,
  type PostDetailType,
  type PostInputType,
} from '../schemas.ts';
import { type AppTables, tx } from '../tables.ts';
import { decodeCursor, encodeCursor } from './cursor.ts';
import { postDetail, postSummary, revisionView } from './post-view.ts';
import { RESERVED_PAGE_SLUGS } from './public-site.ts';
import { sanitizeBody, textOf } from './sanitize.ts';
import { siteForStaff } from './sites.ts';

/** Lower-case ASCII words joined by dashes, from Indonesian (or any Latin) text. */
export function slugify(text: string): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' dan ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 100)
    .replace(/-+$/g, '');
  return slug || 'tulisan';
}

/** `base`, or `base-2`, `base-3`… whichever is free among the site's posts of the kind. */
async function freeSlug(scope: TenantScope, site: SiteRow, kind: string, base: string, self: string | null) {
  const taken = await slugsLike(scope, site.id, kind, base, self);
  if (kind === 'page') for (const reserved of RESERVED_PAGE_SLUGS) taken.add(reserved);
  if (!taken.has(base)) return base;
  for (let n = 2; ; n += 1) {
    const candidate = `${base}-${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}

/** Checks what a revision refers to: details of its kind, the site's media and terms, a page parent without a cycle. */
async function checkReferences(scope: TenantScope, site: SiteRow, postId: string, input: PostInputType) {
  const details = input.details ?? {};
  const mediaIds: string[] = [];
  if (input.kind === 'agenda') {
    const d = validate(AgendaDetails, details, 'body/details');
    if (d.endsAt && d.endsAt < d.startsAt)
      throw invalid({ path: '/body/details/endsAt', code: 'ends_before_start' });
  } else if (input.kind === 'document') {
    mediaIds.push(validate(DocumentDetails, details, 'body/details').mediaId);
  } else if (input.kind === 'gallery') {
    mediaIds.push(...validate(GalleryDetails, details, 'body/details').items.map((i) => i.mediaId));
  } else if (Object.keys(details).length > 0) {
    throw invalid({ path: '/body/details', code: 'details_not_for_kind' });
  }
  if (input.image) mediaIds.push(input.image.mediaId);
  const media = await mediaOfSite(scope, site.id, [...new Set(mediaIds)]);
  for (const id of mediaIds) {
    if (!media.has(id)) throw invalid({ path: '/body/details', code: 'unknown_media', params: { id } });
  }
  if (input.image && media.get(input.image.mediaId) !== 'image') {
    throw invalid({ path: '/body/image/mediaId', code: 'not_an_image' });
  }
  const terms = [...new Set(input.terms ?? [])];
  const known = await termsOfSite(scope, site.id, terms);
  if (terms.some((t) => !known.has(t))) throw invalid({ path: '/body/terms', code: 'unknown_term' });
  if (input.parentId) {
    if (input.kind !== 'page') throw invalid({ path: '/body/parentId', code: 'parent_only_for_pages' });
    // Walk up from the parent: reaching this post would make a cycle. Bounded by the tree's depth.
    let at: string | null = input.parentId;
    for (let depth = 0; at; depth += 1) {
      if (at === postId || depth > 50) throw invalid({ path: '/body/parentId', code: 'parent_cycle' });
      const p = await parentOf(scope, site.id, at);
      if (p?.kind !== 'page') throw invalid({ path: '/body/parentId', code: 'unknown_parent' });
      at = p.parent_id;
    }
  }
  return terms;
}

async function reviewerNames(scope: TenantScope, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await tx(scope)
    .selectFrom('users' as keyof AppTables & 'users')
    .select(['id', 'display_name'])
    .where('tenant_id', '=', scope.tenantId)
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return new Map(rows.map((r) => [r.id, r.display_name]));
}

/** The post as the console shows it. */
export async function detailOf(
  scope: TenantScope,
  site: SiteRow,
  post: PostRow,
  portalBase: string,
): Promise<PostDetailType> {
  const head = await findRevision(scope, post.id, post.head_revision);
  if (!head) throw notFound('revision');
  const reviews = await listReviews(scope, post.id);
  // A term removed since the head was written is not offered back to the editor.
  const known = await termsOfSite(scope, site.id, head.terms);
  return postDetail(
    post,
    { ...head, terms: head.terms.filter((id) => known.has(id)) },
    reviews,
    site,
    portalBase,
    await reviewerNames(
      scope,
      reviews.map((r) => r.reviewer_id),
    ),
  );
}

export async function postForStaff(
  scope: TenantScope,
  site: SiteRow,
  id: string,
  lock = false,
): Promise<PostRow> {
  const post = await findPost(scope, site.id, id, lock);
  if (!post) throw notFound('post');
  return post;
}

export async function changed(
  scope: TenantScope,
  post: { id: string },
  action: string,
  data: Record<string, unknown>,
) {
  await recordAudit(scope, {
    action: `websites.post.${action}`,
    entityType: 'websites.post',
    entityId: post.id,
    after: data,
  });
  await emitEvent(scope, {
    type: 'websites.post.changed',
    entityType: 'websites.post',
    entityId: post.id,
    data: { action } as never,
  });
}

/** Writes revision `number` of the post from the input (sanitised), returning the revision's row fields. */
async function writeRevision(
  scope: TenantScope,
  postId: string,
  number: number,
  input: PostInputType,
  slug: string,
  terms: string[],
  restoredFrom: number | null,
): Promise<{ body: string }> {
  const body = sanitizeBody(input.body).html;
  await insertRevision(scope, {
    post_id: postId,
    number,
    slug,
    title: input.title.trim(),
    summary: input.summary?.trim() || null,
    body,
    image: JSON.stringify(input.image ?? null),
    details: JSON.stringify(input.details ?? {}),
    terms: JSON.stringify(terms),
    ppid: input.ppid ?? null,
    parent_id: input.parentId ?? null,
    menu_order: input.menuOrder ?? 0,
    note: input.note?.trim() || null,
    restored_from: restoredFrom,
    author_id: scope.actor.userId,
    author_name: scope.actor.label,
  });
  return { body };
}

export async function createPost(
  scope: TenantScope,
  siteSlug: string,
  input: PostInputType,
  access: AgencyAccess,
  portalBase: string,
): Promise<PostDetailType> {
  const site = await siteForStaff(scope, siteSlug, access);
  const id = newId();
  const terms = await checkReferences(scope, site, id, input);
  const slug = await freeSlug(scope, site, input.kind, input.slug ?? slugify(input.title), null);
  const clean = sanitizeBody(input.body);
  await insertPost(scope, {
    id,
    site_id: site.id,
    kind: input.kind,
    slug,
    title: input.title.trim(),
    summary: input.summary?.trim() || null,
    // The public copy stays empty until a publication copies a revision into it.
    body: '',
    body_text: '',
    image: null as unknown as string,
    details: '{}',
    ppid: null,
    parent_id: null,
    menu_order: 0,
    status: 'draft',
    review_state: 'draft',
    review_stage: 0,
    published_revision: null,
    publish_at: null,
    published_at: null,
    legacy_id: null,
    head_revision: 1,
    author_id: scope.actor.userId,
    author_name: scope.actor.label,
  });
  await writeRevision(scope, id, 1, input, slug, terms, null);
  await changed(scope, { id }, 'create', {
    site: site.slug,
    kind: input.kind,
    slug,
    revision: 1,
    chars: clean.text.length,
  });
  return detailOf(scope, site, await postForStaff(scope, site, id), portalBase);
}

/** A new head revision; refused (409) when the editor started from an older one than the head. */
export async function savePost(
  scope: TenantScope,
  siteSlug: string,
  id: string,
  input: PostInputType,
  access: AgencyAccess,
  portalBase: string,
  restoredFrom: number | null = null,
): Promise<PostDetailType> {
  const site = await siteForStaff(scope, siteSlug, access);
  const post = await postForStaff(scope, site, id, true);
  if (input.kind !== post.kind) throw invalid({ path: '/body/kind', code: 'kind_fixed' });
  if (input.baseRevision !== undefined && input.baseRevision < post.head_revision) {
    throw new AppError('conflict', {
      detailKey: 'stale_revision',
      params: { base: input.baseRevision, head: post.head_revision },
    });
  }
  const terms = await checkReferences(scope, site, id, input);
  const slug = await freeSlug(scope, site, post.kind, input.slug ?? post.slug, id);
  const number = post.head_revision + 1;
  await writeRevision(scope, id, number, input, slug, terms, restoredFrom);
  // A new revision has not been reviewed: the post is a draft again (its public copy stays).
  await updatePost(scope, id, {
    head_revision: number,
    review_state: 'draft',
    review_stage: 0,
    ...(post.status !== 'published' && post.status !== 'unpublished' && { title: input.title.trim(), slug }),
  });
  await changed(scope, post, restoredFrom ? 'restore' : 'save', { revision: number, restoredFrom });
  return detailOf(scope, site, await postForStaff(scope, site, id), portalBase);
}

export async function readPost(
  scope: TenantScope,
  siteSlug: string,
  id: string,
  access: AgencyAccess,
  portalBase: string,
) {
  const site = await siteForStaff(scope, siteSlug, access);
  return detailOf(scope, site, await postForStaff(scope, site, id), portalBase);
}

const cursorOf = (row: PostRow) => encodeCursor(row.updated_at, row.id);

export async function postsOfSite(
  scope: TenantScope,
  siteSlug: string,
  query: { kind?: string; status?: string; review?: string; q?: string; after?: string; limit?: number },
  access: AgencyAccess,
) {
  const site = await siteForStaff(scope, siteSlug, access);
  const limit = query.limit ?? 50;
  const rows = await listPosts(scope, site.id, {
    kind: query.kind,
    status: query.status,
    review: query.review,
    q: query.q?.trim() || undefined,
    after: decodeCursor(query.after),
    limit: limit + 1,
  });
  const page = rows.slice(0, limit);
  return {
    items: page.map(postSummary),
    next: rows.length > limit ? cursorOf(page[page.length - 1]!) : null,
  };
}

async function revisionOf(scope: TenantScope, postId: string, number: number): Promise<RevisionRow> {
  const r = await findRevision(scope, postId, number);
  if (!r) throw notFound('revision');
  return r;
}

export async function revisionsOfPost(
  scope: TenantScope,
  siteSlug: string,
  id: string,
  access: AgencyAccess,
) {
  const site = await siteForStaff(scope, siteSlug, access);
  const post = await postForStaff(scope, site, id);
  const rows = await listRevisions(scope, post.id);
  return {
    items: rows.map((r) => {
      const { body: _b, details: _d, ...rest } = revisionView(r);
      return rest;
    }),
  };
}

export async function oneRevision(
  scope: TenantScope,
  siteSlug: string,
  id: string,
  number: number,
  access: AgencyAccess,
) {
  const site = await siteForStaff(scope, siteSlug, access);
  const post = await postForStaff(scope, site, id);
  return revisionView(await revisionOf(scope, post.id, number));
}

/** Word differences from one revision to another: title, summary and the body's text. */
export async function diffRevisions(
  scope: TenantScope,
  siteSlug: string,
  id: string,
  from: number,
  to: number,
  access: AgencyAccess,
) {
  const site = await siteForStaff(scope, siteSlug, access);
  const post = await postForStaff(scope, site, id);
  const a = await revisionOf(scope, post.id, from);
  const b = await revisionOf(scope, post.id, to);
  const field = (name: string, x: string, y: string) => ({
    field: name,
    parts: diffWords(x, y).map((p) => ({ value: p.value, added: !!p.added, removed: !!p.removed })),
  });
  return {
    from,
    to,
    fields: [
      field('title', a.title, b.title),
      field('summary', a.summary ?? '', b.summary ?? ''),
      field('body', textOf(a.body), textOf(b.body)),
    ],
  };
}

/** A new head revision copying an older one (`restoredFrom`); it goes through review again. */
export async function restoreRevision(
  scope: TenantScope,
  siteSlug: string,
  id: string,
  number: number,
  access: AgencyAccess,
  portalBase: string,
) {
  const site = await siteForStaff(scope, siteSlug, access);
  const post = await postForStaff(scope, site, id);
  const r = await revisionOf(scope, post.id, number);
  const input: PostInputType = {
    kind: post.kind,
    title: r.title,
    slug: r.slug,
    summary: r.summary,
    body: r.body,
    image: r.image,
    details: r.details,
    // Only the terms the site still has (one removed since is left out, not refused).
    terms: [...(await termsOfSite(scope, site.id, r.terms))],
    ppid: r.ppid,
    parentId: r.parent_id,
    menuOrder: r.menu_order,
    note: `Dipulihkan dari revisi ${number}`,
  };
  return savePost(scope, siteSlug, id, input, access, portalBase, number);
}
