/**
 * Killing the server with SIGKILL while writes are in flight loses no write that was acknowledged:
 * every agency the server answered 201 for is in the database after a restart, with its audit row.
 */
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { openMigratedDatabase } from '../src/platform/boot.ts';
import { MODULES } from '../src/platform/catalogue/installed.ts';
import { SYSTEM_ACTOR, withTenant } from '../src/platform/db/tenant-scope.ts';
import { DB_KIND, freshServerDatabase } from './support/harness.ts';
import { prepareTenant, startServer } from './support/server-process.ts';

describe(`crash safety (${DB_KIND})`, () => {
  const cleanups: Array<() => Promise<void>> = [];
  after(async () => {
    for (const c of cleanups.reverse()) await c();
  });

  async function prepare(slug: string, code: string) {
    const server = DB_KIND === 'postgres' ? await freshServerDatabase() : undefined;
    if (server) cleanups.push(server.drop);
    return prepareTenant(slug, code, cleanups, server?.url);
  }

  test('SIGKILL during writes loses no acknowledged write', async () => {
    const { env, config, tenantId, token } = await prepare('kota-crash', '36.72');

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
    // The data directory's lock is freed when the process is gone, not when the signal is sent.
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    stop = true;
    await Promise.all(workers);
    if (child.exitCode === null && child.signalCode === null) await exited;
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
    const { env, config, tenantId, token } = await prepare('kota-term', '36.73');

    const { child, base, exited } = await startServer(env);
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
