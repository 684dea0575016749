/**
 * Queries built and compiled once per shape, then run with new values: for hot reads, where
 * Kysely's building and compiling (some 60 µs for a query with two subqueries, measured on the
 * users list) is a good share of what a request costs Node.
 *
 * The builder is called with slots instead of values: each slot is an expression (`sql.val`) whose
 * value is a marker, so the compiled query holds the markers among its parameters, and a later call
 * only puts its values in their places. A value left undefined has no slot (the builder sees
 * `undefined`): the shape is which values are given, and each shape is compiled once. The builder
 * may branch only on whether a value is given (a slot is always truthy: `''` and `0` are given); a slot is an expression, so TypeScript refuses to
 * compare it with a value, and one used other than as a value (in a string, say) is missing from
 * the compiled parameters, which fails the first call. An array is one value (`= any(…)`, not `in`).
 */
import {
  type Compilable,
  type CompiledQuery,
  createQueryId,
  type Kysely,
  type RawBuilder,
  sql,
} from 'kysely';

/** The slot for a value: an expression the builder uses where the value goes. */
export type SlotOf<T> = undefined extends T ? RawBuilder<Exclude<T, undefined>> | undefined : RawBuilder<T>;

/** The slots for the values `A`. */
export type Slots<A> = { readonly [K in keyof A]-?: SlotOf<A[K]> };

/** Stands for the value named `key` among a compiled query's parameters. */
class Marker {
  readonly key: string;
  constructor(key: string) {
    this.key = key;
  }
}

export class ReusableQuery<DB, A extends Record<string, unknown>, R> {
  readonly #build: (db: Kysely<DB>, slots: Slots<A>) => Compilable<R>;
  readonly #shapes = new Map<string, CompiledQuery<R>>();

  constructor(build: (db: Kysely<DB>, slots: Slots<A>) => Compilable<R>) {
    this.#build = build;
  }

  /** The query for `values`, compiled (once for their shape). */
  compile(db: Kysely<DB>, values: A): CompiledQuery<R> {
    const given = Object.keys(values)
      .filter((k) => values[k] !== undefined)
      .sort();
    const shape = given.join(',');
    let compiled = this.#shapes.get(shape);
    if (!compiled) {
      compiled = this.#compileShape(db, given);
      this.#shapes.set(shape, compiled);
    }
    return {
      ...compiled,
      // Plugins key their state by the query's id: one per execution.
      queryId: createQueryId(),
      parameters: compiled.parameters.map((p) => (p instanceof Marker ? values[p.key] : p)),
    };
  }

  /** Runs the query for `values` on `db` (a tenant scope's `trx`), and gives its rows. */
  async execute(db: Kysely<DB>, values: A): Promise<R[]> {
    return (await db.executeQuery(this.compile(db, values))).rows;
  }

  #compileShape(db: Kysely<DB>, given: readonly string[]): CompiledQuery<R> {
    const slots: Record<string, RawBuilder<unknown>> = {};
    for (const key of given) slots[key] = sql.val(new Marker(key));
    const compiled = this.#build(db, slots as Slots<A>).compile();
    const used = new Set(
      compiled.parameters.filter((p) => p instanceof Marker).map((p) => (p as Marker).key),
    );
    const unused = given.filter((key) => !used.has(key));
    if (unused.length > 0) {
      throw new Error(
        `reusable query: ${unused.map((k) => `"${k}"`).join(', ')} given but not used as a value in the query`,
      );
    }
    return compiled;
  }
}

/**
 * A reusable query over values `A`: `reusableQuery<A>()((db, slots) => db.selectFrom(…)…)`, then
 * `query.execute(scope.trx, values)`.
 */
export function reusableQuery<A extends Record<string, unknown>>() {
  return <DB, R>(build: (db: Kysely<DB>, slots: Slots<A>) => Compilable<R>) =>
    new ReusableQuery<DB, A, R>(build);
}
