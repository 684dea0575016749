/**
 * The tenant administrators' screens: a sub-menu of sections on the left, each shown only when the
 * session holds its permission, addressable as `/konsol/admin/<section>`. The sections themselves
 * live in `../admin/`.
 */
import { lazy, type ReactNode, Suspense } from 'react';
import { PERM } from '../../../modules/market-prices/permissions.ts';
import { AgenciesSection } from '../admin/agencies.tsx';
import { AppsSection } from '../admin/apps.tsx';
import { AuditSection } from '../admin/audit.tsx';
import { BrandingSection } from '../admin/branding.tsx';
import { CategoriesSection } from '../admin/categories.tsx';
import { HolidaysSection } from '../admin/holidays.tsx';
import { StaffSection } from '../admin/staff.tsx';
import { PRICES_APP } from '../prices/kit.tsx';
import { useLocation } from '../router.ts';
import { type ConsoleContext, Link, useConsole } from '../ui.tsx';

type Section = {
  slug: string;
  permissions: string[];
  /** Whether the permissions must be held in the whole tenant (the API refuses agency grants). */
  tenantWide?: boolean;
  /** The app the section belongs to: shown only where the tenant has it live. */
  app?: string;
  render: () => ReactNode;
};

// An app's settings load with its own screens' code, not with every console screen.
const PriceSettingsSection = lazy(() => import('../prices/settings.tsx'));

/** The sections in menu order, with the permissions that open each (any one of them). */
export const ADMIN_SECTIONS: readonly Section[] = [
  { slug: 'agencies', permissions: ['platform.agency.manage'], render: () => <AgenciesSection /> },
  {
    slug: 'staff',
    permissions: ['platform.user.read', 'platform.user.manage', 'platform.role.grant'],
    render: () => <StaffSection />,
  },
  { slug: 'categories', permissions: ['reports.settings.manage'], render: () => <CategoriesSection /> },
  { slug: 'holidays', permissions: ['platform.calendar.manage'], render: () => <HolidaysSection /> },
  { slug: 'branding', permissions: ['platform.tenant.configure'], render: () => <BrandingSection /> },
  { slug: 'apps', permissions: ['platform.adoption.manage'], render: () => <AppsSection /> },
  { slug: 'audit', permissions: ['platform.audit.read'], render: () => <AuditSection /> },
  {
    slug: 'prices',
    permissions: [PERM.reference],
    tenantWide: true,
    app: PRICES_APP,
    render: () => (
      <Suspense fallback={null}>
        <PriceSettingsSection />
      </Suspense>
    ),
  },
];

/** The sections the session may open: by its permissions and the tenant's live apps. */
export function adminSections(ctx: Pick<ConsoleContext, 'api' | 'can' | 'canTenantWide'>): Section[] {
  return ADMIN_SECTIONS.filter(
    (s) =>
      s.permissions.some(s.tenantWide ? ctx.canTenantWide : ctx.can) &&
      (!s.app || ctx.api.config.apps.includes(s.app)),
  );
}

export function AdminScreen({ section }: { section: string }) {
  const ctx = useConsole();
  const { t } = ctx;
  const { path } = useLocation();
  const allowed = adminSections(ctx);
  if (allowed.length === 0) {
    return (
      <section aria-labelledby="admin-title">
        <h1 id="admin-title">{t('admin.title')}</h1>
        <p className="problem" role="alert">
          {t('admin.forbidden')}
        </p>
      </section>
    );
  }
  // `/admin` alone opens the first section the session may see.
  const bare = /\/admin\/?$/.test(path);
  const slug = bare ? (allowed[0]?.slug ?? section) : section;
  const known = ADMIN_SECTIONS.find((s) => s.slug === slug);
  const current = allowed.find((s) => s.slug === slug);
  return (
    <div className="admin">
      <nav className="admin-nav" aria-label={t('admin.sections')}>
        <ul>
          {allowed.map((s) => (
            <li key={s.slug}>
              <Link to={`/admin/${s.slug}`} current={s.slug === slug}>
                {t(`admin.nav.${s.slug}`)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <div className="admin-body" data-section={slug}>
        {current ? (
          current.render()
        ) : (
          <section aria-labelledby="admin-title">
            <h1 id="admin-title">{t('admin.title')}</h1>
            <p className="problem" role="alert">
              {t(known ? 'admin.sectionForbidden' : 'admin.unknownSection')}
            </p>
          </section>
        )}
      </div>
    </div>
  );
}
