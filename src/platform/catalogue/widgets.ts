/** The widgets the apps live for a tenant offer to other apps' pages (`AppManifest.widgets`). */
import type { Platform } from '../platform.ts';
import type { WidgetDef } from './manifest.ts';

export type OfferedWidget = Readonly<{ id: string; app: string; label: string; def: WidgetDef }>;

/** The widgets of the apps live for the tenant, each with its full id (`<app>.<id>`). */
export function offeredWidgets(platform: Platform, tenantId: string): OfferedWidget[] {
  return platform
    .liveModules(tenantId)
    .flatMap((m) =>
      (m.widgets ?? []).map((def) => ({ id: `${m.code}.${def.id}`, app: m.code, label: def.label, def })),
    );
}
