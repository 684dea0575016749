/** A report's photos (location metadata removed): public ones cached by anyone, the rest for staff. */
import type { FastifyInstance } from 'fastify';
import { actorOf, type Platform } from '../../../platform/sdk/index.ts';
import { PERM } from '../permissions.ts';
import { PhotoParams } from '../schemas.ts';
import { photoOf } from '../services/detail.ts';

const tags = ['reports'];

/** GET /api/v1/reports/:id/photos/:photoId. */
export function photoRoute(app: FastifyInstance, platform: Platform) {
  app.get<{ Params: { id: string; photoId: string } }>(
    '/api/v1/reports/:id/photos/:photoId',
    {
      schema: { tags, summary: 'A photo of a report (location metadata removed)', params: PhotoParams },
      config: { auth: 'optional' },
    },
    async (request, reply) => {
      const tenant = request.tenant!;
      const staff = request.principal
        ? platform.permissions.allowsSomewhere(request.principal.grants, PERM.read)
        : false;
      const photo = await platform.inTenant(tenant.id, actorOf(request), (scope) =>
        photoOf(platform, scope, request.params.id, request.params.photoId, staff),
      );
      reply.header('cache-control', staff ? 'private, max-age=300' : 'public, max-age=86400');
      reply.header('x-content-type-options', 'nosniff');
      return reply.type(photo.mime).send(Buffer.from(photo.body));
    },
  );
}
