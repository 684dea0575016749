/** Reading one uploaded file from a multipart request, with parse errors answered as 400s. */
import type { FastifyRequest } from 'fastify';
import { AppError, invalid } from '../errors.ts';

/**
 * The bytes of the multipart file field `field`. Size limits are the multipart plugin's (413); a
 * broken multipart body is the client's error (400), not the server's.
 */
export async function readUpload(request: FastifyRequest, field: string): Promise<Buffer> {
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
  return bytes;
}
