/**
 * How the Open311 interface answers: JSON or XML by the path's extension, and every error in the
 * spec's format (`[{code, description}]`, `<errors><error>`) with the spec's HTTP statuses, in the
 * caller's language.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { type AppError, toAppError, translator } from '../../../platform/sdk/index.ts';
import { Open311Error } from './params.ts';
import { type XmlValue, xmlDocument } from './xml.ts';

export type Format = 'json' | 'xml';

/** The answer's format, by the path's extension (`.xml`, else JSON). */
export function formatOf(request: FastifyRequest): Format {
  const path = request.url.split('?', 1)[0] ?? '';
  return path.endsWith('.xml') ? 'xml' : 'json';
}

/** Sends `value` as JSON, or as XML under the element `root`. */
export function send(reply: FastifyReply, format: Format, root: string, value: XmlValue, status = 200) {
  reply.status(status);
  if (format === 'xml') return reply.type('text/xml; charset=utf-8').send(xmlDocument(root, value));
  return reply.type('application/json; charset=utf-8').send(JSON.stringify(value));
}

/** Balai's input names as the spec calls them, for error descriptions. */
const FIELD_NAMES: Readonly<Record<string, string>> = {
  category: 'service_code',
  lng: 'long',
  address: 'address_string',
  kelurahan: 'attribute[kelurahan]',
  type: 'attribute[report_type]',
  name: 'first_name',
};

function fieldName(path: string): string {
  const [, where = '', name = '', sub] = path.split('/');
  if (where === 'headers') return name.replace(/(^|-)([a-z])/g, (_m, dash, c) => `${dash}${c.toUpperCase()}`);
  if (name === 'attribute' && sub) return `attribute[${sub}]`;
  return FIELD_NAMES[name] ?? name;
}

/** HTTP statuses as the spec wants them: 404 missing, 403 key, 400 the rest; 429 and 5xx kept. */
function statusOf(e: AppError): number {
  switch (e.code) {
    case 'not_found':
      return 404;
    case 'unauthenticated':
    case 'forbidden':
    case 'csrf':
      return 403;
    case 'rate_limited':
    case 'locked':
      return 429;
    case 'internal':
    case 'unavailable':
      return e.status;
    default:
      return 400;
  }
}

/** Any error as the spec's list of `{code, description}` with its HTTP status; 5xx are logged. */
export function specErrors(error: unknown, request: FastifyRequest, reply: FastifyReply) {
  const t = translator(request.lang ?? 'id');
  if (error instanceof Open311Error) {
    const description = t(`reports.open311.error.${error.key}`, error.params);
    return { status: error.status, errors: [{ code: error.status, description }] };
  }
  const e = toAppError(error);
  if (e.code === 'internal') request.log.error({ err: error }, 'unhandled error');
  else if (e.status >= 500) request.log.warn({ err: error }, e.code);
  const status = statusOf(e);
  const params: Record<string, unknown> = { ...e.params, requestId: request.id };
  params.entity = t(
    typeof params.entity === 'string' && params.entity ? `entity.${params.entity}` : 'entity.route',
    {
      defaultValue: params.entity,
    },
  );
  if (e.retryAfter !== undefined) reply.header('retry-after', String(e.retryAfter));
  params.retryAfter = e.retryAfter ?? reply.getHeader('retry-after');
  const errors: Array<{ code: number; description: string }> = [];
  if (e.fields.length === 0 || e.detailKey !== 'validation') {
    errors.push({ code: status, description: t(`detail.${e.detailKey}`, params) });
  }
  for (const f of e.fields) {
    const message = t(`field.${f.code}`, { ...f.params, defaultValue: t('field.invalid') });
    errors.push({
      code: status,
      description: t('reports.open311.error.field', { field: fieldName(f.path), message }),
    });
  }
  return { status, errors };
}
