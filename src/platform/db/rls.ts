/**
 * Row-level security, the backstop under the tenant-scoped repositories.
 *
 * Two roles without login are created once per cluster and used with `SET LOCAL ROLE` inside a
 * transaction (see tenant-scope.ts): `balai_app` sees only the rows of the tenant set in
 * `app.tenant_id`; `balai_platform` may read every tenant's rows, for code that says in its name
 * that it reads across tenants. RLS is FORCE'd, so even the tables' owner sees nothing unless it
 * is a superuser.
 */
import { type Kysely, sql } from 'kysely';

export const APP_ROLE = 'balai_app';
export const PLATFORM_ROLE = 'balai_platform';

/** Runs DDL statements one by one (PGlite's extended protocol takes one statement a call). */
export async function runStatements(db: Kysely<unknown>, statements: readonly string[]): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

/** Creates the two roles if the cluster does not have them, and lets the current user switch to them. */
export async function ensureRoles(db: Kysely<unknown>): Promise<void> {
  for (const role of [APP_ROLE, PLATFORM_ROLE]) {
    await sql
      .raw(
        `do $$ begin
          if not exists (select 1 from pg_roles where rolname = '${role}') then
            create role ${role} nologin;
          end if;
          if not exists (
            select 1 from pg_auth_members m join pg_roles r on r.oid = m.roleid
            join pg_roles u on u.oid = m.member where r.rolname = '${role}' and u.rolname = current_user
          ) and not (select rolsuper from pg_roles where rolname = current_user) then
            execute 'grant ${role} to ' || quote_ident(current_user);
          end if;
        end $$`,
      )
      .execute(db);
  }
}

/** Grants table privileges to the two roles; run after every migration batch (idempotent). */
export async function grantPrivileges(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `grant usage on schema public to ${APP_ROLE}, ${PLATFORM_ROLE}`,
    `grant select, insert, update, delete on all tables in schema public to ${APP_ROLE}`,
    `grant select on all tables in schema public to ${PLATFORM_ROLE}`,
    `grant usage, select on all sequences in schema public to ${APP_ROLE}`,
    `revoke update, delete on audit_log from ${APP_ROLE}`,
    // A tenant's transactions append signals; only the platform role prunes them (signals/). (A
    // migration test may stop before the table exists.)
    `do $$ begin
      if to_regclass('platform_signals') is not null then
        revoke update, delete on platform_signals from ${APP_ROLE};
      end if;
    end $$`,
    `revoke insert, update, delete on tenants, tenant_domains, host_aliases, apps from ${APP_ROLE}`,
  ]);
}

/** Turns on forced row-level security for a tenant-owned table, with the two roles' policies. */
export async function enableTenantIsolation(db: Kysely<unknown>, table: string): Promise<void> {
  const current = `nullif(current_setting('app.tenant_id', true), '')::uuid`;
  await runStatements(db, [
    `alter table ${table} enable row level security`,
    `alter table ${table} force row level security`,
    `create policy tenant_isolation on ${table} to ${APP_ROLE} using (tenant_id = ${current}) with check (tenant_id = ${current})`,
    `create policy platform_read on ${table} for select to ${PLATFORM_ROLE} using (true)`,
  ]);
}

/** The function behind `tsvector @@ tsquery`, the operator of full-text search. */
const TEXT_MATCH = 'pg_catalog.ts_match_vq(pg_catalog.tsvector, pg_catalog.tsquery)';

/**
 * Lets full-text search use its GIN index under row-level security (ADR 0012). The planner only
 * evaluates a condition ahead of a policy's when its function is LEAKPROOF, and PostgreSQL does not
 * mark `@@` so: under `balai_app`, every search reads all of the tenant's rows in the other
 * conditions' range instead of the matching ones. `@@` returns a boolean and raises no error that
 * depends on the row, so it is marked LEAKPROOF when the current user may (a superuser: the
 * embedded database, most self-hosted servers). Idempotent; run at every migration, since the mark
 * lives in the database's catalogue and a dump does not carry it. Returns whether it is marked.
 */
export async function ensureLeakproofTextSearch(db: Kysely<unknown>): Promise<boolean> {
  const state = await sql<{ leakproof: boolean; superuser: boolean }>`
    select p.proleakproof as leakproof, r.rolsuper as superuser
    from pg_proc p, pg_roles r
    where p.oid = ${sql.raw(`'${TEXT_MATCH}'::regprocedure`)} and r.rolname = current_user`.execute(db);
  const row = state.rows[0];
  if (!row) return false;
  if (row.leakproof) return true;
  if (!row.superuser) return false;
  await sql.raw(`alter function ${TEXT_MATCH} leakproof`).execute(db);
  return true;
}

/** What a database administrator runs when Balai may not mark full-text matching itself. */
export const LEAKPROOF_TEXT_SEARCH_SQL = `alter function ${TEXT_MATCH} leakproof;`;
