/**
 * What WebGIS needs from a tenant before it is useful: its setup checklist (the manifest's
 * `setup`): at least one public layer, or the portal map shows only other apps' layers.
 */
import type { SetupItem } from '../../platform/sdk/index.ts';
import { countPublicLayers } from './repo.ts';

export const setup: readonly SetupItem[] = [
  {
    id: 'first-layer',
    label: 'setup.firstLayer',
    screen: '/maps',
    check: async (scope) => {
      const count = await countPublicLayers(scope);
      return { done: count > 0, count };
    },
  },
];
