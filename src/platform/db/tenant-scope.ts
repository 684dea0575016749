/**
 * Tenant-scoped transactions: the one place where a tenant is bound to database work.
 *
 * `withTenant` opens a transaction, sets `app.tenant_id` and switches to the `balai_app` role for
 * that transaction only, so row-level security filters every statement even if a repository forgot
 * its `tenant_id` filter. Repositories take a `TenantScope`, which only this file creates, so they
 * cannot run outside one.
 *
 * The binding travels with BEGIN in one round trip, and the rows the transaction appends without
 * reading them back — its audit entries, outbox messages and signals (signals/: live events, cache
 * invalidations, wake-ups) — travel with COMMIT (commit-batch.ts, transaction-hooks.ts); once
 * committed, its signals are delivered in this process at once and announced to the others.
 */
import { type Kysely, sql, type Transaction } from 'kysely';
import { isUuid } from '../ids.ts';
import { deliverCommitted, expectCommit, forgetBatch } from '../signals/local.ts';
import { attachBatch, batchOf, CommitBatch } from './commit-batch.ts';
import { APP_ROLE, PLATFORM_ROLE } from './rls.ts';
import type { PlatformTables } from './schema.ts';
import { withTransactionHooks } from './transaction-hooks.ts';

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

/**
 * The statement binding a transaction to a tenant, as SQL text (it travels with BEGIN, where no
 * parameter can): the id must be a UUID, and the role is a constant. `readOnly` makes the
 * transaction read-only too, for the reads whose statements are bound one by one.
 */
export function bindTenantStatement(tenantId: string, options: { readOnly?: boolean } = {}): string {
  if (!isUuid(tenantId)) throw new Error(`tenant id "${tenantId}" is not a UUID`);
  const readOnly = options.readOnly ? ", set_config('transaction_read_only', 'on', true)" : '';
  return `select set_config('app.tenant_id', '${tenantId}', true), set_config('role', '${APP_ROLE}', true)${readOnly}`;
}

/** Runs `fn` in a transaction bound to `tenantId`; commits when it resolves, rolls back when it throws. */
export async function withTenant<T>(
  db: Kysely<PlatformTables>,
  tenantId: string,
  actor: Actor,
  fn: (scope: TenantScope) => Promise<T>,
): Promise<T> {
  const committed: Array<() => void> = [];
  const result = await tenantTransaction(db, tenantId, (open) => fn(open(actor, committed)));
  for (const callback of committed) callback();
  return result;
}

/**
 * Opens a scope of a tenant transaction for one unit of work: its actor, and the list its
 * after-commit callbacks go to. Several units may share a transaction (tenant-write-groups.ts).
 */
export type OpenScope = (actor: Actor, committed: Array<() => void>) => TenantScope;

/**
 * The transaction of `withTenant`: bound to `tenantId` with its BEGIN, the rows its scopes append
 * written with its COMMIT, its signals delivered once committed. `work` opens a scope per unit of
 * work (and is given the batch of appended rows, to drop a failed unit's); the caller runs the
 * units' after-commit callbacks once this resolves.
 */
export async function tenantTransaction<R>(
  db: Kysely<PlatformTables>,
  tenantId: string,
  work: (open: OpenScope, batch: CommitBatch) => Promise<R>,
): Promise<R> {
  const batch = new CommitBatch();
  const hooks = {
    afterBegin: bindTenantStatement(tenantId),
    beforeCommit: () => {
      const statements = batch.seal(tenantId);
      expectCommit(db, batch);
      return statements;
    },
  };
  let result: R;
  try {
    result = await withTransactionHooks(hooks, () =>
      db.transaction().execute((trx) =>
        work((actor, committed) => {
          const scope = scopeOf(tenantId, trx, actor, committed);
          attachBatch(scope, batch);
          return scope;
        }, batch),
      ),
    );
  } catch (error) {
    forgetBatch(db, batch);
    throw error;
  }
  // Its own signals first: a value a callback would keep must not outlive an invalidation.
  deliverCommitted(db, batch).catch(() => {
    // A handler's failure is its own (a directory reload keeps the previous directory).
  });
  return result;
}

/**
 * Runs `fn` in a read-only transaction bound to `tenantId`: the same role and tenant setting as
 * `withTenant`, so row-level security filters exactly alike. On PostgreSQL each statement is a
 * read-only transaction of its own carrying the binding, one round trip each (`eachStatement` in
 * transaction-hooks.ts): a read of one statement costs one round trip. `db` may be a streaming
 * replica's (see replica.ts); with `replayed`, it is one transaction, whose first statement binds
 * the tenant and reads the position the replica has replayed into `scope.replayedTo` (left
 * undefined on a server not in recovery).
 */
export async function withTenantReadOnly<T>(
  db: Kysely<PlatformTables>,
  tenantId: string,
  actor: Actor,
  fn: (scope: TenantScope) => Promise<T>,
  options: { replayed?: boolean } = {},
): Promise<T> {
  const committed: Array<() => void> = [];
  if (!options.replayed) {
    const hooks = {
      afterBegin: bindTenantStatement(tenantId, { readOnly: true }),
      beforeCommit: () => null,
      eachStatement: true,
    };
    const result = await withTransactionHooks(hooks, () =>
      db
        .transaction()
        .setAccessMode('read only')
        .execute((trx) => fn(scopeOf(tenantId, trx, actor, committed))),
    );
    for (const callback of committed) callback();
    return result;
  }
  const result = await db
    .transaction()
    .setAccessMode('read only')
    .execute(async (trx) => {
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
  const hooks = {
    afterBegin: `select set_config('role', '${PLATFORM_ROLE}', true), set_config('transaction_read_only', 'on', true)`,
    beforeCommit: () => null,
    eachStatement: true,
  };
  return withTransactionHooks(hooks, () => db.transaction().setAccessMode('read only').execute(fn));
}

function scopeOf(
  tenantId: string,
  trx: Transaction<PlatformTables>,
  actor: Actor,
  committed: Array<() => void>,
): TenantScope {
  return Object.freeze({ tenantId, trx, actor, afterCommit: (fn: () => void) => void committed.push(fn) });
}

/**
 * Binds an already open transaction to a tenant, for the rare flow that must first write shared
 * rows as the owner and then tenant rows in the same transaction (creating a tenant). Its caller
 * commits, so the scope's audit entries, messages and signals are written when they are made, and
 * its signals reach every process, this one included, through the signal readers (within about a
 * second), not at once.
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
  return scopeOf(tenantId, trx, actor, committed);
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
  // Its signals are the transaction's: written at its commit, each in its own tenant.
  const batch = batchOf(scope);
  if (batch) attachBatch(there, batch);
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
