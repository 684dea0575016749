/**
 * The leaders' daily summary by email, once today's prices are public.
 */

import {
  enqueueNotification,
  type Platform,
  type TenantScope,
  translator,
  type VerifiedTenant,
} from '../../../platform/sdk/index.ts';
import { localInstant } from '../../../platform/sdk/shared.ts';
import type { Change } from '../prices.ts';
import { listAlerts } from '../repo/alerts.ts';
import { readDay } from '../repo/days.ts';
import { claimSummary } from '../repo/settings.ts';
import { allowedSubscribers, rupiah } from './alerts.ts';
import { loadConfig } from './config.ts';
import { todayView } from './public-views.ts';
import { todayOf } from './today.ts';

/**
 * The leaders' daily summary: once today's prices are public (after the publication time), one
 * email per summary subscriber with the city's prices, their change against yesterday and last
 * week, and the day's alerts. Sent at most once per day per tenant, whichever process runs it.
 */
export async function runDailySummary(
  platform: Platform,
  scope: TenantScope,
  tenant: VerifiedTenant,
  now: Date = new Date(),
): Promise<{ sent: number }> {
  const config = await loadConfig(platform, scope);
  const today = todayOf(tenant, now);
  if (now < localInstant(today, config.settings.publishTime, tenant.timeZone)) return { sent: 0 };
  const dayRow = await readDay(scope, today);
  if (dayRow?.status !== 'published' || dayRow.public_from! > now) return { sent: 0 };
  if (!(await claimSummary(scope, today))) return { sent: 0 };
  const to = await allowedSubscribers(platform, scope, 'daily_summary');
  if (to.length === 0) return { sent: 0 };
  const lang = tenant.defaultLanguage;
  const t = translator(lang);
  const view = await todayView(platform, scope, tenant, today, lang, now);
  const alerts = await listAlerts(scope, today, today, 50);
  const pct = (c: Change | null) => (c ? `${c.percent > 0 ? '+' : ''}${c.percent}%` : '–');
  const lines = view.city.map((r) =>
    t('market-prices.mail.summaryLine', {
      commodity: r.commodity.name,
      unit: r.commodity.unit,
      price: rupiah(r.price),
      yesterday: pct(r.change.yesterday),
      week: pct(r.change.week),
      cheapest: r.cheapest.name,
    }),
  );
  const body = [
    t('market-prices.mail.summaryIntro', { day: today, tenant: tenant.name, markets: view.markets.length }),
    '',
    ...lines,
    '',
    t('market-prices.mail.summaryAlerts', { count: alerts.length }),
  ].join('\n');
  for (const s of to) {
    await enqueueNotification(scope, {
      channel: 'email',
      to: s.email,
      subject: t('market-prices.mail.summarySubject', { day: today, tenant: tenant.name }),
      body,
    });
  }
  return { sent: to.length };
}
