/**
 * SEGAR's setup: what a tenant needs before an officer can enter a price (its checklist, shown to
 * the tenant's administrator), and what the setup screens read — every market the caller manages
 * with its officers, every commodity (retired ones too), the national list to pick from, and the
 * staff who may be made officers.
 */
import type { Platform, Role, SetupItem, TenantScope } from '../../../platform/sdk/index.ts';
import { NATIONAL_COMMODITIES } from '../national.ts';
import { ENTER_ROLES, PERM } from '../permissions.ts';
import { officersByMarket, staffWithRoles } from '../repo/setup.ts';
import { type Access, loadConfig } from './config.ts';
import { commodityView, marketView } from './reference-data.ts';

/** The checklist: markets, commodities, and an officer for every active market. */
export const marketPricesSetup: readonly SetupItem[] = [
  {
    id: 'markets',
    label: 'setup.markets',
    screen: '/admin/price-markets',
    check: async (scope, platform) => {
      const count = (await loadConfig(platform, scope)).markets.filter((m) => m.active).length;
      return { done: count > 0, count };
    },
  },
  {
    id: 'commodities',
    label: 'setup.commodities',
    screen: '/admin/price-commodities',
    check: async (scope, platform) => {
      const count = (await loadConfig(platform, scope)).commodities.filter((c) => c.active).length;
      return { done: count > 0, count };
    },
  },
  {
    id: 'officers',
    label: 'setup.officers',
    screen: '/admin/price-officers',
    check: async (scope, platform) => {
      const markets = (await loadConfig(platform, scope)).markets.filter((m) => m.active);
      const officers = await officersByMarket(scope);
      const missing = markets.filter((m) => !officers.get(m.id)?.length).length;
      return { done: markets.length > 0 && missing === 0, count: markets.length - missing, missing };
    },
  },
];

/** Every market the caller may manage (retired ones too), with its order and its officers. */
export async function managedMarkets(platform: Platform, scope: TenantScope, access: Access) {
  const config = await loadConfig(platform, scope);
  const officers = await officersByMarket(scope);
  return {
    items: config.markets
      .filter((m) => access.may(m.agency_id))
      .map((m) => ({ ...marketView(m), sort: m.sort, officers: officers.get(m.id) ?? [] })),
  };
}

/** Every commodity of the tenant (retired ones too), with its order. */
export async function allCommodities(platform: Platform, scope: TenantScope) {
  const config = await loadConfig(platform, scope);
  return { items: config.commodities.map((c) => ({ ...commodityView(c), sort: c.sort })) };
}

/** The national list, each entry saying whether the tenant has a commodity of its code. */
export async function nationalList(platform: Platform, scope: TenantScope) {
  const config = await loadConfig(platform, scope);
  return {
    items: NATIONAL_COMMODITIES.map((c) => ({
      code: c.code,
      name: c.name,
      group: c.group,
      grade: c.grade,
      unit: c.unit,
      minPrice: c.min,
      maxPrice: c.max,
      added: config.commodityByCode.has(c.code),
    })),
  };
}

/**
 * The staff who may be made a market's officers: active staff accounts holding the entry
 * permission, with the agencies where they hold it (null: in the whole tenant).
 */
export async function officerCandidates(platform: Platform, scope: TenantScope) {
  const staff = await staffWithRoles(scope, ENTER_ROLES);
  return {
    items: staff
      .map((u) => ({
        id: u.id,
        name: u.name,
        grants: u.grants.filter((g) =>
          platform.permissions.allowsSomewhere(
            [{ id: '', role: g.role as Role, agencyId: null }],
            PERM.enter,
          ),
        ),
      }))
      .filter((u) => u.grants.length > 0)
      .map((u) => ({ id: u.id, name: u.name, agencyIds: u.grants.map((g) => g.agencyId) })),
  };
}

/** The checklist's words (`market-prices.setup.*`). */
export const marketPricesSetupMessages = {
  id: {
    markets: 'Tambahkan pasar yang disurvei: nama, alamat, letak di peta, perangkat daerah',
    commodities: 'Pilih komoditas dari daftar nasional, dengan satuan dan urutannya',
    officers: 'Tetapkan petugas yang mengisi harga di setiap pasar',
  },
  en: {
    markets: 'Add the markets surveyed: name, address, place on the map, agency',
    commodities: 'Pick the commodities from the national list, with their unit and order',
    officers: 'Name the officers who enter prices at each market',
  },
};
