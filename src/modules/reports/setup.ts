/**
 * What LAKSA needs from a tenant before a report can reach anyone (its setup checklist, shown to
 * the tenant's administrator in the console): agencies to send reports to, and categories, each
 * routed to its usual agency. A category's deadline is never missing: without its own it follows
 * the tenant's SP4N-LAPOR! deadlines (Pengaturan › Kategori), so the check is on the agency.
 */
import { listAgencies, type SetupItem } from '../../platform/sdk/index.ts';
import { tx } from './tables.ts';

export const reportsSetup: readonly SetupItem[] = [
  {
    id: 'agencies',
    label: 'setup.agencies',
    screen: '/admin/agencies',
    check: async (scope) => {
      const count = (await listAgencies(scope)).length;
      return { done: count > 0, count };
    },
  },
  {
    id: 'categories',
    label: 'setup.categories',
    screen: '/admin/categories',
    check: async (scope) => {
      const active = await tx(scope)
        .selectFrom('report_categories')
        .select('agency_id')
        .where('tenant_id', '=', scope.tenantId)
        .where('active', '=', true)
        .execute();
      const missing = active.filter((c) => c.agency_id === null).length;
      return { done: active.length > 0 && missing === 0, count: active.length, missing };
    },
  },
];

/** The checklist's words (`reports.setup.*`). */
export const reportsSetupMessages = {
  id: {
    agencies: 'Tambahkan perangkat daerah yang menindaklanjuti laporan',
    categories:
      'Buat kategori laporan, masing-masing dengan perangkat daerah tujuan (tenggatnya mengikuti tenggat daerah bila tidak diatur sendiri)',
  },
  en: {
    agencies: 'Add the agencies that follow up reports',
    categories:
      'Create report categories, each with the agency it goes to (its deadline follows the region’s unless set on its own)',
  },
};
