/**
 * The app's console screen (`/konsol/maps`): the tenant's uploaded layers, and for those who
 * manage them a form to upload one (the file's refusal beside the file field: which feature, what
 * is wrong) and, per layer, its metadata, colour and visibility, its data replaced, or deleted.
 */
import { useState } from 'react';
import {
  Field,
  NotFound,
  Outcome,
  Problem,
  type ScreenProps,
  useConsole,
  useForm,
  useLiveEvents,
  useLoad,
} from '../../../platform/sdk/console.ts';
import { PERM } from '../permissions.ts';
import type { LayersType, LayerType } from '../schemas.ts';

export default function LayersScreen({ parts }: ScreenProps) {
  const { api, t, can } = useConsole();
  const layers = useLoad(() => api.get<LayersType>('/maps/layers'), []);
  useLiveEvents((_e, batch) => {
    if (batch.some((e) => e.type === 'maps.layer.changed')) layers.reload();
  });
  if (parts.length) return <NotFound />;
  const manage = can(PERM.manage);
  const list = layers.data?.layers ?? [];
  return (
    <section aria-labelledby="maps-title">
      <h1 id="maps-title">{t('maps.title')}</h1>
      <p className="lead">{t('maps.intro')}</p>
      {manage ? <UploadLayer onDone={layers.reload} /> : null}
      <h2>{t('maps.list')}</h2>
      <Problem error={layers.error} />
      {layers.data && list.length === 0 ? <p>{t('maps.empty')}</p> : null}
      {list.length > 0 ? (
        <table className="data" id="maps-layers">
          <thead>
            <tr>
              <th scope="col">{t('maps.colTitle')}</th>
              <th scope="col">{t('maps.colName')}</th>
              <th scope="col">{t('maps.colAccess')}</th>
              <th scope="col">{t('maps.colType')}</th>
              <th scope="col">{t('maps.colFeatures')}</th>
            </tr>
          </thead>
          <tbody>
            {list.map((layer) => (
              <tr key={layer.id}>
                <td>
                  <span aria-hidden="true" style={{ color: layer.style.color }}>
                    ●{' '}
                  </span>
                  {layer.title}
                </td>
                <td>
                  <code>{layer.name}</code>
                </td>
                <td>{t(layer.access === 'public' ? 'maps.public' : 'maps.staff')}</td>
                <td>{layer.geometryType}</td>
                <td>{layer.featureCount}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {manage ? list.map((layer) => <EditLayer key={layer.id} layer={layer} onDone={layers.reload} />) : null}
    </section>
  );
}

function UploadLayer({ onDone }: { onDone: () => void }) {
  const { api, t } = useConsole();
  const empty = {
    title: '',
    description: '',
    attribution: '',
    licence: '',
    color: '#1565c0',
    access: 'public',
  };
  const form = useForm(empty);
  const [file, setFile] = useState<File | null>(null);
  const [fileKey, setFileKey] = useState(0);
  const v = form.values;
  const submit = form.submit(
    async () => {
      const body = new FormData();
      // Text fields first: the server reads those sent before the file.
      for (const [key, value] of Object.entries(v)) if (value.trim()) body.append(key, value.trim());
      if (file) body.append('file', file, file.name);
      else body.append('file', new Blob([]), '');
      await api.upload('/maps/layers', body);
      form.reset(empty);
      setFile(null);
      setFileKey((k) => k + 1);
    },
    t('maps.uploaded'),
    onDone,
  );
  return (
    <form className="card admin-form" onSubmit={submit} noValidate aria-labelledby="maps-upload">
      <h2 id="maps-upload">{t('maps.upload')}</h2>
      <Outcome form={form} />
      <Field id="maps-layer-title" label={t('maps.layerTitle')} error={form.err('title')}>
        {(aria) => <input {...aria} value={v.title} onChange={(e) => form.set('title', e.target.value)} />}
      </Field>
      <Field id="maps-layer-description" label={t('maps.description')} error={form.err('description')}>
        {(aria) => (
          <textarea
            {...aria}
            value={v.description}
            onChange={(e) => form.set('description', e.target.value)}
          />
        )}
      </Field>
      <Field id="maps-layer-attribution" label={t('maps.attribution')} error={form.err('attribution')}>
        {(aria) => (
          <input {...aria} value={v.attribution} onChange={(e) => form.set('attribution', e.target.value)} />
        )}
      </Field>
      <Field id="maps-layer-licence" label={t('maps.licence')} error={form.err('licence')}>
        {(aria) => (
          <input {...aria} value={v.licence} onChange={(e) => form.set('licence', e.target.value)} />
        )}
      </Field>
      <Field id="maps-layer-color" label={t('maps.color')} error={form.err('color')}>
        {(aria) => (
          <input {...aria} type="color" value={v.color} onChange={(e) => form.set('color', e.target.value)} />
        )}
      </Field>
      <Field id="maps-layer-access" label={t('maps.access')} error={form.err('access')}>
        {(aria) => (
          <select {...aria} value={v.access} onChange={(e) => form.set('access', e.target.value)}>
            <option value="public">{t('maps.public')}</option>
            <option value="staff">{t('maps.staff')}</option>
          </select>
        )}
      </Field>
      <Field id="maps-layer-file" label={t('maps.file')} error={form.err('file')}>
        {(aria) => (
          <input
            {...aria}
            key={fileKey}
            type="file"
            accept=".geojson,.json,application/geo+json,application/json"
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          />
        )}
      </Field>
      <button type="submit" className="primary" disabled={form.busy}>
        {t('maps.send')}
      </button>
    </form>
  );
}

type Rule = { value: string; color: string; id: string; en: string };

function EditLayer({ layer, onDone }: { layer: LayerType; onDone: () => void }) {
  const { api, t } = useConsole();
  const [byProperty, setByProperty] = useState(layer.style.by?.property ?? '');
  const [rules, setRules] = useState<Rule[]>(
    (layer.style.by?.values ?? []).map((v) => ({
      value: v.value,
      color: v.color,
      id: v.label.id,
      en: v.label.en,
    })),
  );
  const setRule = (i: number, patch: Partial<Rule>) =>
    setRules((all) => all.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const form = useForm({
    title: layer.title,
    description: layer.description ?? '',
    attribution: layer.attribution ?? '',
    licence: layer.licence ?? '',
    color: layer.style.color,
    access: layer.access as string,
  });
  const v = form.values;
  const prefix = `maps-edit-${layer.id}`;
  const save = form.submit(
    () =>
      api.patch(`/maps/layers/${layer.id}`, {
        title: v.title,
        description: v.description.trim() || null,
        attribution: v.attribution.trim() || null,
        licence: v.licence.trim() || null,
        access: v.access,
        style: {
          color: v.color,
          by:
            byProperty && rules.length
              ? {
                  property: byProperty,
                  values: rules.map((r) => ({
                    value: r.value,
                    color: r.color,
                    label: { id: r.id.trim() || r.value, en: r.en.trim() || r.id.trim() || r.value },
                  })),
                }
              : null,
        },
      }),
    t('maps.saved'),
    onDone,
  );
  const remove = form.submit(() => api.delete(`/maps/layers/${layer.id}`), t('maps.removed'), onDone);
  return (
    <details className="card">
      <summary>{t('maps.edit', { title: layer.title })}</summary>
      <form
        className="admin-form"
        onSubmit={save}
        noValidate
        aria-label={t('maps.edit', { title: layer.title })}
      >
        <Outcome form={form} />
        <Field id={`${prefix}-title`} label={t('maps.layerTitle')} error={form.err('title')}>
          {(aria) => <input {...aria} value={v.title} onChange={(e) => form.set('title', e.target.value)} />}
        </Field>
        <Field id={`${prefix}-description`} label={t('maps.description')} error={form.err('description')}>
          {(aria) => (
            <textarea
              {...aria}
              value={v.description}
              onChange={(e) => form.set('description', e.target.value)}
            />
          )}
        </Field>
        <Field id={`${prefix}-attribution`} label={t('maps.attribution')} error={form.err('attribution')}>
          {(aria) => (
            <input
              {...aria}
              value={v.attribution}
              onChange={(e) => form.set('attribution', e.target.value)}
            />
          )}
        </Field>
        <Field id={`${prefix}-licence`} label={t('maps.licence')} error={form.err('licence')}>
          {(aria) => (
            <input {...aria} value={v.licence} onChange={(e) => form.set('licence', e.target.value)} />
          )}
        </Field>
        <Field id={`${prefix}-color`} label={t('maps.color')} error={form.err('style/color')}>
          {(aria) => (
            <input
              {...aria}
              type="color"
              value={v.color}
              onChange={(e) => form.set('color', e.target.value)}
            />
          )}
        </Field>
        <Field id={`${prefix}-access`} label={t('maps.access')} error={form.err('access')}>
          {(aria) => (
            <select {...aria} value={v.access} onChange={(e) => form.set('access', e.target.value)}>
              <option value="public">{t('maps.public')}</option>
              <option value="staff">{t('maps.staff')}</option>
            </select>
          )}
        </Field>
        <fieldset>
          <legend>{t('maps.byTitle')}</legend>
          <Field id={`${prefix}-by`} label={t('maps.byProperty')} error={form.err('style/by/property')}>
            {(aria) => (
              <select {...aria} value={byProperty} onChange={(e) => setByProperty(e.target.value)}>
                <option value="">{t('maps.byNone')}</option>
                {layer.attributes.map((a) => (
                  <option key={a.name} value={a.name}>
                    {a.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
          {byProperty
            ? rules.map((rule, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place, never reordered
                <div className="row" key={i}>
                  <label>
                    {t('maps.byValue')}{' '}
                    <input value={rule.value} onChange={(e) => setRule(i, { value: e.target.value })} />
                  </label>{' '}
                  <label>
                    {t('maps.color')}{' '}
                    <input
                      type="color"
                      value={rule.color}
                      onChange={(e) => setRule(i, { color: e.target.value })}
                    />
                  </label>{' '}
                  <label>
                    {t('maps.byLabelId')}{' '}
                    <input value={rule.id} onChange={(e) => setRule(i, { id: e.target.value })} />
                  </label>{' '}
                  <label>
                    {t('maps.byLabelEn')}{' '}
                    <input value={rule.en} onChange={(e) => setRule(i, { en: e.target.value })} />
                  </label>{' '}
                  <button type="button" onClick={() => setRules((all) => all.filter((_, j) => j !== i))}>
                    {t('maps.byRemove')}
                  </button>
                </div>
              ))
            : null}
          {byProperty ? (
            <button
              type="button"
              onClick={() => setRules((all) => [...all, { value: '', color: '#1565c0', id: '', en: '' }])}
            >
              {t('maps.byAdd')}
            </button>
          ) : null}
        </fieldset>
        <button type="submit" className="primary" disabled={form.busy}>
          {t('maps.save')}
        </button>{' '}
        <button
          type="button"
          className="danger"
          onClick={() => window.confirm(t('maps.confirmRemove', { title: layer.title })) && remove()}
          disabled={form.busy}
        >
          {t('maps.remove')}
        </button>
      </form>
    </details>
  );
}
