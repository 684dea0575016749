/**
 * A streaming replica of the PostgreSQL primary (a hot standby), for reads that may be slightly
 * stale: the public lists, prices and open-data catalogue that most visitors ask for. A read there
 * runs as on the primary — a read-only transaction bound to the tenant by the same role and
 * setting, so row-level security filters alike (`withTenantReadOnly`) — and falls back to the
 * primary when the replica cannot be reached, cancels it (a conflict with recovery) or lags more
 * than allowed.
 *
 * How far behind the replica is, is known without trusting any clock but this process's: the
 * primary's WAL insert position is sampled every second (`WalWatermark`), and a replica read starts
 * by reading the position it has replayed (`pg_last_wal_replay_lsn`). A replica that has replayed
 * past the position sampled at time t holds every transaction that committed before t. The
 * tenant cache uses the same test so that it never keeps a value read on the replica before the
 * replica held the write whose invalidation the cache has already seen (tenant-cache.ts).
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { performance } from 'node:perf_hooks';
import { type Kysely, sql } from 'kysely';
import type { PlatformTables } from './schema.ts';
import { type Actor, type TenantScope, withTenantReadOnly } from './tenant-scope.ts';
import { isDatabaseUnavailable } from './unavailable.ts';

/** A WAL position (`16/B374D848`) as a number that compares. */
export function parseLsn(text: string): bigint {
  const match = /^([0-9A-Fa-f]{1,8})\/([0-9A-Fa-f]{1,8})$/.exec(text);
  if (!match) throw new Error(`not a WAL position: "${text}"`);
  return (BigInt(`0x${match[1]}`) << 32n) | BigInt(`0x${match[2]}`);
}

type Sample = { at: number; lsn: bigint };

/**
 * The primary's WAL insert position over time, sampled by `take()`: what a replica must have
 * replayed to hold every transaction committed before a moment of this process's clock.
 */
export class WalWatermark {
  readonly #samples: Sample[] = [];
  readonly #read: () => Promise<string>;
  readonly #now: () => number;
  readonly #keepMs: number;
  #taking: Promise<void> | undefined;

  /**
   * `read` gives the primary's current insert position; `keepMs` is how long samples are kept,
   * which bounds the lag that can be measured (past it, the lag counts as unknown: too much).
   */
  constructor(read: () => Promise<string>, keepMs: number, now: () => number = () => performance.now()) {
    this.#read = read;
    this.#keepMs = keepMs;
    this.#now = now;
  }

  /** Samples the primary's position now. The time kept is when the question was sent. */
  async take(): Promise<void> {
    const at = this.#now();
    const lsn = parseLsn(await this.#read());
    this.#samples.push({ at, lsn });
    const oldest = this.#now() - this.#keepMs;
    while (this.#samples.length > 1 && this.#samples[0]!.at < oldest) this.#samples.shift();
  }

  /** Takes a sample soon, one at a time; a failure waits for the next one. */
  request(): void {
    this.#taking ??= this.take()
      .catch(() => undefined)
      .finally(() => {
        this.#taking = undefined;
      });
  }

  /**
   * Whether a replica that has replayed up to `replayed` holds every transaction that committed on
   * the primary before `since` (this process's `performance.now()`). Unknown until a sample taken at
   * or after `since` exists: then false, and a sample is asked for.
   */
  holdsSince(replayed: string, since: number): boolean {
    const after = this.#samples.find((s) => s.at >= since);
    if (!after) {
      this.request();
      return false;
    }
    return after.lsn <= parseLsn(replayed);
  }

  /**
   * How far behind the primary a replica that has replayed up to `replayed` is, at most, in
   * milliseconds: Infinity when no sample kept is behind it.
   */
  lagMs(replayed: string): number {
    const position = parseLsn(replayed);
    for (let i = this.#samples.length - 1; i >= 0; i--) {
      const s = this.#samples[i]!;
      if (s.lsn <= position) return Math.max(0, this.#now() - s.at);
    }
    return Number.POSITIVE_INFINITY;
  }
}

/** The replica as the database holds it. */
export type ReadReplica = Readonly<{
  db: Kysely<PlatformTables>;
  maxLagMs: number;
  watermark: WalWatermark;
  /** Whether reads may try the replica now (not set aside after a failure or too much lag). */
  usable(): boolean;
  /**
   * Sends reads to the primary for `ms`, saying why in the log (at most once a minute for each
   * `kind` of trouble).
   */
  setAside(ms: number, kind: 'lagging' | 'unreachable', why: string): void;
  close(): Promise<void>;
}>;

/** How often the primary's position is sampled: the precision of the lag measured. */
const SAMPLE_EVERY_MS = 1_000;
/** How long reads stay on the primary after the replica could not be reached. */
const UNREACHABLE_PAUSE_MS = 5_000;
/** How long reads stay on the primary after the replica was found lagging too far. */
const LAGGING_PAUSE_MS = 1_000;

/**
 * The replica over `replicaDb`, its lag measured against `primaryDb`. Closes `replicaDb` if the
 * primary's position cannot be read.
 */
export async function openReadReplica(
  primaryDb: Kysely<PlatformTables>,
  replicaDb: Kysely<PlatformTables>,
  maxLagMs: number,
): Promise<ReadReplica> {
  const watermark = new WalWatermark(
    async () =>
      (await sql<{ lsn: string }>`select pg_current_wal_insert_lsn()::text as lsn`.execute(primaryDb))
        .rows[0]!.lsn,
    maxLagMs + 10 * SAMPLE_EVERY_MS,
  );
  try {
    await watermark.take();
  } catch (error) {
    await replicaDb.destroy();
    throw error;
  }
  const timer = setInterval(() => watermark.request(), Math.min(SAMPLE_EVERY_MS, maxLagMs / 4));
  timer.unref();
  let asideUntil = 0;
  const loggedAt = new Map<string, number>();
  return Object.freeze({
    db: replicaDb,
    maxLagMs,
    watermark,
    usable: () => performance.now() >= asideUntil,
    setAside(ms, kind, why) {
      const now = performance.now();
      // A replica stuck behind is set aside again every second: one line a minute is enough.
      if (now >= asideUntil && now - (loggedAt.get(kind) ?? Number.NEGATIVE_INFINITY) >= 60_000) {
        loggedAt.set(kind, now);
        console.error(`database: read replica set aside (${why}); its reads go to the primary meanwhile`);
      }
      asideUntil = Math.max(asideUntil, now + ms);
    },
    async close() {
      clearInterval(timer);
      await replicaDb.destroy();
    },
  });
}

/**
 * The WAL positions of the replica reads made while loading one cache entry, so that the cache
 * can tell whether the value may be kept (tenant-cache.ts). A read outside a load records nothing.
 */
export const replicaReads = new AsyncLocalStorage<string[]>();

/** The replica lagged more than allowed: the read goes to the primary. */
class TooFarBehind extends Error {}

/**
 * Whether a replica read's failure is the replica's, not the read's: unreachable (the read is
 * retried on the primary and the replica set aside for a while) or a statement cancelled by a
 * conflict with recovery (`40001` on a standby: retried on the primary).
 */
function replicaTrouble(error: unknown): 'unreachable' | 'conflict' | undefined {
  if (isDatabaseUnavailable(error) && (error as { code?: unknown }).code !== '57014') return 'unreachable';
  if ((error as { code?: unknown } | null)?.code === '40001') return 'conflict';
  return undefined;
}

/**
 * Runs `fn` in a read-only transaction bound to `tenantId` on the replica when there is one it can
 * use, else on `primaryDb`. `fn` must only read: it may run twice (started on the replica, which
 * then failed, and again on the primary).
 */
export async function readMaybeStale<T>(
  primaryDb: Kysely<PlatformTables>,
  replica: ReadReplica | undefined,
  tenantId: string,
  actor: Actor,
  fn: (scope: TenantScope) => Promise<T>,
): Promise<T> {
  if (replica?.usable()) {
    try {
      return await withTenantReadOnly(
        replica.db,
        tenantId,
        actor,
        async (scope) => {
          // A server that is not in recovery has no replay position: it is a primary, never behind.
          if (scope.replayedTo !== undefined) {
            const lag = replica.watermark.lagMs(scope.replayedTo);
            if (lag > replica.maxLagMs)
              throw new TooFarBehind(
                Number.isFinite(lag) ? `${Math.round(lag / 1000)} s` : 'more than it can tell',
              );
            replicaReads.getStore()?.push(scope.replayedTo);
          }
          return fn(scope);
        },
        { replayed: true },
      );
    } catch (error) {
      if (error instanceof TooFarBehind) {
        replica.setAside(
          LAGGING_PAUSE_MS,
          'lagging',
          `it lags ${error.message} behind, more than ${replica.maxLagMs / 1000} s`,
        );
      } else {
        const trouble = replicaTrouble(error);
        if (!trouble) throw error;
        if (trouble === 'unreachable')
          replica.setAside(UNREACHABLE_PAUSE_MS, 'unreachable', `unreachable: ${(error as Error).message}`);
      }
    }
  }
  return withTenantReadOnly(primaryDb, tenantId, actor, fn);
}
