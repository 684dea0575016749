/**
 * "PPID — Permohonan informasi" in the console (`/konsol/ppid`): a site's public-information
 * requests waiting for an answer, by due date with the overdue ones flagged, and one request with
 * the PPID's actions — extend once (1–7 working days, with the reason), answer (a refusal names
 * its exception of Pasal 17), answer the objection. The server decides what is allowed; a refused
 * step comes back with its words.
 */
import {
  Field,
  formatDay,
  formatWhen,
  Link,
  NotFound,
  numberOf,
  Outcome,
  Problem,
  type ScreenProps,
  useConsole,
  useForm,
  useLoad,
} from '../../../platform/sdk/console.ts';
import type { SiteType } from '../schemas.ts';
import type { StaffRequestType } from '../schemas-ppid.ts';

const KINDS = ['granted', 'partly', 'refused', 'not_held'] as const;
const GROUNDS = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'] as const;

export default function PpidScreen({ parts, search }: ScreenProps) {
  if (parts.length === 2) return <RequestView site={parts[0]!} id={parts[1]!} />;
  if (parts.length) return <NotFound />;
  return <RequestList site={search.get('site')} />;
}

function RequestList({ site }: { site: string | null }) {
  const { api, t } = useConsole();
  const { lang } = api.config;
  const sites = useLoad(() => api.get<{ items: SiteType[] }>('/websites/sites'), []);
  const chosen = site ?? sites.data?.items[0]?.slug ?? null;
  const requests = useLoad(
    () =>
      chosen
        ? api.get<{ items: StaffRequestType[] }>(
            `/websites/sites/${encodeURIComponent(chosen)}/ppid/requests`,
          )
        : Promise.resolve({ items: [] }),
    [chosen],
  );
  return (
    <section aria-labelledby="ppid-title">
      <h1 id="ppid-title">{t('websites.ppid.title')}</h1>
      <p className="lead">{t('websites.ppid.intro')}</p>
      <Problem error={sites.error} />
      <nav aria-label={t('websites.ppid.sites')}>
        <ul className="plain inline">
          {(sites.data?.items ?? []).map((s) => (
            <li key={s.id}>
              <Link to={`/ppid?site=${encodeURIComponent(s.slug)}`} current={s.slug === chosen}>
                {s.name}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <Problem error={requests.error} />
      {requests.data && requests.data.items.length === 0 ? <p>{t('websites.ppid.empty')}</p> : null}
      {requests.data && requests.data.items.length > 0 ? (
        <table id="ppid-requests">
          <thead>
            <tr>
              <th scope="col">{t('websites.ppid.number')}</th>
              <th scope="col">{t('websites.ppid.requester')}</th>
              <th scope="col">{t('websites.ppid.status')}</th>
              <th scope="col">{t('websites.ppid.due')}</th>
            </tr>
          </thead>
          <tbody>
            {requests.data.items.map((r) => (
              <tr key={r.id} className={r.overdue ? 'overdue' : undefined}>
                <td>
                  <Link to={`/ppid/${encodeURIComponent(r.site)}/${r.id}`}>{r.number}</Link>
                </td>
                <td>{r.name}</td>
                <td>{t(`websites.ppid.state.${r.status}`)}</td>
                <td>
                  {formatDay(dueOf(r), lang)}
                  {r.overdue ? <strong> · {t('websites.ppid.overdue')}</strong> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}

/** The date the request now waits for: the objection's answer, else the (extended) answer. */
function dueOf(r: StaffRequestType): string {
  if (r.status === 'objected' && r.objectionDueOn) return r.objectionDueOn;
  return r.extendedOn ?? r.dueOn;
}

function RequestView({ site, id }: { site: string; id: string }) {
  const { api, t } = useConsole();
  const { lang, timeZone } = api.config;
  const path = `/websites/sites/${encodeURIComponent(site)}/ppid/requests/${id}`;
  const request = useLoad(() => api.get<StaffRequestType>(path), [path]);
  const extend = useForm({ days: '7', reason: '' });
  const answer = useForm({ kind: 'granted', text: '', refusalGround: '' });
  const objection = useForm({ text: '' });
  const r = request.data;
  return (
    <section aria-labelledby="ppid-request-title">
      <p>
        <Link to={`/ppid?site=${encodeURIComponent(site)}`}>{t('websites.ppid.back')}</Link>
      </p>
      <h1 id="ppid-request-title">{r?.number ?? t('websites.ppid.title')}</h1>
      <Problem error={request.error} />
      {r ? (
        <>
          <dl className="card">
            <dt>{t('websites.ppid.status')}</dt>
            <dd>
              {t(`websites.ppid.state.${r.status}`)}
              {r.overdue ? <strong> · {t('websites.ppid.overdue')}</strong> : null}
            </dd>
            <dt>{t('websites.ppid.requester')}</dt>
            <dd>
              {r.name}
              {r.email ? ` · ${r.email}` : ''}
              {r.phone ? ` · ${r.phone}` : ''}
              {r.address ? ` · ${r.address}` : ''}
            </dd>
            <dt>{t('websites.ppid.received')}</dt>
            <dd>{formatWhen(r.receivedAt, lang, timeZone)}</dd>
            <dt>{t('websites.ppid.due')}</dt>
            <dd>
              {formatDay(r.dueOn, lang)}
              {r.extendedOn ? ` → ${formatDay(r.extendedOn, lang)} (${r.extensionReason ?? ''})` : ''}
            </dd>
            <dt>{t('websites.ppid.information')}</dt>
            <dd className="prewrap">{r.information}</dd>
            <dt>{t('websites.ppid.purpose')}</dt>
            <dd className="prewrap">{r.purpose}</dd>
            <dt>{t('websites.ppid.delivery')}</dt>
            <dd>{t(`websites.ppid.deliveryOption.${r.delivery}`)}</dd>
            {r.answer ? (
              <>
                <dt>{t('websites.ppid.answer')}</dt>
                <dd className="prewrap">
                  {t(`websites.ppid.kind.${r.answerKind}`)}
                  {r.refusalGround ? ` (Pasal 17 huruf ${r.refusalGround})` : ''}: {r.answer}
                </dd>
              </>
            ) : null}
            {r.objectionReason ? (
              <>
                <dt>{t('websites.ppid.objection')}</dt>
                <dd className="prewrap">
                  ({r.objectionGround}) {r.objectionReason}
                  {r.objectionDueOn
                    ? ` · ${t('websites.ppid.due')} ${formatDay(r.objectionDueOn, lang)}`
                    : ''}
                </dd>
              </>
            ) : null}
            {r.objectionAnswer ? (
              <>
                <dt>{t('websites.ppid.objectionAnswer')}</dt>
                <dd className="prewrap">{r.objectionAnswer}</dd>
              </>
            ) : null}
          </dl>
          {r.status === 'received' ? (
            <form
              className="card"
              aria-labelledby="ppid-extend"
              onSubmit={extend.submit(
                () =>
                  api.post(`${path}/extension`, {
                    days: numberOf(extend.values.days),
                    reason: extend.values.reason,
                  }),
                t('websites.ppid.extended'),
                request.reload,
              )}
            >
              <h2 id="ppid-extend">{t('websites.ppid.extend')}</h2>
              <Outcome form={extend} />
              <Field id="ppid-days" label={t('websites.ppid.days')} error={extend.err('/body/days')}>
                {(aria) => (
                  <input
                    type="number"
                    min={1}
                    max={7}
                    value={extend.values.days}
                    onChange={(e) => extend.set('days', e.target.value)}
                    {...aria}
                  />
                )}
              </Field>
              <Field id="ppid-reason" label={t('websites.ppid.reason')} error={extend.err('/body/reason')}>
                {(aria) => (
                  <textarea
                    value={extend.values.reason}
                    onChange={(e) => extend.set('reason', e.target.value)}
                    {...aria}
                  />
                )}
              </Field>
              <button type="submit" disabled={extend.busy}>
                {t('websites.ppid.extend')}
              </button>
            </form>
          ) : null}
          {r.status === 'received' || r.status === 'extended' ? (
            <form
              className="card"
              aria-labelledby="ppid-answer"
              onSubmit={answer.submit(
                () =>
                  api.post(`${path}/answer`, {
                    kind: answer.values.kind,
                    text: answer.values.text,
                    ...(answer.values.kind === 'refused' && answer.values.refusalGround
                      ? { refusalGround: answer.values.refusalGround }
                      : {}),
                  }),
                t('websites.ppid.answered'),
                request.reload,
              )}
            >
              <h2 id="ppid-answer">{t('websites.ppid.answer')}</h2>
              <Outcome form={answer} />
              <Field id="ppid-kind" label={t('websites.ppid.answerKind')} error={answer.err('/body/kind')}>
                {(aria) => (
                  <select
                    value={answer.values.kind}
                    onChange={(e) => answer.set('kind', e.target.value)}
                    {...aria}
                  >
                    {KINDS.map((k) => (
                      <option key={k} value={k}>
                        {t(`websites.ppid.kind.${k}`)}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              {answer.values.kind === 'refused' ? (
                <Field
                  id="ppid-ground"
                  label={t('websites.ppid.refusalGround')}
                  error={answer.err('/body/refusalGround')}
                >
                  {(aria) => (
                    <select
                      value={answer.values.refusalGround}
                      onChange={(e) => answer.set('refusalGround', e.target.value)}
                      {...aria}
                    >
                      <option value="">—</option>
                      {GROUNDS.map((g) => (
                        <option key={g} value={g}>
                          Pasal 17 huruf {g}
                        </option>
                      ))}
                    </select>
                  )}
                </Field>
              ) : null}
              <Field id="ppid-text" label={t('websites.ppid.answerText')} error={answer.err('/body/text')}>
                {(aria) => (
                  <textarea
                    value={answer.values.text}
                    onChange={(e) => answer.set('text', e.target.value)}
                    {...aria}
                  />
                )}
              </Field>
              <button type="submit" disabled={answer.busy}>
                {t('websites.ppid.send')}
              </button>
            </form>
          ) : null}
          {r.status === 'objected' ? (
            <form
              className="card"
              aria-labelledby="ppid-objection-answer"
              onSubmit={objection.submit(
                () => api.post(`${path}/objection-answer`, { text: objection.values.text }),
                t('websites.ppid.answered'),
                request.reload,
              )}
            >
              <h2 id="ppid-objection-answer">{t('websites.ppid.objectionAnswer')}</h2>
              <Outcome form={objection} />
              <Field
                id="ppid-objection-text"
                label={t('websites.ppid.answerText')}
                error={objection.err('/body/text')}
              >
                {(aria) => (
                  <textarea
                    value={objection.values.text}
                    onChange={(e) => objection.set('text', e.target.value)}
                    {...aria}
                  />
                )}
              </Field>
              <button type="submit" disabled={objection.busy}>
                {t('websites.ppid.send')}
              </button>
            </form>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
