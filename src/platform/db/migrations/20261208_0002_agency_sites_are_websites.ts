/**
 * The catalogue's "agency sites" entry (code `agency-sites`, data only until now) is the websites
 * app (`websites`) now that its module exists: a tenant that had adopted it keeps its adoption,
 * its status, agreements and history under the new code. Runs once; on a database that never had
 * the entry it changes nothing. A migration role that row-level security hides adoptions from
 * fails on the last statement (the old code is still in use) rather than losing an adoption.
 */
import type { Kysely } from 'kysely';
import { runStatements } from '../rls.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `insert into apps (code, name, category, channels, version, description, has_module, origin_tenant_id, updated_at)
      select 'websites', name, category, channels, version, description, has_module, origin_tenant_id, now()
      from apps where code = 'agency-sites'
      on conflict (code) do nothing`,
    `insert into adoptions (tenant_id, app_code, channel, status, origin_tenant_id, mou_id, pks_id, live_since, created_at, updated_at)
      select tenant_id, 'websites', channel, status, origin_tenant_id, mou_id, pks_id, live_since, created_at, now()
      from adoptions where app_code = 'agency-sites'
      on conflict do nothing`,
    `update adoption_events set app_code = 'websites' where app_code = 'agency-sites'`,
    `delete from adoptions where app_code = 'agency-sites'`,
    `delete from apps where code = 'agency-sites'`,
  ]);
}
