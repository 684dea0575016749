/**
 * Password reset: one row per link sent. Only the SHA-256 of the link's random token is kept; a
 * row is good once (`used_at`) and until `expires_at`. A newer request for the same account marks
 * the older links used, so only the latest one works.
 */
import type { Kysely } from 'kysely';
import { enableTenantIsolation, runStatements } from '../rls.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `create table password_resets (
      tenant_id uuid not null references tenants (id),
      id uuid not null,
      user_id uuid not null,
      token_hash text not null check (length(token_hash) = 64),
      ip text,
      created_at timestamptz not null default now(),
      expires_at timestamptz not null,
      used_at timestamptz,
      primary key (tenant_id, id),
      unique (tenant_id, token_hash),
      foreign key (tenant_id, user_id) references users (tenant_id, id) on delete cascade,
      check (expires_at > created_at)
    )`,
    // Recent requests of one account (the per-account limit) and its unused links (superseded).
    'create index password_resets_user on password_resets (tenant_id, user_id, created_at desc)',
  ]);
  await enableTenantIsolation(db, 'password_resets');
}
