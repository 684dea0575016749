/**
 * Where every table goes when the database is distributed by tenant with Citus (docs/scaling.md):
 * a tenant's table is distributed by `tenant_id` (all of one tenant's rows on one node, the tables
 * colocated so that a tenant's joins and foreign keys stay on that node); shared data every tenant
 * reads is a reference table (a copy on every node); bookkeeping stays on the coordinator. Each
 * table is named here or, for an app's own tables, in its manifest (`AppManifest.tables`):
 * test/schema.test.ts fails on a table of the live schema that is named nowhere, and on a name
 * that is no table. `citusPlan` turns the classification into the statements that distribute an
 * existing database.
 */
import { type Kysely, sql } from 'kysely';
import type { AppManifest } from '../catalogue/manifest.ts';
import type { PlatformTables } from './schema.ts';

/** The kernel's tables owned by one tenant: each carries `tenant_id`, first in every key. */
export const KERNEL_TENANT_TABLES: readonly string[] = [
  'adoption_events',
  'adoptions',
  'agencies',
  'agreements',
  'api_tokens',
  'audit_log',
  'dev_mailbox',
  'login_throttles',
  'notification_outbox',
  'password_resets',
  'role_grants',
  'sessions',
  'tenant_holidays',
  'users',
];

/**
 * Shared data without a tenant of its own, read by every tenant's transactions (a request is routed
 * by them before a tenant is known): a copy on every node.
 */
export const REFERENCE_TABLES: Readonly<Record<string, string>> = {
  tenants: 'the tenants themselves: every tenant table refers to its tenant',
  tenant_domains: 'routes a Host header to a tenant before any tenant is known',
  host_aliases: "routes a Host header to a tenant's app (an agency's website) before any tenant is known",
  apps: 'the app catalogue, shared by every tenant',
};

/** Tables only the coordinator uses: never distributed nor copied. */
export const COORDINATOR_TABLES: Readonly<Record<string, string>> = {
  kysely_migration: "the migrator's bookkeeping",
  kysely_migration_lock: "the migrator's bookkeeping",
  platform_signals:
    "what committed transactions tell every process (ADR 0020), read by transaction-id horizon: one node's ids, so every transaction writes its signals on the coordinator (a Citus local table) whichever node holds its tenant",
};

/**
 * Coordinator's tables that tenant transactions write, whichever node holds the tenant: Citus must
 * know them (`citus_add_local_table_to_metadata`) for one transaction to write them and shards.
 */
export const COORDINATOR_TABLES_IN_TENANT_TRANSACTIONS: readonly string[] = ['platform_signals'];

/** Schemas kept whole on the coordinator, with their reason. */
export const COORDINATOR_SCHEMAS: Readonly<Record<string, string>> = {
  pgboss: "the job queue (pg-boss): its own tables and functions, run by the coordinator's processes",
};

/** The public schema's tables that are not distributed by tenant: the reference and the coordinator's tables. */
export const SHARED_TABLES: Readonly<Record<string, string>> = { ...REFERENCE_TABLES, ...COORDINATOR_TABLES };

export type Placement = 'tenant' | 'reference' | 'coordinator';

/** Every table the kernel and `modules` declare, with its placement and who declares it. */
export function tablePlacements(
  modules: readonly AppManifest[],
): ReadonlyMap<string, { placement: Placement; owner: string }> {
  const placements = new Map<string, { placement: Placement; owner: string }>();
  const add = (table: string, placement: Placement, owner: string) => {
    const known = placements.get(table);
    if (known) throw new Error(`table ${table} is declared by ${known.owner} and by ${owner}`);
    placements.set(table, { placement, owner });
  };
  for (const table of KERNEL_TENANT_TABLES) add(table, 'tenant', 'the kernel');
  for (const table of Object.keys(REFERENCE_TABLES)) add(table, 'reference', 'the kernel');
  for (const table of Object.keys(COORDINATOR_TABLES)) add(table, 'coordinator', 'the kernel');
  for (const m of modules) for (const table of m.tables ?? []) add(table, 'tenant', `the app ${m.code}`);
  return placements;
}

/** The tables of the live public schema (ordinary and partitioned). */
export async function liveTables(db: Kysely<PlatformTables>): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`
    select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' and c.relkind in ('r', 'p') order by 1`.execute(db);
  return rows.map((r) => r.name);
}

/** What the live schema and the classification disagree on: both lists empty when they agree. */
export async function unclassifiedTables(
  db: Kysely<PlatformTables>,
  modules: readonly AppManifest[],
): Promise<{ unclassified: string[]; missing: string[] }> {
  const placements = tablePlacements(modules);
  const live = await liveTables(db);
  return {
    unclassified: live.filter((t) => !placements.has(t)),
    missing: [...placements.keys()].filter((t) => !live.includes(t)).sort(),
  };
}

export class PlacementError extends Error {}

/**
 * The statements that distribute this database with Citus, in an order its foreign keys allow:
 * reference tables first (a table after those it refers to), then the tenant tables, each after
 * the tenant tables it refers to, the first one starting the colocation group and every other
 * joining it; last, the coordinator's tables that tenant transactions write, added to Citus's
 * metadata. Refuses (PlacementError) a schema with an unclassified table, or a foreign key Citus
 * could not keep: from a reference table to a tenant table, or between tenant tables without
 * `tenant_id` on both sides.
 */
export async function citusPlan(
  db: Kysely<PlatformTables>,
  modules: readonly AppManifest[],
): Promise<string[]> {
  const { unclassified, missing } = await unclassifiedTables(db, modules);
  if (unclassified.length > 0 || missing.length > 0) {
    throw new PlacementError(
      [
        ...unclassified.map(
          (t) =>
            `table ${t} has no placement: name it in src/platform/db/placement.ts or in its app's manifest (tables)`,
        ),
        ...missing.map((t) => `table ${t} is declared but does not exist`),
      ].join('\n'),
    );
  }
  const placements = tablePlacements(modules);
  const { rows: keys } = await sql<{
    table: string;
    ref: string;
    name: string;
    columns: string[];
    refColumns: string[];
  }>`
    select cl.relname as table, rc.relname as ref, co.conname as name,
      array(select a.attname::text from unnest(co.conkey) with ordinality k(n, i)
            join pg_attribute a on a.attrelid = co.conrelid and a.attnum = k.n order by k.i) as columns,
      array(select a.attname::text from unnest(co.confkey) with ordinality k(n, i)
            join pg_attribute a on a.attrelid = co.confrelid and a.attnum = k.n order by k.i) as "refColumns"
    from pg_constraint co
    join pg_class cl on cl.oid = co.conrelid
    join pg_namespace n on n.oid = cl.relnamespace
    join pg_class rc on rc.oid = co.confrelid
    where n.nspname = 'public' and co.contype = 'f'
    order by 1, 2, 3`.execute(db);
  const placementOf = (table: string) => placements.get(table)!.placement;
  const problems: string[] = [];
  const refersTo = new Map<string, Set<string>>();
  for (const key of keys) {
    const from = placementOf(key.table);
    const to = placementOf(key.ref);
    if (from === 'coordinator' || to === 'coordinator') {
      problems.push(`${key.table}.${key.name}: a foreign key to or from a coordinator's table`);
      continue;
    }
    if (from === 'reference' && to === 'tenant') {
      problems.push(
        `${key.table}.${key.name}: a reference table cannot refer to a tenant table (${key.ref})`,
      );
      continue;
    }
    if (from === 'tenant' && to === 'tenant') {
      const i = key.columns.indexOf('tenant_id');
      if (i < 0 || key.refColumns[i] !== 'tenant_id') {
        problems.push(
          `${key.table}.${key.name} (${key.columns}) must match tenant_id to ${key.ref}.tenant_id`,
        );
        continue;
      }
    }
    if (key.table !== key.ref && from === to) {
      const set = refersTo.get(key.table) ?? new Set<string>();
      set.add(key.ref);
      refersTo.set(key.table, set);
    }
  }
  if (problems.length > 0) throw new PlacementError(problems.join('\n'));
  const ordered = (placement: Placement) =>
    referencedFirst(
      [...placements].filter(([, p]) => p.placement === placement).map(([t]) => t),
      refersTo,
    );
  const reference = ordered('reference');
  const tenant = ordered('tenant');
  const [anchor, ...rest] = tenant;
  return [
    ...reference.map((t) => `select create_reference_table('${t}');`),
    ...(anchor ? [`select create_distributed_table('${anchor}', 'tenant_id');`] : []),
    ...rest.map((t) => `select create_distributed_table('${t}', 'tenant_id', colocate_with => '${anchor}');`),
    ...COORDINATOR_TABLES_IN_TENANT_TRANSACTIONS.map(
      (t) => `select citus_add_local_table_to_metadata('${t}');`,
    ),
  ];
}

/**
 * `tables` sorted so that each comes after the tables it refers to (by name among equals, so the
 * plan reads the same every time); a cycle is refused, since Citus must have the referenced table
 * distributed first.
 */
function referencedFirst(
  tables: readonly string[],
  refersTo: ReadonlyMap<string, ReadonlySet<string>>,
): string[] {
  const pending = new Set(tables);
  const done: string[] = [];
  while (pending.size > 0) {
    const ready = [...pending]
      .filter((t) => [...(refersTo.get(t) ?? [])].every((r) => !pending.has(r)))
      .sort();
    if (ready.length === 0) {
      throw new PlacementError(`foreign keys go round between ${[...pending].sort().join(', ')}`);
    }
    for (const t of ready) {
      done.push(t);
      pending.delete(t);
    }
  }
  return done;
}
