/**
 * A Kysely dialect for the embedded PGlite database.
 *
 * PGlite is one Postgres backend in WebAssembly: a single connection. Kysely hands a connection to
 * each query or transaction, so this driver lends the one connection to one borrower at a time
 * (a FIFO lock); a transaction keeps it from BEGIN to COMMIT, so no other request's statement can
 * run inside it.
 */
import type { PGlite } from '@electric-sql/pglite';
import {
  AbortedTransactionError,
  type CompiledQuery,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type QueryResult,
  type TransactionSettings,
} from 'kysely';
import {
  beginStatement,
  claimHooks,
  countStatement,
  endHooks,
  statementsBeforeCommit,
} from './transaction-hooks.ts';

/** A FIFO mutex: `acquire()` resolves with a release function once the holder before has released. */
export class Lock {
  #tail: Promise<void> = Promise.resolve();

  acquire(): Promise<() => void> {
    let release!: () => void;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const ready = this.#tail.then(() => release);
    this.#tail = this.#tail.then(() => held);
    return ready;
  }

  /** Runs `fn` while holding the lock. */
  async run<T>(fn: () => Promise<T>): Promise<T> {
    const release = await this.acquire();
    try {
      return await fn();
    } finally {
      release();
    }
  }
}

class PGliteConnection implements DatabaseConnection {
  readonly #pglite: PGlite;
  constructor(pglite: PGlite) {
    this.#pglite = pglite;
  }

  async executeQuery<R>(compiled: CompiledQuery): Promise<QueryResult<R>> {
    countStatement(this);
    const result = await this.#pglite.query<R>(compiled.sql, compiled.parameters as unknown[], {
      rowMode: 'object',
    });
    return {
      rows: result.rows ?? [],
      numAffectedRows: result.affectedRows != null ? BigInt(result.affectedRows) : undefined,
    };
  }

  // biome-ignore lint/correctness/useYield: streaming is not offered by PGlite
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('PGlite does not stream query results');
  }
}

class PGliteDriver implements Driver {
  readonly #pglite: PGlite;
  readonly #lock: Lock;
  readonly #connection: PGliteConnection;
  #release: (() => void) | undefined;

  constructor(pglite: PGlite, lock: Lock) {
    this.#pglite = pglite;
    this.#lock = lock;
    this.#connection = new PGliteConnection(pglite);
  }

  async init(): Promise<void> {
    await this.#pglite.waitReady;
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    // The lock guarantees a single borrower, so one release slot is enough.
    this.#release = await this.#lock.acquire();
    return this.#connection;
  }

  async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    // A transaction's hooks (transaction-hooks.ts) go with BEGIN: `exec` runs several statements.
    const hooks = claimHooks(connection);
    if (hooks) {
      await this.#pglite.exec(`${beginStatement(settings)}; ${hooks.afterBegin}`);
      return;
    }
    await connection.executeQuery({
      sql: beginStatement(settings),
      parameters: [],
    } as unknown as CompiledQuery);
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    const before = statementsBeforeCommit(connection);
    const results = await this.#pglite.exec(before ? `${before}; commit` : 'commit');
    // PostgreSQL completes COMMIT with a ROLLBACK tag in a transaction an earlier error aborted
    // (a caller caught the error and went on): nothing was committed, and the caller must know.
    if (results.at(-1)?.command === 'ROLLBACK') throw new AbortedTransactionError();
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    endHooks(connection);
    await connection.executeQuery({ sql: 'rollback', parameters: [] } as unknown as CompiledQuery);
  }

  async releaseConnection(): Promise<void> {
    const release = this.#release;
    this.#release = undefined;
    release?.();
  }

  async destroy(): Promise<void> {
    if (!this.#pglite.closed) await this.#pglite.close();
  }
}

/** Kysely dialect over one PGlite instance, sharing `lock` with any other user of that instance. */
export class PGliteDialect implements Dialect {
  readonly #pglite: PGlite;
  readonly #lock: Lock;
  constructor(pglite: PGlite, lock: Lock) {
    this.#pglite = pglite;
    this.#lock = lock;
  }
  createAdapter() {
    return new PostgresAdapter();
  }
  createDriver(): Driver {
    return new PGliteDriver(this.#pglite, this.#lock);
  }
  // biome-ignore lint/suspicious/noExplicitAny: Kysely's introspector takes any database type
  createIntrospector(db: Kysely<any>) {
    return new PostgresIntrospector(db);
  }
  createQueryCompiler() {
    return new PostgresQueryCompiler();
  }
}
