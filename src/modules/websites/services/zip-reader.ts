/**
 * Reading a ZIP archive held in memory: its central directory, and one entry's bytes on demand.
 * Only what a WordPress export bundle needs — stored and deflated entries, no encryption, no
 * ZIP64 (the upload limit keeps archives far below 4 GiB). Every size is checked against the
 * archive's length before it is read, and inflating stops at the declared size (a ZIP bomb's
 * declared sizes are what the limits are applied to, and the output can never exceed them).
 */
import { inflateRawSync } from 'node:zlib';

export type ZipEntry = {
  /** The entry's path inside the archive, with `/` separators, as stored. */
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localOffset: number;
};

/** Why an archive or an entry was refused. */
export class ZipError extends Error {
  readonly reason: 'not_zip' | 'unsupported' | 'corrupt' | 'too_large';
  constructor(reason: ZipError['reason'], message: string) {
    super(message);
    this.name = 'ZipError';
    this.reason = reason;
  }
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const MAX_ENTRIES = 100_000;

/** Whether the bytes start like a ZIP archive (a local header, or an empty archive's end record). */
export function looksLikeZip(bytes: Uint8Array): boolean {
  if (bytes.length < 4) return false;
  const sig = Buffer.from(bytes.buffer, bytes.byteOffset, 4).readUInt32LE(0);
  return sig === LOCAL || sig === EOCD;
}

/** The archive's entries (files only, not directories), from its central directory. */
export function listZip(bytes: Buffer): ZipEntry[] {
  // The end record is in the last 22 bytes plus at most a 64 KiB comment.
  const floor = Math.max(0, bytes.length - 22 - 0xffff);
  let end = -1;
  for (let i = bytes.length - 22; i >= floor; i--) {
    if (bytes.readUInt32LE(i) === EOCD) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new ZipError('not_zip', 'no end of central directory');
  const count = bytes.readUInt16LE(end + 10);
  const dirSize = bytes.readUInt32LE(end + 12);
  const dirOffset = bytes.readUInt32LE(end + 16);
  if (count === 0xffff || dirOffset === 0xffffffff) throw new ZipError('unsupported', 'ZIP64');
  if (count > MAX_ENTRIES) throw new ZipError('too_large', 'too many entries');
  if (dirOffset + dirSize > end) throw new ZipError('corrupt', 'central directory out of bounds');
  const entries: ZipEntry[] = [];
  let at = dirOffset;
  for (let n = 0; n < count; n++) {
    if (at + 46 > end || bytes.readUInt32LE(at) !== CENTRAL)
      throw new ZipError('corrupt', 'bad central header');
    const flags = bytes.readUInt16LE(at + 8);
    const method = bytes.readUInt16LE(at + 10);
    const compressedSize = bytes.readUInt32LE(at + 20);
    const size = bytes.readUInt32LE(at + 24);
    const nameLength = bytes.readUInt16LE(at + 28);
    const extraLength = bytes.readUInt16LE(at + 30);
    const commentLength = bytes.readUInt16LE(at + 32);
    const localOffset = bytes.readUInt32LE(at + 42);
    const name = bytes.toString(flags & 0x800 ? 'utf8' : 'latin1', at + 46, at + 46 + nameLength);
    at += 46 + nameLength + extraLength + commentLength;
    if (name.endsWith('/')) continue;
    if (flags & 0x1) throw new ZipError('unsupported', `encrypted entry ${name}`);
    if (method !== 0 && method !== 8) throw new ZipError('unsupported', `compression ${method} of ${name}`);
    if (localOffset + 30 > bytes.length || localOffset + compressedSize > bytes.length) {
      throw new ZipError('corrupt', `entry ${name} out of bounds`);
    }
    entries.push({ name: name.replaceAll('\\', '/'), method, compressedSize, size, localOffset });
  }
  return entries;
}

/** The bytes of one entry; refused when its declared size exceeds `maxBytes`. */
export function readZipEntry(bytes: Buffer, entry: ZipEntry, maxBytes: number): Buffer {
  if (entry.size > maxBytes) throw new ZipError('too_large', `${entry.name} is larger than allowed`);
  const at = entry.localOffset;
  if (bytes.readUInt32LE(at) !== LOCAL) throw new ZipError('corrupt', `bad local header of ${entry.name}`);
  const start = at + 30 + bytes.readUInt16LE(at + 26) + bytes.readUInt16LE(at + 28);
  if (start + entry.compressedSize > bytes.length) throw new ZipError('corrupt', `${entry.name} truncated`);
  const raw = bytes.subarray(start, start + entry.compressedSize);
  if (entry.method === 0) {
    if (raw.length !== entry.size) throw new ZipError('corrupt', `${entry.name} has a wrong size`);
    return raw;
  }
  try {
    // One byte more than declared lets a lie about the size show as an error, not as truncation.
    const out = inflateRawSync(raw, { maxOutputLength: Math.max(1, entry.size + 1) });
    if (out.length !== entry.size) throw new ZipError('corrupt', `${entry.name} has a wrong size`);
    return out;
  } catch (error) {
    if (error instanceof ZipError) throw error;
    throw new ZipError('corrupt', `${entry.name} cannot be inflated`);
  }
}
