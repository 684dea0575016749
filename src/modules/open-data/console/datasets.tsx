/**
 * The producer's home: the datasets of the agencies their grant reaches, in every state or one
 * (the filter lives in the address, so a filtered list can be shared), newest change first, paged.
 */
import { type FormEvent, useState } from 'react';
import { Link, navigate, Problem, useConsole, useLoad } from '../../../platform/sdk/console.ts';
import type { DatasetType } from '../schemas.ts';
import { DATASET_STATES } from '../tables.ts';
import { DatasetTable } from './dataset-table.tsx';
import { API, useDatasetEvents } from './kit.ts';
import { OpenDataNav } from './nav.tsx';

const PAGE = 50;

/** `?state=&offset=` as the API takes them (anything else: the first page of every state). */
export function listQuery(search: URLSearchParams, states: readonly string[]) {
  const state = search.get('state') ?? '';
  const offset = Number(search.get('offset') ?? 0);
  return {
    state: states.includes(state) ? state : '',
    offset: Number.isInteger(offset) && offset > 0 ? offset : 0,
  };
}

/** The address of a page of a list. */
export function pageAddress(base: string, state: string, offset: number): string {
  const params = new URLSearchParams();
  if (state) params.set('state', state);
  if (offset) params.set('offset', String(offset));
  const qs = params.toString();
  return qs ? `${base}?${qs}` : base;
}

export function DatasetsSection({ search }: { search: URLSearchParams }) {
  const { api, t } = useConsole();
  const { state, offset } = listQuery(search, DATASET_STATES);
  const list = useLoad(
    () =>
      api.get<{ datasets: DatasetType[] }>(`${API}/datasets`, {
        state: state || undefined,
        limit: PAGE,
        offset,
      }),
    [state, offset],
  );
  useDatasetEvents(list.reload);
  const [draft, setDraft] = useState(state);
  const apply = (e: FormEvent) => {
    e.preventDefault();
    navigate(pageAddress('/open-data', draft, 0));
  };
  const items = list.data?.datasets ?? [];
  return (
    <section aria-labelledby="od-title">
      <OpenDataNav current="datasets" />
      <h1 id="od-title">{t('openData.list.title')}</h1>
      <p className="lead">{t('openData.list.intro')}</p>
      <p>
        <Link to="/open-data/baru" className="button">
          {t('openData.list.new')}
        </Link>
      </p>
      <form className="filters" aria-label={t('openData.list.filter')} onSubmit={apply}>
        <label htmlFor="od-filter-state">{t('openData.list.state')}</label>
        <select id="od-filter-state" value={draft} onChange={(e) => setDraft(e.target.value)}>
          <option value="">{t('openData.state.any')}</option>
          {DATASET_STATES.map((s) => (
            <option key={s} value={s}>
              {t(`openData.state.${s}`)}
            </option>
          ))}
        </select>
        <button type="submit">{t('openData.list.show')}</button>
      </form>
      <Problem error={list.error} />
      {list.data && items.length === 0 ? <p className="empty">{t('openData.list.empty')}</p> : null}
      {items.length ? (
        <DatasetTable
          id="od-datasets"
          label={t('openData.list.table')}
          datasets={items}
          linkTo={(d) => `/open-data/dataset/${d.id}`}
        />
      ) : null}
      <Pager base="/open-data" state={state} offset={offset} full={items.length === PAGE} />
    </section>
  );
}

/** Earlier and later pages of a list, when there are any. */
export function Pager(props: { base: string; state: string; offset: number; full: boolean }) {
  const { t } = useConsole();
  if (!props.offset && !props.full) return null;
  return (
    <nav className="pager" aria-label={t('openData.list.pages')}>
      {props.offset ? (
        <Link to={pageAddress(props.base, props.state, Math.max(0, props.offset - PAGE))}>
          {t('openData.list.previous')}
        </Link>
      ) : null}
      {props.full ? (
        <Link to={pageAddress(props.base, props.state, props.offset + PAGE)}>{t('openData.list.next')}</Link>
      ) : null}
    </nav>
  );
}
