/**
 * The app's settings and categories (`report_settings`, `report_categories`). Every query filters
 * `tenant_id` itself, beside the row-level security underneath (ADR 0003).
 */
import type { TenantScope } from '../../../platform/sdk/index.ts';
import type { Track } from '../lifecycle.ts';
import { tx } from '../tables.ts';

/** The tenant's settings row, every column (the audit trail keeps it whole); none until first saved. */
export function readSettings(scope: TenantScope) {
  return tx(scope)
    .selectFrom('report_settings')
    .selectAll()
    .where('tenant_id', '=', scope.tenantId)
    .executeTakeFirst();
}

export type SettingsValues = {
  display_name: string | null;
  /** The deadlines as JSON text. */
  deadlines: string;
  duplicate_radius_m: number;
  duplicate_window_days: number;
  min_stats_sample: number;
  lapor_enabled: boolean;
  lapor_enabled_at: Date | null;
  verify_before_public: boolean;
  address_example: string | null;
  updated_at: Date;
};

export async function writeSettings(scope: TenantScope, values: SettingsValues): Promise<void> {
  await tx(scope)
    .insertInto('report_settings')
    .values({ tenant_id: scope.tenantId, ...values })
    .onConflict((oc) => oc.column('tenant_id').doUpdateSet(values))
    .execute();
}

/** Every category of the tenant, active or not, in display order. */
export function listCategories(scope: TenantScope) {
  return tx(scope)
    .selectFrom('report_categories')
    .selectAll()
    .where('tenant_id', '=', scope.tenantId)
    .orderBy('sort')
    .orderBy('code')
    .execute();
}

export function readCategory(scope: TenantScope, code: string) {
  return tx(scope)
    .selectFrom('report_categories')
    .selectAll()
    .where('tenant_id', '=', scope.tenantId)
    .where('code', '=', code)
    .executeTakeFirst();
}

export type CategoryValues = {
  /** The names as JSON text. */
  name: string;
  agency_id: string | null;
  verify_days: number | null;
  follow_up_days: number | null;
  default_track: Track;
  active: boolean;
  sort: number;
  updated_at: Date;
};

/** Creates the category `code` or changes it. */
export async function writeCategory(scope: TenantScope, code: string, values: CategoryValues): Promise<void> {
  await tx(scope)
    .insertInto('report_categories')
    .values({ tenant_id: scope.tenantId, code, ...values })
    .onConflict((oc) => oc.columns(['tenant_id', 'code']).doUpdateSet(values))
    .execute();
}

/** The last change of the settings and of any category (each undefined or null: never). */
export async function lastConfigChanges(scope: TenantScope): Promise<unknown[]> {
  const db = tx(scope);
  const [settings, categories] = await Promise.all([
    db
      .selectFrom('report_settings')
      .select((eb) => eb.fn.max('updated_at').as('at'))
      .where('tenant_id', '=', scope.tenantId)
      .executeTakeFirst(),
    db
      .selectFrom('report_categories')
      .select((eb) => eb.fn.max('updated_at').as('at'))
      .where('tenant_id', '=', scope.tenantId)
      .executeTakeFirst(),
  ]);
  return [settings?.at, categories?.at];
}
