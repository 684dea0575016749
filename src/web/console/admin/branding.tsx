/**
 * Branding and settings: the tenant's official and display names, primary and accent colours
 * (with a preview and a contrast warning for the white text on the primary colour), logo address
 * and default language. The console takes the new colour at once.
 */
import { contrastWithWhite, headerColor } from '../../branding.ts';
import { ApiError } from '../api.ts';
import { Field, Problem, useConsole, useLoad } from '../ui.tsx';
import { Outcome, SectionHead, useForm } from './kit.tsx';

type Branding = { displayName: string; logoUrl: string | null; primaryColor: string; accentColor: string };
type Tenant = { slug: string; name: string; defaultLanguage: string; branding: Branding };

export function BrandingSection() {
  const { api, t } = useConsole();
  const tenant = useLoad(() => api.get<Tenant>(''), []);
  return (
    <section aria-labelledby="branding-title">
      <SectionHead id="branding-title" title={t('admin.nav.branding')} intro={t('admin.branding.intro')} />
      <Problem error={tenant.error} />
      {tenant.data ? <LogoUpload logoUrl={tenant.data.branding.logoUrl} onDone={tenant.reload} /> : null}
      {tenant.data ? (
        <BrandingForm key={tenant.data.branding.logoUrl ?? ''} tenant={tenant.data} onDone={tenant.reload} />
      ) : null}
      {!tenant.data && tenant.loading ? <p className="loading">{t('loading')}</p> : null}
    </section>
  );
}

/**
 * The logo, uploaded: a PNG, JPEG or WebP image, checked and re-encoded by the server (an SVG is
 * refused with a word on exporting it as PNG). The file is checked for size here first.
 */
function LogoUpload({ logoUrl, onDone }: { logoUrl: string | null; onDone: () => void }) {
  const { api, t } = useConsole();
  const form = useForm({});
  const upload = (file: File | undefined) => {
    if (!file) return;
    form.submit(
      async () => {
        if (file.size > 2 * 1024 * 1024) {
          throw new ApiError(413, 'payload_too_large', t('admin.logo.tooBig'), [
            { path: '/body/file', code: 'logo_size', message: t('admin.logo.tooBig') },
          ]);
        }
        const body = new FormData();
        body.set('file', file);
        await api.request('PUT', '/branding/logo', { form: body });
      },
      t('admin.logo.saved'),
      onDone,
    )();
  };
  return (
    <div className="card admin-form" data-logo="">
      <h2 id="logo-title">{t('admin.logo.title')}</h2>
      <Outcome form={form} />
      {logoUrl ? <img className="logo-preview" src={logoUrl} alt={t('admin.logo.current')} /> : null}
      <Field
        id="branding-logo"
        label={t('admin.logo.file')}
        hint={t('admin.logo.hint')}
        error={form.err('file')}
      >
        {(aria) => (
          <input
            {...aria}
            type="file"
            accept="image/png,image/jpeg,image/webp"
            disabled={form.busy}
            onChange={(e) => {
              upload(e.target.files?.[0]);
              e.target.value = '';
            }}
          />
        )}
      </Field>
    </div>
  );
}

function BrandingForm({ tenant, onDone }: { tenant: Tenant; onDone: () => void }) {
  const { api, t } = useConsole();
  const b = tenant.branding;
  const form = useForm({
    name: tenant.name,
    displayName: b.displayName,
    primaryColor: b.primaryColor,
    accentColor: b.accentColor,
    logoUrl: b.logoUrl ?? '',
    defaultLanguage: tenant.defaultLanguage,
  });
  const v = form.values;
  const submit = form.submit(
    async () => {
      await api.patch('/settings', {
        name: v.name.trim(),
        defaultLanguage: v.defaultLanguage,
        branding: {
          displayName: v.displayName.trim(),
          primaryColor: v.primaryColor.trim(),
          accentColor: v.accentColor.trim(),
          logoUrl: v.logoUrl.trim() || null,
        },
      });
      // The console wears the new colour without a reload (or the platform's, if unreadable).
      document.documentElement.style.setProperty('--primary', headerColor(v.primaryColor));
    },
    t('admin.branding.saved'),
    onDone,
  );
  const ratio = contrastWithWhite(v.primaryColor);
  const color = (key: 'primaryColor' | 'accentColor') => (
    <Field
      id={`branding-${key}`}
      label={t(`admin.branding.${key}`)}
      hint={t('admin.branding.colorHint')}
      error={form.err(`branding/${key}`)}
    >
      {(aria) => (
        <span className="color-input">
          <input
            {...aria}
            value={v[key]}
            onChange={(e) => form.set(key, e.target.value)}
            spellCheck={false}
            autoComplete="off"
            required
          />
          <span
            className="swatch"
            aria-hidden="true"
            style={{ background: /^#[0-9a-f]{6}$/i.test(v[key].trim()) ? v[key].trim() : 'transparent' }}
          />
        </span>
      )}
    </Field>
  );
  return (
    <form className="card admin-form" onSubmit={submit} noValidate aria-labelledby="branding-title">
      <Outcome form={form} />
      <div className="grid-2">
        <Field id="branding-name" label={t('admin.branding.name')} error={form.err('name')}>
          {(aria) => (
            <input {...aria} value={v.name} onChange={(e) => form.set('name', e.target.value)} required />
          )}
        </Field>
        <Field
          id="branding-displayName"
          label={t('admin.branding.displayName')}
          error={form.err('branding/displayName')}
        >
          {(aria) => (
            <input
              {...aria}
              value={v.displayName}
              onChange={(e) => form.set('displayName', e.target.value)}
              required
            />
          )}
        </Field>
        {color('primaryColor')}
        {color('accentColor')}
        <Field
          id="branding-logoUrl"
          label={t('admin.branding.logoUrl')}
          hint={t('admin.branding.logoHint')}
          error={form.err('branding/logoUrl')}
        >
          {(aria) => (
            <input
              {...aria}
              type="url"
              value={v.logoUrl}
              onChange={(e) => form.set('logoUrl', e.target.value)}
            />
          )}
        </Field>
        <Field
          id="branding-language"
          label={t('admin.branding.language')}
          error={form.err('defaultLanguage')}
        >
          {(aria) => (
            <select
              {...aria}
              value={v.defaultLanguage}
              onChange={(e) => form.set('defaultLanguage', e.target.value)}
            >
              {(['id', 'en'] as const).map((l) => (
                <option key={l} value={l}>
                  {t(`admin.branding.languages.${l}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      {ratio !== undefined && ratio < 4.5 ? (
        <p className="warning">{t('admin.branding.lowContrast', { ratio: ratio.toFixed(1) })}</p>
      ) : null}
      <button type="submit" className="primary" disabled={form.busy}>
        {t('admin.save')}
      </button>
    </form>
  );
}
