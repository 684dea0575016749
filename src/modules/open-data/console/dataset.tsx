/**
 * A producer's dataset: its state and the walidata's note when it came back, "submit for review",
 * its resources (upload a file, add a link, a new version of an upload, every version with its
 * download, the rows and columns of a table), and its metadata to change. While the walidata
 * checks it everything is locked, as the API has it; a published dataset's classification is the
 * walidata's to change.
 */
import { useState } from 'react';
import { ApiError, Link, Problem, useConsole, useForm } from '../../../platform/sdk/console.ts';
import { PERM } from '../permissions.ts';
import type { DatasetType, ThemeType } from '../schemas.ts';
import {
  bodyOf,
  datasetPath,
  SUBMITTABLE,
  useDataset,
  useDatasetEvents,
  useThemes,
  valuesOf,
} from './kit.ts';
import { MetadataFacts } from './metadata-facts.tsx';
import { MetadataFields, metadataTargets } from './metadata-form.tsx';
import { OpenDataNav } from './nav.tsx';
import { FormOutcome } from './problems.tsx';
import { ResourceCard } from './resource-card.tsx';
import { LinkForm, UploadForm } from './resource-forms.tsx';
import { StateBadge } from './state-badge.tsx';

export function DatasetSection({ id, search }: { id: string; search: URLSearchParams }) {
  const { t, can } = useConsole();
  const dataset = useDataset(id);
  const themes = useThemes();
  const d = dataset.data;
  useDatasetEvents(dataset.reload, [id, ...(d?.resources.map((r) => r.id) ?? [])]);
  if (!d) {
    return (
      <section aria-labelledby="od-dataset-title">
        <OpenDataNav current="datasets" />
        <h1 id="od-dataset-title">{t('openData.dataset.title')}</h1>
        <Problem error={dataset.error} />
        {dataset.error ? null : <p className="loading">{t('loading')}</p>}
      </section>
    );
  }
  const locked = d.state === 'submitted';
  const dataEditable = !locked && !d.feed;
  return (
    <section aria-labelledby="od-dataset-title">
      <OpenDataNav current="datasets" />
      <p>
        <Link to="/open-data">{t('openData.dataset.back')}</Link>
      </p>
      <h1 id="od-dataset-title">{d.title}</h1>
      <DatasetHead dataset={d} />
      {/* Said until the new draft's first resource is added. */}
      {search.get('baru') && d.state === 'draft' && d.resources.length === 0 ? (
        <p className="notice" role="status">
          {t('openData.dataset.created')}
        </p>
      ) : null}
      <ReviewNote dataset={d} />
      <SubmitPanel dataset={d} onChanged={dataset.reload} />
      {can(PERM.review) && (d.state === 'submitted' || d.state === 'published') ? (
        <p>
          <Link to={`/open-data/periksa/${d.id}`}>{t('openData.dataset.openReview')}</Link>
        </p>
      ) : null}
      <h2 id="od-resources">{t('openData.dataset.resources')}</h2>
      {d.feed ? <p className="notice">{t('openData.dataset.fed', { feed: d.feed })}</p> : null}
      {d.resources.length === 0 ? <p className="empty">{t('openData.dataset.noResources')}</p> : null}
      {d.resources.map((r) => (
        <ResourceCard key={r.id} resource={r} editable={dataEditable} onChanged={dataset.reload} />
      ))}
      {dataEditable ? (
        <div className="grid-2">
          <UploadForm datasetId={d.id} onDone={dataset.reload} />
          <LinkForm datasetId={d.id} onDone={dataset.reload} />
        </div>
      ) : null}
      <h2 id="od-metadata">{t('openData.dataset.metadata')}</h2>
      {locked ? (
        <MetadataFacts dataset={d} themes={themes.data ?? []} />
      ) : (
        <EditMetadata key={d.id} dataset={d} themes={themes.data ?? []} onSaved={dataset.reload} />
      )}
    </section>
  );
}

/** The state, the agency and the address under a dataset's title. */
export function DatasetHead({ dataset: d }: { dataset: DatasetType }) {
  const { t } = useConsole();
  return (
    <p className="od-head">
      <StateBadge state={d.state} /> · {d.agencyName ?? t('openData.regional')} · <code>{d.name}</code>
    </p>
  );
}

/** What the walidata said when they returned or unpublished it. */
export function ReviewNote({ dataset: d }: { dataset: DatasetType }) {
  const { t } = useConsole();
  if (!d.reviewNote || (d.state !== 'returned' && d.state !== 'unpublished')) return null;
  return (
    <div className="warning od-review-note" id="od-review-note">
      <p>
        <strong>
          {t(d.state === 'returned' ? 'openData.dataset.returnedNote' : 'openData.dataset.unpublishedNote')}
        </strong>
      </p>
      <p className="prewrap">{d.reviewNote}</p>
    </div>
  );
}

/** "Submit for review" where the dataset may go to the walidata; what happens next once it has. */
function SubmitPanel({ dataset: d, onChanged }: { dataset: DatasetType; onChanged: () => void }) {
  const { api, t } = useConsole();
  const [error, setError] = useState<ApiError | undefined>();
  const [done, setDone] = useState('');
  const [busy, setBusy] = useState(false);
  const submit = () => {
    setBusy(true);
    setError(undefined);
    setDone('');
    api.post<DatasetType>(datasetPath(d.id, '/submit')).then(
      () => {
        setBusy(false);
        setDone(t('openData.dataset.submitted'));
        onChanged();
      },
      (err: unknown) => {
        setBusy(false);
        setError(err instanceof ApiError ? err : new ApiError(0, 'unknown', String(err)));
      },
    );
  };
  const may = (SUBMITTABLE as readonly string[]).includes(d.state);
  return (
    <section className="card" aria-labelledby="od-submit-title">
      <h2 id="od-submit-title">{t('openData.dataset.review')}</h2>
      {d.state === 'submitted' ? <p>{t('openData.dataset.inReview')}</p> : null}
      {d.state === 'published' ? <p>{t('openData.dataset.isPublished')}</p> : null}
      {may ? <p>{t('openData.dataset.submitHint')}</p> : null}
      <Problem error={error} />
      {done ? (
        <p className="notice" role="status">
          {done}
        </p>
      ) : null}
      {may ? (
        <button type="button" className="primary" disabled={busy} onClick={submit}>
          {t('openData.dataset.submit')}
        </button>
      ) : null}
    </section>
  );
}

function EditMetadata(props: { dataset: DatasetType; themes: ThemeType[]; onSaved: () => void }) {
  const { api, t, can } = useConsole();
  const d = props.dataset;
  const form = useForm(valuesOf(d));
  const prefix = 'od-edit';
  const submit = form.submit(
    () => api.put<DatasetType>(datasetPath(d.id), bodyOf(form.values)),
    t('openData.form.saved'),
    props.onSaved,
  );
  return (
    <form className="card admin-form" onSubmit={submit} noValidate aria-labelledby="od-metadata">
      <FormOutcome form={form} fields={metadataTargets(prefix, t, props.themes)} />
      <MetadataFields
        prefix={prefix}
        form={form}
        themes={props.themes}
        classificationLocked={d.state === 'published' && !can(PERM.review)}
        nameLocked={d.feed !== null}
      />
      <button type="submit" className="primary" disabled={form.busy}>
        {t('openData.form.save')}
      </button>
    </form>
  );
}
