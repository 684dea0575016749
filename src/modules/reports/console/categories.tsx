/**
 * Report categories and deadlines (the reports app, LAKSA): the categories with their usual agency
 * and deadline overrides, a form to add or change one, and the tenant's deadlines and duplicate
 * settings. When the app is not live for the tenant its routes answer 404: the section says so.
 */
import { useState } from 'react';
import {
  type Agency,
  AgencyOptions,
  ApiError,
  Field,
  numberOf,
  Outcome,
  Problem,
  Scroll,
  SectionHead,
  useAgencies,
  useConsole,
  useForm,
  useLoad,
} from '../../../platform/sdk/console.ts';

type Category = {
  code: string;
  name: { id: string; en: string };
  agencyId: string | null;
  verifyDays: number | null;
  followUpDays: number | null;
  defaultTrack: string;
  active: boolean;
  sort: number;
};
type Deadlines = {
  verifyDays: number;
  followUpDays: { standard: number; dispute: number; field_work: number };
  typeFollowUpDays: { aspiration?: number; complaint?: number; information_request?: number };
  autoCloseDays: number;
  reopenDays: number;
};
type Settings = {
  displayName: string | null;
  deadlines: Deadlines;
  duplicateRadiusM: number;
  duplicateWindowDays: number;
  minStatsSample: number;
  laporEnabled: boolean;
};

const TRACKS = ['standard', 'dispute', 'field_work'] as const;
const TYPES = ['aspiration', 'complaint', 'information_request'] as const;

export function CategoriesSection() {
  const { api, t } = useConsole();
  const settings = useLoad(() => api.get<Settings>('/reports/settings'), []);
  const categories = useLoad(() => api.get<Category[]>('/reports/categories'), []);
  const agencies = useAgencies();
  const [editing, setEditing] = useState<string | null>(null);
  const notLive = settings.error?.status === 404 || categories.error?.status === 404;
  if (notLive) {
    return (
      <section aria-labelledby="categories-title">
        <SectionHead id="categories-title" title={t('admin.nav.categories')} />
        <p className="notice" role="status" data-not-live>
          {t('admin.categories.notLive')}
        </p>
      </section>
    );
  }
  const items = [...(categories.data ?? [])].sort((a, b) => a.sort - b.sort || a.code.localeCompare(b.code));
  const agencyItems = agencies.data ?? [];
  const agencyName = new Map(agencyItems.map((a) => [a.id, a.name]));
  const { lang } = api.config;
  const editingCategory = items.find((c) => c.code === editing);
  return (
    <section aria-labelledby="categories-title">
      <SectionHead
        id="categories-title"
        title={t('admin.nav.categories')}
        intro={t('admin.categories.intro')}
      />
      <Problem error={categories.error ?? agencies.error} />
      <CategoryForm
        key={editing ?? 'new'}
        category={editingCategory}
        taken={new Set(items.map((i) => i.code))}
        agencies={agencyItems}
        onCancel={() => setEditing(null)}
        onDone={() => {
          setEditing(null);
          categories.reload();
        }}
      />
      <h2 id="categories-list">{t('admin.categories.list')}</h2>
      {categories.data && items.length === 0 ? <p className="empty">{t('admin.categories.empty')}</p> : null}
      {items.length > 0 ? (
        <Scroll label={t('admin.categories.list')}>
          <table className="list" aria-labelledby="categories-list">
            <thead>
              <tr>
                <th scope="col">{t('admin.categories.code')}</th>
                <th scope="col">{t('admin.agencies.name')}</th>
                <th scope="col">{t('admin.categories.agency')}</th>
                <th scope="col">{t('admin.categories.verifyDays')}</th>
                <th scope="col">{t('admin.categories.followUpDays')}</th>
                <th scope="col">{t('admin.categories.defaultTrack')}</th>
                <th scope="col">{t('admin.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((c) => (
                <tr key={c.code} data-category={c.code}>
                  <td className="mono">{c.code}</td>
                  <td>{lang === 'en' ? c.name.en : c.name.id}</td>
                  <td>{c.agencyId ? (agencyName.get(c.agencyId) ?? '') : t('admin.none')}</td>
                  <td>{c.verifyDays ?? t('admin.categories.inherit')}</td>
                  <td>{c.followUpDays ?? t('admin.categories.inherit')}</td>
                  <td>{t(`admin.categories.tracks.${c.defaultTrack}`, { defaultValue: c.defaultTrack })}</td>
                  <td>
                    <button
                      type="button"
                      onClick={() => setEditing(c.code)}
                      aria-label={`${t('admin.edit')} ${lang === 'en' ? c.name.en : c.name.id}`}
                    >
                      {t('admin.edit')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </Scroll>
      ) : null}
      {settings.data ? (
        <SettingsForm settings={settings.data} onDone={settings.reload} />
      ) : (
        <Problem error={settings.error} />
      )}
    </section>
  );
}

function CategoryForm(props: {
  category: Category | undefined;
  taken: Set<string>;
  agencies: Agency[];
  onCancel: () => void;
  onDone: () => void;
}) {
  const { api, t } = useConsole();
  const c = props.category;
  const form = useForm({
    code: c?.code ?? '',
    nameId: c?.name.id ?? '',
    nameEn: c?.name.en ?? '',
    agencyId: c?.agencyId ?? '',
    verifyDays: c?.verifyDays != null ? String(c.verifyDays) : '',
    followUpDays: c?.followUpDays != null ? String(c.followUpDays) : '',
    defaultTrack: c?.defaultTrack ?? 'standard',
    active: c?.active ?? true,
    sort: String(c?.sort ?? 0),
  });
  const v = form.values;
  const code = v.code.trim();
  const submit = form.submit(
    async () => {
      // A new code that is already in use would silently change that category: refused here.
      if (!c && props.taken.has(code)) {
        const message = t('admin.categories.codeTaken');
        throw new ApiError(400, 'invalid', message, [{ path: '/params/code', code: 'taken', message }]);
      }
      await api.put(`/reports/categories/${encodeURIComponent(code || '-')}`, {
        name: { id: v.nameId.trim(), en: v.nameEn.trim() },
        agencyId: v.agencyId || null,
        verifyDays: numberOf(v.verifyDays) ?? null,
        followUpDays: numberOf(v.followUpDays) ?? null,
        defaultTrack: v.defaultTrack,
        active: v.active,
        sort: numberOf(v.sort) ?? 0,
      });
      if (!c) form.reset({ ...v, code: '', nameId: '', nameEn: '' });
    },
    t('admin.categories.saved', { name: v.nameId.trim() }),
    props.onDone,
  );
  const title = c ? t('admin.categories.editTitle', { code: c.code }) : t('admin.categories.create');
  return (
    <form className="card admin-form" onSubmit={submit} noValidate aria-labelledby="category-form-title">
      <h2 id="category-form-title">{title}</h2>
      <Outcome form={form} />
      <div className="grid-2">
        {c ? null : (
          <Field
            id="category-code"
            label={t('admin.categories.code')}
            hint={t('admin.categories.codeHint')}
            error={form.err('code')}
          >
            {(aria) => (
              <input
                {...aria}
                value={v.code}
                onChange={(e) => form.set('code', e.target.value)}
                autoComplete="off"
                required
              />
            )}
          </Field>
        )}
        <Field id="category-name-id" label={t('admin.categories.nameId')} error={form.err('name/id')}>
          {(aria) => (
            <input {...aria} value={v.nameId} onChange={(e) => form.set('nameId', e.target.value)} required />
          )}
        </Field>
        <Field id="category-name-en" label={t('admin.categories.nameEn')} error={form.err('name/en')}>
          {(aria) => (
            <input {...aria} value={v.nameEn} onChange={(e) => form.set('nameEn', e.target.value)} required />
          )}
        </Field>
        <Field id="category-agency" label={t('admin.categories.agency')} error={form.err('agencyId')}>
          {(aria) => (
            <select {...aria} value={v.agencyId} onChange={(e) => form.set('agencyId', e.target.value)}>
              <option value="">{t('admin.categories.noAgency')}</option>
              <AgencyOptions items={props.agencies} />
            </select>
          )}
        </Field>
        <Field
          id="category-verify"
          label={t('admin.categories.verifyDays')}
          hint={t('admin.categories.daysHint')}
          error={form.err('verifyDays')}
        >
          {(aria) => (
            <input
              {...aria}
              type="number"
              min={1}
              max={365}
              value={v.verifyDays}
              onChange={(e) => form.set('verifyDays', e.target.value)}
            />
          )}
        </Field>
        <Field
          id="category-follow-up"
          label={t('admin.categories.followUpDays')}
          hint={t('admin.categories.daysHint')}
          error={form.err('followUpDays')}
        >
          {(aria) => (
            <input
              {...aria}
              type="number"
              min={1}
              max={365}
              value={v.followUpDays}
              onChange={(e) => form.set('followUpDays', e.target.value)}
            />
          )}
        </Field>
        <Field
          id="category-track"
          label={t('admin.categories.defaultTrack')}
          error={form.err('defaultTrack')}
        >
          {(aria) => (
            <select
              {...aria}
              value={v.defaultTrack}
              onChange={(e) => form.set('defaultTrack', e.target.value)}
            >
              {TRACKS.map((k) => (
                <option key={k} value={k}>
                  {t(`admin.categories.tracks.${k}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="category-sort" label={t('admin.categories.sort')} error={form.err('sort')}>
          {(aria) => (
            <input
              {...aria}
              type="number"
              min={0}
              max={10000}
              value={v.sort}
              onChange={(e) => form.set('sort', e.target.value)}
            />
          )}
        </Field>
      </div>
      <p className="check">
        <input
          id="category-active"
          type="checkbox"
          checked={v.active}
          onChange={(e) => form.set('active', e.target.checked)}
        />
        <label htmlFor="category-active">{t('admin.categories.active')}</label>
      </p>
      {form.err('code') && c ? <p className="error">{form.err('code')}</p> : null}
      <div className="buttons">
        <button type="submit" className="primary" disabled={form.busy}>
          {c ? t('admin.save') : t('admin.categories.create')}
        </button>
        {c ? (
          <button type="button" onClick={props.onCancel}>
            {t('admin.cancel')}
          </button>
        ) : null}
      </div>
    </form>
  );
}

function SettingsForm({ settings, onDone }: { settings: Settings; onDone: () => void }) {
  const { api, t } = useConsole();
  const d = settings.deadlines;
  const form = useForm<Record<string, string | boolean>>({
    verifyDays: String(d.verifyDays),
    standard: String(d.followUpDays.standard),
    dispute: String(d.followUpDays.dispute),
    field_work: String(d.followUpDays.field_work),
    aspiration: d.typeFollowUpDays.aspiration != null ? String(d.typeFollowUpDays.aspiration) : '',
    complaint: d.typeFollowUpDays.complaint != null ? String(d.typeFollowUpDays.complaint) : '',
    information_request:
      d.typeFollowUpDays.information_request != null ? String(d.typeFollowUpDays.information_request) : '',
    autoCloseDays: String(d.autoCloseDays),
    reopenDays: String(d.reopenDays),
    duplicateRadiusM: String(settings.duplicateRadiusM),
    duplicateWindowDays: String(settings.duplicateWindowDays),
    minStatsSample: String(settings.minStatsSample),
    displayName: settings.displayName ?? '',
    laporEnabled: settings.laporEnabled,
  });
  const v = form.values as Record<string, string> & { laporEnabled: boolean };
  const submit = form.submit(
    () => {
      const typeFollowUpDays: Record<string, number> = {};
      for (const k of TYPES) {
        const n = numberOf(v[k] ?? '');
        if (n !== undefined) typeFollowUpDays[k] = n;
      }
      return api.patch('/reports/settings', {
        displayName: v.displayName?.trim() || null,
        deadlines: {
          verifyDays: numberOf(v.verifyDays ?? ''),
          followUpDays: {
            standard: numberOf(v.standard ?? ''),
            dispute: numberOf(v.dispute ?? ''),
            field_work: numberOf(v.field_work ?? ''),
          },
          typeFollowUpDays,
          autoCloseDays: numberOf(v.autoCloseDays ?? ''),
          reopenDays: numberOf(v.reopenDays ?? ''),
        },
        duplicateRadiusM: numberOf(v.duplicateRadiusM ?? ''),
        duplicateWindowDays: numberOf(v.duplicateWindowDays ?? ''),
        minStatsSample: numberOf(v.minStatsSample ?? ''),
        laporEnabled: v.laporEnabled,
      });
    },
    t('admin.categories.settingsSaved'),
    onDone,
  );
  const num = (key: string, label: string, path: string, optional = false) => (
    <Field id={`settings-${key}`} label={label} error={form.err(path)}>
      {(aria) => (
        <input
          {...aria}
          type="number"
          min={1}
          value={String(v[key] ?? '')}
          onChange={(e) => form.set(key, e.target.value)}
          required={!optional}
        />
      )}
    </Field>
  );
  return (
    <form className="card admin-form" onSubmit={submit} noValidate aria-labelledby="settings-title">
      <h2 id="settings-title">{t('admin.categories.deadlinesTitle')}</h2>
      <p className="lead">{t('admin.categories.deadlinesIntro')}</p>
      <Outcome form={form as unknown as { error?: ApiError; done: string }} />
      <div className="grid-2">
        {num('verifyDays', t('admin.categories.verify'), 'deadlines/verifyDays')}
        {num('standard', t('admin.categories.standard'), 'deadlines/followUpDays/standard')}
        {num('dispute', t('admin.categories.dispute'), 'deadlines/followUpDays/dispute')}
        {num('field_work', t('admin.categories.fieldWork'), 'deadlines/followUpDays/field_work')}
        {num('autoCloseDays', t('admin.categories.autoClose'), 'deadlines/autoCloseDays')}
        {num('reopenDays', t('admin.categories.reopen'), 'deadlines/reopenDays')}
      </div>
      <fieldset>
        <legend>{t('admin.categories.typeTitle')}</legend>
        <div className="grid-2">
          {TYPES.map((k) => num(k, t(`type.${k}`), `deadlines/typeFollowUpDays/${k}`, true))}
        </div>
      </fieldset>
      <div className="grid-2">
        {num('duplicateRadiusM', t('admin.categories.duplicateRadius'), 'duplicateRadiusM')}
        {num('duplicateWindowDays', t('admin.categories.duplicateWindow'), 'duplicateWindowDays')}
        {num('minStatsSample', t('admin.categories.minSample'), 'minStatsSample')}
        <Field
          id="settings-displayName"
          label={t('admin.categories.displayName')}
          hint={t('admin.categories.displayNameHint')}
          error={form.err('displayName')}
        >
          {(aria) => (
            <input
              {...aria}
              value={String(v.displayName ?? '')}
              onChange={(e) => form.set('displayName', e.target.value)}
            />
          )}
        </Field>
      </div>
      <p className="check">
        <input
          id="settings-lapor"
          type="checkbox"
          checked={v.laporEnabled}
          onChange={(e) => form.set('laporEnabled', e.target.checked)}
        />
        <label htmlFor="settings-lapor">{t('admin.categories.lapor')}</label>
      </p>
      <button type="submit" className="primary" disabled={form.busy}>
        {t('admin.save')}
      </button>
    </form>
  );
}
