/**
 * What public-information requests need beyond the app's first tables: the ground of a refusal
 * (UU 14/2008 Pasal 17, a letter a–j) and of an objection (Pasal 35 ayat 1, a letter a–g), when
 * the PPID extended the deadline, and each tenant's yearly sequence of request numbers
 * (`PPID-<SITE>-<year>-<000123>`), taken in the filing's transaction so that two requests never
 * share a number.
 */
import type { Kysely } from 'kysely';
import { enableTenantIsolation, runStatements } from '../../../platform/sdk/index.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `alter table websites_info_requests
      add column refusal_ground text check (refusal_ground ~ '^[a-j]$'),
      add column objection_ground text check (objection_ground ~ '^[a-g]$'),
      add column extended_at timestamptz,
      add check (answer_kind <> 'refused' or refusal_ground is not null)`,
    `create table websites_ppid_numbers (
      tenant_id uuid not null references tenants (id),
      year integer not null check (year between 2000 and 2200),
      last integer not null check (last >= 1),
      primary key (tenant_id, year)
    )`,
  ]);
  await enableTenantIsolation(db, 'websites_ppid_numbers');
}
