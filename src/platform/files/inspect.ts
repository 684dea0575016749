/**
 * Checking and cleaning uploads before they are stored. The type of an upload is decided by its
 * content (magic bytes), never by the file name or the declared Content-Type; images are decoded and
 * re-encoded so that nothing but pixels survives (no EXIF/GPS, XMP, ICC, comments, trailing data).
 */
import { fileTypeFromBuffer } from 'file-type';
import sharp, { type Metadata } from 'sharp';

/** The image types {@link normalizeImage} re-encodes to (and that uploads of photos should allow). */
export const IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;

/** One of {@link IMAGE_TYPES}. */
export type ImageType = (typeof IMAGE_TYPES)[number];

/** What an upload may be: a size cap in bytes and the MIME types accepted (as detected by content). */
export type UploadPolicy = { maxBytes: number; allowed: readonly string[] };

/** Why an upload was refused by {@link inspectUpload}. */
export type UploadRejection = 'too_large' | 'empty' | 'unknown_type' | 'type_not_allowed';

/** The verdict of {@link inspectUpload}: the detected type, or the reason for refusal. */
export type UploadInspection =
  | { ok: true; mime: string; ext: string }
  | { ok: false; reason: UploadRejection; detected?: string };

/**
 * Decides whether `bytes` is acceptable under `policy`. In order: `too_large` (length only, the
 * content is not read), `empty`, then the type is detected from the content with `file-type`:
 * `unknown_type` when it has no recognisable signature (plain text, CSV, garbage),
 * `type_not_allowed` (with `detected`) when it is recognised but not in `policy.allowed`. On success
 * `mime` and `ext` (e.g. `image/jpeg`, `jpg`) are the detected ones: use them, not the client's.
 */
export async function inspectUpload(bytes: Uint8Array, policy: UploadPolicy): Promise<UploadInspection> {
  if (bytes.byteLength > policy.maxBytes) return { ok: false, reason: 'too_large' };
  if (bytes.byteLength === 0) return { ok: false, reason: 'empty' };
  const type = await fileTypeFromBuffer(bytes);
  if (type === undefined) return { ok: false, reason: 'unknown_type' };
  if (!policy.allowed.includes(type.mime)) {
    return { ok: false, reason: 'type_not_allowed', detected: type.mime };
  }
  return { ok: true, mime: type.mime, ext: type.ext };
}

/** Why {@link normalizeImage} refused an image. */
export type ImageRejection = 'unreadable' | 'too_many_pixels';

/**
 * An image {@link normalizeImage} will not process. `unreadable`: not a decodable raster image
 * (garbage, truncated, corrupt, or a format such as SVG/PDF that is not decoded); `too_many_pixels`:
 * the declared dimensions exceed the pixel limit (decompression-bomb guard). Both are the client's
 * fault: map to 422 / 413 (or 400) rather than 500.
 */
export class ImageRejectedError extends Error {
  /** The machine-readable reason. */
  readonly reason: ImageRejection;

  /**
   * @param reason why the image was refused
   * @param options.cause the underlying sharp error, if any
   */
  constructor(reason: ImageRejection, options?: { cause?: unknown }) {
    super(reason === 'too_many_pixels' ? 'Image has too many pixels' : 'Image cannot be read', options);
    this.name = 'ImageRejectedError';
    this.reason = reason;
  }
}

/** Options of {@link normalizeImage}. */
export type NormalizeOptions = {
  /** Longest side of the output in pixels; smaller images are not enlarged. Default 2048. */
  maxDimension?: number;
  /** Largest input width × height accepted, checked from the header before decoding. Default 40 MP. */
  maxInputPixels?: number;
};

/** A re-encoded image with its type and dimensions. */
export type NormalizedImage = { bytes: Uint8Array; mime: ImageType; width: number; height: number };

/** Default of {@link NormalizeOptions.maxDimension}. */
export const DEFAULT_MAX_DIMENSION = 2048;
/** Default of {@link NormalizeOptions.maxInputPixels}: 40 megapixels (a 48 MP phone sensor bins to 12 MP). */
export const DEFAULT_MAX_INPUT_PIXELS = 40_000_000;

/** JPEG/WebP output quality. */
const QUALITY = 82;

/** Input formats (sharp's names) re-encoded in their own format. */
const KEPT_FORMATS: Partial<Record<string, ImageType>> = {
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
};

/** Input formats (sharp's names) that are decoded; anything else (svg, pdf, raw, ...) is `unreadable`. */
const DECODED_FORMATS = new Set(['jpeg', 'png', 'webp', 'gif', 'tiff', 'heif']);

/**
 * Decodes `bytes`, applies the EXIF orientation, shrinks the image to fit inside
 * `maxDimension`×`maxDimension` (never enlarging) and re-encodes it: JPEG → JPEG (quality 82),
 * PNG → PNG, WebP → WebP; other decodable formats (GIF, TIFF, AVIF/HEIF) → PNG when they have an
 * alpha channel, else JPEG. Only the first frame of an animation is kept.
 *
 * All metadata is dropped (sharp's default; `withMetadata`/`keepExif`/`keepIccProfile` are never
 * called): no EXIF (so no GPS position, camera serial or capture time), no XMP/IPTC, no ICC profile
 * (pixels are converted to sRGB, the implied default). The input is decoded with sharp's strictest
 * setting (`failOn: 'warning'`), so truncated or corrupt files are refused.
 *
 * @throws ImageRejectedError `too_many_pixels` when width × height exceeds `maxInputPixels`,
 *   `unreadable` when the bytes are not a supported, intact raster image.
 */
export async function normalizeImage(
  bytes: Uint8Array,
  opts: NormalizeOptions = {},
): Promise<NormalizedImage> {
  const maxDimension = opts.maxDimension ?? DEFAULT_MAX_DIMENSION;
  const maxPixels = opts.maxInputPixels ?? DEFAULT_MAX_INPUT_PIXELS;
  if (!Number.isInteger(maxDimension) || maxDimension < 1) throw new RangeError('maxDimension must be >= 1');
  if (!Number.isInteger(maxPixels) || maxPixels < 1) throw new RangeError('maxInputPixels must be >= 1');

  const input = { limitInputPixels: maxPixels, failOn: 'warning' } as const;

  // Header only: format and declared dimensions, before any pixel is decoded.
  let meta: Metadata;
  try {
    meta = await sharp(bytes, { ...input, limitInputPixels: false }).metadata();
  } catch (err) {
    throw toRejection(err);
  }
  const width = meta.width ?? 0;
  const height = meta.height ?? 0;
  if (width * height > maxPixels) throw new ImageRejectedError('too_many_pixels');
  if (width < 1 || height < 1 || meta.format === undefined || !DECODED_FORMATS.has(meta.format)) {
    throw new ImageRejectedError('unreadable');
  }

  const mime: ImageType = KEPT_FORMATS[meta.format] ?? (meta.hasAlpha ? 'image/png' : 'image/jpeg');

  let pipeline = sharp(bytes, input)
    .rotate()
    .resize({ width: maxDimension, height: maxDimension, fit: 'inside', withoutEnlargement: true });
  if (mime === 'image/jpeg') pipeline = pipeline.jpeg({ quality: QUALITY });
  else if (mime === 'image/png') pipeline = pipeline.png();
  else pipeline = pipeline.webp({ quality: QUALITY });

  try {
    const { data, info } = await pipeline.toBuffer({ resolveWithObject: true });
    return { bytes: data, mime, width: info.width, height: info.height };
  } catch (err) {
    throw toRejection(err);
  }
}

/** Maps a sharp/libvips failure to an ImageRejectedError (they are all caused by the input). */
function toRejection(err: unknown): ImageRejectedError {
  const message = err instanceof Error ? err.message : String(err);
  const reason = /pixel limit/i.test(message) ? 'too_many_pixels' : 'unreadable';
  return new ImageRejectedError(reason, { cause: err });
}
