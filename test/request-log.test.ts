/**
 * The server's log: outside production one readable line per request (method, path, status,
 * duration, request id) with a password-reset token redacted, and errors with their stack; with
 * LOG_FORMAT=json one JSON record per request with the same facts.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../src/platform/http/app.ts';
import { formatRecord, redactQuery } from '../src/platform/http/request-log.ts';
import { DB_KIND, makeTenant, startTest, type TestContext } from './support/harness.ts';

const SECRET = 'rahasia-token-0123456789';

async function capturedApp(t: TestContext): Promise<{ app: FastifyInstance; lines: string[] }> {
  const lines: string[] = [];
  const app = await buildApp(t.platform, { logStream: { write: (chunk: string) => lines.push(chunk) } });
  await app.ready();
  lines.length = 0;
  return { app, lines };
}

describe(`request log (${DB_KIND})`, () => {
  let line: TestContext;
  let json: TestContext;
  before(async () => {
    line = await startTest({ env: { LOG_LEVEL: 'info' } });
    json = await startTest({ env: { LOG_LEVEL: 'info', LOG_FORMAT: 'json' } });
    await makeTenant(line.platform, 'kota-log');
  });
  after(async () => {
    await line?.close();
    await json?.close();
  });

  test('LOG_FORMAT=line writes exactly one readable line per request, the token redacted', async () => {
    const { app, lines } = await capturedApp(line);
    try {
      const res = await app.inject({
        url: `/t/kota-log/atur-sandi?token=${SECRET}&lang=en`,
        headers: { 'x-request-id': 'req-log-test-1' },
      });
      assert.equal(lines.length, 1, lines.join(''));
      const [text] = lines as [string];
      assert.ok(text.endsWith('\n') && !text.slice(0, -1).includes('\n'), text);
      const match =
        /^(\d\d:\d\d:\d\d) GET (\/t\/kota-log\/atur-sandi\?token=\[redacted\]&lang=en) (\d{3}) (\d+\.\d) ms (\S+)\n$/.exec(
          text,
        );
      assert.ok(match, text);
      assert.equal(Number(match[3]), res.statusCode);
      assert.equal(match[5], 'req-log-test-1');
      assert.ok(!text.includes(SECRET), text);

      // A route that does not exist is one line too, with its status.
      lines.length = 0;
      const missing = await app.inject({ method: 'POST', url: '/t/kota-log/api/v1/tidak-ada' });
      assert.equal(lines.length, 1, lines.join(''));
      assert.match(
        lines[0]!,
        new RegExp(
          `^\\d\\d:\\d\\d:\\d\\d POST /t/kota-log/api/v1/tidak-ada ${missing.statusCode} \\d+\\.\\d ms \\S+\\n$`,
        ),
      );
    } finally {
      await app.close();
    }
  });

  test('a PPID status link’s secret (`kode`) is redacted like a reset token, other values kept', () => {
    assert.equal(
      redactQuery('/t/kota/situs/utama/ppid/status/PPID-UTAMA-2026-000001?kode=rahasia123&lang=id'),
      '/t/kota/situs/utama/ppid/status/PPID-UTAMA-2026-000001?kode=[redacted]&lang=id',
    );
    assert.equal(redactQuery('/cari?q=kode&kodepos=15111'), '/cari?q=kode&kodepos=15111');
  });

  test('LOG_FORMAT=json writes one JSON record per request, the token redacted', async () => {
    const { app, lines } = await capturedApp(json);
    try {
      const res = await app.inject({ url: `/healthz?token=${SECRET}` });
      assert.equal(lines.length, 1, lines.join(''));
      const record = JSON.parse(lines[0]!) as {
        level: number;
        msg: string;
        req: { method: string; url: string };
        res: { statusCode: number };
        responseTime: number;
      };
      assert.equal(record.msg, 'request completed');
      assert.equal(record.level, 30);
      assert.deepEqual([record.req.method, record.req.url], ['GET', '/healthz?token=[redacted]']);
      assert.equal(record.res.statusCode, res.statusCode);
      assert.equal(typeof record.responseTime, 'number');
      assert.ok(!lines[0]!.includes(SECRET));
    } finally {
      await app.close();
    }
  });
});

test('a record that is not a request is one line with its fields, an error with its stack below', () => {
  const error = new Error('database went away');
  const time = new Date(2026, 11, 6, 14, 2, 11).getTime();
  const text = formatRecord(
    JSON.stringify({
      level: 50,
      time,
      pid: 1,
      hostname: 'h',
      reqId: 'req-9',
      req: { method: 'GET', url: '/t/x/api/v1/reports' },
      err: { type: 'Error', message: error.message, stack: error.stack },
      code: 'internal',
      msg: 'unhandled error',
    }),
  );
  const [first, ...rest] = text.trimEnd().split('\n');
  assert.equal(first, '14:02:11 ERROR unhandled error code=internal (GET /t/x/api/v1/reports) req-9');
  assert.equal(rest.join('\n'), error.stack);
  const job = formatRecord(JSON.stringify({ level: 40, time, job: 'notify', attempts: 3, msg: 'gave up' }));
  assert.equal(job, '14:02:11 WARN gave up job=notify attempts=3\n');
});
