/**
 * When the tenant's reports go public (LAKSA's settings): only once an operator verified them, as
 * SP4N-LAPOR! does, or at once; and the example address the report form shows. Confidential
 * reports are never public, whatever is chosen here.
 */
import {
  type ApiError,
  Field,
  Outcome,
  Problem,
  SectionHead,
  useConsole,
  useForm,
  useLoad,
} from '../../../platform/sdk/console.ts';

type Publication = { verifyBeforePublic: boolean; addressExample: string | null };

export function PublicationSection() {
  const { api, t } = useConsole();
  const settings = useLoad(() => api.get<Publication>('/reports/settings'), []);
  return (
    <section aria-labelledby="publication-title">
      <SectionHead
        id="publication-title"
        title={t('admin.publication.title')}
        intro={t('admin.publication.intro')}
      />
      {settings.error?.status === 404 ? (
        <p className="notice" role="status" data-not-live>
          {t('admin.categories.notLive')}
        </p>
      ) : settings.data ? (
        <PublicationForm settings={settings.data} onDone={settings.reload} />
      ) : (
        <Problem error={settings.error} />
      )}
    </section>
  );
}

function PublicationForm({ settings, onDone }: { settings: Publication; onDone: () => void }) {
  const { api, t } = useConsole();
  const form = useForm<Record<string, string | boolean>>({
    verifyBeforePublic: settings.verifyBeforePublic,
    addressExample: settings.addressExample ?? '',
  });
  const v = form.values as { verifyBeforePublic: boolean; addressExample: string };
  const submit = form.submit(
    () =>
      api.patch('/reports/settings', {
        verifyBeforePublic: v.verifyBeforePublic,
        addressExample: v.addressExample.trim() || null,
      }),
    t('admin.publication.saved'),
    onDone,
  );
  return (
    <form className="card admin-form" onSubmit={submit} noValidate>
      <Outcome form={form as unknown as { error?: ApiError; done: string }} />
      <p className="check">
        <input
          id="publication-verify"
          type="checkbox"
          checked={v.verifyBeforePublic}
          aria-describedby="publication-verify-hint"
          onChange={(e) => form.set('verifyBeforePublic', e.target.checked)}
        />
        <label htmlFor="publication-verify">{t('admin.publication.verifyBeforePublic')}</label>
      </p>
      <p className="hint" id="publication-verify-hint">
        {t('admin.publication.verifyBeforePublicHint')}
      </p>
      <Field
        id="publication-address"
        label={t('admin.publication.addressExample')}
        hint={t('admin.publication.addressExampleHint')}
        error={form.err('addressExample')}
      >
        {(aria) => (
          <input
            {...aria}
            value={v.addressExample}
            maxLength={120}
            onChange={(e) => form.set('addressExample', e.target.value)}
          />
        )}
      </Field>
      <button type="submit" className="primary" disabled={form.busy}>
        {t('admin.save')}
      </button>
    </form>
  );
}
