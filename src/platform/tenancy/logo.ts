/**
 * The tenant's logo, uploaded rather than linked: a PNG, JPEG or WebP (decided by its content),
 * decoded and re-encoded at most LOGO_MAX_PIXELS on its longest side so that nothing but pixels is
 * kept, stored through the files kernel, and served at `/t/<slug>/api/v1/branding/logo/<file>` —
 * the address the tenant's branding then names. An SVG is refused with its own message: an SVG is a
 * document that can carry script and outside references, and a raster logo is all a header needs.
 * Only the tenant's current logo is served from that address, never another of its stored files.
 */
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { AppError } from '../errors.ts';
import { ImageRejectedError, inspectUpload, normalizeImage } from '../files/inspect.ts';
import { newFileKey } from '../files/storage.ts';
import { fileAnswer } from '../http/answers.ts';
import { actorOf } from '../http/auth-hooks.ts';
import { readUpload } from '../http/uploads.ts';
import type { Platform } from '../platform.ts';
import { updateTenantSettings } from './service.ts';

/** The largest logo file accepted. */
export const LOGO_MAX_BYTES = 2 * 1024 * 1024;
/** The longest side of the stored logo, in pixels (a header shows it at 28–32 px, twice for sharp screens). */
export const LOGO_MAX_PIXELS = 512;
const LOGO_TYPES = ['image/png', 'image/jpeg', 'image/webp'];

/** A served logo's file name: `<yyyy>-<mm>-<id>.<ext>`, the storage key's parts after the tenant. */
const FILE =
  /^(\d{4})-(\d{2})-([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.(png|jpg|webp)$/;

/** Whether the bytes are an SVG document (text, maybe after a BOM, an XML prolog or comments). */
function looksLikeSvg(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.subarray(0, 4096)).toString('utf8');
  return /^\uFEFF?\s*(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*|<!DOCTYPE[^>]*>\s*)*<svg[\s>]/i.test(head);
}

function refuse(code: 'logo_svg' | 'logo_type' | 'logo_size'): AppError {
  const status = code === 'logo_size' ? 'payload_too_large' : 'unsupported_media_type';
  return new AppError(status, {
    fields: [{ path: '/body/file', code, params: { limit: `${LOGO_MAX_BYTES / 1024 / 1024} MB` } }],
  });
}

/** Checks and re-encodes a logo; the bytes to store with their type and extension. */
export async function cleanLogo(bytes: Uint8Array) {
  if (bytes.byteLength > LOGO_MAX_BYTES) throw refuse('logo_size');
  if (looksLikeSvg(bytes)) throw refuse('logo_svg');
  const checked = await inspectUpload(bytes, { maxBytes: LOGO_MAX_BYTES, allowed: LOGO_TYPES });
  if (!checked.ok) throw refuse('logo_type');
  try {
    const image = await normalizeImage(bytes, { maxDimension: LOGO_MAX_PIXELS });
    return {
      bytes: image.bytes,
      mime: image.mime,
      ext: image.mime === 'image/jpeg' ? 'jpg' : image.mime.slice(6),
    };
  } catch (error) {
    if (error instanceof ImageRejectedError) throw refuse('logo_type');
    throw error;
  }
}

/** The storage key of a served file name of the tenant, or null when the name is not one. */
function keyOf(tenantId: string, file: string): string | null {
  const m = FILE.exec(file);
  return m ? `${tenantId}/${m[1]}/${m[2]}/${m[3]}.${m[4]}` : null;
}

/** The served file name of a storage key (`<tenant>/<yyyy>/<mm>/<id>.<ext>`). */
function fileOf(key: string): string {
  const [, yyyy, mm, name] = key.split('/');
  return `${yyyy}-${mm}-${name}`;
}

export function logoRoutes(app: FastifyInstance, platform: Platform) {
  app.put(
    '/api/v1/branding/logo',
    {
      schema: {
        tags: ['tenants'],
        summary: 'Upload the tenant’s logo (multipart field "file")',
        description:
          `A PNG, JPEG or WebP image of at most ${LOGO_MAX_BYTES / 1024 / 1024} MB, recognised by its ` +
          `content. It is re-encoded (at most ${LOGO_MAX_PIXELS} px on its longest side, no metadata), ` +
          'stored, and the branding’s `logoUrl` then names it. 415 with the field `file` for an SVG ' +
          '(`logo_svg`: send a PNG) or anything else that is not such an image (`logo_type`); 413 ' +
          'above the size limit. Nothing changes on a refusal.',
        consumes: ['multipart/form-data'],
        response: {
          200: Type.Object(
            {
              logoUrl: Type.String({ description: 'The address of the new logo, as the branding names it' }),
            },
            {
              examples: [
                {
                  logoUrl:
                    '/t/kota-bogor/api/v1/branding/logo/2026-12-019aa0c4-3a52-7c1e-9f3b-5d2f1c0e8a11.png',
                },
              ],
            },
          ),
        },
      },
      config: { permission: 'platform.tenant.configure' },
    },
    async (request) => {
      const tenant = request.tenant!;
      const logo = await cleanLogo(await readUpload(request, 'file'));
      // Written before the row: a failure leaves an unlinked file, never a link to nothing.
      const key = newFileKey(tenant.id, logo.ext);
      await platform.files.put(key, logo.bytes, logo.mime);
      const previous = tenant.branding.logoUrl;
      const logoUrl = `/t/${tenant.slug}/api/v1/branding/logo/${fileOf(key)}`;
      await updateTenantSettings(
        platform.database.db,
        tenant.id,
        { branding: { ...tenant.branding, logoUrl } },
        actorOf(request),
        platform.config.baseDomain,
      );
      await platform.directoryChanged();
      // The logo it replaces, if it was an uploaded one, is not served any more: remove its file.
      const old = previous?.startsWith(`/t/${tenant.slug}/api/v1/branding/logo/`)
        ? keyOf(tenant.id, previous.split('/').pop() ?? '')
        : null;
      if (old) await platform.files.delete(old).catch(() => undefined);
      return { logoUrl };
    },
  );

  app.get<{ Params: { file: string } }>(
    '/api/v1/branding/logo/:file',
    {
      schema: {
        tags: ['tenants'],
        summary: 'The tenant’s uploaded logo',
        description:
          'The image the branding’s `logoUrl` names; 404 for any other name (an earlier logo, or ' +
          'another file). Cached for a year: a new logo gets a new name.',
        params: Type.Object({ file: Type.String({ maxLength: 80 }) }),
        response: { 200: fileAnswer('The logo', ['image/png', 'image/jpeg', 'image/webp']) },
      },
    },
    async (request, reply) => {
      const tenant = request.tenant!;
      const current = tenant.branding.logoUrl;
      const key = keyOf(tenant.id, request.params.file);
      const file =
        key && current === `/t/${tenant.slug}/api/v1/branding/logo/${request.params.file}`
          ? await platform.files.get(key)
          : null;
      if (!file) throw new AppError('not_found', { params: { entity: 'logo' } });
      reply.header('cache-control', 'public, max-age=31536000, immutable');
      reply.header('x-content-type-options', 'nosniff');
      return reply.type(file.contentType).send(Buffer.from(file.body));
    },
  );
}
