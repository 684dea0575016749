/**
 * S3Storage against a tiny in-process fake S3 (node:http on 127.0.0.1, random port): path-style PUT,
 * GET and DELETE of objects kept in a Map, with every request's AWS SigV4 signature verified.
 */
import assert from 'node:assert/strict';
import { createHash, createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import { S3Storage, type S3StorageOptions } from './storage.ts';

const BUCKET = 'balai-files';
const REGION = 'us-east-1';
const ACCESS_KEY = 'BALAITESTKEY';
const SECRET_KEY = 'balai-test-secret-0123456789';

type Recorded = { method: string; path: string; authorization: string; signatureValid: boolean };

const objects = new Map<string, { body: Buffer; contentType: string }>();
const requests: Recorded[] = [];
let server: Server;
let endpoint: string;
const clients: S3Storage[] = [];

const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');
const hmac = (key: string | Buffer, data: string) => createHmac('sha256', key).update(data).digest();

/** Recomputes the SigV4 signature of a request (S3 flavour: the path is not re-encoded). */
function verifySigV4(req: IncomingMessage, body: Buffer): boolean {
  const auth = req.headers.authorization ?? '';
  const m =
    /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/s3\/aws4_request, ?SignedHeaders=([a-z0-9;-]+), ?Signature=([0-9a-f]{64})$/.exec(
      auth,
    );
  if (!m) return false;
  const [, accessKey, date, region, signedHeaders, signature] = m as unknown as string[];
  if (accessKey !== ACCESS_KEY || region !== REGION) return false;
  const amzDate = String(req.headers['x-amz-date'] ?? '');
  if (!amzDate.startsWith(date!)) return false;
  const payloadHash = String(req.headers['x-amz-content-sha256'] ?? '');
  if (payloadHash !== 'UNSIGNED-PAYLOAD' && payloadHash !== sha256(body)) return false;

  const url = new URL(req.url ?? '/', 'http://fake');
  const query = url.search
    .slice(1)
    .split('&')
    .filter(Boolean)
    .map((pair) => (pair.includes('=') ? pair : `${pair}=`))
    .sort()
    .join('&');
  const names = signedHeaders!.split(';');
  if (!names.includes('host')) return false;
  const headers = names
    .map(
      (n) =>
        `${n}:${String(req.headers[n] ?? '')
          .trim()
          .replace(/\s+/g, ' ')}\n`,
    )
    .join('');
  const canonical = [req.method, url.pathname, query, headers, signedHeaders, payloadHash].join('\n');
  const scope = `${date}/${region}/s3/aws4_request`;
  const toSign = ['AWS4-HMAC-SHA256', amzDate, scope, sha256(canonical)].join('\n');
  let key: Buffer = hmac(`AWS4${SECRET_KEY}`, date!);
  for (const part of [region!, 's3', 'aws4_request']) key = hmac(key, part);
  return createHmac('sha256', key).update(toSign).digest('hex') === signature;
}

function xmlError(res: ServerResponse, status: number, code: string, resource: string): void {
  res.writeHead(status, { 'content-type': 'application/xml' });
  res.end(
    `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${code}</Message>` +
      `<Resource>${resource}</Resource><RequestId>fake</RequestId></Error>`,
  );
}

async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const body = Buffer.concat(chunks);
  const path = new URL(req.url ?? '/', 'http://fake').pathname;
  const signatureValid = verifySigV4(req, body);
  requests.push({
    method: req.method ?? '',
    path,
    authorization: req.headers.authorization ?? '',
    signatureValid,
  });
  if (!signatureValid) return xmlError(res, 403, 'SignatureDoesNotMatch', path);

  const prefix = `/${BUCKET}/`;
  if (!path.startsWith(prefix) || path.length === prefix.length)
    return xmlError(res, 404, 'NoSuchBucket', path);
  const key = decodeURIComponent(path.slice(prefix.length));
  switch (req.method) {
    case 'PUT': {
      const contentType = req.headers['content-type'] ?? 'binary/octet-stream';
      objects.set(key, { body, contentType });
      res.writeHead(200, { etag: `"${createHash('md5').update(body).digest('hex')}"` });
      return void res.end();
    }
    case 'GET': {
      const obj = objects.get(key);
      if (!obj) return xmlError(res, 404, 'NoSuchKey', path);
      res.writeHead(200, { 'content-type': obj.contentType, 'content-length': obj.body.length });
      return void res.end(obj.body);
    }
    case 'DELETE':
      objects.delete(key);
      res.writeHead(204);
      return void res.end();
    default:
      return xmlError(res, 405, 'MethodNotAllowed', path);
  }
}

function storage(overrides: Partial<S3StorageOptions> = {}): S3Storage {
  const s = new S3Storage({
    endpoint,
    region: REGION,
    bucket: BUCKET,
    accessKeyId: ACCESS_KEY,
    secretAccessKey: SECRET_KEY,
    ...overrides,
  });
  clients.push(s);
  return s;
}

before(async () => {
  server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      res.writeHead(500);
      res.end(String(err));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

after(async () => {
  for (const c of clients) c.client.destroy();
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const KEY = '0190a5f2-6c1e-7b3a-9d4e-2f8a1c3b5d7e/2026/03/0190a5f2-6c1e-7b3a-9d4e-2f8a1c3b5d7f.jpg';

test('S3Storage: put/get/delete round-trip, signed with SigV4 for the bucket/key path', async () => {
  const s3 = storage();
  requests.length = 0;
  const body = new Uint8Array(100_000).map((_, i) => (i * 7) & 0xff);

  await s3.put(KEY, body, 'image/jpeg');
  assert.deepEqual(objects.get(KEY)?.body, Buffer.from(body));
  assert.equal(objects.get(KEY)?.contentType, 'image/jpeg');

  const got = await s3.get(KEY);
  assert.ok(got);
  assert.equal(got.contentType, 'image/jpeg');
  assert.deepEqual(Buffer.from(got.body), Buffer.from(body));

  await s3.delete(KEY);
  assert.equal(objects.has(KEY), false);
  assert.equal(await s3.get(KEY), null);
  await s3.delete(KEY); // idempotent

  assert.deepEqual(
    requests.map((r) => `${r.method} ${r.path}`),
    ['PUT', 'GET', 'DELETE', 'GET', 'DELETE'].map((m) => `${m} /${BUCKET}/${KEY}`),
  );
  for (const r of requests) {
    assert.match(
      r.authorization,
      new RegExp(
        `^AWS4-HMAC-SHA256 Credential=${ACCESS_KEY}/\\d{8}/${REGION}/s3/aws4_request, ?SignedHeaders=`,
      ),
    );
    assert.equal(r.signatureValid, true, `${r.method} ${r.path} signature`);
  }
});

test('S3Storage: missing object is null (404 NoSuchKey)', async () => {
  assert.equal(await storage().get('nobody/2026/01/none.png'), null);
});

test('S3Storage: wrong credentials surface as an error, not as a missing object', async () => {
  const s3 = storage({ secretAccessKey: 'wrong' });
  requests.length = 0;
  await assert.rejects(s3.put('t/x.txt', new Uint8Array([1]), 'text/plain'), {
    name: 'SignatureDoesNotMatch',
  });
  await assert.rejects(s3.get('t/x.txt'), { name: 'SignatureDoesNotMatch' });
  assert.ok(requests.length >= 2);
  assert.ok(requests.every((r) => !r.signatureValid));
  assert.equal(objects.has('t/x.txt'), false);
});

test('S3Storage: invalid keys are rejected before any request', async () => {
  const s3 = storage();
  requests.length = 0;
  for (const key of ['../x', '/x', 'a b', 'a?x-id=1']) {
    await assert.rejects(s3.put(key, new Uint8Array([1]), 'text/plain'), RangeError);
    await assert.rejects(s3.get(key), RangeError);
    await assert.rejects(s3.delete(key), RangeError);
  }
  assert.equal(requests.length, 0);
});
