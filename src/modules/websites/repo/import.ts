/**
 * What the WordPress import reads of a site before it plans, and its writes: many rows at once,
 * in batches small enough for PostgreSQL's 65,535 parameters. Every query names the scope's tenant.
 */
import type { TenantScope } from '../../../platform/sdk/index.ts';
import type { MediaRow, PostRow, TermRow } from '../services/import-plan.ts';
import { type MenuEntry, type PostKind, tx } from '../tables.ts';

const BATCH = 500;

function batches<T>(rows: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += BATCH) out.push(rows.slice(i, i + BATCH));
  return out;
}

export type SitePostKey = {
  id: string;
  kind: PostKind;
  slug: string;
  parent_id: string | null;
  legacy_id: string | number | null;
};

/** Every post of the site: its kind, slug, parent and WordPress id (if it was imported). */
export function sitePostKeys(scope: TenantScope, siteId: string): Promise<SitePostKey[]> {
  return tx(scope)
    .selectFrom('websites_posts')
    .select(['id', 'kind', 'slug', 'parent_id', 'legacy_id'])
    .where('tenant_id', '=', scope.tenantId)
    .where('site_id', '=', siteId)
    .execute();
}

export function siteTerms(
  scope: TenantScope,
  siteId: string,
): Promise<{ id: string; kind: 'category' | 'tag'; slug: string }[]> {
  return tx(scope)
    .selectFrom('websites_terms')
    .select(['id', 'kind', 'slug'])
    .where('tenant_id', '=', scope.tenantId)
    .where('site_id', '=', siteId)
    .execute();
}

/** Attachments imported before, known by their `/?attachment_id=N` redirect to `/media/<id>`. */
export async function importedAttachments(scope: TenantScope, siteId: string): Promise<Map<number, string>> {
  const rows = await tx(scope)
    .selectFrom('websites_redirects')
    .select(['from_path', 'to_path'])
    .where('tenant_id', '=', scope.tenantId)
    .where('site_id', '=', siteId)
    .where('from_path', 'like', '/?attachment\\_id=%')
    .execute();
  const out = new Map<number, string>();
  for (const r of rows) {
    const m = /^\/\?attachment_id=(\d+)$/.exec(r.from_path);
    const media = /^\/media\/([0-9a-f-]{36})$/.exec(r.to_path);
    if (m && media) out.set(Number(m[1]), media[1]!);
  }
  return out;
}

/** Staff of the tenant by lower-case email, for the export's authors. */
export async function staffByEmail(scope: TenantScope, emails: string[]): Promise<Map<string, string>> {
  if (emails.length === 0) return new Map();
  const rows = await scope.trx
    .selectFrom('users')
    .select(['id', 'email'])
    .where('tenant_id', '=', scope.tenantId)
    .where('kind', '=', 'staff')
    .where('email', 'in', emails)
    .execute();
  return new Map(rows.filter((r) => r.email).map((r) => [String(r.email).toLowerCase(), r.id]));
}

export async function insertTerms(scope: TenantScope, siteId: string, rows: TermRow[]): Promise<void> {
  for (const batch of batches(rows)) {
    await tx(scope)
      .insertInto('websites_terms')
      .values(batch.map((r) => ({ tenant_id: scope.tenantId, site_id: siteId, ...r })))
      .execute();
  }
}

export async function insertMedia(
  scope: TenantScope,
  siteId: string,
  rows: MediaRow[],
  uploadedBy: string | null,
): Promise<void> {
  for (const batch of batches(rows)) {
    await tx(scope)
      .insertInto('websites_media')
      .values(
        batch.map((r) => ({
          tenant_id: scope.tenantId,
          site_id: siteId,
          uploaded_by: uploadedBy,
          ...r,
          variants: JSON.stringify(r.variants),
        })),
      )
      .execute();
  }
}

/**
 * The posts with their first revision (the same content, by the same author, with `note`) and
 * their terms.
 */
export async function insertPosts(
  scope: TenantScope,
  siteId: string,
  rows: PostRow[],
  note = 'Impor WordPress',
): Promise<void> {
  const now = new Date();
  for (const batch of batches(rows)) {
    await tx(scope)
      .insertInto('websites_posts')
      .values(
        batch.map(({ terms: _terms, image, details, ...r }) => ({
          tenant_id: scope.tenantId,
          site_id: siteId,
          ...r,
          image: JSON.stringify(image),
          details: JSON.stringify(details ?? {}),
          head_revision: 1,
          review_stage: 0,
          updated_at: now,
        })),
      )
      .execute();
    await tx(scope)
      .insertInto('websites_revisions')
      .values(
        batch.map((r) => ({
          tenant_id: scope.tenantId,
          post_id: r.id,
          number: 1,
          slug: r.slug,
          title: r.title,
          summary: r.summary,
          body: r.body,
          image: JSON.stringify(r.image),
          details: JSON.stringify(r.details ?? {}),
          terms: JSON.stringify(r.terms),
          ppid: r.ppid ?? null,
          parent_id: r.parent_id,
          menu_order: r.menu_order,
          note,
          author_id: r.author_id,
          author_name: r.author_name,
          created_at: r.created_at,
        })),
      )
      .execute();
    const links = batch.flatMap((r) =>
      r.terms.map((term_id) => ({ tenant_id: scope.tenantId, post_id: r.id, term_id })),
    );
    for (const part of batches(links))
      await tx(scope).insertInto('websites_post_terms').values(part).execute();
  }
}

/** The old addresses; one already there (from an earlier import) is kept as it is. */
export async function insertRedirects(
  scope: TenantScope,
  siteId: string,
  redirects: Map<string, string>,
): Promise<number> {
  let added = 0;
  for (const batch of batches([...redirects])) {
    const rows = await tx(scope)
      .insertInto('websites_redirects')
      .values(
        batch.map(([from_path, to_path]) => ({
          tenant_id: scope.tenantId,
          site_id: siteId,
          from_path,
          to_path,
        })),
      )
      .onConflict((oc) => oc.columns(['tenant_id', 'site_id', 'from_path']).doNothing())
      .returning('from_path')
      .execute();
    added += rows.length;
  }
  return added;
}

export async function setSiteMenu(scope: TenantScope, siteId: string, menu: MenuEntry[]): Promise<void> {
  await tx(scope)
    .updateTable('websites_sites')
    .set({ menu: JSON.stringify(menu), updated_at: new Date() })
    .where('tenant_id', '=', scope.tenantId)
    .where('id', '=', siteId)
    .execute();
}

/** The new address inside the site of an old one, if the site has it. */
export async function findRedirect(
  scope: TenantScope,
  siteId: string,
  fromPath: string,
): Promise<string | null> {
  const row = await tx(scope)
    .selectFrom('websites_redirects')
    .select('to_path')
    .where('tenant_id', '=', scope.tenantId)
    .where('site_id', '=', siteId)
    .where('from_path', '=', fromPath)
    .executeTakeFirst();
  return row?.to_path ?? null;
}
