/** The code on websites_terms outside the import and the posts: a site's terms, one, its changes and uses. */
import { type Selectable, sql } from 'kysely';
import type { TenantScope } from '../../../platform/sdk/index.ts';
import { type TermsTable, tx } from '../tables.ts';

export type TermRow = Omit<Selectable<TermsTable>, 'tenant_id'>;
const TERM = ['id', 'site_id', 'kind', 'slug', 'name'] as const;

/** A site's categories and tags, by kind then name. */
export function listTerms(scope: TenantScope, siteId: string): Promise<TermRow[]> {
  return tx(scope)
    .selectFrom('websites_terms')
    .select(TERM)
    .where('tenant_id', '=', scope.tenantId)
    .where('site_id', '=', siteId)
    .orderBy('kind')
    .orderBy('name')
    .execute();
}

export function findTermById(scope: TenantScope, siteId: string, id: string): Promise<TermRow | undefined> {
  return tx(scope)
    .selectFrom('websites_terms')
    .select(TERM)
    .where('tenant_id', '=', scope.tenantId)
    .where('site_id', '=', siteId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Whether the site has a term of this kind and slug, other than `except`. */
export async function termSlugTaken(
  scope: TenantScope,
  siteId: string,
  kind: TermRow['kind'],
  slug: string,
  except?: string,
): Promise<boolean> {
  let q = tx(scope)
    .selectFrom('websites_terms')
    .select('id')
    .where('tenant_id', '=', scope.tenantId)
    .where('site_id', '=', siteId)
    .where('kind', '=', kind)
    .where('slug', '=', slug);
  if (except) q = q.where('id', '<>', except);
  return (await q.executeTakeFirst()) !== undefined;
}

export function insertTerm(scope: TenantScope, row: TermRow): Promise<TermRow> {
  return tx(scope)
    .insertInto('websites_terms')
    .values({ tenant_id: scope.tenantId, ...row })
    .returning(TERM)
    .executeTakeFirstOrThrow();
}

export function updateTerm(
  scope: TenantScope,
  id: string,
  patch: { name?: string; slug?: string },
): Promise<TermRow> {
  return tx(scope)
    .updateTable('websites_terms')
    .set(patch)
    .where('tenant_id', '=', scope.tenantId)
    .where('id', '=', id)
    .returning(TERM)
    .executeTakeFirstOrThrow();
}

/** How many posts carry the term: published with it, or with it in the text being written. */
export async function termUses(scope: TenantScope, id: string): Promise<number> {
  const row = await tx(scope)
    .selectFrom('websites_posts as p')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('p.tenant_id', '=', scope.tenantId)
    .where((eb) =>
      eb.or([
        eb.exists(
          eb
            .selectFrom('websites_post_terms as pt')
            .select('pt.term_id')
            .where('pt.tenant_id', '=', scope.tenantId)
            .whereRef('pt.post_id', '=', 'p.id')
            .where('pt.term_id', '=', id),
        ),
        eb.exists(
          eb
            .selectFrom('websites_revisions as r')
            .select('r.number')
            .where('r.tenant_id', '=', scope.tenantId)
            .whereRef('r.post_id', '=', 'p.id')
            .whereRef('r.number', '=', 'p.head_revision')
            .where(sql<boolean>`r.terms @> ${JSON.stringify([id])}::jsonb`),
        ),
      ]),
    )
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Removes the term and its links to posts. */
export async function deleteTerm(scope: TenantScope, id: string): Promise<void> {
  await tx(scope)
    .deleteFrom('websites_post_terms')
    .where('tenant_id', '=', scope.tenantId)
    .where('term_id', '=', id)
    .execute();
  await tx(scope)
    .deleteFrom('websites_terms')
    .where('tenant_id', '=', scope.tenantId)
    .where('id', '=', id)
    .execute();
}
