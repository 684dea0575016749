/**
 * Staff subscriptions to alerts and the daily summary (`price_subscriptions`). Every query
 * filters `tenant_id` itself, beside the row-level security underneath (ADR 0003).
 */
import type { TenantScope } from '../../../platform/sdk/index.ts';
import { tx } from '../tables.ts';

export async function readSubscription(scope: TenantScope, userId: string) {
  return tx(scope)
    .selectFrom('price_subscriptions')
    .select(['alerts', 'daily_summary'])
    .where('tenant_id', '=', scope.tenantId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
}

export async function writeSubscription(
  scope: TenantScope,
  userId: string,
  alerts: boolean,
  dailySummary: boolean,
) {
  const values = { alerts, daily_summary: dailySummary };
  await tx(scope)
    .insertInto('price_subscriptions')
    .values({ tenant_id: scope.tenantId, user_id: userId, ...values })
    .onConflict((oc) =>
      oc.columns(['tenant_id', 'user_id']).doUpdateSet({ ...values, updated_at: new Date() }),
    )
    .execute();
}

/** Email addresses and grants of active staff subscribed to alerts or to the daily summary. */
export async function subscribers(scope: TenantScope, kind: 'alerts' | 'daily_summary') {
  const rows = await tx(scope)
    .selectFrom('price_subscriptions as s')
    .innerJoin('users as u', (j) =>
      j.onRef('u.tenant_id', '=', 's.tenant_id').onRef('u.id', '=', 's.user_id'),
    )
    .select(['u.id', 'u.email'])
    .where('s.tenant_id', '=', scope.tenantId)
    .where(`s.${kind}`, '=', true)
    .where('u.disabled_at', 'is', null)
    .where('u.email', 'is not', null)
    .execute();
  return rows as Array<{ id: string; email: string }>;
}
