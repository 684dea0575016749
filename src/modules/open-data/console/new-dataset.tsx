/**
 * A new dataset (a draft): the agency it belongs to — chosen among those the producer writes for,
 * the only one preselected — and its metadata. Created, it opens on its own screen, where its
 * files and links are added.
 */
import { useEffect, useState } from 'react';
import {
  AgencyOptions,
  Field,
  Link,
  navigate,
  useAgencies,
  useConsole,
  useForm,
} from '../../../platform/sdk/console.ts';
import { PERM } from '../permissions.ts';
import type { DatasetType } from '../schemas.ts';
import {
  API,
  bodyOf,
  EMPTY_METADATA,
  type MetadataValues,
  nameFrom,
  useThemes,
  writableAgencies,
} from './kit.ts';
import { MetadataFields, metadataTargets } from './metadata-form.tsx';
import { OpenDataNav } from './nav.tsx';
import { FormOutcome, fieldError } from './problems.tsx';

const PREFIX = 'od-new';

export function NewDatasetSection() {
  const { api, t, canTenantWide, agencyIds } = useConsole();
  const agencies = useAgencies();
  const themes = useThemes();
  const form = useForm<MetadataValues & { agencyId: string }>({ ...EMPTY_METADATA, agencyId: '' });
  // The address follows the title until it is typed itself.
  const [nameTyped, setNameTyped] = useState(false);
  const all = agencies.data ?? [];
  const allowed = writableAgencies(all, canTenantWide(PERM.write), agencyIds);
  const only = allowed.size === 1 ? [...allowed][0] : undefined;
  // biome-ignore lint/correctness/useExhaustiveDependencies: preselect once the agencies are known
  useEffect(() => {
    if (only && !form.values.agencyId) form.set('agencyId', only);
  }, [only]);
  const v = form.values;
  let created = '';
  const submit = form.submit(
    async () => {
      const d = await api.post<DatasetType>(`${API}/datasets`, { agencyId: v.agencyId, ...bodyOf(v) });
      created = d.id;
    },
    t('openData.form.created'),
    () => navigate(`/open-data/dataset/${created}?baru=1`),
  );
  const fields = {
    agencyId: { id: `${PREFIX}-agency`, label: t('openData.field.agencyId') },
    ...metadataTargets(PREFIX, t, themes.data ?? []),
  };
  return (
    <section aria-labelledby="od-new-heading">
      <OpenDataNav current="datasets" />
      <h1 id="od-new-heading">{t('openData.form.newTitle')}</h1>
      <p className="lead">{t('openData.form.newIntro')}</p>
      <p>
        <Link to="/open-data">{t('openData.dataset.back')}</Link>
      </p>
      <form className="card admin-form" onSubmit={submit} noValidate aria-labelledby="od-new-heading">
        <FormOutcome form={form} fields={fields} />
        <Field
          id={`${PREFIX}-agency`}
          label={t('openData.field.agencyId')}
          error={fieldError(form.error, 'agencyId')}
        >
          {(aria) => (
            <select {...aria} value={v.agencyId} onChange={(e) => form.set('agencyId', e.target.value)}>
              {only ? null : <option value="">{t('openData.form.pickAgency')}</option>}
              <AgencyOptions
                items={all}
                exclude={new Set(all.filter((a) => !allowed.has(a.id)).map((a) => a.id))}
              />
            </select>
          )}
        </Field>
        <MetadataFields
          prefix={PREFIX}
          form={form}
          themes={themes.data ?? []}
          onTitle={(title) => {
            if (!nameTyped) form.set('name', nameFrom(title));
          }}
          onName={() => setNameTyped(true)}
        />
        <button type="submit" className="primary" disabled={form.busy}>
          {t('openData.form.create')}
        </button>
      </form>
    </section>
  );
}
