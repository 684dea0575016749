/** The app's demo data for a tenant where it is live (written by the demo seed, once). */
import type { Platform, TenantScope, VerifiedTenant } from '../../platform/sdk/index.ts';

export async function seedDemo(
  _platform: Platform,
  _scope: TenantScope,
  _tenant: VerifiedTenant,
): Promise<void> {}
