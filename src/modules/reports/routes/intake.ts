/** Filing a report through the API: JSON, or a multipart form with photos; honours Idempotency-Key. */
import type { FastifyInstance } from 'fastify';
import { actorOf, type Platform } from '../../../platform/sdk/index.ts';
import { formToReport } from '../form-fields.ts';
import { readForm, withPhotos } from '../photos.ts';
import { Filed, NewReport, type NewReportInput } from '../schemas.ts';
import { type FiledReport, fileReport, type Intake } from '../services/intake.ts';
import { idempotencyKeyOf } from './caller.ts';

const tags = ['reports'];

function filedView(f: FiledReport) {
  return {
    id: f.id,
    trackingNo: f.trackingNo,
    status: f.status,
    dueAt: f.dueAt?.toISOString() ?? null,
    ...(f.secret ? { secret: f.secret } : {}),
  };
}

/** POST /api/v1/reports: file a report. */
export function fileRoute(app: FastifyInstance, platform: Platform) {
  app.post<{ Body: NewReportInput }>(
    '/api/v1/reports',
    {
      schema: {
        tags,
        summary: 'File a report (JSON, or multipart with up to 5 `photo` files); honours Idempotency-Key',
        description:
          'Anonymous, the answer carries the report’s `secret`. With an `Idempotency-Key`, a retry with the same body gets the first answer back (`idempotent-replayed: true`): for 7 days exactly the first body, the same `secret` included; later the report as it is, without a secret. No retry mints a new secret. The same key with another body is a 409.',
        // A multipart form is read and validated by the handler (its numbers arrive as text).
        body: {
          content: {
            'application/json': { schema: NewReport },
            'multipart/form-data': { schema: { description: 'The fields of NewReport, and `photo` files' } },
          },
        },
        response: { 201: Filed },
      },
      config: { auth: 'optional', rateLimit: { max: 60, timeWindow: '1 minute' } },
    },
    async (request, reply) => {
      const tenant = request.tenant!;
      const idempotencyKey = idempotencyKeyOf(request);
      let input: NewReportInput;
      let files: Buffer[] = [];
      if (request.isMultipart()) {
        const form = await readForm(request);
        input = formToReport(form.fields);
        files = form.files;
      } else {
        input = request.body;
      }
      const intake: Omit<Intake, 'photos'> = {
        channel: 'web',
        reporterUserId: request.principal?.user.id ?? null,
        idempotencyKey,
      };
      const filed = await withPhotos(platform, tenant.id, files, (photos) =>
        // Filings of one tenant arriving together share a transaction (a rush after a flood).
        platform.inTenantGrouped(tenant.id, actorOf(request), (scope) =>
          fileReport(platform, scope, tenant, input, { ...intake, photos }),
        ),
      );
      if (filed.replayed) reply.header('idempotent-replayed', 'true');
      reply.header('location', `/t/${tenant.slug}/api/v1/reports/${filed.trackingNo}`);
      return reply.status(201).send(filedView(filed));
    },
  );
}
