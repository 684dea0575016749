/** Reading one uploaded file from a multipart request, with parse errors answered as 400s. */
import type { FastifyRequest } from 'fastify';
import { AppError, invalid } from '../errors.ts';

/** An uploaded file with its name as the client gave it, and the form's text fields sent before it. */
export type UploadForm = {
  bytes: Buffer;
  fileName: string;
  fields: Record<string, string>;
};

/**
 * The bytes of the multipart file field `field`. Size limits are the multipart plugin's (413); a
 * broken multipart body is the client's error (400), not the server's.
 */
export async function readUpload(request: FastifyRequest, field: string): Promise<Buffer> {
  return (await readUploadForm(request, field)).bytes;
}

/**
 * The file field `field` with its file name, and the text fields that came before it in the form
 * (a browser sends a form's fields in their order, so a form puts its file last). A text field
 * given twice keeps its first value.
 */
export async function readUploadForm(request: FastifyRequest, field: string): Promise<UploadForm> {
  let file: Awaited<ReturnType<FastifyRequest['file']>>;
  let bytes: Buffer;
  try {
    file = await request.file();
    if (!file || file.fieldname !== field) throw invalid({ path: `/body/${field}`, code: 'required' });
    bytes = await file.toBuffer();
  } catch (error) {
    if (error instanceof AppError || (error as { statusCode?: number }).statusCode) throw error;
    throw new AppError('bad_request', { params: { reason: 'multipart' }, cause: error });
  }
  const fields: Record<string, string> = {};
  for (const [name, value] of Object.entries(file.fields)) {
    const first = Array.isArray(value) ? value[0] : value;
    if (first && first.type === 'field' && typeof first.value === 'string') fields[name] = first.value;
  }
  return { bytes, fileName: file.filename ?? '', fields };
}
