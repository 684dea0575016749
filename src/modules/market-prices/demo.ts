/**
 * Demo data of the market prices app: Kota Tangerang's markets under Disperindag, its officer
 * assigned to them, and three weeks of weekday prices entered, verified and published through the
 * same service functions the API uses, with a rise of bird's-eye chilli in the last week that
 * raised alerts; today's prices wait as drafts for the supervisor. Other tenants where the app is
 * live get the national commodity list.
 */
import {
  findAgencyIdByCode,
  findUserIdByEmail,
  type Platform,
  type TenantScope,
  type VerifiedTenant,
} from '../../platform/sdk/index.ts';
import { addDays } from './prices.ts';
import { setSubscription } from './services/alerts.ts';
import { type Access, loadConfig } from './services/config.ts';
import { saveEntries } from './services/entry.ts';
import { putMarket, setMarketOfficers } from './services/reference-data.ts';
import { publishDay, verifyDay } from './services/review.ts';
import { todayOf } from './services/today.ts';

type DemoMarket = [code: string, name: string, address: string, lat: number, lng: number];

const TANGERANG_MARKETS: DemoMarket[] = [
  ['pasar-anyar', 'Pasar Anyar', 'Jl. Ki Samaun, Sukarasa, Tangerang', -6.1768, 106.6319],
  ['pasar-baru', 'Pasar Baru', 'Jl. Kisamaun, Sukasari, Tangerang', -6.1789, 106.6345],
  ['pasar-bandeng', 'Pasar Bandeng', 'Jl. Bandeng, Cikokol, Tangerang', -6.1924, 106.6398],
  ['pasar-malabar', 'Pasar Malabar', 'Jl. Malabar, Babakan, Tangerang', -6.1823, 106.6281],
  ['pasar-ciledug', 'Pasar Lembang Ciledug', 'Jl. HOS Cokroaminoto, Ciledug', -6.2304, 106.7086],
  ['pasar-poris', 'Pasar Poris Plawad', 'Jl. Benteng Betawi, Poris Plawad, Cipondoh', -6.1722, 106.6614],
];

/** Typical prices in rupiah per unit around November 2026. */
export const BASE_PRICES: Record<string, number> = {
  'beras-premium': 15_500,
  'beras-super': 14_800,
  'beras-medium-1': 13_500,
  'beras-medium-2': 13_000,
  'beras-bawah-1': 12_000,
  'beras-bawah-2': 11_500,
  'bawang-merah-sedang': 38_000,
  'bawang-merah-besar': 42_000,
  'bawang-putih-bonggol': 36_000,
  'bawang-putih-kating': 40_000,
  'cabai-merah-besar': 45_000,
  'cabai-merah-keriting': 42_000,
  'cabai-rawit-merah': 55_000,
  'cabai-rawit-hijau': 40_000,
  'daging-sapi-kualitas-1': 135_000,
  'daging-sapi-kualitas-2': 125_000,
  'daging-ayam-ras': 36_000,
  'daging-ayam-kampung': 85_000,
  'telur-ayam-ras': 29_000,
  'telur-ayam-kampung': 62_000,
  'gula-pasir-premium': 18_500,
  'gula-pasir-lokal': 17_500,
  'minyak-goreng-curah': 17_000,
  'minyak-goreng-kemasan-sederhana': 19_000,
  'minyak-goreng-kemasan-premium': 22_000,
};

/** The commodity whose price rises in the last week of the demo, by this much at its peak. */
const SPIKE = { commodity: 'cabai-rawit-merah', days: 5, rise: 0.4 };

/** A small deterministic generator, so that every demo database holds the same prices. */
function generator(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1_664_525) + 1_013_904_223) >>> 0;
    return s / 2 ** 32;
  };
}

function roundTo(n: number, step: number) {
  return Math.round(n / step) * step;
}

function isWeekday(day: string) {
  const d = new Date(`${day}T00:00:00Z`).getUTCDay();
  return d !== 0 && d !== 6;
}

export async function seedMarketPricesDemo(platform: Platform, scope: TenantScope, tenant: VerifiedTenant) {
  const config = await loadConfig(platform, scope);
  if (tenant.slug !== 'kota-tangerang' || config.markets.length > 0) return;
  const agencyId = await findAgencyIdByCode(scope, 'DISPERINDAG');
  const officerId = await findUserIdByEmail(scope, 'pasar@tangerang.balai.test');
  const supervisorId = await findUserIdByEmail(scope, 'disperindag@tangerang.balai.test');
  if (!agencyId || !officerId || !supervisorId) return;
  const manager: Access = { userId: supervisorId, may: () => true };
  const officer: Access = { userId: officerId, may: () => false };
  for (const [i, [code, name, address, lat, lng]] of TANGERANG_MARKETS.entries()) {
    await putMarket(
      platform,
      scope,
      code,
      { name, address, lat, lng, agencyId, sort: (i + 1) * 10 },
      manager,
    );
    await setMarketOfficers(platform, scope, code, [officerId], manager);
  }
  await setSubscription(scope, supervisorId, true, true);
  const now = new Date();
  const today = todayOf(tenant, now);
  const days: string[] = [];
  for (let d = 21; d >= 0; d--) {
    const day = addDays(today, -d);
    if (isWeekday(day) || d === 0) days.push(day);
  }
  const random = generator(3671);
  const spikeFrom = days.length - 1 - SPIKE.days;
  for (const [k, day] of days.entries()) {
    for (const [m, [code]] of TANGERANG_MARKETS.entries()) {
      const items = Object.entries(BASE_PRICES).map(([commodity, base]) => {
        // Each market sits a little above or below the city, and the days wander a little.
        let price = base * (1 + (m - 2.5) * 0.012 + (random() - 0.5) * 0.03);
        if (commodity === SPIKE.commodity && k > spikeFrom)
          price *= 1 + (SPIKE.rise * (k - spikeFrom)) / SPIKE.days;
        const step = base >= 50_000 ? 1_000 : 250;
        return {
          commodity,
          quotes: [
            roundTo(price * (1 - random() * 0.02), step),
            roundTo(price * (1 + random() * 0.02), step),
          ],
        };
      });
      await saveEntries(platform, scope, tenant, code, day, { items }, officer, 'id', now);
    }
    // Today's prices wait for the supervisor in the console.
    if (day === today) continue;
    await verifyDay(platform, scope, tenant, day, undefined, manager, now);
    await publishDay(platform, scope, tenant, day, manager, 'id', now);
  }
}
