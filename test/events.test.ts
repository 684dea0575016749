/**
 * Live events: a change committed through one platform instance reaches the Server-Sent Events
 * stream of another instance on the same database (on Postgres: two pools and two listeners, as two
 * server processes would have; on PGlite: the one process). A rolled-back change sends nothing.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { openDatabase } from '../src/platform/db/database.ts';
import { SYSTEM_ACTOR } from '../src/platform/db/tenant-scope.ts';
import { emitEvent } from '../src/platform/events/hub.ts';
import { buildApp } from '../src/platform/http/app.ts';
import { createPlatform, type Platform } from '../src/platform/platform.ts';
import {
  bearerFor,
  DB_KIND,
  makeStaff,
  makeTenant,
  signIn,
  startTest,
  type TestContext,
} from './support/harness.ts';

/** Reads SSE events from a streaming response until `count` arrived or the time is up. */
async function readEvents(
  res: Response,
  count: number,
  ms = 5000,
): Promise<Array<{ event: string; data: Record<string, unknown> }>> {
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  const events: Array<{ event: string; data: Record<string, unknown> }> = [];
  let buffer = '';
  const deadline = Date.now() + ms;
  while (events.length < count && Date.now() < deadline) {
    const chunk = await Promise.race([
      reader.read(),
      new Promise<{ done: true; value: undefined }>((r) =>
        setTimeout(() => r({ done: true, value: undefined }), deadline - Date.now()),
      ),
    ]);
    if (chunk.done) break;
    buffer += decoder.decode(chunk.value, { stream: true });
    let end = buffer.indexOf('\n\n');
    while (end >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const event = /^event: (.+)$/m.exec(block)?.[1];
      const data = /^data: (.+)$/m.exec(block)?.[1];
      if (event && data) events.push({ event, data: JSON.parse(data) });
      end = buffer.indexOf('\n\n');
    }
  }
  await reader.cancel();
  return events;
}

type Reader = ReadableStreamDefaultReader<Uint8Array>;

/** Reads the stream until `until(text read so far)` holds or it ends; 'timeout' after `ms`. */
async function readUntil(reader: Reader, until: (text: string) => boolean, ms = 5000) {
  const decoder = new TextDecoder();
  const deadline = Date.now() + ms;
  let text = '';
  while (Date.now() < deadline) {
    const chunk = await Promise.race([
      reader.read(),
      new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), deadline - Date.now())),
    ]);
    if (chunk === 'timeout') break;
    if (chunk.done) return 'ended';
    text += decoder.decode(chunk.value, { stream: true });
    if (until(text)) return 'read';
  }
  return 'timeout';
}

/** Whether the stream's server ends it within `ms` (events and heartbeats are read and dropped). */
async function streamEnds(res: Response, ms = 5000): Promise<boolean> {
  const reader = res.body!.getReader();
  try {
    return (await readUntil(reader, () => false, ms)) === 'ended';
  } finally {
    await reader.cancel().catch(() => undefined);
  }
}

/** Opens the stream and waits for its first bytes, so that it is subscribed before the test acts. */
async function openStream(base: string, slug: string, headers: Record<string, string>): Promise<Response> {
  const res = await fetch(`${base}/t/${slug}/api/v1/events`, { headers });
  assert.equal(res.status, 200);
  const [mine, probe] = res.body!.tee();
  const reader = probe.getReader();
  const first = await reader.read();
  assert.match(new TextDecoder().decode(first.value), /^retry: /);
  reader.releaseLock();
  void probe.cancel().catch(() => undefined);
  return new Response(mine);
}

describe(`live events (${DB_KIND})`, () => {
  let t: TestContext;
  let second: Platform | undefined;
  let streamApp: FastifyInstance;
  let base: string;
  let auth: Record<string, string>;
  let tenantId: string;
  before(async () => {
    t = await startTest();
    tenantId = (await makeTenant(t.platform, 'kota-live')).id;
    const admin = await makeStaff(t.platform, tenantId, ['tenant_admin']);
    auth = await bearerFor(t.app, 'kota-live', admin.email);
    await makeTenant(t.platform, 'kota-sebelah');
    // The stream is served by a second instance when there is a server database to share.
    streamApp = t.app;
    if (DB_KIND === 'postgres') {
      second = await createPlatform(t.config, await openDatabase({ url: t.config.databaseUrl }), []);
      streamApp = await buildApp(second, { logger: false });
    }
    base = await streamApp.listen({ port: 0, host: '127.0.0.1' });
  });
  after(async () => {
    if (second) {
      await streamApp.close();
      await second.close();
    }
    await t.close();
  });

  test('an agency created through one instance streams from the other; other tenants’ events do not', async () => {
    const res = await fetch(`${base}/t/kota-live/api/v1/events`, { headers: auth });
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /text\/event-stream/);
    assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
    assert.ok(res.headers.get('x-request-id'));
    const reading = readEvents(res, 2);
    await new Promise((r) => setTimeout(r, 100));
    const other = t.platform.directory.bySlug('kota-sebelah')!;
    await t.platform.inTenant(other.id, SYSTEM_ACTOR, (scope) =>
      emitEvent(scope, { type: 'test.other', entityType: 'x' }),
    );
    // A change that rolls back emits nothing.
    await t.platform
      .inTenant(tenantId, SYSTEM_ACTOR, async (scope) => {
        await emitEvent(scope, { type: 'test.rolled-back', entityType: 'x' });
        throw new Error('roll back');
      })
      .catch(() => undefined);
    const created = await t.app.inject({
      method: 'POST',
      url: '/t/kota-live/api/v1/agencies',
      headers: auth,
      payload: { code: 'DISHUB', name: 'Dinas Perhubungan', kind: 'dinas' },
    });
    assert.equal(created.statusCode, 201);
    await t.app.inject({
      method: 'POST',
      url: '/t/kota-live/api/v1/calendar/holidays',
      headers: auth,
      payload: { date: '2026-02-28', name: 'Hari Jadi Kota' },
    });
    const events = await reading;
    assert.deepEqual(
      events.map((e) => e.event),
      ['agency.created', 'calendar.changed'],
    );
    assert.equal(events[0]!.data.entityId, created.json().id);
    assert.equal(events[0]!.data.tenantId, tenantId);
  });

  test('the stream needs a signed-in member of staff', async () => {
    const res = await fetch(`${base}/t/kota-live/api/v1/events`);
    assert.equal(res.status, 401);
    const signUp = await t.app.inject({
      method: 'POST',
      url: '/t/kota-live/api/v1/auth/register',
      payload: { displayName: 'Warga Kota', email: 'warga@live.go.id', password: 'rahasia-warga-9' },
    });
    assert.equal(signUp.statusCode, 201);
    const citizen = await bearerFor(t.app, 'kota-live', 'warga@live.go.id', 'rahasia-warga-9');
    const asCitizen = await fetch(`${base}/t/kota-live/api/v1/events`, { headers: citizen });
    assert.equal(asCitizen.status, 403);
    // Staff with no role left see nothing of the command centre either.
    const roleless = await makeStaff(t.platform, tenantId, []);
    const asRoleless = await fetch(`${base}/t/kota-live/api/v1/events`, {
      headers: await bearerFor(t.app, 'kota-live', roleless.email),
    });
    assert.equal(asRoleless.status, 403);
  });

  test('cached reads and principals on the other instance are dropped when a change commits here', async () => {
    const agencies = () =>
      fetch(`${base}/t/kota-live/api/v1/agencies`).then(
        (r) => r.json() as Promise<{ items: Array<{ code: string }> }>,
      );
    const session = () =>
      fetch(`${base}/t/kota-live/api/v1/auth/session`, { headers: auth }).then((r) => r.status);
    assert.ok(!(await agencies()).items.some((a) => a.code === 'BAPPEDA'));
    assert.equal(await session(), 200);
    const created = await t.app.inject({
      method: 'POST',
      url: '/t/kota-live/api/v1/agencies',
      headers: auth,
      payload: { code: 'BAPPEDA', name: 'Badan Perencanaan', kind: 'badan' },
    });
    assert.equal(created.statusCode, 201);
    const tokens = await t.app.inject({ url: '/t/kota-live/api/v1/api-tokens', headers: auth });
    const revoked = await t.app.inject({
      method: 'DELETE',
      url: `/t/kota-live/api/v1/api-tokens/${tokens.json().items[0].id}`,
      headers: auth,
    });
    assert.equal(revoked.statusCode, 204);
    // The other instance hears the commit through NOTIFY: allow it a moment, bounded.
    let seen = false;
    let status = 200;
    for (let i = 0; i < 50 && !(seen && status === 401); i++) {
      seen = (await agencies()).items.some((a) => a.code === 'BAPPEDA');
      status = await session();
      if (!(seen && status === 401)) await new Promise((r) => setTimeout(r, 20));
    }
    assert.equal(seen, true, 'the new agency is listed');
    assert.equal(status, 401, 'the revoked token no longer works');
  });

  test('signing out ends the streams the session opened, on every instance', async () => {
    const staff = await makeStaff(t.platform, tenantId, ['viewer']);
    const session = await signIn(t.app, 'kota-live', staff.email);
    const stream = await openStream(base, 'kota-live', { cookie: session.cookie });
    const out = await t.app.inject({
      method: 'POST',
      url: '/t/kota-live/api/v1/auth/logout',
      headers: session,
    });
    assert.equal(out.statusCode, 204);
    assert.equal(await streamEnds(stream), true, 'the stream ended');
  });

  test('revoking the API token ends its stream', async () => {
    const staff = await makeStaff(t.platform, tenantId, ['viewer']);
    const session = await signIn(t.app, 'kota-live', staff.email);
    const issued = await t.app.inject({
      method: 'POST',
      url: '/t/kota-live/api/v1/api-tokens',
      headers: session,
      payload: { name: 'layar' },
    });
    const { id, token } = issued.json() as { id: string; token: string };
    const stream = await openStream(base, 'kota-live', { authorization: `Bearer ${token}` });
    const reader = stream.body!.getReader();
    // Another session of the same user signing out leaves the token's stream open.
    const other = await signIn(t.app, 'kota-live', staff.email);
    await t.app.inject({ method: 'POST', url: '/t/kota-live/api/v1/auth/logout', headers: other });
    await t.platform.inTenant(tenantId, SYSTEM_ACTOR, (scope) =>
      emitEvent(scope, { type: 'test.still-open', entityType: 'x' }),
    );
    assert.equal(await readUntil(reader, (text) => text.includes('test.still-open')), 'read');
    const revoked = await t.app.inject({
      method: 'DELETE',
      url: `/t/kota-live/api/v1/api-tokens/${id}`,
      headers: session,
    });
    assert.equal(revoked.statusCode, 204);
    assert.equal(await readUntil(reader, () => false), 'ended', 'the stream ended');
  });

  test('a change to the holder’s roles ends the stream', async () => {
    const staff = await makeStaff(t.platform, tenantId, ['viewer', 'auditor']);
    const headers = await bearerFor(t.app, 'kota-live', staff.email);
    const stream = await openStream(base, 'kota-live', headers);
    const admin = await bearerFor(
      t.app,
      'kota-live',
      (await makeStaff(t.platform, tenantId, ['tenant_admin'])).email,
    );
    const user = await t.app.inject({ url: `/t/kota-live/api/v1/users/${staff.id}`, headers: admin });
    const auditor = (user.json().grants as Array<{ id: string; role: string }>).find(
      (g) => g.role === 'auditor',
    )!;
    const revoked = await t.app.inject({
      method: 'DELETE',
      url: `/t/kota-live/api/v1/users/${staff.id}/grants/${auditor.id}`,
      headers: admin,
    });
    assert.equal(revoked.statusCode, 204);
    assert.equal(await streamEnds(stream), true, 'the stream ended');
  });

  const serverOnly =
    DB_KIND === 'postgres' ? false : 'embedded PGlite has no notification connection to lose';
  test('a lost notification connection is reopened, and invalidations flow again', {
    skip: serverOnly,
  }, async () => {
    const agencies = () =>
      fetch(`${base}/t/kota-live/api/v1/agencies`).then(
        (r) => r.json() as Promise<{ items: Array<{ code: string }> }>,
      );
    await agencies();
    // The token of the earlier tests was revoked: take a new one.
    const admin = await makeStaff(t.platform, tenantId, ['tenant_admin']);
    const headers = await bearerFor(t.app, 'kota-live', admin.email);
    // Cut every LISTEN connection of this database, as a server restart or a network cut would.
    const cut = await sql<{ n: number }>`
      select count(pg_terminate_backend(pid))::int as n from pg_stat_activity
      where datname = current_database() and query ilike 'listen%' and pid <> pg_backend_pid()`.execute(
      t.platform.database.db,
    );
    assert.ok(cut.rows[0]!.n >= 1);
    let seen = false;
    for (let i = 0; i < 100 && !seen; i++) {
      await new Promise((r) => setTimeout(r, 50));
      const code = `UNIT-R${i}`;
      const res = await t.app.inject({
        method: 'POST',
        url: '/t/kota-live/api/v1/agencies',
        headers,
        payload: { code, name: 'Unit Baru', kind: 'uptd' },
      });
      assert.equal(res.statusCode, 201);
      seen = (await agencies()).items.some((a) => a.code === code);
    }
    assert.equal(seen, true, 'the other instance sees changes again');
  });
});
