/**
 * One process per embedded data directory. PGlite keeps the database in its own memory and writes
 * it back to the directory; a second process opening the same directory works on a copy, and the
 * two overwrite each other's files until PGlite aborts and the records are unreachable. A lock
 * file beside the directory, created exclusively, names the process that holds it; a lock whose
 * process is gone (a SIGKILL, a power cut) is taken over.
 */
import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';

/** The embedded data directory is open in another process that is still running. */
export class DataDirInUse extends Error {
  readonly pid: number;
  constructor(dir: string, pid: number, role: string) {
    super(
      `The embedded database in ${dir} is in use by ${role} (process ${pid}). Only one process may open it: ` +
        'stop that process first. While the server runs, `npm run balai -- …` commands are carried out by ' +
        'the server itself; this one could not reach it.',
    );
    this.name = 'DataDirInUse';
    this.pid = pid;
  }
}

export type DataDirLock = { release(): void };

function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function holder(file: string): { pid: number; role: string } | undefined {
  try {
    const held = JSON.parse(readFileSync(file, 'utf8')) as { pid?: unknown; role?: unknown };
    return typeof held.pid === 'number'
      ? { pid: held.pid, role: typeof held.role === 'string' ? held.role : 'another process' }
      : undefined;
  } catch {
    // Unreadable or half-written: its writer died between creating and writing it.
    return undefined;
  }
}

/**
 * Takes the lock of `dir` for this process (`role` says what it is, for the message another
 * process shows); throws DataDirInUse when a running process holds it.
 */
export function lockDataDir(dir: string, role: string): DataDirLock {
  const file = `${dir}.lock`;
  for (let attempt = 0; attempt < 3; attempt++) {
    let fd: number;
    try {
      fd = openSync(file, 'wx', 0o600);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const held = holder(file);
      if (held && running(held.pid)) throw new DataDirInUse(dir, held.pid, held.role);
      // Left by a process that is gone: take it over.
      try {
        unlinkSync(file);
      } catch {
        // Another process took it over first; the next attempt sees its lock.
      }
      continue;
    }
    writeSync(fd, JSON.stringify({ pid: process.pid, role, since: new Date().toISOString() }));
    closeSync(fd);
    const release = () => {
      process.off('exit', release);
      try {
        if (holder(file)?.pid === process.pid) unlinkSync(file);
      } catch {
        // Already gone.
      }
    };
    // A process that exits without closing the database still gives the directory back.
    process.on('exit', release);
    return { release };
  }
  throw new Error(`Could not take the lock ${file}`);
}
