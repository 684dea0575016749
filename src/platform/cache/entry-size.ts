/**
 * What a cached value costs in memory, estimated: the tenant cache is bounded in bytes, not in
 * entries, since its values range from a tenant's settings (a few hundred bytes) to a year of
 * prices with its JSON and gzip (tens of kilobytes) and a whole portal page.
 *
 * The estimate follows what the engine keeps: strings a byte a character (two when one of them is
 * beyond Latin-1, as V8 stores them), buffers their bytes, numbers and other scalars one slot,
 * objects and arrays a header and a slot per field (property names live once in the engine's
 * shapes, not in each object). Measured against the heap for the values the apps cache (a year of
 * prices with its JSON and gzip, a day's prices, a list of reports, a portal page), it is within
 * 10 %. It is walked once, when the value is stored; a value reached twice within one entry counts
 * once.
 *
 * A value may gain bytes after it is stored — the JSON text or gzip that the first answer makes and
 * keeps beside a cached view (http/compression.ts) — and whoever adds them says so with
 * {@link cachedValueGrew}, so that the cache's account follows.
 */

/** One field or array element: a pointer or a small number. */
const SLOT = 8;
const OBJECT_HEADER = 24;
const STRING_HEADER = 16;
/** A Buffer or typed array: its object, and the separately allocated memory behind it. */
const BUFFER_HEADER = 96;
/** A character V8 cannot store in one byte: the string then takes two a character. */
const BEYOND_LATIN1 = /[\u0100-\uffff]/;

/** The bytes of a string's characters as V8 keeps them. */
function stringBytes(s: string): number {
  return BEYOND_LATIN1.test(s) ? 2 * s.length : s.length;
}

/** Estimated bytes that `value` keeps alive (see the module's comment). */
export function estimateBytes(value: unknown): number {
  const seen = new Set<object>();
  const walk = (v: unknown): number => {
    switch (typeof v) {
      case 'string':
        return STRING_HEADER + stringBytes(v);
      case 'object': {
        if (v === null) return SLOT;
        if (seen.has(v)) return SLOT;
        seen.add(v);
        if (ArrayBuffer.isView(v)) return BUFFER_HEADER + v.byteLength;
        if (v instanceof ArrayBuffer) return BUFFER_HEADER + v.byteLength;
        if (v instanceof Date) return OBJECT_HEADER + SLOT;
        if (Array.isArray(v)) {
          let n = OBJECT_HEADER;
          for (const item of v) n += SLOT + walk(item);
          return n;
        }
        if (v instanceof Map) {
          let n = OBJECT_HEADER;
          for (const [k, item] of v) n += 2 * SLOT + walk(k) + walk(item);
          return n;
        }
        if (v instanceof Set) {
          let n = OBJECT_HEADER;
          for (const item of v) n += SLOT + walk(item);
          return n;
        }
        let n = OBJECT_HEADER;
        for (const key in v) {
          if (Object.hasOwn(v, key)) n += SLOT + walk((v as Record<string, unknown>)[key]);
        }
        return n;
      }
      case 'bigint':
        return OBJECT_HEADER;
      default:
        // Numbers, booleans, undefined: the slot that holds them. Functions and symbols are not data.
        return 0;
    }
  };
  return walk(value);
}

/** Holders of cached values, to whoever keeps their account (the cache entry that holds them). */
const accounts = new WeakMap<object, (bytes: number) => void>();

/**
 * Tells the cache that `holder`, a cached value, now also keeps `bytes` more (a text or buffer made
 * from it and kept on it). Nothing happens when `holder` is not a cached value.
 */
export function cachedValueGrew(holder: object, bytes: number): void {
  accounts.get(holder)?.(bytes);
}

/** Called by the cache when it stores `holder`: `grew` adds to the entry's account. */
export function watchGrowth(holder: unknown, grew: (bytes: number) => void): void {
  if (typeof holder === 'object' && holder !== null) accounts.set(holder, grew);
}
