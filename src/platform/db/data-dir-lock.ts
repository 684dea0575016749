/**
 * One process per embedded data directory. PGlite keeps the database in its own memory and writes
 * it back to the directory; a second process opening the same directory works on a copy, and the
 * two overwrite each other's files until PGlite aborts and the records are unreachable.
 *
 * A lock file beside the directory names the process that holds it: its id, and on Linux its start
 * time and the machine's boot id, so that a lock left by a killed process is recognised as stale
 * even when a new process got the same id (a container's server is often process 1 at every
 * start). The file is written whole under a temporary name and linked into place, which fails when
 * a lock exists; a stale lock is first renamed away and checked to be the one judged stale, so two
 * processes taking it over at once cannot both win.
 */
import { randomBytes } from 'node:crypto';
import { linkSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';

/** The embedded data directory is open in another process that is still running. */
export class DataDirInUse extends Error {
  readonly pid: number;
  constructor(dir: string, pid: number, role: string) {
    super(
      `The embedded database in ${dir} is in use by ${role} (process ${pid}), and only one process may ` +
        'open it. Stop that process first, or, to run an `npm run balai` command, let the running server ' +
        'carry it out: the command does so by itself when the server is up.',
    );
    this.name = 'DataDirInUse';
    this.pid = pid;
  }
}

export type DataDirLock = { release(): void };

type Holder = { pid: number; role: string; started?: string; boot?: string };

/** Directories this process holds: a second open in the same process is refused too. */
const held = new Set<string>();

function readOr(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8').trim();
  } catch {
    return undefined;
  }
}

/** When process `pid` started, in clock ticks since boot (Linux; undefined elsewhere). */
function startTime(pid: number): string | undefined {
  const stat = readOr(`/proc/${pid}/stat`);
  // Field 22; the command name (field 2) may hold spaces, so count from its closing parenthesis.
  return stat?.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
}

const bootId = () => readOr('/proc/sys/kernel/random/boot_id');

function running(holder: Holder): boolean {
  if (holder.boot && holder.boot !== bootId()) return false;
  try {
    process.kill(holder.pid, 0);
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  // The same id, started at another time: a new process that reused the id.
  return holder.started === undefined || holder.started === startTime(holder.pid);
}

function parse(text: string | undefined): Holder | undefined {
  try {
    const h = JSON.parse(text ?? '') as Partial<Holder>;
    return typeof h.pid === 'number' ? (h as Holder) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Takes the lock of `dir` for this process (`role` says what it is, for the message another
 * process shows); throws DataDirInUse when a running process holds it.
 */
export function lockDataDir(dir: string, role: string): DataDirLock {
  const file = `${dir}.lock`;
  const mine: Holder = { pid: process.pid, role };
  const started = startTime(process.pid);
  const boot = bootId();
  if (started) mine.started = started;
  if (boot) mine.boot = boot;
  const content = JSON.stringify(mine);
  if (held.has(file)) throw new DataDirInUse(dir, process.pid, role);
  for (let attempt = 0; attempt < 5; attempt++) {
    const temporary = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
    writeFileSync(temporary, content, { mode: 0o600 });
    try {
      linkSync(temporary, file);
      held.add(file);
      const release = () => {
        process.off('exit', release);
        held.delete(file);
        if (readOr(file) === content) unlinkSync(file);
      };
      // A process that exits without closing the database still gives the directory back.
      process.on('exit', release);
      return { release };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    } finally {
      unlinkSync(temporary);
    }
    const stale = readOr(file);
    const holder = parse(stale);
    if (holder && running(holder)) throw new DataDirInUse(dir, holder.pid, holder.role);
    // Left by a process that is gone (or unreadable: a lock is always written whole, so that is
    // damage): move it aside, and put it back if another process replaced it meanwhile.
    const aside = `${file}.stale.${process.pid}.${randomBytes(4).toString('hex')}`;
    try {
      renameSync(file, aside);
    } catch {
      continue; // another process moved it first
    }
    if (readOr(aside) !== stale) {
      try {
        linkSync(aside, file);
      } catch {
        // A third lock appeared; the next attempt judges it.
      }
    }
    unlinkSync(aside);
  }
  throw new Error(`Could not take the lock ${file}: it keeps changing`);
}
