import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { DataDirInUse, lockDataDir } from './data-dir-lock.ts';

describe('the embedded data directory lock', () => {
  const root = mkdtempSync(path.join(os.tmpdir(), 'balai-lock-'));
  after(() => rmSync(root, { recursive: true, force: true }));
  let n = 0;
  const dir = () => path.join(root, `data-${++n}`);

  test('is taken once, refused to a second taker, and given back', () => {
    const d = dir();
    const lock = lockDataDir(d, 'the server');
    assert.throws(() => lockDataDir(d, 'a command'), DataDirInUse);
    lock.release();
    assert.equal(existsSync(`${d}.lock`), false);
    lockDataDir(d, 'a command').release();
  });

  test('held by another running process, it is refused with that process named', async () => {
    const d = dir();
    const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)']);
    try {
      const started = readFileSync(`/proc/${child.pid}/stat`, 'utf8');
      const ticks = started.slice(started.lastIndexOf(')') + 2).split(' ')[19];
      writeFileSync(
        `${d}.lock`,
        JSON.stringify({ pid: child.pid, role: 'the Balai server', started: ticks }),
      );
      assert.throws(
        () => lockDataDir(d, 'x'),
        (e: Error) => e instanceof DataDirInUse && /process \d+/.test(e.message),
      );
    } finally {
      child.kill();
    }
  });

  test('left by a process that is gone, or whose id a new process reused, it is taken over', () => {
    const d = dir();
    // The same id as this process, but started at another time: a restart that reused the id.
    writeFileSync(`${d}.lock`, JSON.stringify({ pid: process.pid, role: 'old', started: '1' }));
    lockDataDir(d, 'new').release();
    // A process id that is not running.
    writeFileSync(`${d}.lock`, JSON.stringify({ pid: 2 ** 22 + 1, role: 'gone' }));
    lockDataDir(d, 'new').release();
    // Another boot.
    writeFileSync(`${d}.lock`, JSON.stringify({ pid: process.pid, role: 'old', boot: 'another-boot' }));
    lockDataDir(d, 'new').release();
    // Damaged (a lock is always written whole).
    writeFileSync(`${d}.lock`, '');
    lockDataDir(d, 'new').release();
  });
});
