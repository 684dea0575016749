/**
 * A site's media library: uploads by the site's writers (an image with its alternative text,
 * resized into variants; a document as sent), listed newest first, described again, removed when
 * no post uses them; and a file served to citizens at the site's address.
 */
import {
  type AgencyAccess,
  AppError,
  type FileStorage,
  invalid,
  newId,
  notFound,
  recordAudit,
  type TenantScope,
} from '../../../platform/sdk/index.ts';
import {
  deleteMedia,
  findMedia,
  insertMediaItem,
  listMedia,
  type MediaRow,
  mediaUses,
  updateMedia,
} from '../repo/media.ts';
import type { MediaType } from '../schemas.ts';
import { decodeCursor, encodeCursor } from './cursor.ts';
import { MediaRefused, type PreparedMedia, prepareMedia, storePrepared } from './media-files.ts';
import { invalidateSite } from './public-site.ts';
import { siteBySlug, siteForStaff, sitePath } from './sites.ts';

const PAGE = 50;

/** The API's view of a media item, with the addresses citizens read it at. */
export function mediaView(row: MediaRow, siteSlug: string, portalBase: string): MediaType {
  const url = `${portalBase}${sitePath(siteSlug)}/media/${row.id}`;
  return {
    id: row.id,
    kind: row.kind,
    fileName: row.file_name,
    mime: row.mime,
    size: row.size,
    width: row.width,
    height: row.height,
    alt: row.alt,
    caption: row.caption,
    url,
    variants: [...row.variants]
      .sort((a, b) => a.width - b.width)
      .map((v) => ({ width: v.width, url: `${url}/${v.width}` })),
    createdAt: new Date(row.created_at).toISOString(),
  };
}

/** What an upload carries besides its bytes. */
export type UploadForm = { fileName: string; alt?: string; caption?: string };

/**
 * Checks an upload and makes what is stored of it (an image's clean copy and variants): the slow
 * part, done before any transaction opens. A refusal is the API's error, nothing written; an image
 * without alternative text is refused here too.
 */
export async function prepareUpload(bytes: Uint8Array, form: UploadForm): Promise<PreparedMedia> {
  let prepared: PreparedMedia;
  try {
    prepared = await prepareMedia(bytes);
  } catch (error) {
    if (!(error instanceof MediaRefused)) throw error;
    const field = { path: '/body/file', code: error.code, params: error.params };
    if (error.code === 'media_too_large') throw new AppError('payload_too_large', { fields: [field] });
    if (error.code === 'media_type') throw new AppError('unsupported_media_type', { fields: [field] });
    throw invalid(field);
  }
  if (prepared.kind === 'image' && !form.alt?.trim())
    throw invalid({ path: '/body/alt', code: 'alt_required' });
  return prepared;
}

/**
 * Stores a prepared upload in the site's media and records it. The files are written before the
 * row (storage is not transactional): `stored` collects their keys, for the caller to remove if the
 * transaction fails.
 */
export async function uploadMedia(
  scope: TenantScope,
  io: { files: FileStorage; stored: string[] },
  siteSlug: string,
  prepared: PreparedMedia,
  form: UploadForm,
  access: AgencyAccess,
  portalBase: string,
): Promise<MediaType> {
  const site = await siteForStaff(scope, siteSlug, access);
  const alt = form.alt?.trim() || null;
  const { fileKey, variants } = await storePrepared(io.files, scope.tenantId, prepared, io.stored);
  const row = await insertMediaItem(scope, {
    id: newId(),
    site_id: site.id,
    kind: prepared.kind,
    file_key: fileKey,
    file_name: cleanFileName(form.fileName, prepared.ext),
    mime: prepared.mime,
    size: prepared.bytes.byteLength,
    width: prepared.width,
    height: prepared.height,
    alt: prepared.kind === 'image' ? alt : null,
    caption: form.caption?.trim() || null,
    variants,
    uploaded_by: scope.actor.userId,
  });
  await recordAudit(scope, {
    action: 'websites.media.upload',
    entityType: 'websites.media',
    entityId: row.id,
    after: {
      site: site.slug,
      kind: row.kind,
      fileName: row.file_name,
      size: row.size,
      variants: variants.length,
    },
  });
  return mediaView(row, site.slug, portalBase);
}

/**
 * The name a download is offered under: the uploader's, without any folder part or control
 * character, ending in the extension of the detected type (a PDF sent as `a.exe` downloads as
 * `a.exe.pdf`).
 */
export function cleanFileName(name: string, ext: string): string {
  const base = (name.split(/[\\/]/).pop() ?? '')
    .replace(/[\p{Cc}\p{Cf}"]/gu, '')
    .trim()
    .slice(0, 200);
  const stem = base || 'berkas';
  return stem.toLowerCase().endsWith(`.${ext}`) ? stem : `${stem}.${ext}`;
}

const cursorOf = (row: MediaRow) => encodeCursor(row.created_at, row.id);

/** A page of the site's media for its staff, newest first. */
export async function mediaOfSite(
  scope: TenantScope,
  siteSlug: string,
  query: { kind?: 'image' | 'file'; after?: string; limit?: number },
  access: AgencyAccess,
  portalBase: string,
): Promise<{ items: MediaType[]; next: string | null }> {
  const site = await siteForStaff(scope, siteSlug, access);
  const limit = query.limit ?? PAGE;
  const rows = await listMedia(scope, site.id, {
    kind: query.kind,
    after: decodeCursor(query.after),
    limit: limit + 1,
  });
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    items: page.map((r) => mediaView(r, site.slug, portalBase)),
    next: rows.length > limit && last ? cursorOf(last) : null,
  };
}

async function mediaForStaff(scope: TenantScope, siteSlug: string, id: string, access: AgencyAccess) {
  const site = await siteForStaff(scope, siteSlug, access);
  const row = await findMedia(scope, site.id, id);
  if (!row) throw notFound('media');
  return { site, row };
}

/** Describes a media item again: its alternative text (never emptied for an image), caption, name. */
export async function changeMedia(
  scope: TenantScope,
  siteSlug: string,
  id: string,
  patch: { alt?: string; caption?: string | null; fileName?: string },
  access: AgencyAccess,
  portalBase: string,
): Promise<MediaType> {
  const { site, row } = await mediaForStaff(scope, siteSlug, id, access);
  const alt = patch.alt === undefined ? undefined : patch.alt.trim();
  if (alt !== undefined && !alt && row.kind === 'image')
    throw invalid({ path: '/body/alt', code: 'alt_required' });
  const fileName =
    patch.fileName === undefined
      ? undefined
      : cleanFileName(patch.fileName, row.file_name.split('.').pop() ?? '');
  const changed = await updateMedia(scope, row.id, {
    ...(alt !== undefined ? { alt: alt || null } : {}),
    ...(patch.caption !== undefined ? { caption: patch.caption?.trim() || null } : {}),
    ...(fileName !== undefined ? { file_name: fileName } : {}),
  });
  await recordAudit(scope, {
    action: 'websites.media.change',
    entityType: 'websites.media',
    entityId: row.id,
    before: { alt: row.alt, caption: row.caption, fileName: row.file_name },
    after: { alt: changed.alt, caption: changed.caption, fileName: changed.file_name },
  });
  // Pages show a gallery's captions and a document's name from the media row.
  await invalidateSite(scope, site.id);
  return mediaView(changed, site.slug, portalBase);
}

/**
 * Removes a media item no post uses (a used one is a 409 naming the posts); returns the keys of its
 * files, for the caller to delete once the transaction has committed.
 */
export async function removeMedia(
  scope: TenantScope,
  siteSlug: string,
  id: string,
  access: AgencyAccess,
): Promise<string[]> {
  const { site, row } = await mediaForStaff(scope, siteSlug, id, access);
  const keys = [row.file_key, ...row.variants.map((v) => v.key)];
  if (site.logo_key && keys.includes(site.logo_key))
    throw new AppError('conflict', { detailKey: 'media_is_logo' });
  const uses = await mediaUses(scope, site.id, row.id);
  if (uses.length > 0) {
    throw new AppError('conflict', { detailKey: 'media_in_use', params: { posts: uses.join('; ') } });
  }
  await deleteMedia(scope, row.id);
  await recordAudit(scope, {
    action: 'websites.media.delete',
    entityType: 'websites.media',
    entityId: row.id,
    before: { site: site.slug, kind: row.kind, fileName: row.file_name },
  });
  await invalidateSite(scope, site.id);
  return keys;
}

/**
 * The file citizens read at `<site>/media/<id>[/<width>]`: the item itself, or one of its variants
 * by width (any other width is a 404).
 */
export async function publicMediaFile(
  scope: TenantScope,
  siteSlug: string,
  id: string,
  width: number | undefined,
): Promise<{ key: string; mime: string; fileName: string; kind: 'image' | 'file' }> {
  const site = await siteBySlug(scope, siteSlug);
  const row = await findMedia(scope, site.id, id);
  if (!row) throw notFound('media');
  if (width === undefined)
    return { key: row.file_key, mime: row.mime, fileName: row.file_name, kind: row.kind };
  const variant = row.variants.find((v) => v.width === width);
  if (!variant) throw notFound('media');
  return { key: variant.key, mime: variant.mime, fileName: row.file_name, kind: row.kind };
}
