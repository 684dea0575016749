/** The tenant's themes (CKAN's groups): listed for anyone, kept by the walidata. */
import {
  emitEvent,
  invalid,
  newId,
  notFound,
  recordAudit,
  type TenantScope,
} from '../../../platform/sdk/index.ts';
import {
  deleteTheme,
  findTheme,
  insertTheme,
  listThemes,
  type ThemeRow,
  themeNameTaken,
  updateTheme,
} from '../repo/themes.ts';
import type { ThemeInputType, ThemeType } from '../schemas.ts';

export function themeView(r: ThemeRow): ThemeType {
  return { id: r.id, name: r.name, title: r.title, description: r.description, sort: r.sort };
}

export async function themesView(scope: TenantScope): Promise<{ themes: ThemeType[] }> {
  return { themes: (await listThemes(scope)).map(themeView) };
}

function values(input: ThemeInputType) {
  const title = input.title.replace(/\s+/g, ' ').trim();
  if (title.length < 2) throw invalid({ path: '/body/title', code: 'minLength', params: { limit: 2 } });
  return { name: input.name, title, description: input.description?.trim() || null, sort: input.sort ?? 0 };
}

export async function createTheme(scope: TenantScope, input: ThemeInputType): Promise<ThemeType> {
  const v = values(input);
  if (await themeNameTaken(scope, v.name)) throw invalid({ path: '/body/name', code: 'taken' });
  const view = themeView(await insertTheme(scope, { id: newId(), ...v }));
  await recordAudit(scope, {
    action: 'open-data.theme.create',
    entityType: 'open-data.theme',
    entityId: view.id,
    after: view,
  });
  await emitEvent(scope, {
    type: 'open-data.theme.changed',
    entityType: 'open-data.theme',
    entityId: view.id,
  });
  return view;
}

export async function changeTheme(scope: TenantScope, id: string, input: ThemeInputType): Promise<ThemeType> {
  const before = await findTheme(scope, id);
  if (!before) throw notFound('open-data.theme');
  const v = values(input);
  if (await themeNameTaken(scope, v.name, id)) throw invalid({ path: '/body/name', code: 'taken' });
  const view = themeView((await updateTheme(scope, id, v))!);
  await recordAudit(scope, {
    action: 'open-data.theme.update',
    entityType: 'open-data.theme',
    entityId: id,
    before: themeView(before),
    after: view,
  });
  await emitEvent(scope, { type: 'open-data.theme.changed', entityType: 'open-data.theme', entityId: id });
  return view;
}

/** Removes a theme; its datasets simply lose it. */
export async function removeTheme(scope: TenantScope, id: string): Promise<void> {
  const before = await findTheme(scope, id);
  if (!before || !(await deleteTheme(scope, id))) throw notFound('open-data.theme');
  await recordAudit(scope, {
    action: 'open-data.theme.delete',
    entityType: 'open-data.theme',
    entityId: id,
    before: themeView(before),
  });
  await emitEvent(scope, { type: 'open-data.theme.changed', entityType: 'open-data.theme', entityId: id });
}
