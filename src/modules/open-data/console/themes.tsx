/**
 * The region's themes (CKAN's groups) that datasets are filed under, in their order; those who
 * keep them (the walidata) add one here.
 */
import { Field, Problem, Scroll, useConsole, useForm, useLiveEvents } from '../../../platform/sdk/console.ts';
import { PERM } from '../permissions.ts';
import { API, useThemes } from './kit.ts';
import { OpenDataNav } from './nav.tsx';
import { FormOutcome, fieldError } from './problems.tsx';

export function ThemesSection() {
  const { t, can } = useConsole();
  const themes = useThemes();
  useLiveEvents((_e, batch) => {
    if (batch.some((e) => e.type === 'open-data.theme.changed')) themes.reload();
  });
  const list = themes.data ?? [];
  return (
    <section aria-labelledby="od-themes-title">
      <OpenDataNav current="themes" />
      <h1 id="od-themes-title">{t('openData.themes.title')}</h1>
      <p className="lead">{t('openData.themes.intro')}</p>
      <Problem error={themes.error} />
      {themes.data && list.length === 0 ? <p className="empty">{t('openData.themes.empty')}</p> : null}
      {list.length ? (
        <Scroll label={t('openData.themes.table')}>
          <table className="list" id="od-themes">
            <thead>
              <tr>
                <th scope="col">{t('openData.themes.titleLabel')}</th>
                <th scope="col">{t('openData.themes.name')}</th>
                <th scope="col">{t('openData.themes.description')}</th>
                <th scope="col">{t('openData.themes.sort')}</th>
              </tr>
            </thead>
            <tbody>
              {list.map((theme) => (
                <tr key={theme.id} data-theme={theme.name}>
                  <td>{theme.title}</td>
                  <td className="mono">{theme.name}</td>
                  <td>{theme.description ?? ''}</td>
                  <td>{theme.sort}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </Scroll>
      ) : null}
      {can(PERM.themes) ? <AddTheme onDone={themes.reload} /> : null}
    </section>
  );
}

function AddTheme({ onDone }: { onDone: () => void }) {
  const { api, t } = useConsole();
  const empty = { name: '', title: '', description: '', sort: '' };
  const form = useForm(empty);
  const v = form.values;
  const submit = form.submit(
    async () => {
      const sort = v.sort.trim();
      await api.post(`${API}/themes`, {
        name: v.name.trim(),
        title: v.title.trim(),
        description: v.description.trim() || null,
        ...(sort ? { sort: Number.isInteger(Number(sort)) ? Number(sort) : sort } : {}),
      });
      form.reset(empty);
    },
    t('openData.themes.added'),
    onDone,
  );
  const fields = {
    name: { id: 'od-theme-name', label: t('openData.themes.name') },
    title: { id: 'od-theme-title', label: t('openData.themes.titleLabel') },
    description: { id: 'od-theme-description', label: t('openData.themes.description') },
    sort: { id: 'od-theme-sort', label: t('openData.themes.sort') },
  };
  return (
    <form className="card admin-form" onSubmit={submit} noValidate aria-labelledby="od-theme-add">
      <h2 id="od-theme-add">{t('openData.themes.add')}</h2>
      <FormOutcome form={form} fields={fields} />
      <div className="grid-2">
        <Field
          id="od-theme-title"
          label={t('openData.themes.titleLabel')}
          error={fieldError(form.error, 'title')}
        >
          {(aria) => <input {...aria} value={v.title} onChange={(e) => form.set('title', e.target.value)} />}
        </Field>
        <Field
          id="od-theme-name"
          label={t('openData.themes.name')}
          hint={t('openData.hint.name')}
          error={fieldError(form.error, 'name')}
        >
          {(aria) => <input {...aria} value={v.name} onChange={(e) => form.set('name', e.target.value)} />}
        </Field>
        <Field
          id="od-theme-description"
          label={t('openData.themes.description')}
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
        <Field
          id="od-theme-sort"
          label={t('openData.themes.sort')}
          hint={t('openData.themes.sortHint')}
          error={fieldError(form.error, 'sort')}
        >
          {(aria) => (
            <input
              {...aria}
              inputMode="numeric"
              value={v.sort}
              onChange={(e) => form.set('sort', e.target.value)}
            />
          )}
        </Field>
      </div>
      <button type="submit" className="primary" disabled={form.busy}>
        {t('openData.themes.send')}
      </button>
    </form>
  );
}
