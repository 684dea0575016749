/**
 * Adding data to a dataset: a file uploaded as a new resource (CSV, XLSX, JSON, GeoJSON; a table
 * is loaded into the datastore), a link to data kept elsewhere, and a new version of an uploaded
 * resource. A refused file (a ragged CSV, a value that does not fit its column) is shown beside
 * the file field and in the form's summary; the server keeps nothing of it.
 */
import { useState } from 'react';
import { Field, useConsole, useForm } from '../../../platform/sdk/console.ts';
import type { ResourceType } from '../schemas.ts';
import { datasetPath, resourcePath } from './kit.ts';
import { FormOutcome, fieldError, refusal } from './problems.tsx';

const ACCEPT = '.csv,.xlsx,.json,.geojson,text/csv,application/json,application/geo+json';

/** A file chooser that empties itself after an upload (a new key mounts a new input). */
function useFile() {
  const [file, setFile] = useState<File | null>(null);
  const [key, setKey] = useState(0);
  return {
    file,
    key,
    choose: (f: File | null) => setFile(f),
    clear: () => {
      setFile(null);
      setKey((k) => k + 1);
    },
  };
}

export function UploadForm({ datasetId, onDone }: { datasetId: string; onDone: () => void }) {
  const { api, t } = useConsole();
  const empty = { name: '', description: '', types: '' };
  const form = useForm(empty);
  const chosen = useFile();
  const v = form.values;
  const submit = form.submit(
    async () => {
      if (!chosen.file) throw refusal('file', t('openData.resources.noFile'), t('openData.form.check'));
      const body = new FormData();
      // Text fields before the file, as the API reads them.
      for (const key of ['name', 'description', 'types'] as const) {
        if (v[key].trim()) body.append(key, v[key].trim());
      }
      body.append('file', chosen.file, chosen.file.name);
      await api.upload(datasetPath(datasetId, '/uploads'), body);
      form.reset(empty);
      chosen.clear();
    },
    t('openData.resources.uploaded'),
    onDone,
  );
  const fields = {
    file: { id: 'od-upload-file', label: t('openData.resources.file') },
    name: { id: 'od-upload-name', label: t('openData.resources.name') },
    description: { id: 'od-upload-description', label: t('openData.resources.description') },
    types: { id: 'od-upload-types', label: t('openData.resources.types') },
  };
  return (
    <form className="card admin-form" onSubmit={submit} noValidate aria-labelledby="od-upload-title">
      <h3 id="od-upload-title">{t('openData.resources.upload')}</h3>
      <FormOutcome form={form} fields={fields} />
      <Field
        id="od-upload-file"
        label={t('openData.resources.file')}
        hint={t('openData.resources.fileHint')}
        error={fieldError(form.error, 'file')}
      >
        {(aria) => (
          <input
            {...aria}
            key={chosen.key}
            type="file"
            accept={ACCEPT}
            onChange={(e) => chosen.choose(e.target.files?.[0] ?? null)}
          />
        )}
      </Field>
      <div className="grid-2">
        <Field
          id="od-upload-name"
          label={t('openData.resources.name')}
          error={fieldError(form.error, 'name')}
        >
          {(aria) => <input {...aria} value={v.name} onChange={(e) => form.set('name', e.target.value)} />}
        </Field>
        <Field
          id="od-upload-types"
          label={t('openData.resources.types')}
          hint={t('openData.resources.typesHint')}
          error={fieldError(form.error, 'types')}
        >
          {(aria) => (
            <input
              {...aria}
              className="mono"
              value={v.types}
              onChange={(e) => form.set('types', e.target.value)}
            />
          )}
        </Field>
      </div>
      <Field
        id="od-upload-description"
        label={t('openData.resources.description')}
        error={fieldError(form.error, 'description')}
      >
        {(aria) => (
          <textarea
            {...aria}
            rows={2}
            value={v.description}
            onChange={(e) => form.set('description', e.target.value)}
          />
        )}
      </Field>
      <button type="submit" className="primary" disabled={form.busy}>
        {t('openData.resources.send')}
      </button>
    </form>
  );
}

export function LinkForm({ datasetId, onDone }: { datasetId: string; onDone: () => void }) {
  const { api, t } = useConsole();
  const empty = { name: '', url: '', format: '', description: '' };
  const form = useForm(empty);
  const v = form.values;
  const submit = form.submit(
    async () => {
      await api.post(datasetPath(datasetId, '/links'), {
        name: v.name.trim(),
        url: v.url.trim(),
        ...(v.format.trim() ? { format: v.format.trim() } : {}),
        ...(v.description.trim() ? { description: v.description.trim() } : {}),
      });
      form.reset(empty);
    },
    t('openData.resources.linked'),
    onDone,
  );
  const fields = {
    name: { id: 'od-link-name', label: t('openData.resources.linkName') },
    url: { id: 'od-link-url', label: t('openData.resources.linkUrl') },
    format: { id: 'od-link-format', label: t('openData.resources.linkFormat') },
    description: { id: 'od-link-description', label: t('openData.resources.description') },
  };
  return (
    <form className="card admin-form" onSubmit={submit} noValidate aria-labelledby="od-link-title">
      <h3 id="od-link-title">{t('openData.resources.link')}</h3>
      <FormOutcome form={form} fields={fields} />
      <div className="grid-2">
        <Field
          id="od-link-name"
          label={t('openData.resources.linkName')}
          error={fieldError(form.error, 'name')}
        >
          {(aria) => <input {...aria} value={v.name} onChange={(e) => form.set('name', e.target.value)} />}
        </Field>
        <Field id="od-link-url" label={t('openData.resources.linkUrl')} error={fieldError(form.error, 'url')}>
          {(aria) => (
            <input {...aria} type="url" value={v.url} onChange={(e) => form.set('url', e.target.value)} />
          )}
        </Field>
        <Field
          id="od-link-format"
          label={t('openData.resources.linkFormat')}
          hint={t('openData.resources.linkFormatHint')}
          error={fieldError(form.error, 'format')}
        >
          {(aria) => (
            <input {...aria} value={v.format} onChange={(e) => form.set('format', e.target.value)} />
          )}
        </Field>
        <Field
          id="od-link-description"
          label={t('openData.resources.description')}
          error={fieldError(form.error, 'description')}
        >
          {(aria) => (
            <input
              {...aria}
              value={v.description}
              onChange={(e) => form.set('description', e.target.value)}
            />
          )}
        </Field>
      </div>
      <button type="submit" disabled={form.busy}>
        {t('openData.resources.linkSend')}
      </button>
    </form>
  );
}

/** A new file for an uploaded resource: it becomes the current version, the earlier ones stay. */
export function VersionForm({ resource: r, onDone }: { resource: ResourceType; onDone: () => void }) {
  const { api, t } = useConsole();
  const form = useForm({});
  const chosen = useFile();
  const id = `od-version-${r.id}-file`;
  const label = t('openData.resources.versionFile', { name: r.name });
  const submit = form.submit(
    async () => {
      if (!chosen.file) throw refusal('file', t('openData.resources.noFile'), t('openData.form.check'));
      const body = new FormData();
      body.append('file', chosen.file, chosen.file.name);
      await api.upload(resourcePath(r.id, '/versions'), body);
      chosen.clear();
    },
    t('openData.resources.versionUploaded'),
    onDone,
  );
  return (
    <form
      className="inline-form"
      onSubmit={submit}
      noValidate
      aria-label={t('openData.resources.newVersion', { name: r.name })}
    >
      <FormOutcome form={form} fields={{ file: { id, label } }} />
      <Field id={id} label={label} error={fieldError(form.error, 'file')}>
        {(aria) => (
          <input
            {...aria}
            key={chosen.key}
            type="file"
            accept={ACCEPT}
            onChange={(e) => chosen.choose(e.target.files?.[0] ?? null)}
          />
        )}
      </Field>
      <button type="submit" disabled={form.busy}>
        {t('openData.resources.versionSend')}
      </button>
    </form>
  );
}
