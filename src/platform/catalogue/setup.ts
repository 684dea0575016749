/**
 * The setup checklists of a tenant's live apps: each app declares what it needs before it is useful
 * (`AppManifest.setup`), and this runs its checks in the tenant's scope, in the caller's language.
 * Only live apps are asked: an app that is not live has nothing to set up yet, and its routes and
 * screens answer 404 anyway.
 */

import type { Language } from '../db/schema.ts';
import type { TenantScope } from '../db/tenant-scope.ts';
import { notFound } from '../errors.ts';
import { translator } from '../i18n/index.ts';
import type { Platform } from '../platform.ts';
import type { AppManifest } from './manifest.ts';

export type SetupItemView = {
  id: string;
  label: string;
  screen: string;
  done: boolean;
  count: number | null;
  missing: number | null;
};
export type SetupAppView = { app: string; name: string; done: boolean; items: SetupItemView[] };

/** One app's checklist for the scope's tenant, its labels in `lang`. */
async function checklistOf(
  platform: Platform,
  scope: TenantScope,
  app: AppManifest,
  lang: Language,
): Promise<SetupAppView> {
  const t = translator(lang);
  const items: SetupItemView[] = [];
  // In order, one at a time: the checks share the tenant's one transaction.
  for (const item of app.setup ?? []) {
    const state = await item.check(scope, platform);
    items.push({
      id: item.id,
      label: t(`${app.code}.${item.label}`),
      screen: item.screen,
      done: state.done,
      count: state.count ?? null,
      missing: state.missing ?? null,
    });
  }
  return { app: app.code, name: app.name, done: items.every((i) => i.done), items };
}

/** The checklists of every app the tenant has live that declares one, in the catalogue's order. */
export async function setupChecklists(
  platform: Platform,
  scope: TenantScope,
  lang: Language,
): Promise<SetupAppView[]> {
  const live = platform.modules.filter(
    (m) => m.setup?.length && platform.directory.isLive(scope.tenantId, m.code),
  );
  const out: SetupAppView[] = [];
  for (const app of live) out.push(await checklistOf(platform, scope, app, lang));
  return out;
}

/** One live app's checklist; an app that is not installed, not live or without a checklist is not found. */
export async function setupChecklist(
  platform: Platform,
  scope: TenantScope,
  code: string,
  lang: Language,
): Promise<SetupAppView> {
  const app = platform.modules.find((m) => m.code === code);
  if (!app?.setup?.length || !platform.directory.isLive(scope.tenantId, code)) throw notFound('app');
  return checklistOf(platform, scope, app, lang);
}
