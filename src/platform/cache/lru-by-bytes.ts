/**
 * The tenant cache's storage: entries bounded by their estimated bytes (entry-size.ts), the least
 * recently used evicted first, each expiring after the TTL give or take a random share of it (the
 * jitter), so that entries loaded together — a warm-up, a start under load — do not all expire in
 * the same second and send their reads to the database at once. Entries past their TTL are also
 * swept out, at most once a TTL as new ones come in, so that a burst of reads does not leave the
 * budget full of entries nobody can be served from. It counts hits, misses, entries found expired
 * and entries evicted for room, for `/metrics`.
 */
import { estimateBytes, watchGrowth } from './entry-size.ts';

export type LruOptions = Readonly<{
  /** The budget: estimated bytes of every entry, its key included. */
  maxBytes: number;
  ttlMs: number;
  /** Each entry's TTL is drawn in [ttl × (1 − jitter), ttl × (1 + jitter)]. */
  jitter: number;
  now?: () => number;
  random?: () => number;
}>;

export type CacheStats = Readonly<{
  hits: number;
  misses: number;
  /** Entries dropped past their TTL: found so by a read (then also a miss), or swept out. */
  expired: number;
  /** Entries dropped, least recently used first, to stay within the budget. */
  evictions: number;
  /** Values not kept at all: larger on their own than the budget. */
  tooLarge: number;
  entries: number;
  bytes: number;
  maxBytes: number;
}>;

type Entry = { value: unknown; version: number; expires: number; bytes: number };

/** The Map's slot, the entry object and its fields, beyond the key's and the value's own bytes. */
const ENTRY_OVERHEAD = 96;

export class LruByBytes {
  readonly #options: LruOptions;
  readonly #now: () => number;
  readonly #random: () => number;
  /** In order of use: the first is the least recently used (a Map keeps insertion order). */
  readonly #entries = new Map<string, Entry>();
  #bytes = 0;
  #hits = 0;
  #misses = 0;
  #expired = 0;
  #evictions = 0;
  #tooLarge = 0;
  #lastSweep: number;

  constructor(options: LruOptions) {
    if (!(options.maxBytes > 0)) throw new Error('the cache needs a budget above zero');
    if (!(options.jitter >= 0 && options.jitter < 1)) throw new Error('the TTL jitter is a share below 1');
    this.#options = options;
    this.#now = options.now ?? Date.now;
    this.#random = options.random ?? Math.random;
    this.#lastSweep = this.#now();
  }

  /** The value under `id` if it is of `version` and within its TTL (then the most recently used). */
  get(id: string, version: number): { value: unknown } | undefined {
    const entry = this.#entries.get(id);
    if (entry && entry.version === version && entry.expires > this.#now()) {
      this.#hits += 1;
      this.#entries.delete(id);
      this.#entries.set(id, entry);
      return entry;
    }
    this.#misses += 1;
    if (entry) {
      // Invalidated or expired: its bytes are better spent on a live entry.
      if (entry.version === version) this.#expired += 1;
      this.#drop(id, entry);
    }
    return undefined;
  }

  /**
   * Stores `value` under `id`, evicting the least recently used entries beyond the budget. With
   * `maxAgeMs`, the entry lives no longer than that (a value that ages by itself as time passes),
   * its TTL jittered alike.
   */
  set(id: string, value: unknown, version: number, maxAgeMs?: number): void {
    const old = this.#entries.get(id);
    if (old) this.#drop(id, old);
    const bytes = ENTRY_OVERHEAD + estimateBytes(id) + estimateBytes(value);
    if (bytes > this.#options.maxBytes) {
      this.#tooLarge += 1;
      return;
    }
    const { ttlMs, jitter } = this.#options;
    const now = this.#now();
    if (now - this.#lastSweep >= ttlMs) this.#sweep(now);
    const ttl = Math.min(ttlMs, maxAgeMs ?? ttlMs) * (1 - jitter + 2 * jitter * this.#random());
    const entry: Entry = { value, version, expires: now + ttl, bytes };
    this.#entries.set(id, entry);
    this.#bytes += bytes;
    watchGrowth(value, (more) => {
      // Only while this very entry is stored: a value evicted or replaced is no longer counted.
      if (this.#entries.get(id) !== entry) return;
      entry.bytes += more;
      this.#bytes += more;
      if (entry.bytes > this.#options.maxBytes) {
        // Grown past the whole budget: it goes, rather than everything else.
        this.#tooLarge += 1;
        this.#drop(id, entry);
      }
      this.#evict();
    });
    this.#evict();
  }

  clear(): void {
    this.#entries.clear();
    this.#bytes = 0;
  }

  stats(): CacheStats {
    return {
      hits: this.#hits,
      misses: this.#misses,
      expired: this.#expired,
      evictions: this.#evictions,
      tooLarge: this.#tooLarge,
      entries: this.#entries.size,
      bytes: this.#bytes,
      maxBytes: this.#options.maxBytes,
    };
  }

  /** Drops every entry past its TTL. */
  #sweep(now: number): void {
    this.#lastSweep = now;
    for (const [id, entry] of this.#entries) {
      if (entry.expires <= now) {
        this.#drop(id, entry);
        this.#expired += 1;
      }
    }
  }

  #drop(id: string, entry: Entry): void {
    this.#entries.delete(id);
    this.#bytes -= entry.bytes;
  }

  #evict(): void {
    while (this.#bytes > this.#options.maxBytes) {
      const oldest = this.#entries.entries().next();
      if (oldest.done) return;
      this.#drop(oldest.value[0], oldest.value[1]);
      this.#evictions += 1;
    }
  }
}
