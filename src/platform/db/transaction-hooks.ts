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
  type DatabaseConnection,
  type Driver,
  PostgresDialect,
  type PostgresDialectConfig,
  type TransactionSettings,
} from 'kysely';

export type TransactionHooks = Readonly<{
  /** SQL run right after BEGIN, in the same round trip. */
  afterBegin: string;
  /** SQL run right before COMMIT in the same round trip, or null for none; asked once, at commit. */
  beforeCommit(): string | null;
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
 * round trip. A statement that fails there fails the whole query, and Kysely rolls back as for any
 * failed statement.
 */
class HookedDriver implements Driver {
  readonly #inner: Driver;
  constructor(inner: Driver) {
    this.#inner = inner;
  }

  init(...args: Parameters<Driver['init']>) {
    return this.#inner.init(...args);
  }

  acquireConnection(...args: Parameters<Driver['acquireConnection']>) {
    return this.#inner.acquireConnection(...args);
  }

  async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    const hooks = claimHooks(connection);
    if (!hooks) return this.#inner.beginTransaction(connection, settings);
    await connection.executeQuery(CompiledQuery.raw(`${beginStatement(settings)}; ${hooks.afterBegin}`, []));
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    const before = statementsBeforeCommit(connection);
    if (!before) return this.#inner.commitTransaction(connection);
    // In a transaction an earlier error aborted, the first of these statements fails: no COMMIT is
    // sent, the error reaches Kysely, which rolls back.
    await connection.executeQuery(CompiledQuery.raw(`${before}; commit`, []));
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    endHooks(connection);
    return this.#inner.rollbackTransaction(connection);
  }

  savepoint(...args: Parameters<NonNullable<Driver['savepoint']>>) {
    return this.#inner.savepoint!(...args);
  }

  rollbackToSavepoint(...args: Parameters<NonNullable<Driver['rollbackToSavepoint']>>) {
    return this.#inner.rollbackToSavepoint!(...args);
  }

  releaseSavepoint(...args: Parameters<NonNullable<Driver['releaseSavepoint']>>) {
    return this.#inner.releaseSavepoint!(...args);
  }

  releaseConnection(...args: Parameters<Driver['releaseConnection']>) {
    return this.#inner.releaseConnection(...args);
  }

  destroy(...args: Parameters<Driver['destroy']>) {
    return this.#inner.destroy(...args);
  }
}
