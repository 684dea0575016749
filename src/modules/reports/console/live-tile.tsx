/**
 * The reports' tile of the LIVE Room: counts by status, overdue work per agency, agency
 * responsiveness (withheld below the tenant's minimum sample), the latest reports and a map, all
 * kept current by the tenant's live events.
 */
import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import {
  Problem,
  useConsole,
  useLiveEvents,
  useLiveReopened,
  useLoad,
} from '../../../platform/sdk/console.ts';
import type { Point } from '../../../platform/sdk/console-map.ts';
import type { AgencyStatsType, SummaryType } from '../schemas.ts';
import { REPORT_EVENTS } from './events.ts';
import type { ReportPage } from './queue.tsx';

type Summary = SummaryType;
type AgencyStats = AgencyStatsType;

// The map (Leaflet) loads only with the wall screen, not with every console screen.
const ReportMap = lazy(() =>
  import('../../../platform/sdk/console-map.ts').then((m) => ({ default: m.ReportMap })),
);

const OWN_EVENTS: ReadonlySet<string> = new Set(REPORT_EVENTS);
const OPEN = ['received', 'awaiting_info', 'verified', 'disposed', 'in_progress', 'reopened'];
const SHOWN = ['received', 'verified', 'disposed', 'in_progress', 'done', 'closed', 'reopened'];

export default function ReportsLiveTile() {
  const { api, t } = useConsole();
  const [tick, setTick] = useState(0);
  const [fresh, setFresh] = useState<Set<string>>(new Set());
  const summary = useLoad(() => api.get<Summary>('/reports/stats/summary'), [tick]);
  const stats = useLoad(() => api.get<AgencyStats>('/reports/stats/agencies'), [tick]);
  const latest = useLoad(() => api.get<ReportPage>('/reports/inbox', { limit: 8 }), [tick]);
  const mapped = useLoad(() => api.get<ReportPage>('/reports/inbox', { status: OPEN, limit: 100 }), [tick]);

  // Events sent while the stream was down (a network drop, a server restart) are not replayed:
  // every figure is read again when it is back.
  useLiveReopened(() => setTick((n) => n + 1));
  useLiveEvents((_e, batch) => {
    // Other apps' events are their tiles' business: the reports' figures stay.
    if (!batch.some((e) => OWN_EVENTS.has(e.type))) return;
    const filed = batch.filter((e) => e.type === 'report.filed' && e.entityId).map((e) => e.entityId!);
    if (filed.length) setFresh((s) => new Set([...s, ...filed]));
    setTick((n) => n + 1);
  });
  // A new report stays highlighted for a minute.
  useEffect(() => {
    if (fresh.size === 0) return;
    const timer = setTimeout(() => setFresh(new Set()), 60_000);
    return () => clearTimeout(timer);
  }, [fresh]);

  const points = useMemo<Point[]>(
    () =>
      (mapped.data?.items ?? []).flatMap((r) =>
        r.lat !== null && r.lng !== null
          ? [
              {
                id: r.id,
                lat: r.lat,
                lng: r.lng,
                label: `${r.trackingNo} · ${r.category.name}`,
                overdue: r.overdue,
                fresh: fresh.has(r.id),
              },
            ]
          : [],
      ),
    [mapped.data, fresh],
  );
  const s = summary.data;
  const open = s ? OPEN.reduce((n, k) => n + (s.byStatus[k] ?? 0), 0) : 0;
  const { lang } = api.config;

  return (
    <>
      <Problem error={summary.error ?? stats.error ?? latest.error} />
      <section className="kpis" aria-label={t('live.byStatus')}>
        <Kpi label={t('live.total')} value={s?.total} id="kpi-total" />
        <Kpi label={t('live.open')} value={s ? open : undefined} id="kpi-open" />
        <Kpi label={t('live.overdue')} value={s?.overdue} id="kpi-overdue" alert={(s?.overdue ?? 0) > 0} />
        <Kpi
          label={t('live.doneToday')}
          value={s ? (s.byStatus.done ?? 0) + (s.byStatus.closed ?? 0) : undefined}
          id="kpi-done"
        />
      </section>
      <section aria-labelledby="by-status">
        <h2 id="by-status">{t('live.byStatus')}</h2>
        <ul className="bars">
          {SHOWN.map((k) => {
            const n = s?.byStatus[k] ?? 0;
            const max = Math.max(1, ...Object.values(s?.byStatus ?? {}));
            return (
              <li key={k} data-status={k}>
                <span className="bar-label">{t(`status.${k}`)}</span>
                <span className="bar" style={{ width: `${(n / max) * 100}%` }} aria-hidden="true" />
                <span className="bar-value">{n}</span>
              </li>
            );
          })}
        </ul>
      </section>
      <section aria-labelledby="map-title" className="live-map">
        <h2 id="map-title">{t('live.map')}</h2>
        <Suspense fallback={<div className="map" />}>
          <ReportMap config={api.config} points={points} label={t('live.map')} />
        </Suspense>
      </section>
      <section aria-labelledby="by-agency">
        <h2 id="by-agency">{t('live.byAgency')}</h2>
        {s && s.overdueByAgency.length === 0 ? <p>{t('live.none')}</p> : null}
        <ul className="plain">
          {(s?.overdueByAgency ?? [])
            .slice()
            .sort((a, b) => b.overdue - a.overdue)
            .map((a) => (
              <li key={a.agency.id}>
                <span>{a.agency.name}</span> <strong>{a.overdue}</strong>
              </li>
            ))}
        </ul>
      </section>
      <section aria-labelledby="responsiveness">
        <h2 id="responsiveness">{t('live.responsiveness')}</h2>
        <table className="list">
          <thead>
            <tr>
              <th scope="col">{t('agency')}</th>
              <th scope="col">{t('live.median')}</th>
              <th scope="col">{t('live.onTime')}</th>
            </tr>
          </thead>
          <tbody>
            {(stats.data?.agencies ?? []).map((a) => (
              <tr key={a.agency.id}>
                <td>{a.agency.name}</td>
                {a.enoughData ? (
                  <>
                    <td>{a.medianFollowUpDays?.toLocaleString(lang)}</td>
                    <td>{a.onTimeShare !== null ? `${Math.round(a.onTimeShare * 100)}%` : ''}</td>
                  </>
                ) : (
                  <td colSpan={2}>{t('live.sample')}</td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section aria-labelledby="latest" className="live-latest">
        <h2 id="latest">{t('live.latest')}</h2>
        <ol className="plain" id="latest-list">
          {(latest.data?.items ?? []).map((r) => (
            <li key={r.id} className={fresh.has(r.id) ? 'fresh' : undefined} data-tracking-no={r.trackingNo}>
              <span className="mono">{r.trackingNo}</span> {r.category.name} ·{' '}
              <span className={`status-${r.status}`}>{t(`status.${r.status}`)}</span>
              {r.overdue ? <> · {t('overdue')}</> : null}
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}

function Kpi({
  label,
  value,
  id,
  alert,
}: {
  label: string;
  value: number | undefined;
  id: string;
  alert?: boolean;
}) {
  return (
    <div className={alert ? 'kpi alert' : 'kpi'}>
      <span className="kpi-value" id={id} aria-describedby={`${id}-label`}>
        {value ?? '–'}
      </span>
      <span className="kpi-label" id={`${id}-label`}>
        {label}
      </span>
    </div>
  );
}
