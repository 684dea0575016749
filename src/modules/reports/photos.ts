/**
 * Photos of a report: read from a multipart request, checked by content, re-encoded so that no
 * location or camera metadata survives, and stored before the database transaction (a failed
 * transaction removes them again).
 */
import { createHash } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import {
  AppError,
  type FileStorage,
  ImageRejectedError,
  inspectUpload,
  invalid,
  newFileKey,
  normalizeImage,
  type Platform,
} from '../../platform/sdk/index.ts';

export const MAX_PHOTOS = 5;
export const MAX_PHOTO_BYTES = 10 * 1024 * 1024;
const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/heic', 'image/heif', 'image/avif'];

export type StoredPhoto = Readonly<{
  key: string;
  mime: string;
  width: number;
  height: number;
  bytes: number;
  sha256: string;
}>;

export type ReportForm = { fields: Record<string, string>; files: Buffer[] };

/**
 * Reads a multipart form: its text fields and up to `MAX_PHOTOS` files under the field `photo`.
 * A broken body is a 400; a file over the size limit is a 413 (the multipart plugin's limit).
 */
export async function readForm(request: FastifyRequest): Promise<ReportForm> {
  const fields: Record<string, string> = {};
  const files: Buffer[] = [];
  try {
    for await (const part of request.parts()) {
      if (part.type === 'file') {
        if (part.fieldname !== 'photo')
          throw invalid({ path: `/body/${part.fieldname}`, code: 'additionalProperties' });
        const bytes = await part.toBuffer();
        // A browser sends an empty part (no name, no bytes) for a file box left empty.
        if (bytes.length === 0 && !part.filename) continue;
        if (files.length >= MAX_PHOTOS) {
          throw invalid({ path: '/body/photo', code: 'maxItems', params: { limit: MAX_PHOTOS } });
        }
        files.push(bytes);
      } else if (typeof part.value === 'string') {
        fields[part.fieldname] = part.value;
      }
    }
  } catch (error) {
    if (error instanceof AppError || (error as { statusCode?: number }).statusCode) throw error;
    throw new AppError('bad_request', { params: { reason: 'multipart' }, cause: error });
  }
  return { fields, files };
}

/** Checks, cleans and stores each photo; on any refusal, nothing stays stored. */
export async function storePhotos(
  storage: FileStorage,
  tenantId: string,
  files: readonly Buffer[],
): Promise<StoredPhoto[]> {
  const stored: StoredPhoto[] = [];
  try {
    for (const [i, bytes] of files.entries()) {
      const path = `/body/photo/${i}`;
      const checked = await inspectUpload(bytes, { maxBytes: MAX_PHOTO_BYTES, allowed: PHOTO_TYPES });
      if (!checked.ok) {
        if (checked.reason === 'too_large') throw new AppError('payload_too_large');
        throw new AppError('unsupported_media_type', {
          fields: [{ path, code: 'image_type', params: { detected: checked.detected ?? 'unknown' } }],
        });
      }
      let image: Awaited<ReturnType<typeof normalizeImage>>;
      try {
        image = await normalizeImage(bytes, { maxDimension: 1600 });
      } catch (error) {
        if (error instanceof ImageRejectedError) {
          throw new AppError(
            error.reason === 'too_many_pixels' ? 'payload_too_large' : 'unsupported_media_type',
            {
              fields: [
                { path, code: error.reason === 'too_many_pixels' ? 'image_pixels' : 'image_unreadable' },
              ],
              cause: error,
            },
          );
        }
        throw error;
      }
      const ext = image.mime === 'image/png' ? 'png' : image.mime === 'image/webp' ? 'webp' : 'jpg';
      const key = newFileKey(tenantId, ext);
      await storage.put(key, image.bytes, image.mime);
      stored.push({
        key,
        mime: image.mime,
        width: image.width,
        height: image.height,
        bytes: image.bytes.byteLength,
        sha256: createHash('sha256').update(bytes).digest('hex'),
      });
    }
  } catch (error) {
    await removePhotos(storage, stored);
    throw error;
  }
  return stored;
}

/** Removes stored photos whose transaction did not commit (or that a replay did not need). */
export async function removePhotos(storage: FileStorage, photos: readonly StoredPhoto[]): Promise<void> {
  for (const p of photos) await storage.delete(p.key).catch(() => undefined);
}

/** Stores the photos, runs `fn`, and removes them again when it fails (or replays an earlier filing). */
export async function withPhotos<T extends { replayed?: boolean }>(
  platform: Platform,
  tenantId: string,
  files: readonly Buffer[],
  fn: (photos: StoredPhoto[]) => Promise<T>,
): Promise<T> {
  const photos = await storePhotos(platform.files, tenantId, files);
  try {
    const result = await fn(photos);
    if (result.replayed) await removePhotos(platform.files, photos);
    return result;
  } catch (error) {
    await removePhotos(platform.files, photos);
    throw error;
  }
}
