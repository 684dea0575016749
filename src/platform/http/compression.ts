/**
 * Gzip for the bodies the application makes itself (JSON views, portal pages); the browser build's
 * files are compressed ahead of time (web/serve.ts). A body that a cache sends again and again keeps
 * its bytes and its gzip beside it ({@link SharedBody}), made once: a hit then costs neither the
 * UTF-8 encoding nor the compression (a 30 kB portal page: 0.33 ms to gzip, 29 kB → 5 kB). Kept
 * bytes sit in memory of their own size (not in a slice of a larger buffer), and the tenant cache
 * is told of them (its budget is in bytes).
 */
import { gzipSync } from 'node:zlib';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { cachedValueGrew } from '../cache/entry-size.ts';

/**
 * Whether an `Accept-Encoding` header allows gzip: named (or `x-gzip`), or `*` when gzip is not
 * named, with a q-value above zero. Every browser sends `gzip` among others.
 */
export function acceptsGzip(header: string | undefined): boolean {
  if (!header) return false;
  let gzip: number | undefined;
  let any: number | undefined;
  for (const part of header.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const weight = q === undefined ? 1 : Number(q.slice(2));
    if (name === 'gzip' || name === 'x-gzip') gzip = weight;
    else if (name === '*') any = weight;
  }
  return (gzip ?? any ?? 0) > 0;
}

/** Where a body sent many times keeps its UTF-8 bytes and its gzip, each made when first needed. */
export type SharedBody = { bytes?: Buffer; gzip?: Buffer };

/** Below this size gzip saves less than it costs (the headers alone are a few hundred bytes). */
const MIN_GZIP_BYTES = 1024;

/**
 * The payload to send for `text`: gzipped when the client accepts gzip, as it is otherwise, with
 * `Vary: Accept-Encoding` on both (a shared cache must not give one client's form to another).
 * With `shared`, the bytes and the gzip (default level) are kept there for the next send; without
 * it the text is compressed at the fastest level (a 30 kB page: 0.2 ms, to 6 kB).
 */
export function encodedBody(
  request: FastifyRequest,
  reply: FastifyReply,
  text: string,
  shared?: SharedBody,
): string | Buffer {
  varyOnEncoding(reply);
  if (text.length < MIN_GZIP_BYTES || !acceptsGzip(request.headers['accept-encoding'])) {
    if (!shared) return text;
    if (!shared.bytes) {
      shared.bytes = utf8Exact(text);
      cachedValueGrew(shared, shared.bytes.byteLength);
    }
    return shared.bytes;
  }
  reply.header('content-encoding', 'gzip');
  if (!shared) return gzipSync(text, { level: 1 });
  if (!shared.gzip) {
    shared.gzip = ownMemory(gzipSync(text));
    cachedValueGrew(shared, shared.gzip.byteLength);
  }
  return shared.gzip;
}

/**
 * `buffer` in memory of its own, copied when it is a view into a larger allocation: zlib returns
 * its output as a view into its 64 kB chunk, so a kept gzip of 300 bytes would hold 64 kB alive.
 */
export function ownMemory(buffer: Buffer): Buffer {
  if (buffer.byteOffset === 0 && buffer.buffer.byteLength === buffer.byteLength) return buffer;
  const own = Buffer.allocUnsafeSlow(buffer.byteLength);
  buffer.copy(own);
  return own;
}

/**
 * `text` as UTF-8 in a buffer of exactly its size: `Buffer.from` puts a short string into a slice
 * of a shared 64 kB pool, which a kept body would hold alive after every other slice is gone.
 */
function utf8Exact(text: string): Buffer {
  const bytes = Buffer.allocUnsafeSlow(Buffer.byteLength(text, 'utf8'));
  bytes.write(text, 'utf8');
  return bytes;
}

/** Adds `accept-encoding` to the answer's `Vary`, keeping what another part of the app put there. */
function varyOnEncoding(reply: FastifyReply) {
  const given = reply.getHeader('vary');
  // The usual case, on every cached hit: nothing set yet.
  if (given === undefined) {
    reply.header('vary', 'accept-encoding');
    return;
  }
  const names = (Array.isArray(given) ? given.join(',') : String(given))
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '');
  if (names.some((name) => name === '*' || name.toLowerCase() === 'accept-encoding')) return;
  reply.header('vary', [...names, 'accept-encoding'].join(', '));
}
