/** The websites app's first console screen (`/konsol/websites`): the tenant's sites. */
import { NotFound, Problem, type ScreenProps, useConsole, useLoad } from '../../../platform/sdk/console.ts';
import type { SiteType } from '../schemas.ts';

export default function SitesScreen({ parts }: ScreenProps) {
  const { api, t } = useConsole();
  const sites = useLoad(() => api.get<{ items: SiteType[] }>('/websites/sites'), []);
  if (parts.length) return <NotFound />;
  return (
    <section aria-labelledby="websites-title">
      <h1 id="websites-title">{t('websites.title')}</h1>
      <Problem error={sites.error} />
      {sites.data && sites.data.items.length === 0 ? <p>{t('websites.empty')}</p> : null}
      <ul className="plain" id="websites-sites">
        {(sites.data?.items ?? []).map((site) => (
          <li key={site.id}>
            <strong>{site.name}</strong> · <a href={site.url}>{site.url}</a>
          </li>
        ))}
      </ul>
    </section>
  );
}
