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
 * or with its error, its writes undone. A unit that fails rolls the group back; it is told its
 * error, and the others run again — as the next group when it failed on purpose (an `AppError`:
 * the caller's mistake, which would fail the same way alone), each alone when it failed otherwise
 * (a database error may leave the transaction unusable for whoever comes next). A unit refused
 * because an earlier one left the transaction aborted (it caught a database error and went on) is
 * not at fault: it runs again alone too, as do all the others. A failed BEGIN or
 * COMMIT fails every unit of the group, as it would have failed each alone. So a unit may run more
 * than once, as a retried transaction would: it must do nothing outside the database that a second
 * run would repeat wrongly (what must happen once goes in `afterCommit`).
 *
 * Units of a group see each other's writes, as consecutive transactions would; groups in flight
 * side by side are concurrent transactions, as separate writes would be. A unit that opens
 * another grouped write inside itself gets a transaction of its own (waiting for its own group
 * would never end).
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Kysely } from 'kysely';
import { AppError } from '../errors.ts';
import type { PlatformTables } from './schema.ts';
import { type Actor, type TenantScope, tenantTransaction, withTenant } from './tenant-scope.ts';

type Unit = {
  actor: Actor;
  fn: (scope: TenantScope) => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
};

/** PostgreSQL's refusal of a statement in a transaction an earlier error aborted. */
const isAbortedTransaction = (error: unknown) =>
  typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '25P02';

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
   * its connection; a few groups side by side keep PostgreSQL's cores busy in a rush.
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
    if (inUnit.getStore()) return withTenant(this.#db, tenantId, actor, fn);
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
    let results: unknown[];
    try {
      results = await tenantTransaction(this.#db, tenantId, (open) =>
        inUnit.run(true, async () => {
          const out: unknown[] = [];
          for (const [i, unit] of units.entries()) {
            try {
              out.push(await unit.fn(open(unit.actor, committed[i]!)));
            } catch (error) {
              throw new UnitFailed(i, error);
            }
          }
          return out;
        }),
      );
    } catch (error) {
      if (!(error instanceof UnitFailed)) {
        for (const unit of units) unit.reject(error);
        return;
      }
      // Refused for an earlier unit's fault: the failing one is not known, every unit goes alone.
      const innocent = isAbortedTransaction(error.error);
      if (!innocent) units[error.index]!.reject(error.error);
      const others = innocent ? units : units.filter((_, i) => i !== error.index);
      if (error.error instanceof AppError) {
        // First in line for the next group: they came before those waiting now.
        lane.waiting.unshift(...others);
      } else {
        await Promise.all(
          others.map((unit) =>
            withTenant(this.#db, tenantId, unit.actor, unit.fn).then(unit.resolve, unit.reject),
          ),
        );
      }
      return;
    }
    for (const [i, unit] of units.entries()) {
      try {
        for (const callback of committed[i]!) callback();
        unit.resolve(results[i]);
      } catch (error) {
        unit.reject(error);
      }
    }
  }
}
