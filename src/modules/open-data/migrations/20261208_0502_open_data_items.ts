/**
 * The app's first table: the items a tenant keeps. Every key starts with `tenant_id` (so the table
 * can later be distributed by tenant), and row-level security keeps each tenant to its own rows.
 */
import type { Kysely } from 'kysely';
import { enableTenantIsolation, runStatements } from '../../../platform/sdk/index.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `create table open_data_items (
      tenant_id uuid not null references tenants (id),
      id uuid not null,
      title text not null check (length(title) between 2 and 200),
      description text check (length(description) <= 2000),
      created_at timestamptz not null default now(),
      primary key (tenant_id, id)
    )`,
    `create index open_data_items_recent on open_data_items (tenant_id, created_at desc, id)`,
  ]);
  await enableTenantIsolation(db, 'open_data_items');
}
