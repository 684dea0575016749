/** Changing the app's configuration: its settings and its categories (each audited, both caches dropped). */
import { invalid, invalidate, recordAudit, type TenantScope } from '../../../platform/sdk/index.ts';
import { DEFAULT_DEADLINES } from '../deadlines.ts';
import { readCategory, readSettings, writeCategory, writeSettings } from '../repo/config.ts';
import type { CategoryInputType, SettingsInputType } from '../schemas.ts';
import { requireAgency } from './agencies.ts';
import { CONFIG_TAG, REPORTS_TAG } from './cache-tags.ts';
import type { CategoryRow } from './config.ts';

/** Changes the app's settings for the tenant. */
export async function updateSettings(scope: TenantScope, input: SettingsInputType): Promise<void> {
  const before = await readSettings(scope);
  const values = {
    display_name: input.displayName !== undefined ? input.displayName : (before?.display_name ?? null),
    deadlines: JSON.stringify(input.deadlines ?? before?.deadlines ?? DEFAULT_DEADLINES),
    duplicate_radius_m: input.duplicateRadiusM ?? before?.duplicate_radius_m ?? 150,
    duplicate_window_days: input.duplicateWindowDays ?? before?.duplicate_window_days ?? 14,
    min_stats_sample: input.minStatsSample ?? before?.min_stats_sample ?? 5,
    lapor_enabled: input.laporEnabled ?? before?.lapor_enabled ?? false,
    // Turning the exchange on sends the reports verified from then on, not the whole archive.
    lapor_enabled_at:
      input.laporEnabled && !before?.lapor_enabled ? new Date() : (before?.lapor_enabled_at ?? null),
    verify_before_public: input.verifyBeforePublic ?? before?.verify_before_public ?? false,
    address_example:
      input.addressExample !== undefined ? input.addressExample : (before?.address_example ?? null),
    updated_at: new Date(),
  };
  await writeSettings(scope, values);
  await recordAudit(scope, {
    action: 'reports.settings.update',
    entityType: 'report_settings',
    before,
    after: input,
  });
  await invalidate(scope, CONFIG_TAG);
  await invalidate(scope, REPORTS_TAG);
}

/** Creates or changes a category. */
export async function putCategory(scope: TenantScope, code: string, input: CategoryInputType): Promise<void> {
  if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(code) || code.length > 40) {
    throw invalid({ path: '/params/code', code: 'pattern' });
  }
  if (input.agencyId) await requireAgency(scope, input.agencyId, '/body/agencyId');
  const before = await readCategory(scope, code);
  const values = {
    name: JSON.stringify(input.name),
    agency_id: input.agencyId !== undefined ? input.agencyId : (before?.agency_id ?? null),
    verify_days: input.verifyDays !== undefined ? input.verifyDays : (before?.verify_days ?? null),
    follow_up_days: input.followUpDays !== undefined ? input.followUpDays : (before?.follow_up_days ?? null),
    default_track: input.defaultTrack ?? before?.default_track ?? 'standard',
    active: input.active ?? before?.active ?? true,
    sort: input.sort ?? before?.sort ?? 0,
    updated_at: new Date(),
  };
  await writeCategory(scope, code, values);
  await recordAudit(scope, {
    action: before ? 'reports.category.update' : 'reports.category.create',
    entityType: 'report_category',
    entityId: code,
    before,
    after: input,
  });
  await invalidate(scope, CONFIG_TAG);
  await invalidate(scope, REPORTS_TAG);
}

/** A category as the API shows it. */
export function categoryView(c: CategoryRow) {
  return { ...c };
}
