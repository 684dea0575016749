/**
 * Notifications end to end, against a real SMTP server (smtp-server on 127.0.0.1, a random port):
 * the outbox is written in the change's transaction and delivered by the job runner after commit;
 * a rolled-back change sends nothing; a refused or unreachable server leaves the message pending
 * with its attempt counted until a later run delivers it (or gives up); a sent message is never
 * sent again. Runs on the embedded database and, with TEST_DATABASE_URL, on PostgreSQL. The
 * development mailbox, production and the job runner are in notify-mailbox-jobs.test.ts.
 */
import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { SMTPServer } from 'smtp-server';
import { SYSTEM_ACTOR } from '../src/platform/db/tenant-scope.ts';
import { AppError } from '../src/platform/errors.ts';
import { startJobRunner } from '../src/platform/jobs/runner.ts';
import { notificationJobs } from '../src/platform/notify/jobs.ts';
import {
  deliverPending,
  enqueueNotification,
  tenantsWithDueNotificationsAcrossTenants,
} from '../src/platform/notify/outbox.ts';
import { createTransports, smtpEmailTransport, type Transports } from '../src/platform/notify/transports.ts';
import { DB_KIND, makeTenant, startTest, type TestContext } from './support/harness.ts';
import { deliveryFor, outboxRow, RETRY, until } from './support/notify.ts';

type Received = {
  from: string;
  to: string[];
  user: string | undefined;
  headers: Record<string, string>;
  text: string;
};

/** Decodes a quoted-printable body (soft line breaks, `=XX` bytes) as UTF-8. */
function decodeQuotedPrintable(body: string): string {
  const bytes = body
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/g, (_m, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
  return Buffer.from(bytes, 'latin1').toString('utf8');
}

/** Splits a raw RFC 5322 message into lower-cased headers (unfolded) and its decoded text. */
function parseMessage(raw: string): { headers: Record<string, string>; text: string } {
  const split = raw.indexOf('\r\n\r\n');
  const head = raw.slice(0, split).replace(/\r\n[ \t]+/g, ' ');
  const headers: Record<string, string> = {};
  for (const line of head.split('\r\n')) {
    const colon = line.indexOf(':');
    headers[line.slice(0, colon).toLowerCase()] = line.slice(colon + 1).trim();
  }
  const body = raw.slice(split + 4);
  const encoding = headers['content-transfer-encoding']?.toLowerCase();
  const text =
    encoding === 'quoted-printable'
      ? decodeQuotedPrintable(body)
      : encoding === 'base64'
        ? Buffer.from(body, 'base64').toString('utf8')
        : body;
  return { headers, text: text.replace(/\r\n/g, '\n') };
}

type Sink = {
  port: number;
  received: Received[];
  /** While true, every recipient is refused with 550. */
  refuse: boolean;
  close(): Promise<void>;
};

/** A real SMTP server that keeps what it is given; it wants AUTH as balai / rahasia-smtp. */
async function startSink(): Promise<Sink> {
  const sink: Sink = {
    port: 0,
    received: [],
    refuse: false,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    authOptional: false,
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === 'balai' && auth.password === 'rahasia-smtp') callback(null, { user: 'balai' });
      else callback(new Error('Invalid username or password'));
    },
    onRcptTo(_address, _session, callback) {
      if (!sink.refuse) return callback();
      callback(Object.assign(new Error('5.1.1 Mailbox unavailable'), { responseCode: 550 }));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const mailFrom = session.envelope.mailFrom;
        sink.received.push({
          from: mailFrom ? mailFrom.address : '',
          to: session.envelope.rcptTo.map((a) => a.address),
          user: session.user as string | undefined,
          ...parseMessage(Buffer.concat(chunks).toString('utf8')),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  sink.port = (server.server.address() as { port: number }).port;
  return sink;
}

/** A port nothing listens on (bound once, then released). */
async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', () => resolve()));
  const { port } = probe.address() as { port: number };
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

const later = (seconds: number) => new Date(Date.now() + seconds * 1000);

describe(`notifications over SMTP (${DB_KIND})`, () => {
  let t: TestContext;
  let sink: Sink;
  let tenantId: string;
  let transports: Transports & { close(): void };

  before(async () => {
    sink = await startSink();
    t = await startTest({
      env: {
        SMTP_URL: `smtp://balai:rahasia-smtp@127.0.0.1:${sink.port}`,
        MAIL_FROM: 'Kota Surel <noreply@surel.balai.test>',
      },
    });
    tenantId = (await makeTenant(t.platform, 'kota-surel')).id;
    transports = createTransports(t.config, t.platform.database);
  });
  after(async () => {
    transports.close();
    await t.close();
    await sink.close();
  });

  const enqueue = (to: string, subject: string, body: string) =>
    t.platform.inTenant(tenantId, SYSTEM_ACTOR, (scope) =>
      enqueueNotification(scope, { channel: 'email', to, subject, body }),
    );
  const receivedBy = (to: string) => sink.received.filter((m) => m.to.includes(to));

  test('a sign-up is emailed by the job runner after commit, in the language of the request', async () => {
    const jobs = notificationJobs(t.config, transports);
    const runner = await startJobRunner(t.platform, {
      jobs: jobs.jobs,
      tasks: jobs.tasks,
      wakeups: jobs.wakeups,
      pollingIntervalSeconds: 0.5,
    });
    try {
      const english = await t.app.inject({
        method: 'POST',
        url: '/t/kota-surel/api/v1/auth/register',
        headers: { 'accept-language': 'en' },
        payload: { displayName: 'Budi Santoso', email: 'budi@Example.id', password: 'rahasia-budi-1' },
      });
      assert.equal(english.statusCode, 201, english.body);
      const indonesian = await t.app.inject({
        method: 'POST',
        url: '/t/kota-surel/api/v1/auth/register?lang=id',
        payload: { displayName: 'Siti Aminah', email: 'siti@example.id', password: 'rahasia-siti-1' },
      });
      assert.equal(indonesian.statusCode, 201, indonesian.body);
      const phoneOnly = await t.app.inject({
        method: 'POST',
        url: '/t/kota-surel/api/v1/auth/register',
        payload: { displayName: 'Tanpa Surel', phone: '081234567890', password: 'rahasia-tanpa-1' },
      });
      assert.equal(phoneOnly.statusCode, 201, phoneOnly.body);

      const [budi] = await until(
        () => (receivedBy('budi@example.id').length ? receivedBy('budi@example.id') : undefined),
        'the English welcome',
      );
      const [siti] = await until(
        () => (receivedBy('siti@example.id').length ? receivedBy('siti@example.id') : undefined),
        'the Indonesian welcome',
      );
      assert.equal(budi!.from, 'noreply@surel.balai.test');
      assert.equal(budi!.user, 'balai', 'the credentials of SMTP_URL are used');
      assert.equal(budi!.headers.to, 'budi@example.id');
      assert.equal(budi!.headers.from, 'Kota Surel <noreply@surel.balai.test>');
      assert.equal(budi!.headers.subject, 'Welcome to Kota kota-surel online services');
      assert.match(
        budi!.text,
        /^Hello Budi Santoso,\n\nYour account for the Kota kota-surel online services has been created\./,
      );
      assert.equal(siti!.headers.subject, 'Selamat datang di layanan Kota kota-surel');
      assert.match(
        siti!.text,
        /^Halo Siti Aminah,\n\nAkun Anda untuk layanan daring Kota kota-surel sudah dibuat\./,
      );

      const rows = await t.platform.inTenant(tenantId, SYSTEM_ACTOR, (scope) =>
        scope.trx.selectFrom('notification_outbox').selectAll().where('tenant_id', '=', tenantId).execute(),
      );
      assert.equal(rows.length, 2, 'a sign-up without an email queues nothing');
      for (const to of ['budi@example.id', 'siti@example.id']) {
        const row = await until(async () => {
          const r = rows.find((x) => x.recipient === to)!;
          const now = await outboxRow(t.platform, tenantId, r.id);
          return now.status === 'sent' ? now : undefined;
        }, `the ${to} row marked sent`);
        assert.equal(row.attempts, 1);
        assert.ok(row.sent_at);
        assert.equal(receivedBy(to).length, 1, `${to} received once`);
        const message = receivedBy(to)[0]!;
        assert.equal(row.provider_id, message.headers['message-id']);
        assert.equal(message.headers['message-id'], `<${row.id}@surel.balai.test>`);
      }
    } finally {
      await runner.stop();
    }
  });

  test('a message whose wake-up nobody heard is found by the sweep and delivered by the runner', async () => {
    const id = await enqueue('terlewat@example.id', 'Terlewat', 'Ditulis saat tidak ada yang mendengar.');
    const jobs = notificationJobs(t.config, transports);
    // No wake-ups and no cron: only the sweep, called by hand, can send the delivery job.
    const runner = await startJobRunner(t.platform, { jobs: jobs.jobs, pollingIntervalSeconds: 0.5 });
    try {
      await new Promise((r) => setTimeout(r, 1000));
      assert.equal(receivedBy('terlewat@example.id').length, 0);
      await jobs.tasks.find((task) => task.name === 'notify.sweep')!.run({ platform: t.platform, runner });
      await until(
        () => (receivedBy('terlewat@example.id').length === 1 ? true : undefined),
        'the swept message',
      );
      await until(
        async () => ((await outboxRow(t.platform, tenantId, id)).status === 'sent' ? true : undefined),
        'the swept row marked sent',
      );
    } finally {
      await runner.stop();
    }
  });

  test('a message with a stop link carries List-Unsubscribe and the one-click header (RFC 8058)', async () => {
    const stop = 'https://kota-surel.balai.test/ikuti/berhenti/abc';
    await t.platform.inTenant(tenantId, SYSTEM_ACTOR, (scope) =>
      enqueueNotification(scope, {
        channel: 'email',
        to: 'pemantau@example.id',
        subject: 'Laporan 261207-AB3CD: Selesai',
        body: `Berhenti: ${stop}`,
        unsubscribeUrl: stop,
      }),
    );
    await deliverPending(deliveryFor(t.platform, tenantId), transports, RETRY);
    const [mail] = receivedBy('pemantau@example.id');
    assert.ok(mail, 'the message was delivered');
    assert.equal(mail.headers['list-unsubscribe'], `<${stop}>`);
    assert.equal(mail.headers['list-unsubscribe-post'], 'List-Unsubscribe=One-Click');
    await assert.rejects(
      t.platform.inTenant(tenantId, SYSTEM_ACTOR, (scope) =>
        enqueueNotification(scope, {
          channel: 'email',
          to: 'pemantau@example.id',
          subject: 's',
          body: 'b',
          unsubscribeUrl: 'javascript:alert(1)',
        }),
      ),
      (e: unknown) => e instanceof AppError && e.code === 'validation',
    );
  });

  test('a change that rolls back sends nothing', async () => {
    const before = sink.received.length;
    await assert.rejects(
      t.platform.inTenant(tenantId, SYSTEM_ACTOR, async (scope) => {
        await enqueueNotification(scope, {
          channel: 'email',
          to: 'rollback@example.id',
          subject: 'Tidak jadi',
          body: 'Pesan ini tidak boleh terkirim.',
        });
        throw new Error('the change fails');
      }),
      /the change fails/,
    );
    const report = await deliverPending(deliveryFor(t.platform, tenantId), transports, {
      ...RETRY,
      now: later(3600),
    });
    assert.deepEqual(report, { sent: 0, retrying: 0, failed: 0 });
    assert.equal(sink.received.length, before);
    const left = await t.platform.inTenant(tenantId, SYSTEM_ACTOR, (scope) =>
      scope.trx
        .selectFrom('notification_outbox')
        .select('id')
        .where('tenant_id', '=', tenantId)
        .where('recipient', '=', 'rollback@example.id')
        .execute(),
    );
    assert.deepEqual(left, []);
  });

  test('a 550 from the server leaves the message pending with the attempt counted; a later run delivers it', async () => {
    const id = await enqueue('tolak@example.id', 'Percobaan ulang', 'Isi percobaan ulang.');
    sink.refuse = true;
    try {
      const first = await deliverPending(deliveryFor(t.platform, tenantId), transports, RETRY);
      assert.deepEqual(first, { sent: 0, retrying: 1, failed: 0 });
    } finally {
      sink.refuse = false;
    }
    let row = await outboxRow(t.platform, tenantId, id);
    assert.equal(row.status, 'pending');
    assert.equal(row.attempts, 1);
    assert.match(row.last_error ?? '', /550/);
    assert.ok(row.next_attempt_at.getTime() > Date.now() + 50_000, 'the retry waits for the backoff');
    assert.deepEqual(
      (await tenantsWithDueNotificationsAcrossTenants(t.platform.database.db)).filter((x) => x === tenantId),
      [],
      'not due before the backoff has passed',
    );
    assert.ok(
      (await tenantsWithDueNotificationsAcrossTenants(t.platform.database.db, later(61))).includes(tenantId),
    );

    const early = await deliverPending(deliveryFor(t.platform, tenantId), transports, RETRY);
    assert.equal(early.sent, 0, 'a run before the backoff sends nothing');
    assert.equal(receivedBy('tolak@example.id').length, 0);

    const second = await deliverPending(deliveryFor(t.platform, tenantId), transports, {
      ...RETRY,
      now: later(61),
    });
    assert.equal(second.sent, 1);
    row = await outboxRow(t.platform, tenantId, id);
    assert.equal(row.status, 'sent');
    assert.equal(row.attempts, 2);
    assert.equal(row.last_error, null);
    assert.equal(receivedBy('tolak@example.id').length, 1);
    assert.equal(receivedBy('tolak@example.id')[0]!.headers.subject, 'Percobaan ulang');
  });

  test('an unreachable server counts attempts until the message is given up as failed', async () => {
    const id = await enqueue('mati@example.id', 'Server mati', 'Tidak ada yang mendengar.');
    const down = smtpEmailTransport(`smtp://127.0.0.1:${await closedPort()}`, t.config.mail.from);
    try {
      const ctx = deliveryFor(t.platform, tenantId);
      const runs = [
        await deliverPending(ctx, { email: down }, RETRY),
        await deliverPending(ctx, { email: down }, { ...RETRY, now: later(61) }),
        await deliverPending(ctx, { email: down }, { ...RETRY, now: later(61 + 121) }),
      ];
      assert.deepEqual(
        runs.map((r) => [r.retrying, r.failed]),
        [
          [1, 0],
          [1, 0],
          [0, 1],
        ],
      );
    } finally {
      down.close();
    }
    const row = await outboxRow(t.platform, tenantId, id);
    assert.equal(row.status, 'failed');
    assert.equal(row.attempts, 3);
    assert.match(row.last_error ?? '', /ECONNREFUSED/);
    // A failed message stays failed: a healthy server later does not get it.
    const after = await deliverPending(deliveryFor(t.platform, tenantId), transports, {
      ...RETRY,
      now: later(86_400),
    });
    assert.equal(after.sent, 0);
    assert.equal(receivedBy('mati@example.id').length, 0);
  });

  test('each message is sent once, even by runs at the same time, and never again once sent', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 6; i++)
      ids.push(await enqueue(`sekali${i}@example.id`, `Sekali ${i}`, `Pesan ${i}.`));
    const reports = await Promise.all(
      [1, 2, 3].map(() =>
        deliverPending(deliveryFor(t.platform, tenantId), transports, { ...RETRY, batchSize: 2 }),
      ),
    );
    assert.equal(
      reports.reduce((n, r) => n + r.sent, 0),
      6,
    );
    const again = await deliverPending(deliveryFor(t.platform, tenantId), transports, {
      ...RETRY,
      now: later(86_400),
    });
    assert.equal(again.sent, 0);
    for (let i = 0; i < 6; i++) {
      assert.equal(receivedBy(`sekali${i}@example.id`).length, 1, `sekali${i} received once`);
      assert.equal((await outboxRow(t.platform, tenantId, ids[i]!)).status, 'sent');
    }
  });

  test('an email recipient that is not an address is refused before anything is queued', async () => {
    await assert.rejects(
      t.platform.inTenant(tenantId, SYSTEM_ACTOR, (scope) =>
        enqueueNotification(scope, { channel: 'email', to: 'bukan-alamat', subject: 'x', body: 'y' }),
      ),
      (error: unknown) => error instanceof AppError && error.fields[0]?.path === '/notification/to',
    );
  });
});
