/**
 * A request for information (a document, a schedule) is about no place: it may be filed without a
 * pin or an address (services/intake.ts, `checkLocation`). The table's check said otherwise; it is
 * replaced. The old check had no name of its own: it is found by what it says.
 */
import type { Kysely } from 'kysely';
import { runStatements } from '../../../platform/sdk/index.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `do $$
     declare c text;
     begin
       for c in
         select conname from pg_constraint
         where conrelid = 'reports'::regclass and contype = 'c'
           and pg_get_constraintdef(oid) like '%address IS NOT NULL%'
       loop
         execute format('alter table reports drop constraint %I', c);
       end loop;
     end $$`,
    `alter table reports add constraint reports_place_given check (
       lat is not null or address is not null or channel = 'messaging' or type = 'information_request'
     )`,
  ]);
}
