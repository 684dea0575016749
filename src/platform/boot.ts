/**
 * Boot: open the database, bring the schema up to date, write the catalogue, build the platform.
 * Shared by the server, the CLI and the tests.
 */
import path from 'node:path';
import type { Kysely } from 'kysely';
import { MODULES } from './catalogue/installed.ts';
import type { AppManifest } from './catalogue/manifest.ts';
import { syncCatalogue } from './catalogue/service.ts';
import type { Config } from './config.ts';
import { type Database, openDatabase } from './db/database.ts';
import { migrateToLatest } from './db/migrator.ts';
import { LEAKPROOF_TEXT_SEARCH_SQL } from './db/rls.ts';
import { createPlatform, type Platform } from './platform.ts';

/**
 * Opens and migrates the configured database. On PostgreSQL the migrations run on a connection of
 * their own, without the timeouts that bound requests: a data migration may take minutes.
 */
export async function openMigratedDatabase(
  config: Config,
  modules: readonly AppManifest[] = MODULES,
  role = 'a Balai process',
  snapshot?: Blob,
): Promise<Database> {
  const database = await openDatabase({
    role,
    snapshot,
    url: config.databaseUrl,
    replica: config.databaseReplica,
    dataDir: config.dataDir === 'memory://' ? 'memory://' : path.join(config.dataDir, 'pglite'),
    timeouts: config.databaseTimeouts,
  });
  try {
    if (config.databaseUrl) {
      const migrating = await openDatabase({ url: config.databaseUrl, poolSize: 2 });
      try {
        await migrate(migrating);
      } finally {
        await migrating.close();
      }
    } else {
      await migrate(database);
    }
    await syncCatalogue(database.db, modules);
  } catch (error) {
    await database.close();
    throw error;
  }
  return database;

  async function migrate(target: Database) {
    const { leakproofSearch } = await migrateToLatest(
      target.db as unknown as Kysely<unknown>,
      modules.flatMap((m) => (m.migrationsDir ? [m.migrationsDir] : [])),
    );
    if (!leakproofSearch) {
      console.warn(
        'Full-text search cannot use its index under row-level security: the database user may not mark it ' +
          `LEAKPROOF. Ask a database superuser to run, once per database: ${LEAKPROOF_TEXT_SEARCH_SQL} (docs/adr/0012).`,
      );
    }
  }
}

/** Everything but the HTTP server: a migrated database and the platform over it. */
export async function bootPlatform(
  config: Config,
  modules: readonly AppManifest[] = MODULES,
  role?: string,
): Promise<Platform> {
  const database = await openMigratedDatabase(config, modules, role);
  const platform = await createPlatform(config, database, modules);
  return platform;
}
