/**
 * A site's files for citizens: a media item (`/situs/<site>/media/<id>`), one of an image's
 * variants (`…/<width>`), and the site's logo. The bytes at an address never change (a new upload
 * is a new id), so browsers and proxies keep them for a year.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { actorOf, notFound, type Platform } from '../../../platform/sdk/index.ts';
import { publicMediaFile } from '../services/media.ts';
import { siteBySlug } from '../services/sites.ts';

const IMMUTABLE = 'public, max-age=31536000, immutable';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Inline for what a browser shows safely (images, PDF), a download for the rest. */
function disposition(mime: string, fileName: string): string {
  const kind = mime.startsWith('image/') || mime === 'application/pdf' ? 'inline' : 'attachment';
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

async function sendFile(
  platform: Platform,
  reply: FastifyReply,
  found: { key: string; mime?: string; fileName?: string; cache: string },
) {
  const file = await platform.files.get(found.key);
  if (!file) throw notFound('media');
  const mime = found.mime ?? file.contentType;
  reply.header('cache-control', found.cache).header('x-content-type-options', 'nosniff');
  // A file opened in the browser runs nothing and reads nothing of the portal's. Not a PDF:
  // Chromium will not start its PDF viewer in a sandboxed document (and the viewer runs no script
  // of the file's against the portal).
  if (mime !== 'application/pdf') {
    reply.header(
      'content-security-policy',
      "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox",
    );
  }
  if (found.fileName) reply.header('content-disposition', disposition(mime, found.fileName));
  return reply.type(mime).send(Buffer.from(file.body));
}

export function registerSiteMedia(app: FastifyInstance, platform: Platform) {
  const optional = { config: { auth: 'optional' as const } };

  const media = (withWidth: boolean) =>
    app.get<{ Params: { site: string; id: string; width?: string } }>(
      withWidth ? '/situs/:site/media/:id/:width' : '/situs/:site/media/:id',
      optional,
      async (request, reply) => {
        const { site, id, width } = request.params;
        const w = width === undefined ? undefined : /^[1-9]\d{0,4}$/.test(width) ? Number(width) : Number.NaN;
        if (!UUID.test(id) || Number.isNaN(w)) throw notFound('media');
        const found = await platform.inTenantRead(request.tenant!.id, actorOf(request), (scope) =>
          publicMediaFile(scope, site, id, w),
        );
        return sendFile(platform, reply, { ...found, cache: IMMUTABLE });
      },
    );
  media(false);
  media(true);

  app.get<{ Params: { site: string } }>('/situs/:site/logo', optional, async (request, reply) => {
    const row = await platform.inTenantRead(request.tenant!.id, actorOf(request), (scope) =>
      siteBySlug(scope, request.params.site),
    );
    if (!row.logo_key) throw notFound('site');
    // The logo's address stays when the logo changes: kept a short while only.
    return sendFile(platform, reply, { key: row.logo_key, cache: 'public, max-age=300' });
  });
}
