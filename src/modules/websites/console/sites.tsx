/**
 * The app's home: the sites the session works on, each with its drafts, items in review and
 * scheduled items; a tenant-wide site manager creates an agency's site here.
 */
import {
  AgencyOptions,
  Field,
  Link,
  Outcome,
  Problem,
  useAgencies,
  useConsole,
  useForm,
  useLoad,
} from '../../../platform/sdk/console.ts';
import { PERM } from '../permissions.ts';
import type { SiteType } from '../schemas.ts';
import { type Posts, sitePath, worksOn } from './kit.ts';

export function SitesSection() {
  const ctx = useConsole();
  const { api, t, canTenantWide } = ctx;
  const sites = useLoad(() => api.get<{ items: SiteType[] }>('/websites/sites'), []);
  const mine = (sites.data?.items ?? []).filter((s) => worksOn(ctx, s));
  return (
    <section aria-labelledby="websites-title" className="websites">
      <h1 id="websites-title">{t('websites.title')}</h1>
      <Problem error={sites.error} />
      {sites.data && mine.length === 0 ? <p>{t('websites.empty')}</p> : null}
      <ul className="plain site-list" id="websites-sites" aria-label={t('websites.sitesLabel')}>
        {mine.map((site) => (
          <li key={site.id} data-site={site.slug}>
            <h2>
              <Link to={`/websites/${site.slug}`}>{site.name}</Link>
            </h2>
            <p>
              {site.agencyName ?? t('websites.tenantSite')} · <a href={site.url}>{site.url}</a>
            </p>
            <SiteCounts site={site.slug} />
          </li>
        ))}
      </ul>
      {canTenantWide(PERM.manage) ? <CreateSite onDone={sites.reload} /> : null}
    </section>
  );
}

/** Drafts, items in review and scheduled items of a site (hidden until the content API answers). */
function SiteCounts({ site }: { site: string }) {
  const { api, t } = useConsole();
  const counts = useLoad(async () => {
    const count = (query: Record<string, string>) =>
      api
        .get<Posts>(sitePath(site, '/posts'), { ...query, limit: 100 })
        .then((r) => `${r.items.length}${r.next ? '+' : ''}`);
    const [drafts, review, scheduled] = await Promise.all([
      count({ status: 'draft', review: 'draft' }),
      count({ review: 'in_review' }),
      count({ status: 'scheduled' }),
    ]);
    return { drafts, review, scheduled };
  }, [site]);
  if (!counts.data) return null;
  return <p className="site-counts">{t('websites.counts', counts.data)}</p>;
}

function CreateSite({ onDone }: { onDone: () => void }) {
  const { api, t } = useConsole();
  const agencies = useAgencies();
  const form = useForm({ slug: '', name: '', agencyId: '', tagline: '' });
  const v = form.values;
  const submit = form.submit(
    () =>
      api.post('/websites/sites', {
        slug: v.slug.trim(),
        name: v.name.trim(),
        agencyId: v.agencyId || null,
        ...(v.tagline.trim() ? { tagline: v.tagline.trim() } : {}),
      }),
    t('websites.create.done', { name: v.name.trim() }),
    () => {
      form.reset({ slug: '', name: '', agencyId: '', tagline: '' });
      onDone();
    },
  );
  return (
    <form className="admin-form" aria-labelledby="websites-create" onSubmit={submit} noValidate>
      <h2 id="websites-create">{t('websites.create.title')}</h2>
      <Field id="site-agency" label={t('websites.create.agency')} error={form.err('agencyId')}>
        {(aria) => (
          <select {...aria} value={v.agencyId} onChange={(e) => form.set('agencyId', e.target.value)}>
            <option value="">{t('websites.create.pickAgency')}</option>
            {agencies.data ? <AgencyOptions items={agencies.data} /> : null}
          </select>
        )}
      </Field>
      <Field id="site-name" label={t('websites.create.name')} error={form.err('name')}>
        {(aria) => <input {...aria} value={v.name} onChange={(e) => form.set('name', e.target.value)} />}
      </Field>
      <Field
        id="site-slug"
        label={t('websites.create.slug')}
        hint={t('websites.create.slugHint')}
        error={form.err('slug')}
      >
        {(aria) => <input {...aria} value={v.slug} onChange={(e) => form.set('slug', e.target.value)} />}
      </Field>
      <Field id="site-tagline" label={t('websites.create.tagline')} error={form.err('tagline')}>
        {(aria) => (
          <input {...aria} value={v.tagline} onChange={(e) => form.set('tagline', e.target.value)} />
        )}
      </Field>
      <Outcome form={form} />
      <button type="submit" disabled={form.busy}>
        {t('websites.create.submit')}
      </button>
    </form>
  );
}
