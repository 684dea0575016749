/**
 * Records the SQL texts the database drivers are handed while recording is on — node-postgres's
 * `Client.query`, PGlite's `query` and `exec` — with the connection each went on, whitespace
 * folded: what a request costs in round trips, read off the driver.
 */
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';

export type SentSql = { on: unknown; text: string };

export function recordSentSql() {
  const sent: SentSql[] = [];
  let recording = false;
  const wrap = (proto: object, method: string) => {
    const target = proto as Record<string, (...args: unknown[]) => unknown>;
    const original = target[method]!;
    target[method] = function (this: unknown, ...args: unknown[]) {
      if (recording && typeof args[0] === 'string')
        sent.push({ on: this, text: args[0].replace(/\s+/g, ' ') });
      return original.apply(this, args);
    };
    return () => {
      target[method] = original;
    };
  };
  const restore = [
    wrap(pg.Client.prototype, 'query'),
    wrap(PGlite.prototype, 'query'),
    wrap(PGlite.prototype, 'exec'),
  ];
  return {
    sent,
    start: () => {
      sent.length = 0;
      recording = true;
    },
    stop: () => {
      recording = false;
    },
    restore: () => {
      for (const r of restore) r();
    },
  };
}
