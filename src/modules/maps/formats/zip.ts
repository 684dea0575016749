/**
 * Reads the entries of an uploaded ZIP (a zipped Shapefile, a KMZ) within bounds. A ZIP bomb (a
 * few kilobytes that inflate to gigabytes) or an archive of a million entries is refused from its
 * central directory, before anything is inflated; and since a directory may lie, yauzl stops
 * inflating an entry as soon as it gives more bytes than declared (`validateEntrySizes`), so
 * neither memory nor time grows past the declared sizes. The CRC, which yauzl leaves to its
 * caller, is checked too: a damaged entry is refused here, not read as a damaged layer.
 */
import { crc32 } from 'node:zlib';
import yauzl from 'yauzl';
import { LayerFileError } from './layer-file.ts';

export const ZIP_LIMITS = {
  /** Entries in the archive, counted from its central directory. */
  entries: 1000,
  /** Bytes, once inflated, of the entries read (the other entries are never inflated). */
  bytes: 256 * 1024 * 1024,
} as const;

export type ZipLimits = Readonly<{ entries: number; bytes: number }>;

/** Whether the bytes start as a ZIP: a local file header or, for an empty archive, its end record. */
export function looksLikeZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5);
}

/**
 * The entries `wanted` picks, by their name in the archive (folders included: `data/jalan.shp`),
 * in the archive's order. Folders, macOS resource forks (`__MACOSX/`) and entries not wanted are
 * skipped uninflated.
 */
export async function readZipEntries(
  bytes: Uint8Array,
  wanted: (name: string) => boolean,
  limits: ZipLimits = ZIP_LIMITS,
): Promise<Map<string, Uint8Array>> {
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.fromBufferPromise(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), {
      lazyEntries: true,
      validateEntrySizes: true,
      // A name with a backslash or "../" is still only a name here: nothing is written to disk.
      strictFileNames: false,
    });
  } catch {
    throw new LayerFileError('zip_corrupt');
  }
  try {
    if (zip.entryCount > limits.entries)
      throw new LayerFileError('zip_too_many_entries', { max: limits.entries });
    const out = new Map<string, Uint8Array>();
    let total = 0;
    for await (const entry of zip.eachEntry()) {
      const name = entry.fileName;
      if (name.endsWith('/') || name.startsWith('__MACOSX/') || !wanted(name)) continue;
      if (entry.isEncrypted()) throw new LayerFileError('zip_encrypted', { file: name });
      if (entry.compressionMethod !== 0 && entry.compressionMethod !== 8) {
        // Deflate64 (9), which Windows' "Send to compressed folder" uses for large files, bzip2,
        // LZMA...: say so rather than "corrupt", the staff can zip it again.
        throw new LayerFileError('zip_unsupported_compression', { file: name });
      }
      total += entry.uncompressedSize;
      if (total > limits.bytes)
        throw new LayerFileError('zip_too_large', { max: Math.round(limits.bytes / 1024 / 1024) });
      const data = Buffer.concat(await (await zip.openReadStreamPromise(entry)).toArray());
      if (data.byteLength !== entry.uncompressedSize || crc32(data) !== entry.crc32) {
        throw new LayerFileError('zip_corrupt');
      }
      out.set(name, new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
    }
    return out;
  } catch (error) {
    if (error instanceof LayerFileError) throw error;
    throw new LayerFileError('zip_corrupt');
  } finally {
    zip.close();
  }
}
