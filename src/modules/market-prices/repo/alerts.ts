/**
 * Price-rise alerts (`price_alerts`), one per day, commodity and place. Every query filters
 * `tenant_id` itself, beside the row-level security underneath (ADR 0003).
 */
import { sql } from 'kysely';
import { newId, type TenantScope } from '../../../platform/sdk/index.ts';
import { tx } from '../tables.ts';

export type AlertValues = {
  day: string;
  commodity_id: string;
  market_id: string | null;
  previous_day: string;
  previous: number;
  current: number;
  percent: number;
};

/** Records an alert unless that day, commodity and place has one; returns the new id or null. */
export async function insertAlert(scope: TenantScope, a: AlertValues): Promise<string | null> {
  const id = newId();
  const { rows } = await sql<{ id: string }>`
    insert into price_alerts (tenant_id, id, day, commodity_id, market_id, previous_day, previous, current, percent)
    values (${scope.tenantId}, ${id}, ${a.day}, ${a.commodity_id}, ${a.market_id}, ${a.previous_day},
      ${a.previous}, ${a.current}, ${a.percent})
    on conflict do nothing returning id`.execute(scope.trx);
  return rows[0]?.id ?? null;
}

/**
 * Alerts whose day is between `from` and `to`: by day (newest first, the largest rise first), or
 * with `recent` by when they were raised (newest first), so that an alert raised today by a
 * correction of an earlier day comes first.
 */
export function listAlerts(
  scope: TenantScope,
  from: string,
  to: string,
  limit: number,
  order: 'day' | 'recent' = 'day',
) {
  const q = tx(scope)
    .selectFrom('price_alerts')
    .select([
      'id',
      'day',
      'commodity_id',
      'market_id',
      'previous_day',
      'previous',
      'current',
      'percent',
      'created_at',
    ])
    .where('tenant_id', '=', scope.tenantId)
    .where('day', '>=', from)
    .where('day', '<=', to);
  const ordered =
    order === 'recent'
      ? q.orderBy('created_at', 'desc').orderBy('id', 'desc')
      : q.orderBy('day', 'desc').orderBy('percent', 'desc');
  return ordered.limit(limit).execute();
}
