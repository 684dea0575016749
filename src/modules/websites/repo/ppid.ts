/**
 * The PPID's reads and writes: the published posts of a site by class of public information, and
 * the public-information requests (`websites_info_requests`) with their yearly number sequence.
 * Every query names the scope's tenant.
 */
import type { Insertable, Selectable } from 'kysely';
import type { TenantScope } from '../../../platform/sdk/index.ts';
import { type PpidRequestsTable, ppidTx } from '../ppid-tables.ts';
import type { PostKind, PpidClass } from '../tables.ts';

export type PpidPost = {
  id: string;
  kind: PostKind;
  slug: string;
  title: string;
  summary: string | null;
  ppid: PpidClass;
  published_at: Date | null;
  details: Record<string, unknown>;
};

/** The site's published posts that carry a PPID class, by class, newest first in each. */
export function publishedPpidPosts(scope: TenantScope, siteId: string, perClass = 200): Promise<PpidPost[]> {
  return ppidTx(scope)
    .selectFrom('websites_posts')
    .select(['id', 'kind', 'slug', 'title', 'summary', 'ppid', 'published_at', 'details'])
    .where('tenant_id', '=', scope.tenantId)
    .where('site_id', '=', siteId)
    .where('status', '=', 'published')
    .where('ppid', 'is not', null)
    .orderBy('ppid')
    .orderBy('published_at', 'desc')
    .orderBy('id')
    .limit(perClass * 4)
    .execute() as Promise<PpidPost[]>;
}

export type RequestRow = Omit<Selectable<PpidRequestsTable>, 'tenant_id'>;

/** The next number of the tenant's yearly sequence, taken in the caller's transaction. */
export async function nextRequestNumber(scope: TenantScope, year: number): Promise<number> {
  const row = await ppidTx(scope)
    .insertInto('websites_ppid_numbers')
    .values({ tenant_id: scope.tenantId, year, last: 1 })
    .onConflict((oc) =>
      oc
        .columns(['tenant_id', 'year'])
        .doUpdateSet((eb) => ({ last: eb('websites_ppid_numbers.last', '+', 1) })),
    )
    .returning('last')
    .executeTakeFirstOrThrow();
  return row.last;
}

export function insertRequest(
  scope: TenantScope,
  values: Omit<Insertable<PpidRequestsTable>, 'tenant_id'>,
): Promise<RequestRow> {
  return ppidTx(scope)
    .insertInto('websites_info_requests')
    .values({ ...values, tenant_id: scope.tenantId })
    .returningAll()
    .executeTakeFirstOrThrow() as Promise<RequestRow>;
}

/** A request of the site by its number or id, locked for the transaction when `lock`. */
export function findRequest(
  scope: TenantScope,
  siteId: string,
  key: { number: string } | { id: string },
  lock = false,
): Promise<RequestRow | undefined> {
  let q = ppidTx(scope)
    .selectFrom('websites_info_requests')
    .selectAll()
    .where('tenant_id', '=', scope.tenantId)
    .where('site_id', '=', siteId);
  q = 'id' in key ? q.where('id', '=', key.id) : q.where('number', '=', key.number);
  if (lock) q = q.forUpdate();
  return q.executeTakeFirst() as Promise<RequestRow | undefined>;
}

/**
 * The site's requests, most urgent first: open ones (waiting for an answer or for the objection's
 * answer) by their due date, or all of them, newest first, when `open` is false.
 */
export function listRequests(
  scope: TenantScope,
  siteId: string,
  open: boolean,
  limit: number,
): Promise<RequestRow[]> {
  let q = ppidTx(scope)
    .selectFrom('websites_info_requests')
    .selectAll()
    .where('tenant_id', '=', scope.tenantId)
    .where('site_id', '=', siteId);
  if (open) {
    q = q
      .where('status', 'in', ['received', 'extended', 'objected'])
      .orderBy((eb) => eb.fn.coalesce('objection_due_on', 'extended_on', 'due_on'))
      .orderBy('number');
  } else {
    q = q.orderBy('received_at', 'desc').orderBy('number', 'desc');
  }
  return q.limit(limit).execute() as Promise<RequestRow[]>;
}

/** Every open request of the tenant (received, extended, or objected and not yet answered). */
export function openRequestsOfTenant(scope: TenantScope): Promise<RequestRow[]> {
  return ppidTx(scope)
    .selectFrom('websites_info_requests')
    .selectAll()
    .where('tenant_id', '=', scope.tenantId)
    .where('status', 'in', ['received', 'extended', 'objected'])
    .execute() as Promise<RequestRow[]>;
}

export function updateRequest(
  scope: TenantScope,
  id: string,
  changes: Partial<Omit<RequestRow, 'id' | 'site_id' | 'number' | 'secret_hash'>>,
): Promise<RequestRow> {
  return ppidTx(scope)
    .updateTable('websites_info_requests')
    .set(changes)
    .where('tenant_id', '=', scope.tenantId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow() as Promise<RequestRow>;
}
