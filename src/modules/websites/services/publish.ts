/**
 * Publication: an approved head revision goes out now, or at a time (a tenant task publishes what
 * is due every minute). Publishing copies the revision into the post — the public copy — with its
 * terms; the first publication's time is kept on later ones. Unpublishing hides the post.
 */
import {
  type AgencyAccess,
  AppError,
  invalid,
  type Platform,
  readAcrossTenants,
  type TenantScope,
} from '../../../platform/sdk/index.ts';
import {
  duePosts,
  findRevision,
  type PostRow,
  replacePostTerms,
  termsOfSite,
  updatePost,
} from '../repo/posts.ts';
import type { tx } from '../tables.ts';
import { changed, detailOf, postForStaff } from './posts.ts';
import { invalidateSite } from './public-site.ts';
import { sanitizeBody } from './sanitize.ts';
import { siteForStaff } from './sites.ts';

/** Copies revision `number` into the post and marks it published. */
async function publishRevision(scope: TenantScope, post: PostRow, number: number, now: Date): Promise<void> {
  const r = await findRevision(scope, post.id, number);
  if (!r) throw new AppError('not_found', { params: { entity: 'revision' } });
  const clean = sanitizeBody(r.body);
  await updatePost(scope, post.id, {
    title: r.title,
    slug: r.slug,
    summary: r.summary,
    body: clean.html,
    body_text: clean.text,
    image: JSON.stringify(r.image ?? null),
    details: JSON.stringify(r.details ?? {}),
    ppid: r.ppid,
    parent_id: r.parent_id,
    menu_order: r.menu_order,
    status: 'published',
    published_revision: number,
    published_at: post.published_at ?? now,
    publish_at: null,
    scheduled_revision: null,
  });
  // A term removed after the revision was written is left out (its links went with it).
  await replacePostTerms(scope, post.id, [...(await termsOfSite(scope, post.site_id, r.terms))]);
  await invalidateSite(scope, post.site_id);
}

export async function publishPost(
  scope: TenantScope,
  siteSlug: string,
  id: string,
  input: { revision: number; at?: string },
  access: AgencyAccess,
  portalBase: string,
  now = new Date(),
) {
  const site = await siteForStaff(scope, siteSlug, access);
  const post = await postForStaff(scope, site, id, true);
  if (input.revision !== post.head_revision || post.review_state !== 'approved') {
    throw new AppError('invalid_transition', {
      detailKey: 'not_approved',
      params: { revision: input.revision },
    });
  }
  const at = input.at ? new Date(input.at) : undefined;
  if (at && Number.isNaN(at.getTime())) throw invalid({ path: '/body/at', code: 'format' });
  if (at && at > now) {
    // A published post keeps its public copy until the scheduled revision replaces it.
    await updatePost(scope, id, {
      status: post.status === 'published' ? 'published' : 'scheduled',
      publish_at: at,
      scheduled_revision: input.revision,
    });
    await changed(scope, post, 'schedule', { revision: input.revision, at: at.toISOString() });
  } else {
    await publishRevision(scope, post, input.revision, now);
    await changed(scope, post, 'publish', { revision: input.revision });
  }
  return detailOf(scope, site, await postForStaff(scope, site, id), portalBase);
}

export async function unpublishPost(
  scope: TenantScope,
  siteSlug: string,
  id: string,
  access: AgencyAccess,
  portalBase: string,
) {
  const site = await siteForStaff(scope, siteSlug, access);
  const post = await postForStaff(scope, site, id, true);
  if (post.status !== 'published' && post.status !== 'scheduled') {
    throw new AppError('invalid_transition', { detailKey: 'not_published_post' });
  }
  await updatePost(scope, id, {
    status: post.published_revision ? 'unpublished' : 'draft',
    publish_at: null,
    scheduled_revision: null,
  });
  await invalidateSite(scope, post.site_id);
  await changed(scope, post, 'unpublish', { was: post.status });
  return detailOf(scope, site, await postForStaff(scope, site, id), portalBase);
}

/** Publishes the tenant's scheduled posts whose time has come (the task's run). */
export async function publishDue(scope: TenantScope, now: Date): Promise<number> {
  let count = 0;
  for (const post of await duePosts(scope, now)) {
    // A save after scheduling made a new head: the revision scheduled still is the one reviewed.
    const number = post.scheduled_revision ?? post.head_revision;
    await publishRevision(scope, post, number, now);
    await changed(scope, post, 'publish', { revision: number, scheduled: true });
    count += 1;
  }
  return count;
}

/** Tenants with a scheduled post due (the `websites_posts_due` index). Reads across tenants. */
export function tenantsWithDuePostsAcrossTenants(platform: Platform, now: Date): Promise<string[]> {
  return readAcrossTenants(platform.database.db, async (trx) => {
    const rows = await (trx as unknown as ReturnType<typeof tx>)
      .selectFrom('websites_posts')
      .select('tenant_id')
      .distinct()
      .where('publish_at', 'is not', null)
      .where('publish_at', '<=', now)
      .execute();
    return rows.map((r) => r.tenant_id);
  });
}
