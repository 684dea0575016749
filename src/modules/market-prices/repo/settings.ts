/**
 * The app's settings row per tenant (`market_settings`): publication time, jump and alert
 * percentages, and the day the last daily summary went out. Like every file of `repo/`, each
 * query filters `tenant_id` itself (Citus routes on it), beside the row-level security underneath
 * (ADR 0003).
 */
import type { TenantScope } from '../../../platform/sdk/index.ts';
import { tx } from '../tables.ts';

export type SettingsRow = {
  publish_time: string;
  jump_percent: number;
  alert_percent: number;
  summary_sent_on: string | null;
};

export function readSettings(scope: TenantScope): Promise<SettingsRow | undefined> {
  return tx(scope)
    .selectFrom('market_settings')
    .select(['publish_time', 'jump_percent', 'alert_percent', 'summary_sent_on'])
    .where('tenant_id', '=', scope.tenantId)
    .executeTakeFirst();
}

/** Writes the default settings row unless there is one; whether this call wrote it. */
export async function insertDefaultSettings(scope: TenantScope): Promise<boolean> {
  const rows = await tx(scope)
    .insertInto('market_settings')
    .values({ tenant_id: scope.tenantId })
    .onConflict((oc) => oc.column('tenant_id').doNothing())
    .returning('tenant_id')
    .execute();
  return rows.length > 0;
}

export async function writeSettings(
  scope: TenantScope,
  values: { publish_time: string; jump_percent: number; alert_percent: number },
): Promise<void> {
  await tx(scope)
    .insertInto('market_settings')
    .values({ tenant_id: scope.tenantId, ...values })
    .onConflict((oc) => oc.column('tenant_id').doUpdateSet({ ...values, updated_at: new Date() }))
    .execute();
}

/** Marks the daily summary of `day` as sent; false when it already was (by this or another process). */
export async function claimSummary(scope: TenantScope, day: string): Promise<boolean> {
  const rows = await tx(scope)
    .updateTable('market_settings')
    .set({ summary_sent_on: day })
    .where('tenant_id', '=', scope.tenantId)
    .where((eb) => eb.or([eb('summary_sent_on', 'is', null), eb('summary_sent_on', '<', day)]))
    .returning('tenant_id')
    .execute();
  return rows.length > 0;
}
