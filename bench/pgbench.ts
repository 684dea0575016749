/**
 * PostgreSQL's own ceiling beside the intake: pgbench (Debian's `postgresql-client`) replaying, on
 * the bench database with the same connections, the transactions an intake sends, and a plain
 * transaction of four INSERTs. What the server reaches with these is what the SQL allows; the
 * intake row is read against them.
 *
 * The intake's statements are written out here as the reports app sends them (src/modules/reports/
 * services/intake.ts, one anonymous JSON filing with an Idempotency-Key; half with a phone number,
 * whose receipt adds an outbox row), in two round trips: BEGIN, the tenant's binding and the report
 * with its first step (one statement, its parameters as literals); the audit row, the outbox row
 * and the signals with COMMIT (the reports-intake-round-trips test checks the app sends that). A second script is the
 * same filing as it was before signals, in 9 or 11: BEGIN and the binding apart, the key looked up
 * first, each insert apart, a `pg_notify` for the event, the invalidation and the outbox wake-up
 * inside the transaction, COMMIT apart. pgbench sends them in the simple protocol (`-M simple`,
 * values written into the text).
 */
import { spawn, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  type CompiledQuery,
  DummyDriver,
  Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
} from 'kysely';
import { inlineParameters } from '../src/platform/db/inline-parameters.ts';
import type { PlatformTables } from '../src/platform/db/schema.ts';
import { bindTenantStatement, SYSTEM_ACTOR, type TenantScope } from '../src/platform/db/tenant-scope.ts';
import { listUsers } from '../src/platform/people/service.ts';

/** A tenant of the bench; `category`, one of its report categories, for the intake's scripts. */
export type PgbenchTenant = Readonly<{ id: string; category: string | null }>;

export type PgbenchScript = Readonly<{
  key: string;
  label: string;
  does: string;
  /** The scripts' files, picked at random per transaction (pgbench's `-f file@1` each). */
  files: readonly string[];
}>;

export type PgbenchResult = {
  transactions: number;
  tps: number;
  latencyMs: { avg: number; p50: number; p75: number; p90: number; p99: number; max: number };
  failed: number;
  output: string;
};

/** The installed pgbench's version line, or null when it is not on the PATH. */
export function pgbenchVersion(): string | null {
  const probe = spawnSync('pgbench', ['--version'], { encoding: 'utf8', timeout: 5_000 });
  if (probe.error || probe.status !== 0) return null;
  return probe.stdout.trim() || 'pgbench';
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const CODE = /^[a-z0-9_-]{1,40}$/;

/** A literal id for the script: a new UUID per transaction, the same in every statement of it. */
const id = (salt: string) => `md5(:r::bigint || '${salt}')::uuid`;

function intakeTransaction(t: PgbenchTenant, withPhone: boolean, notify: boolean): string {
  if (!UUID.test(t.id) || !CODE.test(t.category ?? ''))
    throw new Error(`pgbench: bad tenant ${JSON.stringify(t)}`);
  const tenant = `'${t.id}'`;
  const answer = 'x'.repeat(240);
  const description =
    'Jalan berlubang di depan sekolah, sudah tiga minggu belum diperbaiki dan membahayakan pengendara motor';
  const bind = bindTenantStatement(t.id);
  const event = `'{"tenantId":"${t.id}","type":"report.filed","entityType":"report","entityId":"' || ${id('r')} || '","at":"' || now() || '","data":{"status":"received","category":"${t.category}"}}'`;
  const select = `select id, tracking_no, status, due_at, idempotency_hash, reporter_user_id, idempotency_answer, idempotency_expires_at from reports where tenant_id = ${tenant} and idempotency_key = md5(:r::bigint || 'k') || md5(:r::bigint || 'K')`;
  const report = `insert into reports (tenant_id, id, tracking_no, type, category_code, description, status, channel, lat, lng, address, kelurahan, reporter_user_id, reporter_name, reporter_email, reporter_phone, reporter_secret_hash, confidential, anonymous, agency_id, track, due_at, idempotency_key, idempotency_hash, idempotency_answer, idempotency_expires_at, created_at, updated_at) values (${tenant}, ${id('r')}, 'PGB-' || :r::bigint, 'complaint', '${t.category}', '${description}', 'received', 'web', -6.17, 106.63, 'Jl. Merdeka No. 1', 'Sukasari', null, ${withPhone ? "'Budi'" : 'null'}, null, ${withPhone ? "'+6281234567890'" : 'null'}, md5(:r::bigint || 's') || md5(:r::bigint || 'S'), false, false, null, 'standard', now() + interval '3 days', md5(:r::bigint || 'k') || md5(:r::bigint || 'K'), md5(:r::bigint || 'h') || md5(:r::bigint || 'H'), '${answer}', now() + interval '7 days', now(), now()) on conflict do nothing returning id`;
  const eventColumns =
    'tenant_id, id, report_id, at, kind, from_status, to_status, actor_role, actor_user_id, agency_id, note, public, data';
  const eventValues = `${tenant}, ${id('e')}, ${id('r')}, now(), 'filed', null, 'received', 'reporter', null, null, null, true, '{"channel":"web"}'`;
  const audit = `insert into audit_log (tenant_id, id, actor_user_id, actor_label, action, entity_type, entity_id, before, after, request_id, ip) values (${tenant}, ${id('a')}, null, 'anonymous', 'report.file', 'report', ${id('r')}, 'null', '{"trackingNo":"PGB","type":"complaint","category":"${t.category}","channel":"web","confidential": false, "anonymous": false}', md5(:r::bigint || 'q')::uuid::text, '127.0.0.1')`;
  const outbox = `insert into notification_outbox (tenant_id, id, channel, recipient, subject, body, unsubscribe_url) values (${tenant}, ${id('o')}, 'sms', '+6281234567890', null, 'Kota Bench: laporan Anda diterima, nomor PGB. Pantau di http://localhost:3000/t/kota-bench/laporan/PGB', null)`;
  const lines = ['\\set r random(1, 9000000000000000000)'];
  if (notify) {
    // Before signals: every statement its own round trip, a NOTIFY for each thing to tell.
    lines.push('begin;', `${bind};`, `${select};`, `${report};`);
    lines.push(`insert into report_events (${eventColumns}) values (${eventValues});`, `${audit};`);
    lines.push(`select pg_notify('balai_events', ${event});`);
    if (withPhone) lines.push(`${outbox};`, `select pg_notify('balai_outbox', ${tenant});`);
    lines.push(`select pg_notify('balai_cache', '${t.id}|reports');`, 'commit;');
  } else {
    // Now: BEGIN with the binding and the report with its first step; the appended rows with COMMIT.
    const batch = `(:r::bigint % 9007199254740992)`;
    const signals = [
      `(${tenant}, ${batch}, 'event', ${event})`,
      ...(withPhone ? [`(${tenant}, ${batch}, 'outbox', '')`] : []),
      `(${tenant}, ${batch}, 'cache', 'reports')`,
    ];
    lines.push('start transaction\\;', `${bind}\\;`);
    lines.push(
      `with filed as (${report}) insert into report_events (${eventColumns}) select ${eventValues.replace(id('r'), 'filed.id')} from filed returning id;`,
    );
    lines.push(`${audit}\\;`);
    if (withPhone) lines.push(`${outbox}\\;`);
    lines.push(
      `insert into platform_signals (tenant_id, batch, channel, payload) values ${signals.join(', ')}\\;`,
      'commit;',
    );
  }
  return `${lines.join('\n')}\n`;
}

/**
 * The one statement of the uncached read of `GET …/users` for a tenant (its first page of 50), as
 * the app sends it: compiled by the app's own `listUsers` (with a driver that runs nothing), its
 * parameters written as literals by the app's own driver code. It cannot drift from the app.
 */
async function usersReadStatement(tenantId: string): Promise<string> {
  let compiled: CompiledQuery | undefined;
  const db = new Kysely<PlatformTables>({
    dialect: {
      createAdapter: () => new PostgresAdapter(),
      createDriver: () => new DummyDriver(),
      createIntrospector: (k) => new PostgresIntrospector(k),
      createQueryCompiler: () => new PostgresQueryCompiler(),
    },
    log: (event) => {
      compiled ??= event.query;
    },
  });
  const scope = { tenantId, trx: db, actor: SYSTEM_ACTOR, afterCommit: () => undefined };
  await listUsers(scope as unknown as TenantScope, { limit: 50, offset: 0 });
  const text = compiled && inlineParameters(compiled.sql, compiled.parameters);
  if (!text) throw new Error('pgbench: the users read did not compile to one statement with literals');
  return text;
}

/**
 * The uncached read of `GET …/users` as the app sends it (`platform.inTenantRead`): the tenant's
 * read-only binding and the one statement, which PostgreSQL runs as one implicit transaction. One
 * round trip.
 */
function usersReadTransaction(t: PgbenchTenant, statement: string): string {
  if (!UUID.test(t.id)) throw new Error(`pgbench: bad tenant ${JSON.stringify(t)}`);
  return [`${bindTenantStatement(t.id, { readOnly: true })}\\;`, `${statement};`, ''].join('\n');
}

/** The tables of the plain transaction: a key and a text, no foreign key, no row-level security. */
export const PLAIN_TABLES = ['bench_plain_a', 'bench_plain_b', 'bench_plain_c', 'bench_plain_d'];

export function plainTablesSql(): string {
  return PLAIN_TABLES.map(
    (t) =>
      `create table if not exists ${t} (id uuid primary key, tenant_id uuid not null, body text not null)`,
  ).join('; ');
}

/** Writes the scripts into `dir`: one file per tenant and phone/no phone, so that each transaction picks one. */
export async function pgbenchScripts(
  dir: string,
  tenants: readonly PgbenchTenant[],
): Promise<PgbenchScript[]> {
  const write = (name: string, text: string) => {
    const file = path.join(dir, `${name}.sql`);
    writeFileSync(file, text);
    return file;
  };
  const intake = (notify: boolean) =>
    tenants.flatMap((t, i) =>
      t.category === null
        ? []
        : [false, true].map((phone) =>
            write(
              `${notify ? 'notify' : 'intake'}-${i}-${phone ? 'phone' : 'nophone'}`,
              intakeTransaction(t, phone, notify),
            ),
          ),
    );
  const plain = write(
    'plain',
    [
      '\\set r random(1, 9000000000000000000)',
      'begin;',
      ...PLAIN_TABLES.map(
        (t, i) =>
          `insert into ${t} (id, tenant_id, body) values (${id(String(i))}, '${tenants[0]!.id}', 'Laporan warga nomor ' || :r::bigint);`,
      ),
      'commit;',
      '',
    ].join('\n'),
  );
  const usersRead: string[] = [];
  for (const [i, t] of tenants.entries()) {
    usersRead.push(write(`users-${i}`, usersReadTransaction(t, await usersReadStatement(t.id))));
  }
  return [
    {
      key: 'pgbench_read_users',
      label: "pgbench: the users read's statements",
      does: "pgbench -M simple replaying the uncached read of GET …/users as the app sends it, one round trip: the tenant's read-only binding and the one statement (users, grants, locks), one implicit transaction — what PostgreSQL alone reaches with the read's SQL",
      files: usersRead,
    },
    {
      key: 'pgbench_intake',
      label: "pgbench: the intake's statements",
      does: "pgbench -M simple replaying an intake's transaction as the app sends it (anonymous, key, half with a phone), two round trips: BEGIN with the tenant's binding and the report with its first step; the audit row, outbox row and signals with COMMIT — what PostgreSQL alone reaches with the intake's SQL",
      files: intake(false),
    },
    {
      key: 'pgbench_intake_notify',
      label: 'pgbench: same, NOTIFY inside (before)',
      does: "the intake's transaction as it was before signals, 9 or 11 round trips: BEGIN and the binding apart, the key lookup, each insert apart, a pg_notify for the event, the invalidation and the outbox wake-up inside the transaction, COMMIT apart",
      files: intake(true),
    },
    {
      key: 'pgbench_four_inserts',
      label: 'pgbench: four plain INSERTs',
      does: 'BEGIN, four INSERTs into four tables with a uuid key and a text (no foreign key, no row-level security, no trigger), COMMIT: the ceiling of a small durable write transaction on this machine',
      files: [plain],
    },
  ];
}

const percentile = (sorted: readonly number[], p: number) =>
  sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

/**
 * Runs pgbench for `seconds` plus a second either side; `during(start, end)` is told when the
 * measured window opens and closes (the CPU counters are read then, while every connection is
 * open). The figures count the transactions that ended inside the window (pgbench's per-transaction
 * log).
 */
export async function runPgbench(
  url: string,
  files: readonly string[],
  options: Readonly<{
    clients: number;
    threads: number;
    seconds: number;
    dir: string;
    prefix: string;
    mode?: 'simple' | 'extended' | 'prepared';
  }>,
  window: Readonly<{ opened(pid: number): void; closed(): void }>,
  track: (child: ReturnType<typeof spawn>) => () => void,
): Promise<PgbenchResult> {
  const logPrefix = path.join(options.dir, options.prefix);
  const args = [
    '-n',
    '-M',
    options.mode ?? 'simple',
    '-c',
    String(options.clients),
    '-j',
    String(options.threads),
    '-T',
    String(options.seconds + 2),
    '-l',
    `--log-prefix=${logPrefix}`,
    ...files.flatMap((f) => ['-f', `${f}@1`]),
    url,
  ];
  const child = spawn('pgbench', args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const untrack = track(child);
  let output = '';
  child.stdout.on('data', (d: Buffer) => {
    output += d.toString();
  });
  child.stderr.on('data', (d: Buffer) => {
    output += d.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  await new Promise((r) => setTimeout(r, 1_000));
  const from = Date.now() / 1000;
  window.opened(child.pid!);
  await new Promise((r) => setTimeout(r, options.seconds * 1_000));
  const to = Date.now() / 1000;
  window.closed();
  const code = await exited;
  untrack();
  if (code !== 0) throw new Error(`pgbench failed (status ${code}):\n${output.slice(-2_000)}`);
  const latencies: number[] = [];
  for (const file of readdirSync(options.dir).filter((f) => f.startsWith(`${options.prefix}.`))) {
    for (const line of readFileSync(path.join(options.dir, file), 'utf8').split('\n')) {
      // client_id transaction_no time_us script_no epoch_s epoch_us
      const f = line.split(' ');
      if (f.length < 6) continue;
      const end = Number(f[4]) + Number(f[5]) / 1e6;
      if (end >= from && end < to) latencies.push(Number(f[2]) / 1000);
    }
  }
  latencies.sort((a, b) => a - b);
  const failed = Number(/number of failed transactions: (\d+)/.exec(output)?.[1] ?? 0);
  return {
    transactions: latencies.length,
    tps: latencies.length / (to - from),
    latencyMs: {
      avg: latencies.reduce((a, b) => a + b, 0) / Math.max(1, latencies.length),
      p50: percentile(latencies, 50),
      p75: percentile(latencies, 75),
      p90: percentile(latencies, 90),
      p99: percentile(latencies, 99),
      max: latencies.at(-1) ?? 0,
    },
    failed,
    output,
  };
}
