/**
 * What officers and reporters add to a report: the officer's progress with proof photos, the
 * reporter's information (JSON or multipart with photos) and rating.
 */
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { AppError, actorOf, invalid, type Platform } from '../../../platform/sdk/index.ts';
import { PERM } from '../permissions.ts';
import { readForm, withPhotos } from '../photos.ts';
import { IdParams, Rating, type RatingInput } from '../schemas.ts';
import { addInformation, addProgress, rateReport } from '../services/additions.ts';
import { ReporterHeaders, secretOf, whoAll } from './caller.ts';

const tags = ['reports'];

/** POST /api/v1/reports/:id/progress, /info and /rating. */
export function additionRoutes(app: FastifyInstance, platform: Platform) {
  app.post<{ Params: { id: string } }>(
    '/api/v1/reports/:id/progress',
    {
      schema: {
        tags,
        description:
          'An agency officer records progress on a report, with up to five photos as proof (before, during, after). Shown on the report’s history.',
        summary: 'Officer’s progress note with proof photos (multipart: note, kind[], photo[])',
        params: IdParams,
        consumes: ['multipart/form-data', 'application/json'],
        response: { 204: Type.Null() },
      },
      config: { permission: PERM.followUp, agencyScoped: true },
    },
    async (request, reply) => {
      const tenant = request.tenant!;
      const form = request.isMultipart()
        ? await readForm(request)
        : { fields: (request.body ?? {}) as Record<string, string>, files: [] };
      const note = typeof form.fields.note === 'string' ? form.fields.note.trim() : '';
      if (note.length < 1 || note.length > 4000) throw invalid({ path: '/body/note', code: 'required' });
      const kinds = String(form.fields.kind ?? '')
        .split(',')
        .filter(Boolean);
      if (kinds.some((k) => k !== 'before' && k !== 'after' && k !== 'progress')) {
        throw invalid({ path: '/body/kind', code: 'enum', params: { allowed: 'before, after, progress' } });
      }
      await withPhotos(platform, tenant.id, form.files, async (photos) => {
        await platform.inTenant(tenant.id, actorOf(request), async (scope) => {
          const who = (await whoAll(platform, scope, request)).find((w) => w.role === 'agency');
          if (!who) throw new AppError('forbidden');
          await addProgress(
            platform,
            scope,
            tenant,
            request.params.id,
            { note, kinds: kinds as never },
            photos,
            who,
          );
        });
        return {};
      });
      return reply.status(204).send();
    },
  );

  app.post<{ Params: { id: string } }>(
    '/api/v1/reports/:id/info',
    {
      schema: {
        tags,
        description:
          'The reporter adds a note, and photos in a multipart form, to their report; staff see it on the history.',
        summary: 'The reporter adds information (JSON {note, secret} or multipart with photos)',
        params: IdParams,
        headers: ReporterHeaders,
        consumes: ['multipart/form-data', 'application/json'],
        response: { 204: Type.Null() },
      },
      config: { auth: 'optional' },
    },
    async (request, reply) => {
      const tenant = request.tenant!;
      const form = request.isMultipart()
        ? await readForm(request)
        : { fields: (request.body ?? {}) as Record<string, string>, files: [] };
      const note = typeof form.fields.note === 'string' ? form.fields.note.trim() : '';
      if (note.length < 1 || note.length > 4000) throw invalid({ path: '/body/note', code: 'required' });
      const secret = secretOf(
        request,
        typeof form.fields.secret === 'string' ? form.fields.secret : undefined,
      );
      await withPhotos(platform, tenant.id, form.files, async (photos) => {
        await platform.inTenant(tenant.id, actorOf(request), (scope) =>
          addInformation(platform, scope, tenant, request.params.id, note, photos, {
            role: 'reporter',
            userId: request.principal?.user.id ?? null,
            secret,
          }),
        );
        return {};
      });
      return reply.status(204).send();
    },
  );

  app.post<{ Params: { id: string }; Body: RatingInput }>(
    '/api/v1/reports/:id/rating',
    {
      schema: {
        tags,
        description:
          'The reporter rates how well their finished report was resolved, from 1 to 5, with an optional comment.',
        summary: 'The reporter rates the resolution (1–5)',
        params: IdParams,
        headers: ReporterHeaders,
        body: Rating,
        response: { 204: Type.Null() },
      },
      config: { auth: 'optional' },
    },
    async (request, reply) => {
      const tenant = request.tenant!;
      await platform.inTenant(tenant.id, actorOf(request), (scope) =>
        rateReport(scope, request.params.id, request.body.rating, request.body.comment, {
          role: 'reporter',
          userId: request.principal?.user.id ?? null,
          secret: secretOf(request, request.body.secret),
        }),
      );
      return reply.status(204).send();
    },
  );
}
