/**
 * What an uncached tenant-scoped read costs the database in round trips (issue #18): `GET …/users`
 * with a bearer token whose principal is cached — on PostgreSQL one round trip: the tenant's
 * read-only binding and the one statement that reads users, grants and locks, which PostgreSQL runs
 * as one implicit transaction (`platform.inTenantRead`).
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { bearerFor, DB_KIND, makeStaff, makeTenant, startTest, type TestContext } from './support/harness.ts';
import { recordSentSql } from './support/sql-recorder.ts';

describe(`an uncached read's round trips (${DB_KIND})`, () => {
  let t: TestContext;
  let tenantId: string;
  let auth: { authorization: string };
  const rec = recordSentSql();

  before(async () => {
    t = await startTest();
    tenantId = (await makeTenant(t.platform, 'kota-baca')).id;
    const admin = await makeStaff(t.platform, tenantId, ['tenant_admin']);
    await makeStaff(t.platform, tenantId, ['agency_admin']);
    auth = await bearerFor(t.app, 'kota-baca', admin.email);
  });
  after(async () => {
    rec.restore();
    await t.close();
  });

  const list = () => t.app.inject({ method: 'GET', url: '/t/kota-baca/api/v1/users', headers: auth });

  test('the users list, principal cached: the binding and the statement in one round trip', async () => {
    assert.equal((await list()).statusCode, 200);
    rec.start();
    const res = await list();
    rec.stop();
    assert.equal(res.statusCode, 200, res.body);
    const users = res.json().items as Array<{ grants: unknown[] }>;
    assert.equal(users.length, 2);
    assert.ok(
      users.every((u) => u.grants.length === 1),
      'each with its grant',
    );
    const mine = rec.sent.filter((s) => s.text.includes(tenantId) || s.text === 'commit');
    const texts = mine.map((s) => s.text);
    const statement = /select "users"\."id", .*"grants".*"locked" from "users"/;
    if (DB_KIND === 'postgres') {
      assert.equal(texts.length, 1, texts.join('\n'));
      assert.match(
        texts[0]!,
        /^select set_config\('app\.tenant_id'.*'transaction_read_only', 'on', true\); /,
      );
      assert.match(texts[0]!, statement);
      assert.doesNotMatch(texts[0]!, /password_hash|start transaction|commit/);
    } else {
      // PGlite runs in the process: BEGIN with the binding, the statement (parameters apart), COMMIT.
      assert.equal(texts.length, 2, texts.join('\n'));
      assert.equal(rec.sent.filter((s) => new RegExp(`^${statement.source}`).test(s.text)).length, 1);
    }
  });
});
