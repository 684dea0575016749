/**
 * The exchange with SP4N-LAPOR!: a per-tenant switch (off by default) with the moment it was last
 * turned on and the cursor of LAPOR!'s update feed; on each report, the Balai status LAPOR! last
 * heard of (the report is pending while its status differs) and the last refusal from LAPOR!.
 * `reports.lapor_id` and `reports.lapor_synced_at` were there from the start.
 */
import type { Kysely } from 'kysely';
import { runStatements } from '../../../platform/sdk/index.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `alter table report_settings
      add column lapor_enabled boolean not null default false,
      add column lapor_enabled_at timestamptz,
      add column lapor_cursor text`,
    `alter table reports
      add column lapor_sent_status text,
      add column lapor_error text,
      add column lapor_error_at timestamptz`,
    // What the exchange looks for: reports whose status LAPOR! has not heard of yet.
    `create index reports_lapor_pending on reports (tenant_id, updated_at)
      where lapor_sent_status is distinct from status`,
  ]);
}
