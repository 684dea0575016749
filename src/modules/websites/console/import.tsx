/**
 * Importing a WordPress export into a site (`/konsol/websites-import`): choose the site and the
 * file, send it as it is; the answer's counts and notes, or the refusal's problems (nothing saved),
 * each with where it was in the export.
 */
import { type FormEvent, useState } from 'react';
import {
  ApiError,
  Field,
  type FieldProblem,
  NotFound,
  Problem,
  type ScreenProps,
  useConsole,
  useLoad,
} from '../../../platform/sdk/console.ts';
import type { SiteType } from '../schemas.ts';
import type { ImportAnswerType } from '../schemas-import.ts';

type Outcome = { kind: 'done'; answer: ImportAnswerType } | { kind: 'refused'; error: ApiError };

function ProblemTable({ rows }: { rows: { path: string; message: string; title?: string | null }[] }) {
  const { t } = useConsole();
  return (
    <table className="data">
      <thead>
        <tr>
          <th scope="col">{t('websites.import.where')}</th>
          <th scope="col">{t('websites.import.item')}</th>
          <th scope="col">{t('websites.import.problem')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: the list is drawn once per answer, never reordered
          <tr key={i}>
            <td>
              <code>{row.path}</code>
            </td>
            <td>{row.title ?? ''}</td>
            <td>{row.message}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export default function ImportScreen({ parts }: ScreenProps) {
  const { api, t } = useConsole();
  const sites = useLoad(() => api.get<{ items: SiteType[] }>('/websites/sites'), []);
  const [site, setSite] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | undefined>();
  const [outcome, setOutcome] = useState<Outcome | undefined>();
  const [busy, setBusy] = useState(false);
  if (parts.length) return <NotFound />;
  const chosen = site || sites.data?.items[0]?.slug || '';

  const send = async (e: FormEvent) => {
    e.preventDefault();
    setOutcome(undefined);
    if (!file) {
      setFileError(t('websites.import.noFile'));
      return;
    }
    setFileError(undefined);
    setBusy(true);
    const form = new FormData();
    form.append('file', file, file.name);
    try {
      const answer = await api.upload<ImportAnswerType>(`/websites/sites/${chosen}/import`, form);
      setOutcome({ kind: 'done', answer });
    } catch (err) {
      setOutcome({
        kind: 'refused',
        error: err instanceof ApiError ? err : new ApiError(0, 'unknown', String(err)),
      });
    } finally {
      setBusy(false);
    }
  };
  const refusedRows = (fields: FieldProblem[]) =>
    fields.map((f) => ({ path: f.path, message: f.message, title: null }));

  return (
    <section aria-labelledby="import-title">
      <h1 id="import-title">{t('websites.import.title')}</h1>
      <p className="lead">{t('websites.import.intro')}</p>
      <Problem error={sites.error} />
      <form className="card" onSubmit={send} noValidate aria-labelledby="import-title">
        <Field id="import-site" label={t('websites.import.site')}>
          {(aria) => (
            <select {...aria} value={chosen} onChange={(e) => setSite(e.target.value)}>
              {(sites.data?.items ?? []).map((s) => (
                <option key={s.id} value={s.slug}>
                  {s.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="import-file" label={t('websites.import.file')} error={fileError}>
          {(aria) => (
            <input
              {...aria}
              type="file"
              accept=".xml,.zip,text/xml,application/xml,application/zip"
              onChange={(e) => {
                setFile(e.target.files?.[0] ?? null);
                setOutcome(undefined);
              }}
            />
          )}
        </Field>
        <button type="submit" className="primary big" disabled={busy || !chosen}>
          {busy ? t('websites.import.sending') : t('websites.import.send')}
        </button>
      </form>
      {outcome?.kind === 'done' ? (
        <div role="status" id="import-done">
          <p className="notice">{t('websites.import.done')}</p>
          <dl className="counts">
            {Object.entries(outcome.answer.counts).map(([key, value]) => (
              <div key={key}>
                <dt>{t(`websites.import.counts.${key}`)}</dt>
                <dd>{value}</dd>
              </div>
            ))}
          </dl>
          {outcome.answer.warnings.length > 0 ? (
            <>
              <h2>{t('websites.import.warnings', { count: outcome.answer.warnings.length })}</h2>
              <ProblemTable rows={outcome.answer.warnings} />
            </>
          ) : null}
        </div>
      ) : null}
      {outcome?.kind === 'refused' ? (
        <div role="alert" id="import-refused">
          <p className="notice">{outcome.error.fields.length ? t('websites.import.refused') : null}</p>
          {outcome.error.fields.length ? (
            <ProblemTable rows={refusedRows(outcome.error.fields)} />
          ) : (
            <Problem error={outcome.error} />
          )}
        </div>
      ) : null}
    </section>
  );
}
