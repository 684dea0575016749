/**
 * Posts for the public pages' suites, written as the content API writes them: a revision per
 * save, and for a published post its copy in the post row (`status = 'published'`,
 * `published_revision`), its terms linked. A draft revision of a published post can follow
 * (`draftAfter`), which must never show.
 */
import type { TestContext } from '../../../../test/support/harness.ts';
import { newId, SYSTEM_ACTOR, type TenantScope } from '../../../platform/sdk/index.ts';
import { invalidateSite } from '../services/public-site.ts';
import { type PostKind, type Publication, tx } from '../tables.ts';

export type PostSeed = {
  kind: PostKind;
  slug: string;
  title: string;
  summary?: string;
  body?: string;
  status?: Publication;
  parentId?: string;
  details?: Record<string, unknown>;
  image?: { mediaId: string; alt: string };
  publishedAt?: Date;
  terms?: string[];
  /** A later draft revision's title (saved, not published). */
  draftAfter?: string;
};

async function siteId(scope: TenantScope, slug: string): Promise<string> {
  const row = await tx(scope)
    .selectFrom('websites_sites')
    .select('id')
    .where('tenant_id', '=', scope.tenantId)
    .where('slug', '=', slug)
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Writes a post of the site (by slug) as the content API would; returns its id. */
export async function seedPost(
  t: TestContext,
  tenantId: string,
  site: string,
  seed: PostSeed,
): Promise<string> {
  return t.platform.inTenant(tenantId, SYSTEM_ACTOR, async (scope) => {
    const id = newId();
    const sid = await siteId(scope, site);
    const status = seed.status ?? 'published';
    const body = seed.body ?? `<p>${seed.title}</p>`;
    const copy = {
      slug: seed.slug,
      title: seed.title,
      summary: seed.summary ?? null,
      body,
      image: JSON.stringify(seed.image ?? null),
      details: JSON.stringify(seed.details ?? {}),
      parent_id: seed.parentId ?? null,
      menu_order: 0,
    };
    await tx(scope)
      .insertInto('websites_posts')
      .values({
        tenant_id: scope.tenantId,
        id,
        site_id: sid,
        kind: seed.kind,
        ...copy,
        body_text: body
          .replace(/<[^>]*>/g, ' ')
          .replace(/\s+/g, ' ')
          .trim(),
        status,
        head_revision: 1,
        published_revision: status === 'published' ? 1 : null,
        published_at: status === 'published' ? (seed.publishedAt ?? new Date()) : null,
        publish_at: status === 'scheduled' ? new Date(Date.now() + 86_400_000) : null,
        author_name: 'Humas',
        review_state: status === 'published' ? 'approved' : 'draft',
        review_stage: 0,
      })
      .execute();
    await tx(scope)
      .insertInto('websites_revisions')
      .values({
        tenant_id: scope.tenantId,
        post_id: id,
        number: 1,
        ...copy,
        terms: JSON.stringify(seed.terms ?? []),
      })
      .execute();
    for (const termId of seed.terms ?? []) {
      await tx(scope)
        .insertInto('websites_post_terms')
        .values({ tenant_id: scope.tenantId, post_id: id, term_id: termId })
        .execute();
    }
    if (seed.draftAfter) {
      await tx(scope)
        .insertInto('websites_revisions')
        .values({
          tenant_id: scope.tenantId,
          post_id: id,
          number: 2,
          ...copy,
          title: seed.draftAfter,
          body: `<p>${seed.draftAfter}</p>`,
          terms: '[]',
        })
        .execute();
      await tx(scope)
        .updateTable('websites_posts')
        .set({ head_revision: 2 })
        .where('tenant_id', '=', scope.tenantId)
        .where('id', '=', id)
        .execute();
    }
    await invalidateSite(scope, sid);
    return id;
  });
}

/** A category or tag of the site; returns its id. */
export async function seedTerm(
  t: TestContext,
  tenantId: string,
  site: string,
  term: { kind: 'category' | 'tag'; slug: string; name: string },
): Promise<string> {
  return t.platform.inTenant(tenantId, SYSTEM_ACTOR, async (scope) => {
    const id = newId();
    await tx(scope)
      .insertInto('websites_terms')
      .values({ tenant_id: scope.tenantId, id, site_id: await siteId(scope, site), ...term })
      .execute();
    return id;
  });
}

/** Sets the site's menu and footer directly (the sites API checks them; here they are known good). */
export async function seedSiteSettings(
  t: TestContext,
  tenantId: string,
  site: string,
  settings: { menu: unknown[]; footer: Record<string, unknown>; tagline?: string },
): Promise<void> {
  await t.platform.inTenant(tenantId, SYSTEM_ACTOR, async (scope) => {
    const sid = await siteId(scope, site);
    await tx(scope)
      .updateTable('websites_sites')
      .set({
        menu: JSON.stringify(settings.menu),
        footer: JSON.stringify(settings.footer),
        tagline: settings.tagline ?? null,
      })
      .where('tenant_id', '=', scope.tenantId)
      .where('id', '=', sid)
      .execute();
    await invalidateSite(scope, sid);
  });
}
