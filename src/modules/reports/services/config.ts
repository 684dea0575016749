/**
 * The app's per-tenant configuration as the other services read it: settings and categories
 * (cached until either changes), the working-day calendar, and when the configuration changed.
 */
import {
  CALENDAR_TAG,
  calendarForTenant,
  type Platform,
  type TenantScope,
  type VerifiedTenant,
} from '../../../platform/sdk/index.ts';
import { DEFAULT_DEADLINES } from '../deadlines.ts';
import type { Track } from '../lifecycle.ts';
import { lastConfigChanges, listCategories, readSettings } from '../repo/config.ts';
import type { Deadlines } from '../tables.ts';
import { CONFIG_TAG } from './cache-tags.ts';

export type Settings = {
  displayName: string | null;
  deadlines: Deadlines;
  duplicateRadiusM: number;
  duplicateWindowDays: number;
  minStatsSample: number;
  laporEnabled: boolean;
  /** Reports go public only once an operator verified them (services/publicity.ts). */
  verifyBeforePublic: boolean;
  /** The tenant's example for the report form's address hint; null: a general hint. */
  addressExample: string | null;
};

export type CategoryRow = {
  code: string;
  name: { id: string; en: string };
  agencyId: string | null;
  verifyDays: number | null;
  followUpDays: number | null;
  defaultTrack: Track;
  active: boolean;
  sort: number;
};

/** The app's per-tenant configuration, read once per change (cached). */
export type ReportsConfig = { settings: Settings; categories: Map<string, CategoryRow> };

/** The tenant's settings and categories (cached until either changes). */
export function loadConfig(platform: Platform, scope: TenantScope): Promise<ReportsConfig> {
  return platform.cache.getIn(scope, CONFIG_TAG, 'config', async () => {
    const row = await readSettings(scope);
    const cats = await listCategories(scope);
    const settings: Settings = row
      ? {
          displayName: row.display_name,
          deadlines: { ...DEFAULT_DEADLINES, ...row.deadlines },
          duplicateRadiusM: row.duplicate_radius_m,
          duplicateWindowDays: row.duplicate_window_days,
          minStatsSample: row.min_stats_sample,
          laporEnabled: row.lapor_enabled,
          verifyBeforePublic: row.verify_before_public,
          addressExample: row.address_example,
        }
      : {
          displayName: null,
          deadlines: DEFAULT_DEADLINES,
          duplicateRadiusM: 150,
          duplicateWindowDays: 14,
          minStatsSample: 5,
          laporEnabled: false,
          verifyBeforePublic: false,
          addressExample: null,
        };
    const categories = new Map<string, CategoryRow>();
    for (const c of cats) {
      categories.set(c.code, {
        code: c.code,
        name: c.name,
        agencyId: c.agency_id,
        verifyDays: c.verify_days,
        followUpDays: c.follow_up_days,
        defaultTrack: c.default_track,
        active: c.active,
        sort: c.sort,
      });
    }
    return { settings, categories };
  });
}

/** The category's overrides of the deadlines, as `daysFor` takes them. */
export function categoryRules(c: CategoryRow) {
  return { verify_days: c.verifyDays, follow_up_days: c.followUpDays };
}

/** The tenant's working-day calendar (cached until a local holiday changes). */
export function loadCalendar(platform: Platform, scope: TenantScope, tenant: VerifiedTenant) {
  return platform.cache.getIn(scope, CALENDAR_TAG, 'calendar', () =>
    calendarForTenant(scope, tenant.timeZone),
  );
}

/** When the tenant last changed the app's settings or categories (null: never). */
export async function configChangedAt(scope: TenantScope): Promise<Date | null> {
  const times = (await lastConfigChanges(scope))
    .filter((t) => t !== null && t !== undefined)
    .map((t) => new Date(t as Date).getTime());
  return times.length ? new Date(Math.max(...times)) : null;
}
