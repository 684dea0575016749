/**
 * While the server runs on an embedded database it alone may open the data directory (see
 * db/data-dir-lock.ts), so `npm run balai` hands its command to the server through a Unix socket
 * in that directory and prints the answer: the README's order — start the server, then create a
 * tenant — just works. The socket is readable by the server's own user only; whoever can open it
 * could open the database files as well.
 *
 * One connection carries one command: a JSON line `{argv, caller}`, answered by a JSON line
 * `{exitCode, stdout, stderr}`.
 */
import { existsSync, unlinkSync } from 'node:fs';
import { connect, createServer, type Server, type Socket } from 'node:net';
import path from 'node:path';
import type { Platform } from '../platform/platform.ts';
import { type Caller, execute, type Outcome } from './commands.ts';

/** Longest command line accepted, in bytes: far more than any real one. */
const MAX_REQUEST = 64 * 1024;

/** A connection that has not sent its command within this is closed (it would hold shutdown). */
const REQUEST_WITHIN_MS = 10_000;

export function controlSocketPath(dataDir: string): string {
  return path.join(dataDir, 'balai.sock');
}

/** Starts answering commands on `socketPath`; resolves with a function that stops. */
export async function serveControl(
  platform: Platform,
  socketPath: string,
  log: { error(obj: object, msg: string): void },
): Promise<() => Promise<void>> {
  // The data directory's lock is ours, so a socket file left there is from a process that is gone.
  if (existsSync(socketPath)) unlinkSync(socketPath);
  const waiting = new Set<Socket>();
  const server: Server = createServer((socket) => {
    let received = '';
    waiting.add(socket);
    socket.setEncoding('utf8');
    socket.setTimeout(REQUEST_WITHIN_MS, () => socket.destroy());
    socket.on('close', () => waiting.delete(socket));
    socket.on('error', () => {
      // The CLI went away; nothing to answer.
    });
    socket.on('data', (chunk: string) => {
      received += chunk;
      if (received.length > MAX_REQUEST) return socket.destroy();
      const end = received.indexOf('\n');
      if (end < 0) return;
      socket.pause();
      // The command runs to its end, however long; only the wait for it was bounded.
      socket.setTimeout(0);
      waiting.delete(socket);
      void answer(received.slice(0, end)).then((outcome) => socket.end(`${JSON.stringify(outcome)}\n`));
    });
  });
  async function answer(line: string): Promise<Outcome> {
    let request: { argv?: unknown; caller?: Partial<Caller> };
    try {
      request = JSON.parse(line);
    } catch {
      return { exitCode: 2, stdout: '', stderr: 'control socket: the request is not JSON' };
    }
    const argv = request.argv;
    if (!Array.isArray(argv) || !argv.every((a) => typeof a === 'string')) {
      return { exitCode: 2, stdout: '', stderr: 'control socket: argv must be a list of strings' };
    }
    const caller: Caller = {
      user: typeof request.caller?.user === 'string' ? request.caller.user.slice(0, 64) : 'unknown',
      language: typeof request.caller?.language === 'string' ? request.caller.language : undefined,
    };
    try {
      return await execute(argv, platform, caller);
    } catch (error) {
      log.error({ err: error }, 'command from the control socket failed');
      return {
        exitCode: 1,
        stdout: '',
        stderr: `the server could not carry out the command: ${(error as Error).message}`,
      };
    }
  }
  // Created readable by this user only: no moment at the umask's wider mode.
  const umask = process.umask(0o177);
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(socketPath, () => resolve());
    });
  } finally {
    process.umask(umask);
  }
  return () =>
    new Promise<void>((resolve) => {
      // Commands under way finish; connections that sent nothing yet are closed.
      for (const socket of waiting) socket.destroy();
      server.close(() => resolve());
    });
}

/**
 * Sends a command to the server listening on `socketPath`. Resolves undefined when no server
 * listens there (the CLI then opens the database itself).
 */
export function sendToServer(
  socketPath: string,
  argv: string[],
  caller: Caller,
): Promise<Outcome | undefined> {
  if (!existsSync(socketPath)) return Promise.resolve(undefined);
  return new Promise((resolve, reject) => {
    const socket = connect(socketPath);
    let received = '';
    let connected = false;
    socket.setEncoding('utf8');
    socket.on('connect', () => {
      connected = true;
      socket.write(`${JSON.stringify({ argv, caller })}\n`);
    });
    socket.on('data', (chunk: string) => {
      received += chunk;
    });
    socket.on('end', () => {
      try {
        resolve(JSON.parse(received) as Outcome);
      } catch {
        reject(new Error(`the server at ${socketPath} gave no answer`));
      }
    });
    socket.on('error', (error: NodeJS.ErrnoException) => {
      // A socket file nobody listens on: the server is not running.
      if (!connected && (error.code === 'ECONNREFUSED' || error.code === 'ENOENT')) resolve(undefined);
      else reject(error);
    });
  });
}
