/**
 * The reports app (LAKSA in Kota Tangerang): citizen aspirations and complaints with working-day
 * deadlines, dispositions to agencies, field proof, a public map and list, and an Open311
 * GeoReport v2 server. See ADR 0011 and docs/ARCHITECTURE.md.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type AppManifest, defineTenantTask } from '../../platform/sdk/index.ts';
import { seedReportsDemo } from './demo.ts';
import { laporExchangeTask } from './lapor/exchange.ts';
import { messages, sharedMessages } from './messages.ts';
import { open311RootRoutes, open311TenantRoutes } from './open311/routes.ts';
import { PERM } from './permissions.ts';
import { reportPortal } from './portal/index.tsx';
import { reportWidgets } from './portal/widget.tsx';
import { reportRoutes } from './routes/index.ts';
import { sendAreaAlerts } from './services/area-alerts.ts';
import { reportDataFeeds } from './services/data-feeds.ts';
import { runDeadlines, tenantsWithDueReportsAcrossTenants } from './services/escalation.ts';
import { reportMapLayers } from './services/map-layers.ts';
import { forgetExpiredAnswers, tenantsWithExpiredAnswersAcrossTenants } from './services/replay.ts';
import { reportsSetup, reportsSetupMessages } from './setup.ts';

const here = path.dirname(fileURLToPath(import.meta.url));

/** Every five minutes: escalate reports whose clock ran out, close the ones left silent after follow-up. */
const deadlines = defineTenantTask({
  name: 'reports.deadlines',
  cron: '*/5 * * * *',
  app: 'reports',
  candidates: tenantsWithDueReportsAcrossTenants,
  run: runDeadlines,
});

/**
 * Every hour: erase the first answers kept for filings' retries once their time is past (a replay
 * already ignores them then; the sweep keeps them from staying stored).
 */
const replaySweep = defineTenantTask({
  name: 'reports.replay-sweep',
  cron: '23 * * * *',
  app: 'reports',
  candidates: tenantsWithExpiredAnswersAcrossTenants,
  run: (_platform, scope, _tenant, now) => forgetExpiredAnswers(scope, now),
});

/** Every ten minutes: tell area followers of the new public reports near them (area-alerts.ts). */
const areaAlerts = defineTenantTask({
  name: 'reports.area-alerts',
  cron: '*/10 * * * *',
  app: 'reports',
  run: async (platform, scope, tenant) => {
    await sendAreaAlerts(platform, scope, tenant);
  },
});

export const reportsApp: AppManifest = {
  code: 'reports',
  name: 'LAKSA',
  category: 'e-government',
  channels: ['web', 'android', 'webservice'],
  version: '1.0.0',
  description: {
    id: 'Layanan Aspirasi Kotak Saran Anda: aspirasi dan pengaduan warga',
    en: 'Citizen aspirations and complaints',
  },
  permissions: [
    { name: PERM.triage, roles: ['platform_admin', 'tenant_admin', 'operator'] },
    { name: PERM.followUp, roles: ['agency_admin', 'officer', 'field_officer'] },
    {
      name: PERM.read,
      roles: [
        'platform_admin',
        'tenant_admin',
        'operator',
        'auditor',
        'viewer',
        'agency_admin',
        'officer',
        'field_officer',
      ],
    },
    { name: PERM.intake, roles: ['integration'] },
    { name: PERM.settings, roles: ['platform_admin', 'tenant_admin'] },
  ],
  async routes(app, platform) {
    reportRoutes(app, platform);
    await open311TenantRoutes(app, platform);
  },
  rootRoutes: open311RootRoutes,
  portal: reportPortal,
  widgets: reportWidgets,
  portalHome: {
    path: '/lapor',
    cta: 'reports.portal.reportCta',
    links: [
      { path: '/lacak', label: 'reports.portal.trackTitle' },
      { path: '/laporan', label: 'reports.portal.listTitle' },
    ],
  },
  accountLinks: [{ path: '/laporan-saya', label: 'reports.portal.myReportsLink' }],
  // The report form works offline: its script is kept, and its offline copy keeps a draft.
  offline: {
    scripts: ['report-form'],
    pages: [
      {
        path: '/lapor',
        offline: '/lapor?luring=1',
        text: 'reports.portal.offlineReport',
        label: 'reports.portal.reportCta',
      },
    ],
  },
  // The exchange with SP4N-LAPOR! (lapor/): a task, not a per-tenant job, since a job's context
  // has no platform (directory, cache, config) to file and move reports with.
  tasks: [deadlines, replaySweep, laporExchangeTask, areaAlerts],
  migrationsDir: path.join(here, 'migrations'),
  tables: [
    'report_settings',
    'report_categories',
    'reports',
    'report_events',
    'report_photos',
    'report_followers',
    'report_follow_alerts',
  ],
  messages: {
    id: { ...messages.id, setup: reportsSetupMessages.id },
    en: { ...messages.en, setup: reportsSetupMessages.en },
  },
  sharedMessages,
  setup: reportsSetup,
  seedDemo: seedReportsDemo,
  dataFeeds: reportDataFeeds,
  mapLayers: reportMapLayers,
};

export default reportsApp;
