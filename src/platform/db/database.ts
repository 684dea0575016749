/**
 * The database: embedded PGlite (a directory on disk, or memory) or a PostgreSQL server, behind
 * one Kysely instance and one SQL dialect. LISTEN/NOTIFY is offered on both.
 */
import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { btree_gin } from '@electric-sql/pglite/contrib/btree_gin';
import { Kysely } from 'kysely';
import pg from 'pg';
import { type DataDirLock, lockDataDir } from './data-dir-lock.ts';
import { Lock, PGliteDialect } from './pglite-dialect.ts';
import { openReadReplica, type ReadReplica } from './replica.ts';
import type { PlatformTables } from './schema.ts';
import { HookedPostgresDialect } from './transaction-hooks.ts';
import { isDatabaseUnavailable } from './unavailable.ts';

export type DatabaseKind = 'embedded' | 'postgres';

/** A notification handler; `payload` is the text given to pg_notify. */
export type NotificationHandler = (payload: string) => void;

/** Rows of a raw statement; a text of several statements gives the rows of all of them, in order. */
export type RawResult = { rows: Array<Record<string, unknown>> };

export interface Database {
  readonly kind: DatabaseKind;
  readonly db: Kysely<PlatformTables>;
  /** Subscribes to a NOTIFY channel; resolves with a function that unsubscribes. */
  listen(channel: string, handler: NotificationHandler): Promise<() => Promise<void>>;
  /**
   * Calls `callback` after the notification connection came back from a loss: notifications sent
   * meanwhile were missed, so whatever they keep fresh must be reloaded. (Never on PGlite.)
   */
  onReconnect(callback: () => void): void;
  /**
   * Runs SQL text outside Kysely, as the connecting (owner) role, for libraries that bring their
   * own SQL (the job queue). With `values` it is one statement with `$n` parameters; without, it may
   * be several statements separated by semicolons. On PGlite it waits its turn on the connection
   * like any transaction, and a transaction it leaves open or failed is rolled back before the
   * connection is handed on; on PostgreSQL it runs on the pool.
   */
  executeRaw(text: string, values?: readonly unknown[]): Promise<RawResult>;
  /**
   * The streaming replica for reads that may be slightly stale (`DatabaseOptions.replica`), or
   * undefined: such reads then run here. See replica.ts.
   */
  readonly replica?: ReadReplica | undefined;
  /**
   * Runs the kernel's own SQL text of several statements in one round trip (the simple protocol: no
   * parameters, so every value in it must be validated or escaped), as the connecting role, and
   * returns each statement's rows. The text ends every transaction it begins; one it leaves failed
   * is rolled back. On PGlite it waits its turn on the connection like any transaction.
   */
  runScript(text: string): Promise<RawResult[]>;
  /**
   * Embedded only: the whole database as a tar file (PGlite's `dumpDataDir`), from which another
   * embedded database can start (`DatabaseOptions.snapshot`) without creating a cluster.
   */
  dump?(): Promise<Blob>;
  close(): Promise<void>;
}

const DATE_OID = 1082;
const INT8_OID = 20;

function parseInt8(value: string): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n)) throw new RangeError(`int8 value ${value} does not fit a JS number`);
  return n;
}

/**
 * Bounds on a PostgreSQL server that is slow, stuck or gone; absent, nothing is bounded (the
 * migrations run so). Every one is in milliseconds.
 */
export type DatabaseTimeouts = Readonly<{
  /** The server cancels a statement running longer (statement_timeout). */
  statementMs: number;
  /** Opening a connection, or waiting for a free one in the pool, fails after this. */
  connectMs: number;
  /** The server ends a session left idle inside a transaction this long. */
  idleInTransactionMs: number;
}>;

/**
 * The client gives up on an answer this long after the server's own statement timeout: a server
 * that is frozen (or a network that silently drops everything) never sends the cancellation.
 */
const CLIENT_GRACE_MS = 1_000;

export type DatabaseOptions = {
  /** Postgres URL; absent means embedded. */
  url?: string | undefined;
  /** For embedded: a directory, or 'memory://'. */
  dataDir?: string;
  poolSize?: number;
  timeouts?: DatabaseTimeouts | undefined;
  /** What this process is, named to another process that finds the embedded directory taken. */
  role?: string;
  /**
   * For embedded in memory: start from this dump of another embedded database (`Database.dump`)
   * rather than from an empty cluster — seconds faster, which a test run starting a hundred
   * databases feels.
   */
  snapshot?: Blob | undefined;
  /** PostgreSQL only: a streaming replica of `url` (a hot standby) and the lag allowed to its reads. */
  replica?: Readonly<{ url: string; maxLagMs: number }> | undefined;
};

/** Opens the database named by the options (it does not migrate: see migrator.ts). */
export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.replica && !options.url) throw new Error('a read replica needs a PostgreSQL primary');
  return options.url
    ? openPostgres(options.url, options.poolSize ?? 20, options.timeouts, options.replica)
    : openEmbedded(options.dataDir ?? 'memory://', options.role ?? 'a Balai process', options.snapshot);
}

async function openEmbedded(dataDir: string, role: string, snapshot: Blob | undefined): Promise<Database> {
  if (snapshot && dataDir !== 'memory://') throw new Error('a snapshot is for a database in memory only');
  let dirLock: DataDirLock | undefined;
  if (dataDir !== 'memory://') {
    mkdirSync(dataDir, { recursive: true });
    dirLock = lockDataDir(dataDir, role);
  }
  let pglite: PGlite;
  try {
    // Options must be the only argument: with a data directory first, PGlite drops them.
    pglite = new PGlite({
      ...(dataDir === 'memory://' ? {} : { dataDir }),
      ...(snapshot ? { loadDataDir: snapshot } : {}),
      parsers: { [DATE_OID]: (v: string) => v, [INT8_OID]: parseInt8 },
      // Contrib extensions the migrations create (loaded from the package, no download).
      extensions: { btree_gin },
    });
    await pglite.waitReady;
  } catch (error) {
    dirLock?.release();
    throw error;
  }
  const lock = new Lock();
  const db = new Kysely<PlatformTables>({ dialect: new PGliteDialect(pglite, lock) });
  return {
    kind: 'embedded',
    db,
    executeRaw(text, values) {
      return lock.run(async () => {
        let result: RawResult;
        try {
          if (values && values.length > 0) {
            result = { rows: (await pglite.query<Record<string, unknown>>(text, [...values])).rows };
          } else {
            // Without parameters the text may hold several statements: the simple protocol runs them.
            const results = await pglite.exec(text);
            result = { rows: results.flatMap((r) => r.rows as Array<Record<string, unknown>>) };
          }
        } catch (error) {
          // A failed BEGIN … COMMIT block stays open and aborted: end it before handing the connection on.
          if (pglite.isInTransaction()) await pglite.exec('rollback');
          throw error;
        }
        if (pglite.isInTransaction()) {
          await pglite.exec('rollback');
          throw new Error('executeRaw: the statement left a transaction open; it was rolled back');
        }
        return result;
      });
    },
    runScript(text) {
      return lock.run(async () => {
        try {
          return (await pglite.exec(text)).map((r) => ({ rows: r.rows as Array<Record<string, unknown>> }));
        } finally {
          if (pglite.isInTransaction()) await pglite.exec('rollback');
        }
      });
    },
    onReconnect() {
      // One process, one connection: nothing is ever missed.
    },
    dump() {
      return lock.run(() => pglite.dumpDataDir('none'));
    },
    async listen(channel, handler) {
      // LISTEN runs on the one connection: take the lock so it cannot land inside someone's transaction.
      const unlisten = await lock.run(() => pglite.listen(channel, handler));
      return () => lock.run(() => unlisten());
    },
    async close() {
      await db.destroy();
      dirLock?.release();
    },
  };
}

/**
 * A pool on a PostgreSQL server, bounded by `timeouts`, that survives the server going away: for
 * the primary and for a read replica alike.
 */
function postgresPool(url: string, poolSize: number, timeouts: DatabaseTimeouts | undefined): pg.Pool {
  const types = {
    getTypeParser(oid: number, format?: 'text' | 'binary') {
      if (oid === DATE_OID) return (v: string) => v;
      if (oid === INT8_OID) return parseInt8;
      return pg.types.getTypeParser(oid, format);
    },
  };
  const bounds = timeouts
    ? {
        connectionTimeoutMillis: timeouts.connectMs,
        statement_timeout: timeouts.statementMs,
        idle_in_transaction_session_timeout: timeouts.idleInTransactionMs,
        query_timeout: timeouts.statementMs + CLIENT_GRACE_MS,
      }
    : {};
  const pool = new pg.Pool({ connectionString: url, max: poolSize, types, keepAlive: true, ...bounds });
  let lostLogged = 0;
  const connectionLost = (error: Error) => {
    // One line per second at most: a restart ends every connection at once.
    if (Date.now() - lostLogged < 1_000) return;
    lostLogged = Date.now();
    console.error(`database: connection lost (${error.message}); the pool reconnects`);
  };
  // A connection the server ends (a restart, a failover, pg_terminate_backend) emits 'error' on its
  // client, idle or checked out; without a listener that would end the process. The request using
  // it fails on its own (503, see unavailable.ts) and the pool discards the client.
  pool.on('error', connectionLost);
  pool.on('connect', (client) => client.on('error', connectionLost));
  return pool;
}

/**
 * The read replica of `options` over its own pool, its lag measured against `primaryDb`. It is not
 * probed: a replica down at boot is no reason not to start (its reads go to the primary meanwhile).
 */
function openReplica(
  primaryDb: Kysely<PlatformTables>,
  options: Readonly<{ url: string; maxLagMs: number }>,
  poolSize: number,
  timeouts: DatabaseTimeouts | undefined,
): Promise<ReadReplica> {
  const pool = postgresPool(options.url, poolSize, timeouts);
  const db = new Kysely<PlatformTables>({
    dialect: new HookedPostgresDialect({ pool: discardingBrokenClients(pool) }),
  });
  return openReadReplica(primaryDb, db, options.maxLagMs);
}

async function openPostgres(
  url: string,
  poolSize: number,
  timeouts: DatabaseTimeouts | undefined,
  replicaOptions: DatabaseOptions['replica'],
): Promise<Database> {
  const pool = postgresPool(url, poolSize, timeouts);
  // Fail at boot, not at the first request, when the server is unreachable.
  const probe = await pool.connect();
  probe.release();
  const db = new Kysely<PlatformTables>({
    dialect: new HookedPostgresDialect({ pool: discardingBrokenClients(pool) }),
  });
  let listener: pg.Client | undefined;
  let connecting: Promise<pg.Client> | undefined;
  let closing = false;
  let retryMs = 500;
  const handlers = new Map<string, Set<NotificationHandler>>();
  const reconnected: Array<() => void> = [];

  /** Opens the notification connection and LISTENs on every channel asked for so far. */
  async function connectListener(): Promise<pg.Client> {
    const client = new pg.Client({
      connectionString: url,
      keepAlive: true,
      ...(timeouts ? { connectionTimeoutMillis: timeouts.connectMs } : {}),
    });
    client.on('notification', (msg) => {
      for (const h of handlers.get(msg.channel) ?? []) h(msg.payload ?? '');
    });
    client.on('error', () => {
      // 'end' follows and schedules the reconnection.
    });
    client.on('end', () => {
      if (closing || listener !== client) return;
      listener = undefined;
      setTimeout(reconnect, retryMs).unref();
    });
    await client.connect();
    for (const channel of handlers.keys()) await client.query(`listen ${pg.escapeIdentifier(channel)}`);
    return client;
  }

  async function reconnect(): Promise<void> {
    if (closing) return;
    try {
      listener = await connectListener();
      retryMs = 500;
      for (const callback of reconnected) callback();
    } catch (error) {
      console.error(`database: notification connection lost, retrying (${(error as Error).message})`);
      retryMs = Math.min(retryMs * 2, 30_000);
      setTimeout(reconnect, retryMs).unref();
    }
  }
  let replica: ReadReplica | undefined;
  if (replicaOptions) {
    try {
      replica = await openReplica(db, replicaOptions, poolSize, timeouts);
    } catch (error) {
      await db.destroy();
      throw error;
    }
  }
  return {
    kind: 'postgres',
    db,
    replica,
    async executeRaw(text, values) {
      if (values && values.length > 0) {
        // One statement with parameters: it cannot leave a transaction behind.
        return { rows: (await pool.query<Record<string, unknown>>(text, [...values])).rows };
      }
      const client = await pool.connect();
      // Until the client is known to be outside any transaction, it is not given back for reuse.
      let clean = false;
      try {
        let result: pg.QueryResult<Record<string, unknown>> | Array<pg.QueryResult<Record<string, unknown>>>;
        try {
          result = (await client.query(text)) as typeof result;
        } catch (error) {
          // A failed BEGIN … COMMIT block stays open and aborted: end it before the client goes back.
          await client.query('rollback');
          clean = true;
          throw error;
        }
        // Outside a transaction, a statement starts its own: its start is the transaction's start.
        const open = await client.query<{ open: boolean }>('select now() <> statement_timestamp() as open');
        if (open.rows[0]?.open) {
          await client.query('rollback');
          clean = true;
          throw new Error('executeRaw: the statement left a transaction open; it was rolled back');
        }
        clean = true;
        return { rows: Array.isArray(result) ? result.flatMap((r) => r.rows ?? []) : result.rows };
      } finally {
        client.release(!clean);
      }
    },
    async runScript(text) {
      const client = await pool.connect();
      let clean = false;
      try {
        const result = (await client.query(text)) as
          | pg.QueryResult<Record<string, unknown>>
          | Array<pg.QueryResult<Record<string, unknown>>>;
        clean = true;
        return (Array.isArray(result) ? result : [result]).map((r) => ({ rows: r.rows ?? [] }));
      } catch (error) {
        // A failed statement inside BEGIN … COMMIT leaves the block open and aborted: end it.
        await client.query('rollback').then(
          () => {
            clean = true;
          },
          () => undefined,
        );
        throw error;
      } finally {
        client.release(!clean);
      }
    },
    onReconnect(callback) {
      reconnected.push(callback);
    },
    async listen(channel, handler) {
      let set = handlers.get(channel);
      if (!set) {
        set = new Set();
        handlers.set(channel, set);
        if (listener) await listener.query(`listen ${pg.escapeIdentifier(channel)}`);
      }
      if (!listener) {
        connecting ??= connectListener().finally(() => {
          connecting = undefined;
        });
        listener = await connecting;
      }
      set.add(handler);
      return async () => {
        set.delete(handler);
      };
    },
    async close() {
      closing = true;
      await listener?.end();
      await replica?.close();
      await db.destroy();
    },
  };
}

/**
 * The pool as Kysely sees it, with one difference: a client whose connection was lost or whose
 * answer timed out is destroyed on release instead of going back to the pool, and refuses further
 * statements at once (the rollback Kysely sends after a failure would otherwise wait its own
 * timeout on a connection that will never answer).
 */
function discardingBrokenClients(pool: pg.Pool) {
  return {
    async connect() {
      const client = await pool.connect();
      let broken: Error | undefined;
      let notBegun: Error | undefined;
      return {
        query(...args: Parameters<pg.PoolClient['query']>) {
          // A cursor (Kysely's streaming) is handed over as is.
          const text = args[0];
          if (typeof text !== 'string') return (client.query as (...a: unknown[]) => unknown)(...args);
          if (broken) return Promise.reject(new Error(`database connection lost (${broken.message})`));
          if (notBegun && text !== 'rollback') {
            return Promise.reject(new Error(`the transaction did not begin (${notBegun.message})`));
          }
          return (client.query(...args) as unknown as Promise<unknown>).then(
            // Several statements in one query (transaction-hooks.ts) answer with the last one's result.
            (result) => (Array.isArray(result) ? result[result.length - 1] : result),
            (error: unknown) => {
              if (isDatabaseUnavailable(error)) broken = error as Error;
              // A BEGIN sent with a first query that PostgreSQL refused whole (a syntax error, a
              // malformed message) never ran: a caller that caught the error must not go on in
              // autocommit, without the tenant's binding. Only the rollback Kysely sends goes through.
              if (text.startsWith('start transaction') && client.getTransactionStatus?.() === 'I') {
                notBegun = error as Error;
              }
              throw error;
            },
          );
        },
        // Kysely passes `true` itself when a rollback failed: the client is destroyed either way.
        release(discard?: boolean | Error) {
          client.release(broken ?? discard);
        },
      };
    },
    end: () => pool.end(),
  } as unknown as pg.Pool;
}
