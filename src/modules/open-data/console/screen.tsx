/**
 * The app's console screen (`/konsol/open-data`): the tenant's latest items, kept current by the
 * live stream, and for those who manage the app a form to add one, its refusals beside the fields.
 */
import {
  Field,
  formatWhen,
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
import type { ItemsType } from '../schemas.ts';

export default function ItemsScreen({ parts }: ScreenProps) {
  const { api, t, can } = useConsole();
  const items = useLoad(() => api.get<ItemsType>('/open-data/items'), []);
  useLiveEvents((_e, batch) => {
    if (batch.some((e) => e.type === 'open-data.item.created')) items.reload();
  });
  if (parts.length) return <NotFound />;
  const { lang, timeZone } = api.config;
  return (
    <section aria-labelledby="open-data-title">
      <h1 id="open-data-title">{t('openData.title')}</h1>
      {can(PERM.manage) ? <AddItem onDone={items.reload} /> : null}
      <h2>{t('openData.list')}</h2>
      <Problem error={items.error} />
      {items.data && items.data.items.length === 0 ? <p>{t('openData.empty')}</p> : null}
      <ul className="plain" id="open-data-items">
        {(items.data?.items ?? []).map((item) => (
          <li key={item.id}>
            <strong>{item.title}</strong> · {formatWhen(item.createdAt, lang, timeZone)}
            {item.description ? <p>{item.description}</p> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

function AddItem({ onDone }: { onDone: () => void }) {
  const { api, t } = useConsole();
  const form = useForm({ title: '', description: '' });
  const v = form.values;
  const submit = form.submit(
    async () => {
      await api.post('/open-data/items', {
        title: v.title,
        ...(v.description.trim() ? { description: v.description } : {}),
      });
      form.reset({ title: '', description: '' });
    },
    t('openData.saved'),
    onDone,
  );
  return (
    <form className="card admin-form" onSubmit={submit} noValidate aria-labelledby="open-data-add">
      <h2 id="open-data-add">{t('openData.add')}</h2>
      <Outcome form={form} />
      <Field id="open-data-item-title" label={t('openData.itemTitle')} error={form.err('title')}>
        {(aria) => (
          <input {...aria} value={v.title} onChange={(e) => form.set('title', e.target.value)} required />
        )}
      </Field>
      <Field
        id="open-data-item-description"
        label={t('openData.description')}
        error={form.err('description')}
      >
        {(aria) => (
          <textarea
            {...aria}
            value={v.description}
            onChange={(e) => form.set('description', e.target.value)}
          />
        )}
      </Field>
      <button type="submit" className="primary" disabled={form.busy}>
        {t('openData.save')}
      </button>
    </form>
  );
}
