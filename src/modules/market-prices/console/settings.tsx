/**
 * The market prices app's settings, in the settings area: the publication time (the tenant's
 * local time), the jump percentage the review marks and the rise that raises an alert. The API
 * checks every value and its refusals stand beside the fields.
 */
import {
  Field,
  numberOf,
  Outcome,
  Problem,
  SectionHead,
  useConsole,
  useForm,
  useLoad,
} from '../../../platform/sdk/console.ts';

type Settings = { publishTime: string; jumpPercent: number; alertPercent: number };

export default function PriceSettingsSection() {
  const { api, t } = useConsole();
  const settings = useLoad(() => api.get<Settings>('/market-prices/settings'), []);
  return (
    <section aria-labelledby="price-settings-title">
      <SectionHead
        id="price-settings-title"
        title={t('admin.nav.prices')}
        intro={t('prices.settings.intro')}
      />
      <Problem error={settings.error} />
      {settings.data ? <SettingsForm settings={settings.data} onDone={settings.reload} /> : null}
      {!settings.data && settings.loading ? <p className="loading">{t('loading')}</p> : null}
    </section>
  );
}

function SettingsForm({ settings, onDone }: { settings: Settings; onDone: () => void }) {
  const { api, t } = useConsole();
  const form = useForm({
    publishTime: settings.publishTime,
    jumpPercent: String(settings.jumpPercent),
    alertPercent: String(settings.alertPercent),
  });
  const v = form.values;
  const submit = form.submit(
    () =>
      api.patch('/market-prices/settings', {
        publishTime: v.publishTime.trim(),
        jumpPercent: numberOf(v.jumpPercent),
        alertPercent: numberOf(v.alertPercent),
      }),
    t('prices.settings.saved'),
    onDone,
  );
  const percent = (key: 'jumpPercent' | 'alertPercent') => (
    <Field
      id={`price-settings-${key}`}
      label={t(`prices.settings.${key}`)}
      hint={t(`prices.settings.${key}Hint`)}
      error={form.err(key)}
    >
      {(aria) => (
        <input
          {...aria}
          inputMode="numeric"
          value={v[key]}
          onChange={(e) => form.set(key, e.target.value)}
          autoComplete="off"
          required
        />
      )}
    </Field>
  );
  return (
    <form className="card admin-form" onSubmit={submit} noValidate aria-labelledby="price-settings-title">
      <Outcome form={form} />
      <div className="grid-3">
        <Field
          id="price-settings-publishTime"
          label={t('prices.settings.publishTime')}
          hint={t('prices.settings.publishTimeHint')}
          error={form.err('publishTime')}
        >
          {(aria) => (
            <input
              {...aria}
              value={v.publishTime}
              onChange={(e) => form.set('publishTime', e.target.value)}
              autoComplete="off"
              required
            />
          )}
        </Field>
        {percent('jumpPercent')}
        {percent('alertPercent')}
      </div>
      <button type="submit" className="primary" disabled={form.busy}>
        {t('prices.settings.save')}
      </button>
    </form>
  );
}
