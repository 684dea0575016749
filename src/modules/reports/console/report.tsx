/**
 * One report as staff see it: what was reported, where, by whom (private), its history and photos,
 * possible duplicates, and the actions the server says the caller may take now. Each action has
 * the fields it needs; a refusal shows beside the field it concerns and keeps what was typed.
 */
import { type FormEvent, lazy, Suspense, useState } from 'react';
import {
  type ApiError,
  Field,
  formatWhen,
  Link,
  Problem,
  useConsole,
  useLiveEvents,
  useLoad,
} from '../../../platform/sdk/console.ts';
import type { CategoryType, ReportDetailType, SimilarType } from '../schemas.ts';
import { StatusBadge } from './status-badge.tsx';

export type ReportDetail = ReportDetailType;
type Similar = SimilarType;
type Photo = ReportDetail['photos'][number];
type HistoryEvent = ReportDetail['history'][number];
type Agency = { id: string; name: string; parentId: string | null };

// The map (Leaflet) loads only when a report with a place is opened.
const ReportMap = lazy(() =>
  import('../../../platform/sdk/console-map.ts').then((m) => ({ default: m.ReportMap })),
);

/**
 * The fields of each action's form. An action with none is one button; `note` is required by the
 * server for the actions that explain themselves (request_info, reject, hand_back, send_back,
 * complete), optional for the others.
 */
const FIELDS: Record<string, readonly string[]> = {
  verify: [],
  start: ['officerUserId'],
  close: [],
  dispose: ['agencyId', 'officerUserId', 'track', 'note'],
  hand_on: ['agencyId', 'officerUserId', 'note'],
  mark_duplicate: ['duplicateOf', 'note'],
  reject: ['reason', 'note'],
  refer: ['targetTenant', 'note'],
  request_info: ['note'],
  hand_back: ['note'],
  send_back: ['note'],
  complete: ['note'],
};
type FieldSpec = {
  label: string;
  hint?: string;
  empty?: string;
  options?: { value: string; label: string }[];
  long?: boolean;
};

/** Actions only the reporter takes: not offered in the console. */
const REPORTER_ACTIONS = new Set(['confirm', 'reopen', 'add_info', 'auto_close']);

export function ReportScreen({ no }: { no: string }) {
  const { api, t, can } = useConsole();
  const report = useLoad(() => api.get<ReportDetail>(`/reports/${encodeURIComponent(no)}`), [no]);
  const [message, setMessage] = useState('');
  useLiveEvents((_e, batch) => {
    if (report.data && batch.some((e) => e.entityId === report.data?.id)) report.reload();
  });
  if (report.error && !report.data) return <Problem error={report.error} />;
  const r = report.data;
  if (!r) return <p className="loading">{t('loading')}</p>;
  const { lang, timeZone } = api.config;
  const actions = (r.actions ?? []).filter((a) => !REPORTER_ACTIONS.has(a));
  const triage = can('reports.report.triage');
  const done = (text: string) => {
    setMessage(text);
    report.reload();
  };
  // Each photo once: beside the step that brought it (a proof of work), the reporter's own at the
  // top, next to what they reported — and not again under the filing in the history.
  const inLaterSteps = new Set(
    r.history.filter((e) => e.kind !== 'filed').flatMap((e) => e.photos.map((p) => p.id)),
  );
  const atTop = r.photos.filter((p) => !inLaterSteps.has(p.id));
  const shownAtTop = new Set(atTop.map((p) => p.id));

  return (
    <article aria-labelledby="report-title">
      <p>
        <Link to={triage ? '/triase' : '/tugas'}>← {t('report.back')}</Link>
      </p>
      <h1 id="report-title">
        {r.category.name} · <span className="mono">{r.trackingNo}</span>
      </h1>
      <p>
        <StatusBadge status={r.status} overdue={r.overdue} /> {t(`type.${r.type}`)}
        {r.dueAt ? (
          <>
            {' '}
            · {t('due')}: <time dateTime={r.dueAt}>{formatWhen(r.dueAt, lang, timeZone)}</time>
          </>
        ) : null}
      </p>
      {message ? (
        <p className="notice" role="status">
          {message}
        </p>
      ) : null}
      <div className="columns">
        <div>
          <dl className="facts">
            <dt>{t('description')}</dt>
            <dd className="prewrap">{r.description}</dd>
            <dt>{t('location')}</dt>
            <dd>
              {[r.address, r.kelurahan].filter(Boolean).join(', ') || '—'}
              {r.lat !== null && r.lng !== null ? (
                <span className="mono">
                  {' '}
                  ({r.lat.toFixed(5)}, {r.lng.toFixed(5)})
                </span>
              ) : null}
            </dd>
            <dt>{t('reporter')}</dt>
            <dd>
              {r.reporter
                ? [r.reporter.name, r.reporter.email, r.reporter.phone].filter(Boolean).join(' · ') ||
                  t('anonymous')
                : t('anonymous')}
              {r.reporter?.anonymous ? <span className="hint"> {t('anonymousChosen')}</span> : null}
            </dd>
            <dt>{t('publicity')}</dt>
            <dd>{t(r.confidential ? 'confidential' : r.public ? 'publicYes' : 'unverified')}</dd>
            <dt>{t('agency')}</dt>
            <dd>{r.agency?.name ?? '—'}</dd>
            {r.officer ? (
              <>
                <dt>{t('officer')}</dt>
                <dd>{r.officer.name}</dd>
              </>
            ) : null}
            <dt>{t('channel')}</dt>
            <dd>{r.channel ?? '—'}</dd>
            <dt>{t('filed')}</dt>
            <dd>{formatWhen(r.createdAt, lang, timeZone)}</dd>
          </dl>
          {r.lat !== null && r.lng !== null ? (
            <div className="report-map">
              <Suspense fallback={<div className="map" />}>
                <ReportMap
                  config={api.config}
                  points={[{ id: r.id, lat: r.lat, lng: r.lng, label: r.category.name, overdue: r.overdue }]}
                  label={t('report.map', { no: r.trackingNo })}
                />
              </Suspense>
            </div>
          ) : null}
          <Photos id="photos-title" photos={atTop} />
          <History history={r.history} shown={shownAtTop} />
        </div>
        <div>
          <section aria-labelledby="actions-title" className="card">
            <h2 id="actions-title">{t('report.actions')}</h2>
            {actions.length === 0 ? <p>{t('report.noActions')}</p> : null}
            {actions.map((action) => (
              <ActionForm key={`${action}-${r.status}`} report={r} action={action} onDone={done} />
            ))}
          </section>
          {(r.actions ?? []).includes('start') || r.status === 'in_progress' ? (
            can('reports.report.follow_up') ? (
              <ProgressForm report={r} onDone={() => done(t('report.progressSent'))} />
            ) : null
          ) : null}
          {triage && ['received', 'verified', 'reopened'].includes(r.status) ? (
            <SimilarList no={r.trackingNo} />
          ) : null}
        </div>
      </div>
    </article>
  );
}

function Photos({ id, photos }: { id: string; photos: Photo[] }) {
  const { t } = useConsole();
  if (photos.length === 0) return null;
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{t('report.photos')}</h2>
      <ul className="photos">
        {photos.map((p) => (
          <li key={p.id}>
            <img src={p.url} alt={t(`report.kinds.${p.kind}`, { defaultValue: p.kind })} loading="lazy" />
          </li>
        ))}
      </ul>
    </section>
  );
}

function History({ history, shown }: { history: HistoryEvent[]; shown: ReadonlySet<string> }) {
  const { api, t } = useConsole();
  return (
    <section aria-labelledby="history-title">
      <h2 id="history-title">{t('report.history')}</h2>
      <ol className="history">
        {history.map((e, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: the history is append-only and never reordered
          <li key={i}>
            <time dateTime={e.at}>{formatWhen(e.at, api.config.lang, api.config.timeZone)}</time>{' '}
            <strong>{t(`report.actorRole.${e.actorRole}`, { defaultValue: e.actorRole })}</strong>
            {e.actorName ? ` (${e.actorName})` : ''}
            {e.toStatus ? <> → {t(`status.${e.toStatus}`)}</> : null}
            {e.agency ? <> · {e.agency.name}</> : null}
            {e.note ? <p className="prewrap">{e.note}</p> : null}
            <Photos id={`photos-${i}`} photos={e.photos.filter((p) => !shown.has(p.id))} />
          </li>
        ))}
      </ol>
    </section>
  );
}

function SimilarList({ no }: { no: string }) {
  const { api, t } = useConsole();
  const similar = useLoad(() => api.get<Similar>(`/reports/${encodeURIComponent(no)}/similar`), [no]);
  return (
    <section aria-labelledby="similar-title" className="card">
      <h2 id="similar-title">{t('report.similar')}</h2>
      <Problem error={similar.error} />
      {similar.data && similar.data.length === 0 ? <p>{t('report.noSimilar')}</p> : null}
      <ul>
        {(similar.data ?? []).map((s) => (
          <li key={s.id}>
            <Link to={`/laporan/${s.trackingNo}`}>{s.trackingNo}</Link> <StatusBadge status={s.status} />{' '}
            {s.distanceM !== null ? `${s.distanceM} m · ` : ''}
            {s.description.slice(0, 120)}
          </li>
        ))}
      </ul>
    </section>
  );
}

function ActionForm({
  report,
  action,
  onDone,
}: {
  report: ReportDetail;
  action: string;
  onDone: (m: string) => void;
}) {
  const { api, t } = useConsole();
  const fields = FIELDS[action] ?? ['note'];
  const simple = fields.length === 0;
  const [values, setValues] = useState<Record<string, string>>({ reason: 'not_our_authority' });
  const [error, setError] = useState<ApiError | undefined>();
  const [busy, setBusy] = useState(false);
  const [open, setOpen] = useState(false);
  const agencies = useLoad(
    () =>
      fields.includes('agencyId')
        ? api.get<{ items: Agency[] }>('/agencies')
        : Promise.resolve({ items: [] }),
    [action],
  );
  // A disposal starts from the category's usual agency and track, shown chosen (never applied
  // unseen by the server): the operator sees where the report goes and may change it.
  const categories = useLoad(
    () =>
      action === 'dispose'
        ? api.get<CategoryType[]>('/reports/categories')
        : Promise.resolve([] as CategoryType[]),
    [action],
  );
  const category = categories.data?.find((c) => c.code === report.category.code);
  const usual: Record<string, string | undefined> =
    action === 'dispose'
      ? {
          agencyId: category?.agencyId ?? undefined,
          track: category?.defaultTrack ?? 'standard',
        }
      : {};
  const shownValue = (k: string) => values[k] ?? usual[k] ?? '';
  // The officers of the chosen agency (dispose, hand on) or of the report's own (start).
  const officerAgency = action === 'start' ? report.agency?.id : shownValue('agencyId');
  const officers = useLoad(
    () =>
      fields.includes('officerUserId') && officerAgency
        ? api.get<{ items: { id: string; name: string }[] }>('/reports/officers', { agency: officerAgency })
        : Promise.resolve({ items: [] }),
    [action, officerAgency],
  );
  // Another agency, other officers: the officer chosen for the first one is dropped.
  const set = (k: string, v: string) =>
    setValues((s) => ({ ...s, [k]: v, ...(k === 'agencyId' ? { officerUserId: '' } : {}) }));
  const id = (k: string) => `${action}-${k}`;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    const body: Record<string, string> = {};
    for (const f of fields) {
      const v = shownValue(f).trim();
      if (v) body[f] = v;
    }
    try {
      await api.post(`/reports/${encodeURIComponent(report.trackingNo)}/actions/${action}`, body);
      setOpen(false);
      onDone(t('report.done', { action: t(`action.${action}`) }));
    } catch (err) {
      setError(err as ApiError);
    } finally {
      setBusy(false);
    }
  };
  const options = (keys: readonly string[], prefix: string) =>
    keys.map((k) => ({ value: k, label: t(`${prefix}.${k}`) }));
  // Each field's control: a choice (with its options) or text.
  const specs: Record<string, FieldSpec> = {
    agencyId: {
      label: 'report.agency',
      // With a usual agency there is always one chosen: an empty choice would be sent as none.
      ...(usual.agencyId ? { hint: 'report.usualAgency' } : { empty: 'report.chooseAgency' }),
      options: (agencies.data?.items ?? []).map((a) => ({ value: a.id, label: a.name })),
    },
    officerUserId: {
      label: 'report.officer',
      empty: 'report.noOfficer',
      options: (officers.data?.items ?? []).map((o) => ({ value: o.id, label: o.name })),
    },
    track: {
      label: 'report.track',
      ...(category ? { hint: 'report.usualTrack' } : {}),
      options: options(['standard', 'dispute', 'field_work'], 'report.tracks'),
    },
    reason: {
      label: 'report.reason',
      options: options(['not_our_authority', 'insufficient_information', 'not_a_report'], 'report.reasons'),
    },
    duplicateOf: { label: 'report.duplicateOf' },
    targetTenant: { label: 'report.targetTenant' },
    note: { label: 'report.note', hint: 'report.noteHint', long: true },
  };
  const errs = error?.byField() ?? {};
  if (!open && !simple) {
    return (
      <p>
        <button type="button" onClick={() => setOpen(true)} aria-expanded={false}>
          {t(`action.${action}`)}…
        </button>
      </p>
    );
  }
  return (
    <form
      onSubmit={submit}
      className={simple ? 'action simple' : 'action'}
      noValidate
      aria-label={t(`action.${action}`)}
    >
      {error && !fields.some((f) => errs[f]) ? <Problem error={error} /> : null}
      {fields.map((f) => {
        const spec = specs[f];
        if (!spec) return null;
        return (
          <Field
            key={f}
            id={id(f)}
            label={t(spec.label)}
            error={errs[f]}
            hint={spec.hint ? t(spec.hint, { category: report.category.name }) : undefined}
          >
            {(aria) =>
              spec.options ? (
                <select {...aria} value={shownValue(f)} onChange={(e) => set(f, e.target.value)}>
                  {spec.empty ? <option value="">{t(spec.empty)}</option> : null}
                  {spec.options.map((o) => (
                    <option key={o.value} value={o.value}>
                      {o.label}
                    </option>
                  ))}
                </select>
              ) : spec.long ? (
                <textarea {...aria} rows={3} value={shownValue(f)} onChange={(e) => set(f, e.target.value)} />
              ) : (
                <input {...aria} value={shownValue(f)} onChange={(e) => set(f, e.target.value)} />
              )
            }
          </Field>
        );
      })}
      <button type="submit" className="primary" disabled={busy}>
        {t(`action.${action}`)}
      </button>
    </form>
  );
}

function ProgressForm({ report, onDone }: { report: ReportDetail; onDone: () => void }) {
  const { api, t } = useConsole();
  const [note, setNote] = useState('');
  const [kind, setKind] = useState('after');
  const [files, setFiles] = useState<File[]>([]);
  const [error, setError] = useState<ApiError | undefined>();
  const [busy, setBusy] = useState(false);
  const [key, setKey] = useState(0);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    const form = new FormData();
    form.set('note', note.trim());
    form.set('kind', files.map(() => kind).join(','));
    for (const f of files) form.append('photo', f);
    try {
      await api.upload(`/reports/${encodeURIComponent(report.trackingNo)}/progress`, form);
      setNote('');
      setFiles([]);
      setKey((k) => k + 1);
      onDone();
    } catch (err) {
      setError(err as ApiError);
    } finally {
      setBusy(false);
    }
  };
  const errs = error?.byField() ?? {};
  return (
    <section aria-labelledby="progress-title" className="card">
      <h2 id="progress-title">{t('report.progress')}</h2>
      <form onSubmit={submit} noValidate key={key}>
        {error && Object.keys(errs).length === 0 ? <Problem error={error} /> : null}
        <Field id="progress-note" label={t('report.note')} error={errs.note}>
          {(aria) => <textarea {...aria} rows={3} value={note} onChange={(e) => setNote(e.target.value)} />}
        </Field>
        <Field id="progress-kind" label={t('report.progressKind')} error={errs.kind}>
          {(aria) => (
            <select {...aria} value={kind} onChange={(e) => setKind(e.target.value)}>
              {['progress', 'before', 'after'].map((k) => (
                <option key={k} value={k}>
                  {t(`report.kinds.${k}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="progress-photos" label={t('report.progressPhotos')} error={errs.photo}>
          {(aria) => (
            <input
              {...aria}
              type="file"
              accept="image/jpeg,image/png,image/webp,image/heic"
              multiple
              onChange={(e) => setFiles([...(e.target.files ?? [])].slice(0, 5))}
            />
          )}
        </Field>
        <button type="submit" className="primary" disabled={busy}>
          {t('report.sendProgress')}
        </button>
      </form>
    </section>
  );
}
