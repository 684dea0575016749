/**
 * `npx node --import ./src/web/jsx.ts bench/multinode.ts`: the same reads measured with wrk on one
 * node without a replica, one node with a hot standby for the reads that may be stale, and two
 * nodes with the standby behind HAProxy (round-robin), every one on one private PostgreSQL primary
 * of its own and its standby (test/support/pg-cluster.ts: PostgreSQL's server binaries, root or
 * postgres, and haproxy). It says what more machines change; on one machine every process shares
 * the same cores, so it measures what the replica and a second node cost there, not what they
 * gain on their own hardware (docs/scaling.md).
 *
 * Rows: the portal's public list with a search (`/laporan?q=`, never cached: each request reads
 * the replica when there is one), the API's public list with a search (cached per query: mostly
 * hits), and the staff list of accounts (`/api/v1/users`, on the primary always).
 *
 * Environment: MULTINODE_SECONDS (10), MULTINODE_CONNECTIONS (50), MULTINODE_TENANTS (20),
 * MULTINODE_REPORTS (20000). Prints a table; writes nothing outside temporary directories.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { loadConfig } from '../src/platform/config.ts';
import { freePort } from '../test/support/free-port.ts';
import { startPrivateCluster, startStandby } from '../test/support/pg-cluster.ts';
import { type ServerProcess, spawnServer } from '../test/support/server-process.ts';
import { prepareData } from './prepare.ts';
import { SEARCH_TERMS, seedReports } from './reports-seed.ts';
import { runWrk, type WrkRequest, type WrkResult } from './wrk.ts';

const SECONDS = Number(process.env.MULTINODE_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.MULTINODE_CONNECTIONS ?? 50);
const TENANTS = Number(process.env.MULTINODE_TENANTS ?? 20);
const REPORTS = Number(process.env.MULTINODE_REPORTS ?? 20_000);

const children = new Set<ChildProcess>();
const track = (child: ChildProcess) => {
  children.add(child);
  return () => children.delete(child);
};

async function stop(child: ChildProcess) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

/** HAProxy round-robin over `nodes`; resolves with its address once both answer through it. */
async function balancer(
  nodes: readonly ServerProcess[],
  dir: string,
): Promise<{ base: string; child: ChildProcess }> {
  const port = await freePort();
  const config = path.join(dir, 'haproxy.cfg');
  writeFileSync(
    config,
    [
      'global',
      '  maxconn 4096',
      'defaults',
      '  mode http',
      '  timeout connect 5s',
      '  timeout client 60s',
      '  timeout server 60s',
      'frontend balai',
      `  bind 127.0.0.1:${port}`,
      '  default_backend nodes',
      'backend nodes',
      '  balance roundrobin',
      '  option httpchk',
      '  http-check send meth GET uri /readyz',
      ...nodes.map((n, i) => `  server n${i} ${new URL(n.base).host} check inter 1s`),
      '',
    ].join('\n'),
  );
  const child = spawn('haproxy', ['-f', config, '-db'], { stdio: 'ignore' });
  track(child);
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    const ok = await fetch(`${base}/readyz`).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ok) return { base, child };
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('HAProxy did not answer');
}

async function main() {
  const primary = await startPrivateCluster({ maxConnections: 300 });
  const dir = mkdtempSync(path.join(os.tmpdir(), 'balai-multinode-bench-'));
  try {
    const admin = new pg.Client({ connectionString: primary.url() });
    await admin.connect();
    await admin.query('create database balai');
    await admin.end();
    const standby = await startStandby(primary, { maxConnections: 300 });
    try {
      const env = { DATA_DIR: dir, DATABASE_URL: primary.url('balai') };
      const config = loadConfig({ NODE_ENV: 'test', ...env });
      console.log(`seeding ${TENANTS} tenants and ${REPORTS} reports…`);
      const tenants = await prepareData(config, TENANTS);
      await seedReports(
        config,
        tenants.map((t) => t.slug),
        REPORTS,
      );
      const client = new pg.Client({ connectionString: primary.url('balai') });
      await client.connect();
      const { lsn } = (await client.query('select pg_current_wal_insert_lsn()::text as lsn')).rows[0];
      await client.end();
      await standby.waitForReplay(lsn, 120_000);

      const first = tenants[0]!;
      const rows: Array<{ name: string; requests: WrkRequest[]; choices?: Record<string, string[]> }> = [
        {
          name: 'portal list with search (uncached; the replica)',
          requests: [{ method: 'GET', path: '/t/%{slug}/laporan?q=%{term}' }],
          choices: { slug: tenants.map((t) => t.slug), term: [...SEARCH_TERMS] },
        },
        {
          name: 'API public list with search (cached per query)',
          requests: [{ method: 'GET', path: '/t/%{slug}/api/v1/reports?q=%{term}&limit=20' }],
          choices: { slug: tenants.map((t) => t.slug), term: [...SEARCH_TERMS] },
        },
        {
          name: 'staff list of accounts (uncached; the primary)',
          requests: [
            {
              method: 'GET',
              path: `/t/${first.slug}/api/v1/users`,
              headers: { authorization: `Bearer ${first.token}` },
            },
          ],
        },
      ];
      const setups: Array<{ name: string; nodes: number; replica: boolean }> = [
        { name: 'one node', nodes: 1, replica: false },
        { name: 'one node + replica', nodes: 1, replica: true },
        { name: 'two nodes + replica, HAProxy', nodes: 2, replica: true },
      ];
      const results: Array<{ setup: string; row: string; result: WrkResult }> = [];
      for (const setup of setups) {
        const nodes: ServerProcess[] = [];
        for (let i = 0; i < setup.nodes; i++) {
          const spawned = spawnServer({
            ...env,
            LOG_LEVEL: 'error',
            ...(setup.replica ? { DATABASE_REPLICA_URL: standby.url('balai') } : {}),
          });
          track(spawned.child);
          nodes.push(await spawned.ready);
        }
        const lb = setup.nodes > 1 ? await balancer(nodes, dir) : undefined;
        const base = lb?.base ?? nodes[0]!.base;
        for (const row of rows) {
          const settings = { threads: 2, connections: CONNECTIONS, seconds: SECONDS, timeout: 10 };
          await runWrk(base, row.requests, { ...settings, seconds: 2 }, dir, 'warm', track, row.choices);
          const result = await runWrk(base, row.requests, settings, dir, 'run', track, row.choices);
          results.push({ setup: setup.name, row: row.name, result });
          console.log(
            `${setup.name.padEnd(30)} ${row.name.padEnd(50)} ${result.reqPerSec.toFixed(0).padStart(7)} req/s  p99 ${result.latencyMs.p99.toFixed(1)} ms${result.errors ? `  ${result.errors} errors` : ''}`,
          );
        }
        if (lb) await stop(lb.child);
        for (const node of nodes) await stop(node.child);
      }
      console.log(
        `\n${os.cpus().length} cores; ${SECONDS} s per row, ${CONNECTIONS} connections, ${TENANTS} tenants, ${REPORTS} reports`,
      );
      console.log('| row | one node | one node + replica | two nodes + replica (HAProxy) |');
      console.log('|---|---:|---:|---:|');
      for (const row of rows) {
        const cells = setups.map((s) => {
          const r = results.find((x) => x.setup === s.name && x.row === row.name)!.result;
          return `${r.reqPerSec.toFixed(0)} req/s, p99 ${r.latencyMs.p99.toFixed(0)} ms`;
        });
        console.log(`| ${row.name} | ${cells.join(' | ')} |`);
      }
    } finally {
      await standby.destroy();
    }
  } finally {
    for (const child of children) await stop(child);
    await primary.destroy();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  for (const child of children) child.kill('SIGKILL');
  process.exit(1);
});
