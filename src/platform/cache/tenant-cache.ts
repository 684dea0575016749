/**
 * A per-process cache of tenant-scoped reads, kept true by invalidation rather than by time.
 *
 * Entries live under (tenant, tag, key). A writer calls `invalidate(scope, tag)` inside its
 * transaction: on commit, every process on the database drops the tag's entries for that tenant
 * (a signal, signals/), and this process does so before the writer's request even answers, so a
 * caller reads its own writes. A load that overlaps an invalidation is not stored (version check),
 * so a stale value cannot outlive the write that made it stale. A TTL bounds whatever an
 * invalidation could still miss (signals unread for longer than they are kept), and a budget of
 * bytes keeps memory flat however many tenants there are (lru-by-bytes.ts: least recently used out
 * first, the TTL jittered so that entries loaded together do not expire together).
 * A read that loads in a transaction of its own may ask for its load to be shared (`share`):
 * callers that miss the same entry while it is being loaded then wait for that one load rather
 * than each starting their own (when an entry expires under load, 50 connections would otherwise
 * send 50 identical reads to the database at once); a caller who comes after an invalidation does
 * not join a load begun before it.
 * A value read on a streaming replica (`platform.inTenantReplica`) is kept only if the replica had
 * already replayed everything committed before the tag's last invalidation here (replica.ts): a
 * replica lagging behind a write whose invalidation came in would otherwise put back the value the
 * write made stale, for a whole TTL.
 */

import { performance } from 'node:perf_hooks';
import { type ReadReplica, replicaReads } from '../db/replica.ts';
import type { TenantScope } from '../db/tenant-scope.ts';
import type { SignalBus } from '../signals/bus.ts';
import { signal } from '../signals/signal.ts';
import { type CacheStats, LruByBytes } from './lru-by-bytes.ts';

/** The signal channel of invalidations; the payload is the tag. */
export const CACHE_CHANNEL = 'cache';

type InTransaction = {
  value: unknown;
  version: number;
  tenantId: string;
  tag: string;
  replayed: readonly string[];
  maxAgeMs: number | undefined;
};

/**
 * Ten minutes, give or take 15 %, and 256 MiB: for a cache made without options (the server's
 * comes from config.ts: CACHE_TTL_SECONDS, CACHE_MAX_MB). Writers invalidate what they change, so
 * the TTL only bounds what a missed invalidation could leave; a value that changes as time passes,
 * without any write (an overdue flag, a count of late reports), says how long it holds with
 * `maxAgeMs`.
 */
export const CACHE_DEFAULTS = { ttlMs: 600_000, jitter: 0.15, maxBytes: 256 * 1024 * 1024 } as const;

export type CacheReadOptions = {
  /** Concurrent misses of the entry wait for one load (`get` only; see there). */
  share?: boolean;
  /**
   * How long the value holds without any write: it depends on the time it was read at (what is
   * overdue now, a window ending today). Shorter than the TTL; jittered alike.
   */
  maxAgeMs?: number;
};

export type TenantCacheOptions = Partial<{
  ttlMs: number;
  jitter: number;
  maxBytes: number;
  now: () => number;
  random: () => number;
}>;

export class TenantCache {
  readonly #entries: LruByBytes;
  readonly #versions = new Map<string, number>();
  /** Values loaded in a transaction, kept until it commits (a scope lives as long as its transaction). */
  readonly #inTransaction = new WeakMap<object, Map<string, InTransaction>>();
  /** Loads under way, by entry, with the version they began at. */
  readonly #loading = new Map<string, { version: number; value: Promise<unknown> }>();
  #unsubscribe: (() => void) | undefined;
  /** Raised by `clear()`: loads begun before it are not stored. */
  #epoch = 0;
  readonly #watchers = new Set<Watcher>();
  #replica: ReadReplica | undefined;
  /** When each (tenant, tag) was last invalidated here, and everything was (`clear()`). */
  readonly #invalidatedAt = new Map<string, number>();
  #clearedAt = Number.NEGATIVE_INFINITY;

  readonly #now: () => number;

  constructor(options: TenantCacheOptions = {}) {
    this.#entries = new LruByBytes({ ...CACHE_DEFAULTS, ...options });
    this.#now = options.now ?? Date.now;
  }

  /** Hits, misses, evictions and bytes held since the start, for `/metrics`. */
  stats(): CacheStats {
    return this.#entries.stats();
  }

  /** Takes the invalidations of every process on the database, this one's at commit. */
  start(signals: SignalBus): void {
    this.#unsubscribe = signals.on(CACHE_CHANNEL, (tenantId, tag) => this.bump(tenantId, tag));
  }

  stop(): void {
    this.#unsubscribe?.();
    this.#entries.clear();
    this.#loading.clear();
  }

  #version(tenantId: string, tag: string): number {
    return (this.#versions.get(`${tenantId}|${tag}`) ?? 0) + this.#epoch * 1_000_000_000;
  }

  /**
   * Values may be read on `replica` (`platform.inTenantReplica`): from then on one read there is
   * kept only once the replica held every write whose invalidation this cache has seen.
   */
  setReplica(replica: ReadReplica | undefined): void {
    this.#replica = replica;
  }

  /** Drops everything: after invalidations may have been missed (signals unread for minutes). */
  clear(): void {
    this.#epoch += 1;
    this.#clearedAt = performance.now();
    this.#entries.clear();
    for (const watcher of this.#watchers) watcher(null, null);
  }

  /**
   * The cached value, or the loader's (stored unless an invalidation came in the meantime).
   *
   * With `share`, a caller that misses while another shared load of the entry is under way (and no
   * invalidation came since it began) waits for that load instead of starting its own. Only for a
   * loader that opens its own transaction: a caller inside a transaction that joined a load queued
   * behind that very transaction (PGlite has one connection; a pool can be full) would wait
   * forever, and would read another transaction's snapshot. A load that is not shared is never
   * joined: it may see its caller's uncommitted writes.
   */
  async get<T>(
    tenantId: string,
    tag: string,
    key: string,
    load: () => Promise<T>,
    options: CacheReadOptions = {},
  ): Promise<T> {
    const id = `${tenantId}|${tag}|${key}`;
    const version = this.#version(tenantId, tag);
    const entry = this.#fresh(id, version);
    if (entry) return entry.value as T;
    if (!options.share) return this.#load(id, tenantId, tag, version, load, options.maxAgeMs);
    const pending = this.#loading.get(id);
    if (pending && pending.version === version) return pending.value as Promise<T>;
    const value = this.#load(id, tenantId, tag, version, load, options.maxAgeMs);
    this.#loading.set(id, { version, value });
    try {
      return await value;
    } finally {
      if (this.#loading.get(id)?.value === value) this.#loading.delete(id);
    }
  }

  /**
   * The cached value, or the loader's read in the caller's transaction `scope`: kept for others
   * only once that transaction commits (a read there may see its own uncommitted writes — the
   * reference data an app writes on first use — which a rollback would leave in the cache), and
   * meanwhile for the rest of the same transaction. Never shared with another caller's load.
   */
  async getIn<T>(
    scope: Pick<TenantScope, 'tenantId' | 'afterCommit' | 'replayedTo'>,
    tag: string,
    key: string,
    load: () => Promise<T>,
    options: Pick<CacheReadOptions, 'maxAgeMs'> = {},
  ): Promise<T> {
    const id = `${scope.tenantId}|${tag}|${key}`;
    const version = this.#version(scope.tenantId, tag);
    const entry = this.#fresh(id, version);
    if (entry) return entry.value as T;
    let mine = this.#inTransaction.get(scope);
    if (!mine) {
      const loaded = new Map<string, InTransaction>();
      this.#inTransaction.set(scope, loaded);
      // Once per transaction: every value it loaded is stored if no invalidation came since.
      scope.afterCommit(() => {
        for (const [entryId, kept] of loaded) {
          if (
            this.#version(kept.tenantId, kept.tag) === kept.version &&
            this.#replicaHeld(kept.tenantId, kept.tag, kept.replayed)
          )
            this.#store(entryId, kept.value, kept.version, kept.maxAgeMs);
        }
      });
      mine = loaded;
    }
    const known = mine.get(id);
    if (known && known.version === version) return known.value as T;
    const value = await load();
    const replayed = scope.replayedTo === undefined ? [] : [scope.replayedTo];
    mine.set(id, { value, version, tenantId: scope.tenantId, tag, replayed, maxAgeMs: options.maxAgeMs });
    return value;
  }

  /** The entry under `id` if it is still of `version` and within its TTL. */
  #fresh(id: string, version: number): { value: unknown } | undefined {
    return this.#entries.get(id, version);
  }

  async #load<T>(
    id: string,
    tenantId: string,
    tag: string,
    version: number,
    load: () => Promise<T>,
    maxAgeMs: number | undefined,
  ) {
    // The value's age counts from before its read.
    const readAt = this.#now();
    const replayed: string[] = [];
    const value = await (this.#replica ? replicaReads.run(replayed, load) : load());
    // A load inside another's: the outer value is built on these reads too.
    replicaReads.getStore()?.push(...replayed);
    if (this.#version(tenantId, tag) === version && this.#replicaHeld(tenantId, tag, replayed))
      this.#store(id, value, version, maxAgeMs === undefined ? undefined : maxAgeMs - (this.#now() - readAt));
    return value;
  }

  /**
   * Whether replica reads that had replayed up to `replayed` held every write whose invalidation of
   * (tenant, tag) this cache has seen: true when nothing was read on a replica.
   */
  #replicaHeld(tenantId: string, tag: string, replayed: readonly string[]): boolean {
    if (replayed.length === 0 || !this.#replica) return true;
    const since = Math.max(
      this.#invalidatedAt.get(`${tenantId}|${tag}`) ?? Number.NEGATIVE_INFINITY,
      this.#clearedAt,
    );
    if (since === Number.NEGATIVE_INFINITY) return true;
    const watermark = this.#replica.watermark;
    return replayed.every((position) => watermark.holdsSince(position, since));
  }

  #store(id: string, value: unknown, version: number, maxAgeMs?: number) {
    if (maxAgeMs !== undefined && maxAgeMs <= 0) return;
    this.#entries.set(id, value, version, maxAgeMs);
  }

  /** Drops every entry of `tag` for the tenant (lazily: their version no longer matches). */
  bump(tenantId: string, tag: string): void {
    const k = `${tenantId}|${tag}`;
    this.#versions.set(k, (this.#versions.get(k) ?? 0) + 1);
    this.#invalidatedAt.set(k, performance.now());
    for (const watcher of this.#watchers) watcher(tenantId, tag);
  }

  /**
   * Calls `watcher` after each invalidation of a tenant's tag here or in another process, and with
   * nulls after `clear()` (anything may have changed): for holders of a value who must re-check it
   * rather than read it again later (an open event stream and the principal that opened it).
   * Returns the function that stops watching.
   */
  watch(watcher: Watcher): () => void {
    this.#watchers.add(watcher);
    return () => this.#watchers.delete(watcher);
  }
}

type Watcher = (tenantId: string | null, tag: string | null) => void;

/** Invalidates `tag` for the scope's tenant when, and only if, the scope's transaction commits. */
export async function invalidate(scope: TenantScope, tag: string): Promise<void> {
  await signal(scope, CACHE_CHANNEL, tag);
}
