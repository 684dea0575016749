import assert from 'node:assert/strict';
import { test } from 'node:test';
import { gunzipSync } from 'node:zlib';
import Fastify from 'fastify';
import { TenantCache } from '../cache/tenant-cache.ts';
import { acceptsGzip, encodedBody, ownMemory, type SharedBody } from './compression.ts';

test('acceptsGzip follows the names and q-values of Accept-Encoding', () => {
  for (const yes of ['gzip', 'gzip, deflate, br, zstd', 'x-gzip', '*', 'br;q=1, gzip;q=0.5', 'GZIP']) {
    assert.equal(acceptsGzip(yes), true, yes);
  }
  for (const no of [undefined, '', 'br', 'identity', 'gzip;q=0', '*;q=0', 'gzip;q=0, *']) {
    assert.equal(acceptsGzip(no), false, String(no));
  }
});

test('encodedBody gzips for the clients that accept it, and a shared body only once', async () => {
  const shared: SharedBody = {};
  const text = `<p>${'harga cabai rawit '.repeat(200)}</p>`;
  const app = Fastify();
  app.get('/shared', (request, reply) =>
    reply.type('text/html').send(encodedBody(request, reply, text, shared)),
  );
  app.get('/once', (request, reply) => reply.type('text/html').send(encodedBody(request, reply, text)));
  app.get('/small', (request, reply) =>
    reply.type('text/html').send(encodedBody(request, reply, '<p>ok</p>')),
  );
  app.get('/lang', (request, reply) =>
    reply
      .header('vary', 'Accept-Language')
      .type('text/html')
      .send(encodedBody(request, reply, text)),
  );
  const gzip = { 'accept-encoding': 'gzip, br' };

  const plain = await app.inject({ url: '/shared' });
  assert.equal(plain.headers['content-encoding'], undefined);
  assert.equal(plain.headers.vary, 'accept-encoding');
  assert.equal(plain.body, text);
  const bytes = shared.bytes;
  assert.ok(bytes && shared.gzip === undefined, 'the bytes are kept, no gzip made yet');

  const packed = await app.inject({ url: '/shared', headers: gzip });
  assert.equal(packed.headers['content-encoding'], 'gzip');
  assert.equal(packed.headers.vary, 'accept-encoding');
  assert.equal(gunzipSync(packed.rawPayload).toString('utf8'), text);
  const made = shared.gzip;
  await app.inject({ url: '/shared', headers: gzip });
  await app.inject({ url: '/shared' });
  assert.equal(shared.gzip, made, 'the gzip is made once');
  assert.equal(shared.bytes, bytes, 'the bytes are made once');

  const once = await app.inject({ url: '/once', headers: gzip });
  assert.equal(once.headers['content-encoding'], 'gzip');
  assert.equal(gunzipSync(once.rawPayload).toString('utf8'), text);

  // A Vary set by another part of the app is kept.
  assert.equal((await app.inject({ url: '/lang' })).headers.vary, 'Accept-Language, accept-encoding');

  // A small body is not worth compressing.
  const small = await app.inject({ url: '/small', headers: gzip });
  assert.equal(small.headers['content-encoding'], undefined);
  assert.equal(small.body, '<p>ok</p>');
  await app.close();
});

test('a kept gzip and kept bytes hold memory of their own size, and the cache counts them', async () => {
  const cache = new TenantCache();
  const text = `<p>${'harga bawang merah '.repeat(100)}</p>`;
  const shared: SharedBody = await cache.get('t', 'g', 'page', async () => ({}));
  const app = Fastify();
  app.get('/', (request, reply) => reply.type('text/html').send(encodedBody(request, reply, text, shared)));
  const stored = cache.stats().bytes;
  await app.inject({ url: '/', headers: { 'accept-encoding': 'gzip' } });
  await app.inject({ url: '/' });
  const { gzip, bytes } = shared;
  assert.ok(gzip && bytes);
  // zlib hands back a view into its 64 kB chunk, Buffer.from one into a shared pool: copied out.
  assert.ok(gzip.byteLength < 1_000, `${gzip.byteLength} bytes of gzip`);
  assert.equal(gzip.buffer.byteLength, gzip.byteLength);
  assert.equal(bytes.buffer.byteLength, bytes.byteLength);
  assert.equal(cache.stats().bytes, stored + gzip.byteLength + bytes.byteLength);
  await app.close();
});

test('ownMemory copies a view of a larger buffer and keeps a buffer that is already its own', () => {
  const big = Buffer.alloc(65_536, 7);
  const view = big.subarray(100, 400);
  const own = ownMemory(view);
  assert.notEqual(own, view);
  assert.deepEqual(own, view);
  assert.equal(own.buffer.byteLength, 300);
  const exact = Buffer.allocUnsafeSlow(300);
  assert.equal(ownMemory(exact), exact);
});
