/** Importing a WordPress export (WXR, or a ZIP of it with its uploads) into a site. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import {
  AppError,
  actorOf,
  invalid,
  type Platform,
  requestAccess,
  translator,
} from '../../../platform/sdk/index.ts';
import { PERM } from '../permissions.ts';
import { SiteParams } from '../schemas.ts';
import { ImportAnswer, type ImportAnswerType } from '../schemas-import.ts';
import { importWordPress, problemFields, tooLarge, UPLOAD_LIMIT } from '../services/import.ts';
import { BASE, tags } from './api.ts';

/** The uploaded file's bytes: a broken multipart body is the client's error (400), too large a 413. */
async function readExport(request: FastifyRequest): Promise<Buffer> {
  try {
    const part = await request.file({ limits: { fileSize: UPLOAD_LIMIT, files: 1 } });
    if (part?.fieldname !== 'file') throw invalid({ path: '/body/file', code: 'required' });
    return await part.toBuffer();
  } catch (error) {
    if (error instanceof AppError) throw error;
    if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge(UPLOAD_LIMIT);
    if ((error as { statusCode?: number }).statusCode) throw error;
    throw new AppError('bad_request', { params: { reason: 'multipart' }, cause: error });
  }
}

export function importRoutes(app: FastifyInstance, platform: Platform) {
  app.post<{ Params: { site: string } }>(
    `${BASE}/sites/:site/import`,
    {
      schema: {
        tags,
        summary: 'Import a WordPress export into a website',
        description:
          'Imports a WordPress export (Tools › Export, a WXR `.xml` file up to 50 MB) or a ZIP (up to 500 MB) holding it and the `wp-content/uploads/…` tree, sent as the multipart file `file`: posts become news, pages keep their tree, with categories, tags, authors (matched to staff by email, else kept by name), featured images and attachments, the menu, drafts and scheduled posts, and every old address redirects to the new one. All or nothing: a fatal problem (broken or hostile XML, a broken ZIP) is a 400 listing every problem and nothing is written; other problems come back as warnings with the counts. Items imported before (same WordPress id) are skipped, so importing the same file again adds nothing. Tenant-wide import permission only.',
        params: SiteParams,
        consumes: ['multipart/form-data'],
        body: {
          content: {
            'multipart/form-data': {
              schema: {
                description: 'The file field `file`: a WXR document or a ZIP with it and its uploads',
              },
            },
          },
        },
        response: { 200: ImportAnswer },
      },
      config: { permission: PERM.import },
    },
    async (request) => {
      const tenant = request.tenant!;
      if (!request.isMultipart()) throw new AppError('unsupported_media_type');
      const bytes = await readExport(request);
      if (bytes.length === 0) throw invalid({ path: '/body/file', code: 'required' });
      const stored: string[] = [];
      try {
        const result = await platform.inTenant(tenant.id, actorOf(request), async (scope) =>
          importWordPress(
            scope,
            { files: platform.files, stored, timeZone: tenant.timeZone },
            request.params.site,
            bytes,
            await requestAccess(platform, scope, request),
          ),
        );
        const t = translator(request.lang ?? 'id');
        const answer: ImportAnswerType = {
          counts: result.counts,
          warnings: problemFields(result.problems).map((f, i) => ({
            path: f.path,
            code: f.code,
            message: t(`field.${f.code}`, { ...f.params, defaultValue: f.code }),
            wpId: result.problems[i]!.wpId,
            title: result.problems[i]!.title,
            detail: result.problems[i]!.detail ?? null,
          })),
        };
        return answer;
      } catch (error) {
        // Nothing was written: the files stored for it go too.
        await Promise.all(stored.map((key) => platform.files.delete(key).catch(() => undefined)));
        throw error;
      }
    },
  );
}
