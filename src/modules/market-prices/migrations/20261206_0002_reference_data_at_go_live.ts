/**
 * The settings and the national commodity list are written when a tenant takes the app live
 * (`onLive`), no longer on the first read. A tenant that had the app live before and never opened
 * it gets them here, as the step to live now gives them.
 */
import type { Kysely, Transaction } from 'kysely';
import {
  type PlatformTables,
  runStatements,
  SYSTEM_ACTOR,
  type TenantScope,
} from '../../../platform/sdk/index.ts';
import { NATIONAL_COMMODITIES } from '../national.ts';
import { insertCommodities } from '../repo/commodities.ts';
import { insertDefaultSettings } from '../repo/settings.ts';

/**
 * Row-level security is forced on these tables, so their owner (the migrating user, unless it is a
 * superuser) sees none of their rows: lifted for the migration's own transaction, and put back.
 */
const TABLES = ['adoptions', 'market_settings', 'commodities'];

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    TABLES.map((t) => `alter table ${t} no force row level security`),
  );
  await writeForLiveTenants(db as unknown as Transaction<PlatformTables>);
  await runStatements(
    db,
    TABLES.map((t) => `alter table ${t} force row level security`),
  );
}

async function writeForLiveTenants(trx: Transaction<PlatformTables>): Promise<void> {
  const live = await trx
    .selectFrom('adoptions')
    .select('tenant_id')
    .distinct()
    .where('app_code', '=', 'market-prices')
    .where('status', '=', 'live')
    .execute();
  for (const { tenant_id } of live) {
    // The migration runs as the tables' owner; the scope only names the tenant for the repository.
    const scope: TenantScope = {
      tenantId: tenant_id,
      trx,
      actor: SYSTEM_ACTOR,
      afterCommit: () => undefined,
    };
    if (await insertDefaultSettings(scope)) await insertCommodities(scope, NATIONAL_COMMODITIES);
  }
}
