/**
 * Photos of a report: read from a multipart request, checked by content, re-encoded so that no
 * location or camera metadata survives, and stored before the database transaction (a failed
 * transaction removes them again).
 */
import { createHash } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import {
  AppError,
  type FieldError,
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
 * A multipart form read to its end whatever its photos: the photos it can take (`files`, with the
 * place each had in the form, `positions`), and the ones it cannot (`refused`: one over the size
 * limit, `/body/photo/<i>` `too_large`; more than `MAX_PHOTOS`, `/body/photo` `maxItems`), so that a
 * form can come back with everything typed and the refusal beside its photo field.
 */
export type ReceivedForm = ReportForm & { positions: number[]; refused: FieldError[] };

/**
 * Reads a multipart form: its text fields and its files under the field `photo`, every part to the
 * end (a refused photo does not lose the fields after it). A broken body is a 400.
 */
export async function receiveForm(request: FastifyRequest): Promise<ReceivedForm> {
  const fields: Record<string, string> = {};
  const files: Buffer[] = [];
  const positions: number[] = [];
  const refused: FieldError[] = [];
  let chosen = 0;
  try {
    // Past the size limit a file is cut short and marked, not thrown: the parts after it are read.
    // (The plugin takes this option in `parts()` too; its types list it for `file()` only.)
    const options = { throwFileSizeLimit: false } as Parameters<FastifyRequest['parts']>[0];
    for await (const part of request.parts(options)) {
      if (part.type === 'file') {
        if (part.fieldname !== 'photo')
          throw invalid({ path: `/body/${part.fieldname}`, code: 'additionalProperties' });
        if (chosen >= MAX_PHOTOS) {
          // Read past, not kept: only the count is told.
          for await (const _ of part.file);
          chosen += 1;
          continue;
        }
        const bytes = await part.toBuffer();
        // A browser sends an empty part (no name, no bytes) for a file box left empty.
        if (bytes.length === 0 && !part.filename) continue;
        if (part.file.truncated) {
          refused.push({
            path: `/body/photo/${chosen}`,
            code: 'too_large',
            params: { n: chosen + 1, limit: MAX_PHOTO_BYTES / 1024 / 1024 },
          });
        } else {
          files.push(bytes);
          positions.push(chosen);
        }
        chosen += 1;
      } else if (typeof part.value === 'string') {
        fields[part.fieldname] = part.value;
      }
    }
  } catch (error) {
    if (error instanceof AppError || (error as { statusCode?: number }).statusCode) throw error;
    throw new AppError('bad_request', { params: { reason: 'multipart' }, cause: error });
  }
  if (chosen > MAX_PHOTOS) {
    refused.push({ path: '/body/photo', code: 'maxItems', params: { limit: MAX_PHOTOS, count: chosen } });
  }
  return { fields, files, positions, refused };
}

/**
 * Reads a multipart form as the API takes it: a photo over the size limit is a 413, more than
 * `MAX_PHOTOS` photos a 400.
 */
export async function readForm(request: FastifyRequest): Promise<ReportForm> {
  const form = await receiveForm(request);
  const tooLarge = form.refused.filter((f) => f.code === 'too_large');
  if (tooLarge.length) throw new AppError('payload_too_large', { fields: tooLarge });
  if (form.refused.length) throw invalid(...form.refused);
  return form;
}

/**
 * The photos of a form that are not images of an accepted type (`image_type`, with the photo's
 * number `n` from 1), checked by content before anything is stored, each at its place in the form.
 */
export async function unacceptedPhotos(form: ReceivedForm): Promise<FieldError[]> {
  const out: FieldError[] = [];
  for (const [i, bytes] of form.files.entries()) {
    const checked = await inspectUpload(bytes, { maxBytes: MAX_PHOTO_BYTES, allowed: PHOTO_TYPES });
    if (checked.ok) continue;
    const at = form.positions[i] ?? i;
    out.push({
      path: `/body/photo/${at}`,
      code: 'image_type',
      params: { n: at + 1, detected: checked.detected ?? 'unknown' },
    });
  }
  return out;
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
          fields: [
            { path, code: 'image_type', params: { n: i + 1, detected: checked.detected ?? 'unknown' } },
          ],
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
                {
                  path,
                  code: error.reason === 'too_many_pixels' ? 'image_pixels' : 'image_unreadable',
                  params: { n: i + 1 },
                },
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
