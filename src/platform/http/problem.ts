/**
 * Every error leaves as an RFC 9457 problem document in the caller's language, with the offending
 * fields listed for invalid input. No stack trace or internal message ever reaches a client.
 */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { isDatabaseUnavailable, UNAVAILABLE_RETRY_SECONDS } from '../db/unavailable.ts';
import { AppError, type FieldError } from '../errors.ts';
import { translator } from '../i18n/index.ts';

type AjvError = {
  keyword: string;
  instancePath: string;
  params: Record<string, unknown>;
};

/** Turns Fastify's schema-validation errors into field errors with a path such as `/body/email`. */
export function fieldsFromValidation(errors: readonly AjvError[], context: string | undefined): FieldError[] {
  const base = `/${context ?? 'body'}`;
  return errors.flatMap((e) => {
    let path = `${base}${e.instancePath}`;
    const params: Record<string, unknown> = {};
    if (e.keyword === 'required') {
      // Ajv names one missing property per error; TypeBox lists them all in one.
      const missing = e.params.missingProperty ?? e.params.requiredProperties;
      if (Array.isArray(missing))
        return missing.map((m) => ({ path: `${path}/${m}`, code: 'required', params }));
      path += `/${String(missing)}`;
    }
    if (e.keyword === 'additionalProperties') {
      const extra = e.params.additionalProperty ?? e.params.additionalProperties;
      if (Array.isArray(extra)) return extra.map((m) => ({ path: `${path}/${m}`, code: e.keyword, params }));
      path += `/${String(extra)}`;
    }
    if ('limit' in e.params) params.limit = e.params.limit;
    if ('format' in e.params) params.format = e.params.format;
    if ('type' in e.params) params.type = e.params.type;
    if ('allowedValues' in e.params) params.allowed = (e.params.allowedValues as unknown[]).join(', ');
    if ('allowedValue' in e.params) params.allowed = String(e.params.allowedValue);
    return [{ path, code: e.keyword, params }];
  });
}

const PG_CODES: Record<string, AppError['code']> = {
  '23505': 'conflict',
  '23503': 'conflict',
  // A row-level-security refusal means another tenant's row: answer as if it did not exist.
  '42501': 'not_found',
  // Values the database cannot read (a date like 2026-02-30) are the caller's mistake.
  '22007': 'bad_request',
  '22008': 'bad_request',
  '22P02': 'bad_request',
  // Input the database cannot hold or handle: the edge and the schemas refuse these first (NUL
  // characters, bounded numbers and lengths); this is the safety net behind them.
  '22021': 'bad_request', // character_not_in_repertoire (a NUL in text)
  '22P05': 'bad_request', // untranslatable_character
  '22003': 'bad_request', // numeric_value_out_of_range
  '22001': 'bad_request', // string_data_right_truncation
  '22025': 'bad_request', // invalid_escape_sequence (LIKE)
  '2201B': 'bad_request', // invalid_regular_expression
  '54000': 'bad_request', // program_limit_exceeded (a value too large to index)
  '54001': 'bad_request', // statement_too_complex
};

/** Maps any thrown value to an AppError; unknown errors become `internal`. */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  const e = error as FastifyError & { validation?: AjvError[]; validationContext?: string; code?: string };
  if (e?.validation) {
    return new AppError('validation', { fields: fieldsFromValidation(e.validation, e.validationContext) });
  }
  if (isDatabaseUnavailable(error)) {
    return new AppError('unavailable', { retryAfter: UNAVAILABLE_RETRY_SECONDS, cause: error });
  }
  if (typeof e?.code === 'string' && PG_CODES[e.code]) {
    return new AppError(PG_CODES[e.code]!, { params: { entity: '', reason: '' }, cause: error });
  }
  switch (e?.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
    case 'FST_REQ_FILE_TOO_LARGE':
      return new AppError('payload_too_large', { cause: error });
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
      return new AppError('unsupported_media_type', { cause: error });
  }
  const status = e?.statusCode;
  if (status === 429) return new AppError('rate_limited', { cause: error });
  if (status === 413) return new AppError('payload_too_large', { cause: error });
  if (status === 415) return new AppError('unsupported_media_type', { cause: error });
  if (typeof status === 'number' && status >= 400 && status < 500) {
    // Fastify's own client errors (malformed JSON, empty body...): its message is safe and useful.
    return new AppError('bad_request', { params: { reason: e.message }, cause: error });
  }
  return new AppError('internal', { cause: error });
}

/** Sends `error` as a problem document in the request's language. */
export function sendProblem(request: FastifyRequest, reply: FastifyReply, error: AppError) {
  const t = translator(request.lang ?? 'id');
  const params: Record<string, unknown> = { ...error.params, requestId: request.id };
  if (typeof params.entity === 'string' && params.entity) {
    params.entity = t(`entity.${params.entity}`, { defaultValue: params.entity });
  } else {
    params.entity = t('entity.route');
  }
  if (error.retryAfter !== undefined) {
    reply.header('retry-after', String(error.retryAfter));
    params.retryAfter = error.retryAfter;
  } else if (reply.hasHeader('retry-after')) {
    // The rate limiter sets the header itself.
    params.retryAfter = reply.getHeader('retry-after');
  }
  const body: Record<string, unknown> = {
    type: `/api/problems#${error.code}`,
    title: t(`error.${error.code}`),
    status: error.status,
    detail: t(`detail.${error.detailKey}`, params),
    instance: request.url,
    code: error.code,
    requestId: request.id,
  };
  if (error.fields.length > 0) {
    body.errors = error.fields.map((f) => ({
      path: f.path,
      code: f.code,
      message: t(`field.${f.code}`, { ...f.params, defaultValue: t('field.invalid') }),
      // A problem in an uploaded file (a CSV import) also names its line and column.
      ...(typeof f.params?.line === 'number' ? { line: f.params.line, column: f.params.column } : {}),
    }));
  }
  return reply.status(error.status).type('application/problem+json; charset=utf-8').send(body);
}
