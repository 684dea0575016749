/**
 * What SP4N-LAPOR! offers a reporter, and a tenant's choice of when reports go public:
 * - `confidential`: the reporter asked that the report never be public (only they and staff see it);
 * - `anonymous`: the reporter's identity is hidden from staff (they can still follow the report);
 * - `verify_before_public`: the tenant shows a report to the public only once an operator verified
 *   it (`verified_at`), as LAPOR! does;
 * - `address_example`: the tenant's own example for the form's address hint (a street of its own).
 * What is public is decided at every read (services/publicity.ts), so a change of the setting
 * applies to every report at once, both ways.
 */
import type { Kysely } from 'kysely';
import { runStatements } from '../../../platform/sdk/index.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `alter table reports
      add column confidential boolean not null default false,
      add column anonymous boolean not null default false`,
    `alter table report_settings
      add column verify_before_public boolean not null default false,
      add column address_example text check (length(address_example) between 3 and 120)`,
  ]);
}
