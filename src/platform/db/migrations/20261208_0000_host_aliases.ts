/**
 * Host names a tenant's app serves besides the tenant's own domains (an agency's website on
 * `dinkes.tangerangkota.go.id`): like `tenant_domains`, a Host header is routed by it before any
 * tenant is known, so it is shared reference data, written only by the kernel (`claimHost`).
 */
import type { Kysely } from 'kysely';
import { runStatements } from '../rls.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `create table host_aliases (
      host text primary key check (host = lower(host) and length(host) <= 253),
      tenant_id uuid not null references tenants (id) on delete cascade,
      app_code text not null references apps (code),
      path text not null check (path ~ '^(/[a-z0-9-]+)+$' and length(path) <= 200),
      created_at timestamptz not null default now()
    )`,
    'create index host_aliases_tenant on host_aliases (tenant_id)',
  ]);
}
