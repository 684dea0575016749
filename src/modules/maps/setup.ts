/**
 * What WebGIS needs from a tenant before it is useful: its setup checklist (the manifest's
 * `setup`), shown to the tenant's administrator in the console (Pengaturan › Persiapan aplikasi),
 * each item with its state and a link to the screen that does it. Each check runs on the server in
 * the tenant's scope; `label` is a key of the app's words (`messages.ts`, `setup.*`).
 */
import type { SetupItem } from '../../platform/sdk/index.ts';
import { countItems } from './repo.ts';

export const setup: readonly SetupItem[] = [
  {
    id: 'first-item',
    label: 'setup.firstItem',
    screen: '/maps',
    check: async (scope) => {
      const count = await countItems(scope);
      return { done: count > 0, count };
    },
  },
];
