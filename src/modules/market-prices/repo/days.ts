/**
 * The verified and published days (`price_days`) and when each became public. Every query
 * filters `tenant_id` itself, beside the row-level security underneath (ADR 0003).
 */
import type { TenantScope } from '../../../platform/sdk/index.ts';
import { tx } from '../tables.ts';

export type DayRow = {
  day: string;
  status: 'verified' | 'published';
  published_at: Date | null;
  public_from: Date | null;
};

export function readDay(scope: TenantScope, day: string, forUpdate = false): Promise<DayRow | undefined> {
  let q = tx(scope)
    .selectFrom('price_days')
    .select(['day', 'status', 'published_at', 'public_from'])
    .where('tenant_id', '=', scope.tenantId)
    .where('day', '=', day);
  if (forUpdate) q = q.forUpdate();
  return q.executeTakeFirst();
}

export async function markDayVerified(scope: TenantScope, day: string, userId: string | null, now: Date) {
  await tx(scope)
    .insertInto('price_days')
    .values({ tenant_id: scope.tenantId, day, status: 'verified', verified_by: userId, verified_at: now })
    .onConflict((oc) =>
      oc
        .columns(['tenant_id', 'day'])
        .doUpdateSet({ verified_by: userId, verified_at: now })
        .where('price_days.status', '=', 'verified'),
    )
    .execute();
}

export async function markDayPublished(
  scope: TenantScope,
  day: string,
  userId: string | null,
  now: Date,
  publicFrom: Date,
) {
  const values = {
    status: 'published' as const,
    published_by: userId,
    published_at: now,
    public_from: publicFrom,
  };
  await tx(scope)
    .insertInto('price_days')
    .values({ tenant_id: scope.tenantId, day, ...values })
    .onConflict((oc) => oc.columns(['tenant_id', 'day']).doUpdateSet(values))
    .execute();
}

/**
 * Published days on or before `day`, newest first: only those public at `visibleAt`, or every
 * published one when it is null (the staff's own comparisons).
 */
export async function publishedDaysDesc(
  scope: TenantScope,
  day: string,
  limit: number,
  visibleAt: Date | null,
) {
  let q = tx(scope)
    .selectFrom('price_days')
    .select(['day', 'published_at', 'public_from'])
    .where('tenant_id', '=', scope.tenantId)
    .where('status', '=', 'published')
    .where('day', '<=', day);
  if (visibleAt) q = q.where('public_from', '<=', visibleAt);
  return q.orderBy('day', 'desc').limit(limit).execute();
}

/**
 * Published days that are not public yet at `now` (waiting for their publication time): one probe
 * of the partial index `price_days_waiting`. The builder is exported for the query-plan test.
 */
export function daysNotYetPublicQuery(scope: TenantScope, now: Date) {
  return tx(scope)
    .selectFrom('price_days')
    .select(['day', 'public_from'])
    .where('tenant_id', '=', scope.tenantId)
    .where('status', '=', 'published')
    .where('public_from', '>', now);
}

export async function daysNotYetPublic(scope: TenantScope, now: Date) {
  return daysNotYetPublicQuery(scope, now).execute();
}
