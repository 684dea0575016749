/**
 * What an operator does on day one, done the awkward way: the CLI while the server runs on the
 * embedded database, a second server on the same data directory, a first start killed during the
 * demo seed, and two nodes started together on an empty PostgreSQL database.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { DB_KIND, freshServerDatabase } from './support/harness.ts';
import { prepareTenant, type ServerProcess, spawnServer, startServer } from './support/server-process.ts';

/** Runs `npm run balai -- …` as a process; resolves with its exit code and output. */
function balai(env: Record<string, string>, ...args: string[]) {
  const child = spawn(process.execPath, ['--import', './src/web/jsx.ts', 'src/cli/main.ts', ...args], {
    env: { ...process.env, NODE_ENV: 'test', LANG: 'en_US.UTF-8', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (c) => {
    out += c;
  });
  child.stderr.on('data', (c) => {
    err += c;
  });
  return new Promise<{ code: number | null; out: string; err: string }>((resolve) =>
    child.on('exit', (code) => resolve({ code, out, err })),
  );
}

async function stop(server: ServerProcess) {
  server.child.kill('SIGTERM');
  assert.equal(await server.exited, 0);
}

async function tenantSlugs(server: ServerProcess): Promise<string[]> {
  const res = await fetch(`${server.base}/api/v1/tenants?limit=100`);
  assert.equal(res.status, 200);
  return ((await res.json()) as { items: Array<{ slug: string }> }).items.map((t) => t.slug).sort();
}

const DEMO_SLUGS = [
  'kabupaten-badung',
  'kabupaten-bangka-selatan',
  'kabupaten-karawang',
  'kabupaten-luwu-timur',
  'kota-tangerang',
];

describe(`first start (${DB_KIND})`, () => {
  const cleanups: Array<() => Promise<void>> = [];
  after(async () => {
    for (const c of cleanups.reverse()) await c();
  });

  async function emptyEnv(): Promise<Record<string, string>> {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'balai-first-'));
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    const server = DB_KIND === 'postgres' ? await freshServerDatabase() : undefined;
    if (server) cleanups.push(server.drop);
    return { DATA_DIR: dir, ...(server ? { DATABASE_URL: server.url } : {}) };
  }

  test('on the embedded database the CLI goes through the running server, and a second server is refused', {
    skip: DB_KIND !== 'embedded' && 'the embedded database only',
  }, async () => {
    const tenant = await prepareTenant('kota-cli', '36.75', cleanups);
    const server = await startServer(tenant.env);
    const created = await balai(
      tenant.env,
      'create-tenant',
      '--slug',
      'kota-serang',
      '--code',
      '36.73',
      '--kind',
      'kota',
      '--name',
      'Kota Serang',
      '--time-zone',
      'Asia/Jakarta',
    );
    assert.equal(created.code, 0, created.err);
    assert.match(created.out, /tenant kota-serang created/);
    // The server knows it at once, and its own writes go on.
    assert.deepEqual(await tenantSlugs(server), ['kota-cli', 'kota-serang']);
    const invalid = await balai(
      tenant.env,
      'create-tenant',
      '--slug',
      'Bad Slug',
      '--code',
      '1',
      '--kind',
      'kota',
      '--name',
      'X',
      '--time-zone',
      'Asia/Jakarta',
    );
    assert.equal(invalid.code, 1);
    assert.match(invalid.err, /--slug/);
    const write = await fetch(`${server.base}/t/kota-cli/api/v1/agencies`, {
      method: 'POST',
      headers: { authorization: `Bearer ${tenant.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ code: 'AFTER-CLI', name: 'Unit', kind: 'uptd' }),
    });
    assert.equal(write.status, 201);
    // A second server on the same directory is refused, and the first runs on.
    await assert.rejects(startServer(tenant.env), /in use by the Balai server \(npm start\)/);
    assert.equal(server.child.exitCode, null);
    await stop(server);
    // Nothing was lost or damaged: a new start reads both.
    const again = await startServer(tenant.env);
    assert.deepEqual(await tenantSlugs(again), ['kota-cli', 'kota-serang']);
    await stop(again);
    // With no server running, the CLI opens the directory itself.
    const direct = await balai(
      tenant.env,
      'adopt',
      '--tenant',
      'kota-serang',
      '--app',
      'reports',
      '--channel',
      'web',
    );
    assert.equal(direct.code, 0, direct.err);
  });

  test('a first start killed during the demo seed is finished by the next start', async () => {
    const env = { ...(await emptyEnv()), SEED_DEMO: 'true' };
    const first = spawnServer(env);
    first.ready.catch(() => {});
    // Killed once it reports the first demo tenant written: the others are not.
    await first.waitFor(/Demo data: kota-tangerang written/);
    first.child.kill('SIGKILL');
    await first.exited;
    assert.doesNotMatch(first.output(), /Demo data written/);
    const second = spawnServer(env);
    const server = await second.ready;
    assert.match(server.output(), /Demo data written/);
    assert.deepEqual(await tenantSlugs(server), DEMO_SLUGS);
    const login = await fetch(`${server.base}/t/kabupaten-karawang/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ login: 'admin@karawang.balai.test', password: 'balai-demo-2026' }),
    });
    assert.equal(login.status, 200);
    await stop(server);
  });

  test('two nodes started together on an empty database both come up, the demo written once', {
    skip: DB_KIND !== 'postgres' && 'PostgreSQL only: an embedded directory takes one process',
  }, async () => {
    const env = { ...(await emptyEnv()), SEED_DEMO: 'true' };
    const [a, b] = await Promise.all([startServer(env), startServer(env)]);
    assert.deepEqual(await tenantSlugs(a), DEMO_SLUGS);
    assert.deepEqual(await tenantSlugs(b), DEMO_SLUGS);
    assert.equal([a, b].filter((s) => /Demo data written/.test(s.output())).length, 1);
    await Promise.all([stop(a), stop(b)]);
  });
});
