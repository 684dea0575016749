/**
 * Rows a tenant transaction appends and nobody reads back before it commits — its audit entries,
 * outbox messages and signals — collected in memory while it runs and written right before its
 * COMMIT, in the same round trip (transaction-hooks.ts): one INSERT per table, several rows each.
 * Written in the same transaction as before, so they commit or vanish with the change; only later.
 *
 * The statements are SQL text without parameters (the simple protocol, which carries several
 * statements): tenant ids are checked UUIDs, table and column names are the kernel's own and match
 * a narrow pattern, numbers are finite, and every text goes through `pg.escapeLiteral`.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { isUuid } from '../ids.ts';

/** A value of a deferred row; a text is cast by PostgreSQL to its column's type (uuid, jsonb…). */
export type Literal = string | number | boolean | Date | null;

type Row = Readonly<{ tenantId: string; table: string; values: Readonly<Record<string, Literal>> }>;

const NAME = /^[a-z][a-z0-9_]{0,62}$/;

/**
 * A new batch id: 53 random bits (what a JS number holds exactly, as int8 columns are read here),
 * as digits. It names a transaction's signals for the process that wrote them (signals/bus.ts).
 */
export function newBatchId(): string {
  return (randomBytes(8).readBigUInt64BE() >> 11n).toString();
}

/** The rows one transaction writes at its commit. */
export class CommitBatch {
  readonly id = newBatchId();
  readonly #rows: Row[] = [];
  #sealed = false;

  /** Appends a row of `table` in `tenantId`; throws if it could not be written as it is. */
  add(tenantId: string, table: string, values: Record<string, Literal>): void {
    if (this.#sealed) throw new Error(`${table}: the transaction has already ended`);
    if (!isUuid(tenantId)) throw new Error(`${table}: tenant id "${tenantId}" is not a UUID`);
    if (!NAME.test(table)) throw new Error(`"${table}" is not a table name`);
    for (const [column, value] of Object.entries(values)) {
      if (!NAME.test(column)) throw new Error(`${table}: "${column}" is not a column name`);
      literal(value);
    }
    this.#rows.push({ tenantId, table, values });
  }

  /** How many rows it holds: a mark to go back to with `truncate`. */
  get size(): number {
    return this.#rows.length;
  }

  /** Drops the rows added since the batch held `size` (work that failed and is undone). */
  truncate(size: number): void {
    if (this.#sealed) throw new Error('the transaction has already ended');
    this.#rows.length = Math.min(this.#rows.length, size);
  }

  /** The rows of `table`, in the order they were added. */
  rowsOf(
    table: string,
  ): ReadonlyArray<Readonly<{ tenantId: string; values: Readonly<Record<string, Literal>> }>> {
    return this.#rows.filter((r) => r.table === table);
  }

  /**
   * The statements that write the rows in a transaction bound to `boundTenant`, or null when there
   * are none; nothing can be added afterwards.
   */
  seal(boundTenant: string): string | null {
    this.#sealed = true;
    return this.#rows.length === 0 ? null : insertStatements(this.#rows, boundTenant);
  }
}

/** A value as SQL text. */
export function literal(value: Literal): string {
  if (value === null) return 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`${value} is not a finite number`);
    return String(value);
  }
  const text = value instanceof Date ? value.toISOString() : value;
  if (text.includes('\0')) throw new Error('a text holds a NUL character');
  return pg.escapeLiteral(text);
}

/**
 * Per tenant (a transaction may act in a second one: `inOtherTenant`), each in its own tenant since
 * row-level security lets a tenant scope write only its own rows: one INSERT per table and column
 * list, the rows in the order they came.
 */
function insertStatements(rows: readonly Row[], boundTenant: string): string {
  const byTenant = new Map<string, Row[]>();
  for (const row of rows) {
    const list = byTenant.get(row.tenantId) ?? [];
    list.push(row);
    byTenant.set(row.tenantId, list);
  }
  const statements: string[] = [];
  let bound = boundTenant;
  for (const [tenantId, list] of byTenant) {
    if (tenantId !== bound) {
      statements.push(`select set_config('app.tenant_id', '${tenantId}', true)`);
      bound = tenantId;
    }
    const inserts = new Map<string, string[]>();
    for (const row of list) {
      const columns = Object.keys(row.values);
      const key = `${row.table} (${columns.join(', ')})`;
      const tuples = inserts.get(key) ?? [];
      tuples.push(`(${columns.map((c) => literal(row.values[c] ?? null)).join(', ')})`);
      inserts.set(key, tuples);
    }
    for (const [into, tuples] of inserts) statements.push(`insert into ${into} values ${tuples.join(', ')}`);
  }
  return statements.join('; ');
}

/** The batch of each scope whose transaction writes its rows at commit. */
const batches = new WeakMap<object, CommitBatch>();

export function attachBatch(scope: object, batch: CommitBatch): void {
  batches.set(scope, batch);
}

export function batchOf(scope: object): CommitBatch | undefined {
  return batches.get(scope);
}
