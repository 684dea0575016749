/**
 * The platform context handed to route registrars and the CLI: configuration, the database, the
 * tenant directory, the permission registry and the installed app modules. Built once at boot.
 */
import { TenantCache } from './cache/tenant-cache.ts';
import type { AppManifest } from './catalogue/manifest.ts';
import type { Config } from './config.ts';
import type { Database } from './db/database.ts';
import { readMaybeStale } from './db/replica.ts';
import { type Actor, type TenantScope, withTenant, withTenantReadOnly } from './db/tenant-scope.ts';
import { TenantWriteGroups } from './db/tenant-write-groups.ts';
import { EventHub } from './events/hub.ts';
import { createStorage, type FileStorage } from './files/storage.ts';
import { addMessages } from './i18n/index.ts';
import { PermissionRegistry, PLATFORM_PERMISSIONS } from './people/permissions.ts';
import { NO_TENANT } from './signals/batch.ts';
import { SignalBus } from './signals/bus.ts';
import { DIRECTORY_CHANNEL, TenantDirectory } from './tenancy/directory.ts';

export type Platform = Readonly<{
  config: Config;
  database: Database;
  directory: TenantDirectory;
  /** What committed transactions tell every process: events, invalidations, wake-ups (signals/). */
  signals: SignalBus;
  events: EventHub;
  /** Cache of tenant-scoped reads, invalidated on commit (see cache/tenant-cache.ts). */
  cache: TenantCache;
  files: FileStorage;
  permissions: PermissionRegistry;
  modules: readonly AppManifest[];
  /** The installed apps live for the tenant, in registration order. */
  liveModules(tenantId: string): readonly AppManifest[];
  /** Runs `fn` in a transaction bound to `tenantId`, acting as `actor`. */
  inTenant<T>(tenantId: string, actor: Actor, fn: (scope: TenantScope) => Promise<T>): Promise<T>;
  /**
   * Runs `fn` as `inTenant` does, in a transaction it may share with the tenant's other grouped
   * writes that arrive while one is in flight (db/tenant-write-groups.ts): for a write many
   * citizens make at once, such as filing a report. `fn` may run more than once, as a retried
   * transaction would; what must happen once goes in `scope.afterCommit`.
   */
  inTenantGrouped<T>(tenantId: string, actor: Actor, fn: (scope: TenantScope) => Promise<T>): Promise<T>;
  /** Grouped writes: groups run and the units they carried, for `/metrics`. */
  writeGroups: Readonly<{ stats(): Readonly<{ ran: number; units: number }> }>;
  /**
   * Runs `fn`, which only reads, bound to `tenantId` on the primary, with row-level security
   * exactly as `inTenant`: each statement is a read-only transaction of its own carrying the
   * binding, one round trip each on PostgreSQL (a read of one statement: one round trip). Every
   * statement reads the latest committed rows (as at READ COMMITTED in `inTenant`); a write fails.
   * For reads that must be fresh (an admin's list, what a user just changed); `inTenantReplica`
   * for public ones that may trail a write by a moment.
   */
  inTenantRead<T>(tenantId: string, actor: Actor, fn: (scope: TenantScope) => Promise<T>): Promise<T>;
  /**
   * Runs `fn` in a read-only transaction bound to `tenantId` that may be slightly stale: on the
   * read replica (`DATABASE_REPLICA_URL`) when it is reachable and lags less than allowed, else on
   * the primary — with row-level security exactly as `inTenant`. For public reads that may trail a
   * write by a moment (the public lists, prices, the open-data catalogue); never for a read whose
   * result is written back, nor one that must show the caller's own write just made. `fn` must
   * only read, and may run twice (begun on the replica, which failed, then on the primary).
   */
  inTenantReplica<T>(tenantId: string, actor: Actor, fn: (scope: TenantScope) => Promise<T>): Promise<T>;
  /** Reloads the directory here and tells every other process on the database to do the same. */
  directoryChanged(): Promise<void>;
  close(): Promise<void>;
}>;

/** Builds the platform over an open, migrated database and subscribes to directory changes. */
export async function createPlatform(
  config: Config,
  database: Database,
  modules: readonly AppManifest[],
): Promise<Platform> {
  for (const m of modules) {
    if (m.messages) addMessages(m.code, m.messages);
    for (const group of Object.keys(m.sharedMessages?.id ?? {})) {
      addMessages(group, { id: m.sharedMessages!.id[group]!, en: m.sharedMessages!.en[group] ?? {} });
    }
  }
  const permissions = new PermissionRegistry([
    ...PLATFORM_PERMISSIONS,
    ...modules.flatMap((m) => m.permissions ?? []),
  ]);
  const directory = new TenantDirectory(database.db, config.baseDomain);
  const signals = new SignalBus(database);
  const events = new EventHub();
  events.start(signals);
  const cache = new TenantCache({ maxBytes: config.cache.maxBytes, ttlMs: config.cache.ttlMs });
  cache.setReplica(database.replica);
  cache.start(signals);
  // A failed reload keeps the previous directory (the caller of `directoryChanged` hears of it).
  signals.on(DIRECTORY_CHANNEL, () => directory.reload());
  // Signals unread for longer than they are kept may have been missed: start afresh.
  signals.onGap(() => {
    cache.clear();
    directory.reload().catch(() => {
      // The previous directory stays until the next change.
    });
  });
  // From here on every change reaches the handlers; the directory loads what came before.
  await signals.start();
  await directory.reload();
  const writeGroups = new TenantWriteGroups(database.db, { maxGroups: config.writeGroupsPerTenant });
  return Object.freeze({
    config,
    database,
    directory,
    signals,
    events,
    cache,
    files: createStorage(config.files),
    permissions,
    modules,
    liveModules: (tenantId) => modules.filter((m) => directory.isLive(tenantId, m.code)),
    inTenant: (tenantId, actor, fn) => withTenant(database.db, tenantId, actor, fn),
    inTenantGrouped: (tenantId, actor, fn) => writeGroups.run(tenantId, actor, fn),
    writeGroups,
    inTenantRead: (tenantId, actor, fn) => withTenantReadOnly(database.db, tenantId, actor, fn),
    inTenantReplica: (tenantId, actor, fn) =>
      readMaybeStale(database.db, database.replica, tenantId, actor, fn),
    async directoryChanged() {
      // Delivered here (awaiting the reload) and read by every other process.
      await signals.publish(NO_TENANT, DIRECTORY_CHANNEL, '');
    },
    async close() {
      events.stop();
      cache.stop();
      await signals.stop();
      await database.close();
    },
  });
}
