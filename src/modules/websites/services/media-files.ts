/**
 * What a site's media may be, and what is made of an upload before it is stored: the type decided
 * by content (never by the name), an image re-encoded without its metadata and resized into
 * WebP variants for `srcset`, a document kept as sent.
 */
import sharp from 'sharp';
import {
  type FileStorage,
  ImageRejectedError,
  inspectUpload,
  newFileKey,
  normalizeImage,
} from '../../../platform/sdk/index.ts';
import type { Variant } from '../tables.ts';

/** Largest image upload: a phone's photo, with room to spare. */
export const MAX_IMAGE_BYTES = 20 * 1024 * 1024;
/** Largest document: a regional regulation's scanned PDF. */
export const MAX_FILE_BYTES = 50 * 1024 * 1024;

/** The widths (px) of an image's responsive variants; only those narrower than the image are made. */
export const VARIANT_WIDTHS = [320, 640, 960, 1280, 1920] as const;
const VARIANT_QUALITY = 78;

const IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/gif', 'image/avif', 'image/heic'];
/** Documents a government site publishes: PDF, Office and OpenDocument files. */
const FILE_TYPES = [
  'application/pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  'application/vnd.oasis.opendocument.text',
  'application/vnd.oasis.opendocument.spreadsheet',
  'application/vnd.oasis.opendocument.presentation',
];

export type PreparedVariant = { width: number; height: number; bytes: Uint8Array };

/** An upload ready to be stored: its kind, detected type and, for an image, its size and variants. */
export type PreparedMedia = {
  kind: 'image' | 'file';
  mime: string;
  ext: string;
  bytes: Uint8Array;
  width: number | null;
  height: number | null;
  variants: PreparedVariant[];
};

/** Why an upload is refused, as the field error the API answers (`/body/file`). */
export class MediaRefused extends Error {
  readonly code: MediaRefusal;
  readonly params: Record<string, string | number>;
  constructor(code: MediaRefusal, params: Record<string, string | number> = {}) {
    super(code);
    this.name = 'MediaRefused';
    this.code = code;
    this.params = params;
  }
}

type MediaRefusal =
  | 'media_type'
  | 'media_too_large'
  | 'image_unreadable'
  | 'image_too_many_pixels'
  | 'required';

/** Checks `bytes` by content and makes what is stored of it; refuses with {@link MediaRefused}. */
export async function prepareMedia(bytes: Uint8Array): Promise<PreparedMedia> {
  const checked = await inspectUpload(bytes, {
    maxBytes: MAX_FILE_BYTES,
    allowed: [...IMAGE_TYPES, ...FILE_TYPES],
  });
  if (!checked.ok) {
    if (checked.reason === 'too_large') throw tooLarge(MAX_FILE_BYTES);
    if (checked.reason === 'empty') throw new MediaRefused('required');
    throw new MediaRefused('media_type', { detected: checked.detected ?? 'unknown' });
  }
  if (!IMAGE_TYPES.includes(checked.mime)) {
    return {
      kind: 'file',
      mime: checked.mime,
      ext: checked.ext,
      bytes,
      width: null,
      height: null,
      variants: [],
    };
  }
  if (bytes.byteLength > MAX_IMAGE_BYTES) throw tooLarge(MAX_IMAGE_BYTES);
  try {
    const image = await normalizeImage(bytes);
    return {
      kind: 'image',
      mime: image.mime,
      ext: image.mime.slice('image/'.length).replace('jpeg', 'jpg'),
      bytes: image.bytes,
      width: image.width,
      height: image.height,
      variants: await imageVariants(image.bytes, image.width),
    };
  } catch (error) {
    if (error instanceof ImageRejectedError) {
      throw new MediaRefused(
        error.reason === 'too_many_pixels' ? 'image_too_many_pixels' : 'image_unreadable',
      );
    }
    throw error;
  }
}

/** WebP copies of an (already clean) image at each variant width narrower than it, narrowest first. */
export async function imageVariants(bytes: Uint8Array, width: number): Promise<PreparedVariant[]> {
  const out: PreparedVariant[] = [];
  for (const w of VARIANT_WIDTHS.filter((v) => v < width)) {
    const { data, info } = await sharp(bytes)
      .resize({ width: w })
      .webp({ quality: VARIANT_QUALITY })
      .toBuffer({ resolveWithObject: true });
    out.push({ width: info.width, height: info.height, bytes: data });
  }
  return out;
}

/**
 * Writes a prepared upload's file and variants to storage, each key pushed to `stored` as it is
 * written (storage is not transactional: the caller removes them if what follows fails).
 */
export async function storePrepared(
  files: FileStorage,
  tenantId: string,
  prepared: PreparedMedia,
  stored: string[],
): Promise<{ fileKey: string; variants: Variant[] }> {
  const put = async (data: Uint8Array, ext: string, mime: string) => {
    const key = newFileKey(tenantId, ext);
    stored.push(key);
    await files.put(key, data, mime);
    return key;
  };
  const fileKey = await put(prepared.bytes, prepared.ext, prepared.mime);
  const variants: Variant[] = [];
  for (const v of prepared.variants) {
    variants.push({
      width: v.width,
      height: v.height,
      mime: 'image/webp',
      key: await put(v.bytes, 'webp', 'image/webp'),
    });
  }
  return { fileKey, variants };
}

function tooLarge(limit: number): MediaRefused {
  return new MediaRefused('media_too_large', { limit: Math.round(limit / 1024 / 1024) });
}
