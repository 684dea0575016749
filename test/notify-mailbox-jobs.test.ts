/**
 * Notifications without SMTP and the job runner that delivers them: the development mailbox shows
 * each tenant only its own messages (stored once, read only by tenant administrators); production
 * requires SMTP_URL, has no mailbox and fails SMS without a provider; the job queue's raw SQL and a
 * job's tenant transaction under row-level security. Runs on the embedded database and, with
 * TEST_DATABASE_URL, on PostgreSQL. Delivery over SMTP is in notify-smtp.test.ts.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { Type } from 'typebox';
import { ConfigError, loadConfig } from '../src/platform/config.ts';
import { SYSTEM_ACTOR } from '../src/platform/db/tenant-scope.ts';
import { AppError } from '../src/platform/errors.ts';
import { defineJob, startJobRunner } from '../src/platform/jobs/runner.ts';
import { deliverPending, enqueueNotification } from '../src/platform/notify/outbox.ts';
import { createTransports, DevMailbox } from '../src/platform/notify/transports.ts';
import {
  bearerFor,
  DB_KIND,
  makeStaff,
  makeTenant,
  signIn,
  startTest,
  type TestContext,
} from './support/harness.ts';
import { deliveryFor, outboxRow, RETRY, until } from './support/notify.ts';

describe(`the development mailbox (${DB_KIND})`, () => {
  let t: TestContext;
  let a: { id: string };
  let b: { id: string };
  let adminA: Record<string, string>;
  let adminB: Record<string, string>;

  before(async () => {
    t = await startTest();
    a = await makeTenant(t.platform, 'kota-kotak-a');
    b = await makeTenant(t.platform, 'kota-kotak-b');
    adminA = await bearerFor(
      t.app,
      'kota-kotak-a',
      (await makeStaff(t.platform, a.id, ['tenant_admin'])).email,
    );
    adminB = await bearerFor(
      t.app,
      'kota-kotak-b',
      (await makeStaff(t.platform, b.id, ['tenant_admin'])).email,
    );
  });
  after(() => t.close());

  test('without SMTP_URL, email and SMS land in the mailbox of their tenant, and each tenant sees only its own', async () => {
    const transports = createTransports(t.config, t.platform.database);
    await t.platform.inTenant(a.id, SYSTEM_ACTOR, async (scope) => {
      await enqueueNotification(scope, {
        channel: 'email',
        to: 'warga-a@example.id',
        subject: 'Untuk A',
        body: 'Rahasia A',
      });
      await enqueueNotification(scope, { channel: 'sms', to: '+6281234567890', body: 'Kode A 123456' });
    });
    await t.platform.inTenant(b.id, SYSTEM_ACTOR, (scope) =>
      enqueueNotification(scope, { channel: 'whatsapp', to: '+6289876543210', body: 'Rahasia B' }),
    );
    assert.equal((await deliverPending(deliveryFor(t.platform, a.id), transports, RETRY)).sent, 2);
    assert.equal((await deliverPending(deliveryFor(t.platform, b.id), transports, RETRY)).sent, 1);

    const mineA = await t.app.inject({ url: '/t/kota-kotak-a/api/v1/dev/mailbox', headers: adminA });
    assert.equal(mineA.statusCode, 200, mineA.body);
    const itemsA = mineA.json().items as Array<Record<string, unknown>>;
    assert.deepEqual(itemsA.map((m) => [m.channel, m.to, m.subject, m.body]).sort(), [
      ['email', 'warga-a@example.id', 'Untuk A', 'Rahasia A'],
      ['sms', '+6281234567890', null, 'Kode A 123456'],
    ]);
    assert.equal(itemsA.find((m) => m.channel === 'email')!.from, t.config.mail.from);

    const mineB = await t.app.inject({ url: '/t/kota-kotak-b/api/v1/dev/mailbox', headers: adminB });
    assert.equal(mineB.statusCode, 200);
    assert.deepEqual(
      (mineB.json().items as Array<Record<string, unknown>>).map((m) => [m.channel, m.to, m.body]),
      [['whatsapp', '+6289876543210', 'Rahasia B']],
    );

    // B's administrator asking at A is refused and learns nothing of A's messages.
    const across = await t.app.inject({ url: '/t/kota-kotak-a/api/v1/dev/mailbox', headers: adminB });
    assert.equal(across.statusCode, 401);
    assert.ok(!across.body.includes('Rahasia A'));

    const filtered = await t.app.inject({
      url: '/t/kota-kotak-a/api/v1/dev/mailbox?to=%2B6281234567890',
      headers: adminA,
    });
    assert.deepEqual(
      (filtered.json().items as Array<Record<string, unknown>>).map((m) => m.body),
      ['Kode A 123456'],
    );
  });

  test('a message delivered twice is stored once', async () => {
    const dev = new DevMailbox(t.platform.database, 'Uji <uji@balai.test>');
    const meta = { tenantId: a.id, messageId: '01970000-0000-7000-8000-000000000001' };
    const first = await dev.email.send(
      { to: 'dua@example.id', subject: 'Dua kali', text: 'Sekali saja' },
      meta,
    );
    const second = await dev.email.send(
      { to: 'dua@example.id', subject: 'Dua kali', text: 'Sekali saja' },
      meta,
    );
    assert.equal(first.providerId, second.providerId);
    const res = await t.app.inject({
      url: '/t/kota-kotak-a/api/v1/dev/mailbox?to=dua%40example.id',
      headers: adminA,
    });
    assert.equal(res.json().items.length, 1);
  });

  test('only tenant administrators read the mailbox', async () => {
    const viewer = await makeStaff(t.platform, a.id, ['viewer']);
    const res = await t.app.inject({
      url: '/t/kota-kotak-a/api/v1/dev/mailbox',
      headers: await bearerFor(t.app, 'kota-kotak-a', viewer.email),
    });
    assert.equal(res.statusCode, 403);
    const session = await signIn(t.app, 'kota-kotak-a', viewer.email);
    assert.equal(
      (await t.app.inject({ url: '/t/kota-kotak-a/api/v1/dev/mailbox', headers: session })).statusCode,
      403,
    );
    assert.equal((await t.app.inject({ url: '/t/kota-kotak-a/api/v1/dev/mailbox' })).statusCode, 401);
  });
});

describe(`notifications in production (${DB_KIND})`, () => {
  test('SMTP_URL is required in production', () => {
    assert.throws(
      () => loadConfig({ NODE_ENV: 'production', DATA_DIR: 'memory://' }),
      (error: unknown) =>
        error instanceof ConfigError && error.problems.some((p) => p.startsWith('SMTP_URL')),
    );
    assert.throws(
      () => loadConfig({ NODE_ENV: 'test', SMTP_URL: 'http://mail.example.id' }),
      (error: unknown) =>
        error instanceof ConfigError && error.problems.some((p) => p.startsWith('SMTP_URL')),
    );
  });

  test('there is no mailbox route, and SMS without a provider fails instead of pretending', async () => {
    const t = await startTest({ env: { NODE_ENV: 'production', SMTP_URL: 'smtp://127.0.0.1:2525' } });
    try {
      const tenant = await makeTenant(t.platform, 'kota-produksi');
      const admin = await makeStaff(t.platform, tenant.id, ['tenant_admin']);
      const res = await t.app.inject({
        url: '/t/kota-produksi/api/v1/dev/mailbox',
        headers: await bearerFor(t.app, 'kota-produksi', admin.email),
      });
      assert.equal(res.statusCode, 404);
      const transports = createTransports(t.config, t.platform.database);
      try {
        assert.equal(transports.sms, undefined);
        const id = await t.platform.inTenant(tenant.id, SYSTEM_ACTOR, (scope) =>
          enqueueNotification(scope, { channel: 'sms', to: '+6281234567890', body: 'Kode 1' }),
        );
        const report = await deliverPending(deliveryFor(t.platform, tenant.id), transports, RETRY);
        assert.deepEqual(report, { sent: 0, retrying: 0, failed: 1 });
        const row = await outboxRow(t.platform, tenant.id, id);
        assert.equal(row.status, 'failed');
        assert.match(row.last_error ?? '', /no transport for sms/);
      } finally {
        transports.close();
      }
    } finally {
      await t.close();
    }
  });
});

describe(`the job runner (${DB_KIND})`, () => {
  let t: TestContext;
  let tenantId: string;
  before(async () => {
    t = await startTest();
    tenantId = (await makeTenant(t.platform, 'kota-kerja')).id;
  });
  after(() => t.close());

  test('raw SQL for the job queue runs as the owner and never leaves the connection inside a transaction', async () => {
    const { database } = t.platform;
    assert.deepEqual((await database.executeRaw('select $1::int as n', [5])).rows, [{ n: 5 }]);
    assert.deepEqual((await database.executeRaw('select 1 as a; select 2 as b')).rows, [{ a: 1 }, { b: 2 }]);
    assert.deepEqual((await database.executeRaw('select current_user = session_user as owner')).rows, [
      { owner: true },
    ]);
    await assert.rejects(
      database.executeRaw('begin; select 1 as a; select 1 / 0; commit'),
      /division by zero/,
    );
    await assert.rejects(database.executeRaw('begin'), /left a transaction open/);
    // Had either left its transaction open, these would fail (aborted) or never commit.
    assert.deepEqual((await database.executeRaw('select 3 as c')).rows, [{ c: 3 }]);
    await t.platform.inTenant(tenantId, SYSTEM_ACTOR, (scope) =>
      scope.trx
        .insertInto('tenant_holidays')
        .values({ tenant_id: tenantId, date: '2026-12-02', name: 'Uji' })
        .execute(),
    );
    const holidays = await t.platform.inTenant(tenantId, SYSTEM_ACTOR, (scope) =>
      scope.trx.selectFrom('tenant_holidays').select('name').where('tenant_id', '=', tenantId).execute(),
    );
    assert.deepEqual(holidays, [{ name: 'Uji' }]);
  });

  test('a job runs in its tenant’s transaction, under row-level security; payloads are checked; stop waits for running jobs', async () => {
    const seen: Array<{ tenant: string; role: string; n: number; retry: number }> = [];
    let releaseSlow!: () => void;
    const slowStarted = Promise.withResolvers<void>();
    const record = defineJob({
      name: 'test.record',
      payload: Type.Object(
        { n: Type.Integer({ minimum: 0 }), slow: Type.Optional(Type.Boolean()) },
        { additionalProperties: false },
      ),
      async handler(ctx, payload) {
        if (payload.slow) {
          slowStarted.resolve();
          await new Promise<void>((resolve) => {
            releaseSlow = resolve;
          });
        }
        const row = await ctx.inTenant(
          async (scope) =>
            (
              await sql<{
                tenant: string;
                role: string;
              }>`select current_setting('app.tenant_id') as tenant, current_user as role`.execute(scope.trx)
            ).rows[0]!,
        );
        seen.push({ ...row, n: payload.n, retry: ctx.retryCount });
      },
    });
    const runner = await startJobRunner(t.platform, { jobs: [record], pollingIntervalSeconds: 0.5 });
    let stopped = false;
    try {
      assert.ok(await runner.send(record, tenantId, { n: 1 }));
      await until(() => (seen.length === 1 ? true : undefined), 'the job to run');
      assert.deepEqual(seen, [{ tenant: tenantId, role: 'balai_app', n: 1, retry: 0 }]);

      await assert.rejects(
        runner.send(record, tenantId, { n: -1 } as never),
        (error: unknown) => error instanceof AppError && error.code === 'validation',
      );
      await assert.rejects(runner.send(record, 'not-a-tenant', { n: 2 }), /not a UUID/);

      await runner.send(record, tenantId, { n: 3, slow: true });
      await slowStarted.promise;
      const stopping = runner.stop().then(() => {
        stopped = true;
      });
      await new Promise((r) => setTimeout(r, 300));
      assert.equal(stopped, false, 'stop waits for the running job');
      releaseSlow();
      await stopping;
      assert.deepEqual(
        seen.map((s) => s.n),
        [1, 3],
        'the running job finished before stop resolved',
      );
    } finally {
      if (!stopped) await runner.stop();
    }
  });

  test('a backlog drains one job after another, not one per notify backstop (pg-boss waits 30 s after a job when its queue is notified)', async () => {
    const done: number[] = [];
    const gate = Promise.withResolvers<void>();
    const started = Promise.withResolvers<void>();
    const backlog = defineJob({
      name: 'test.backlog',
      payload: Type.Object({ n: Type.Integer() }, { additionalProperties: false }),
      async handler(_ctx, payload) {
        if (payload.n === 0) {
          started.resolve();
          await gate.promise;
        }
        done.push(payload.n);
      },
    });
    const runner = await startJobRunner(t.platform, { jobs: [backlog], pollingIntervalSeconds: 0.5 });
    try {
      await runner.send(backlog, tenantId, { n: 0 });
      await started.promise;
      // Four more wait while the first runs: their sends' notifications wake the worker once.
      for (const n of [1, 2, 3, 4]) await runner.send(backlog, tenantId, { n });
      const released = Date.now();
      gate.resolve();
      await until(() => (done.length === 5 ? true : undefined), 'the backlog to drain', 10_000);
      assert.deepEqual([...done].sort(), [0, 1, 2, 3, 4]);
      assert.ok(Date.now() - released < 10_000);
    } finally {
      await runner.stop();
    }
  });
});
