/**
 * Apps and agreements: the tenant's adoptions (app × channel) with their status and history, the
 * next step of each (an MoU or PKS step names its agreement), proposing a new adoption, and the
 * MoU/PKS records with their signed PDF to upload and download.
 */
import { useState } from 'react';
import { ApiError } from '../api.ts';
import { Field, formatWhen, Problem, useConsole, useLoad } from '../ui.tsx';
import { Outcome, Scroll, SectionHead, todayIn, useForm } from './kit.tsx';

type Adoption = {
  app: string;
  channel: string;
  status: string;
  since: string | null;
  origin: string | null;
  mouId: string | null;
  pksId: string | null;
  history: { from: string | null; to: string; at: string; agreementId: string | null; note: string | null }[];
};
type Signatory = { name: string; title: string; party: string };
type Agreement = {
  id: string;
  kind: string;
  number: string;
  signedOn: string;
  partner: string | null;
  signatories: Signatory[];
  hasDocument: boolean;
};
type CatalogueApp = { code: string; name: string; channels: string[] };

/** The adoption lifecycle's next steps (the server checks them: `catalogue/service.ts`). */
const NEXT: Record<string, string[]> = {
  proposed: ['mou_signed'],
  mou_signed: ['pks_signed'],
  pks_signed: ['onboarding'],
  onboarding: ['live'],
  live: ['suspended'],
  suspended: ['live'],
};
const NEEDS: Record<string, string> = { mou_signed: 'mou', pks_signed: 'pks' };
const CHANNELS = ['web', 'android', 'webservice'];

export function AppsSection() {
  const { api, t, refreshApps } = useConsole();
  const adoptions = useLoad(() => api.get<{ items: Adoption[] }>('/adoptions').then((r) => r.items), []);
  const agreements = useLoad(() => api.get<{ items: Agreement[] }>('/agreements').then((r) => r.items), []);
  // The catalogue is the same for every tenant, at the root of the API.
  const catalogue = useLoad(
    () =>
      fetch('/api/v1/catalogue/apps', { headers: { accept: 'application/json' } })
        .then((r) => (r.ok ? (r.json() as Promise<{ items: CatalogueApp[] }>) : { items: [] }))
        .then((r) => r.items)
        .catch(() => [] as CatalogueApp[]),
    [],
  );
  const names = new Map((catalogue.data ?? []).map((a) => [a.code, a.name]));
  const agreementList = agreements.data ?? [];
  const reloadAll = () => {
    adoptions.reload();
    agreements.reload();
    // An app taken live (or paused) brings its menu and settings sections at once. If the read
    // fails, the menu stays as it was until the next page load; the adoptions list shows the change.
    refreshApps().catch(() => undefined);
  };
  return (
    <section aria-labelledby="apps-title">
      <SectionHead id="apps-title" title={t('admin.nav.apps')} intro={t('admin.apps.intro')} />
      <h2 id="adoptions-title">{t('admin.apps.adoptions')}</h2>
      <Problem error={adoptions.error} />
      {adoptions.data && adoptions.data.length === 0 ? (
        <p className="empty">{t('admin.apps.noAdoptions')}</p>
      ) : null}
      <ul className="plain">
        {(adoptions.data ?? []).map((a) => (
          <AdoptionCard
            key={`${a.app}/${a.channel}`}
            adoption={a}
            name={names.get(a.app) ?? a.app}
            agreements={agreementList}
            onDone={reloadAll}
          />
        ))}
      </ul>
      <GoLiveForm
        apps={catalogue.data ?? []}
        adoptions={adoptions.data ?? []}
        agreements={agreementList}
        onDone={reloadAll}
      />
      <ProposeForm apps={catalogue.data ?? []} onDone={adoptions.reload} />
      <h2 id="agreements-title">{t('admin.apps.agreements')}</h2>
      <Problem error={agreements.error} />
      {agreements.data && agreementList.length === 0 ? (
        <p className="empty">{t('admin.apps.noAgreements')}</p>
      ) : null}
      {agreementList.length > 0 ? (
        <Scroll label={t('admin.apps.agreements')}>
          <table className="list" aria-labelledby="agreements-title">
            <thead>
              <tr>
                <th scope="col">{t('admin.apps.kind')}</th>
                <th scope="col">{t('admin.apps.number')}</th>
                <th scope="col">{t('admin.apps.signedOn')}</th>
                <th scope="col">{t('admin.apps.partner')}</th>
                <th scope="col">{t('admin.apps.signatories')}</th>
                <th scope="col">{t('admin.apps.document')}</th>
              </tr>
            </thead>
            <tbody>
              {agreementList.map((g) => (
                <tr key={g.id} data-agreement={g.number}>
                  <td>{t(`admin.apps.kinds.${g.kind}`, { defaultValue: g.kind })}</td>
                  <td className="mono">{g.number}</td>
                  <td>{g.signedOn}</td>
                  <td>{g.partner ?? t('admin.none')}</td>
                  <td>
                    <ul className="plain">
                      {g.signatories.map((s) => (
                        <li key={`${s.name}-${s.party}`}>
                          {s.name}, {s.title} ({s.party})
                        </li>
                      ))}
                    </ul>
                  </td>
                  <td>
                    <DocumentCell agreement={g} onDone={agreements.reload} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </Scroll>
      ) : null}
      <AgreementForm onDone={agreements.reload} />
    </section>
  );
}

function AdoptionCard(props: {
  adoption: Adoption;
  name: string;
  agreements: Agreement[];
  onDone: () => void;
}) {
  const { api, t } = useConsole();
  const a = props.adoption;
  const next = NEXT[a.status] ?? [];
  const form = useForm({ to: next[0] ?? '', agreementId: '', note: '', on: '' });
  const v = form.values;
  const needs = NEEDS[v.to];
  const prefix = `adoption-${a.app}-${a.channel}`;
  const status = (s: string) => t(`admin.apps.statuses.${s}`, { defaultValue: s });
  const submit = form.submit(
    () =>
      api.post(`/adoptions/${encodeURIComponent(a.app)}/${a.channel}/transitions`, {
        to: v.to,
        ...(v.agreementId ? { agreementId: v.agreementId } : {}),
        ...(v.note.trim() ? { note: v.note.trim() } : {}),
        ...(v.on ? { on: v.on } : {}),
      }),
    t('admin.apps.moved', { app: props.name, channel: a.channel, status: status(v.to) }),
    props.onDone,
  );
  const { lang, timeZone } = api.config;
  return (
    <li className="card" data-adoption={`${a.app}/${a.channel}`}>
      <h3>
        {props.name} · {t(`admin.apps.channels.${a.channel}`, { defaultValue: a.channel })}{' '}
        <span className={`badge adoption-${a.status}`}>{status(a.status)}</span>
      </h3>
      <p className="muted">
        {a.since ? `${t('admin.apps.since')}: ${a.since}` : null}
        {a.origin ? ` · ${t('admin.apps.origin')}: ${a.origin}` : null}
      </p>
      <details>
        <summary>{t('admin.apps.history')}</summary>
        <ol className="history">
          {a.history.map((h) => (
            <li key={`${h.at}-${h.to}`}>
              <time dateTime={h.at}>{formatWhen(h.at, lang, timeZone)}</time> ·{' '}
              {h.from ? status(h.from) : '—'} → {status(h.to)}
              {h.note ? <span className="prewrap"> — {h.note}</span> : null}
            </li>
          ))}
        </ol>
      </details>
      {next.length > 0 ? (
        <form
          className="inline-form"
          onSubmit={submit}
          noValidate
          aria-label={`${t('admin.apps.move')}: ${props.name}`}
        >
          <Outcome form={form} />
          <div className="grid-3">
            <Field id={`${prefix}-to`} label={t('admin.apps.to')} error={form.err('to')}>
              {(aria) => (
                <select {...aria} value={v.to} onChange={(e) => form.set('to', e.target.value)}>
                  {next.map((s) => (
                    <option key={s} value={s}>
                      {status(s)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            {needs ? (
              <Field
                id={`${prefix}-agreement`}
                label={t('admin.apps.agreement')}
                error={form.err('agreementId')}
              >
                {(aria) => (
                  <select
                    {...aria}
                    value={v.agreementId}
                    onChange={(e) => form.set('agreementId', e.target.value)}
                  >
                    <option value="">{t('admin.apps.chooseAgreement')}</option>
                    {props.agreements
                      .filter((g) => g.kind === needs)
                      .map((g) => (
                        <option key={g.id} value={g.id}>
                          {g.number}
                        </option>
                      ))}
                  </select>
                )}
              </Field>
            ) : null}
            <Field
              id={`${prefix}-on`}
              label={`${t('admin.apps.on')} ${t('admin.optional')}`}
              error={form.err('on')}
            >
              {(aria) => (
                <input
                  {...aria}
                  type="date"
                  max={todayIn(timeZone)}
                  value={v.on}
                  onChange={(e) => form.set('on', e.target.value)}
                />
              )}
            </Field>
            <Field
              id={`${prefix}-note`}
              label={`${t('admin.apps.note')} ${t('admin.optional')}`}
              error={form.err('note')}
            >
              {(aria) => (
                <input {...aria} value={v.note} onChange={(e) => form.set('note', e.target.value)} />
              )}
            </Field>
          </div>
          <button type="submit" className="primary" disabled={form.busy}>
            {t('admin.apps.move')}
          </button>
        </form>
      ) : null}
    </li>
  );
}

/**
 * Takes an app live in one go (web channel): the server proposes it if need be and makes every
 * next step up to live, each audited, naming the chosen MoU and PKS; all steps or none.
 */
function GoLiveForm(props: {
  apps: CatalogueApp[];
  adoptions: Adoption[];
  agreements: Agreement[];
  onDone: () => void;
}) {
  const { api, t } = useConsole();
  const form = useForm({ app: '', mouId: '', pksId: '' });
  const v = form.values;
  const live = new Set(
    props.adoptions.filter((a) => a.status === 'live' && a.channel === 'web').map((a) => a.app),
  );
  const apps = props.apps.filter((a) => a.channels.includes('web') && !live.has(a.code));
  const name = apps.find((a) => a.code === v.app)?.name ?? v.app;
  const submit = form.submit(
    async () => {
      if (!v.app) {
        throw new ApiError(400, 'validation', t('admin.goLive.chooseApp'), [
          { path: '/params/app', code: 'required', message: t('admin.goLive.chooseApp') },
        ]);
      }
      await api.post(`/adoptions/${encodeURIComponent(v.app)}/web/go-live`, {
        ...(v.mouId ? { mouId: v.mouId } : {}),
        ...(v.pksId ? { pksId: v.pksId } : {}),
      });
      form.reset({ app: '', mouId: v.mouId, pksId: v.pksId });
    },
    t('admin.goLive.done', { app: name }),
    props.onDone,
  );
  const choose = (kind: 'mou' | 'pks', key: 'mouId' | 'pksId') => (
    <Field id={`golive-${kind}`} label={t(`admin.apps.kinds.${kind}`)} error={form.err(key)}>
      {(aria) => (
        <select {...aria} value={v[key]} onChange={(e) => form.set(key, e.target.value)}>
          <option value="">{t('admin.apps.chooseAgreement')}</option>
          {props.agreements
            .filter((g) => g.kind === kind)
            .map((g) => (
              <option key={g.id} value={g.id}>
                {g.number}
              </option>
            ))}
        </select>
      )}
    </Field>
  );
  return (
    <form className="card admin-form" onSubmit={submit} noValidate aria-labelledby="golive-title">
      <h2 id="golive-title">{t('admin.goLive.title')}</h2>
      <p>{t('admin.goLive.intro')}</p>
      <Outcome form={form} />
      <div className="grid-3">
        <Field id="golive-app" label={t('admin.apps.appCode')} error={form.err('app')}>
          {(aria) => (
            <select {...aria} value={v.app} onChange={(e) => form.set('app', e.target.value)}>
              <option value="">{t('admin.apps.chooseApp')}</option>
              {apps.map((a) => (
                <option key={a.code} value={a.code}>
                  {a.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        {choose('mou', 'mouId')}
        {choose('pks', 'pksId')}
      </div>
      <button type="submit" className="primary" disabled={form.busy}>
        {t('admin.goLive.submit')}
      </button>
    </form>
  );
}

function ProposeForm({ apps, onDone }: { apps: CatalogueApp[]; onDone: () => void }) {
  const { api, t } = useConsole();
  const form = useForm({ app: '', channel: 'web', origin: '', note: '' });
  const v = form.values;
  const chosen = apps.find((a) => a.code === v.app);
  const submit = form.submit(
    () =>
      api.post('/adoptions', {
        app: v.app,
        channel: v.channel,
        ...(v.origin.trim() ? { origin: v.origin.trim() } : {}),
        ...(v.note.trim() ? { note: v.note.trim() } : {}),
      }),
    t('admin.apps.proposed', { app: chosen?.name ?? v.app }),
    onDone,
  );
  return (
    <form className="card admin-form" onSubmit={submit} noValidate aria-labelledby="propose-title">
      <h2 id="propose-title">{t('admin.apps.propose')}</h2>
      <Outcome form={form} />
      <div className="grid-2">
        <Field id="propose-app" label={t('admin.apps.appCode')} error={form.err('app')}>
          {(aria) => (
            <select {...aria} value={v.app} onChange={(e) => form.set('app', e.target.value)}>
              <option value="">{t('admin.apps.chooseApp')}</option>
              {apps.map((a) => (
                <option key={a.code} value={a.code}>
                  {a.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="propose-channel" label={t('admin.apps.channel')} error={form.err('channel')}>
          {(aria) => (
            <select {...aria} value={v.channel} onChange={(e) => form.set('channel', e.target.value)}>
              {(chosen?.channels ?? CHANNELS).map((c) => (
                <option key={c} value={c}>
                  {t(`admin.apps.channels.${c}`, { defaultValue: c })}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          id="propose-origin"
          label={`${t('admin.apps.originSlug')} ${t('admin.optional')}`}
          error={form.err('origin')}
        >
          {(aria) => (
            <input {...aria} value={v.origin} onChange={(e) => form.set('origin', e.target.value)} />
          )}
        </Field>
        <Field
          id="propose-note"
          label={`${t('admin.apps.note')} ${t('admin.optional')}`}
          error={form.err('note')}
        >
          {(aria) => <input {...aria} value={v.note} onChange={(e) => form.set('note', e.target.value)} />}
        </Field>
      </div>
      <button type="submit" className="primary" disabled={form.busy}>
        {t('admin.apps.propose')}
      </button>
    </form>
  );
}

function DocumentCell({ agreement, onDone }: { agreement: Agreement; onDone: () => void }) {
  const { api, t } = useConsole();
  const [error, setError] = useState<ApiError | undefined>();
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState('');
  const id = `agreement-file-${agreement.id.slice(0, 8)}`;
  const upload = async (file: File | undefined) => {
    if (!file) return;
    setBusy(true);
    setError(undefined);
    setDone('');
    const form = new FormData();
    form.set('file', file);
    try {
      await api.request('PUT', `/agreements/${agreement.id}/document`, { form });
      setDone(t('admin.apps.uploaded', { number: agreement.number }));
      onDone();
    } catch (err) {
      setError(err as ApiError);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="document">
      {agreement.hasDocument ? (
        <a href={api.url(`/agreements/${agreement.id}/document`)} download>
          {t('admin.apps.download')}
        </a>
      ) : (
        <span className="muted">{t('admin.apps.noDocument')}</span>
      )}
      <Field
        id={id}
        label={t('admin.apps.uploadLabel', { number: agreement.number })}
        error={error?.fields[0]?.message}
      >
        {(aria) => (
          <input
            {...aria}
            type="file"
            accept="application/pdf"
            disabled={busy}
            onChange={(e) => void upload(e.target.files?.[0])}
          />
        )}
      </Field>
      {error && !error.fields.length ? <Problem error={error} /> : null}
      {done ? (
        <p className="notice" role="status">
          {done}
        </p>
      ) : null}
    </div>
  );
}

function AgreementForm({ onDone }: { onDone: () => void }) {
  const { api, t } = useConsole();
  const blank = { name: '', title: '', party: '' };
  const empty = { kind: 'mou', number: '', signedOn: '', partner: '', signatories: [blank, blank] };
  const form = useForm(empty);
  const v = form.values;
  const setSig = (i: number, key: keyof Signatory, value: string) =>
    form.set(
      'signatories',
      v.signatories.map((s, j) => (j === i ? { ...s, [key]: value } : s)),
    );
  const submit = form.submit(
    async () => {
      await api.post('/agreements', {
        kind: v.kind,
        number: v.number.trim(),
        signedOn: v.signedOn,
        ...(v.partner.trim() ? { partner: v.partner.trim() } : {}),
        signatories: v.signatories.map((s) => ({
          name: s.name.trim(),
          title: s.title.trim(),
          party: s.party.trim(),
        })),
      });
      form.reset(empty);
    },
    t('admin.apps.created', { number: v.number.trim() }),
    onDone,
  );
  return (
    <form className="card admin-form" onSubmit={submit} noValidate aria-labelledby="agreement-create-title">
      <h2 id="agreement-create-title">{t('admin.apps.create')}</h2>
      <Outcome form={form} />
      <div className="grid-2">
        <Field id="agreement-kind" label={t('admin.apps.kind')} error={form.err('kind')}>
          {(aria) => (
            <select {...aria} value={v.kind} onChange={(e) => form.set('kind', e.target.value)}>
              <option value="mou">{t('admin.apps.kinds.mou')}</option>
              <option value="pks">{t('admin.apps.kinds.pks')}</option>
            </select>
          )}
        </Field>
        <Field id="agreement-number" label={t('admin.apps.number')} error={form.err('number')}>
          {(aria) => (
            <input {...aria} value={v.number} onChange={(e) => form.set('number', e.target.value)} required />
          )}
        </Field>
        <Field id="agreement-signedOn" label={t('admin.apps.signedOn')} error={form.err('signedOn')}>
          {(aria) => (
            <input
              {...aria}
              type="date"
              value={v.signedOn}
              onChange={(e) => form.set('signedOn', e.target.value)}
              required
            />
          )}
        </Field>
        <Field
          id="agreement-partner"
          label={`${t('admin.apps.partner')} ${t('admin.optional')}`}
          error={form.err('partner')}
        >
          {(aria) => (
            <input {...aria} value={v.partner} onChange={(e) => form.set('partner', e.target.value)} />
          )}
        </Field>
      </div>
      {v.signatories.map((s, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the signatories are a fixed list of two
        <fieldset key={i}>
          <legend>{t('admin.apps.signatory', { n: i + 1 })}</legend>
          <div className="grid-3">
            {(['name', 'title', 'party'] as const).map((k) => (
              <Field
                key={k}
                id={`agreement-sig-${i}-${k}`}
                label={t(`admin.apps.sig${k[0]?.toUpperCase()}${k.slice(1)}`)}
                error={form.err(`signatories/${i}/${k}`)}
              >
                {(aria) => (
                  <input {...aria} value={s[k]} onChange={(e) => setSig(i, k, e.target.value)} required />
                )}
              </Field>
            ))}
          </div>
        </fieldset>
      ))}
      {form.err('signatories') ? <p className="error">{form.err('signatories')}</p> : null}
      <button type="submit" className="primary" disabled={form.busy}>
        {t('admin.apps.create')}
      </button>
    </form>
  );
}
