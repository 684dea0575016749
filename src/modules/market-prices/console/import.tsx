/**
 * A day's prices of one market from a CSV file, sent as it is to the API, which saves every line
 * or none: a refusal lists each bad cell's line, column and reason in a table and says that
 * nothing was saved; a success says how many lines were.
 */
import { type FormEvent, useState } from 'react';
import {
  ApiError,
  Field,
  type FieldProblem,
  formatDay,
  Link,
  Problem,
  useConsole,
} from '../../../platform/sdk/console.ts';
import { useMyMarkets } from './entry.tsx';
import { DayPicker, dayOf, MarketPicker, setQuery } from './kit.tsx';

const EXAMPLE = 'commodity,price1,price2\nberas-medium-1,13000,13500\ncabai-rawit-merah,55000,56000\n';

type Outcome =
  | { kind: 'saved'; saved: number; market: string; day: string }
  | { kind: 'rows'; rows: FieldProblem[] }
  | { kind: 'problem'; error: ApiError };

export function ImportSection({ search }: { search: URLSearchParams }) {
  const { api, t } = useConsole();
  const { markets, items, market } = useMyMarkets(search);
  const day = dayOf(search, api.config.timeZone);
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | undefined>();
  const [dayError, setDayError] = useState<string | undefined>();
  const [outcome, setOutcome] = useState<Outcome | undefined>();
  const [busy, setBusy] = useState(false);
  const go = (changes: Record<string, string | undefined>) => {
    setOutcome(undefined);
    setDayError(undefined);
    setQuery('/harga/impor', search, changes);
  };
  const { lang } = api.config;
  const marketName = (code: string) => items.find((m) => m.code === code)?.name ?? code;

  const send = async (e: FormEvent) => {
    e.preventDefault();
    setOutcome(undefined);
    setDayError(undefined);
    if (!file) {
      setFileError(t('prices.import.noFile'));
      return;
    }
    setFileError(undefined);
    setBusy(true);
    const form = new FormData();
    form.append('file', file, file.name);
    try {
      const result = await api.upload<{ market: string; day: string; saved: number }>(
        `/market-prices/entry/${market}/${day}/csv`,
        form,
      );
      setOutcome({ kind: 'saved', ...result });
    } catch (err) {
      const error = err instanceof ApiError ? err : new ApiError(0, 'unknown', String(err));
      const rows = error.fields.filter((f) => typeof f.line === 'number');
      const onDay = error.fields.find((f) => f.path === '/params/day');
      if (rows.length > 0) setOutcome({ kind: 'rows', rows });
      else if (onDay) setDayError(onDay.message);
      else setOutcome({ kind: 'problem', error });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="import-title" className="price-import">
      <h1 id="import-title">{t('prices.import.title')}</h1>
      <p className="lead">{t('prices.import.intro')}</p>
      <Problem error={markets.error} />
      {markets.data && items.length === 0 ? <p className="notice">{t('prices.noMarkets')}</p> : null}
      {items.length > 0 ? (
        <form className="card" onSubmit={send} noValidate aria-labelledby="import-title">
          <div className="grid-2 pickers">
            <MarketPicker
              id="import-market"
              markets={items}
              market={market}
              onMarket={(pasar) => go({ pasar })}
            />
            <DayPicker id="import-day" day={day} onDay={(tanggal) => go({ tanggal })} error={dayError} />
          </div>
          <Field id="import-file" label={t('prices.import.file')} error={fileError}>
            {(aria) => (
              <input
                {...aria}
                type="file"
                accept=".csv,text/csv,text/plain"
                onChange={(e) => {
                  setFile(e.target.files?.[0] ?? null);
                  setOutcome(undefined);
                }}
              />
            )}
          </Field>
          <button type="submit" className="primary big" disabled={busy}>
            {busy ? t('prices.import.sending') : t('prices.import.send')}
          </button>
        </form>
      ) : null}
      {outcome?.kind === 'saved' ? (
        <div className="notice" role="status" id="import-saved">
          <p>
            {t('prices.import.saved', {
              count: outcome.saved,
              market: marketName(outcome.market),
              day: formatDay(outcome.day, lang),
            })}
          </p>
          <p>
            <Link to={`/harga/isian?pasar=${outcome.market}&tanggal=${outcome.day}`}>
              {t('prices.nav.entry')}
            </Link>
          </p>
        </div>
      ) : null}
      {outcome?.kind === 'problem' ? <Problem error={outcome.error} /> : null}
      {outcome?.kind === 'rows' ? (
        <div id="import-refused">
          <p className="problem" role="alert">
            {t('prices.import.nothingSaved')}
          </p>
          <table className="list">
            <caption id="import-errors">{t('prices.import.errors')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('prices.import.line')}</th>
                <th scope="col">{t('prices.import.column')}</th>
                <th scope="col">{t('prices.import.reason')}</th>
              </tr>
            </thead>
            <tbody>
              {outcome.rows.map((r) => (
                <tr key={`${r.line}-${r.column}-${r.code}`} data-line={r.line} data-column={r.column}>
                  <td>{r.line}</td>
                  <td className="mono">{r.column}</td>
                  <td>{r.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <h2 id="import-example">{t('prices.import.example')}</h2>
      <pre className="card mono">{EXAMPLE}</pre>
    </section>
  );
}
