/**
 * The market prices screens (SEGAR), loaded as their own chunk: a sub-menu of the sections the
 * session may use — the officer's daily entry and CSV import, the supervisor's review, the alerts —
 * addressable as `/konsol/harga/<section>`. Shown only where the tenant has the app live.
 */
import type { ReactNode } from 'react';
import { Link, NotFound, type ScreenProps, useConsole } from '../../../platform/sdk/console.ts';
import { PERM } from '../permissions.ts';
import { AlertsSection } from './alerts.tsx';
import { EntrySection } from './entry.tsx';
import { ImportSection } from './import.tsx';
import { pricesOpen } from './kit.tsx';
import { ReviewSection } from './review.tsx';

type Section = {
  slug: string;
  key: string;
  permission: string;
  render: (search: URLSearchParams) => ReactNode;
};

/** The sections in menu order, each with the permission that opens it. */
export const PRICE_SECTIONS: readonly Section[] = [
  { slug: 'isian', key: 'entry', permission: PERM.enter, render: (s) => <EntrySection search={s} /> },
  {
    slug: 'impor',
    key: 'import',
    permission: PERM.enter,
    render: (s) => <ImportSection search={s} />,
  },
  {
    slug: 'tinjauan',
    key: 'review',
    permission: PERM.verify,
    render: (s) => <ReviewSection search={s} />,
  },
  { slug: 'peringatan', key: 'alerts', permission: PERM.alertRead, render: () => <AlertsSection /> },
];

export default function PricesScreen({ parts, search }: ScreenProps) {
  const { api, t, can } = useConsole();
  const [section = '', ...rest] = parts;
  if (rest.length) return <NotFound />;
  if (!pricesOpen(api.config.apps, can)) {
    return (
      <section aria-labelledby="prices-title">
        <h1 id="prices-title">{t('prices.title')}</h1>
        <p className="problem" role="alert">
          {t(api.config.apps.includes('market-prices') ? 'prices.forbidden' : 'prices.notLive')}
        </p>
      </section>
    );
  }
  const allowed = PRICE_SECTIONS.filter((s) => can(s.permission));
  const slug = section || allowed[0]?.slug || '';
  const current = allowed.find((s) => s.slug === slug);
  return (
    <div className="admin prices">
      <nav className="admin-nav" aria-label={t('prices.nav.label')}>
        <ul>
          {allowed.map((s) => (
            <li key={s.slug}>
              <Link to={`/harga/${s.slug}`} current={s.slug === slug}>
                {t(`prices.nav.${s.key}`)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <div className="admin-body" data-section={slug}>
        {current ? (
          current.render(search)
        ) : (
          <section aria-labelledby="prices-title">
            <h1 id="prices-title">{t('prices.title')}</h1>
            <p className="problem" role="alert">
              {t(PRICE_SECTIONS.some((s) => s.slug === slug) ? 'prices.forbidden' : 'notFound')}
            </p>
          </section>
        )}
      </div>
    </div>
  );
}
