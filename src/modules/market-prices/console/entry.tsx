/**
 * The officer's daily entry, made for a phone in a market hall: one of my markets and the day
 * (today in the tenant's zone), then every commodity with its previous published price, an input
 * per trader (numeric keyboard, large targets, Enter moves to the next input) and the market price
 * (the median) as it is typed. Only what changed is sent; a refusal saves nothing and its messages
 * stand beside the inputs they name. A published day is read-only and points to corrections.
 */
import { type FormEvent, type KeyboardEvent, useEffect, useRef, useState } from 'react';
import { ApiError, formatDay, Link, Problem, useConsole, useLoad } from '../../../platform/sdk/console.ts';
import { PERM } from '../permissions.ts';
import { formatRupiah } from '../prices.ts';
import { DayPicker, dayOf, type EntrySheet, MarketPicker, type MarketRef, setQuery } from './kit.tsx';
import {
  type EntryErrors,
  entryErrors,
  errorCount,
  previewMedian,
  quotesChanged,
  quoteTexts,
  typedQuotes,
} from './quotes.ts';

const MAX_QUOTES = 5;

/** The markets the signed-in officer is assigned to, and the one chosen in the address. */
export function useMyMarkets(search: URLSearchParams) {
  const { api } = useConsole();
  const markets = useLoad(() => api.get<{ items: MarketRef[] }>('/market-prices/entry'), []);
  const items = markets.data?.items ?? [];
  const asked = search.get('pasar');
  const market = items.find((m) => m.code === asked)?.code ?? items[0]?.code ?? '';
  return { markets, items, market };
}

export function EntrySection({ search }: { search: URLSearchParams }) {
  const { api, t, can } = useConsole();
  const { markets, items, market } = useMyMarkets(search);
  const day = dayOf(search, api.config.timeZone);
  const sheet = useLoad(
    () =>
      market
        ? api.get<EntrySheet>(`/market-prices/entry/${market}/${day}`)
        : Promise.resolve(undefined as EntrySheet | undefined),
    [market, day],
  );
  const [texts, setTexts] = useState<Record<string, string[]>>({});
  const [errors, setErrors] = useState<EntryErrors | undefined>();
  const [problem, setProblem] = useState<ApiError | undefined>();
  const [notice, setNotice] = useState('');
  const [busy, setBusy] = useState(false);
  // The sheet shown now: an answer to a save sent for another market or day is not put on it.
  const shown = useRef('');
  shown.current = `${market}|${day}`;

  // What the server holds becomes what the inputs say (on opening, and after a save).
  useEffect(() => {
    const data = sheet.data;
    if (!data) return;
    setTexts(Object.fromEntries(data.items.map((i) => [i.commodity, quoteTexts(i.quotes)])));
  }, [sheet.data]);
  // A new sheet starts without the last one's messages.
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset when the market or the day changes
  useEffect(() => {
    setErrors(undefined);
    setProblem(undefined);
    setNotice('');
  }, [market, day]);
  // After a refusal, the first refused input takes the focus, brought to the middle of the screen:
  // focus alone scrolls only an input out of the window, and one just above the sticky save bar
  // would stay under it once the bar shows the refusal.
  useEffect(() => {
    if (errors && errorCount(errors) > 0) {
      const input = document.querySelector<HTMLElement>('.price-entry [aria-invalid="true"]');
      input?.focus({ preventScroll: true });
      input?.scrollIntoView({ block: 'center' });
    }
  }, [errors]);

  const data = sheet.data?.market.code === market && sheet.data.day === day ? sheet.data : undefined;
  const published = data?.dayStatus === 'published';
  const unsaved =
    !!data && !published && data.items.some((i) => quotesChanged(texts[i.commodity] ?? [], i.quotes));
  /** Another market or day: after the officer agrees to drop what they typed and did not save. */
  const go = (changes: Record<string, string | undefined>) => {
    if (unsaved && !window.confirm(t('prices.entry.discard'))) return;
    setQuery('/harga/isian', search, changes);
  };
  const { lang } = api.config;

  const setQuote = (commodity: string, k: number, value: string) =>
    setTexts((all) => {
      const row = [...(all[commodity] ?? ['', ''])];
      row[k] = value;
      return { ...all, [commodity]: row };
    });
  const addTrader = (commodity: string) =>
    setTexts((all) => ({ ...all, [commodity]: [...(all[commodity] ?? []), ''] }));

  const save = async (e: FormEvent) => {
    e.preventDefault();
    if (!data || busy) return;
    setNotice('');
    setProblem(undefined);
    setErrors(undefined);
    const sent = data.items
      .filter((i) => quotesChanged(texts[i.commodity] ?? [], i.quotes))
      .map((i) => ({ commodity: i.commodity, ...typedQuotes(texts[i.commodity] ?? []) }));
    if (sent.length === 0) {
      setNotice(t('prices.entry.unchanged'));
      return;
    }
    setBusy(true);
    const sheetKey = shown.current;
    try {
      await api.put(`/market-prices/entry/${market}/${day}`, {
        items: sent.map((s) => ({ commodity: s.commodity, quotes: s.values })),
      });
      // Switched to another sheet meanwhile: that one says nothing of this save.
      if (shown.current !== sheetKey) return;
      setNotice(t('prices.entry.saved', { count: sent.filter((s) => s.values.length > 0).length }));
      sheet.reload();
    } catch (err) {
      if (shown.current !== sheetKey) return;
      const error = err instanceof ApiError ? err : new ApiError(0, 'unknown', String(err));
      if (error.fields.length > 0) setErrors(entryErrors(error.fields, sent));
      else setProblem(error);
    } finally {
      setBusy(false);
    }
  };

  /** Enter moves on to the next trader's input rather than sending the form half filled. */
  const onKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key !== 'Enter') return;
    e.preventDefault();
    const inputs = [...document.querySelectorAll<HTMLInputElement>('.price-entry input[data-quote]')];
    const next = inputs[inputs.indexOf(e.currentTarget) + 1];
    next?.focus();
  };

  const refused = errors ? errorCount(errors) : 0;
  const filled = data ? data.items.filter((i) => previewMedian(texts[i.commodity] ?? []) !== null).length : 0;
  const dayError =
    errors?.day ?? sheet.error?.fields.find((f) => f.path === '/params/day')?.message ?? undefined;
  const loadProblem = sheet.error && !sheet.error.fields.length ? sheet.error : undefined;

  return (
    <section aria-labelledby="entry-title" className="price-entry">
      <h1 id="entry-title">{t('prices.entry.title')}</h1>
      <p className="lead">{t('prices.entry.intro')}</p>
      <Problem error={markets.error} />
      {markets.data && items.length === 0 ? <p className="notice">{t('prices.noMarkets')}</p> : null}
      {items.length > 0 ? (
        <div className="grid-2 pickers">
          <MarketPicker
            id="entry-market"
            markets={items}
            market={market}
            onMarket={(pasar) => go({ pasar })}
          />
          <DayPicker id="entry-day" day={day} onDay={(tanggal) => go({ tanggal })} error={dayError} />
        </div>
      ) : null}
      <Problem error={loadProblem} />
      {published && data ? (
        <div className="notice" role="status" id="entry-published">
          <p>{t('prices.entry.published', { day: formatDay(day, lang) })}</p>
          <p>
            {can(PERM.verify) ? (
              <Link to={`/harga/tinjauan?tanggal=${day}`}>{t('prices.entry.toCorrections')}</Link>
            ) : (
              t('prices.entry.askSupervisor')
            )}
          </p>
        </div>
      ) : null}
      {data?.dayStatus === 'verified' ? <p className="notice">{t('prices.entry.verified')}</p> : null}
      {data ? (
        <form onSubmit={save} noValidate aria-labelledby="entry-title">
          <ul className="plain commodities" aria-label={t('prices.entry.commodities')}>
            {data.items.map((item) => {
              const row = texts[item.commodity] ?? quoteTexts(item.quotes);
              const median = previewMedian(row);
              const quoteErrors = errors?.quotes[item.commodity] ?? {};
              const rowError = errors?.rows[item.commodity];
              const base = `q-${item.commodity}`;
              return (
                <li key={item.commodity}>
                  <fieldset className="commodity" data-commodity={item.commodity}>
                    <legend>
                      {item.name} <span className="muted">{t('prices.perUnit', { unit: item.unit })}</span>
                    </legend>
                    <p className="previous">
                      {item.previous
                        ? t('prices.entry.previous', {
                            price: formatRupiah(item.previous.price, lang),
                            day: formatDay(item.previous.day, lang),
                          })
                        : t('prices.entry.noPrevious')}
                    </p>
                    <div className="quotes">
                      {row.map((text, k) => {
                        const id = `${base}-${k}`;
                        const error = quoteErrors[k];
                        // The input's own refusal, then its commodity's: both are said with it.
                        const described = [error ? `${id}-error` : '', rowError ? `${base}-error` : '']
                          .filter(Boolean)
                          .join(' ');
                        return (
                          // biome-ignore lint/suspicious/noArrayIndexKey: a trader's input is its position
                          <div key={k} className={error ? 'field has-error' : 'field'}>
                            <label htmlFor={id}>
                              <span className="sr-only">{item.name}, </span>
                              {t('prices.entry.traderLabel', { n: k + 1 })}
                            </label>
                            <input
                              id={id}
                              data-quote=""
                              inputMode="numeric"
                              autoComplete="off"
                              enterKeyHint="next"
                              value={text}
                              readOnly={published}
                              onChange={(e) => setQuote(item.commodity, k, e.target.value)}
                              onKeyDown={onKey}
                              {...(described ? { 'aria-invalid': true, 'aria-describedby': described } : {})}
                            />
                            {error ? (
                              <p className="error" id={`${id}-error`}>
                                {error}
                              </p>
                            ) : null}
                          </div>
                        );
                      })}
                    </div>
                    {rowError ? (
                      <p className="error" id={`${base}-error`}>
                        {rowError}
                      </p>
                    ) : null}
                    <div className="median-row">
                      <p className="median" data-median={median ?? ''}>
                        {median !== null
                          ? t('prices.entry.median', { price: formatRupiah(median, lang) })
                          : t('prices.entry.noMedian')}
                      </p>
                      {item.status ? (
                        <span className={`badge price-${item.status}`}>
                          {t(`prices.status.${item.status}`)}
                        </span>
                      ) : null}
                      {!published && row.length < MAX_QUOTES ? (
                        <button
                          type="button"
                          className="add-trader"
                          onClick={() => addTrader(item.commodity)}
                          aria-label={t('prices.entry.addTraderLabel', { commodity: item.name })}
                        >
                          + {t('prices.entry.addTrader')}
                        </button>
                      ) : null}
                    </div>
                  </fieldset>
                </li>
              );
            })}
          </ul>
          {!published ? (
            <div className="savebar">
              {refused > 0 ? (
                <div className="problem" role="alert" id="entry-refused">
                  {t('prices.entry.refused', { count: refused })}
                  {errors?.other.map((m) => (
                    <p key={m}>{m}</p>
                  ))}
                </div>
              ) : null}
              <Problem error={problem} />
              <p className="notice-line" role="status">
                {notice}
              </p>
              <p className="muted">{t('prices.entry.count', { filled, count: data.items.length })}</p>
              <button type="submit" className="primary big" disabled={busy}>
                {busy ? t('prices.entry.saving') : t('prices.entry.save')}
              </button>
            </div>
          ) : null}
        </form>
      ) : sheet.loading && market ? (
        <p className="loading">{t('loading')}</p>
      ) : null}
    </section>
  );
}
