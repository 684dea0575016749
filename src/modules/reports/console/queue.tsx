/**
 * The two work lists: the operators' triage queue (reports to verify, assign or handle again) and
 * an agency's work (reports assigned to it, with their deadlines). Both read the staff inbox, which
 * the server limits to the caller's agencies; filters stay in the address so a reload keeps them.
 */
import { type FormEvent, useEffect, useState } from 'react';
import {
  formatWhen,
  Link,
  navigate,
  Problem,
  useConsole,
  useLiveEvents,
  useLoad,
} from '../../../platform/sdk/console.ts';
import type { ReportItemType, ReportPageType } from '../schemas.ts';
import { StatusBadge } from './status-badge.tsx';

export type ReportItem = ReportItemType;
export type ReportPage = ReportPageType;

const QUEUES = {
  triage: ['received', 'reopened', 'verified', 'done'],
  work: ['disposed', 'in_progress'],
} as const;

const PAGE = 25;

export function ReportQueue({ kind, search }: { kind: 'triage' | 'work'; search: URLSearchParams }) {
  const { api, t } = useConsole();
  const statuses: readonly string[] = QUEUES[kind];
  const status = search.get('status') ?? '';
  const q = search.get('q') ?? '';
  const overdue = search.get('overdue') === '1';
  const offset = Number(search.get('offset') ?? 0) || 0;
  const [text, setText] = useState(q);
  useEffect(() => setText(q), [q]);

  const list = useLoad(
    () =>
      api.get<ReportPage>('/reports/inbox', {
        status: status ? [status] : statuses,
        q: q || undefined,
        overdue: overdue ? true : undefined,
        limit: PAGE,
        offset,
      }),
    [status, q, overdue, offset, kind],
  );
  // New reports and moves by others show up without a reload.
  useLiveEvents((event) => {
    if (event.type.startsWith('report.')) list.reload();
  });

  const go = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(search);
    for (const [k, v] of Object.entries(changes)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    if (!('offset' in changes)) next.delete('offset');
    const qs = next.toString();
    navigate(`/${kind === 'triage' ? 'triase' : 'tugas'}${qs ? `?${qs}` : ''}`, { replace: true });
  };
  const onSearch = (e: FormEvent) => {
    e.preventDefault();
    go({ q: text.trim() || undefined });
  };
  const { lang, timeZone } = api.config;

  return (
    <section aria-labelledby="queue-title">
      <h1 id="queue-title">{t(`${kind}.title`)}</h1>
      <p className="lead">{t(`${kind}.intro`)}</p>
      <form className="filters" onSubmit={onSearch} aria-label={t('search')}>
        <label htmlFor="queue-status">{t('statusFilter')}</label>
        <select
          id="queue-status"
          value={status}
          onChange={(e) => go({ status: e.target.value || undefined })}
        >
          <option value="">{t('all')}</option>
          {statuses.map((s) => (
            <option key={s} value={s}>
              {t(`status.${s}`)}
            </option>
          ))}
        </select>
        <label className="check">
          <input
            type="checkbox"
            checked={overdue}
            onChange={(e) => go({ overdue: e.target.checked ? '1' : undefined })}
          />
          {t('onlyOverdue')}
        </label>
        <label htmlFor="queue-q">{t('searchLabel')}</label>
        <input id="queue-q" type="search" value={text} onChange={(e) => setText(e.target.value)} />
        <button type="submit">{t('search')}</button>
      </form>
      <Problem error={list.error} />
      {list.data ? (
        <>
          <p aria-live="polite">{t('count', { count: list.data.total })}</p>
          {list.data.items.length === 0 ? (
            <p className="empty">{t('nothing')}</p>
          ) : (
            <table className="list stack">
              <thead>
                <tr>
                  <th scope="col">{t('trackingNo')}</th>
                  <th scope="col">{t('category')}</th>
                  <th scope="col">{t('description')}</th>
                  <th scope="col">{t('statusFilter')}</th>
                  {kind === 'work' ? <th scope="col">{t('agency')}</th> : null}
                  <th scope="col">{t('filed')}</th>
                  <th scope="col">{t('due')}</th>
                </tr>
              </thead>
              <tbody>
                {list.data.items.map((r) => (
                  <tr key={r.id} className={r.overdue ? 'is-overdue' : undefined}>
                    <td data-label={t('trackingNo')}>
                      <Link to={`/laporan/${r.trackingNo}`}>{r.trackingNo}</Link>
                    </td>
                    <td data-label={t('category')}>{r.category.name}</td>
                    <td data-label={t('description')} className="desc">
                      {r.description}
                    </td>
                    <td data-label={t('statusFilter')}>
                      <StatusBadge status={r.status} overdue={r.overdue} />
                    </td>
                    {kind === 'work' ? <td data-label={t('agency')}>{r.agency?.name ?? ''}</td> : null}
                    <td data-label={t('filed')}>{formatWhen(r.createdAt, lang, timeZone)}</td>
                    <td data-label={t('due')}>{formatWhen(r.dueAt, lang, timeZone)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <Pager
            total={list.data.total}
            offset={offset}
            onOffset={(o) => go({ offset: o ? String(o) : undefined })}
          />
        </>
      ) : list.loading ? (
        <p className="loading">{t('loading')}</p>
      ) : null}
    </section>
  );
}

function Pager({
  total,
  offset,
  onOffset,
}: {
  total: number;
  offset: number;
  onOffset: (o: number) => void;
}) {
  const { t } = useConsole();
  if (total <= PAGE) return null;
  return (
    <nav className="pager" aria-label={t('pages')}>
      <button type="button" disabled={offset === 0} onClick={() => onOffset(Math.max(0, offset - PAGE))}>
        {t('previous')}
      </button>
      <span>
        {offset + 1}–{Math.min(total, offset + PAGE)} / {total}
      </span>
      <button type="button" disabled={offset + PAGE >= total} onClick={() => onOffset(offset + PAGE)}>
        {t('next')}
      </button>
    </nav>
  );
}
