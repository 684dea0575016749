/** How posts, revisions and reviews look in the API's answers. */
import type { PostRow, ReviewRow, RevisionRow } from '../repo/posts.ts';
import type { SiteRow } from '../repo/sites.ts';
import type { PostDetailType, RevisionType } from '../schemas.ts';
import { KIND_SEGMENT } from './public-site.ts';
import { sitePath } from './sites.ts';

const iso = (d: Date | string | null): string | null => (d === null ? null : new Date(d).toISOString());

/** Public address of a post under the site: `/situs/<site>/<kind>/<slug>`; pages without the kind. */
export function postPath(site: Pick<SiteRow, 'slug'>, post: Pick<PostRow, 'kind' | 'slug'>): string {
  return post.kind === 'page'
    ? `${sitePath(site.slug)}/${post.slug}`
    : `${sitePath(site.slug)}/${KIND_SEGMENT[post.kind]}/${post.slug}`;
}

export function postSummary(row: PostRow) {
  return {
    id: row.id,
    kind: row.kind,
    slug: row.slug,
    title: row.title,
    status: row.status,
    reviewState: row.review_state,
    reviewStage: row.review_stage,
    headRevision: row.head_revision,
    publishedRevision: row.published_revision,
    publishAt: iso(row.publish_at),
    publishedAt: iso(row.published_at),
    author: row.author_name,
    updatedAt: iso(row.updated_at)!,
  };
}

export function revisionView(r: RevisionRow): RevisionType {
  return {
    number: r.number,
    slug: r.slug,
    title: r.title,
    summary: r.summary,
    body: r.body,
    image: r.image,
    details: r.details,
    terms: r.terms,
    ppid: r.ppid,
    parentId: r.parent_id,
    menuOrder: r.menu_order,
    note: r.note,
    restoredFrom: r.restored_from,
    author: r.author_name,
    createdAt: iso(r.created_at)!,
  };
}

export function postDetail(
  row: PostRow,
  head: RevisionRow,
  reviews: ReviewRow[],
  site: SiteRow,
  portalBase: string,
  reviewerNames: Map<string, string>,
): PostDetailType {
  return {
    ...postSummary(row),
    siteId: row.site_id,
    head: revisionView(head),
    reviews: reviews.map((r) => ({
      revision: r.revision,
      stage: r.stage,
      decision: r.decision,
      note: r.note,
      reviewer: reviewerNames.get(r.reviewer_id) ?? r.reviewer_id,
      at: iso(r.created_at)!,
    })),
    url: row.status === 'published' ? `${portalBase}${postPath(site, row)}` : null,
  };
}
