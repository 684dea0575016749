/**
 * One migrator for the platform and every module: forward-only migrations, ordered by their
 * timestamped file names, run on embedded and server Postgres alike.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Kysely } from 'kysely';
import { type Migration, type MigrationProvider, Migrator } from 'kysely/migration';
import { ensureLeakproofTextSearch, ensureRoles, grantPrivileges } from './rls.ts';

const PLATFORM_MIGRATIONS = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

class FoldersMigrationProvider implements MigrationProvider {
  readonly #folders: readonly string[];
  constructor(folders: readonly string[]) {
    this.#folders = folders;
  }
  async getMigrations(): Promise<Record<string, Migration>> {
    const migrations: Record<string, Migration> = {};
    for (const folder of this.#folders) {
      for (const file of readdirSync(folder).sort()) {
        if (!file.endsWith('.ts') || file.endsWith('.test.ts')) continue;
        const name = file.slice(0, -3);
        if (migrations[name]) throw new Error(`Two migrations are named ${name}`);
        migrations[name] = (await import(pathToFileURL(path.join(folder, file)).href)) as Migration;
      }
    }
    return migrations;
  }
}

/**
 * Brings the schema up to date: roles, then every pending migration, then grants and the
 * full-text match's LEAKPROOF mark (`leakproofSearch`: whether it is set, see rls.ts).
 */
export async function migrateToLatest(
  db: Kysely<unknown>,
  moduleFolders: readonly string[] = [],
  /** Stop after this migration (a test of a data migration sets up the data it finds). */
  until?: string,
): Promise<{ applied: string[]; leakproofSearch: boolean }> {
  await ensureRoles(db);
  const migrator = new Migrator({
    db,
    provider: new FoldersMigrationProvider([PLATFORM_MIGRATIONS, ...moduleFolders]),
    // Module migrations interleave with the platform's by timestamp.
    allowUnorderedMigrations: false,
  });
  const { error, results } = until ? await migrator.migrateTo(until) : await migrator.migrateToLatest();
  if (error) throw error;
  await grantPrivileges(db);
  const leakproofSearch = await ensureLeakproofTextSearch(db);
  return {
    applied: (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName),
    leakproofSearch,
  };
}
