/**
 * `npm start` as a child process, for the suites that kill, stop or starve it: a data directory
 * (and on PostgreSQL a database) prepared with one tenant and an administrator's API token, and
 * the server started over it.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { openMigratedDatabase } from '../../src/platform/boot.ts';
import { MODULES } from '../../src/platform/catalogue/installed.ts';
import { type Config, loadConfig } from '../../src/platform/config.ts';
import { SYSTEM_ACTOR, withTenant } from '../../src/platform/db/tenant-scope.ts';
import { issueToken } from '../../src/platform/people/auth.ts';
import { createUser, grantRole } from '../../src/platform/people/service.ts';
import { createTenant } from '../../src/platform/tenancy/service.ts';

export type ServerProcess = {
  child: ChildProcess;
  base: string;
  /** Everything the process wrote to stdout and stderr so far. */
  output(): string;
  /** Resolves with the exit code once the process has ended. */
  exited: Promise<number | null>;
};

export type SpawnedServer = Omit<ServerProcess, 'base'> & {
  /** Resolves with the server once it says where it listens; rejects if it exits first. */
  ready: Promise<ServerProcess>;
  /** Resolves once the output matches `pattern`; rejects if the process exits first. */
  waitFor(pattern: RegExp, ms?: number): Promise<void>;
};

/**
 * Starts `src/main.ts` (or another `entry` that prints "running at <url>" once it listens) with
 * `env` on a free port, without waiting for it; `stdin: true` leaves its standard input open for
 * the test to write to.
 */
export function spawnServer(
  env: Record<string, string>,
  options: { entry?: string; stdin?: boolean } = {},
): SpawnedServer {
  const child = spawn(process.execPath, ['--import', './src/web/jsx.ts', options.entry ?? 'src/main.ts'], {
    env: { ...process.env, PORT: '0', SEED_DEMO: 'false', LOG_LEVEL: 'warn', NODE_ENV: 'test', ...env },
    stdio: [options.stdin ? 'pipe' : 'ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const listeners = new Set<() => void>();
  const append = (chunk: Buffer) => {
    out += chunk;
    for (const l of listeners) l();
  };
  child.stdout!.on('data', append);
  child.stderr!.on('data', append);
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const output = () => out;
  const waitFor = (pattern: RegExp, ms = 60_000) =>
    new Promise<void>((resolve, reject) => {
      const check = () => {
        if (!pattern.test(out)) return;
        done();
        resolve();
      };
      const timer = setTimeout(() => {
        done();
        reject(new Error(`no ${pattern} within ${ms} ms:\n${out}`));
      }, ms);
      const done = () => {
        clearTimeout(timer);
        listeners.delete(check);
      };
      listeners.add(check);
      void exited.then((code) => {
        if (!listeners.has(check)) return;
        done();
        reject(new Error(`server exited with ${code}:\n${out}`));
      });
      check();
    });
  const ready = waitFor(/running at (http:\/\/\S+)/).then(() => ({
    child,
    base: /running at (http:\/\/\S+)/.exec(out)![1]!.replace('localhost', '127.0.0.1'),
    output,
    exited,
  }));
  return { child, output, exited, ready, waitFor };
}

/** Starts `src/main.ts` with `env` on a free port; resolves once it says where it listens. */
export function startServer(env: Record<string, string>): Promise<ServerProcess> {
  return spawnServer(env).ready;
}

export type PreparedTenant = {
  env: Record<string, string>;
  config: Config;
  tenantId: string;
  /** An API token of the tenant's administrator. */
  token: string;
  dir: string;
};

/**
 * A data directory (and, with `databaseUrl`, that database) holding one tenant with an
 * administrator's API token; the database is closed again, since only one process may open an
 * embedded data directory. `cleanups` receives what removes the directory.
 */
export async function prepareTenant(
  slug: string,
  code: string,
  cleanups: Array<() => Promise<void>>,
  databaseUrl?: string,
): Promise<PreparedTenant> {
  const dir = await mkdtemp(path.join(os.tmpdir(), `balai-${slug}-`));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  const env: Record<string, string> = {
    DATA_DIR: dir,
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
  };
  const config = loadConfig({ NODE_ENV: 'test', ...env });
  const database = await openMigratedDatabase(config, MODULES);
  try {
    const tenantId = await createTenant(
      database.db,
      { slug, code, kind: 'kota', name: `Kota ${slug}`, timeZone: 'Asia/Jakarta' },
      SYSTEM_ACTOR,
    );
    const token = await withTenant(database.db, tenantId, SYSTEM_ACTOR, async (scope) => {
      const id = await createUser(scope, {
        kind: 'staff',
        displayName: 'Admin',
        email: `admin@${slug}.go.id`,
        nip: '198503122010011003',
        password: 'correct-horse-battery',
      });
      await grantRole(scope, id, { role: 'tenant_admin', agencyId: null });
      return (await issueToken(scope, id, slug, null)).token;
    });
    return { env, config, tenantId, token, dir };
  } finally {
    await database.close();
  }
}
