/**
 * Price-rise alerts: raised at publication and on corrections (once per day, commodity and place),
 * told to the command centre and mailed to subscribers; the staff's list of them, and their
 * subscriptions to alerts and the daily summary.
 */
import {
  emitEvent,
  enqueueNotification,
  invalid,
  type Platform,
  type Role,
  recordAudit,
  type TenantScope,
  translator,
  type VerifiedTenant,
} from '../../../platform/sdk/index.ts';
import type { LocalDate } from '../../../platform/sdk/shared.ts';
import { PERM } from '../permissions.ts';
import { addDays, formatRupiah, percentChange, risesAbove } from '../prices.ts';
import { type AlertValues, insertAlert, listAlerts } from '../repo/alerts.ts';
import { publishedDaysDesc } from '../repo/days.ts';
import { entriesOfDays, latestPublished } from '../repo/entries.ts';
import { rollupsOfDays } from '../repo/rollups.ts';
import { staffWithGrants } from '../repo/staff.ts';
import { readSubscription, subscribers, writeSubscription } from '../repo/subscriptions.ts';
import type { AlertsQueryType } from '../schemas.ts';
import { type Lang, loadConfig, type MarketPricesConfig } from './config.ts';
import { todayOf } from './today.ts';

type NewAlert = AlertValues & { id: string };

/**
 * Compares the published prices of `day` with the prices a week before (the latest published day
 * on or before seven days earlier), city-wide and per market; a rise beyond the tenant's alert
 * percentage is recorded once, told to the command centre as a `price.alert` event and mailed
 * to the staff subscribed to alerts. Returns how many alerts are new.
 */
export async function raiseAlerts(
  platform: Platform,
  scope: TenantScope,
  tenant: VerifiedTenant,
  config: MarketPricesConfig,
  day: LocalDate,
  commodityIds: readonly string[],
  lang: Lang,
): Promise<number> {
  const percent = config.settings.alertPercent;
  const weekBefore = (await publishedDaysDesc(scope, addDays(day, -7), 1, null))[0]?.day ?? null;
  const wanted = new Set(commodityIds);
  const candidates: AlertValues[] = [];
  if (weekBefore) {
    const rollups = await rollupsOfDays(scope, [day, weekBefore]);
    for (const now of rollups.filter((r) => r.day === day && wanted.has(r.commodity_id))) {
      const then = rollups.find((r) => r.day === weekBefore && r.commodity_id === now.commodity_id);
      if (then && risesAbove(now.avg_price, then.avg_price, percent)) {
        candidates.push({
          day,
          commodity_id: now.commodity_id,
          market_id: null,
          previous_day: weekBefore,
          previous: then.avg_price,
          current: now.avg_price,
          percent: percentChange(now.avg_price, then.avg_price),
        });
      }
    }
  }
  const published = (await entriesOfDays(scope, [day], { publishedOnly: true })).filter((e) =>
    wanted.has(e.commodity_id),
  );
  const marketIds = [...new Set(published.map((e) => e.market_id))];
  const before = await latestPublished(scope, marketIds, addDays(day, -7), true);
  const beforeOf = new Map(before.map((b) => [`${b.market_id}|${b.commodity_id}`, b]));
  for (const e of published) {
    const then = beforeOf.get(`${e.market_id}|${e.commodity_id}`);
    if (then && risesAbove(e.price, then.price, percent)) {
      candidates.push({
        day,
        commodity_id: e.commodity_id,
        market_id: e.market_id,
        previous_day: then.day,
        previous: then.price,
        current: e.price,
        percent: percentChange(e.price, then.price),
      });
    }
  }
  const fresh: NewAlert[] = [];
  for (const a of candidates) {
    const id = await insertAlert(scope, a);
    if (!id) continue;
    fresh.push({ ...a, id });
    await emitEvent(scope, {
      type: 'price.alert',
      entityType: 'price_alert',
      entityId: id,
      data: {
        day: a.day,
        commodityId: a.commodity_id,
        marketId: a.market_id,
        previous: a.previous,
        current: a.current,
        percent: a.percent,
      },
    });
  }
  if (fresh.length > 0) await mailAlerts(platform, scope, tenant, config, fresh, lang);
  return fresh.length;
}

/** Subscribers who still hold the permission to read alerts. */
export async function allowedSubscribers(
  platform: Platform,
  scope: TenantScope,
  kind: 'alerts' | 'daily_summary',
) {
  const subs = await subscribers(scope, kind);
  const staff = await staffWithGrants(
    scope,
    subs.map((s) => s.id),
  );
  const allowed = new Set(
    staff
      .filter((u) =>
        platform.permissions.allowsSomewhere(
          u.grants.map((g) => ({ ...g, role: g.role as Role })),
          PERM.alertRead,
        ),
      )
      .map((u) => u.id),
  );
  return subs.filter((s) => allowed.has(s.id));
}

/** The mails are written in Indonesian. */
export const rupiah = (n: number) => formatRupiah(n, 'id');

async function mailAlerts(
  platform: Platform,
  scope: TenantScope,
  tenant: VerifiedTenant,
  config: MarketPricesConfig,
  alerts: readonly NewAlert[],
  lang: Lang,
) {
  const to = await allowedSubscribers(platform, scope, 'alerts');
  if (to.length === 0) return;
  const t = translator(tenant.defaultLanguage);
  const first = alerts[0]!;
  const lines = alerts.map((a) =>
    t('market-prices.mail.alertLine', {
      commodity: config.commodityById.get(a.commodity_id)?.name[tenant.defaultLanguage ?? lang] ?? '',
      place: a.market_id ? (config.marketById.get(a.market_id)?.name ?? '') : t('market-prices.city'),
      previous: rupiah(a.previous),
      previousDay: a.previous_day,
      current: rupiah(a.current),
      percent: a.percent,
    }),
  );
  for (const s of to) {
    await enqueueNotification(scope, {
      channel: 'email',
      to: s.email,
      subject: t('market-prices.mail.alertSubject', {
        count: alerts.length,
        day: first.day,
        tenant: tenant.name,
      }),
      body: [t('market-prices.mail.alertIntro', { day: first.day, tenant: tenant.name }), ...lines].join(
        '\n',
      ),
    });
  }
}

export async function alertsView(
  platform: Platform,
  scope: TenantScope,
  tenant: VerifiedTenant,
  q: AlertsQueryType,
  lang: Lang,
  now: Date = new Date(),
) {
  const config = await loadConfig(platform, scope);
  const to = q.to ?? todayOf(tenant, now);
  const from = q.from ?? addDays(to, -30);
  if (from > to) throw invalid({ path: '/querystring/from', code: 'date_order' });
  const rows = await listAlerts(scope, from, to, q.limit ?? 100, q.order ?? 'day');
  return {
    items: rows.map((a) => {
      const c = config.commodityById.get(a.commodity_id)!;
      const m = a.market_id ? config.marketById.get(a.market_id) : undefined;
      return {
        id: a.id,
        day: a.day,
        commodity: { code: c.code, name: c.name[lang], unit: c.unit },
        market: m ? { code: m.code, name: m.name } : null,
        previousDay: a.previous_day,
        previous: a.previous,
        current: a.current,
        percent: a.percent,
        createdAt: a.created_at.toISOString(),
      };
    }),
  };
}

export async function subscriptionOf(scope: TenantScope, userId: string) {
  const row = await readSubscription(scope, userId);
  return { alerts: row?.alerts ?? false, dailySummary: row?.daily_summary ?? false };
}

export async function setSubscription(
  scope: TenantScope,
  userId: string,
  alerts: boolean,
  dailySummary: boolean,
) {
  await writeSubscription(scope, userId, alerts, dailySummary);
  await recordAudit(scope, {
    action: 'market-prices.subscription.set',
    entityType: 'price_subscription',
    entityId: userId,
    after: { alerts, dailySummary },
  });
  return { alerts, dailySummary };
}
