/**
 * A per-process cache of tenant-scoped reads, kept true by invalidation rather than by time.
 *
 * Entries live under (tenant, tag, key). A writer calls `invalidate(scope, tag)` inside its
 * transaction: on commit, every process on the database drops the tag's entries for that tenant
 * (a signal, signals/), and this process does so before the writer's request even answers, so a
 * caller reads its own writes. A load that overlaps an invalidation is not stored (version check),
 * so a stale value cannot outlive the write that made it stale. A TTL bounds whatever an
 * invalidation could still miss, and a size bound keeps memory flat.
 * A read that loads in a transaction of its own may ask for its load to be shared (`share`):
 * callers that miss the same entry while it is being loaded then wait for that one load rather
 * than each starting their own (when an entry expires under load, 50 connections would otherwise
 * send 50 identical reads to the database at once); a caller who comes after an invalidation does
 * not join a load begun before it.
 */
import type { TenantScope } from '../db/tenant-scope.ts';
import type { SignalBus } from '../signals/bus.ts';
import { signal } from '../signals/signal.ts';

/** The signal channel of invalidations; the payload is the tag. */
export const CACHE_CHANNEL = 'cache';

type Entry = { value: unknown; version: number; expires: number };
type InTransaction = { value: unknown; version: number; tenantId: string; tag: string };

export class TenantCache {
  readonly #ttlMs: number;
  readonly #maxEntries: number;
  readonly #entries = new Map<string, Entry>();
  readonly #versions = new Map<string, number>();
  /** Values loaded in a transaction, kept until it commits (a scope lives as long as its transaction). */
  readonly #inTransaction = new WeakMap<object, Map<string, InTransaction>>();
  /** Loads under way, by entry, with the version they began at. */
  readonly #loading = new Map<string, { version: number; value: Promise<unknown> }>();
  #unsubscribe: (() => void) | undefined;
  /** Raised by `clear()`: loads begun before it are not stored. */
  #epoch = 0;
  readonly #watchers = new Set<Watcher>();

  constructor(options: { ttlMs?: number; maxEntries?: number } = {}) {
    this.#ttlMs = options.ttlMs ?? 60_000;
    this.#maxEntries = options.maxEntries ?? 20_000;
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

  /** Drops everything: after invalidations may have been missed (signals unread for minutes). */
  clear(): void {
    this.#epoch += 1;
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
    options: { share?: boolean } = {},
  ): Promise<T> {
    const id = `${tenantId}|${tag}|${key}`;
    const version = this.#version(tenantId, tag);
    const entry = this.#fresh(id, version);
    if (entry) return entry.value as T;
    if (!options.share) return this.#load(id, tenantId, tag, version, load);
    const pending = this.#loading.get(id);
    if (pending && pending.version === version) return pending.value as Promise<T>;
    const value = this.#load(id, tenantId, tag, version, load);
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
    scope: Pick<TenantScope, 'tenantId' | 'afterCommit'>,
    tag: string,
    key: string,
    load: () => Promise<T>,
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
          if (this.#version(kept.tenantId, kept.tag) === kept.version)
            this.#store(entryId, kept.value, kept.version);
        }
      });
      mine = loaded;
    }
    const known = mine.get(id);
    if (known && known.version === version) return known.value as T;
    const value = await load();
    mine.set(id, { value, version, tenantId: scope.tenantId, tag });
    return value;
  }

  /** The entry under `id` if it is still of `version` and within its TTL. */
  #fresh(id: string, version: number): Entry | undefined {
    const entry = this.#entries.get(id);
    return entry && entry.version === version && entry.expires > Date.now() ? entry : undefined;
  }

  async #load<T>(id: string, tenantId: string, tag: string, version: number, load: () => Promise<T>) {
    const value = await load();
    if (this.#version(tenantId, tag) === version) this.#store(id, value, version);
    return value;
  }

  #store(id: string, value: unknown, version: number) {
    this.#entries.delete(id);
    if (this.#entries.size >= this.#maxEntries) {
      // Maps keep insertion order: the first key is the oldest entry.
      const oldest = this.#entries.keys().next().value;
      if (oldest !== undefined) this.#entries.delete(oldest);
    }
    this.#entries.set(id, { value, version, expires: Date.now() + this.#ttlMs });
  }

  /** Drops every entry of `tag` for the tenant (lazily: their version no longer matches). */
  bump(tenantId: string, tag: string): void {
    const k = `${tenantId}|${tag}`;
    this.#versions.set(k, (this.#versions.get(k) ?? 0) + 1);
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
