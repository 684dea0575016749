/**
 * Tenant-scoped transactions: the one place where a tenant is bound to database work.
 *
 * `withTenant` opens a transaction, sets `app.tenant_id` and switches to the `balai_app` role for
 * that transaction only, so row-level security filters every statement even if a repository forgot
 * its `tenant_id` filter. Repositories take a `TenantScope`, which only this file creates, so they
 * cannot run outside one.
 */
import { type Kysely, sql, type Transaction } from 'kysely';
import { APP_ROLE, PLATFORM_ROLE } from './rls.ts';
import type { PlatformTables } from './schema.ts';

/** Who acts, and from where: carried into the audit trail. */
export type Actor = Readonly<{
  userId: string | null;
  label: string;
  requestId: string | null;
  ip: string | null;
}>;

export const SYSTEM_ACTOR: Actor = Object.freeze({
  userId: null,
  label: 'system',
  requestId: null,
  ip: null,
});

/** A transaction bound to one verified tenant. */
export type TenantScope = Readonly<{
  tenantId: string;
  trx: Transaction<PlatformTables>;
  actor: Actor;
  /** Runs `fn` once the transaction has committed (never when it rolls back). */
  afterCommit(fn: () => void): void;
  /**
   * On a streaming replica (`withTenantReadOnly` with `replayed`): the WAL position it had replayed
   * when the transaction began. What it read may lack anything committed on the primary since.
   */
  replayedTo?: string;
}>;

/** Runs `fn` in a transaction bound to `tenantId`; commits when it resolves, rolls back when it throws. */
export async function withTenant<T>(
  db: Kysely<PlatformTables>,
  tenantId: string,
  actor: Actor,
  fn: (scope: TenantScope) => Promise<T>,
): Promise<T> {
  const committed: Array<() => void> = [];
  const result = await db
    .transaction()
    .execute(async (trx) => fn(await bindTenant(trx, tenantId, actor, committed)));
  for (const callback of committed) callback();
  return result;
}

/**
 * Runs `fn` in a read-only transaction bound to `tenantId`: the same role and tenant setting as
 * `withTenant`, so row-level security filters exactly alike. `db` may be a streaming replica's
 * (see replica.ts); with `replayed`, the same statement that binds the tenant reads the position
 * the replica has replayed into `scope.replayedTo` (left undefined on a server not in recovery).
 */
export async function withTenantReadOnly<T>(
  db: Kysely<PlatformTables>,
  tenantId: string,
  actor: Actor,
  fn: (scope: TenantScope) => Promise<T>,
  options: { replayed?: boolean } = {},
): Promise<T> {
  const committed: Array<() => void> = [];
  const result = await db
    .transaction()
    .setAccessMode('read only')
    .execute(async (trx) => {
      if (!options.replayed) return fn(await bindTenant(trx, tenantId, actor, committed));
      const { rows } = await sql<{ replayed: string | null }>`
        select set_config('app.tenant_id', ${tenantId}, true), set_config('role', ${APP_ROLE}, true),
          pg_last_wal_replay_lsn()::text as replayed`.execute(trx);
      const replayed = rows[0]?.replayed ?? undefined;
      return fn(
        Object.freeze({
          tenantId,
          trx,
          actor,
          afterCommit: (f: () => void) => void committed.push(f),
          ...(replayed ? { replayedTo: replayed } : {}),
        }),
      );
    });
  for (const callback of committed) callback();
  return result;
}

/**
 * Runs `fn` in a read-only transaction that may read every tenant's rows. Only for code that reads
 * across tenants by nature (the adoption network, the routing directory) and says so in its name.
 */
export function readAcrossTenants<T>(
  db: Kysely<PlatformTables>,
  fn: (trx: Transaction<PlatformTables>) => Promise<T>,
): Promise<T> {
  return db
    .transaction()
    .setAccessMode('read only')
    .execute(async (trx) => {
      await sql`select set_config('role', ${PLATFORM_ROLE}, true)`.execute(trx);
      return fn(trx);
    });
}

/**
 * Binds an already open transaction to a tenant, for the rare flow that must first write shared
 * rows as the owner and then tenant rows in the same transaction (creating a tenant).
 */
export async function bindTenant(
  trx: Transaction<PlatformTables>,
  tenantId: string,
  actor: Actor,
  committed: Array<() => void>,
): Promise<TenantScope> {
  await sql`select set_config('app.tenant_id', ${tenantId}, true), set_config('role', ${APP_ROLE}, true)`.execute(
    trx,
  );
  return Object.freeze({ tenantId, trx, actor, afterCommit: (fn: () => void) => void committed.push(fn) });
}

/**
 * Runs `fn` in the scope's transaction bound to another tenant — a flow that must write in two
 * tenants at once, such as a referral filing its copy in the neighbour — then binds the
 * transaction back to the scope's tenant. What `fn` asks to run after commit runs when the whole
 * transaction commits. Read what you need of the first tenant before: inside, row-level security
 * shows only the other's rows.
 */
export async function inOtherTenant<T>(
  scope: TenantScope,
  tenantId: string,
  fn: (there: TenantScope) => Promise<T>,
): Promise<T> {
  const bind = (id: string) =>
    sql`select set_config('app.tenant_id', ${id}, true), set_config('role', ${APP_ROLE}, true)`.execute(
      scope.trx,
    );
  await bind(tenantId);
  const there: TenantScope = Object.freeze({
    tenantId,
    trx: scope.trx,
    actor: scope.actor,
    afterCommit: (f: () => void) => scope.afterCommit(f),
  });
  let result: T;
  try {
    result = await fn(there);
  } catch (error) {
    // Back to the first tenant if the transaction can still be used; its failure is the one to tell.
    await bind(scope.tenantId).catch(() => undefined);
    throw error;
  }
  await bind(scope.tenantId);
  return result;
}
