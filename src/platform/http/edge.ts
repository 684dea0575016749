/**
 * Bad input refused at the edge, once for every route, before any handler or SQL sees it:
 * - the NUL character (U+0000) wherever a value comes in: PostgreSQL cannot store it in any text
 *   (it raises 22021), and no form, name or address ever holds one. Checked after decoding: path
 *   parameters and the query when the request arrives, parsed bodies (JSON, forms, CSV text)
 *   before validation, and multipart text fields as a handler reads them;
 * - a missing body, or one of an undeclared media type, on a route that declares its body per
 *   media type (Fastify validates only the media types a route names, and lets the others through);
 * - numbers that are not finite (`1e309`): the validator coerces them from a query and lets them
 *   pass its bounds, and JSON reads them from a body.
 * Each answer is a 4xx naming the field.
 */
import type { FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';
import { AppError, invalid } from '../errors.ts';

/**
 * The path (`/body/a/0/b`) of the first value under `value`, in document order, that `bad` picks,
 * or of the object holding the first key it picks. Iterative: a body may nest ten thousand arrays
 * deep, more than the call stack takes.
 */
function firstBad(value: unknown, base: string, bad: (leaf: unknown) => boolean): string | undefined {
  const stack: Array<[unknown, string]> = [[value, base]];
  while (stack.length > 0) {
    const [item, path] = stack.pop()!;
    if (Array.isArray(item)) {
      for (let i = item.length - 1; i >= 0; i -= 1) stack.push([item[i], `${path}/${i}`]);
    } else if (item !== null && typeof item === 'object' && !Buffer.isBuffer(item)) {
      const entries = Object.entries(item);
      for (let i = entries.length - 1; i >= 0; i -= 1) {
        const [key, child] = entries[i]!;
        if (bad(key)) return path;
        stack.push([child, `${path}/${key}`]);
      }
    } else if (bad(item)) {
      return path;
    }
  }
  return undefined;
}

const holdsNul = (leaf: unknown) => typeof leaf === 'string' && leaf.includes('\0');
const notFinite = (leaf: unknown) => typeof leaf === 'number' && !Number.isFinite(leaf);

/** The path (`/body/a/0/b`) of the first string or key under `value` that holds a NUL, if any. */
export function findNul(value: unknown, base: string): string | undefined {
  return firstBad(value, base, holdsNul);
}

function nulError(path: string): AppError {
  return invalid({ path, code: 'nul' });
}

/** `onRequest`: the decoded path parameters and query. */
export function refuseNulInUrl(request: FastifyRequest, _reply: FastifyReply, done: HookHandlerDoneFunction) {
  // The raw URL tells cheaply whether any decoded value can hold one.
  if (!/%00|\0/.test(request.url)) return done();
  const path = findNul(request.params, '/params') ?? findNul(request.query, '/querystring');
  done(path ? nulError(path) : undefined);
}

type PartsReader = () => Promise<{ type?: string; fieldname?: string; value?: unknown } | null>;
type MultipartHandler = (this: FastifyRequest, options?: unknown) => PartsReader;

/** The multipart plugin's one reader, under `request.parts()`, `file()` and `files()`. */
function multipartReader(request: FastifyRequest): symbol | undefined {
  for (let proto = Object.getPrototypeOf(request); proto; proto = Object.getPrototypeOf(proto)) {
    const found = Object.getOwnPropertySymbols(proto).find((s) => s.description === 'multipartHandler');
    if (found) return found;
  }
  return undefined;
}

let readerSymbol: symbol | undefined;

/**
 * `preValidation`: a body of a media type its route declares, then free of NULs. A parsed body
 * (JSON, form, text) is walked here; multipart text fields are read later, by the handler, part by
 * part: the plugin's reader is wrapped so that a field holding a NUL fails as the handler reads it.
 */
export function refuseBadBody(request: FastifyRequest, _reply: FastifyReply, done: HookHandlerDoneFunction) {
  const declared = (request.routeOptions.schema?.body as { content?: Record<string, unknown> } | undefined)
    ?.content;
  if (declared) {
    const type = (request.headers['content-type'] ?? '').split(';', 1)[0]!.trim().toLowerCase();
    if (!type && request.body === undefined) return done(invalid({ path: '/body', code: 'required' }));
    if (!(type in declared)) return done(new AppError('unsupported_media_type'));
  }
  if (request.isMultipart()) return done(wrapMultipart(request));
  const path = request.body == null ? undefined : findNul(request.body, '/body');
  done(path ? nulError(path) : undefined);
}

/** `preHandler`: numbers after validation, which coerced the query and the path parameters. */
export function refuseNonFinite(
  request: FastifyRequest,
  _reply: FastifyReply,
  done: HookHandlerDoneFunction,
) {
  const path =
    firstBad(request.query, '/querystring', notFinite) ??
    firstBad(request.params, '/params', notFinite) ??
    (request.body == null ? undefined : firstBad(request.body, '/body', notFinite));
  done(path ? invalid({ path, code: 'invalid' }) : undefined);
}

function wrapMultipart(request: FastifyRequest): Error | undefined {
  readerSymbol ??= multipartReader(request);
  // A plugin upgrade that renames its reader must fail loudly, not let NULs through.
  if (!readerSymbol) return new Error('the multipart plugin’s reader was not found');
  const target = request as unknown as Record<symbol, MultipartHandler>;
  const original = target[readerSymbol]!;
  target[readerSymbol] = function wrapped(this: FastifyRequest, options?: unknown) {
    const next = original.call(this, options);
    return async () => {
      const part = await next();
      if (part?.type === 'field') {
        const path = findNul({ [String(part.fieldname)]: part.value }, '/body');
        if (path) throw nulError(path);
      }
      return part;
    };
  };
  return undefined;
}
