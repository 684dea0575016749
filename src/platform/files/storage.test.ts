import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import {
  assertValidKey,
  createStorage,
  LocalDiskStorage,
  MAX_KEY_LENGTH,
  newFileKey,
  S3Storage,
} from './storage.ts';

let root: string;
before(async () => {
  root = await mkdtemp(join(tmpdir(), 'balai-files-'));
});
after(async () => {
  await rm(root, { recursive: true, force: true });
});

const bytes = (s: string) => new TextEncoder().encode(s);
const TENANT = '0190a5f2-6c1e-7b3a-9d4e-2f8a1c3b5d7e';

test('assertValidKey accepts the canonical shape and rejects everything unsafe', () => {
  for (const ok of [
    `${TENANT}/2026/03/0190a5f2-6c1e-7b3a-9d4e-2f8a1c3b5d7f.jpg`,
    'a',
    'a/b-c_d.e/f.tar.gz',
    'x'.repeat(MAX_KEY_LENGTH),
  ]) {
    assert.doesNotThrow(() => assertValidKey(ok), ok);
  }
  for (const bad of [
    '',
    'x'.repeat(MAX_KEY_LENGTH + 1),
    '/etc/passwd',
    '../secret',
    'a/../../b',
    'a/..',
    'a..b',
    'a/./b',
    'a/.hidden',
    '.env',
    'a//b',
    'a/',
    'a\\b',
    'C:/x',
    'a b',
    'a%2Fb',
    'é.jpg',
    'a\0b',
    'a\nb',
    'a~meta.json',
  ]) {
    assert.throws(() => assertValidKey(bad), RangeError, JSON.stringify(bad));
  }
});

test('newFileKey makes <tenant>/<yyyy>/<mm>/<uuid>.<ext> keys in UTC', () => {
  const key = newFileKey(TENANT, 'jpg', new Date('2026-12-31T20:00:00Z')); // already 2027 in WIB
  assert.match(
    key,
    new RegExp(`^${TENANT}/2026/12/[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}\\.jpg$`),
  );
  assert.notEqual(newFileKey(TENANT, 'pdf'), newFileKey(TENANT, 'pdf'));
  assert.throws(() => newFileKey(TENANT, '../x'), RangeError);
  assert.throws(() => newFileKey(TENANT, 'JPG'), RangeError);
  assert.throws(() => newFileKey('a/b', 'jpg'), RangeError);
  assert.throws(() => newFileKey('..', 'jpg'), RangeError);
});

test('LocalDiskStorage: put/get round-trip keeps bytes and content type', async () => {
  const storage = new LocalDiskStorage(join(root, 'rt'));
  const key = `${TENANT}/2026/03/0190a5f2-6c1e-7b3a-9d4e-2f8a1c3b5d7f.pdf`;
  const body = new Uint8Array(70_000).map((_, i) => (i * 31) & 0xff);
  await storage.put(key, body, 'application/pdf');

  const got = await storage.get(key);
  assert.ok(got);
  assert.equal(got.contentType, 'application/pdf');
  assert.equal(Object.getPrototypeOf(got.body), Uint8Array.prototype);
  assert.deepEqual(got.body, body);

  // Laid out as <root>/<key>, with a sidecar and no leftover temp files.
  const dir = join(root, 'rt', TENANT, '2026', '03');
  assert.deepEqual(await readFile(join(dir, '0190a5f2-6c1e-7b3a-9d4e-2f8a1c3b5d7f.pdf')), Buffer.from(body));
  assert.deepEqual((await readdir(dir)).sort(), [
    '0190a5f2-6c1e-7b3a-9d4e-2f8a1c3b5d7f.pdf',
    '0190a5f2-6c1e-7b3a-9d4e-2f8a1c3b5d7f.pdf~meta.json',
  ]);

  // Overwrite replaces both body and type; empty bodies are fine.
  await storage.put(key, new Uint8Array(0), 'text/plain; charset=utf-8');
  const again = await storage.get(key);
  assert.deepEqual(again, { body: new Uint8Array(0), contentType: 'text/plain; charset=utf-8' });
  assert.equal((await readdir(dir)).length, 2);
});

test('LocalDiskStorage: missing key is null, delete is idempotent', async () => {
  const storage = new LocalDiskStorage(join(root, 'del'));
  const key = 't1/2026/03/a.png';
  assert.equal(await storage.get(key), null); // root does not even exist yet
  await storage.delete(key); // nor does deleting

  await storage.put(key, bytes('png?'), 'image/png');
  assert.ok(await storage.get(key));
  await storage.delete(key);
  assert.equal(await storage.get(key), null);
  await storage.delete(key);
  assert.deepEqual(await readdir(join(root, 'del', 't1', '2026', '03')), []);

  // A key that is a directory, or runs through a file, is simply absent.
  await storage.put('t1/file', bytes('x'), 'text/plain');
  assert.equal(await storage.get('t1/2026'), null);
  assert.equal(await storage.get('t1/file/below'), null);
  await storage.delete('t1/file/below');
});

test('LocalDiskStorage: invalid keys and content types are RangeErrors and touch nothing', async () => {
  const storage = new LocalDiskStorage(join(root, 'bad'));
  for (const key of ['../escape', '/abs', 'a/../b', 'a//b', 'a b']) {
    await assert.rejects(storage.put(key, bytes('x'), 'text/plain'), RangeError);
    await assert.rejects(storage.get(key), RangeError);
    await assert.rejects(storage.delete(key), RangeError);
  }
  await assert.rejects(storage.put('ok', bytes('x'), 'text/plain\r\nX-Evil: 1'), RangeError);
  await assert.rejects(storage.put('ok', bytes('x'), ''), RangeError);
  await assert.rejects(readdir(join(root, 'bad')), { code: 'ENOENT' });
});

test('LocalDiskStorage: body without sidecar reads as application/octet-stream', async () => {
  const storage = new LocalDiskStorage(join(root, 'nosidecar'));
  await storage.put('k/f.bin', bytes('abc'), 'application/zip');
  await rm(join(root, 'nosidecar', 'k', 'f.bin~meta.json'));
  assert.deepEqual(await storage.get('k/f.bin'), {
    body: bytes('abc'),
    contentType: 'application/octet-stream',
  });
  await writeFile(join(root, 'nosidecar', 'k', 'f.bin~meta.json'), '{not json');
  assert.equal((await storage.get('k/f.bin'))?.contentType, 'application/octet-stream');
});

test('LocalDiskStorage: concurrent puts of one key leave one complete version', async () => {
  const storage = new LocalDiskStorage(join(root, 'race'));
  const a = new Uint8Array(200_000).fill(0x61);
  const b = new Uint8Array(150_000).fill(0x62);
  await Promise.all([storage.put('r/x', a, 'text/plain'), storage.put('r/x', b, 'text/plain')]);
  const got = await storage.get('r/x');
  assert.ok(got);
  assert.ok(Buffer.from(got.body).equals(Buffer.from(a)) || Buffer.from(got.body).equals(Buffer.from(b)));
  assert.deepEqual((await readdir(join(root, 'race', 'r'))).sort(), ['x', 'x~meta.json']);
});

test('createStorage builds the configured store', () => {
  const local = createStorage({ kind: 'local', root: join(root, 'cfg') });
  assert.ok(local instanceof LocalDiskStorage);
  assert.equal(local.root, join(root, 'cfg'));
  const s3 = createStorage({
    kind: 's3',
    endpoint: 'http://127.0.0.1:9',
    region: 'us-east-1',
    bucket: 'balai',
    accessKeyId: 'a',
    secretAccessKey: 'b',
  });
  assert.ok(s3 instanceof S3Storage);
  assert.equal(s3.bucket, 'balai');
  s3.client.destroy();
  assert.throws(() => createStorage({ kind: 'ftp' } as never), RangeError);
});
