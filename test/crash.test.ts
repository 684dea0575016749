/**
 * Killing the server with SIGKILL while writes are in flight loses no write that was acknowledged:
 * every agency the server answered 201 for is in the database after a restart, with its audit row.
 */
import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { openMigratedDatabase } from '../src/platform/boot.ts';
import { MODULES } from '../src/platform/catalogue/installed.ts';
import { loadConfig } from '../src/platform/config.ts';
import { SYSTEM_ACTOR, withTenant } from '../src/platform/db/tenant-scope.ts';
import { issueToken } from '../src/platform/people/auth.ts';
import { createUser, grantRole } from '../src/platform/people/service.ts';
import { createTenant } from '../src/platform/tenancy/service.ts';
import { DB_KIND, freshServerDatabase } from './support/harness.ts';

function startServer(env: Record<string, string>): Promise<{ child: ChildProcess; base: string }> {
  const child = spawn(process.execPath, ['--import', './src/web/jsx.ts', 'src/main.ts'], {
    env: { ...process.env, ...env, PORT: '0', SEED_DEMO: 'false', LOG_LEVEL: 'warn', NODE_ENV: 'test' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${out}`)), 30_000);
    child.stdout!.on('data', (chunk) => {
      out += chunk;
      const match = /running at (http:\/\/\S+)/.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve({ child, base: match[1]!.replace('localhost', '127.0.0.1') });
      }
    });
    child.stderr!.on('data', (chunk) => {
      out += chunk;
    });
    child.on('exit', (code) => reject(new Error(`server exited with ${code}:\n${out}`)));
  });
}

describe(`crash safety (${DB_KIND})`, () => {
  const cleanups: Array<() => Promise<void>> = [];
  after(async () => {
    for (const c of cleanups.reverse()) await c();
  });

  /**
   * A data directory (and, on Postgres, a fresh database) holding one tenant with an administrator's
   * API token; the database is closed again, since PGlite allows one process at a time.
   */
  async function prepareTenant(slug: string, code: string) {
    const dir = await mkdtemp(path.join(os.tmpdir(), `balai-${slug}-`));
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    const server = DB_KIND === 'postgres' ? await freshServerDatabase() : undefined;
    if (server) cleanups.push(server.drop);
    const env: Record<string, string> = { DATA_DIR: dir, ...(server ? { DATABASE_URL: server.url } : {}) };
    const config = loadConfig({ NODE_ENV: 'test', ...env });
    const database = await openMigratedDatabase(config, MODULES);
    try {
      const tenantId = await createTenant(
        database.db,
        { slug, code, kind: 'kota', name: `Kota ${slug}`, timeZone: 'Asia/Jakarta' },
        SYSTEM_ACTOR,
      );
      const token = await withTenant(database.db, tenantId, SYSTEM_ACTOR, async (scope) => {
        const id = await createUser(scope, {
          kind: 'staff',
          displayName: 'Admin',
          email: `admin@${slug}.go.id`,
          nip: '198503122010011003',
          password: 'correct-horse-battery',
        });
        await grantRole(scope, id, { role: 'tenant_admin', agencyId: null });
        return (await issueToken(scope, id, slug, null)).token;
      });
      return { env, config, tenantId, token };
    } finally {
      await database.close();
    }
  }

  test('SIGKILL during writes loses no acknowledged write', async () => {
    const { env, config, tenantId, token } = await prepareTenant('kota-crash', '36.72');

    const { child, base } = await startServer(env);
    const acknowledged: string[] = [];
    let n = 0;
    let stop = false;
    const worker = async () => {
      while (!stop) {
        const code = `UNIT-${++n}`;
        try {
          const res = await fetch(`${base}/t/kota-crash/api/v1/agencies`, {
            method: 'POST',
            headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
            body: JSON.stringify({ code, name: `Unit kerja ${n}`, kind: 'uptd' }),
          });
          if (res.status === 201) acknowledged.push(code);
          else await res.arrayBuffer();
        } catch {
          return; // the server is gone
        }
      }
    };
    const workers = Array.from({ length: 8 }, worker);
    // Kill once a fair number of writes went through, while the workers still have requests in flight.
    for (let i = 0; i < 200 && acknowledged.length < 60; i++) await new Promise((r) => setTimeout(r, 25));
    child.kill('SIGKILL');
    stop = true;
    await Promise.all(workers);
    assert.ok(acknowledged.length >= 20, `only ${acknowledged.length} writes before the kill`);

    const database = await openMigratedDatabase(config, MODULES);
    try {
      const { codes, audited } = await withTenant(database.db, tenantId, SYSTEM_ACTOR, async (scope) => ({
        codes: new Set((await scope.trx.selectFrom('agencies').select('code').execute()).map((r) => r.code)),
        audited: await scope.trx
          .selectFrom('audit_log')
          .select('entity_id')
          .where('action', '=', 'agency.create')
          .execute(),
      }));
      const lost = acknowledged.filter((c) => !codes.has(c));
      assert.deepEqual(lost, [], `${lost.length} acknowledged writes lost`);
      assert.equal(audited.length, codes.size, 'every stored agency has its audit row');
    } finally {
      await database.close();
    }
  });

  test('SIGTERM finishes the requests in flight, then exits cleanly', async () => {
    const { env, config, tenantId, token } = await prepareTenant('kota-term', '36.73');

    const { child, base } = await startServer(env);
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const requests = Array.from({ length: 20 }, (_, i) =>
      fetch(`${base}/t/kota-term/api/v1/agencies`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ code: `TERM-${i}`, name: `Unit ${i}`, kind: 'uptd' }),
      }).then(
        (r) => r.status,
        () => 'refused' as const,
      ),
    );
    // Signal as soon as one request has been answered: the others are on their way or in flight.
    await Promise.race(requests);
    child.kill('SIGTERM');
    const outcomes = await Promise.all(requests);
    assert.equal(await exited, 0);
    // Accepted requests complete (201); requests arriving after shutdown began are turned away
    // (503 on an open connection, refused on a new one) and must not have been written.
    assert.ok(
      outcomes.every((o) => o === 201 || o === 503 || o === 'refused'),
      `outcomes: ${outcomes.join(',')}`,
    );
    assert.ok(outcomes.includes(201), 'some requests were in flight when SIGTERM came');
    const database = await openMigratedDatabase(config, MODULES);
    try {
      const stored = await withTenant(database.db, tenantId, SYSTEM_ACTOR, (scope) =>
        scope.trx.selectFrom('agencies').select('code').execute(),
      );
      assert.equal(stored.length, outcomes.filter((o) => o === 201).length);
    } finally {
      await database.close();
    }
  });
});
