/**
 * What Satu Data needs from a tenant before it is useful (the manifest's `setup`): a walidata (the
 * data custodian: someone holding the review permission tenant-wide, a tenant administrator by
 * default) and at least one theme to file datasets under. Each check runs in the tenant's scope.
 */
import type { SetupItem } from '../../platform/sdk/index.ts';
import { PERM } from './permissions.ts';
import { countThemes } from './repo/themes.ts';
import { tx } from './tables.ts';

export const setup: readonly SetupItem[] = [
  {
    id: 'custodian',
    label: 'setup.custodian',
    screen: '/admin/staff',
    check: async (scope, platform) => {
      const grants = await tx(scope)
        .selectFrom('role_grants')
        .select(['id', 'role', 'user_id'])
        .where('tenant_id', '=', scope.tenantId)
        .where('agency_id', 'is', null)
        .execute();
      const custodians = new Set(
        grants
          .filter((g) =>
            platform.permissions.allows([{ id: g.id, role: g.role as never, agencyId: null }], PERM.review),
          )
          .map((g) => g.user_id),
      );
      return { done: custodians.size > 0, count: custodians.size };
    },
  },
  {
    id: 'theme',
    label: 'setup.theme',
    screen: '/open-data/tema',
    check: async (scope) => {
      const count = await countThemes(scope);
      return { done: count > 0, count };
    },
  },
];
