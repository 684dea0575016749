/**
 * The supervisor's day: every market they verify, each price beside the previous published one,
 * the jumps the API flags (beyond the tenant's percentage) marked in words and colour; verify the
 * drafts (all, or one market's), then publish — the API answers when the day becomes public. A
 * published price is corrected here, with a reason the API requires.
 */
import { type FormEvent, useEffect, useState } from 'react';
import {
  ApiError,
  Field,
  formatDay,
  formatWhen,
  Problem,
  Scroll,
  useConsole,
  useLiveEvents,
  useLoad,
} from '../../../platform/sdk/console.ts';
import { formatRupiah } from '../prices.ts';
import { DayPicker, type DayResult, dayOf, type Review, setQuery } from './kit.tsx';
import { entryErrors, formatPercent, previewMedian, quoteTexts, typedQuotes } from './quotes.ts';

type Market = Review['markets'][number];
type Item = Market['items'][number];
type Correcting = { market: Market; item: Item };

export function ReviewSection({ search }: { search: URLSearchParams }) {
  const { api, t } = useConsole();
  const day = dayOf(search, api.config.timeZone);
  const review = useLoad(() => api.get<Review>(`/market-prices/review/${day}`), [day]);
  const [notice, setNotice] = useState<string[]>([]);
  const [problem, setProblem] = useState<ApiError | undefined>();
  const [busy, setBusy] = useState(false);
  const [correcting, setCorrecting] = useState<Correcting | undefined>();
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new day starts without the last one's messages
  useEffect(() => {
    setNotice([]);
    setProblem(undefined);
    setCorrecting(undefined);
  }, [day]);
  useLiveEvents((_e, batch) => {
    if (batch.some((e) => e.type === 'price.published')) review.reload();
  });
  const { lang, timeZone } = api.config;

  const act = async (run: () => Promise<string[]>) => {
    setBusy(true);
    setNotice([]);
    setProblem(undefined);
    try {
      setNotice(await run());
      review.reload();
    } catch (err) {
      setProblem(err instanceof ApiError ? err : new ApiError(0, 'unknown', String(err)));
    } finally {
      setBusy(false);
    }
  };
  const verify = (markets?: string[]) =>
    act(async () => {
      const r = await api.post<DayResult>(`/market-prices/review/${day}/verify`, markets ? { markets } : {});
      return [t('prices.review.verified', { count: r.entries })];
    });
  const publish = () =>
    act(async () => {
      const r = await api.post<DayResult>(`/market-prices/review/${day}/publish`);
      return [
        t('prices.review.published', {
          day: formatDay(r.day, lang),
          time: formatWhen(r.publicFrom, lang, timeZone),
        }),
        ...(r.alerts > 0 ? [t('prices.review.alerts', { count: r.alerts })] : []),
      ];
    });

  const data = review.data?.day === day ? review.data : undefined;
  const dayError = review.error?.fields.find((f) => f.path === '/params/day')?.message;
  const published = data?.dayStatus === 'published';
  const entries = data ? data.counts.draft + data.counts.verified + data.counts.published : 0;

  return (
    <section aria-labelledby="review-title" className="price-review">
      <h1 id="review-title">{t('prices.review.title')}</h1>
      <p className="lead">{t('prices.review.intro', { percent: data?.jumpPercent ?? '…' })}</p>
      <div className="grid-2 pickers">
        <DayPicker
          id="review-day"
          day={day}
          onDay={(tanggal) => setQuery('/harga/tinjauan', search, { tanggal })}
          error={dayError}
        />
      </div>
      {review.error && !dayError ? <Problem error={review.error} /> : null}
      {data ? (
        <>
          <p className="day-state" id="review-state">
            <span className={`badge day-${data.dayStatus}`}>{t(`prices.dayStatus.${data.dayStatus}`)}</span>{' '}
            {t('prices.review.counts', data.counts)}
            {data.publicFrom ? (
              <> · {t('prices.review.publicFrom', { time: formatWhen(data.publicFrom, lang, timeZone) })}</>
            ) : null}
          </p>
          {!published && entries > 0 ? <LeftOut markets={data.markets} /> : null}
          {!published && entries > 0 ? (
            <div className="buttons">
              {data.counts.draft > 0 ? (
                <button type="button" className="big" disabled={busy} onClick={() => void verify()}>
                  {t('prices.review.verifyAll')}
                </button>
              ) : null}
              <button type="button" className="primary big" disabled={busy} onClick={() => void publish()}>
                {t('prices.review.publish')}
              </button>
            </div>
          ) : null}
          <div role="status" id="review-notice">
            {notice.map((n) => (
              <p key={n} className="notice">
                {n}
              </p>
            ))}
          </div>
          <Problem error={problem} />
          {entries === 0 ? <p className="empty">{t('prices.review.nothing')}</p> : null}
          {data.markets
            .filter((m) => m.items.length > 0)
            .map((m) => (
              <MarketReview
                key={m.code}
                market={m}
                jumpPercent={data.jumpPercent}
                published={published}
                busy={busy}
                onVerify={() => void verify([m.code])}
                onCorrect={(item) => setCorrecting({ market: m, item })}
              />
            ))}
          {correcting ? (
            <CorrectionForm
              key={`${correcting.market.code}/${correcting.item.commodity}`}
              day={day}
              {...correcting}
              onCancel={() => setCorrecting(undefined)}
              onDone={(message) => {
                setCorrecting(undefined);
                setNotice([message]);
                review.reload();
              }}
            />
          ) : null}
        </>
      ) : review.loading ? (
        <p className="loading">{t('loading')}</p>
      ) : null}
    </section>
  );
}

/**
 * What a publication of the day leaves out, said before the supervisor publishes: the markets
 * without any price and the commodities not entered at the others. The public keeps their latest
 * published prices, dated (issue #15).
 */
function LeftOut({ markets }: { markets: readonly Market[] }) {
  const { t } = useConsole();
  const empty = markets.filter((m) => m.items.length === 0);
  const partial = markets.filter((m) => m.items.length > 0 && m.missingCommodities.length > 0);
  if (empty.length === 0 && partial.length === 0) return null;
  return (
    <div className="warning left-out" role="note" aria-labelledby="left-out-title">
      <h2 id="left-out-title">{t('prices.review.leavesOut')}</h2>
      <ul>
        {empty.length > 0 ? (
          <li>{t('prices.review.leavesOutMarkets', { markets: empty.map((m) => m.name).join(', ') })}</li>
        ) : null}
        {partial.map((m) => (
          <li key={m.code}>
            {t('prices.review.leavesOutCommodities', {
              market: m.name,
              commodities: m.missingCommodities.map((c) => c.name).join(', '),
            })}
          </li>
        ))}
      </ul>
      <p>{t('prices.review.leavesOutKept')}</p>
    </div>
  );
}

function MarketReview(props: {
  market: Market;
  jumpPercent: number;
  published: boolean;
  busy: boolean;
  onVerify: () => void;
  onCorrect: (item: Item) => void;
}) {
  const { api, t } = useConsole();
  const { market: m } = props;
  const { lang } = api.config;
  const drafts = m.items.filter((i) => i.status === 'draft').length;
  const titleId = `review-${m.code}`;
  return (
    <section aria-labelledby={titleId} className="card market-review" data-market={m.code}>
      <div className="staff-head">
        <h2 id={titleId}>{m.name}</h2>
        {m.missing > 0 ? (
          <span className="muted">{t('prices.review.missing', { count: m.missing })}</span>
        ) : null}
        {drafts > 0 && !props.published ? (
          <button type="button" disabled={props.busy} onClick={props.onVerify}>
            {t('prices.review.verifyMarket', { market: m.name })}
          </button>
        ) : null}
      </div>
      <Scroll label={t('prices.review.tableLabel', { market: m.name })}>
        <table className="list stack">
          <thead>
            <tr>
              <th scope="col">{t('prices.review.commodity')}</th>
              <th scope="col">{t('prices.review.quotes')}</th>
              <th scope="col">{t('prices.review.price')}</th>
              <th scope="col">{t('prices.review.previous')}</th>
              <th scope="col">{t('prices.review.change')}</th>
              <th scope="col">{t('prices.review.statusCol')}</th>
              {props.published ? <th scope="col">{t('prices.review.actions')}</th> : null}
            </tr>
          </thead>
          <tbody>
            {m.items.map((i) => (
              <tr key={i.commodity} className={i.jump ? 'jump' : undefined} data-commodity={i.commodity}>
                <td data-label={t('prices.review.commodity')}>{i.name}</td>
                <td data-label={t('prices.review.quotes')}>
                  {i.quotes.map((q) => formatRupiah(q, lang)).join(' · ')}
                </td>
                <td data-label={t('prices.review.price')}>
                  <strong>{formatRupiah(i.price, lang)}</strong>
                </td>
                <td data-label={t('prices.review.previous')}>
                  {i.previous ? (
                    <>
                      {formatRupiah(i.previous.price, lang)}{' '}
                      <span className="muted">({formatDay(i.previous.day, lang)})</span>
                    </>
                  ) : (
                    '–'
                  )}
                </td>
                <td data-label={t('prices.review.change')}>
                  {i.changePercent !== null ? formatPercent(i.changePercent, lang) : '–'}
                  {i.jump ? (
                    <>
                      {' '}
                      <span className="badge jump">
                        <span aria-hidden="true">{t('prices.review.jump')}</span>
                        <span className="sr-only">
                          {t('prices.review.jumpLabel', { percent: props.jumpPercent })}
                        </span>
                      </span>
                    </>
                  ) : null}
                </td>
                <td data-label={t('prices.review.statusCol')}>
                  <span className={`badge price-${i.status}`}>{t(`prices.status.${i.status}`)}</span>
                </td>
                {props.published ? (
                  <td data-label={t('prices.review.actions')}>
                    <button
                      type="button"
                      onClick={() => props.onCorrect(i)}
                      aria-label={t('prices.review.correctLabel', { commodity: i.name, market: m.name })}
                    >
                      {t('prices.review.correct')}
                    </button>
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      </Scroll>
    </section>
  );
}

function CorrectionForm(props: {
  day: string;
  market: Market;
  item: Item;
  onCancel: () => void;
  onDone: (message: string) => void;
}) {
  const { api, t } = useConsole();
  const { market, item } = props;
  const [texts, setTexts] = useState(() => quoteTexts(item.quotes));
  const [reason, setReason] = useState('');
  // A refusal with the inputs its quotes came from when sent: `quotes/<j>` stays on the input it
  // named while the officer edits the others.
  const [refusal, setRefusal] = useState<{ error: ApiError; inputs: number[] } | undefined>();
  const error = refusal?.error;
  const [busy, setBusy] = useState(false);
  const { lang } = api.config;
  const titleId = 'correction-title';
  // The form opens below the tables: take the reader there.
  useEffect(() => {
    document.getElementById('correction-q-0')?.focus();
  }, []);

  const typed = typedQuotes(texts);
  const fieldErrors = error
    ? entryErrors(
        error.fields.map((f) => ({ ...f, path: f.path.replace(/^\/body\/quotes/, '/body/items/0/quotes') })),
        [{ commodity: item.commodity, inputs: refusal?.inputs ?? [] }],
      )
    : undefined;
  const quoteErrors = fieldErrors?.quotes[item.commodity] ?? {};
  const reasonError = error?.fields.find((f) => f.path === '/body/reason')?.message;
  const listError = error?.fields.find((f) => f.path === '/body/quotes')?.message;
  const unnamed = error && error.fields.length === 0 ? error : undefined;
  const median = previewMedian(texts);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setRefusal(undefined);
    const sent = typed;
    try {
      const r = await api.post<{ before: number | null; price: number }>(
        `/market-prices/corrections/${market.code}/${props.day}`,
        { commodity: item.commodity, quotes: sent.values, reason: reason.trim() },
      );
      props.onDone(
        t('prices.review.corrected', {
          commodity: item.name,
          market: market.name,
          before: r.before !== null ? formatRupiah(r.before, lang) : '–',
          price: formatRupiah(r.price, lang),
        }),
      );
    } catch (err) {
      setRefusal({
        error: err instanceof ApiError ? err : new ApiError(0, 'unknown', String(err)),
        inputs: sent.inputs,
      });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="card correction" onSubmit={submit} noValidate aria-labelledby={titleId}>
      <h2 id={titleId}>
        {t('prices.review.correctionTitle', { commodity: item.name, market: market.name })}
      </h2>
      <Problem error={unnamed} />
      <div className="quotes">
        {texts.map((text, k) => {
          const id = `correction-q-${k}`;
          const message = quoteErrors[k];
          const described = [message ? `${id}-error` : '', listError ? 'correction-quotes-error' : '']
            .filter(Boolean)
            .join(' ');
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: a trader's input is its position
            <div key={k} className={message ? 'field has-error' : 'field'}>
              <label htmlFor={id}>{t('prices.entry.traderLabel', { n: k + 1 })}</label>
              <input
                id={id}
                inputMode="numeric"
                autoComplete="off"
                value={text}
                onChange={(e) => setTexts((all) => all.map((v, j) => (j === k ? e.target.value : v)))}
                {...(described ? { 'aria-invalid': true, 'aria-describedby': described } : {})}
              />
              {message ? (
                <p className="error" id={`${id}-error`}>
                  {message}
                </p>
              ) : null}
            </div>
          );
        })}
      </div>
      {listError ? (
        <p className="error" id="correction-quotes-error">
          {listError}
        </p>
      ) : null}
      <p className="median" data-median={median ?? ''}>
        {median !== null
          ? t('prices.entry.median', { price: formatRupiah(median, lang) })
          : t('prices.entry.noMedian')}
      </p>
      <Field
        id="correction-reason"
        label={t('prices.review.reason')}
        hint={t('prices.review.reasonHint')}
        error={reasonError}
      >
        {(aria) => (
          <textarea {...aria} rows={3} value={reason} onChange={(e) => setReason(e.target.value)} required />
        )}
      </Field>
      <div className="buttons">
        <button type="submit" className="primary big" disabled={busy}>
          {t('prices.review.sendCorrection')}
        </button>
        <button type="button" className="big" onClick={props.onCancel}>
          {t('prices.review.cancel')}
        </button>
      </div>
    </form>
  );
}
