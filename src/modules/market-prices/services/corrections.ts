/**
 * Corrections of a published price by a supervisor, with a reason kept in the audit trail.
 */
import {
  AppError,
  invalid,
  type Platform,
  recordAudit,
  type TenantScope,
  type VerifiedTenant,
} from '../../../platform/sdk/index.ts';
import type { LocalDate } from '../../../platform/sdk/shared.ts';
import { medianPrice } from '../prices.ts';
import { readDay } from '../repo/days.ts';
import { entriesOfDays, writeCorrection } from '../repo/entries.ts';
import type { CorrectionInputType } from '../schemas.ts';
import { raiseAlerts } from './alerts.ts';
import { writeRollups } from './city-rollup.ts';
import { type Access, changed, type Lang, loadConfig, requireMarket } from './config.ts';
import { quoteErrors } from './entry.ts';

/**
 * A supervisor's correction of one published price, with a reason: the audit trail keeps the
 * price before and after and the reason, the city rollup of that day is recomputed, and a rise it
 * reveals raises its alert.
 */
export async function correctEntry(
  platform: Platform,
  scope: TenantScope,
  tenant: VerifiedTenant,
  marketCode: string,
  day: LocalDate,
  input: CorrectionInputType,
  access: Access,
  lang: Lang,
  now: Date = new Date(),
) {
  const config = await loadConfig(platform, scope);
  const market = requireMarket(config, marketCode);
  if (!access.may(market.agency_id)) throw new AppError('forbidden');
  const dayRow = await readDay(scope, day, true);
  if (dayRow?.status !== 'published') {
    throw new AppError('conflict', { detailKey: 'not_published', params: { day } });
  }
  const c = config.commodityByCode.get(input.commodity);
  if (!c) throw invalid({ path: '/body/commodity', code: 'unknown_commodity' });
  const errors = quoteErrors(c, input.quotes, (j) => `/body/quotes/${j}`, lang);
  if (errors.length > 0) throw invalid(...errors);
  const [before] = (await entriesOfDays(scope, [day], { marketIds: [market.id], forUpdate: true })).filter(
    (e) => e.commodity_id === c.id,
  );
  const price = medianPrice(input.quotes)!;
  await writeCorrection(
    scope,
    { marketId: market.id, commodityId: c.id, day, quotes: input.quotes, price, userId: access.userId },
    now,
  );
  await writeRollups(scope, day, [c.id]);
  const alerts = await raiseAlerts(platform, scope, tenant, config, day, [c.id], lang);
  await recordAudit(scope, {
    action: 'market-prices.price.correct',
    entityType: 'price_entry',
    entityId: `${market.code}/${c.code}/${day}`,
    before: before ? { quotes: before.quotes, price: before.price, status: before.status } : null,
    after: { quotes: input.quotes, price, reason: input.reason },
  });
  await changed(scope);
  return { market: market.code, commodity: c.code, day, before: before?.price ?? null, price, alerts };
}
