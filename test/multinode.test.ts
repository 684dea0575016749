/**
 * More than one machine: two Balai nodes (separate processes, as on two machines) on one
 * PostgreSQL primary, both reading what may be slightly stale from a hot standby, and HAProxy in
 * front of them, round-robin (Debian's haproxy: .ci/run installs it). Writes on either node are
 * read on both, a live event reaches a stream on the other node, a write on one node drops the
 * other's cached entry, a job runs once whichever node sent it, and the public reads served by the
 * replica are stale only while it lags: fresh once it has replayed the write (waited for by WAL
 * position, not by time), never kept stale in a cache, taken from the primary while the replica is
 * gone or further behind than allowed, and back on it once it returns.
 *
 * PostgreSQL only, on servers of the suite's own (test/support/pg-cluster.ts).
 */
import assert from 'node:assert/strict';
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import pg from 'pg';
import { bootPlatform } from '../src/platform/boot.ts';
import { MODULES } from '../src/platform/catalogue/installed.ts';
import { loadConfig } from '../src/platform/config.ts';
import { openDatabase } from '../src/platform/db/database.ts';
import { readMaybeStale } from '../src/platform/db/replica.ts';
import { SYSTEM_ACTOR } from '../src/platform/db/tenant-scope.ts';
import { issueToken } from '../src/platform/people/auth.ts';
import { freePort } from './support/free-port.ts';
import { DB_KIND, makeLive, makeStaff, makeTenant, PASSWORD } from './support/harness.ts';
import {
  type PrivateCluster,
  privateClusterUnavailable,
  type Standby,
  startPrivateCluster,
  startStandby,
} from './support/pg-cluster.ts';
import { type ServerProcess, spawnServer } from './support/server-process.ts';

const skip =
  DB_KIND !== 'postgres'
    ? 'PostgreSQL only (TEST_DATABASE_URL): streaming replication and several processes on one database need PostgreSQL servers'
    : (privateClusterUnavailable() ?? false);

/** Where HAProxy is, or undefined. */
function haproxyPath(): string | undefined {
  try {
    return execFileSync('sh', ['-c', 'command -v haproxy'], { encoding: 'utf8' }).trim() || undefined;
  } catch {
    return undefined;
  }
}

/** How far the replica may lag before its reads go to the primary, in the nodes under test. */
const MAX_LAG_SECONDS = 5;
const SLUG = 'kota-multinode';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

type Answer = { status: number; headers: Headers; body: string; json(): Record<string, unknown> };

describe('several nodes on one primary with a hot standby (postgres)', { skip }, () => {
  let primary: PrivateCluster;
  let standby: Standby;
  let db: pg.Client;
  let tenantId: string;
  let token: string;
  const nodes: Record<'a' | 'b', ServerProcess> = {} as never;
  const cleanups: Array<() => Promise<void>> = [];

  before(async () => {
    primary = await startPrivateCluster({ maxConnections: 200 });
    cleanups.push(() => primary.destroy());
    db = new pg.Client({ connectionString: primary.url() });
    await db.connect();
    cleanups.push(() => db.end());
    await db.query('create database balai');
    standby = await startStandby(primary, { maxConnections: 200 });
    cleanups.push(() => standby.destroy());
    await db.end();
    db = new pg.Client({ connectionString: primary.url('balai') });
    await db.connect();

    // The tenant, its administrator's token and the reports app, written once before the nodes start.
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'balai-multinode-'));
    cleanups.push(async () => rmSync(dataDir, { recursive: true, force: true }));
    const setup = await bootPlatform(
      loadConfig({ NODE_ENV: 'test', DATA_DIR: dataDir, DATABASE_URL: primary.url('balai') }),
      MODULES,
    );
    try {
      tenantId = (await makeTenant(setup, SLUG)).id;
      const neighbour = (await makeTenant(setup, 'kota-tetangga')).id;
      await makeStaff(setup, neighbour, ['tenant_admin']);
      await makeLive(setup, tenantId, 'reports');
      const admin = await makeStaff(setup, tenantId, ['tenant_admin']);
      token = await setup.inTenant(
        tenantId,
        SYSTEM_ACTOR,
        async (scope) => (await issueToken(scope, admin.id, 'multinode', null)).token,
      );
    } finally {
      await setup.close();
    }

    const env = {
      DATA_DIR: dataDir,
      DATABASE_URL: primary.url('balai'),
      DATABASE_REPLICA_URL: standby.url('balai'),
      DATABASE_REPLICA_MAX_LAG_SECONDS: String(MAX_LAG_SECONDS),
      PROBE_TENANT_ID: tenantId,
    };
    const start = (name: 'a' | 'b') => {
      const spawned = spawnServer(
        { ...env, NODE_NAME: name },
        { entry: 'test/support/cluster-node.ts', stdin: true },
      );
      cleanups.push(() => stop(spawned.child, spawned.exited));
      return spawned.ready;
    };
    [nodes.a, nodes.b] = await Promise.all([start('a'), start('b')]);
    const category = await call(nodes.a, 'PUT', '/reports/categories/roads', {
      name: { id: 'Jalan', en: 'Roads' },
    });
    assert.equal(category.status, 200, category.body);
  });

  after(async () => {
    for (const c of cleanups.reverse()) await c().catch(() => undefined);
  });

  async function stop(child: ChildProcess, exited: Promise<unknown>) {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    await exited;
    clearTimeout(timer);
  }

  async function call(
    node: ServerProcess | string,
    method: string,
    route: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Answer> {
    const base = typeof node === 'string' ? node : node.base;
    const all: Record<string, string> = {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...headers,
    };
    // An empty value leaves the header out (a public read, a request with a session instead).
    const res = await fetch(`${base}/t/${SLUG}/api/v1${route}`, {
      method,
      headers: Object.fromEntries(Object.entries(all).filter(([, v]) => v !== '')),
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    return { status: res.status, headers: res.headers, body: text, json: () => JSON.parse(text) };
  }

  const agencyCodes = async (node: ServerProcess | string) => {
    const answer = await call(node, 'GET', '/agencies');
    assert.equal(answer.status, 200, answer.body);
    return (answer.json().items as Array<{ code: string }>).map((a) => a.code);
  };

  const createAgency = async (node: ServerProcess | string, code: string) => {
    const answer = await call(node, 'POST', '/agencies', { code, name: `Unit ${code}`, kind: 'uptd' });
    assert.equal(answer.status, 201, answer.body);
  };

  const fileReport = async (node: ServerProcess | string, description: string) => {
    const answer = await call(node, 'POST', '/reports', {
      type: 'complaint',
      category: 'roads',
      description,
      lat: -6.18,
      lng: 106.63,
    });
    assert.equal(answer.status, 201, answer.body);
    return answer.json() as { id: string; trackingNo: string };
  };

  /** The ids in the public list, as the node answers it (from its cache or the replica). */
  const publicIds = async (node: ServerProcess | string) => {
    const answer = await call(node, 'GET', '/reports?limit=100', undefined, { authorization: '' });
    assert.equal(answer.status, 200, answer.body);
    return (answer.json().items as Array<{ id: string }>).map((r) => r.id);
  };

  /**
   * Waits until `check` holds: what one node commits reaches another node's cache and streams
   * through the database, a moment after the writer's answer.
   */
  async function eventually(check: () => Promise<boolean>, what: string, ms = 5_000) {
    const deadline = Date.now() + ms;
    while (!(await check())) {
      assert.ok(Date.now() < deadline, what);
      await sleep(20);
    }
  }

  /** The primary's WAL insert position now: past the commit of every write acknowledged before. */
  const primaryPosition = async () =>
    (await db.query<{ lsn: string }>('select pg_current_wal_insert_lsn()::text as lsn')).rows[0]!.lsn;

  test('on the replica, a read runs as on the primary: the application role, its tenant only, read-only', async () => {
    const database = await openDatabase({
      url: primary.url('balai'),
      replica: { url: standby.url('balai'), maxLagMs: 30_000 },
    });
    try {
      await standby.waitForReplay(await primaryPosition());
      const tenants = await readMaybeStale(
        database.db,
        database.replica,
        tenantId,
        SYSTEM_ACTOR,
        async (scope) => {
          assert.ok(scope.replayedTo, 'read on the standby, which says how far it has replayed');
          const who = await sql<{ standby: boolean; role: string; tenant: string }>`
          select pg_is_in_recovery() as standby, current_user as role,
            current_setting('app.tenant_id') as tenant`.execute(scope.trx);
          assert.deepEqual(who.rows[0], { standby: true, role: 'balai_app', tenant: tenantId });
          // No tenant filter: row-level security alone keeps the neighbour's accounts out.
          return (await sql<{ tenant_id: string }>`select distinct tenant_id from users`.execute(scope.trx))
            .rows;
        },
      );
      assert.deepEqual(tenants, [{ tenant_id: tenantId }]);
      // A write is refused there, and not retried on the primary: it is not the replica's failure.
      await assert.rejects(
        readMaybeStale(database.db, database.replica, tenantId, SYSTEM_ACTOR, (scope) =>
          scope.trx
            .insertInto('tenant_holidays')
            .values({ tenant_id: tenantId, date: '2026-05-01', name: 'Tidak boleh' })
            .execute(),
        ),
        /read-only transaction/,
      );
      assert.equal(
        (await db.query(`select count(*)::int as n from tenant_holidays where name = 'Tidak boleh'`)).rows[0]
          .n,
        0,
      );
    } finally {
      await database.close();
    }
  });

  test('a write on either node is read on the other', async () => {
    await createAgency(nodes.a, 'FROM-A');
    await createAgency(nodes.b, 'FROM-B');
    for (const node of [nodes.a, nodes.b]) {
      await eventually(async () => {
        const codes = await agencyCodes(node);
        return codes.includes('FROM-A') && codes.includes('FROM-B');
      }, `${node.base} does not list both agencies`);
    }
    const report = await fileReport(nodes.b, 'Lampu jalan mati di depan kantor lurah');
    const detail = await call(nodes.a, 'GET', `/reports/${report.id}`);
    assert.equal(detail.status, 200, detail.body);
    assert.equal(detail.json().trackingNo, report.trackingNo);
  });

  test('a write on node A drops the entry node B keeps in its cache', async () => {
    await agencyCodes(nodes.b);
    // A row written behind every node's back (no invalidation): node B does not see it, so it
    // answers from its cache.
    await db.query(
      `insert into agencies (tenant_id, id, code, name, kind) values ($1, gen_random_uuid(), 'UNSEEN', 'Unit UNSEEN', 'uptd')`,
      [tenantId],
    );
    assert.ok(!(await agencyCodes(nodes.b)).includes('UNSEEN'), 'node B answers from its cache');
    await createAgency(nodes.a, 'CHANGED-ON-A');
    // The invalidation travels by the database, after A's commit: B reloads once it arrives.
    const deadline = Date.now() + 5_000;
    let codes = await agencyCodes(nodes.b);
    while (!codes.includes('CHANGED-ON-A') && Date.now() < deadline) {
      await sleep(20);
      codes = await agencyCodes(nodes.b);
    }
    assert.ok(codes.includes('CHANGED-ON-A'), `B's cache was not invalidated: ${codes}`);
    assert.ok(codes.includes('UNSEEN'), 'B read the list again rather than patching its entry');
  });

  test('a live event of a write on node A reaches a stream opened on node B', async () => {
    const controller = new AbortController();
    const res = await fetch(`${nodes.b.base}/t/${SLUG}/api/v1/events`, {
      headers: { authorization: `Bearer ${token}` },
      signal: controller.signal,
    });
    assert.equal(res.status, 200);
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    let text = '';
    const readUntil = async (pattern: RegExp) => {
      const timer = setTimeout(() => controller.abort(), 10_000);
      try {
        while (!pattern.test(text)) {
          const { value, done } = await reader.read();
          if (done) break;
          text += decoder.decode(value, { stream: true });
        }
      } finally {
        clearTimeout(timer);
      }
      return pattern.exec(text);
    };
    assert.ok(await readUntil(/retry: \d+/), 'the stream opened');
    const report = await fileReport(nodes.a, 'Pohon tumbang menutup jalan');
    const seen = await readUntil(
      new RegExp(`event: report\\.filed\\ndata: (.*"entityId":"${report.id}".*)\\n`),
    );
    controller.abort();
    assert.ok(seen, `node B's stream did not carry the event:\n${text}`);
    assert.equal(JSON.parse(seen[1]!).tenantId, tenantId);
  });

  test('a job sent on either node runs once, on one node', async () => {
    const runs = () =>
      [nodes.a, nodes.b]
        .flatMap((node) => [...node.output().matchAll(/probe (\d+) ran on (\w+)/g)])
        .map((m) => ({ n: Number(m[1]), node: m[2]! }));
    const sent = 20;
    // One at a time, from either node in turn: both runners are woken by each (pg-boss's NOTIFY)
    // and race for it. A burst would wait for the runners' idle poll (30 s under NOTIFY, see the
    // report of this work): not what is tested here.
    for (let n = 1; n <= sent; n++) {
      (n % 2 ? nodes.a : nodes.b).child.stdin!.write(`send ${n}\n`);
      const deadline = Date.now() + 10_000;
      while (!runs().some((r) => r.n === n)) {
        assert.ok(Date.now() < deadline, `probe ${n} did not run:\n${nodes.a.output()}\n${nodes.b.output()}`);
        await sleep(20);
      }
    }
    // Long enough for a second run to show: several polling intervals of both runners.
    await sleep(2_000);
    const done = runs();
    for (let n = 1; n <= sent; n++) {
      const times = done.filter((r) => r.n === n).map((r) => r.node);
      assert.equal(times.length, 1, `probe ${n} ran on ${times.join(', ')}`);
    }
    const onA = done.filter((r) => r.node === 'a').length;
    console.log(`# ${sent} probe jobs: ${onA} ran on node a, ${sent - onA} on node b`);
  });

  test('a public read from the replica is stale while it lags, fresh once it has replayed the write, never cached stale', async () => {
    await publicIds(nodes.b);
    await standby.pauseReplay();
    let resumed = false;
    try {
      const report = await fileReport(nodes.a, 'Saluran air tersumbat sampah');
      const written = await primaryPosition();
      // Both nodes are told to drop their lists (B once A's invalidation reaches it, within a few
      // milliseconds: reading for a while makes sure some reads come after); the replica, paused,
      // does not have the report yet.
      const until = Date.now() + 600;
      while (Date.now() < until) {
        assert.ok(!(await publicIds(nodes.b)).includes(report.id), 'node B read the list on the replica');
        assert.ok(!(await publicIds(nodes.a)).includes(report.id), 'node A read the list on the replica');
        await sleep(50);
      }
      // A read that must not be stale (the report's own page) is on the primary.
      assert.equal((await call(nodes.b, 'GET', `/reports/${report.id}`)).status, 200);
      await standby.resumeReplay();
      resumed = true;
      await standby.waitForReplay(written);
      // Had a node kept the stale list it read, it would answer it until the TTL.
      assert.ok((await publicIds(nodes.b)).includes(report.id), 'node B sees the report once replayed');
      assert.ok((await publicIds(nodes.a)).includes(report.id), 'node A sees the report once replayed');
    } finally {
      if (!resumed) await standby.resumeReplay();
    }
  });

  test('with the replica gone, its reads go to the primary; once it is back, they return to it', async () => {
    await standby.stop();
    try {
      const report = await fileReport(nodes.a, 'Genangan air setelah hujan di perempatan');
      // Whichever node answers, the list is whole: read on the primary.
      for (const node of [nodes.a, nodes.b]) {
        await eventually(
          async () => (await publicIds(node)).includes(report.id),
          `${node.base} lacks the report`,
        );
      }
      // Said in the node's log (which reaches this process a moment after the answer).
      const deadline = Date.now() + 5_000;
      while (!/read replica set aside \(unreachable/.test(nodes.b.output()) && Date.now() < deadline)
        await sleep(20);
      assert.match(nodes.b.output(), /read replica set aside \(unreachable/);
    } finally {
      await standby.start();
    }
    await standby.waitForReplay(await primaryPosition());
    // Reads return to it once its time aside is over: node B opens connections there again (each
    // read a list not cached yet, so that it reads the database).
    const onStandby = async () =>
      (
        await standby.query<{ n: number }>(
          `select count(*)::int as n from pg_stat_activity where datname = 'balai' and backend_type = 'client backend' and pid <> pg_backend_pid()`,
          'balai',
        )
      ).n;
    const deadline = Date.now() + 20_000;
    for (let day = 1; (await onStandby()) === 0; day++) {
      assert.ok(Date.now() < deadline, 'reads never went back to the replica');
      const from = new Date(Date.UTC(2000, 0, day)).toISOString().slice(0, 10);
      assert.equal(
        (await call(nodes.b, 'GET', `/reports?from=${from}`, undefined, { authorization: '' })).status,
        200,
      );
      await sleep(100);
    }
  });

  test(`a replica more than ${MAX_LAG_SECONDS} s behind is passed over for the primary`, async () => {
    await standby.pauseReplay();
    try {
      const report = await fileReport(nodes.a, 'Trotoar rusak di depan pasar');
      const filedAt = Date.now();
      assert.ok(!(await publicIds(nodes.b)).includes(report.id), 'read on the replica at first');
      while (!(await publicIds(nodes.b)).includes(report.id)) {
        assert.ok(Date.now() - filedAt < 20_000, 'the lagging replica was never passed over');
        await sleep(250);
      }
      const waited = Date.now() - filedAt;
      // The lag is measured to within the second the primary's position is sampled at.
      assert.ok(waited >= (MAX_LAG_SECONDS - 2) * 1000, `passed over after ${waited} ms`);
    } finally {
      await standby.resumeReplay();
      await standby.waitForReplay(await primaryPosition());
    }
  });

  test('the standby replays an acknowledged write within milliseconds (measured)', async () => {
    const watcher = new pg.Client({ connectionString: standby.url('balai') });
    await watcher.connect();
    try {
      const delays: number[] = [];
      for (let i = 0; i < 20; i++) {
        await createAgency(nodes[i % 2 ? 'b' : 'a'], `LAG-${i}`);
        const acknowledged = performance.now();
        const written = await primaryPosition();
        for (;;) {
          const { rows } = await watcher.query<{ caught: boolean }>(
            'select pg_last_wal_replay_lsn() >= $1::pg_lsn as caught',
            [written],
          );
          if (rows[0]!.caught) break;
          assert.ok(performance.now() - acknowledged < 5_000, `write ${i} not replayed within 5 s`);
        }
        delays.push(performance.now() - acknowledged);
      }
      delays.sort((x, y) => x - y);
      console.log(
        `# standby replay after an acknowledged write: median ${delays[10]!.toFixed(1)} ms, max ${delays.at(-1)!.toFixed(1)} ms (20 writes)`,
      );
    } finally {
      await watcher.end();
    }
  });

  describe('behind HAProxy, round-robin', () => {
    let lb: string;
    let haproxy: ChildProcess;

    before(async () => {
      // Never skipped where the suite runs: a balancer check that silently does not run proves
      // nothing (.ci/run installs Debian's haproxy when it is missing).
      const haproxyProgram = haproxyPath();
      assert.ok(haproxyProgram, 'haproxy is missing: apt-get install haproxy');
      const dir = mkdtempSync(path.join(os.tmpdir(), 'balai-haproxy-'));
      cleanups.push(async () => rmSync(dir, { recursive: true, force: true }));
      const port = await freePort();
      const [a, b] = [nodes.a.base, nodes.b.base].map((u) => new URL(u).host);
      const config = path.join(dir, 'haproxy.cfg');
      writeFileSync(
        config,
        [
          'global',
          '  maxconn 512',
          'defaults',
          '  mode http',
          '  timeout connect 5s',
          '  timeout client 60s',
          '  timeout server 60s',
          'frontend balai',
          `  bind 127.0.0.1:${port}`,
          '  option forwardfor',
          '  default_backend nodes',
          'backend nodes',
          '  balance roundrobin',
          '  option httpchk',
          '  http-check send meth GET uri /readyz',
          '  http-response set-header X-Balai-Node %s',
          `  server a ${a} check inter 500ms`,
          `  server b ${b} check inter 500ms`,
          '',
        ].join('\n'),
      );
      haproxy = spawn(haproxyProgram, ['-f', config, '-db'], { stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      haproxy.stdout!.on('data', (c) => (out += c));
      haproxy.stderr!.on('data', (c) => (out += c));
      const exited = new Promise((r) => haproxy.once('exit', r));
      cleanups.push(() => stop(haproxy, exited));
      lb = `http://127.0.0.1:${port}`;
      // Up once both servers passed their health check: the answers then alternate.
      const deadline = Date.now() + 15_000;
      for (;;) {
        const seen = new Set<string>();
        for (let i = 0; i < 4; i++) {
          const res = await fetch(`${lb}/readyz`).catch(() => undefined);
          if (res?.status === 200) seen.add(res.headers.get('x-balai-node') ?? '');
          await res?.text();
        }
        if (seen.has('a') && seen.has('b')) break;
        assert.ok(Date.now() < deadline, `HAProxy did not reach both nodes:\n${out}`);
        await sleep(200);
      }
    });

    test('requests alternate between the nodes, and each answers as one platform would', async () => {
      const served: string[] = [];
      const filed: string[] = [];
      for (let i = 0; i < 6; i++) {
        const report = await call(lb, 'POST', '/reports', {
          type: 'complaint',
          category: 'roads',
          description: `Jalan berlubang nomor ${i} di jalur sepeda`,
          lat: -6.18,
          lng: 106.63,
        });
        assert.equal(report.status, 201, report.body);
        served.push(report.headers.get('x-balai-node') ?? '?');
        filed.push(report.json().id as string);
        // Read back through the balancer: by the other node.
        const detail = await call(lb, 'GET', `/reports/${report.json().id}`);
        assert.equal(detail.status, 200, detail.body);
        served.push(detail.headers.get('x-balai-node') ?? '?');
      }
      assert.equal(served.filter((n) => n === 'a').length, 6, served.join(','));
      assert.equal(served.filter((n) => n === 'b').length, 6, served.join(','));
      for (let i = 1; i < served.length; i++) assert.notEqual(served[i], served[i - 1], served.join(','));
      // A session opened on one node works on the other.
      const email = (
        await db.query<{ email: string }>(
          `select email from users where tenant_id = $1 and kind = 'staff' limit 1`,
          [tenantId],
        )
      ).rows[0]!.email;
      const login = await fetch(`${lb}/t/${SLUG}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ login: email, password: PASSWORD }),
      });
      assert.equal(login.status, 200);
      const cookie = login.headers
        .getSetCookie()
        .find((c) => c.startsWith('balai_session='))!
        .split(';')[0]!;
      const csrf = ((await login.json()) as { csrfToken: string }).csrfToken;
      const signedInOn = login.headers.get('x-balai-node');
      const created = await call(
        lb,
        'POST',
        '/agencies',
        { code: 'VIA-LB', name: 'Unit VIA-LB', kind: 'uptd' },
        { authorization: '', cookie, 'x-csrf-token': csrf },
      );
      assert.equal(created.status, 201, created.body);
      assert.notEqual(
        created.headers.get('x-balai-node'),
        signedInOn,
        'the session was used on the other node',
      );
      // Once the replica has every filing, the public list is whole whichever node answers.
      await standby.waitForReplay(await primaryPosition());
      for (let i = 0; i < 2; i++) {
        await eventually(async () => {
          const ids = await publicIds(lb);
          return filed.every((id) => ids.includes(id));
        }, 'a filing is missing from the list');
      }
    });
  });
});
