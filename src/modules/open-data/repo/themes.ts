/** Queries on the tenant's themes (CKAN's groups). */
import type { Selectable } from 'kysely';
import type { TenantScope } from '../../../platform/sdk/index.ts';
import { type ThemesTable, tx } from '../tables.ts';

export type ThemeRow = Selectable<ThemesTable>;

export function listThemes(scope: TenantScope): Promise<ThemeRow[]> {
  return tx(scope)
    .selectFrom('open_data_themes')
    .selectAll()
    .where('tenant_id', '=', scope.tenantId)
    .orderBy('sort')
    .orderBy('title')
    .execute();
}

export async function findTheme(scope: TenantScope, id: string): Promise<ThemeRow | null> {
  return (
    (await tx(scope)
      .selectFrom('open_data_themes')
      .selectAll()
      .where('tenant_id', '=', scope.tenantId)
      .where('id', '=', id)
      .executeTakeFirst()) ?? null
  );
}

/** The themes of these names (unknown names are simply absent). */
export function themesNamed(scope: TenantScope, names: readonly string[]): Promise<ThemeRow[]> {
  if (names.length === 0) return Promise.resolve([]);
  return tx(scope)
    .selectFrom('open_data_themes')
    .selectAll()
    .where('tenant_id', '=', scope.tenantId)
    .where('name', 'in', [...names])
    .execute();
}

export async function themeNameTaken(scope: TenantScope, name: string, exceptId?: string): Promise<boolean> {
  let q = tx(scope)
    .selectFrom('open_data_themes')
    .select('id')
    .where('tenant_id', '=', scope.tenantId)
    .where('name', '=', name);
  if (exceptId) q = q.where('id', '<>', exceptId);
  return (await q.executeTakeFirst()) !== undefined;
}

export function insertTheme(
  scope: TenantScope,
  theme: { id: string; name: string; title: string; description: string | null; sort: number },
): Promise<ThemeRow> {
  return tx(scope)
    .insertInto('open_data_themes')
    .values({ tenant_id: scope.tenantId, ...theme })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function updateTheme(
  scope: TenantScope,
  id: string,
  theme: { name: string; title: string; description: string | null; sort: number },
): Promise<ThemeRow | null> {
  return (
    (await tx(scope)
      .updateTable('open_data_themes')
      .set({ ...theme, updated_at: new Date() })
      .where('tenant_id', '=', scope.tenantId)
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirst()) ?? null
  );
}

export async function deleteTheme(scope: TenantScope, id: string): Promise<boolean> {
  const r = await tx(scope)
    .deleteFrom('open_data_themes')
    .where('tenant_id', '=', scope.tenantId)
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

export async function countThemes(scope: TenantScope): Promise<number> {
  const row = await tx(scope)
    .selectFrom('open_data_themes')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('tenant_id', '=', scope.tenantId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
