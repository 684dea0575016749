/**
 * A site's media library for its writers: upload (multipart: `file`, and `alt` for an image,
 * `caption`), list, describe again, remove. Citizens read the files at the site's address
 * (portal/site-media.ts).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { type Static, Type } from 'typebox';
import { AppError, invalid, noContent, type Platform } from '../../../platform/sdk/index.ts';
import { PERM } from '../permissions.ts';
import { Media, MediaList, SiteParams, Slug } from '../schemas.ts';
import {
  changeMedia,
  mediaOfSite,
  prepareUpload,
  removeMedia,
  type UploadForm,
  uploadMedia,
} from '../services/media.ts';
import { MAX_FILE_BYTES } from '../services/media-files.ts';
import { BASE, inTenantAs, tags } from './api.ts';

const MediaParams = Type.Object({ site: Slug, id: Type.String({ format: 'uuid' }) });
const MediaQuery = Type.Object(
  {
    kind: Type.Optional(Type.Enum(['image', 'file'] as const)),
    after: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
  },
  { additionalProperties: false },
);
const MediaPatch = Type.Object(
  {
    alt: Type.Optional(Type.String({ maxLength: 500 })),
    caption: Type.Optional(Type.Union([Type.String({ maxLength: 1000 }), Type.Null()])),
    fileName: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  },
  {
    additionalProperties: false,
    minProperties: 1,
    examples: [{ alt: 'Petugas posyandu menimbang balita di Kelurahan Sukasari', caption: null }],
  },
);

const MEDIA = `${BASE}/sites/:site/media`;
const TEXT_FIELDS = new Set(['alt', 'caption']);

/**
 * The upload's bytes and text fields, in any order. A file over the limit is a 413 (so is a second
 * file or a sixth field: the multipart plugin's limits); an unknown field a 400 naming it; a broken
 * body a 400.
 */
async function readMediaForm(request: FastifyRequest): Promise<{ bytes: Buffer; form: UploadForm }> {
  if (!request.isMultipart()) throw new AppError('unsupported_media_type');
  const fields: Record<string, string> = {};
  let file: { bytes: Buffer; name: string } | undefined;
  try {
    for await (const part of request.parts({ limits: { fileSize: MAX_FILE_BYTES, files: 1, fields: 5 } })) {
      if (part.type === 'file') {
        if (part.fieldname !== 'file')
          throw invalid({ path: `/body/${part.fieldname}`, code: 'additionalProperties' });
        file = { bytes: await part.toBuffer(), name: part.filename };
      } else {
        if (!TEXT_FIELDS.has(part.fieldname)) {
          throw invalid({ path: `/body/${part.fieldname}`, code: 'additionalProperties' });
        }
        const value = String(part.value ?? '');
        const limit = part.fieldname === 'alt' ? 500 : 1000;
        if (value.length > limit)
          throw invalid({ path: `/body/${part.fieldname}`, code: 'maxLength', params: { limit } });
        fields[part.fieldname] = value;
      }
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') {
      throw new AppError('payload_too_large', {
        fields: [
          { path: '/body/file', code: 'media_too_large', params: { limit: MAX_FILE_BYTES / 1024 / 1024 } },
        ],
      });
    }
    if ((error as { statusCode?: number }).statusCode) throw error;
    throw new AppError('bad_request', { params: { reason: 'multipart' }, cause: error });
  }
  if (!file || file.bytes.length === 0) throw invalid({ path: '/body/file', code: 'required' });
  return { bytes: file.bytes, form: { fileName: file.name, alt: fields.alt, caption: fields.caption } };
}

export function mediaRoutes(app: FastifyInstance, platform: Platform) {
  const act = inTenantAs(platform);
  const write = { permission: PERM.write, agencyScoped: true };

  app.post<{ Params: Static<typeof SiteParams> }>(
    MEDIA,
    {
      schema: {
        tags,
        summary: "Upload to a website's media",
        description:
          "Uploads an image (JPEG, PNG, WebP, GIF, AVIF or HEIC, up to 20 MB) or a document (PDF, Word, Excel, PowerPoint, OpenDocument, up to 50 MB) as the multipart file `file`, its type decided by its content. An image needs its alternative text `alt` (what it shows, for those who cannot see it); it is re-encoded without its metadata (no GPS position) and resized into WebP variants 320–1920 px wide for `srcset`. `caption` is optional. Writers of the site's agency.",
        params: SiteParams,
        consumes: ['multipart/form-data'],
        body: {
          content: {
            'multipart/form-data': {
              schema: {
                description: 'The file `file`; `alt` (required for an image) and `caption` as text fields',
              },
            },
          },
        },
        response: { 201: Media },
      },
      config: write,
    },
    async (request, reply) => {
      const { bytes, form } = await readMediaForm(request);
      // Resizing a large image takes seconds: not while holding a transaction (on PGlite, the one
      // connection every request waits for).
      const prepared = await prepareUpload(bytes, form);
      const stored: string[] = [];
      try {
        const media = await act(request, (scope, access, base) =>
          uploadMedia(
            scope,
            { files: platform.files, stored },
            request.params.site,
            prepared,
            form,
            access,
            base,
          ),
        );
        return reply.status(201).send(media);
      } catch (error) {
        // Nothing half-written: the files stored before a refusal or a failed transaction go.
        await Promise.all(stored.map((key) => platform.files.delete(key).catch(() => undefined)));
        throw error;
      }
    },
  );

  app.get<{ Params: Static<typeof SiteParams>; Querystring: Static<typeof MediaQuery> }>(
    MEDIA,
    {
      schema: {
        tags,
        summary: "A website's media",
        description:
          "The site's uploaded images and documents, newest first, with their public addresses and variants; `kind` filters, `after` (the answer's `next`) pages. Writers of the site's agency.",
        params: SiteParams,
        querystring: MediaQuery,
        response: { 200: MediaList },
      },
      config: write,
    },
    (request) =>
      act(request, (scope, access, base) =>
        mediaOfSite(scope, request.params.site, request.query, access, base),
      ),
  );

  app.patch<{ Params: Static<typeof MediaParams>; Body: Static<typeof MediaPatch> }>(
    `${MEDIA}/:id`,
    {
      schema: {
        tags,
        summary: 'Describe a media item again',
        description:
          "Changes an item's alternative text (an image's cannot be emptied), caption or download name. Posts that show the image keep the alternative text they were written with. Writers of the site's agency.",
        params: MediaParams,
        body: MediaPatch,
        response: { 200: Media },
      },
      config: write,
    },
    (request) =>
      act(request, (scope, access, base) =>
        changeMedia(scope, request.params.site, request.params.id, request.body, access, base),
      ),
  );

  app.delete<{ Params: Static<typeof MediaParams> }>(
    `${MEDIA}/:id`,
    {
      schema: {
        tags,
        summary: 'Remove a media item',
        description:
          "Removes an image or document and its files, when no post's current text uses it (as featured image, document, gallery item or in its body); otherwise a 409 naming the posts. Writers of the site's agency.",
        params: MediaParams,
        response: { 204: noContent('Removed') },
      },
      config: write,
    },
    async (request, reply) => {
      const keys = await act(request, (scope, access) =>
        removeMedia(scope, request.params.site, request.params.id, access),
      );
      // After the commit: a failed transaction must not lose the files of a row that stays.
      await Promise.all(keys.map((key) => platform.files.delete(key).catch(() => undefined)));
      return reply.status(204).send();
    },
  );
}
