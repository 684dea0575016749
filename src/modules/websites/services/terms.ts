/**
 * A site's categories and tags. Its writers see them and add tags while writing; categories, a
 * name's change and removal are for the site's managers (the site's structure, as WordPress has
 * it). A rename keeps the address unless a new slug is asked for; a removal takes the term off its
 * posts (their revisions keep what they were written with).
 */
import {
  type AgencyAccess,
  AppError,
  invalid,
  newId,
  notFound,
  recordAudit,
  type TenantScope,
} from '../../../platform/sdk/index.ts';
import {
  deleteTerm,
  findTermById,
  insertTerm,
  listTerms,
  type TermRow,
  termSlugTaken,
  termUses,
  updateTerm,
} from '../repo/terms.ts';
import { slugify } from './legacy-paths.ts';
import { invalidateSite } from './public-site.ts';
import { siteForStaff } from './sites.ts';

type TermView = { id: string; kind: 'category' | 'tag'; slug: string; name: string };
const view = (r: TermRow): TermView => ({ id: r.id, kind: r.kind, slug: r.slug, name: r.name });

export async function termsOfSiteForStaff(
  scope: TenantScope,
  siteSlug: string,
  access: AgencyAccess,
): Promise<{ items: TermView[] }> {
  const site = await siteForStaff(scope, siteSlug, access);
  return { items: (await listTerms(scope, site.id)).map(view) };
}

/** The slug asked for, or one made of the name; refused when empty or taken on the site. */
async function slugFor(
  scope: TenantScope,
  siteId: string,
  kind: TermRow['kind'],
  asked: string | undefined,
  name: string,
  except?: string,
): Promise<string> {
  const slug = asked ?? slugify(name);
  if (!slug) throw invalid({ path: asked ? '/body/slug' : '/body/name', code: 'pattern' });
  if (await termSlugTaken(scope, siteId, kind, slug, except)) {
    throw invalid({ path: asked ? '/body/slug' : '/body/name', code: 'taken' });
  }
  return slug;
}

export async function createTerm(
  scope: TenantScope,
  siteSlug: string,
  input: { kind: 'category' | 'tag'; name: string; slug?: string },
  access: { write: AgencyAccess; manage: AgencyAccess },
): Promise<TermView> {
  const site = await siteForStaff(scope, siteSlug, input.kind === 'tag' ? access.write : access.manage);
  const name = input.name.trim();
  if (!name) throw invalid({ path: '/body/name', code: 'required' });
  const slug = await slugFor(scope, site.id, input.kind, input.slug, name);
  const row = await insertTerm(scope, { id: newId(), site_id: site.id, kind: input.kind, slug, name });
  await recordAudit(scope, {
    action: 'websites.term.create',
    entityType: 'websites.term',
    entityId: row.id,
    after: { site: site.slug, kind: row.kind, slug, name },
  });
  return view(row);
}

async function termForManager(scope: TenantScope, siteSlug: string, id: string, access: AgencyAccess) {
  const site = await siteForStaff(scope, siteSlug, access);
  const row = await findTermById(scope, site.id, id);
  if (!row) throw notFound('term');
  return { site, row };
}

export async function renameTerm(
  scope: TenantScope,
  siteSlug: string,
  id: string,
  patch: { name?: string; slug?: string },
  access: AgencyAccess,
): Promise<TermView> {
  const { site, row } = await termForManager(scope, siteSlug, id, access);
  const name = patch.name?.trim();
  if (patch.name !== undefined && !name) throw invalid({ path: '/body/name', code: 'required' });
  const slug =
    patch.slug === undefined ? undefined : await slugFor(scope, site.id, row.kind, patch.slug, '', row.id);
  const changed = await updateTerm(scope, row.id, { ...(name ? { name } : {}), ...(slug ? { slug } : {}) });
  await recordAudit(scope, {
    action: 'websites.term.change',
    entityType: 'websites.term',
    entityId: row.id,
    before: { name: row.name, slug: row.slug },
    after: { name: changed.name, slug: changed.slug },
  });
  await invalidateSite(scope, site.id);
  return view(changed);
}

/** Removes a term; one still on posts only when `force` is asked (else a 409 with the count). */
export async function removeTerm(
  scope: TenantScope,
  siteSlug: string,
  id: string,
  force: boolean,
  access: AgencyAccess,
): Promise<void> {
  const { site, row } = await termForManager(scope, siteSlug, id, access);
  const uses = await termUses(scope, row.id);
  if (uses > 0 && !force)
    throw new AppError('conflict', { detailKey: 'term_in_use', params: { count: uses } });
  await deleteTerm(scope, row.id);
  await recordAudit(scope, {
    action: 'websites.term.delete',
    entityType: 'websites.term',
    entityId: row.id,
    before: { site: site.slug, kind: row.kind, slug: row.slug, name: row.name, posts: uses },
  });
  await invalidateSite(scope, site.id);
}
