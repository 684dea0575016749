/**
 * Writes of one tenant that arrive together share one transaction: a rush of filings after a flood
 * in one regency becomes a few transactions of many filings each, rather than one per filing.
 *
 * A unit of work is what `withTenant` runs: a function of a scope, committed when it resolves.
 * Units that arrive for a tenant while its groups are in flight (a few at once, `maxGroups`, each on
 * its own connection) wait; as a group ends, the waiting ones go together as the next (up to
 * `maxUnits`), one after the other in one transaction, each with its own scope — its actor in the
 * audit trail, its after-commit callbacks — and their appended rows (audit entries, outbox
 * messages, signals) written as one INSERT per table with the COMMIT (commit-batch.ts). A unit that
 * finds a group free waits for nothing: it starts at the end of the current turn. What PostgreSQL
 * saves is the work per transaction: one BEGIN, one COMMIT and one flush of the log for the group,
 * and multi-row inserts for the appended rows.
 *
 * Each unit's promise settles as `withTenant`'s would: with its result once the group committed,
 * or with its error, its writes undone. A unit that fails before sending any statement (a filing
 * refused by its checks) changed nothing in the database: its appended rows are dropped, it is told
 * its error, and the group goes on. A unit whose failure comes after statements rolls the group
 * back: it is told its error, and the others go first in the tenant's next group. When the
 * transaction fails as a whole — refused after an earlier unit caught an error and went on
 * (25P02, or COMMIT answered with a rollback), a deadlock or a serialization failure between
 * groups — no unit is blamed: each runs again alone, one after the other. A failed BEGIN or
 * COMMIT, or a lost connection, fails every unit, as it would have failed each alone. So a unit
 * may run more than once, as a retried transaction would: it must do nothing outside the database
 * that a second run would repeat wrongly (what must happen once goes in `afterCommit`).
 *
 * Units of a group see each other's writes, as consecutive transactions would; groups in flight
 * side by side are concurrent transactions, as separate writes would be. A unit that opens
 * another grouped write inside itself gets a transaction of its own (waiting for its own group
 * would never end).
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { isAbortedTransactionError, type Kysely } from 'kysely';
import type { PlatformTables } from './schema.ts';
import { type Actor, type TenantScope, tenantTransaction, withTenant } from './tenant-scope.ts';
import { statementsSent } from './transaction-hooks.ts';
import { isDatabaseUnavailable } from './unavailable.ts';

type Unit = {
  actor: Actor;
  fn: (scope: TenantScope) => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
};

/**
 * A failure of the whole transaction rather than of one unit's statement: PostgreSQL refusing a
 * statement, or completing COMMIT with a rollback, after an earlier error aborted it (25P02; a unit
 * caught an error and went on); a deadlock or a serialization failure (40P01, 40001: two groups of
 * one tenant inserting the same idempotency keys in opposite orders).
 */
function failedTheTransaction(error: unknown): boolean {
  if (isAbortedTransactionError(error)) return true;
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  return code === '25P02' || code === '40P01' || code === '40001';
}

/** Set while a unit runs: a grouped write it opens must not wait for its own group. */
const inUnit = new AsyncLocalStorage<true>();

/** A unit's failure, with its place in its group. */
class UnitFailed extends Error {
  readonly index: number;
  readonly error: unknown;
  constructor(index: number, error: unknown) {
    super('a unit of a grouped write failed');
    this.index = index;
    this.error = error;
  }
}

/** A tenant's grouped writes: those waiting, and how many groups are in flight. */
type Lane = { waiting: Unit[]; running: number; scheduled: boolean };

export class TenantWriteGroups {
  readonly #lanes = new Map<string, Lane>();
  readonly #groups = { ran: 0, units: 0 };

  readonly #db: Kysely<PlatformTables>;
  readonly #maxUnits: number;
  readonly #maxGroups: number;

  /**
   * `maxGroups`: a tenant's groups in flight at once. A group's units run one after the other on
   * its connection; a few groups side by side keep PostgreSQL's cores busy in a rush. With 0 every
   * unit runs alone, as `withTenant`.
   */
  constructor(db: Kysely<PlatformTables>, options: { maxUnits?: number; maxGroups?: number } = {}) {
    this.#db = db;
    this.#maxUnits = options.maxUnits ?? 32;
    this.#maxGroups = options.maxGroups ?? 4;
  }

  /** Groups run and units they carried (each unit counted once per group it ran in). */
  stats(): Readonly<{ ran: number; units: number }> {
    return { ...this.#groups };
  }

  /** Runs `fn` as `withTenant` would, in a transaction it may share with others of the tenant. */
  run<T>(tenantId: string, actor: Actor, fn: (scope: TenantScope) => Promise<T>): Promise<T> {
    if (inUnit.getStore() || this.#maxGroups === 0) return withTenant(this.#db, tenantId, actor, fn);
    return new Promise<T>((resolve, reject) => {
      let lane = this.#lanes.get(tenantId);
      if (!lane) {
        lane = { waiting: [], running: 0, scheduled: false };
        this.#lanes.set(tenantId, lane);
      }
      lane.waiting.push({ actor, fn, resolve: resolve as (value: unknown) => void, reject });
      if (lane.running < this.#maxGroups && !lane.scheduled) {
        // A group free to start: at the end of the current turn, with whatever else arrived in it.
        lane.scheduled = true;
        queueMicrotask(() => this.#start(tenantId));
      }
    });
  }

  /** Starts groups of the tenant's waiting units while fewer than `maxGroups` are in flight. */
  #start(tenantId: string): void {
    const lane = this.#lanes.get(tenantId);
    if (!lane) return;
    lane.scheduled = false;
    while (lane.waiting.length > 0 && lane.running < this.#maxGroups) {
      // Shared out over the groups that may start, so that they run side by side.
      const share = Math.ceil(lane.waiting.length / (this.#maxGroups - lane.running));
      const units = lane.waiting.splice(0, Math.min(share, this.#maxUnits));
      lane.running += 1;
      this.#group(tenantId, lane, units).finally(() => {
        lane.running -= 1;
        if (lane.waiting.length > 0) this.#start(tenantId);
        else if (lane.running === 0) this.#lanes.delete(tenantId);
      });
    }
  }

  async #group(tenantId: string, lane: Lane, units: Unit[]): Promise<void> {
    this.#groups.ran += 1;
    this.#groups.units += units.length;
    const committed = units.map((): Array<() => void> => []);
    // Units that failed without sending a statement: refused, the transaction untouched.
    const refused = new Map<number, unknown>();
    let results: unknown[];
    try {
      results = await tenantTransaction(this.#db, tenantId, (open, batch) =>
        inUnit.run(true, async () => {
          const out: unknown[] = [];
          for (const [i, unit] of units.entries()) {
            const mark = { statements: statementsSent(), rows: batch.size };
            try {
              out.push(await unit.fn(open(unit.actor, committed[i]!)));
            } catch (error) {
              if (statementsSent() !== mark.statements) throw new UnitFailed(i, error);
              // It changed nothing in the database: drop what it appended, and go on.
              batch.truncate(mark.rows);
              refused.set(i, error);
              out.push(undefined);
            }
          }
          return out;
        }),
      );
    } catch (error) {
      for (const [i, reason] of refused) units[i]!.reject(reason);
      const rest = units.filter((_, i) => !refused.has(i));
      if (error instanceof UnitFailed && isDatabaseUnavailable(error.error)) {
        // The connection was lost: the others would meet the same, one group after another.
        for (const unit of rest) unit.reject(error.error);
      } else if (error instanceof UnitFailed && !failedTheTransaction(error.error)) {
        // Its own statement failed: it is told; the others go first in the next group.
        units[error.index]!.reject(error.error);
        lane.waiting.unshift(...rest.filter((unit) => unit !== units[error.index]));
      } else if (failedTheTransaction(error instanceof UnitFailed ? error.error : error)) {
        // The transaction failed as a whole (a unit went on after an error it caught, a deadlock
        // between groups): which unit is at fault is not known, and none was committed. Each runs
        // again alone, one after the other, so that the lane's connections stay within bounds.
        for (const unit of rest) {
          await withTenant(this.#db, tenantId, unit.actor, unit.fn).then(unit.resolve, unit.reject);
        }
      } else {
        // BEGIN or COMMIT failed (the database unreachable): as each would have failed alone.
        for (const unit of rest) unit.reject(error);
      }
      return;
    }
    for (const [i, unit] of units.entries()) {
      if (refused.has(i)) {
        unit.reject(refused.get(i));
        continue;
      }
      try {
        for (const callback of committed[i]!) callback();
        unit.resolve(results[i]);
      } catch (error) {
        unit.reject(error);
      }
    }
  }
}
