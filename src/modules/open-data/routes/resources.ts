/**
 * Resources: a link, an upload (and each new version of it), the versions, a version's file, the
 * data dictionary, and the preview of a datastore resource's rows.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { type Static, Type } from 'typebox';
import { actorOf, type Platform } from '../../../platform/sdk/index.ts';
import { PERM } from '../permissions.ts';
import {
  DictionaryInput,
  type DictionaryInputType,
  IdParams,
  LinkInput,
  type LinkInputType,
  Resource,
  Rows,
  RowsQuery,
  type RowsQueryType,
  VersionParams,
  Versions,
} from '../schemas.ts';
import { mayRead, previewRows } from '../services/preview.ts';
import {
  addLink,
  addUpload,
  addVersion,
  setDictionary,
  versionFile,
  versionsView,
} from '../services/resources.ts';
import { BASE, inTenantAs, readersOf, tags } from './api.ts';
import { receiveUpload } from './upload-form.ts';

type Id = { Params: Static<typeof IdParams> };

const uploadBody = {
  content: {
    'multipart/form-data': {
      schema: {
        description:
          'The file `file` (CSV, XLSX, JSON or GeoJSON, up to 20 MB); `name` and `description` as text fields; `types`, a JSON object giving columns a type other than the inferred one (`{"kode_wilayah":"text"}`)',
      },
    },
  },
};

export function resourceRoutes(app: FastifyInstance, platform: Platform) {
  const act = inTenantAs(platform);
  const write = { permission: PERM.write, agencyScoped: true };

  /** Stores the upload, runs the transaction, and removes the file again if it fails. */
  async function withUpload<T>(
    request: FastifyRequest,
    work: (
      form: Awaited<ReturnType<typeof receiveUpload>>['form'],
      upload: Awaited<ReturnType<typeof receiveUpload>>['upload'],
    ) => Promise<T>,
  ): Promise<T> {
    const { form, upload } = await receiveUpload(request, platform.files, request.tenant!.id);
    try {
      return await work(form, upload);
    } catch (error) {
      await platform.files.delete(upload.key).catch(() => undefined);
      throw error;
    }
  }

  app.post<Id & { Body: LinkInputType }>(
    `${BASE}/datasets/:id/links`,
    {
      schema: {
        tags,
        summary: 'Add a link resource',
        description:
          'A resource kept elsewhere (an address `http(s)://…`), with its format as it says. Producers of the dataset’s agency; not while it is under review.',
        params: IdParams,
        body: LinkInput,
        response: { 201: Resource },
      },
      config: write,
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await act(request, (scope, access, base) =>
            addLink(scope, request.params.id, request.body, access, base),
          ),
        ),
  );

  app.post<Id>(
    `${BASE}/datasets/:id/uploads`,
    {
      schema: {
        tags,
        summary: 'Upload a file as a new resource',
        description:
          'Uploads a data file as the first version of a new resource. Its format is decided by its content: a tabular file (CSV — comma, semicolon or tab —, XLSX’s first sheet, a JSON array of flat objects) is loaded into the datastore with typed columns (text, int, numeric, date, timestamp; inferred, or given in `types`) and previewable; GeoJSON and other JSON are kept as files. A malformed file (ragged rows, a value that does not fit its column’s type, empty, over 100,000 rows or 100 columns) is a 400 naming its row and column, and nothing is kept.',
        params: IdParams,
        consumes: ['multipart/form-data'],
        body: uploadBody,
        response: { 201: Resource },
      },
      config: write,
    },
    async (request, reply) => {
      const resource = await withUpload(request, (form, upload) =>
        act(request, (scope, access, base) =>
          addUpload(
            scope,
            request.params.id,
            { name: form.name ?? upload.fileName, description: form.description },
            upload,
            access,
            base,
          ),
        ),
      );
      return reply.status(201).send(resource);
    },
  );

  app.post<Id>(
    `${BASE}/resources/:id/versions`,
    {
      schema: {
        tags,
        summary: 'Upload a new version of a resource',
        description:
          'A new file for an upload resource becomes its current version; the earlier versions stay downloadable and previewable. The data dictionary of columns kept under the same name carries over. Checked as the first upload.',
        params: IdParams,
        consumes: ['multipart/form-data'],
        body: uploadBody,
        response: { 201: Resource },
      },
      config: write,
    },
    async (request, reply) => {
      const resource = await withUpload(request, (_form, upload) =>
        act(request, (scope, access, base) => addVersion(scope, request.params.id, upload, access, base)),
      );
      return reply.status(201).send(resource);
    },
  );

  app.get<Id>(
    `${BASE}/resources/:id/versions`,
    {
      schema: {
        tags,
        summary: 'The versions of a resource',
        description:
          'Every version of an upload resource, newest first, with its file’s size, checksum, row count and download address.',
        params: IdParams,
        response: { 200: Versions },
      },
      config: write,
    },
    (request) => act(request, (scope, access, base) => versionsView(scope, request.params.id, access, base)),
  );

  app.get<{ Params: Static<typeof VersionParams> }>(
    `${BASE}/resources/:id/versions/:version/file`,
    {
      schema: {
        tags,
        summary: 'Download a version’s file',
        description:
          'The file as uploaded. Anyone for a published open dataset; otherwise producers of its agency and the walidata.',
        params: VersionParams,
        response: {
          200: {
            description: 'The file as uploaded',
            content: {
              'text/csv': {
                schema: Type.String(),
                example: 'kecamatan,jumlah_penduduk\r\nCiledug,151204\r\n',
              },
              'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {
                schema: Type.String({ format: 'binary' }),
              },
              'application/json': {
                schema: Type.String(),
                example: '[{"kecamatan":"Ciledug","jumlah_penduduk":151204}]',
              },
              'application/geo+json': {
                schema: Type.String(),
                example:
                  '{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"nama":"Puskesmas Ciledug"},"geometry":{"type":"Point","coordinates":[106.71,-6.23]}}]}',
              },
            },
          },
        },
      },
      config: { auth: 'optional' },
    },
    async (request, reply: FastifyReply) => {
      const version = await platform.inTenantRead(request.tenant!.id, actorOf(request), async (scope) => {
        const readers = await readersOf(platform, scope, request);
        return versionFile(scope, request.params.id, request.params.version, (d) => mayRead(readers, d));
      });
      const stored = await platform.files.get(version.file_key);
      if (!stored) throw new Error(`open-data: file ${version.file_key} missing`);
      return reply
        .header('content-type', version.media_type)
        .header(
          'content-disposition',
          `attachment; filename="${version.file_name.replace(/[^\x20-\x7e]|"/g, '_')}"`,
        )
        .header('x-content-type-options', 'nosniff')
        .header('etag', `"${version.checksum}"`)
        .send(Buffer.from(stored.body));
    },
  );

  app.put<Id & { Body: DictionaryInputType }>(
    `${BASE}/resources/:id/dictionary`,
    {
      schema: {
        tags,
        summary: 'Describe a datastore resource’s columns',
        description:
          'Sets the label, description and unit of columns of the current version (named by `name`; columns not listed keep theirs). Types stay as uploaded.',
        params: IdParams,
        body: DictionaryInput,
        response: { 200: Resource },
      },
      config: write,
    },
    (request) =>
      act(request, (scope, access, base) =>
        setDictionary(scope, request.params.id, request.body, access, base),
      ),
  );

  app.get<Id & { Querystring: RowsQueryType }>(
    `${BASE}/resources/:id/rows`,
    {
      schema: {
        tags,
        summary: 'Preview a datastore resource’s rows',
        description:
          'The rows of the current version (or `version`), each with `_id`, and the column types: `q` searches text columns, `filter=column:value` (repeatable) matches exactly, `sort=column desc,other` orders, `limit` and `offset` page. Anyone for a published open dataset; otherwise producers of its agency and the walidata. An unknown column is a 400 naming it.',
        params: IdParams,
        querystring: RowsQuery,
        response: { 200: Rows },
      },
      config: { auth: 'optional' },
    },
    (request) =>
      platform.inTenantRead(request.tenant!.id, actorOf(request), async (scope) =>
        previewRows(scope, request.params.id, request.query, await readersOf(platform, scope, request)),
      ),
  );
}
