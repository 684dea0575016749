/**
 * `LaporGateway` over JSON and HTTPS, against an API shaped the way Balai expects LAPOR!'s to be.
 * ASSUMED, to replace or adapt once the real one is known (paths, field names, auth):
 *
 *   POST {base}/v1/reports                      LaporSubmission → 200/201 { laporId }
 *        Idempotency-Key: <region>/<trackingNo>  (the same key again answers the same laporId)
 *   GET  {base}/v1/regions/{region}/updates?cursor=…&limit=100 → 200 { updates: LaporUpdate[], cursor }
 *   POST {base}/v1/reports/{laporId}/status     { status, note, at } → 200/204
 *   Authorization: Bearer <LAPOR_TOKEN> on every call.
 *
 * Every call has a timeout (`LAPOR_TIMEOUT_SECONDS`); redirects are refused (the token must not
 * follow them); answers are checked against their schema. Failures are `LaporError`s; this class
 * never retries.
 */
import { type Static, type TSchema, Type } from 'typebox';
import { Value } from 'typebox/value';
import { LaporError, type LaporGateway, type LaporPage, type LaporSubmission } from './gateway.ts';
import { LAPOR_CLASSIFICATIONS, LAPOR_STATUSES, type LaporStatus } from './mapping.ts';

const Str = (max: number) => Type.String({ maxLength: max });
const NullableStr = (max: number) => Type.Union([Str(max), Type.Null()]);
const NullableNum = Type.Union([Type.Number(), Type.Null()]);

/** The wire format, shared with the fake service so both sides read the same thing. */
export const SubmissionBody = Type.Object(
  {
    region: Type.String({ pattern: '^[0-9]{2}(\\.[0-9]{2,4}){0,3}$' }),
    trackingNo: Type.String({ minLength: 1, maxLength: 64 }),
    classification: Type.Enum(LAPOR_CLASSIFICATIONS),
    category: Str(200),
    description: Type.String({ minLength: 1, maxLength: 4000 }),
    lat: NullableNum,
    lng: NullableNum,
    address: NullableStr(300),
    kelurahan: NullableStr(100),
    status: Type.Enum(LAPOR_STATUSES),
    note: NullableStr(4000),
    filedAt: Str(40),
    confidential: Type.Boolean(),
  },
  { additionalProperties: false },
);

export const Submitted = Type.Object({ laporId: Type.String({ minLength: 1, maxLength: 100 }) });

const IncomingReport = Type.Object({
  classification: Str(100),
  category: NullableStr(200),
  description: Type.String({ minLength: 1, maxLength: 20_000 }),
  lat: NullableNum,
  lng: NullableNum,
  address: NullableStr(1000),
  kelurahan: NullableStr(200),
  reporterName: NullableStr(200),
  filedAt: Str(40),
  confidential: Type.Optional(Type.Boolean()),
});

export const UpdatesPage = Type.Object({
  updates: Type.Array(
    Type.Object({
      laporId: Type.String({ minLength: 1, maxLength: 100 }),
      status: Str(100),
      note: NullableStr(20_000),
      at: Str(40),
      trackingNo: NullableStr(64),
      report: Type.Optional(Type.Union([IncomingReport, Type.Null()])),
    }),
    { maxItems: 1000 },
  ),
  cursor: NullableStr(500),
});

export const StatusBody = Type.Object(
  {
    status: Type.Enum(LAPOR_STATUSES),
    note: NullableStr(4000),
    at: Str(40),
  },
  { additionalProperties: false },
);

export type HttpLaporOptions = Readonly<{
  /** The API's base URL; a path in it is kept (`https://host/api/` + `v1/reports`). */
  url: string;
  token: string;
  timeoutMs: number;
  /** Updates asked for per page. */
  pageSize?: number;
}>;

export class HttpLaporGateway implements LaporGateway {
  readonly #base: URL;
  readonly #token: string;
  readonly #timeoutMs: number;
  readonly #pageSize: number;

  constructor(options: HttpLaporOptions) {
    this.#base = new URL(options.url.endsWith('/') ? options.url : `${options.url}/`);
    this.#token = options.token;
    this.#timeoutMs = options.timeoutMs;
    this.#pageSize = options.pageSize ?? 100;
  }

  async submit(report: LaporSubmission): Promise<{ laporId: string }> {
    const body = await this.#json(Submitted, 'POST', 'v1/reports', report, {
      'idempotency-key': `${report.region}/${report.trackingNo}`,
    });
    return { laporId: body.laporId };
  }

  async updatesSince(region: string, cursor: string | null): Promise<LaporPage> {
    const query = new URLSearchParams({ limit: String(this.#pageSize) });
    if (cursor !== null) query.set('cursor', cursor);
    return this.#json(UpdatesPage, 'GET', `v1/regions/${encodeURIComponent(region)}/updates?${query}`);
  }

  async pushStatus(laporId: string, status: LaporStatus, note: string | null, at: Date): Promise<void> {
    await this.#call('POST', `v1/reports/${encodeURIComponent(laporId)}/status`, {
      status,
      note,
      at: at.toISOString(),
    });
  }

  /** A call whose answer is JSON of the given schema. */
  async #json<S extends TSchema>(
    schema: S,
    method: 'GET' | 'POST',
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<Static<S>> {
    const { what, status, text } = await this.#call(method, path, body, headers);
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      throw new LaporError('protocol', `${what}: the answer is not JSON`, { status });
    }
    if (!Value.Check(schema, parsed)) {
      const first = [...Value.Errors(schema, parsed)][0];
      const where = first ? ` (${first.instancePath || '/'}: ${first.message})` : '';
      throw new LaporError('protocol', `${what}: unexpected answer${where}`, { status });
    }
    return parsed as Static<S>;
  }

  /** One request; resolves with a 2xx answer's text, throws a LaporError otherwise. */
  async #call(
    method: 'GET' | 'POST',
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<{ what: string; status: number; text: string }> {
    const url = new URL(path, this.#base);
    const what = `LAPOR! ${method} ${url.pathname}`;
    let res: Response;
    try {
      res = await fetch(url, {
        method,
        headers: {
          accept: 'application/json',
          authorization: `Bearer ${this.#token}`,
          'user-agent': 'Balai',
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...headers,
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        redirect: 'error',
        signal: AbortSignal.timeout(this.#timeoutMs),
      });
    } catch (error) {
      const timedOut =
        error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
      const reason = timedOut
        ? `no answer within ${this.#timeoutMs / 1000} s`
        : `cannot be reached (${networkReason(error)})`;
      throw new LaporError('unavailable', `${what}: ${reason}`, { cause: error });
    }
    const text = await readText(res, what);
    if (!res.ok) {
      const detail = problemDetail(text);
      const message = `${what}: ${res.status} ${res.statusText}${detail ? `: ${detail}` : ''}`;
      throw new LaporError(failureOf(res.status), message, { status: res.status });
    }
    return { what, status: res.status, text };
  }
}

function failureOf(status: number) {
  if (status >= 500 || status === 408 || status === 429) return 'unavailable' as const;
  if (status === 401 || status === 403) return 'unauthorized' as const;
  return 'refused' as const;
}

async function readText(res: Response, what: string): Promise<string> {
  try {
    return await res.text();
  } catch (error) {
    throw new LaporError('unavailable', `${what}: the answer broke off (${networkReason(error)})`, {
      status: res.status,
      cause: error,
    });
  }
}

function networkReason(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } } | null)?.cause;
  return cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error));
}

/** The useful part of an error answer: an RFC 9457 `detail`/`title`, a `message`, or the text's start. */
function problemDetail(text: string): string {
  if (!text) return '';
  try {
    const body = JSON.parse(text) as Record<string, unknown>;
    for (const k of ['detail', 'message', 'error', 'title']) {
      if (typeof body[k] === 'string') return (body[k] as string).slice(0, 300);
    }
  } catch {
    // Not JSON: the text itself.
  }
  return text.replace(/\s+/g, ' ').trim().slice(0, 300);
}
