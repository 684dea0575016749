/**
 * The walidata's check of a dataset: its metadata, its resources with their versions and a
 * preview of their rows, then the decision — publish, or return it with a note saying what to fix
 * (required) — and for a published dataset, taking it off the catalogue (with a note) or changing
 * its classification, which decides who may read its data.
 */
import { Field, Link, Problem, useConsole, useForm } from '../../../platform/sdk/console.ts';
import { CLASSIFICATIONS } from '../catalog/view.ts';
import type { DatasetType } from '../schemas.ts';
import { DatasetHead, ReviewNote } from './dataset.tsx';
import { bodyOf, datasetPath, useDataset, useDatasetEvents, useThemes, valuesOf } from './kit.ts';
import { MetadataFacts } from './metadata-facts.tsx';
import { OpenDataNav } from './nav.tsx';
import { FormOutcome, fieldError, refusal } from './problems.tsx';
import { ResourceCard } from './resource-card.tsx';

export function ReviewSection({ id }: { id: string }) {
  const { t } = useConsole();
  const dataset = useDataset(id);
  const themes = useThemes();
  const d = dataset.data;
  useDatasetEvents(dataset.reload, [id, ...(d?.resources.map((r) => r.id) ?? [])]);
  return (
    <section aria-labelledby="od-review-title">
      <OpenDataNav current="review" />
      <p>
        <Link to="/open-data/periksa">{t('openData.queue.back')}</Link>
      </p>
      <h1 id="od-review-title">{d ? d.title : t('openData.review.title')}</h1>
      <Problem error={dataset.error} />
      {d ? (
        <>
          <DatasetHead dataset={d} />
          <ReviewNote dataset={d} />
          <h2>{t('openData.dataset.metadata')}</h2>
          <MetadataFacts dataset={d} themes={themes.data ?? []} />
          <h2>{t('openData.dataset.resources')}</h2>
          {d.resources.length === 0 ? <p className="empty">{t('openData.dataset.noResources')}</p> : null}
          {d.resources.map((r) => (
            <ResourceCard key={r.id} resource={r} editable={false} previewOpen onChanged={dataset.reload} />
          ))}
          <Decision dataset={d} onChanged={dataset.reload} />
          {d.state === 'published' ? <Classification dataset={d} onChanged={dataset.reload} /> : null}
        </>
      ) : null}
    </section>
  );
}

/** Publish or return a submitted dataset; unpublish a published one. */
function Decision({ dataset: d, onChanged }: { dataset: DatasetType; onChanged: () => void }) {
  const { api, t } = useConsole();
  const form = useForm({ note: '' });
  const note = form.values.note.trim();
  const act = (step: 'publish' | 'return' | 'unpublish', message: string) =>
    form.submit(
      async () => {
        if (step === 'return' && !note)
          throw refusal('note', t('openData.review.noteRequired'), t('openData.form.check'));
        await api.post(datasetPath(d.id, `/${step}`), step === 'publish' || !note ? {} : { note });
        form.reset({ note: '' });
      },
      message,
      onChanged,
    );
  const submitted = d.state === 'submitted';
  const published = d.state === 'published';
  const noteLabel = t(published ? 'openData.review.unpublishNote' : 'openData.review.note');
  const fields = { note: { id: 'od-decision-note', label: noteLabel } };
  return (
    <section className="card" aria-labelledby="od-decision-title">
      <h2 id="od-decision-title">{t('openData.review.decision')}</h2>
      <FormOutcome form={form} fields={fields} />
      {submitted || published ? (
        <>
          <Field
            id="od-decision-note"
            label={noteLabel}
            hint={t(published ? 'openData.review.unpublishHint' : 'openData.review.noteHint')}
            error={fieldError(form.error, 'note')}
          >
            {(aria) => (
              <textarea
                {...aria}
                rows={3}
                maxLength={2000}
                value={form.values.note}
                onChange={(e) => form.set('note', e.target.value)}
              />
            )}
          </Field>
          <div className="buttons">
            {submitted ? (
              <>
                <button
                  type="button"
                  className="primary"
                  disabled={form.busy}
                  onClick={act('publish', t('openData.review.published'))}
                >
                  {t('openData.review.publish')}
                </button>
                <button
                  type="button"
                  disabled={form.busy}
                  onClick={act('return', t('openData.review.returned'))}
                >
                  {t('openData.review.return')}
                </button>
              </>
            ) : (
              <button
                type="button"
                className="danger"
                disabled={form.busy}
                onClick={act('unpublish', t('openData.review.unpublished'))}
              >
                {t('openData.review.unpublish')}
              </button>
            )}
          </div>
        </>
      ) : (
        <p>{t('openData.review.nothing', { state: t(`openData.state.${d.state}`) })}</p>
      )}
    </section>
  );
}

/** The walidata changes a published dataset's classification (a producer may not). */
function Classification({ dataset: d, onChanged }: { dataset: DatasetType; onChanged: () => void }) {
  const { api, t } = useConsole();
  const form = useForm({ classification: d.classification as string });
  const submit = form.submit(
    () =>
      api.put<DatasetType>(datasetPath(d.id), {
        ...bodyOf(valuesOf(d)),
        classification: form.values.classification,
      }),
    t('openData.review.classificationSaved'),
    onChanged,
  );
  const fields = { classification: { id: 'od-classification', label: t('openData.field.classification') } };
  return (
    <form className="card admin-form" onSubmit={submit} noValidate aria-labelledby="od-classification-title">
      <h2 id="od-classification-title">{t('openData.review.classification')}</h2>
      <FormOutcome form={form} fields={fields} />
      <Field
        id="od-classification"
        label={t('openData.field.classification')}
        hint={t('openData.review.classificationHint')}
        error={fieldError(form.error, 'classification')}
      >
        {(aria) => (
          <select
            {...aria}
            value={form.values.classification}
            onChange={(e) => form.set('classification', e.target.value)}
          >
            {CLASSIFICATIONS.map((c) => (
              <option key={c} value={c}>
                {t(`openData.classification.${c}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <button type="submit" disabled={form.busy}>
        {t('openData.review.classificationSave')}
      </button>
    </form>
  );
}
