/**
 * What an uncached tenant-scoped read costs the database in round trips (issue #18): `GET …/users`
 * with a bearer token whose principal is cached — on PostgreSQL one round trip with BEGIN, the
 * tenant's binding and the one statement that reads users, grants and locks, then COMMIT.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { bearerFor, DB_KIND, makeStaff, makeTenant, startTest, type TestContext } from './support/harness.ts';

describe(`an uncached read's round trips (${DB_KIND})`, () => {
  let t: TestContext;
  let tenantId: string;
  let auth: { authorization: string };
  const sent: Array<{ on: unknown; text: string }> = [];
  let recording = false;
  const restore: Array<() => void> = [];

  before(async () => {
    t = await startTest();
    tenantId = (await makeTenant(t.platform, 'kota-baca')).id;
    const admin = await makeStaff(t.platform, tenantId, ['tenant_admin']);
    await makeStaff(t.platform, tenantId, ['agency_admin']);
    auth = await bearerFor(t.app, 'kota-baca', admin.email);
    for (const [proto, method] of [
      [pg.Client.prototype, 'query'],
      [PGlite.prototype, 'query'],
      [PGlite.prototype, 'exec'],
    ] as const) {
      const target = proto as unknown as Record<string, (...args: unknown[]) => unknown>;
      const original = target[method]!;
      target[method] = function (this: unknown, ...args: unknown[]) {
        if (recording && typeof args[0] === 'string')
          sent.push({ on: this, text: args[0].replace(/\s+/g, ' ') });
        return original.apply(this, args);
      };
      restore.push(() => {
        target[method] = original;
      });
    }
  });
  after(async () => {
    for (const r of restore) r();
    await t.close();
  });

  const list = () => t.app.inject({ method: 'GET', url: '/t/kota-baca/api/v1/users', headers: auth });

  test('the users list, principal cached: BEGIN with the binding and the statement, then COMMIT', async () => {
    assert.equal((await list()).statusCode, 200);
    recording = true;
    const res = await list();
    recording = false;
    assert.equal(res.statusCode, 200, res.body);
    const users = res.json().items as Array<{ grants: unknown[] }>;
    assert.equal(users.length, 2);
    assert.ok(
      users.every((u) => u.grants.length === 1),
      'each with its grant',
    );
    const mine = sent.filter((s) => s.text.includes(tenantId) || s.text === 'commit');
    const texts = mine.map((s) => s.text);
    if (DB_KIND === 'postgres') {
      assert.equal(texts.length, 2, texts.join('\n'));
      assert.match(
        texts[0]!,
        /^start transaction; select set_config\('app\.tenant_id'.*; select "users"\.\*, .*"grants".*"locked" from "users"/,
      );
      assert.equal(texts[1], 'commit');
    } else {
      // PGlite runs in the process: BEGIN with the binding, the statement (parameters apart), COMMIT.
      assert.equal(texts.length, 2, texts.join('\n'));
      assert.equal(
        sent.filter((s) => /^select "users"\.\*, .*"grants".*"locked" from "users"/.test(s.text)).length,
        1,
      );
    }
  });
});
