/**
 * What happens when a tenant takes an app live: the app's `onLive` work, in the same transaction as
 * the adoption's step to `live`, so that a tenant never has the app live without what it needs.
 */
import type { TenantScope } from '../db/tenant-scope.ts';
import type { Platform } from '../platform.ts';
import type { VerifiedTenant } from '../tenancy/directory.ts';

/** Runs the installed app's `onLive` work for the tenant (nothing for an app without a module). */
export async function runOnLive(
  platform: Platform,
  scope: TenantScope,
  tenant: VerifiedTenant,
  appCode: string,
): Promise<void> {
  const app = platform.modules.find((m) => m.code === appCode);
  await app?.onLive?.(platform, scope, tenant);
}

/** The callback `transitionAdoption` calls when the app goes live, bound to this request's tenant. */
export function onLiveFor(platform: Platform, scope: TenantScope, tenant: VerifiedTenant) {
  return (appCode: string) => runOnLive(platform, scope, tenant, appCode);
}
