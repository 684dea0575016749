/**
 * Price-rise alerts (a month back, newest first, kept current by the `price.alert` event) and the
 * signed-in staff member's own email subscription: every alert, the daily summary, or neither.
 */
import { useEffect } from 'react';
import {
  formatDay,
  Outcome,
  Problem,
  Scroll,
  useConsole,
  useForm,
  useLiveEvents,
  useLoad,
} from '../../../platform/sdk/console.ts';
import { formatRupiah } from '../prices.ts';
import type { PriceAlert } from './kit.tsx';
import { formatPercent } from './quotes.ts';

type Subscription = { alerts: boolean; dailySummary: boolean };

export function AlertsSection() {
  const { api, t } = useConsole();
  const alerts = useLoad(() => api.get<{ items: PriceAlert[] }>('/market-prices/alerts'), []);
  useLiveEvents((_e, batch) => {
    if (batch.some((e) => e.type === 'price.alert')) alerts.reload();
  });
  const { lang } = api.config;
  return (
    <section aria-labelledby="alerts-title" className="price-alerts">
      <h1 id="alerts-title">{t('prices.alerts.title')}</h1>
      <p className="lead">{t('prices.alerts.intro')}</p>
      <SubscriptionForm />
      <h2 id="alerts-list">{t('prices.alerts.title')}</h2>
      <Problem error={alerts.error} />
      {alerts.data && alerts.data.items.length === 0 ? (
        <p className="empty">{t('prices.alerts.none')}</p>
      ) : null}
      {alerts.data && alerts.data.items.length > 0 ? (
        <Scroll label={t('prices.alerts.title')}>
          <table className="list stack" aria-labelledby="alerts-list">
            <thead>
              <tr>
                <th scope="col">{t('prices.alerts.dayCol')}</th>
                <th scope="col">{t('prices.alerts.commodity')}</th>
                <th scope="col">{t('prices.alerts.place')}</th>
                <th scope="col">{t('prices.alerts.from')}</th>
                <th scope="col">{t('prices.alerts.to')}</th>
                <th scope="col">{t('prices.alerts.rise')}</th>
              </tr>
            </thead>
            <tbody>
              {alerts.data.items.map((a) => (
                <tr key={a.id} data-alert-id={a.id}>
                  <td data-label={t('prices.alerts.dayCol')}>{formatDay(a.day, lang)}</td>
                  <td data-label={t('prices.alerts.commodity')}>{a.commodity.name}</td>
                  <td data-label={t('prices.alerts.place')}>{a.market?.name ?? t('prices.alerts.city')}</td>
                  <td data-label={t('prices.alerts.from')}>
                    {formatRupiah(a.previous, lang)}{' '}
                    <span className="muted">({formatDay(a.previousDay, lang)})</span>
                  </td>
                  <td data-label={t('prices.alerts.to')}>{formatRupiah(a.current, lang)}</td>
                  <td data-label={t('prices.alerts.rise')}>
                    <strong>{formatPercent(a.percent, lang)}</strong>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </Scroll>
      ) : null}
    </section>
  );
}

function SubscriptionForm() {
  const { api, t } = useConsole();
  const current = useLoad(() => api.get<Subscription>('/market-prices/alerts/subscription'), []);
  const form = useForm<Subscription>({ alerts: false, dailySummary: false });
  // biome-ignore lint/correctness/useExhaustiveDependencies: the form takes the server's answer when it comes
  useEffect(() => {
    if (current.data) form.reset(current.data);
  }, [current.data]);
  const v = form.values;
  const submit = form.submit(
    () => api.put<Subscription>('/market-prices/alerts/subscription', v),
    t('prices.alerts.subscriptionSaved'),
    current.reload,
  );
  return (
    <form className="card" onSubmit={submit} noValidate aria-labelledby="subscription-title">
      <h2 id="subscription-title">{t('prices.alerts.subscription')}</h2>
      <p className="muted">{t('prices.alerts.subscriptionIntro')}</p>
      <Problem error={current.error} />
      <Outcome form={form} />
      <label className="check big-check">
        <input type="checkbox" checked={v.alerts} onChange={(e) => form.set('alerts', e.target.checked)} />
        {t('prices.alerts.subAlerts')}
      </label>
      <label className="check big-check">
        <input
          type="checkbox"
          checked={v.dailySummary}
          onChange={(e) => form.set('dailySummary', e.target.checked)}
        />
        {t('prices.alerts.subSummary')}
      </label>
      <button type="submit" className="primary" disabled={form.busy || !current.data}>
        {t('prices.alerts.saveSubscription')}
      </button>
    </form>
  );
}
