/**
 * Data an app publishes for the open-data catalogue (`AppManifest.dataFeeds`): aggregates of its
 * own tables (reports per category and month, the day's market prices) that a catalogue app reads
 * through the kernel, on its own schedule, without importing the app. A feed gives only what may
 * be public: counts and published figures, never a person's data.
 */
import type { TenantScope } from '../db/tenant-scope.ts';
import type { Platform } from '../platform.ts';
import type { VerifiedTenant } from '../tenancy/directory.ts';

export type Words = Readonly<{ id: string; en: string }>;

/** A column's type as a catalogue stores and filters it (CKAN's DataStore types, by their SQL names). */
export const DATA_COLUMN_TYPES = ['text', 'int', 'numeric', 'date', 'timestamp'] as const;
export type DataColumnType = (typeof DATA_COLUMN_TYPES)[number];

export type DataColumn = Readonly<{
  /** Lower-case snake case, unique in the feed: the field's name in every format. */
  name: string;
  type: DataColumnType;
  label: Words;
  /** The data dictionary's definition of the field. */
  description?: Words;
  /** The unit of a figure (`laporan`, `Rp/kg`). */
  unit?: string;
}>;

/** How often a feed's data changes: DCAT's accrual periodicity, Satu Data's update schedule. */
export const FEED_FREQUENCIES = ['daily', 'weekly', 'monthly'] as const;
export type FeedFrequency = (typeof FEED_FREQUENCIES)[number];

/** One row of a feed: values by column name (dates as `YYYY-MM-DD`, instants as ISO 8601). */
export type DataRow = Readonly<Record<string, string | number | null>>;

export type DataFeed = Readonly<{
  /** Stable within the app (`reports-per-category-month`); the catalogue names it `<app>.<id>`. */
  id: string;
  title: Words;
  description: Words;
  frequency: FeedFrequency;
  keywords?: readonly string[];
  /** Satu Data Indonesia: the indicator the figures measure, and its unit. */
  indicator?: Words;
  unit?: string;
  columns: readonly DataColumn[];
  /**
   * Reads the feed's rows now, in the tenant's scope, ordered as they should be shown. The whole
   * table each time: a catalogue keeps each read as a version when it differs from the last.
   */
  rows: (scope: TenantScope, platform: Platform, tenant: VerifiedTenant) => Promise<readonly DataRow[]>;
}>;

export type OfferedDataFeed = Readonly<{ id: string; app: string; feed: DataFeed }>;

/** The feeds of the apps live for a tenant, each with its full id (`<app>.<id>`). */
export function offeredDataFeeds(platform: Platform, tenantId: string): OfferedDataFeed[] {
  return platform
    .liveModules(tenantId)
    .flatMap((m) => (m.dataFeeds ?? []).map((feed) => ({ id: `${m.code}.${feed.id}`, app: m.code, feed })));
}
