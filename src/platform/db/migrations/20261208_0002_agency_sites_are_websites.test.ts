/**
 * The catalogue's `agency-sites` entry becomes the websites app: a tenant's adoption of it, with
 * its status, agreement-free history and events, is found under `websites` after the migration.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type Kysely, sql } from 'kysely';
import { freshServerDatabase } from '../../../../test/support/harness.ts';
import { openDatabase } from '../database.ts';
import { migrateToLatest } from '../migrator.ts';

test('an adoption of the agency sites entry is kept as an adoption of the websites app', async () => {
  const server = process.env.TEST_DATABASE_URL ? await freshServerDatabase() : undefined;
  const database = await openDatabase({ url: server?.url });
  try {
    // The migrator works on an untyped database: the tables it makes are not yet the typed ones.
    const db = database.db as unknown as Kysely<unknown>;
    await migrateToLatest(db, [], '20261208_0000_host_aliases');
    const tenant = '0b0e6a2e-5c1f-4e0a-9a55-3d2f1c6b7a10';
    await sql`insert into tenants (id, slug, code, kind, name, time_zone, branding)
      values (${tenant}, 'kab-luwu-timur', '73.25', 'kabupaten', 'Kabupaten Luwu Timur', 'Asia/Makassar', '{"primaryColor":"#0b5cad","accentColor":"#f2a900"}')`.execute(
      db,
    );
    await sql`insert into apps (code, name, category, channels, version, description)
      values ('agency-sites', 'Portal e-Gov', 'e-government', '{web}', '0.0.0', '{"id":"Situs","en":"Sites"}')`.execute(
      db,
    );
    await sql`insert into adoptions (tenant_id, app_code, channel, status, live_since)
      values (${tenant}, 'agency-sites', 'web', 'live', '2018-06-01')`.execute(db);
    await sql`insert into adoption_events (tenant_id, id, app_code, channel, from_status, to_status)
      values (${tenant}, '7d4c8a90-1b2e-4f3a-8c5d-6e7f8091a2b3', 'agency-sites', 'web', 'onboarding', 'live')`.execute(
      db,
    );

    await migrateToLatest(db);

    const adoptions = await sql<{ app_code: string; status: string; live_since: string }>`
      select app_code, status, live_since::text from adoptions where tenant_id = ${tenant}`.execute(db);
    assert.deepEqual(adoptions.rows, [{ app_code: 'websites', status: 'live', live_since: '2018-06-01' }]);
    const events = await sql<{ app_code: string }>`select app_code from adoption_events`.execute(db);
    assert.deepEqual(events.rows, [{ app_code: 'websites' }]);
    const apps = await sql<{ code: string }>`select code from apps order by code`.execute(db);
    assert.deepEqual(apps.rows, [{ code: 'websites' }]);
  } finally {
    await database.close();
    await server?.drop();
  }
});
