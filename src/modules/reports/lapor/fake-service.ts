/**
 * A stand-in for SP4N-LAPOR! on this machine, speaking the API `http-gateway.ts` assumes: a real
 * HTTP server on 127.0.0.1 (port 0 unless told), so that tests and developers exercise the real
 * gateway over loopback and nothing leaves the machine. It keeps reports in memory, numbers them
 * `LAPOR-<year>-000001`, answers a repeated submission with the same id, and serves each region's
 * updates behind a cursor. What the national side does — its admins forwarding or closing a
 * report, a citizen reporting at LAPOR! about a region — is played by `postUpdate` and
 * `fileNational` (or `POST /_fake/updates`, `POST /_fake/reports`). `down` makes it answer 503.
 *
 *   npx node src/modules/reports/lapor/fake-service.ts [port]   prints LAPOR_URL and LAPOR_TOKEN
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Type } from 'typebox';
import { Value } from 'typebox/value';
import type { LaporIncomingReport, LaporSubmission, LaporUpdate } from './gateway.ts';
import { StatusBody, SubmissionBody } from './http-gateway.ts';

export type FakeLaporReport = {
  laporId: string;
  region: string;
  /** Balai's tracking number for a report Balai sent; null for one filed at LAPOR!. */
  trackingNo: string | null;
  status: string;
  submission: LaporSubmission | null;
  report: LaporIncomingReport | null;
  /** Every status it went through, from either side. */
  history: Array<{ status: string; note: string | null; at: string; by: 'balai' | 'lapor' }>;
};

export type FakeLapor = Readonly<{
  url: string;
  token: string;
  reports: ReadonlyMap<string, FakeLaporReport>;
  /** Every request received, in order (method and path, with the query). */
  requests: ReadonlyArray<{ method: string; path: string }>;
  /** While true every API call answers 503. */
  down: boolean;
  setDown(down: boolean): void;
  /** The ministry (or a LAPOR! admin) changes a report's status: an update in its region's feed. */
  postUpdate(laporId: string, status: string, note?: string | null): LaporUpdate;
  /** A citizen reports at LAPOR! about `region`: a new report in the region's feed. */
  fileNational(region: string, report: Partial<LaporIncomingReport> & { description: string }): string;
  close(): Promise<void>;
}>;

const FakeUpdate = Type.Object({
  laporId: Type.String(),
  status: Type.String(),
  note: Type.Optional(Type.String()),
});
const FakeReport = Type.Object({ region: Type.String(), description: Type.String({ minLength: 1 }) });

export async function startFakeLapor(options: { port?: number; token?: string } = {}): Promise<FakeLapor> {
  const token = options.token ?? `fake-${randomBytes(12).toString('hex')}`;
  const reports = new Map<string, FakeLaporReport>();
  const byTrackingNo = new Map<string, string>();
  const feed: Array<{ seq: number; region: string; update: LaporUpdate }> = [];
  const requests: Array<{ method: string; path: string }> = [];
  let sequence = 0;
  let feedSequence = 0;
  let down = false;

  const newId = (at: Date) => `LAPOR-${at.getUTCFullYear()}-${String(++sequence).padStart(6, '0')}`;
  const publish = (region: string, update: LaporUpdate) => {
    feed.push({ seq: ++feedSequence, region, update });
    return update;
  };

  const fake = {
    url: '',
    token,
    reports,
    requests,
    get down() {
      return down;
    },
    setDown(value: boolean) {
      down = value;
    },
    postUpdate(laporId: string, status: string, note: string | null = null) {
      const r = reports.get(laporId);
      if (!r) throw new Error(`fake LAPOR!: no report ${laporId}`);
      const at = new Date().toISOString();
      r.status = status;
      r.history.push({ status, note, at, by: 'lapor' });
      return publish(r.region, { laporId, status, note, at, trackingNo: r.trackingNo });
    },
    fileNational(region: string, input: Partial<LaporIncomingReport> & { description: string }) {
      const now = new Date();
      const laporId = newId(now);
      const report: LaporIncomingReport = {
        classification: input.classification ?? 'Pengaduan',
        category: input.category ?? null,
        description: input.description,
        lat: input.lat ?? null,
        lng: input.lng ?? null,
        address: input.address ?? null,
        kelurahan: input.kelurahan ?? null,
        reporterName: input.reporterName ?? null,
        filedAt: input.filedAt ?? now.toISOString(),
        ...(input.confidential ? { confidential: true } : {}),
      };
      const status = 'Didisposisikan';
      const note = 'Diteruskan ke pemerintah daerah melalui SP4N-LAPOR!';
      reports.set(laporId, {
        laporId,
        region,
        trackingNo: null,
        status,
        submission: null,
        report,
        history: [{ status, note, at: now.toISOString(), by: 'lapor' }],
      });
      publish(region, { laporId, status, note, at: now.toISOString(), trackingNo: null, report });
      return laporId;
    },
    close: () => Promise.resolve(),
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => send(res, 500, { detail: String(error) }));
  });

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', 'http://fake');
    requests.push({ method: req.method ?? '', path: `${url.pathname}${url.search}` });
    const body = req.method === 'POST' ? await readJson(req) : undefined;
    if (body === INVALID) return send(res, 400, { detail: 'the body is not JSON' });

    // Control endpoints for a developer driving the fake by hand (no token, like a test's calls).
    if (url.pathname === '/_fake/updates' && req.method === 'POST') {
      if (!Value.Check(FakeUpdate, body)) return send(res, 400, { detail: 'laporId and status' });
      if (!reports.has(body.laporId)) return send(res, 404, { detail: 'unknown laporId' });
      return send(res, 201, fake.postUpdate(body.laporId, body.status, body.note ?? null));
    }
    if (url.pathname === '/_fake/reports' && req.method === 'POST') {
      if (!Value.Check(FakeReport, body)) return send(res, 400, { detail: 'region and description' });
      const { region, ...rest } = body as { region: string } & LaporIncomingReport;
      return send(res, 201, { laporId: fake.fileNational(region, rest) });
    }

    if (down) return send(res, 503, { detail: 'Layanan sedang dalam pemeliharaan' });
    if (req.headers.authorization !== `Bearer ${token}`) return send(res, 401, { detail: 'token tidak sah' });

    if (url.pathname === '/v1/reports' && req.method === 'POST') {
      if (!Value.Check(SubmissionBody, body)) {
        const first = [...Value.Errors(SubmissionBody, body)][0];
        return send(res, 422, { detail: `laporan tidak valid: ${first?.instancePath} ${first?.message}` });
      }
      const key = `${body.region}/${body.trackingNo}`;
      if (req.headers['idempotency-key'] !== key) return send(res, 400, { detail: 'Idempotency-Key' });
      const known = byTrackingNo.get(key);
      if (known) return send(res, 200, { laporId: known });
      const now = new Date();
      const laporId = newId(now);
      byTrackingNo.set(key, laporId);
      reports.set(laporId, {
        laporId,
        region: body.region,
        trackingNo: body.trackingNo,
        status: body.status,
        submission: body,
        report: null,
        history: [{ status: body.status, note: body.note, at: now.toISOString(), by: 'balai' }],
      });
      return send(res, 201, { laporId });
    }
    const updates = /^\/v1\/regions\/([^/]+)\/updates$/.exec(url.pathname);
    if (updates && req.method === 'GET') {
      const region = decodeURIComponent(updates[1]!);
      const after = Number(url.searchParams.get('cursor') ?? '0');
      const limit = Math.min(1000, Math.max(1, Number(url.searchParams.get('limit') ?? '100')));
      if (!Number.isInteger(after) || after < 0) return send(res, 400, { detail: 'cursor' });
      const page = feed.filter((e) => e.region === region && e.seq > after).slice(0, limit);
      const cursor = page.length > 0 ? String(page.at(-1)!.seq) : url.searchParams.get('cursor');
      return send(res, 200, { updates: page.map((e) => e.update), cursor });
    }
    const status = /^\/v1\/reports\/([^/]+)\/status$/.exec(url.pathname);
    if (status && req.method === 'POST') {
      const r = reports.get(decodeURIComponent(status[1]!));
      if (!r) return send(res, 404, { detail: 'laporan tidak ditemukan' });
      if (!Value.Check(StatusBody, body)) return send(res, 422, { detail: 'status tidak valid' });
      r.status = body.status;
      r.history.push({ status: body.status, note: body.note, at: body.at, by: 'balai' });
      return send(res, 204);
    }
    return send(res, 404, { detail: 'not found' });
  }

  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  fake.close = () =>
    new Promise<void>((resolve, reject) => {
      server.closeAllConnections();
      server.close((error) => (error ? reject(error) : resolve()));
    });
  return fake;
}

const INVALID = Symbol('invalid');

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return INVALID;
  }
}

function send(res: ServerResponse, status: number, body?: unknown) {
  if (body === undefined) {
    res.writeHead(status).end();
    return;
  }
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

if (import.meta.main) {
  const port = Number(process.argv[2] ?? 4311);
  const fake = await startFakeLapor({ port, token: process.env.LAPOR_TOKEN ?? 'fake-lapor-token' });
  console.log(
    `Fake SP4N-LAPOR! listening. Start Balai with:\n  LAPOR_URL=${fake.url} LAPOR_TOKEN=${fake.token}`,
  );
  console.log(`Play the national side: POST ${fake.url}_fake/reports {"region":"36.71","description":"…"}`);
  console.log(`                        POST ${fake.url}_fake/updates {"laporId":"…","status":"Selesai"}`);
}
