/**
 * An upload's multipart form: the file `file`, and text fields `name`, `description` and `types`
 * (a JSON object giving columns their type, `{"tanggal":"date"}`). The file is checked, parsed and
 * stored before any transaction; a failing transaction removes it again.
 */
import type { FastifyRequest } from 'fastify';
import {
  AppError,
  DATA_COLUMN_TYPES,
  type DataColumnType,
  type FileStorage,
  invalid,
  newFileKey,
} from '../../../platform/sdk/index.ts';
import { fileChecksum, LIMITS, readDataUpload } from '../services/tabular.ts';
import type { StoredUpload } from '../services/versions.ts';

const TEXT_FIELDS: Record<string, number> = { name: 200, description: 2000, types: 4000 };
const EXT: Record<string, string> = { CSV: 'csv', XLSX: 'xlsx', JSON: 'json', GeoJSON: 'geojson' };

export type UploadForm = {
  name: string | null;
  description: string | null;
  types: Record<string, DataColumnType>;
};

async function readForm(
  request: FastifyRequest,
): Promise<{ bytes: Buffer; fileName: string; fields: Record<string, string> }> {
  if (!request.isMultipart()) throw new AppError('unsupported_media_type');
  const fields: Record<string, string> = {};
  let file: { bytes: Buffer; name: string } | undefined;
  try {
    for await (const part of request.parts({ limits: { fileSize: LIMITS.bytes, files: 1, fields: 5 } })) {
      if (part.type === 'file') {
        if (part.fieldname !== 'file')
          throw invalid({ path: `/body/${part.fieldname}`, code: 'additionalProperties' });
        const bytes = await part.toBuffer();
        if (part.file.truncated)
          throw Object.assign(new Error('too large'), { code: 'FST_REQ_FILE_TOO_LARGE' });
        file = { bytes, name: part.filename };
      } else {
        const limit = TEXT_FIELDS[part.fieldname];
        if (limit === undefined)
          throw invalid({ path: `/body/${part.fieldname}`, code: 'additionalProperties' });
        const value = String(part.value ?? '');
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
          { path: '/body/file', code: 'data_too_large', params: { limit: LIMITS.bytes / 1024 / 1024 } },
        ],
      });
    }
    if ((error as { statusCode?: number }).statusCode) throw error;
    throw new AppError('bad_request', { params: { reason: 'multipart' }, cause: error });
  }
  if (!file) throw invalid({ path: '/body/file', code: 'required' });
  return { bytes: file.bytes, fileName: file.name, fields };
}

function parseTypes(raw: string | undefined): Record<string, DataColumnType> {
  if (!raw?.trim()) return {};
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    throw invalid({ path: '/body/types', code: 'data_types' });
  }
  if (!value || typeof value !== 'object' || Array.isArray(value))
    throw invalid({ path: '/body/types', code: 'data_types' });
  const out: Record<string, DataColumnType> = {};
  for (const [k, v] of Object.entries(value)) {
    if (!DATA_COLUMN_TYPES.includes(v as DataColumnType))
      throw invalid({ path: '/body/types', code: 'data_types' });
    out[k] = v as DataColumnType;
  }
  return out;
}

/** The file's bytes a safe download name. */
function safeName(name: string, ext: string): string {
  const base =
    name
      .replace(/\.[^.]*$/, '')
      .replace(/[^\p{L}\p{N}._ -]+/gu, '')
      .trim()
      .slice(0, 120) || 'data';
  return `${base}.${ext}`;
}

/**
 * Reads, checks, parses and stores the upload; answers what the transaction keeps, and the keys
 * stored (to remove if it fails).
 */
export async function receiveUpload(
  request: FastifyRequest,
  files: FileStorage,
  tenantId: string,
): Promise<{ form: UploadForm; upload: StoredUpload }> {
  const { bytes, fileName, fields } = await readForm(request);
  const types = parseTypes(fields.types);
  const read = await readDataUpload(bytes, types);
  const ext = EXT[read.format]!;
  const key = newFileKey(tenantId, ext);
  await files.put(key, bytes, read.mediaType);
  const name = fields.name?.replace(/\s+/g, ' ').trim() || null;
  return {
    form: { name, description: fields.description?.trim() || null, types },
    upload: {
      key,
      fileName: safeName(fileName, ext),
      format: read.format,
      mediaType: read.mediaType,
      byteSize: bytes.byteLength,
      checksum: fileChecksum(bytes),
      table: read.table,
    },
  };
}
