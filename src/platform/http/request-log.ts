/**
 * The server's log: pino's JSON (production, for a log collector), or one readable line per record
 * (development: `14:02:11 POST /t/kota-tangerang/api/v1/reports 201 12.3 ms <request id>`). Either
 * way each request is logged once, when its answer has gone, and a password-reset token in a query
 * never reaches the log.
 */
import { type FastifyReply, type FastifyRequest, LogController } from 'fastify';
import type { Config } from '../config.ts';

/** Where log records are written: process.stdout by default, a captured stream in tests. */
export type LogStream = { write(chunk: string): unknown };

/**
 * A URL with the values of secret-bearing query parameters replaced: `token` (a password-reset
 * link) and `kode` (the secret of a public-information request's status link).
 */
export function redactQuery(url: string): string {
  return url.replace(/([?&](?:token|kode)=)[^&#]*/g, '$1[redacted]');
}

/** Fastify's `logger` options for the configured level and format. */
export function loggerOptions(config: Pick<Config, 'logLevel' | 'logFormat'>, stream?: LogStream) {
  const out = stream ?? process.stdout;
  return {
    level: config.logLevel,
    redact: ['req.headers.authorization', 'req.headers.cookie'],
    serializers: {
      // A password-reset link carries its token in the query: never write it to a log.
      req: (req: { method: string; url: string; host?: string; ip?: string }) => ({
        method: req.method,
        url: redactQuery(req.url),
        host: req.host,
        remoteAddress: req.ip,
      }),
    },
    ...(config.logFormat === 'line' ? { stream: lineStream(out) } : stream ? { stream } : {}),
  };
}

/**
 * Fastify's request logging, once per request: its "incoming request" record is dropped and the
 * completed one carries the method and URL, so one record (one line) tells the whole request.
 */
export class OneRecordPerRequest extends LogController {
  override incomingRequest() {}

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply) {
    const record = { req: request, res: reply, responseTime: reply.elapsedTime };
    if (error) reply.log.error({ ...record, err: error }, 'request errored');
    else reply.log.info(record, 'request completed');
  }
}

const LEVELS: Record<number, string> = {
  10: 'TRACE',
  20: 'DEBUG',
  30: 'INFO',
  40: 'WARN',
  50: 'ERROR',
  60: 'FATAL',
};

/** What every record carries and the line shows in its own place (or not at all). */
const SHOWN_APART = new Set(['level', 'time', 'pid', 'hostname', 'msg', 'reqId', 'err', 'req', 'res']);

type LogRecord = {
  level?: number;
  time?: number;
  msg?: string;
  reqId?: string;
  req?: { method?: string; url?: string };
  res?: { statusCode?: number };
  responseTime?: number;
  err?: { stack?: string; message?: string };
  [key: string]: unknown;
};

function clock(time: number | undefined): string {
  const d = new Date(time ?? Date.now());
  return [d.getHours(), d.getMinutes(), d.getSeconds()].map((n) => String(n).padStart(2, '0')).join(':');
}

/**
 * One pino record (a JSON line) as text: a request on one line; any other record as its time,
 * level and message with its other fields as `key=value`; an error's stack below either.
 */
export function formatRecord(json: string): string {
  let r: LogRecord;
  try {
    r = JSON.parse(json) as LogRecord;
  } catch {
    return json.endsWith('\n') ? json : `${json}\n`;
  }
  const time = clock(r.time);
  const id = r.reqId ? ` ${r.reqId}` : '';
  const stack = r.err ? `\n${r.err.stack ?? r.err.message ?? JSON.stringify(r.err)}` : '';
  if (r.req && typeof r.responseTime === 'number') {
    const status = r.res?.statusCode ?? '-';
    return `${time} ${r.req.method} ${r.req.url} ${status} ${r.responseTime.toFixed(1)} ms${id}${stack}\n`;
  }
  const level = LEVELS[r.level ?? 30] ?? String(r.level);
  const fields = Object.entries(r)
    .filter(([k]) => !SHOWN_APART.has(k))
    .map(([k, v]) => ` ${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`)
    .join('');
  const request = r.req?.method ? ` (${r.req.method} ${r.req.url})` : '';
  return `${time} ${level} ${r.msg ?? ''}${fields}${request}${id}${stack}\n`;
}

/** A pino destination that writes each record as `formatRecord` does. */
export function lineStream(out: LogStream): LogStream {
  return {
    write(chunk: string) {
      // pino writes one record per call, ending in a newline.
      return out.write(formatRecord(chunk.replace(/\n$/, '')));
    },
  };
}
