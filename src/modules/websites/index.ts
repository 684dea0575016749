/**
 * Website OPD (`websites`): a website for the tenant and for each of its agencies — pages, news,
 * announcements, agenda, documents, galleries and the PPID menu — written by the agency's staff,
 * reviewed, published, and served fast to citizens without JavaScript; a WordPress site moves in
 * from its export file. See docs/apps/websites/README.md and ADR 0018.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type AppManifest, calendarForTenant, defineTenantTask } from '../../platform/sdk/index.ts';
import { seedDemo } from './demo.ts';
import { messages, sharedMessages } from './messages.ts';
import { EDIT_ROLES, PERM, PPID_ROLES, WRITE_ROLES } from './permissions.ts';
import { homeSections } from './portal/home-section.tsx';
import { registerPortal } from './portal/index.tsx';
import { registerRoutes } from './routes/index.ts';
import { remindHandlers } from './services/ppid-staff-notices.ts';
import { publishDue, tenantsWithDuePostsAcrossTenants } from './services/publish.ts';
import { ensureMainSite } from './services/sites.ts';
import { setup } from './setup.ts';

const here = path.dirname(fileURLToPath(import.meta.url));

/** Every minute: publish the scheduled posts whose time has come. */
export const publishDueTask = defineTenantTask({
  name: 'websites.publish-due',
  cron: '* * * * *',
  app: 'websites',
  candidates: tenantsWithDuePostsAcrossTenants,
  run: (_platform, scope, _tenant, now) => publishDue(scope, now),
});

/**
 * Working mornings (08:00 in Jakarta): each PPID's handlers get the requests due by the next
 * working day, or late.
 */
export const ppidRemindersTask = defineTenantTask({
  name: 'websites.ppid-reminders',
  cron: '0 1 * * *',
  app: 'websites',
  run: async (platform, scope, tenant, now) =>
    remindHandlers(platform, scope, tenant, await calendarForTenant(scope, tenant.timeZone), now),
});

const app: AppManifest = {
  code: 'websites',
  name: 'Website OPD',
  category: 'e-government',
  channels: ['web', 'webservice'],
  version: '0.1.0',
  description: {
    id: 'Situs web pemerintah daerah dan setiap perangkat daerah, dengan berita, dokumen dan PPID',
    en: 'Websites of the regional government and each of its agencies, with news, documents and PPID',
  },
  permissions: [
    { name: PERM.write, roles: [...WRITE_ROLES] },
    { name: PERM.review, roles: [...EDIT_ROLES] },
    { name: PERM.publish, roles: [...EDIT_ROLES] },
    { name: PERM.manage, roles: [...EDIT_ROLES] },
    { name: PERM.import, roles: ['platform_admin', 'tenant_admin'] },
    { name: PERM.ppid, roles: [...PPID_ROLES] },
  ],
  // The tenant's own site exists from the day the app is live.
  onLive: async (_platform, scope, tenant) => {
    await ensureMainSite(scope, tenant);
  },
  routes: registerRoutes,
  portal: registerPortal,
  portalHome: { path: '/situs' },
  homeSections,
  migrationsDir: path.join(here, 'migrations'),
  tables: [
    'websites_sites',
    'websites_posts',
    'websites_revisions',
    'websites_reviews',
    'websites_terms',
    'websites_post_terms',
    'websites_media',
    'websites_redirects',
    'websites_info_requests',
    'websites_ppid_numbers',
  ],
  messages,
  sharedMessages,
  setup,
  seedDemo,
  tasks: [publishDueTask, ppidRemindersTask],
};

export default app;
