/**
 * The LIVE Room's price alerts: the latest raised on opening (by when they were raised, so that an
 * alert from a correction of an earlier day is among them), and each new one as its `price.alert`
 * event arrives (the event carries ids and numbers only, so the list is read again through the API
 * and its permission). The list is read again when the live stream comes back after a drop, since
 * the events sent meanwhile are not replayed. A new alert stays highlighted for a minute.
 */
import { useEffect, useState } from 'react';
import {
  LOCALES,
  Problem,
  useConsole,
  useLiveEvents,
  useLiveReopened,
  useLoad,
} from '../../../platform/sdk/console.ts';
import { formatRupiah } from '../prices.ts';
import type { PriceAlert } from './kit.tsx';

export function LivePriceAlerts() {
  const { api, t } = useConsole();
  const alerts = useLoad(
    () => api.get<{ items: PriceAlert[] }>('/market-prices/alerts', { limit: 8, order: 'recent' }),
    [],
  );
  const [fresh, setFresh] = useState<Set<string>>(new Set());
  useLiveEvents((_e, batch) => {
    const ids = batch.filter((e) => e.type === 'price.alert' && e.entityId).map((e) => e.entityId!);
    if (ids.length === 0) return;
    setFresh((s) => new Set([...s, ...ids]));
    alerts.reload();
  });
  useLiveReopened(() => alerts.reload());
  useEffect(() => {
    if (fresh.size === 0) return;
    const timer = setTimeout(() => setFresh(new Set()), 60_000);
    return () => clearTimeout(timer);
  }, [fresh]);
  const { lang } = api.config;
  const items = alerts.data?.items ?? [];
  return (
    <section aria-labelledby="price-alerts" className="live-prices">
      <h2 id="price-alerts">{t('prices.live.title')}</h2>
      <Problem error={alerts.error} />
      {alerts.data && items.length === 0 ? <p>{t('prices.live.none')}</p> : null}
      <ol className="plain" id="price-alert-list">
        {items.map((a) => (
          <li key={a.id} data-alert-id={a.id} className={fresh.has(a.id) ? 'fresh' : undefined}>
            {t('prices.live.line', {
              commodity: a.commodity.name,
              place: a.market?.name ?? t('prices.alerts.city'),
              from: formatRupiah(a.previous, lang),
              to: formatRupiah(a.current, lang),
              percent: a.percent.toLocaleString(LOCALES[lang]),
            })}
          </li>
        ))}
      </ol>
    </section>
  );
}
