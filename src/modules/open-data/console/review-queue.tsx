/**
 * The walidata's queue: the datasets sent for their check, with when each was sent; on asking,
 * the published ones (to take one off the catalogue or change its classification) or those taken
 * off.
 */
import { type FormEvent, useState } from 'react';
import { navigate, Problem, useConsole, useLoad } from '../../../platform/sdk/console.ts';
import type { DatasetType } from '../schemas.ts';
import { DatasetTable } from './dataset-table.tsx';
import { listQuery, Pager, pageAddress } from './datasets.tsx';
import { API, useDatasetEvents } from './kit.ts';
import { OpenDataNav } from './nav.tsx';

const STATES = ['submitted', 'published', 'unpublished'] as const;

export function ReviewQueueSection({ search }: { search: URLSearchParams }) {
  const { api, t } = useConsole();
  const query = listQuery(search, STATES);
  const state = query.state || 'submitted';
  const list = useLoad(
    () => api.get<{ datasets: DatasetType[] }>(`${API}/datasets`, { state, limit: 50, offset: query.offset }),
    [state, query.offset],
  );
  useDatasetEvents(list.reload);
  const [draft, setDraft] = useState(state);
  const apply = (e: FormEvent) => {
    e.preventDefault();
    navigate(pageAddress('/open-data/periksa', draft === 'submitted' ? '' : draft, 0));
  };
  const items = list.data?.datasets ?? [];
  return (
    <section aria-labelledby="od-queue-title">
      <OpenDataNav current="review" />
      <h1 id="od-queue-title">{t('openData.queue.title')}</h1>
      <p className="lead">{t('openData.queue.intro')}</p>
      <form className="filters" aria-label={t('openData.list.filter')} onSubmit={apply}>
        <label htmlFor="od-queue-state">{t('openData.list.state')}</label>
        <select id="od-queue-state" value={draft} onChange={(e) => setDraft(e.target.value)}>
          {STATES.map((s) => (
            <option key={s} value={s}>
              {t(`openData.state.${s}`)}
            </option>
          ))}
        </select>
        <button type="submit">{t('openData.list.show')}</button>
      </form>
      <Problem error={list.error} />
      {list.data && items.length === 0 ? (
        <p className="empty">{t(state === 'submitted' ? 'openData.queue.empty' : 'openData.list.empty')}</p>
      ) : null}
      {items.length ? (
        <DatasetTable
          id="od-queue"
          label={t('openData.queue.table')}
          datasets={items}
          linkTo={(d) => `/open-data/periksa/${d.id}`}
          when={state === 'submitted' ? 'submitted' : 'modified'}
        />
      ) : null}
      <Pager
        base="/open-data/periksa"
        state={state === 'submitted' ? '' : state}
        offset={query.offset}
        full={items.length === 50}
      />
    </section>
  );
}
