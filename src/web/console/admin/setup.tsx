/**
 * The apps' setup: for each app the tenant has live, what it still needs before it is useful (the
 * app's checklist, `AppManifest.setup`, checked on the server), each item with its state and a link
 * to the screen that does it. The first section a tenant's administrator sees in the settings.
 */
import { Link, Problem, useConsole, useLoad } from '../ui.tsx';
import { SectionHead } from './kit.tsx';

type Item = {
  id: string;
  label: string;
  screen: string;
  done: boolean;
  count: number | null;
  missing: number | null;
};
type AppChecklist = { app: string; name: string; done: boolean; items: Item[] };

export function SetupSection() {
  const { api, t } = useConsole();
  const lists = useLoad(() => api.get<{ items: AppChecklist[] }>('/setup'), []);
  const items = lists.data?.items ?? [];
  return (
    <section aria-labelledby="setup-title">
      <SectionHead id="setup-title" title={t('setup.title')} intro={t('setup.intro')} />
      <Problem error={lists.error} />
      {lists.loading && !lists.data ? <p className="loading">{t('loading')}</p> : null}
      {lists.data && items.length === 0 ? (
        <p className="empty">
          {t('setup.noApps')} <Link to="/admin/apps">{t('setup.toApps')}</Link>
        </p>
      ) : null}
      {items.map((app) => (
        <section
          key={app.app}
          className="card setup-app"
          aria-labelledby={`setup-${app.app}`}
          data-app={app.app}
        >
          <h2 id={`setup-${app.app}`}>
            {app.name}{' '}
            <span className={app.done ? 'badge done' : 'badge'}>
              {t(app.done ? 'setup.ready' : 'setup.notReady')}
            </span>
          </h2>
          <ol className="setup-list">
            {app.items.map((item) => (
              <li key={item.id} data-item={item.id} data-done={item.done}>
                <span className="setup-state">{t(item.done ? 'setup.done' : 'setup.todo')}</span>
                <Link to={item.screen}>{item.label}</Link>
                {item.count !== null || item.missing ? (
                  <span className="muted">
                    {' '}
                    {[
                      item.count !== null ? t('setup.count', { count: item.count }) : '',
                      item.missing ? t('setup.missing', { count: item.missing }) : '',
                    ]
                      .filter(Boolean)
                      .join(' · ')}
                  </span>
                ) : null}
              </li>
            ))}
          </ol>
        </section>
      ))}
    </section>
  );
}
