/**
 * Reference data: markets and the officers who enter their prices, commodities, the app's settings
 * (publication time, jump and alert percentages). An agency's administrator manages only their own
 * agencies' markets.
 */
import {
  AppError,
  type FieldError,
  invalid,
  type Platform,
  type Role,
  recordAudit,
  type TenantScope,
} from '../../../platform/sdk/index.ts';
import { PERM } from '../permissions.ts';
import { type CommodityRow, upsertCommodity } from '../repo/commodities.ts';
import { type MarketRow, upsertMarket } from '../repo/markets.ts';
import { officersOf, replaceOfficers } from '../repo/officers.ts';
import { writeSettings } from '../repo/settings.ts';
import { staffWithGrants } from '../repo/staff.ts';
import type { CommodityInputType, MarketInputType, SettingsInputType } from '../schemas.ts';
import { type Access, agencyPathsOf, changed, loadConfig, requireMarket, type Settings } from './config.ts';

export function marketView(m: MarketRow) {
  return {
    code: m.code,
    name: m.name,
    address: m.address,
    lat: m.lat,
    lng: m.lng,
    agencyId: m.agency_id,
    active: m.active,
  };
}

export function commodityView(c: CommodityRow) {
  return {
    code: c.code,
    name: c.name,
    group: c.group_code,
    grade: c.grade,
    unit: c.unit,
    minPrice: c.min_price,
    maxPrice: c.max_price,
    active: c.active,
  };
}

/** Creates or changes a market; an agency's administrator only within their own agencies. */
export async function putMarket(
  platform: Platform,
  scope: TenantScope,
  code: string,
  input: MarketInputType,
  access: Access,
) {
  const config = await loadConfig(platform, scope);
  const before = config.marketByCode.get(code);
  if (before && !access.may(before.agency_id)) throw new AppError('forbidden');
  const agencyId = input.agencyId !== undefined ? input.agencyId : (before?.agency_id ?? null);
  if (agencyId !== null && !(await agencyPathsOf(platform, scope))(agencyId)) {
    throw invalid({ path: '/body/agencyId', code: 'unknown_agency' });
  }
  if (!access.may(agencyId)) throw new AppError('forbidden');
  const lat = input.lat !== undefined ? input.lat : (before?.lat ?? null);
  const lng = input.lng !== undefined ? input.lng : (before?.lng ?? null);
  if ((lat === null) !== (lng === null)) {
    throw invalid({ path: lat === null ? '/body/lat' : '/body/lng', code: 'required' });
  }
  const row = await upsertMarket(scope, code, {
    name: input.name,
    address: input.address !== undefined ? input.address : (before?.address ?? null),
    lat,
    lng,
    agency_id: agencyId,
    active: input.active ?? before?.active ?? true,
    sort: input.sort ?? before?.sort ?? 0,
  });
  await recordAudit(scope, {
    action: before ? 'market-prices.market.update' : 'market-prices.market.create',
    entityType: 'market',
    entityId: row.id,
    before: before ?? null,
    after: row,
  });
  await changed(scope);
  return marketView(row);
}

/** Creates or changes a commodity (its names, grade, unit and plausible price range). */
export async function putCommodity(
  platform: Platform,
  scope: TenantScope,
  code: string,
  input: CommodityInputType,
) {
  if (input.maxPrice <= input.minPrice) throw invalid({ path: '/body/maxPrice', code: 'price_order' });
  const config = await loadConfig(platform, scope);
  const before = config.commodityByCode.get(code);
  const row = await upsertCommodity(scope, code, {
    name: input.name,
    group_code: input.group,
    grade: input.grade ?? null,
    unit: input.unit,
    min_price: input.minPrice,
    max_price: input.maxPrice,
    active: input.active ?? before?.active ?? true,
    sort: input.sort ?? before?.sort ?? (config.commodities.length + 1) * 10,
  });
  await recordAudit(scope, {
    action: before ? 'market-prices.commodity.update' : 'market-prices.commodity.create',
    entityType: 'commodity',
    entityId: row.id,
    before: before ?? null,
    after: row,
  });
  await changed(scope);
  return commodityView(row);
}

export async function marketOfficers(platform: Platform, scope: TenantScope, code: string, access: Access) {
  const market = requireMarket(await loadConfig(platform, scope), code);
  if (!access.may(market.agency_id)) throw new AppError('forbidden');
  return { market: market.code, items: await officersOf(scope, market.id) };
}

/**
 * Sets who may enter prices for a market: staff accounts that hold the entry permission. Replaces
 * the list; an agency's administrator only for their own agencies' markets.
 */
export async function setMarketOfficers(
  platform: Platform,
  scope: TenantScope,
  code: string,
  userIds: readonly string[],
  access: Access,
) {
  const market = requireMarket(await loadConfig(platform, scope), code);
  if (!access.may(market.agency_id)) throw new AppError('forbidden');
  const staff = new Map((await staffWithGrants(scope, userIds)).map((u) => [u.id, u]));
  const errors: FieldError[] = [];
  userIds.forEach((id, i) => {
    const user = staff.get(id);
    const grants = user?.grants.map((g) => ({ ...g, role: g.role as Role })) ?? [];
    if (!user || !platform.permissions.allowsSomewhere(grants, PERM.enter)) {
      errors.push({ path: `/body/userIds/${i}`, code: 'not_officer' });
    }
  });
  if (errors.length > 0) throw invalid(...errors);
  const before = await officersOf(scope, market.id);
  await replaceOfficers(scope, market.id, userIds);
  await recordAudit(scope, {
    action: 'market-prices.officers.set',
    entityType: 'market',
    entityId: market.id,
    before: before.map((o) => o.id),
    after: [...userIds],
  });
  return { market: market.code, items: await officersOf(scope, market.id) };
}

export async function settingsView(platform: Platform, scope: TenantScope): Promise<Settings> {
  return (await loadConfig(platform, scope)).settings;
}

export async function updateSettings(platform: Platform, scope: TenantScope, input: SettingsInputType) {
  const before = (await loadConfig(platform, scope)).settings;
  const after: Settings = {
    publishTime: input.publishTime ?? before.publishTime,
    jumpPercent: input.jumpPercent ?? before.jumpPercent,
    alertPercent: input.alertPercent ?? before.alertPercent,
  };
  await writeSettings(scope, {
    publish_time: after.publishTime,
    jump_percent: after.jumpPercent,
    alert_percent: after.alertPercent,
  });
  await recordAudit(scope, {
    action: 'market-prices.settings.update',
    entityType: 'market_settings',
    before,
    after,
  });
  await changed(scope);
  return after;
}
