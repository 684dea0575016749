/**
 * Statements that travel with a transaction's BEGIN and COMMIT, in the same round trip.
 *
 * Every tenant transaction begins with two `set_config` calls and may end with the INSERT of its
 * signals (signals/): sent as their own statements, that is two more round trips per transaction,
 * each costing Node and PostgreSQL more CPU than the work they carry. Kysely sends BEGIN and COMMIT
 * through the dialect's driver, which knows nothing of the transaction's tenant; so the code that
 * opens a transaction names its statements here (`withTransactionHooks`), and the drivers (the
 * PostgreSQL one wrapped below, the PGlite one in pglite-dialect.ts) send them in one simple-protocol
 * query with BEGIN or COMMIT. Simple protocol means no parameters: the statements are whole SQL
 * text, built only from validated values and escaped literals by their callers.
 *
 * The hooks belong to the first transaction begun inside `withTransactionHooks`'s callback, and to
 * no later one (a transaction opened after it, or by work it started, gets a plain BEGIN/COMMIT).
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import {
  CompiledQuery,
  type ControlConnectionProvider,
  type DatabaseConnection,
  type Driver,
  PostgresDialect,
  type PostgresDialectConfig,
  type QueryResult,
  type TransactionSettings,
} from 'kysely';
import { inlineParameters } from './inline-parameters.ts';

export type TransactionHooks = Readonly<{
  /** SQL run right after BEGIN, in the same round trip. */
  afterBegin: string;
  /** SQL run right before COMMIT in the same round trip, or null for none; asked once, at commit. */
  beforeCommit(): string | null;
  /**
   * A read-only transaction whose statements may each be a transaction of their own, bound alike:
   * on PostgreSQL, BEGIN and COMMIT are not sent, and each statement goes with `afterBegin` as one
   * query, which PostgreSQL runs as one implicit transaction (the binding is local to it). At READ
   * COMMITTED every statement takes its own snapshot anyway; what is lost is only a `now()` shared
   * by all statements. One round trip per statement, and no connection left idle in a transaction.
   * `afterBegin` must then make the transaction read-only itself, and `beforeCommit` give null.
   */
  eachStatement?: boolean;
}>;

type Slot = { hooks: TransactionHooks; connection: DatabaseConnection | undefined; over: boolean };

const slots = new AsyncLocalStorage<Slot>();

/** Runs `fn`; the first transaction it begins carries `hooks`. */
export async function withTransactionHooks<T>(hooks: TransactionHooks, fn: () => Promise<T>): Promise<T> {
  const slot: Slot = { hooks, connection: undefined, over: false };
  try {
    return await slots.run(slot, fn);
  } finally {
    // Work started inside `fn` that outlives it (a timer, a promise not awaited) keeps this
    // context: none of its transactions may take the hooks.
    slot.over = true;
  }
}

/** At BEGIN on `connection`: the hooks it carries, if it is the first transaction of a hooked context. */
export function claimHooks(connection: DatabaseConnection): TransactionHooks | undefined {
  const slot = slots.getStore();
  if (!slot || slot.over || slot.connection) return undefined;
  slot.connection = connection;
  return slot.hooks;
}

/** Statements each connection has sent (the drivers count them: `countStatement`). */
const sent = new WeakMap<DatabaseConnection, number>();

/** Counts a statement `connection` sends (both drivers call it for every query). */
export function countStatement(connection: DatabaseConnection): void {
  sent.set(connection, (sent.get(connection) ?? 0) + 1);
}

/**
 * How many statements the connection of the hooked transaction being run here has sent so far (0
 * before its first): a caller compares two readings to learn whether work between them wrote or
 * read anything (tenant-write-groups.ts).
 */
export function statementsSent(): number {
  const connection = slots.getStore()?.connection;
  return connection ? (sent.get(connection) ?? 0) : 0;
}

/** At COMMIT on `connection`: the statements to send with it, if its transaction carries hooks. */
export function statementsBeforeCommit(connection: DatabaseConnection): string | null {
  const slot = slots.getStore();
  if (!slot || slot.over || slot.connection !== connection) return null;
  // One connection serves many transactions on PGlite: the hooks are spent once used.
  slot.over = true;
  return slot.hooks.beforeCommit();
}

/** At ROLLBACK: the hooks are spent (a later transaction on the same connection must not take them). */
export function endHooks(connection: DatabaseConnection): void {
  const slot = slots.getStore();
  if (slot?.connection === connection) slot.over = true;
}

/** The BEGIN statement for the settings Kysely passes. */
export function beginStatement(settings: TransactionSettings): string {
  const parts = ['start transaction'];
  if (settings.isolationLevel) parts.push(`isolation level ${settings.isolationLevel}`);
  if (settings.accessMode) parts.push(settings.accessMode);
  return parts.join(' ');
}

/** Kysely's PostgreSQL dialect, whose BEGIN and COMMIT carry the transaction's hooks. */
export class HookedPostgresDialect extends PostgresDialect {
  constructor(config: PostgresDialectConfig) {
    super(config);
  }

  override createDriver(): Driver {
    return new HookedDriver(super.createDriver());
  }
}

/**
 * A driver that sends a hooked transaction's statements with its BEGIN and COMMIT as one query
 * without parameters, which node-postgres sends in the simple protocol: several statements, one
 * round trip. BEGIN and the binding wait for the transaction's first query and go with it, its
 * parameters written as literals (inline-parameters.ts): a read of one statement is then two round
 * trips, BEGIN with the query and COMMIT. A statement that fails there fails the whole query, and
 * Kysely rolls back as for any failed statement. A transaction that sends no query sends nothing.
 */
class HookedDriver implements Driver {
  readonly #inner: Driver;
  readonly #wrapped = new WeakMap<DatabaseConnection, DeferredBeginConnection>();
  constructor(inner: Driver) {
    this.#inner = inner;
  }

  init(...args: Parameters<Driver['init']>) {
    return this.#inner.init(...args);
  }

  async acquireConnection(...args: Parameters<Driver['acquireConnection']>): Promise<DatabaseConnection> {
    const inner = await this.#inner.acquireConnection(...args);
    let connection = this.#wrapped.get(inner);
    if (!connection) {
      connection = new DeferredBeginConnection(inner);
      this.#wrapped.set(inner, connection);
    }
    return connection;
  }

  async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    const own = connection as DeferredBeginConnection;
    const hooks = claimHooks(connection);
    if (!hooks) return this.#inner.beginTransaction(own.inner, settings);
    if (hooks.eachStatement) {
      if (settings.accessMode !== 'read only') {
        throw new Error('a transaction of statements bound one by one must be read-only');
      }
      own.bindEachStatement(hooks.afterBegin);
      return;
    }
    own.deferBegin(`${beginStatement(settings)}; ${hooks.afterBegin}`);
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    const own = connection as DeferredBeginConnection;
    if (own.unbindEachStatement()) {
      // Each statement was its own transaction, committed as it ended: nothing is left to send.
      if (statementsBeforeCommit(connection) !== null) {
        throw new Error('a transaction of statements bound one by one has nothing to write at COMMIT');
      }
      return;
    }
    const before = statementsBeforeCommit(connection);
    const begin = own.takeDeferredBegin();
    if (begin !== null) {
      // Nothing was sent: the transaction is its BEGIN and, if any, what goes with COMMIT.
      if (before) await commitWith(own.inner, `${begin}; ${before}`);
      return;
    }
    if (!before) return this.#inner.commitTransaction(own.inner);
    // In a transaction an earlier error aborted, the first of these statements fails: no COMMIT is
    // sent, the error reaches Kysely, which rolls back.
    await commitWith(own.inner, before);
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    const own = connection as DeferredBeginConnection;
    endHooks(connection);
    // A transaction whose BEGIN was never sent has nothing to roll back; nor has one whose
    // statements were transactions of their own (a failed one rolled itself back).
    if (own.unbindEachStatement() || own.takeDeferredBegin() !== null) return;
    return this.#inner.rollbackTransaction(own.inner);
  }

  async savepoint(...[connection, name, compile]: Parameters<NonNullable<Driver['savepoint']>>) {
    const own = connection as DeferredBeginConnection;
    if (own.boundEachStatement)
      throw new Error('no savepoint in a transaction of statements bound one by one');
    await own.sendDeferredBegin();
    return this.#inner.savepoint!(own.inner, name, compile);
  }

  rollbackToSavepoint(
    ...[connection, name, compile]: Parameters<NonNullable<Driver['rollbackToSavepoint']>>
  ) {
    return this.#inner.rollbackToSavepoint!((connection as DeferredBeginConnection).inner, name, compile);
  }

  releaseSavepoint(...[connection, name, compile]: Parameters<NonNullable<Driver['releaseSavepoint']>>) {
    return this.#inner.releaseSavepoint!((connection as DeferredBeginConnection).inner, name, compile);
  }

  async releaseConnection(connection: DatabaseConnection) {
    const own = connection as DeferredBeginConnection;
    // Defensive: a BEGIN never sent, or a binding, must not reach the connection's next user.
    own.takeDeferredBegin();
    own.unbindEachStatement();
    await own.settled();
    return this.#inner.releaseConnection(own.inner);
  }

  destroy(...args: Parameters<Driver['destroy']>) {
    return this.#inner.destroy(...args);
  }
}

/** Sends `statements` and COMMIT in one round trip; fails if PostgreSQL rolled back instead. */
async function commitWith(connection: DatabaseConnection, statements: string): Promise<void> {
  const { rows } = await connection.executeQuery<{ command?: string }>(
    CompiledQuery.raw(`${statements}; commit`, []),
  );
  // PostgreSQL answers COMMIT with a ROLLBACK tag in a transaction an earlier error aborted.
  if (rows[0]?.command === 'ROLLBACK') {
    throw new Error('the transaction was rolled back: an earlier statement in it failed');
  }
}

/**
 * The driver's connection, holding a hooked transaction's BEGIN until its first query, which carries
 * it. The pool's clients answer a query of several statements with the last one's result
 * (database.ts), which is the query's own.
 */
class DeferredBeginConnection implements DatabaseConnection {
  readonly inner: DatabaseConnection;
  #begin: string | null = null;
  #eachStatement: string | null = null;
  #sequence: Promise<unknown> | undefined;

  constructor(inner: DatabaseConnection) {
    this.inner = inner;
  }

  deferBegin(statements: string): void {
    this.#begin = statements;
  }

  /** The BEGIN not sent yet, now forgotten, or null. */
  takeDeferredBegin(): string | null {
    const begin = this.#begin;
    this.#begin = null;
    return begin;
  }

  /** From now on, each query goes with `binding` as one implicit transaction (`eachStatement`). */
  bindEachStatement(binding: string): void {
    this.#eachStatement = binding;
  }

  get boundEachStatement(): boolean {
    return this.#eachStatement !== null;
  }

  /** Ends `bindEachStatement`; whether it was on. */
  unbindEachStatement(): boolean {
    const was = this.#eachStatement !== null;
    this.#eachStatement = null;
    return was;
  }

  async sendDeferredBegin(): Promise<void> {
    const begin = this.takeDeferredBegin();
    if (begin !== null) await this.inner.executeQuery(CompiledQuery.raw(begin, []));
  }

  async executeQuery<R>(query: CompiledQuery, ...rest: unknown[]): Promise<QueryResult<R>> {
    countStatement(this);
    if (this.#eachStatement !== null) return this.#executeBound<R>(this.#eachStatement, query, rest);
    const begin = this.takeDeferredBegin();
    if (begin !== null) {
      const inlined = inlineParameters(query.sql, query.parameters);
      if (inlined !== null) {
        return this.inner.executeQuery<R>(CompiledQuery.raw(`${begin}; ${inlined}`, []));
      }
      await this.inner.executeQuery(CompiledQuery.raw(begin, []));
    }
    return (this.inner.executeQuery as (q: CompiledQuery, ...r: unknown[]) => Promise<QueryResult<R>>)(
      query,
      ...rest,
    );
  }

  /**
   * `query` in a transaction of its own with `binding`: one round trip when its parameters can be
   * written as literals; else BEGIN with the binding, the query with its parameters, and COMMIT.
   */
  #executeBound<R>(binding: string, query: CompiledQuery, rest: unknown[]): Promise<QueryResult<R>> {
    const inlined = inlineParameters(query.sql, query.parameters);
    if (inlined !== null) return this.inner.executeQuery<R>(CompiledQuery.raw(`${binding}; ${inlined}`, []));
    const sequence = this.#inTransactionOfItsOwn<R>(binding, query, rest);
    // Three round trips: the connection must not go back to the pool before the last, even when
    // the read ends early (a `Promise.all` that failed fast); `settled` is awaited at release.
    this.#sequence = sequence.catch(() => undefined);
    return sequence;
  }

  async #inTransactionOfItsOwn<R>(binding: string, query: CompiledQuery, rest: unknown[]) {
    try {
      await this.inner.executeQuery(CompiledQuery.raw(`start transaction read only; ${binding}`, []));
      const result = await (
        this.inner.executeQuery as (q: CompiledQuery, ...r: unknown[]) => Promise<QueryResult<R>>
      )(query, ...rest);
      await this.inner.executeQuery(CompiledQuery.raw('commit', []));
      return result;
    } catch (error) {
      // Whatever failed — the binding, the query, COMMIT — the connection leaves no transaction open.
      await this.inner.executeQuery(CompiledQuery.raw('rollback', [])).catch(() => undefined);
      throw error;
    }
  }

  /** Resolves once no statement sequence of this connection is still under way. */
  async settled(): Promise<void> {
    const sequence = this.#sequence;
    this.#sequence = undefined;
    await sequence;
  }

  collectSessionInfo(): Promise<void> {
    return this.inner.collectSessionInfo?.() ?? Promise.resolve();
  }

  cancelQuery(control: ControlConnectionProvider): Promise<void> {
    return this.inner.cancelQuery?.(control) ?? Promise.resolve();
  }

  killSession(control: ControlConnectionProvider): Promise<void> {
    return this.inner.killSession?.(control) ?? Promise.resolve();
  }

  async *streamQuery<R>(query: CompiledQuery, chunkSize: number): AsyncIterableIterator<QueryResult<R>> {
    if (this.#eachStatement !== null) {
      throw new Error('no streamed query in a transaction of statements bound one by one');
    }
    await this.sendDeferredBegin();
    yield* this.inner.streamQuery<R>(query, chunkSize);
  }
}
