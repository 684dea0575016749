/**
 * A process's signal bus (ADR 0020): hands every committed signal to this process's handlers
 * (live events, cache invalidations, job wake-ups, directory reloads), exactly once, whichever
 * process committed it.
 *
 * - Signals committed here are delivered at once (`committed`, from withTenant), and their batch
 *   is remembered so that reading them back skips them.
 * - Other processes learn of them from the table: each reads the rows of the transactions that
 *   ended since its last read — `tx` from its cursor up to the oldest transaction still running,
 *   then the cursor moves there — so no row is read twice or skipped, whatever order concurrent
 *   writers commit in. A transaction still running holds the horizon back: delivery elsewhere waits
 *   for the longest write transaction running on the server.
 * - It reads when another process pokes it (one NOTIFY after commits, never inside a transaction,
 *   at most one in flight per process: a burst of commits sends a few), every second (a lost poke, a
 *   process killed between its commit and its poke), and when the notification connection comes
 *   back.
 * - Rows are pruned by `tx` once every reader has had `retainMs` to pass them; a process whose reads
 *   failed for longer may have missed some, and says so to its `onGap` handlers (drop caches, reload).
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { CommitBatch } from '../db/commit-batch.ts';
import type { Database } from '../db/database.ts';
import { PLATFORM_ROLE } from '../db/rls.ts';
import { bindTenantStatement } from '../db/tenant-scope.ts';
import { addSignal, checkSignal, type Signal } from './batch.ts';
import { addReceiver, deliverCommitted, expectCommit, forgetBatch, type Receiver } from './local.ts';

/** The NOTIFY channel of pokes; the payload is the poking process's id. */
export const POKE_CHANNEL = 'balai_signals';

/** A handler of one channel's signals; a promise it returns is awaited only by `publish`. */
export type SignalHandler = (tenantId: string, payload: string) => unknown;

export type SignalBusOptions = Readonly<{
  /** Read this often without a poke (default 1000 ms). */
  pollMs?: number;
  /** Rows are kept this long after every reader could read them (default 10 minutes). */
  retainMs?: number;
  /** Between two pokes of this process, at least this long (default 20 ms). */
  pokeGapMs?: number;
  /** Whether this process pokes the others (default: on PostgreSQL; PGlite has one process). */
  poke?: boolean;
  /** Where a failed read or prune is told (once until one succeeds again). */
  log?: (message: string) => void;
}>;

const HORIZON = /^\d{1,20}$/;

type Row = {
  horizon: string;
  next: string;
  seq: number | null;
  tenant_id: string;
  batch: string;
  channel: string;
  payload: string;
};

export class SignalBus implements Receiver {
  readonly #database: Database;
  readonly #node = randomUUID();
  readonly #pollMs: number;
  readonly #retainMs: number;
  readonly #pokeGapMs: number;
  readonly #pokes: boolean;
  readonly #log: (message: string) => void;
  readonly #handlers = new Map<string, Set<SignalHandler>>();
  readonly #gapHandlers = new Set<() => void>();
  /** Batches being committed here: a read skips their rows, their commit delivers them. */
  readonly #expected = new Set<string>();
  /** Batches delivered here at commit, with the read generation they were delivered in. */
  readonly #delivered = new Map<string, number>();
  /** Horizons seen, oldest first, now and then: what pruning may go up to. */
  readonly #horizons: Array<{ at: number; horizon: string }> = [];
  #generation = 0;
  #cursor: string | undefined;
  #lastRead = 0;
  #failing = false;
  #reading: Promise<void> | undefined;
  #nextRead: Promise<void> | undefined;
  #poking: Promise<void> | undefined;
  #pokeAgain = false;
  #cutGap: (() => void) | undefined;
  /** A poke came since the last read: what it announced committed before that read's snapshot. */
  #poked = false;
  /** Read again until the horizon reaches this (a poked commit may wait behind running transactions). */
  #chase: bigint | undefined;
  #chaseDelayMs = 0;
  #chaseTimer: NodeJS.Timeout | undefined;
  #pruning: Promise<void> | undefined;
  #timers: NodeJS.Timeout[] = [];
  #undo: Array<() => unknown> = [];
  #state: 'new' | 'started' | 'stopped' = 'new';

  constructor(database: Database, options: SignalBusOptions = {}) {
    this.#database = database;
    this.#pollMs = options.pollMs ?? 1_000;
    this.#retainMs = options.retainMs ?? 10 * 60_000;
    this.#pokeGapMs = options.pokeGapMs ?? 20;
    this.#pokes = options.poke ?? database.kind === 'postgres';
    this.#log = options.log ?? ((message) => console.error(message));
  }

  /** Subscribes to a channel's signals; returns the function that unsubscribes. */
  on(channel: string, handler: SignalHandler): () => void {
    const set = this.#handlers.get(channel) ?? new Set<SignalHandler>();
    set.add(handler);
    this.#handlers.set(channel, set);
    return () => {
      set.delete(handler);
      if (set.size === 0) this.#handlers.delete(channel);
    };
  }

  /** Calls `handler` when signals may have been missed (reads failed for longer than rows are kept). */
  onGap(handler: () => void): () => void {
    this.#gapHandlers.add(handler);
    return () => this.#gapHandlers.delete(handler);
  }

  /**
   * Starts from the current horizon — whoever loads state after this sees every transaction before
   * it, and every one after reaches the handlers — then listens, reads and prunes.
   */
  async start(): Promise<void> {
    if (this.#state !== 'new') throw new Error('a signal bus starts once');
    const [result] = await this.#database.runScript(
      'select pg_snapshot_xmin(pg_current_snapshot())::text as horizon',
    );
    this.#cursor = horizonOf(result?.rows[0]?.horizon);
    this.#lastRead = Date.now();
    this.#remember(this.#cursor);
    this.#state = 'started';
    this.#undo.push(addReceiver(this.#database.db, this));
    if (this.#pokes) {
      this.#undo.push(
        await this.#database.listen(POKE_CHANNEL, (from) => {
          if (from === this.#node) return;
          this.#poked = true;
          this.#readQuietly();
        }),
      );
      this.#database.onReconnect(() => this.#readQuietly());
    }
    const poll = setInterval(() => this.#readQuietly(), this.#pollMs);
    // Pruning by every process, at staggered times: a delete finds what another left.
    const prune = setInterval(() => void this.prune(), 60_000 + Math.floor(Math.random() * 10_000));
    for (const timer of [poll, prune]) timer.unref();
    this.#timers.push(poll, prune);
  }

  /** Writes one signal in a transaction of its own, delivers it here and pokes the others. */
  async publish(tenantId: string, channel: string, payload: string): Promise<void> {
    checkSignal(tenantId, channel, payload);
    const batch = new CommitBatch();
    addSignal(batch, { tenantId, channel, payload });
    const insert = batch.seal(tenantId);
    expectCommit(this.#database.db, batch);
    try {
      await this.#database.runScript(
        `start transaction; ${bindTenantStatement(tenantId)}; ${insert}; commit`,
      );
    } catch (error) {
      forgetBatch(this.#database.db, batch);
      throw error;
    }
    await deliverCommitted(this.#database.db, batch);
  }

  expect(batchId: string): void {
    if (this.#state === 'started') this.#expected.add(batchId);
  }

  forget(batchId: string): void {
    this.#expected.delete(batchId);
  }

  /** Delivers a batch this process committed, and pokes the others. */
  committed(batch: CommitBatch, signals: readonly Signal[]): Promise<void> {
    this.#expected.delete(batch.id);
    if (this.#state !== 'started') return Promise.resolve();
    this.#delivered.set(batch.id, this.#generation);
    const work = this.#dispatch(signals);
    this.#poke();
    return work;
  }

  /**
   * Reads what other processes committed since the last read and delivers it; resolves once a read
   * begun after this call has ended (a read under way is followed by one more).
   */
  read(): Promise<void> {
    if (this.#state !== 'started') return Promise.resolve();
    if (!this.#reading) {
      this.#reading = this.#readOnce().finally(() => {
        this.#reading = undefined;
      });
      return this.#reading;
    }
    this.#nextRead ??= this.#reading
      .catch(() => undefined)
      .then(() => {
        this.#nextRead = undefined;
        return this.read();
      });
    return this.#nextRead;
  }

  /** Deletes the rows every reader has had `retainMs` to pass. */
  prune(): Promise<void> {
    if (this.#state !== 'started') return Promise.resolve();
    this.#pruning ??= this.#pruneOnce().finally(() => {
      this.#pruning = undefined;
    });
    return this.#pruning;
  }

  /** Stops reading; a poke still owed is sent first. */
  async stop(): Promise<void> {
    if (this.#state === 'stopped') return;
    this.#state = 'stopped';
    for (const timer of this.#timers.splice(0)) clearInterval(timer);
    clearTimeout(this.#chaseTimer);
    this.#cutGap?.();
    await this.#poking;
    for (const undo of this.#undo.splice(0)) await undo();
    await Promise.allSettled([this.#reading, this.#nextRead, this.#pruning]);
  }

  #readQuietly(): void {
    this.read().catch(() => {
      // Told once by #readOnce; the next timer tick tries again.
    });
  }

  async #readOnce(): Promise<void> {
    const generation = ++this.#generation;
    const cursor = this.#cursor!;
    const poked = this.#poked;
    this.#poked = false;
    let rows: Row[];
    try {
      const results = await this.#database.runScript(readScript(cursor));
      rows = (results[2]?.rows ?? []) as Row[];
    } catch (error) {
      if (!this.#failing) this.#log(`signals: a read failed (${(error as Error).message}); retrying`);
      this.#failing = true;
      throw error;
    }
    this.#failing = false;
    if (this.#state !== 'started') return;
    const horizon = horizonOf(rows[0]?.horizon);
    if (BigInt(horizon) > BigInt(cursor)) this.#cursor = horizon;
    this.#chaseAfter(poked, BigInt(horizon), BigInt(horizonOf(rows[0]?.next)));
    const fresh: Signal[] = [];
    for (const row of rows) {
      if (row.seq === null || this.#delivered.has(row.batch) || this.#expected.has(row.batch)) continue;
      fresh.push({ tenantId: row.tenant_id, channel: row.channel, payload: row.payload });
    }
    // A batch delivered before this read was sent committed before its snapshot: read by now.
    for (const [batch, at] of this.#delivered) if (at < generation) this.#delivered.delete(batch);
    const now = Date.now();
    const gap = now - this.#lastRead > this.#retainMs / 2;
    this.#lastRead = now;
    this.#remember(horizon);
    if (gap) {
      this.#log('signals: reads failed for minutes; caches are dropped and the directory reloaded');
      for (const handler of this.#gapHandlers) handler();
    }
    this.#dispatch(fresh).catch(() => undefined);
  }

  /**
   * After a poke, the commit it announced is older than the read's snapshot, but transactions begun
   * before it may still run and hold the horizon back for a few milliseconds: read again shortly
   * (5 ms, doubling up to 200; the timer takes over beyond) until the horizon has passed every
   * transaction that had begun by the poked read.
   */
  #chaseAfter(poked: boolean, horizon: bigint, next: bigint): void {
    if (poked && (this.#chase === undefined || next > this.#chase)) this.#chase = next;
    if (this.#chase === undefined) return;
    if (horizon >= this.#chase) {
      this.#chase = undefined;
      this.#chaseDelayMs = 0;
      return;
    }
    if (this.#chaseTimer) return;
    this.#chaseDelayMs = Math.min(200, this.#chaseDelayMs === 0 ? 5 : this.#chaseDelayMs * 2);
    this.#chaseTimer = setTimeout(() => {
      this.#chaseTimer = undefined;
      this.#readQuietly();
    }, this.#chaseDelayMs);
    this.#chaseTimer.unref();
  }

  /** Calls each signal's handlers, in order; resolves when the promises they returned have. */
  #dispatch(signals: readonly Signal[]): Promise<void> {
    const pending: Array<Promise<unknown>> = [];
    for (const s of signals) {
      for (const handler of this.#handlers.get(s.channel) ?? []) {
        try {
          const result = handler(s.tenantId, s.payload);
          if (result instanceof Promise) pending.push(result);
        } catch (error) {
          pending.push(Promise.reject(error));
        }
      }
    }
    return pending.length === 0 ? Promise.resolve() : Promise.all(pending).then(() => undefined);
  }

  /** One NOTIFY at a time; requests meanwhile are answered by one more, a short gap later. */
  #poke(): void {
    if (!this.#pokes) return;
    this.#pokeAgain = true;
    this.#poking ??= this.#pokeLoop().finally(() => {
      this.#poking = undefined;
    });
  }

  async #pokeLoop(): Promise<void> {
    while (this.#pokeAgain) {
      this.#pokeAgain = false;
      try {
        await sql`select pg_notify(${POKE_CHANNEL}, ${this.#node})`.execute(this.#database.db);
      } catch {
        // The others' timers read what this poke was for.
      }
      if (!this.#pokeAgain || this.#state === 'stopped') continue;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, this.#pokeGapMs);
        this.#cutGap = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.#cutGap = undefined;
    }
  }

  async #pruneOnce(): Promise<void> {
    const before = Date.now() - this.#retainMs;
    let upTo: string | undefined;
    while (this.#horizons.length > 0 && this.#horizons[0]!.at <= before)
      upTo = this.#horizons.shift()!.horizon;
    if (upTo === undefined) return;
    try {
      await this.#database.runScript(
        `start transaction; select set_config('role', '${PLATFORM_ROLE}', true); ` +
          `delete from platform_signals where tx < '${horizonOf(upTo)}'::xid8; commit`,
      );
    } catch (error) {
      this.#log(`signals: pruning failed (${(error as Error).message}); the next run tries again`);
      this.#horizons.unshift({ at: before, horizon: upTo });
    }
  }

  /** Keeps a horizon now and then (every half minute at the default retention): what pruning goes by. */
  #remember(horizon: string): void {
    const last = this.#horizons.at(-1);
    const every = Math.min(30_000, this.#retainMs / 20);
    if (!last || Date.now() - last.at >= every) this.#horizons.push({ at: Date.now(), horizon });
  }
}

/** A horizon read from the database, checked before it is written into SQL text. */
function horizonOf(value: unknown): string {
  const text = String(value);
  if (!HORIZON.test(text)) throw new Error(`signals: "${text}" is not a transaction id`);
  return text;
}

/**
 * The read, in one round trip: as the platform role (row-level security lets it read every
 * tenant's signals), the rows of the transactions that ended since `cursor`, the new horizon and
 * the next transaction id (on a row of their own when there are no rows), all from one snapshot.
 */
function readScript(cursor: string): string {
  return `start transaction read only; select set_config('role', '${PLATFORM_ROLE}', true);
    with h as (select pg_snapshot_xmin(c) as horizon, pg_snapshot_xmax(c) as next from pg_current_snapshot() c)
    select h.horizon::text as horizon, h.next::text as next, s.seq, s.tenant_id, s.batch::text as batch,
      s.channel, s.payload
    from h left join platform_signals s on s.tx >= '${horizonOf(cursor)}'::xid8 and s.tx < h.horizon
    order by s.seq;
    commit`;
}
