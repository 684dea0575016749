/**
 * Where uploaded files live: a small blob-store interface with a local-disk implementation (single
 * server, development, on-premise installs) and an S3 implementation (MinIO, Ceph, cloud object
 * stores). Keys are opaque to the stores but are made by {@link newFileKey} as
 * `<tenantId>/<yyyy>/<mm>/<uuid>.<ext>`; every store validates keys with {@link assertValidKey}.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, unlink } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import {
  DeleteObjectCommand,
  GetObjectCommand,
  NoSuchKey,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import { newId } from '../ids.ts';

/** A stored object as read back: its bytes and the content type given when it was put. */
export type StoredFile = { body: Uint8Array; contentType: string };

/** A blob store addressed by validated keys. Implementations: {@link LocalDiskStorage}, {@link S3Storage}. */
export interface FileStorage {
  /** Stores `body` under `key`, replacing any previous object; resolves once the write is durable. */
  put(key: string, body: Uint8Array, contentType: string): Promise<void>;
  /** The object under `key`, or null when there is none. */
  get(key: string): Promise<StoredFile | null>;
  /** Removes the object under `key`; removing a missing key is not an error. */
  delete(key: string): Promise<void>;
}

/** The longest key a store accepts. */
export const MAX_KEY_LENGTH = 512;

const KEY_CHARS = /^[A-Za-z0-9._/-]+$/;

/**
 * Throws a RangeError unless `key` is a safe storage key: 1–512 characters of `[A-Za-z0-9._/-]`, no
 * leading or trailing `/`, no empty segment (`//`), no `..` anywhere and no segment starting with `.`
 * (so `.` segments and hidden files are out too). Such a key maps to a path inside a store's root
 * on every platform, and is a valid S3 object key that needs no escaping.
 */
export function assertValidKey(key: string): void {
  if (typeof key !== 'string' || key.length === 0 || key.length > MAX_KEY_LENGTH) {
    throw new RangeError(`Invalid storage key: length must be 1..${MAX_KEY_LENGTH}`);
  }
  if (!KEY_CHARS.test(key)) throw new RangeError('Invalid storage key: only [A-Za-z0-9._/-] allowed');
  if (key.includes('..')) throw new RangeError('Invalid storage key: ".." is not allowed');
  for (const segment of key.split('/')) {
    if (segment === '') throw new RangeError('Invalid storage key: empty segment or leading/trailing "/"');
    if (segment.startsWith('.'))
      throw new RangeError('Invalid storage key: a segment may not start with "."');
  }
}

const EXT = /^[a-z0-9]{1,10}$/;

/**
 * A fresh key `<tenantId>/<yyyy>/<mm>/<uuidv7>.<ext>` (year and month in UTC, of `now`). `ext` is the
 * extension of the detected type (e.g. `inspectUpload(...).ext`), lower-case alphanumeric.
 */
export function newFileKey(tenantId: string, ext: string, now: Date = new Date()): string {
  if (tenantId.includes('/')) throw new RangeError('Invalid tenant id for a storage key');
  if (!EXT.test(ext)) throw new RangeError(`Invalid file extension: ${JSON.stringify(ext)}`);
  const yyyy = String(now.getUTCFullYear()).padStart(4, '0');
  const mm = String(now.getUTCMonth() + 1).padStart(2, '0');
  const key = `${tenantId}/${yyyy}/${mm}/${newId()}.${ext}`;
  assertValidKey(key);
  return key;
}

/** Throws a RangeError unless `contentType` is a plausible single-line MIME type (`type/subtype[; params]`). */
function assertValidContentType(contentType: string): void {
  if (
    typeof contentType !== 'string' ||
    contentType.length > 255 ||
    !/^[A-Za-z0-9!#$&^_.+-]+\/[A-Za-z0-9!#$&^_.+-]+(\s*;[\x20-\x7e]*)?$/.test(contentType)
  ) {
    throw new RangeError(`Invalid content type: ${JSON.stringify(contentType)}`);
  }
}

// ---------------------------------------------------------------------------------------------------
// Local disk

/**
 * Suffix of the sidecar file holding an object's content type. `~` is outside the key alphabet, so
 * no key can ever name a sidecar (or a temp file, which also ends in `~...`).
 */
const SIDECAR_SUFFIX = '~meta.json';
const DEFAULT_CONTENT_TYPE = 'application/octet-stream';

function errnoCode(err: unknown): string | undefined {
  return typeof err === 'object' && err !== null && 'code' in err ? String(err.code) : undefined;
}

/** Missing file, or a path through/at something that is not a regular file: treated as "no object". */
function isMissing(err: unknown): boolean {
  const code = errnoCode(err);
  return code === 'ENOENT' || code === 'ENOTDIR' || code === 'EISDIR';
}

async function fsyncDir(dir: string): Promise<void> {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Files under a root directory, one file per key at `<root>/<key>`, so the tree can be inspected,
 * backed up and restored with ordinary tools.
 *
 * Content type: kept in a JSON sidecar `<root>/<key>~meta.json` (`{"contentType": "..."}`) rather
 * than derived from the extension, so whatever was put comes back unchanged. The sidecar is made
 * durable before the body and removed after it, so a visible body always has its sidecar; if a
 * sidecar is nevertheless missing (e.g. hand-copied files), get() answers
 * `application/octet-stream`.
 *
 * Durability and atomicity: every file is written to a temp file in the same directory, fsynced,
 * renamed over the target, and the directory is fsynced (as are the parents of directories the
 * write had to create). Readers see the old or the new bytes, never a torn file. Empty directories
 * are left behind by delete (removing them would race with concurrent puts).
 */
export class LocalDiskStorage implements FileStorage {
  /** Absolute root directory; created on first write. */
  readonly root: string;

  /** @param root directory holding the files (relative paths resolve against the working directory). */
  constructor(root: string) {
    this.root = resolve(root);
  }

  /** The absolute path of `key`'s body file (after validating the key). */
  pathOf(key: string): string {
    assertValidKey(key);
    const path = join(this.root, ...key.split('/'));
    // Belt and braces: validation already rules out escaping the root.
    if (!path.startsWith(this.root + sep)) throw new RangeError('Invalid storage key: outside root');
    return path;
  }

  /** Writes the sidecar then the body, each atomically and durably. */
  async put(key: string, body: Uint8Array, contentType: string): Promise<void> {
    const path = this.pathOf(key);
    assertValidContentType(contentType);
    const dir = dirname(path);
    await this.ensureDir(dir);
    const meta = new TextEncoder().encode(`${JSON.stringify({ contentType })}\n`);
    await this.writeAtomic(path + SIDECAR_SUFFIX, meta);
    await this.writeAtomic(path, body);
  }

  /** Reads the body and its sidecar; null when the body does not exist. */
  async get(key: string): Promise<StoredFile | null> {
    const path = this.pathOf(key);
    let buf: Buffer;
    try {
      buf = await readFile(path);
    } catch (err) {
      if (isMissing(err)) return null;
      throw err;
    }
    let contentType = DEFAULT_CONTENT_TYPE;
    try {
      const meta: unknown = JSON.parse(await readFile(path + SIDECAR_SUFFIX, 'utf8'));
      if (typeof meta === 'object' && meta !== null && 'contentType' in meta) {
        if (typeof meta.contentType === 'string') contentType = meta.contentType;
      }
    } catch (err) {
      if (!isMissing(err) && !(err instanceof SyntaxError)) throw err;
    }
    return { body: new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength), contentType };
  }

  /** Removes the body, then the sidecar, then fsyncs the directory. Idempotent. */
  async delete(key: string): Promise<void> {
    const path = this.pathOf(key);
    let removed = false;
    for (const file of [path, path + SIDECAR_SUFFIX]) {
      try {
        await unlink(file);
        removed = true;
      } catch (err) {
        if (!isMissing(err)) throw err;
      }
    }
    if (removed) await fsyncDir(dirname(path));
  }

  /** mkdir -p, then fsync the parent of every directory it created so the new entries are durable. */
  private async ensureDir(dir: string): Promise<void> {
    const first = await mkdir(dir, { recursive: true });
    if (first === undefined) return;
    // Directories created: `first` .. `dir`. Their parents: dirname(first) .. dirname(dir).
    const toSync: string[] = [];
    for (let d = dir; ; d = dirname(d)) {
      toSync.push(dirname(d));
      if (d === resolve(first) || dirname(d) === d) break;
    }
    for (const d of toSync.reverse()) await fsyncDir(d);
  }

  /** Temp file in the target's directory, write + fsync, rename over the target, fsync the directory. */
  private async writeAtomic(path: string, data: Uint8Array): Promise<void> {
    const tmp = `${path}~${randomBytes(6).toString('hex')}.tmp`;
    const handle = await open(tmp, 'wx', 0o640);
    try {
      try {
        await handle.writeFile(data);
        await handle.sync();
      } finally {
        await handle.close();
      }
      await rename(tmp, path);
    } catch (err) {
      await unlink(tmp).catch(() => {});
      throw err;
    }
    await fsyncDir(dirname(path));
  }
}

// ---------------------------------------------------------------------------------------------------
// S3

/** Connection settings of an S3-compatible object store. */
export type S3StorageOptions = {
  /** Service URL, e.g. `http://minio:9000` or `https://s3.ap-southeast-3.amazonaws.com`. */
  endpoint: string;
  /** Signing region (MinIO accepts any, conventionally `us-east-1`). */
  region: string;
  bucket: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** Address objects as `<endpoint>/<bucket>/<key>` rather than `<bucket>.<host>/<key>`. Default true. */
  forcePathStyle?: boolean;
};

/**
 * Objects in one bucket of an S3-compatible store, signed with AWS SigV4 by `@aws-sdk/client-s3`.
 * Checksums are only computed/validated when an operation requires them (`WHEN_REQUIRED`), since
 * many S3-compatible servers reject or mishandle the SDK's default CRC trailers.
 */
export class S3Storage implements FileStorage {
  /** The bucket all keys live in. */
  readonly bucket: string;
  /** The underlying SDK client (exposed for health checks and shutdown). */
  readonly client: S3Client;

  /** @param options endpoint, credentials and bucket; see {@link S3StorageOptions}. */
  constructor(options: S3StorageOptions) {
    this.bucket = options.bucket;
    this.client = new S3Client({
      endpoint: options.endpoint,
      region: options.region,
      forcePathStyle: options.forcePathStyle ?? true,
      credentials: { accessKeyId: options.accessKeyId, secretAccessKey: options.secretAccessKey },
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    });
  }

  /** PutObject with the given content type. */
  async put(key: string, body: Uint8Array, contentType: string): Promise<void> {
    assertValidKey(key);
    assertValidContentType(contentType);
    await this.client.send(
      new PutObjectCommand({
        Bucket: this.bucket,
        Key: key,
        Body: body,
        ContentType: contentType,
        ContentLength: body.byteLength,
      }),
    );
  }

  /** GetObject, buffered; null on NoSuchKey / 404. */
  async get(key: string): Promise<StoredFile | null> {
    assertValidKey(key);
    try {
      const res = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }));
      const body = res.Body ? await res.Body.transformToByteArray() : new Uint8Array(0);
      return { body, contentType: res.ContentType ?? DEFAULT_CONTENT_TYPE };
    } catch (err) {
      if (isNotFound(err)) return null;
      throw err;
    }
  }

  /** DeleteObject; a missing key is not an error (S3 answers 204, some servers 404). */
  async delete(key: string): Promise<void> {
    assertValidKey(key);
    try {
      await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key }));
    } catch (err) {
      if (!isNotFound(err)) throw err;
    }
  }
}

function isNotFound(err: unknown): boolean {
  if (err instanceof NoSuchKey) return true;
  if (err instanceof S3ServiceException) {
    return err.name === 'NoSuchKey' || err.name === 'NotFound' || err.$metadata.httpStatusCode === 404;
  }
  return false;
}

// ---------------------------------------------------------------------------------------------------

/** Which store to use, as read from configuration. */
export type StorageConfig = { kind: 'local'; root: string } | ({ kind: 's3' } & S3StorageOptions);

/** Builds the configured {@link FileStorage}. */
export function createStorage(config: StorageConfig): FileStorage {
  switch (config.kind) {
    case 'local':
      return new LocalDiskStorage(config.root);
    case 's3': {
      const { kind: _kind, ...options } = config;
      return new S3Storage(options);
    }
    default:
      throw new RangeError(`Unknown storage kind: ${(config as { kind: unknown }).kind}`);
  }
}
