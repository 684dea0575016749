/**
 * Sign-in failures counted per (login, client address) pair rather than per account: failures from
 * one address lock that address out of the account, not its owner elsewhere (ADR 0005). The login
 * is kept as the SHA-256 of the normalised sign-in name, whether or not an account has it (a lockout
 * answers alike for unknown accounts; the address of someone without an account is not stored).
 * The account-wide counter and lock of `users` go.
 */
import type { Kysely } from 'kysely';
import { enableTenantIsolation, runStatements } from '../rls.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `create table login_throttles (
      tenant_id uuid not null references tenants (id),
      login_hash text not null check (length(login_hash) = 64),
      ip text not null check (length(ip) <= 64),
      failures integer not null check (failures > 0),
      last_failure_at timestamptz not null default now(),
      locked_until timestamptz,
      primary key (tenant_id, login_hash, ip)
    )`,
    // The sweep of pairs whose failures are forgotten.
    'create index login_throttles_last_failure on login_throttles (tenant_id, last_failure_at)',
    'alter table users drop column failed_logins, drop column locked_until',
  ]);
  await enableTenantIsolation(db, 'login_throttles');
}
