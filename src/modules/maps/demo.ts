/** The app's demo data for a tenant where it is live (written by the demo seed, once). */
import type { Platform, TenantScope, VerifiedTenant } from '../../platform/sdk/index.ts';
import { createItem } from './services/items.ts';

export async function seedDemo(
  _platform: Platform,
  scope: TenantScope,
  tenant: VerifiedTenant,
): Promise<void> {
  await createItem(scope, { title: `Contoh pertama di ${tenant.name}`, description: 'Isian contoh.' });
  await createItem(scope, { title: 'Contoh kedua' });
}
