/**
 * Signals (src/platform/signals/, ADR 0020): what a committed transaction tells every process on
 * the database — live events, cache invalidations, wake-ups — written as rows by the transaction
 * itself instead of NOTIFYs inside it, and read by every process once the transactions that wrote
 * them have ended.
 *
 * `tx` is the writing transaction's id (xid8, never wraps around): a reader takes the rows of the
 * transactions that finished since its last read, `tx` from its cursor up to the oldest transaction
 * still running (`pg_snapshot_xmin(pg_current_snapshot())`), so none is read twice or skipped,
 * whatever order concurrent writers commit in. `batch` names the transaction's rows in the memory
 * of the process that wrote them, which delivered them itself at commit and skips them when it
 * reads them back. Rows are pruned by `tx` a few minutes after every reader has passed them.
 *
 * A tenant scope (`balai_app`) may insert its own tenant's rows and nothing else; the platform role
 * reads them all and prunes them. No foreign key to `tenants`: a signal is read and forgotten within
 * minutes, and the check would lock the tenant's row in every write transaction of the tenant.
 */
import type { Kysely } from 'kysely';
import { enableTenantIsolation, PLATFORM_ROLE, runStatements } from '../rls.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `create table platform_signals (
      tenant_id uuid not null,
      seq bigint generated always as identity,
      tx xid8 not null default pg_current_xact_id(),
      batch bigint not null,
      channel text not null,
      payload text not null,
      created_at timestamptz not null default now(),
      primary key (tenant_id, seq)
    )`,
    // What readers and pruning look rows up by.
    'create index platform_signals_tx on platform_signals (tx)',
  ]);
  await enableTenantIsolation(db, 'platform_signals');
  await runStatements(db, [
    `create policy platform_prune on platform_signals for delete to ${PLATFORM_ROLE} using (true)`,
    `grant delete on platform_signals to ${PLATFORM_ROLE}`,
  ]);
}
