/**
 * A dataset's metadata fields, for a new dataset and for changing one: what it is (title, address,
 * description, classification, licence, frequency, themes, keywords), Satu Data Indonesia's fields
 * (affair and sub-affair codes, indicator, unit, definition, release schedule, data standard), its
 * coverage in time and space, and its contact. Each field shows the server's refusal beside it.
 */
import type { ReactNode } from 'react';
import { type ApiError, Field, useConsole } from '../../../platform/sdk/console.ts';
import { CLASSIFICATIONS, FREQUENCIES } from '../catalog/view.ts';
import { LICENSES } from '../licenses.ts';
import type { ThemeType } from '../schemas.ts';
import type { MetadataValues } from './kit.ts';
import { type FieldTargets, fieldError } from './problems.tsx';

type Key = keyof MetadataValues;

export type MetadataForm = {
  values: MetadataValues;
  set: (key: Key, value: MetadataValues[Key]) => void;
  error: ApiError | undefined;
};

/** The fields in their order, each with what kind of control it is. */
const TEXTS: Record<
  Exclude<Key, 'classification' | 'licenseId' | 'frequency' | 'themes'>,
  'text' | 'long' | 'date' | 'email'
> = {
  title: 'text',
  name: 'text',
  description: 'long',
  keywords: 'text',
  affairCode: 'text',
  subAffairCode: 'text',
  indicator: 'text',
  unit: 'text',
  definition: 'long',
  releaseSchedule: 'text',
  dataStandard: 'text',
  temporalStart: 'date',
  temporalEnd: 'date',
  spatialName: 'text',
  spatialBbox: 'text',
  contactName: 'text',
  contactEmail: 'email',
};

/** Fields that say more than their label. */
const HINTS: Partial<Record<Key, string>> = {
  name: 'openData.hint.name',
  keywords: 'openData.hint.keywords',
  affairCode: 'openData.hint.affairCode',
  subAffairCode: 'openData.hint.subAffairCode',
  spatialBbox: 'openData.hint.spatialBbox',
  releaseSchedule: 'openData.hint.releaseSchedule',
};

const ALL_KEYS: Key[] = [
  'title',
  'name',
  'description',
  'classification',
  'licenseId',
  'frequency',
  'themes',
  'keywords',
  'affairCode',
  'subAffairCode',
  'indicator',
  'unit',
  'definition',
  'releaseSchedule',
  'dataStandard',
  'temporalStart',
  'temporalEnd',
  'spatialName',
  'spatialBbox',
  'contactName',
  'contactEmail',
];

/** Where each field's refusal links to in the error summary. */
export function metadataTargets(
  prefix: string,
  t: (key: string) => string,
  themes: ThemeType[],
): FieldTargets {
  const out: FieldTargets = {};
  for (const key of ALL_KEYS) {
    const id = key === 'themes' ? `${prefix}-theme-${themes[0]?.name ?? ''}` : `${prefix}-${key}`;
    out[key] = { id, label: t(`openData.field.${key}`) };
  }
  return out;
}

export function MetadataFields(props: {
  prefix: string;
  form: MetadataForm;
  themes: ThemeType[];
  /** Set when only the walidata may change the classification (a published dataset). */
  classificationLocked?: boolean;
  /** A fed dataset keeps its address. */
  nameLocked?: boolean;
  /** Typing a title suggests the address (a new dataset, until its address is typed). */
  onTitle?: (title: string) => void;
  onName?: () => void;
}) {
  const { t } = useConsole();
  const { prefix, form } = props;
  const v = form.values;
  const err = (key: Key) => fieldError(form.error, key);

  const text = (key: keyof typeof TEXTS, extra: { required?: boolean; disabled?: boolean } = {}) => {
    const hint = HINTS[key];
    const kind = TEXTS[key];
    const value = v[key] as string;
    const change = (value: string) => {
      form.set(key, value);
      if (key === 'title') props.onTitle?.(value);
      if (key === 'name') props.onName?.();
    };
    return (
      <Field
        id={`${prefix}-${key}`}
        label={t(`openData.field.${key}`)}
        error={err(key)}
        {...(hint ? { hint: t(hint) } : {})}
      >
        {(aria) =>
          kind === 'long' ? (
            <textarea {...aria} rows={4} value={value} onChange={(e) => change(e.target.value)} />
          ) : (
            <input
              {...aria}
              type={kind}
              value={value}
              required={extra.required}
              disabled={extra.disabled}
              onChange={(e) => change(e.target.value)}
            />
          )
        }
      </Field>
    );
  };

  const choice = (key: 'classification' | 'licenseId' | 'frequency', options: ReactNode, hint?: string) => (
    <Field
      id={`${prefix}-${key}`}
      label={t(`openData.field.${key}`)}
      error={err(key)}
      {...(hint ? { hint } : {})}
    >
      {(aria) => (
        <select
          {...aria}
          value={v[key]}
          disabled={key === 'classification' && props.classificationLocked}
          onChange={(e) => form.set(key, e.target.value)}
        >
          {options}
        </select>
      )}
    </Field>
  );

  const themesError = err('themes');
  const toggleTheme = (name: string, on: boolean) =>
    form.set('themes', on ? [...v.themes, name] : v.themes.filter((n) => n !== name));

  return (
    <>
      <fieldset>
        <legend>{t('openData.form.about')}</legend>
        {text('title', { required: true })}
        {text('name', { required: true, disabled: props.nameLocked })}
        {text('description')}
        <div className="grid-3">
          {choice(
            'classification',
            CLASSIFICATIONS.map((c) => (
              <option key={c} value={c}>
                {t(`openData.classification.${c}`)}
              </option>
            )),
            props.classificationLocked
              ? t('openData.hint.classificationLocked')
              : t('openData.hint.classification'),
          )}
          {choice(
            'licenseId',
            LICENSES.map((l) => (
              <option key={l.id} value={l.id}>
                {l.title}
              </option>
            )),
          )}
          {choice(
            'frequency',
            FREQUENCIES.map((f) => (
              <option key={f} value={f}>
                {t(`openData.frequency.${f}`)}
              </option>
            )),
          )}
        </div>
        <fieldset
          className={themesError ? 'has-error' : undefined}
          aria-describedby={themesError ? `${prefix}-themes-error` : undefined}
        >
          <legend>{t('openData.field.themes')}</legend>
          {props.themes.length === 0 ? <p className="muted">{t('openData.form.noThemes')}</p> : null}
          {props.themes.map((theme) => (
            <label key={theme.name} className="check" htmlFor={`${prefix}-theme-${theme.name}`}>
              <input
                id={`${prefix}-theme-${theme.name}`}
                type="checkbox"
                checked={v.themes.includes(theme.name)}
                onChange={(e) => toggleTheme(theme.name, e.target.checked)}
              />
              {theme.title}
            </label>
          ))}
          {themesError ? (
            <p className="error" id={`${prefix}-themes-error`}>
              {themesError}
            </p>
          ) : null}
        </fieldset>
        {text('keywords')}
      </fieldset>
      <fieldset>
        <legend>{t('openData.form.sdi')}</legend>
        <div className="grid-2">
          {text('affairCode')}
          {text('subAffairCode')}
          {text('indicator')}
          {text('unit')}
        </div>
        {text('definition')}
        <div className="grid-2">
          {text('releaseSchedule')}
          {text('dataStandard')}
        </div>
      </fieldset>
      <fieldset>
        <legend>{t('openData.form.coverage')}</legend>
        <div className="grid-2">
          {text('temporalStart')}
          {text('temporalEnd')}
          {text('spatialName')}
          {text('spatialBbox')}
        </div>
      </fieldset>
      <fieldset>
        <legend>{t('openData.form.contact')}</legend>
        <div className="grid-2">
          {text('contactName', { required: true })}
          {text('contactEmail')}
        </div>
      </fieldset>
    </>
  );
}
