/**
 * What the websites app needs from a tenant before it is useful (the manifest's `setup`): the
 * tenant's own site exists from the day the app goes live; what is left is a site for each agency
 * that publishes. Each check runs on the server in the tenant's scope.
 */
import type { SetupItem } from '../../platform/sdk/index.ts';
import { countSites } from './repo/sites.ts';

export const setup: readonly SetupItem[] = [
  {
    id: 'agency-sites',
    label: 'setup.agencySites',
    screen: '/websites',
    check: async (scope) => {
      const { all, tenant } = await countSites(scope);
      return { done: all - tenant > 0, count: all - tenant };
    },
  },
];
