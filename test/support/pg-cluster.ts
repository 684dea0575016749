/**
 * A PostgreSQL server of the suite's own (initdb in a temporary directory, on a free port), for
 * the suites that stop, restart, freeze or cut the database under a running Balai: doing that to
 * the shared server would break every other suite running beside them. `startStandby` adds a hot
 * standby of it (pg_basebackup -R, streaming replication) on another port, whose replay can be
 * paused to make it lag on purpose.
 */
import { execFile } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { freePort } from './free-port.ts';

const run = promisify(execFile);

export type PrivateCluster = {
  port: number;
  /** A URL of the cluster's database `name` (trust authentication, as user postgres). */
  url(name?: string): string;
  stop(): Promise<void>;
  start(): Promise<void>;
  restart(): Promise<void>;
  /** Stops every process of the server with SIGSTOP: connections stay open and nothing answers. */
  freeze(): Promise<void>;
  thaw(): Promise<void>;
  /** Ends every session connected to database `name` (pg_terminate_backend). */
  terminate(name: string): Promise<number>;
  destroy(): Promise<void>;
};

function binDir(): string | undefined {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const version = readdirSync(root)
    .filter((v) => existsSync(path.join(root, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a))[0];
  return version ? path.join(root, version, 'bin') : undefined;
}

/** Why a private cluster cannot be made here, or undefined when it can. */
export function privateClusterUnavailable(): string | undefined {
  if (!binDir()) return 'no PostgreSQL server binaries under /usr/lib/postgresql';
  if (process.getuid?.() !== 0 && os.userInfo().username !== 'postgres') {
    return 'initdb must run as the postgres user: run as root or postgres';
  }
  return undefined;
}

export type ClusterOptions = { maxConnections?: number };

/** A directory for a server's files, owned by postgres when the suite runs as root. */
async function serverDir(): Promise<string> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'balai-pg-'));
  if (process.getuid?.() === 0) {
    const { uid, gid } = await postgresIds();
    chownSync(dir, uid, gid);
  }
  return dir;
}

/** Runs a PostgreSQL program; as postgres when the suite runs as root (the server refuses root). */
function pgCommand(command: string, args: string[]) {
  const program = path.join(binDir()!, command);
  return process.getuid?.() === 0
    ? run('runuser', ['-u', 'postgres', '--', program, ...args])
    : run(program, args);
}

/** Creates, starts and returns a private cluster; `destroy()` removes it. */
export async function startPrivateCluster(options: ClusterOptions = {}): Promise<PrivateCluster> {
  const dir = await serverDir();
  const data = path.join(dir, 'data');
  await pgCommand('initdb', ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--no-sync']);
  return runServer(dir, data, options);
}

/**
 * A hot standby of `primary`: a base backup of it (`pg_basebackup -R -X stream`, which writes the
 * standby's connection to the primary), started on a port of its own; read-only, replaying the
 * primary's WAL as it streams in (the primary's default `wal_level=replica` allows it).
 */
export async function startStandby(primary: PrivateCluster, options: ClusterOptions = {}): Promise<Standby> {
  const dir = await serverDir();
  const data = path.join(dir, 'data');
  await pgCommand('pg_basebackup', [
    '-D',
    data,
    '-h',
    '127.0.0.1',
    '-p',
    String(primary.port),
    '-U',
    'postgres',
    '-R',
    '-X',
    'stream',
    // Checkpoint at once rather than spread over minutes, as pg_basebackup would by default.
    '--checkpoint=fast',
    '--no-sync',
  ]);
  const server = await runServer(dir, data, options, '-c hot_standby=on');
  const query = async <T>(text: string, database = 'postgres'): Promise<T> => {
    const client = new pg.Client({ connectionString: server.url(database) });
    await client.connect();
    try {
      return (await client.query(text)).rows[0] as T;
    } finally {
      await client.end();
    }
  };
  return {
    ...server,
    query,
    async pauseReplay() {
      await query('select pg_wal_replay_pause()');
    },
    async resumeReplay() {
      await query('select pg_wal_replay_resume()');
    },
    async replayed() {
      return (await query<{ lsn: string }>('select pg_last_wal_replay_lsn()::text as lsn')).lsn;
    },
    async waitForReplay(lsn, ms = 20_000) {
      const deadline = Date.now() + ms;
      for (;;) {
        const { caught } = await query<{ caught: boolean }>(
          `select pg_last_wal_replay_lsn() >= '${lsn}'::pg_lsn as caught`,
        );
        if (caught) return;
        if (Date.now() > deadline) throw new Error(`the standby did not replay up to ${lsn} within ${ms} ms`);
        await new Promise((r) => setTimeout(r, 20));
      }
    },
  };
}

export type Standby = PrivateCluster & {
  /** The first row of `text`, run on the standby's database `database` (postgres by default). */
  query<T>(text: string, database?: string): Promise<T>;
  /** Stops applying the primary's WAL (it still arrives): the standby lags on purpose. */
  pauseReplay(): Promise<void>;
  resumeReplay(): Promise<void>;
  /** The WAL position replayed so far (`pg_last_wal_replay_lsn`). */
  replayed(): Promise<string>;
  /** Resolves once the standby has replayed up to `lsn` (polling its replay position). */
  waitForReplay(lsn: string, ms?: number): Promise<void>;
};

/** Starts the server of `data` on a free port and returns its handle. */
async function runServer(
  dir: string,
  data: string,
  settings: ClusterOptions,
  extra = '',
): Promise<PrivateCluster> {
  const port = await freePort();
  const options = `-p ${port} -c listen_addresses=127.0.0.1 -k ${dir} -c fsync=off -c max_connections=${settings.maxConnections ?? 60} ${extra}`;
  const ctl = (...args: string[]) =>
    pgCommand('pg_ctl', ['-D', data, '-l', path.join(dir, 'server.log'), '-w', '-o', options, ...args]);
  await ctl('start');

  const pids = (): number[] => {
    const postmaster = Number(readFileSync(path.join(data, 'postmaster.pid'), 'utf8').split('\n')[0]);
    const children = readdirSync('/proc')
      .filter((p) => /^\d+$/.test(p))
      .filter((p) => {
        try {
          return Number(readFileSync(`/proc/${p}/stat`, 'utf8').split(') ')[1]!.split(' ')[1]) === postmaster;
        } catch {
          return false;
        }
      })
      .map(Number);
    return [postmaster, ...children];
  };
  const url = (name = 'postgres') => `postgres://postgres@127.0.0.1:${port}/${name}`;

  return {
    port,
    url,
    async stop() {
      await ctl('stop', '-m', 'fast');
    },
    async start() {
      await ctl('start');
    },
    async restart() {
      await ctl('restart', '-m', 'fast');
    },
    async freeze() {
      for (const pid of pids().reverse()) signal(pid, 'SIGSTOP');
    },
    async thaw() {
      for (const pid of pids()) signal(pid, 'SIGCONT');
    },
    async terminate(name) {
      const client = new pg.Client({ connectionString: url('postgres') });
      await client.connect();
      try {
        const { rows } = await client.query(
          'select count(pg_terminate_backend(pid))::int as n from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()',
          [name],
        );
        return rows[0].n as number;
      } finally {
        await client.end();
      }
    },
    async destroy() {
      try {
        await ctl('stop', '-m', 'immediate');
      } catch {
        // Already stopped.
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Signals a process that may have ended since it was listed. */
function signal(pid: number, name: NodeJS.Signals) {
  try {
    process.kill(pid, name);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
  }
}

async function postgresIds(): Promise<{ uid: number; gid: number }> {
  const [uid, gid] = await Promise.all([run('id', ['-u', 'postgres']), run('id', ['-g', 'postgres'])]);
  return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
}
