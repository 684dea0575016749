/**
 * Regions (platform administrators only): every tenant, a form to create one (name, kind,
 * Kemendagri code, address, time zone, domain), and its first administrator, who gets a
 * single-use link to set a password: sent to their email and shown here once, to hand over when
 * no message can be sent. The platform administrator never learns the password.
 */
import { useState } from 'react';
import { ApiError } from '../api.ts';
import { Field, Problem, useConsole, useLoad } from '../ui.tsx';
import { Outcome, Scroll, SectionHead, useForm } from './kit.tsx';

type TenantRow = {
  slug: string;
  code: string;
  name: string;
  kind: string;
  timeZone: string;
  domains: string[];
};

const KINDS = ['kota', 'kabupaten', 'provinsi'] as const;
const ZONES = ['Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura'] as const;

/** The address a region's name suggests: "Kota Bogor" → `kota-bogor`. */
export function slugOf(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 63);
}

export function TenantsSection() {
  const { t } = useConsole();
  // The list of regions is public, at the root of the API.
  const tenants = useLoad(
    () =>
      fetch('/api/v1/tenants', { headers: { accept: 'application/json' } })
        .then((r) => r.json() as Promise<{ items: TenantRow[] }>)
        .then((r) => r.items),
    [],
  );
  const [chosen, setChosen] = useState('');
  const list = tenants.data ?? [];
  return (
    <section aria-labelledby="tenants-title">
      <SectionHead id="tenants-title" title={t('admin.tenants.nav')} intro={t('admin.tenants.intro')} />
      <Problem error={tenants.error} />
      {list.length > 0 ? (
        <Scroll label={t('admin.tenants.list')}>
          <table className="list">
            <caption>{t('admin.tenants.list')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('admin.tenants.code')}</th>
                <th scope="col">{t('admin.tenants.name')}</th>
                <th scope="col">{t('admin.tenants.slug')}</th>
                <th scope="col">{t('admin.tenants.timeZone')}</th>
              </tr>
            </thead>
            <tbody>
              {list.map((row) => (
                <tr key={row.slug} data-tenant={row.slug}>
                  <td className="mono">{row.code}</td>
                  <td>{row.name}</td>
                  <td className="mono">{row.slug}</td>
                  <td>{row.timeZone}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </Scroll>
      ) : null}
      <CreateTenantForm
        onDone={(slug) => {
          setChosen(slug);
          tenants.reload();
        }}
      />
      <AdministratorForm tenants={list} chosen={chosen} />
    </section>
  );
}

function CreateTenantForm({ onDone }: { onDone: (slug: string) => void }) {
  const { api, t } = useConsole();
  const empty = { name: '', kind: 'kota', code: '', slug: '', timeZone: 'Asia/Jakarta', domain: '' };
  const form = useForm(empty);
  const [slugTouched, setSlugTouched] = useState(false);
  const v = form.values;
  const slug = slugTouched ? v.slug : slugOf(v.name);
  const submit = form.submit(
    async () => {
      await api.post('/platform/tenants', {
        slug,
        code: v.code.trim(),
        kind: v.kind,
        name: v.name.trim(),
        timeZone: v.timeZone,
        ...(v.domain.trim() ? { domains: [v.domain.trim().toLowerCase()] } : {}),
      });
      form.reset(empty);
      setSlugTouched(false);
      onDone(slug);
    },
    t('admin.tenants.created', { name: v.name.trim() }),
  );
  return (
    <form className="card admin-form" onSubmit={submit} noValidate aria-labelledby="tenant-create-title">
      <h2 id="tenant-create-title">{t('admin.tenants.create')}</h2>
      <Outcome form={form} />
      <div className="grid-2">
        <Field
          id="tenant-name"
          label={t('admin.tenants.name')}
          hint={t('admin.tenants.nameHint')}
          error={form.err('name')}
        >
          {(aria) => (
            <input {...aria} value={v.name} onChange={(e) => form.set('name', e.target.value)} required />
          )}
        </Field>
        <Field id="tenant-kind" label={t('admin.tenants.kind')} error={form.err('kind')}>
          {(aria) => (
            <select {...aria} value={v.kind} onChange={(e) => form.set('kind', e.target.value)}>
              {KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`admin.tenants.kinds.${k}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          id="tenant-code"
          label={t('admin.tenants.code')}
          hint={t('admin.tenants.codeHint')}
          error={form.err('code')}
        >
          {(aria) => (
            <input
              {...aria}
              value={v.code}
              inputMode="decimal"
              onChange={(e) => form.set('code', e.target.value)}
              required
            />
          )}
        </Field>
        <Field
          id="tenant-slug"
          label={t('admin.tenants.slug')}
          hint={t('admin.tenants.slugHint')}
          error={form.err('slug')}
        >
          {(aria) => (
            <input
              {...aria}
              value={slug}
              spellCheck={false}
              onChange={(e) => {
                setSlugTouched(true);
                form.set('slug', e.target.value);
              }}
              required
            />
          )}
        </Field>
        <Field id="tenant-timeZone" label={t('admin.tenants.timeZone')} error={form.err('timeZone')}>
          {(aria) => (
            <select {...aria} value={v.timeZone} onChange={(e) => form.set('timeZone', e.target.value)}>
              {ZONES.map((z) => (
                <option key={z} value={z}>
                  {t(`admin.tenants.zones.${z.slice(5)}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          id="tenant-domain"
          label={`${t('admin.tenants.domain')} ${t('admin.optional')}`}
          hint={t('admin.tenants.domainHint')}
          error={form.err('domains/0') ?? form.err('domains')}
        >
          {(aria) => (
            <input
              {...aria}
              value={v.domain}
              spellCheck={false}
              onChange={(e) => form.set('domain', e.target.value)}
            />
          )}
        </Field>
      </div>
      <button type="submit" className="primary" disabled={form.busy}>
        {t('admin.tenants.create')}
      </button>
    </form>
  );
}

function AdministratorForm({ tenants, chosen }: { tenants: TenantRow[]; chosen: string }) {
  const { api, t } = useConsole();
  const empty = { tenant: '', displayName: '', email: '', nip: '' };
  const form = useForm(empty);
  const [made, setMade] = useState<{ link: string; email: string } | undefined>();
  const v = form.values;
  const tenant = v.tenant || chosen;
  const submit = form.submit(
    async () => {
      setMade(undefined);
      if (!tenant) {
        throw new ApiError(400, 'validation', t('admin.tenants.chooseRegion'), [
          { path: '/params/slug', code: 'required', message: t('admin.tenants.regionRequired') },
        ]);
      }
      const answer = await api.post<{ link: string }>(
        `/platform/tenants/${encodeURIComponent(tenant)}/administrators`,
        { displayName: v.displayName.trim(), email: v.email.trim(), nip: v.nip.replace(/\s+/g, '') },
      );
      setMade({ link: answer.link, email: v.email.trim() });
      form.reset({ ...empty, tenant });
    },
    t('admin.tenants.adminMade', { name: v.displayName.trim() }),
  );
  return (
    <form className="card admin-form" onSubmit={submit} noValidate aria-labelledby="tenant-admin-title">
      <h2 id="tenant-admin-title">{t('admin.tenants.admin')}</h2>
      <p>{t('admin.tenants.adminIntro')}</p>
      <Outcome form={form} />
      {made ? (
        <div className="notice">
          <p>{t('admin.tenants.linkSent', { email: made.email })}</p>
          <Field id="tenant-admin-link" label={t('admin.tenants.link')} hint={t('admin.tenants.linkHint')}>
            {(aria) => <input {...aria} readOnly value={made.link} onFocus={(e) => e.target.select()} />}
          </Field>
        </div>
      ) : null}
      <div className="grid-2">
        <Field id="tenant-admin-tenant" label={t('admin.tenants.region')} error={form.err('slug')}>
          {(aria) => (
            <select {...aria} value={tenant} onChange={(e) => form.set('tenant', e.target.value)}>
              <option value="">{t('admin.tenants.chooseRegion')}</option>
              {tenants.map((row) => (
                <option key={row.slug} value={row.slug}>
                  {row.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="tenant-admin-name" label={t('admin.tenants.adminName')} error={form.err('displayName')}>
          {(aria) => (
            <input
              {...aria}
              value={v.displayName}
              onChange={(e) => form.set('displayName', e.target.value)}
              required
            />
          )}
        </Field>
        <Field id="tenant-admin-email" label={t('admin.tenants.adminEmail')} error={form.err('email')}>
          {(aria) => (
            <input
              {...aria}
              type="email"
              autoComplete="off"
              value={v.email}
              onChange={(e) => form.set('email', e.target.value)}
              required
            />
          )}
        </Field>
        <Field
          id="tenant-admin-nip"
          label={t('admin.tenants.adminNip')}
          hint={t('admin.tenants.nipHint')}
          error={form.err('nip')}
        >
          {(aria) => (
            <input
              {...aria}
              inputMode="numeric"
              value={v.nip}
              onChange={(e) => form.set('nip', e.target.value)}
              required
            />
          )}
        </Field>
      </div>
      <button type="submit" className="primary" disabled={form.busy}>
        {t('admin.tenants.makeAdmin')}
      </button>
    </form>
  );
}
