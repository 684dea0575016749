/**
 * A report's photos (location metadata removed): a public step's photo of a public report for
 * anyone, cached by anyone; another for the readers of its step (staff of the report, the reporter
 * by account or secret), cached by none but theirs.
 */
import type { FastifyInstance } from 'fastify';
import { actorOf, fileAnswer, type Platform } from '../../../platform/sdk/index.ts';
import { PERM } from '../permissions.ts';
import { PhotoParams } from '../schemas.ts';
import { photoOf } from '../services/detail.ts';
import { agenciesWith, ReporterHeaders, secretOf, whoAll } from './caller.ts';

const tags = ['reports'];

/** GET /api/v1/reports/:id/photos/:photoId. */
export function photoRoute(app: FastifyInstance, platform: Platform) {
  app.get<{ Params: { id: string; photoId: string } }>(
    '/api/v1/reports/:id/photos/:photoId',
    {
      schema: {
        tags,
        description:
          'The image file of one photo of a report (its location metadata removed when it was filed).',
        summary:
          'A photo of a report (location metadata removed): public if its step is; otherwise for staff and the reporter (account or `x-report-secret`)',
        response: { 200: fileAnswer('The image', ['image/jpeg', 'image/png', 'image/webp']) },
        params: PhotoParams,
        headers: ReporterHeaders,
      },
      config: { auth: 'optional' },
    },
    async (request, reply) => {
      const tenant = request.tenant!;
      const photo = await platform.inTenantRead(tenant.id, actorOf(request), async (scope) => {
        const who = await whoAll(platform, scope, request, secretOf(request));
        const readers = request.principal
          ? await agenciesWith(platform, scope, request.principal, PERM.read)
          : [];
        return photoOf(platform, scope, request.params.id, request.params.photoId, who, (agencyId) =>
          readers === null ? true : agencyId !== null && readers.includes(agencyId),
        );
      });
      // By the photo, not the caller: a private one never lands in a shared cache.
      reply.header('cache-control', photo.public ? 'public, max-age=86400' : 'private, max-age=300');
      reply.header('x-content-type-options', 'nosniff');
      return reply.type(photo.mime).send(Buffer.from(photo.body));
    },
  );
}
