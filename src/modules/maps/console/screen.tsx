/**
 * The app's console screen (`/konsol/maps`): the tenant's latest items, kept current by the
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
  const items = useLoad(() => api.get<ItemsType>('/maps/items'), []);
  useLiveEvents((_e, batch) => {
    if (batch.some((e) => e.type === 'maps.item.created')) items.reload();
  });
  if (parts.length) return <NotFound />;
  const { lang, timeZone } = api.config;
  return (
    <section aria-labelledby="maps-title">
      <h1 id="maps-title">{t('maps.title')}</h1>
      {can(PERM.manage) ? <AddItem onDone={items.reload} /> : null}
      <h2>{t('maps.list')}</h2>
      <Problem error={items.error} />
      {items.data && items.data.items.length === 0 ? <p>{t('maps.empty')}</p> : null}
      <ul className="plain" id="maps-items">
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
      await api.post('/maps/items', {
        title: v.title,
        ...(v.description.trim() ? { description: v.description } : {}),
      });
      form.reset({ title: '', description: '' });
    },
    t('maps.saved'),
    onDone,
  );
  return (
    <form className="card admin-form" onSubmit={submit} noValidate aria-labelledby="maps-add">
      <h2 id="maps-add">{t('maps.add')}</h2>
      <Outcome form={form} />
      <Field id="maps-item-title" label={t('maps.itemTitle')} error={form.err('title')}>
        {(aria) => (
          <input {...aria} value={v.title} onChange={(e) => form.set('title', e.target.value)} required />
        )}
      </Field>
      <Field id="maps-item-description" label={t('maps.description')} error={form.err('description')}>
        {(aria) => (
          <textarea
            {...aria}
            value={v.description}
            onChange={(e) => form.set('description', e.target.value)}
          />
        )}
      </Field>
      <button type="submit" className="primary" disabled={form.busy}>
        {t('maps.save')}
      </button>
    </form>
  );
}
