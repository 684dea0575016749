/**
 * The tenant administrators' screens: a sub-menu of sections on the left, each shown only when the
 * session holds its permission, addressable as `/konsol/admin/<section>`. The sections themselves
 * of the shell live in `../admin/`, an app's in its folder (`console/index.ts`, `settings`).
 */
import { type ComponentType, lazy, Suspense } from 'react';
import { AgenciesSection } from '../admin/agencies.tsx';
import { AppsSection } from '../admin/apps.tsx';
import { AuditSection } from '../admin/audit.tsx';
import { BrandingSection } from '../admin/branding.tsx';
import { DEV_MAILBOX_PERMISSION, devMailboxShown } from '../admin/dev-mailbox.ts';
import { HolidaysSection } from '../admin/holidays.tsx';
import { MailboxSection } from '../admin/mailbox.tsx';
import { SetupSection } from '../admin/setup.tsx';
import { StaffSection } from '../admin/staff.tsx';
import { TenantsSection } from '../admin/tenants.tsx';
import { CONSOLE_APPS, liveConsoleApps } from '../installed.ts';
import { useLocation } from '../router.ts';
import { type ConsoleContext, Link, useConsole } from '../ui.tsx';

type Section = {
  slug: string;
  /** Its menu label (a message key). */
  label: string;
  order: number;
  permissions: readonly string[];
  /** Whether the permissions must be held in the whole tenant (the API refuses agency grants). */
  tenantWide?: boolean;
  /** Whether the section exists at all for this tenant and server (its API served), before permissions. */
  shown?: (ctx: Pick<ConsoleContext, 'api' | 'can'>) => boolean;
  component: ComponentType;
};

/** The shell's own sections, with the permissions that open each (any one of them). */
const SHELL_SECTIONS: readonly Section[] = [
  // First: what the live apps still need (their setup checklists), with a link to each screen.
  {
    slug: 'setup',
    label: 'setup.nav',
    order: 5,
    permissions: ['platform.adoption.manage'],
    component: SetupSection,
  },
  { slug: 'agencies', order: 10, permissions: ['platform.agency.manage'], component: AgenciesSection },
  {
    slug: 'staff',
    order: 20,
    permissions: ['platform.user.read', 'platform.user.manage', 'platform.role.grant'],
    component: StaffSection,
  },
  { slug: 'holidays', order: 40, permissions: ['platform.calendar.manage'], component: HolidaysSection },
  { slug: 'branding', order: 50, permissions: ['platform.tenant.configure'], component: BrandingSection },
  { slug: 'apps', order: 60, permissions: ['platform.adoption.manage'], component: AppsSection },
  { slug: 'audit', order: 70, permissions: ['platform.audit.read'], component: AuditSection },
  // Outside production only: where mail goes when no SMTP server is set.
  {
    slug: 'mailbox',
    label: 'mailbox.nav',
    order: 80,
    permissions: [DEV_MAILBOX_PERMISSION],
    shown: devMailboxShown,
    component: MailboxSection,
  },
].map((s) => ({ label: `admin.nav.${s.slug}`, ...s }));

/** The area screen draws on a map: Leaflet loads only when it opens. */
const AreaSection = lazy(() => import('../admin/area.tsx').then((m) => ({ default: m.AreaSection })));

/** The onboarding's sections: regions (platform administrators only) and the area. */
const ONBOARDING_SECTIONS: readonly Section[] = [
  {
    slug: 'tenants',
    label: 'admin.tenants.nav',
    order: 5,
    permissions: ['platform.tenant.create'],
    tenantWide: true,
    component: TenantsSection,
  },
  {
    slug: 'area',
    label: 'admin.area.nav',
    order: 55,
    permissions: ['platform.tenant.configure'],
    component: AreaSection,
  },
];

/** Every section of the tenant's settings: the shell's and the live apps', in menu order. */
function allSections(ctx: Pick<ConsoleContext, 'api' | 'can' | 'liveApps'>): Section[] {
  const sections: Section[] = [
    ...SHELL_SECTIONS,
    ...ONBOARDING_SECTIONS,
    ...liveConsoleApps(ctx).flatMap((a) => a.settings ?? []),
  ];
  return sections.filter((s) => s.shown?.(ctx) ?? true).sort((a, b) => a.order - b.order);
}

/** What a section of an installed app that the tenant does not have live says, if `slug` is one. */
function notLiveSection(ctx: Pick<ConsoleContext, 'liveApps'>, slug: string): string | undefined {
  for (const app of CONSOLE_APPS) {
    if (ctx.liveApps.includes(app.code)) continue;
    const section = app.settings?.find((s) => s.slug === slug);
    if (section) return section.notLive ?? app.notLive ?? 'admin.unknownSection';
  }
  return undefined;
}

/** The sections the session may open: by its permissions and the tenant's live apps. */
export function adminSections(
  ctx: Pick<ConsoleContext, 'api' | 'liveApps' | 'can' | 'canTenantWide'>,
): Section[] {
  return allSections(ctx).filter((s) => s.permissions.some(s.tenantWide ? ctx.canTenantWide : ctx.can));
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
  const known = allSections(ctx).find((s) => s.slug === slug);
  // A section of an app the tenant does not have live says so.
  const asleep = known ? undefined : notLiveSection(ctx, slug);
  const current = allowed.find((s) => s.slug === slug);
  return (
    <div className="admin">
      <nav className="admin-nav" aria-label={t('admin.sections')}>
        <ul>
          {allowed.map((s) => (
            <li key={s.slug}>
              <Link to={`/admin/${s.slug}`} current={s.slug === slug}>
                {t(s.label)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <div className="admin-body" data-section={slug}>
        {current ? (
          <Suspense fallback={null}>
            <current.component />
          </Suspense>
        ) : (
          <section aria-labelledby="admin-title">
            <h1 id="admin-title">{t('admin.title')}</h1>
            <p className="problem" role="alert">
              {t(asleep ?? (known ? 'admin.sectionForbidden' : 'admin.unknownSection'))}
            </p>
          </section>
        )}
      </div>
    </div>
  );
}
