/**
 * Where the CPU went during a measurement, from /proc (Linux only; elsewhere every figure is null):
 * the machine as a whole, the Balai server process, and every `postgres` process. Figures are in
 * cores (1.0 = one core busy for the whole run), so on a 2-core machine the total is at most 2.
 * Whatever the machine spent outside the server and Postgres is mostly the load generator.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';

export type CpuUse = {
  machine: number | null;
  server: number | null;
  postgres: number | null;
  /** The load generator: the children this process reaped during the run (only wrk). */
  loadgen: number | null;
  /** Interrupt and softirq time: mostly the kernel moving loopback packets. */
  irq: number | null;
  /** Everything else on the machine: other people's work, which makes the figures noisy. */
  other: number | null;
};

export type Snapshot = {
  at: bigint;
  machine: { busy: number; all: number; irq: number } | null;
  server: number | null;
  /** Ticks of each postgres process. */
  postgres: Map<number, number> | null;
  /** This process: its own ticks, and those of the children it has reaped. */
  self: { own: number; reaped: number } | null;
};

const TICKS = (() => {
  const r = spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8', timeout: 2_000 });
  const n = Number(r.stdout?.trim());
  return Number.isFinite(n) && n > 0 ? n : 100;
})();

function read(file: string): string | null {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}

/** The fields of /proc/<pid>/stat after the command name (which is in parentheses, and may hold spaces). */
function statFields(pid: number | 'self'): string[] | null {
  const stat = read(`/proc/${pid}/stat`);
  return stat ? stat.slice(stat.lastIndexOf(')') + 2).split(' ') : null;
}

/** utime + stime of a process, in ticks. */
function processTicks(pid: number): number | null {
  const fields = statFields(pid);
  return fields ? Number(fields[11]) + Number(fields[12]) : null;
}

function selfTicks(): { own: number; reaped: number } | null {
  const f = statFields('self');
  return f ? { own: Number(f[11]) + Number(f[12]), reaped: Number(f[13]) + Number(f[14]) } : null;
}

function postgresTicks(): Map<number, number> | null {
  let pids: string[];
  try {
    pids = readdirSync('/proc').filter((p) => /^\d+$/.test(p));
  } catch {
    return null;
  }
  const ticks = new Map<number, number>();
  for (const pid of pids) {
    if (read(`/proc/${pid}/comm`)?.trim() !== 'postgres') continue;
    const t = processTicks(Number(pid));
    if (t !== null) ticks.set(Number(pid), t);
  }
  return ticks;
}

/** Ticks the postgres processes spent between two snapshots (a backend that ended in between is lost). */
function postgresDelta(a: Map<number, number>, b: Map<number, number>): number {
  let sum = 0;
  for (const [pid, t] of b) sum += Math.max(0, t - (a.get(pid) ?? 0));
  return sum;
}

function machineTicks(): { busy: number; all: number; irq: number } | null {
  const line = read('/proc/stat')?.split('\n')[0];
  if (!line?.startsWith('cpu ')) return null;
  const v = line.trim().split(/\s+/).slice(1).map(Number);
  const all = v.reduce((a, b) => a + b, 0);
  const idle = (v[3] ?? 0) + (v[4] ?? 0);
  return { busy: all - idle, all, irq: (v[5] ?? 0) + (v[6] ?? 0) };
}

export function snapshot(serverPid: number | undefined): Snapshot {
  return {
    at: process.hrtime.bigint(),
    machine: machineTicks(),
    server: serverPid === undefined ? null : processTicks(serverPid),
    postgres: postgresTicks(),
    self: selfTicks(),
  };
}

const round = (n: number) => Math.round(n * 100) / 100;

/**
 * CPU use between two snapshots, in cores. `ownPostgres`: whether the postgres processes are part
 * of the measurement (else they count as other work).
 */
export function cpuBetween(a: Snapshot, b: Snapshot, ownPostgres: boolean): CpuUse {
  const seconds = Number(b.at - a.at) / 1e9;
  const cores = (ticks: number) => ticks / TICKS / seconds;
  const machine =
    a.machine && b.machine && b.machine.all > a.machine.all
      ? ((b.machine.busy - a.machine.busy) / (b.machine.all - a.machine.all)) * os.cpus().length
      : null;
  const irq =
    a.machine && b.machine && b.machine.all > a.machine.all
      ? ((b.machine.irq - a.machine.irq) / (b.machine.all - a.machine.all)) * os.cpus().length
      : 0;
  const server = a.server !== null && b.server !== null ? cores(b.server - a.server) : null;
  const postgres = a.postgres && b.postgres ? cores(postgresDelta(a.postgres, b.postgres)) : null;
  const loadgen = a.self && b.self ? cores(b.self.reaped - a.self.reaped) : null;
  const own = a.self && b.self ? cores(b.self.own - a.self.own) : 0;
  const other =
    machine !== null && server !== null && loadgen !== null && (postgres !== null || !ownPostgres)
      ? Math.max(0, machine - irq - server - loadgen - own - (ownPostgres ? (postgres ?? 0) : 0))
      : null;
  return {
    machine: machine === null ? null : round(machine),
    server: server === null ? null : round(server),
    postgres: ownPostgres && postgres !== null ? round(postgres) : null,
    loadgen: loadgen === null ? null : round(loadgen),
    irq: machine === null ? null : round(irq),
    other: other === null ? null : round(other),
  };
}

function sleep(ms: number) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Waits, at most `maxSeconds`, until the machine has been nearly idle for a second (less than
 * `threshold` cores busy); returns the seconds waited and the last load seen (null without /proc).
 */
export async function waitForQuiet(
  maxSeconds: number,
  threshold = 0.25,
): Promise<{ waited: number; load: number | null }> {
  const started = Date.now();
  let load: number | null = null;
  do {
    const a = snapshot(undefined);
    await sleep(1_000);
    const b = snapshot(undefined);
    load =
      a.machine && b.machine && b.machine.all > a.machine.all
        ? round(((b.machine.busy - a.machine.busy) / (b.machine.all - a.machine.all)) * os.cpus().length)
        : null;
    if (load === null || load < threshold) break;
  } while (Date.now() - started < maxSeconds * 1000);
  return { waited: Math.round((Date.now() - started) / 1000), load };
}
