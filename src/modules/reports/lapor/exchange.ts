/**
 * The exchange with SP4N-LAPOR!, one tenant at a time, for the tenants that turned it on
 * (`laporEnabled` in the reports settings) on a platform that has `LAPOR_URL`.
 *
 * Receiving first: the region's updates after the stored cursor, a page at a time. Each page is
 * applied in one transaction together with the new cursor, so a page is taken whole or not at all
 * (a run that fails is repeated by the next). An update is recorded on the report it names (found
 * by `lapor_id` within the tenant) as a public `lapor` event; when the state machine lets the
 * system take the step it stands for (`mapping.ts`), the report moves through `transition`; else
 * the operator reads the note and decides. A report a citizen filed at LAPOR! about the region is
 * filed here through `fileReport`, channel `lapor`, with its `lapor_id`.
 *
 * Sending next, like an outbox: a report is pending while its status differs from the one LAPOR!
 * last heard of (`lapor_sent_status`). A report verified since the exchange was turned on is
 * submitted once (LAPOR! answers a repeat with the same id, so a crash between its answer and our
 * commit costs nothing); after that each new status is pushed. No transaction is open while LAPOR!
 * is called. If LAPOR! is down, what was not sent stays pending and the next run sends it; a report
 * LAPOR! refuses keeps the refusal and is tried again once it changes.
 */
import {
  type Config,
  defineTask,
  type Platform,
  readAcrossTenants,
  type VerifiedTenant,
} from '../../../platform/sdk/index.ts';
import { laporTenantIdsAcrossTenants, readLaporState } from '../repo/lapor.ts';
import { LaporError, type LaporGateway } from './gateway.ts';
import { ACTOR } from './history.ts';
import { HttpLaporGateway } from './http-gateway.ts';
import { receive } from './receive.ts';
import { send } from './send.ts';

/** What one tenant's run did. */
export type ExchangeResult = {
  /** Reports filed at LAPOR! for the first time. */
  submitted: number;
  /** New statuses told to LAPOR!. */
  pushed: number;
  /** Reports LAPOR! refused (kept with the refusal, tried again once they change). */
  refused: number;
  /** Updates from LAPOR! recorded on a report of the tenant. */
  updates: number;
  /** Of those, the ones that moved the report. */
  moved: number;
  /** Reports citizens filed at LAPOR! about the region, now filed here. */
  filed: number;
  /** Updates about a report the tenant does not have (audited, then passed over). */
  ignored: number;
};

/** The HTTP gateway when the platform has `LAPOR_URL`, else null: the exchange is off. */
export function createLaporGateway(config: Config): LaporGateway | null {
  return config.lapor ? new HttpLaporGateway(config.lapor) : null;
}

/** Every five minutes: the exchange for every tenant that turned it on. */
export const laporExchangeTask = defineTask({
  name: 'reports.lapor-exchange',
  cron: '*/5 * * * *',
  async run({ platform }) {
    const gateway = createLaporGateway(platform.config);
    if (gateway) await exchangeAcrossTenants(platform, gateway);
  },
});

/** The tenants that turned the exchange on. Reads across tenants. */
export async function tenantsExchangingWithLaporAcrossTenants(platform: Platform): Promise<string[]> {
  return readAcrossTenants(platform.database.db, (trx) => laporTenantIdsAcrossTenants(trx));
}

/**
 * Runs the exchange for each tenant that turned it on, each in its own transactions. When LAPOR!
 * is unreachable or refuses the platform's token the run stops there (every other tenant would
 * fail the same way); other failures stop only their tenant. Throws once at the end if any failed.
 */
export async function exchangeAcrossTenants(
  platform: Platform,
  gateway: LaporGateway,
  clock: () => Date = () => new Date(),
): Promise<Map<string, ExchangeResult>> {
  const results = new Map<string, ExchangeResult>();
  const failures: unknown[] = [];
  for (const tenantId of await tenantsExchangingWithLaporAcrossTenants(platform)) {
    const tenant = platform.directory.all().find((t) => t.id === tenantId);
    if (!tenant) continue;
    try {
      const result = await exchangeWithLapor(platform, tenant, gateway, clock);
      if (result) results.set(tenant.slug, result);
    } catch (error) {
      failures.push(error);
      if (error instanceof LaporError && error.failure !== 'refused') break;
    }
  }
  if (failures.length > 0) {
    const reasons = failures.map((e) => (e instanceof Error ? e.message : String(e)));
    throw new AggregateError(failures, `LAPOR! exchange failed: ${reasons.join('; ')}`);
  }
  return results;
}

/**
 * One tenant's exchange: its updates from LAPOR!, then its pending reports to LAPOR!. Null when
 * the tenant has not turned the exchange on (or the reports app is not live for it).
 */
export async function exchangeWithLapor(
  platform: Platform,
  tenant: VerifiedTenant,
  gateway: LaporGateway,
  clock: () => Date = () => new Date(),
): Promise<ExchangeResult | null> {
  if (!platform.directory.isLive(tenant.id, 'reports')) return null;
  const state = await platform.inTenant(tenant.id, ACTOR, async (scope) => readLaporState(scope));
  if (!state?.lapor_enabled) return null;
  const result: ExchangeResult = {
    submitted: 0,
    pushed: 0,
    refused: 0,
    updates: 0,
    moved: 0,
    filed: 0,
    ignored: 0,
  };
  await receive(platform, tenant, gateway, state.lapor_cursor, result, clock);
  await send(platform, tenant, gateway, state.lapor_enabled_at as Date | null, result, clock);
  return result;
}
