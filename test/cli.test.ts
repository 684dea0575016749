/** The `balai` CLI, run as a newcomer would: a real process on a real data directory or database. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { ADOPTION_STATUSES } from '../src/platform/catalogue/schemas.ts';
import { DB_KIND, freshServerDatabase } from './support/harness.ts';

describe(`balai CLI (${DB_KIND})`, () => {
  let env: Record<string, string>;
  const cleanups: Array<() => Promise<void>> = [];
  before(async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'balai-cli-'));
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    const server = DB_KIND === 'postgres' ? await freshServerDatabase() : undefined;
    if (server) cleanups.push(server.drop);
    env = {
      DATA_DIR: dir,
      NODE_ENV: 'test',
      LANG: 'en_US.UTF-8',
      ...(server ? { DATABASE_URL: server.url } : {}),
    };
  });
  after(async () => {
    for (const c of cleanups.reverse()) await c();
  });

  function balai(...args: string[]) {
    const r = spawnSync(process.execPath, ['--import', './src/web/jsx.ts', 'src/cli/main.ts', ...args], {
      env: { ...process.env, ...env },
      encoding: 'utf8',
      timeout: 60_000,
    });
    return { code: r.status, out: r.stdout, err: r.stderr };
  }

  test('help, and an unknown command exits 2 with the usage', () => {
    assert.equal(balai('help').code, 0);
    const unknown = balai('frobnicate');
    assert.equal(unknown.code, 2);
    assert.match(unknown.err, /unknown command "frobnicate"/);
    assert.match(unknown.err, /create-tenant/);
  });

  test('citus-plan prints the statements that distribute this database by tenant, and changes nothing', () => {
    const plan = balai('citus-plan');
    assert.equal(plan.code, 0, plan.err);
    const statements = plan.out.split('\n').filter((line) => line.startsWith('select '));
    assert.equal(statements[0], "select create_reference_table('tenants');");
    assert.equal(statements.filter((s) => s.startsWith('select create_reference_table(')).length, 4);
    const distributed = statements.filter((s) => s.startsWith('select create_distributed_table('));
    assert.ok(distributed.length >= 40, `${distributed.length} tenant tables`);
    assert.match(distributed[0]!, /^select create_distributed_table\('(\w+)', 'tenant_id'\);$/);
    const anchor = /\('(\w+)'/.exec(distributed[0]!)![1];
    for (const s of distributed.slice(1)) {
      assert.match(
        s,
        new RegExp(
          `^select create_distributed_table\\('\\w+', 'tenant_id', colocate_with => '${anchor}'\\);$`,
        ),
      );
    }
    // The same again: it read the schema and wrote nothing.
    assert.equal(balai('citus-plan').out, plan.out);
  });

  test('a tenant is created, adopts an app through MoU, and gets an administrator', () => {
    const created = balai(
      'create-tenant',
      '--slug',
      'kota-bogor',
      '--code',
      '32.71',
      '--kind',
      'kota',
      '--name',
      'Kota Bogor',
      '--time-zone',
      'Asia/Jakarta',
    );
    assert.equal(created.code, 0, created.err);
    const mou = balai(
      'agreement',
      '--tenant',
      'kota-bogor',
      '--kind',
      'mou',
      '--number',
      '001/MoU/2026',
      '--signed-on',
      '2026-02-02',
      '--signatory',
      'Bima Arya|Wali Kota Bogor|Kota Bogor',
      '--signatory',
      'Sachrudin|Wali Kota Tangerang|Kota Tangerang',
    );
    assert.equal(mou.code, 0, mou.err);
    const id = /agreement (\S+) recorded/.exec(mou.out)?.[1];
    assert.ok(id);
    assert.equal(balai('adopt', '--tenant', 'kota-bogor', '--app', 'reports', '--channel', 'web').code, 0);
    const step = balai(
      'adoption',
      '--tenant',
      'kota-bogor',
      '--app',
      'reports',
      '--channel',
      'web',
      '--to',
      'mou_signed',
      '--agreement',
      id,
    );
    assert.equal(step.code, 0, step.err);
    assert.match(step.out, /now mou_signed/);
    const user = balai(
      'create-user',
      '--tenant',
      'kota-bogor',
      '--kind',
      'staff',
      '--name',
      'Admin Bogor',
      '--email',
      'admin@kotabogor.go.id',
      '--nip',
      '198503122010011003',
      '--password',
      'rahasia-bogor-1',
    );
    assert.equal(user.code, 0, user.err);
    assert.equal(
      balai('grant', '--tenant', 'kota-bogor', '--email', 'admin@kotabogor.go.id', '--role', 'tenant_admin')
        .code,
      0,
    );
  });

  test('bad input is explained field by field and changes nothing', () => {
    const bad = balai(
      'create-tenant',
      '--slug',
      'Kota Salah',
      '--code',
      '32.70',
      '--kind',
      'kota',
      '--name',
      'Salah',
      '--time-zone',
      'Europe/Paris',
    );
    assert.equal(bad.code, 1);
    assert.match(bad.err, /--slug/);
    assert.match(bad.err, /--time-zone/);
    const skip = balai(
      'adoption',
      '--tenant',
      'kota-bogor',
      '--app',
      'reports',
      '--channel',
      'web',
      '--to',
      'live',
    );
    assert.equal(skip.code, 1);
    assert.match(skip.err, /cannot change from "mou_signed" to "live"/);
    const missing = balai('grant', '--tenant', 'kota-bogor');
    assert.equal(missing.code, 2);
    assert.match(missing.err, /missing --email, --role/);
  });

  test('the help lists every adoption state from the code; go-live walks an app to live', () => {
    const help = balai('help').out;
    for (const state of ADOPTION_STATUSES) assert.match(help, new RegExp(`^ +${state} +→`, 'm'));
    assert.match(help, /go-live --tenant S --app CODE/);
    const pks = balai(
      'agreement',
      '--tenant',
      'kota-bogor',
      '--kind',
      'pks',
      '--number',
      '002/PKS/2026',
      '--signed-on',
      '2026-03-02',
      '--signatory',
      'Bima Arya|Wali Kota Bogor|Kota Bogor',
      '--signatory',
      'Sachrudin|Wali Kota Tangerang|Kota Tangerang',
    );
    const pksId = /agreement (\S+) recorded/.exec(pks.out)?.[1];
    assert.ok(pksId, pks.err);
    // Without the PKS the walk stops at once and changes nothing.
    const refused = balai('go-live', '--tenant', 'kota-bogor', '--app', 'reports');
    assert.equal(refused.code, 1);
    assert.match(refused.err, /--pks: /);
    const live = balai('go-live', '--tenant', 'kota-bogor', '--app', 'reports', '--pks', pksId);
    assert.equal(live.code, 0, live.err);
    assert.match(live.out, /reports on web for kota-bogor: pks_signed → onboarding → live/);
    assert.match(balai('go-live', '--tenant', 'kota-bogor', '--app', 'reports').out, /was live already/);
  });
});
