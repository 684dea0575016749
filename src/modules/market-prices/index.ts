/**
 * The market prices app (SEGAR in Kota Tangerang): markets and commodities with quality grades,
 * the officers' daily entry (by phone or CSV), the supervisor's verification and publication at
 * the tenant's publication time, public prices with their changes and history, alerts on price
 * rises and a daily summary for leaders. See ADR 0015.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type AppManifest, defineTenantTask } from '../../platform/sdk/index.ts';
import { seedMarketPricesDemo } from './demo.ts';
import { messages, sharedMessages } from './messages.ts';
import { ENTER_ROLES, PERM } from './permissions.ts';
import { marketPricePortal } from './portal/index.tsx';
import { marketPriceWidgets } from './portal/widget.tsx';
import { marketPriceRoutes } from './routes/index.ts';
import { ensureReferenceData } from './services/config.ts';
import { runDailySummary } from './services/daily-summary.ts';
import { marketPriceDataFeeds } from './services/data-feeds.ts';
import { marketMapLayers } from './services/map-layers.ts';
import { marketPricesSetup, marketPricesSetupMessages } from './services/setup.ts';

const here = path.dirname(fileURLToPath(import.meta.url));

/** Every ten minutes: where today's prices have become public, send the leaders' summary (once a day). */
const dailySummary = defineTenantTask({
  name: 'market-prices.daily-summary',
  cron: '*/10 * * * *',
  app: 'market-prices',
  run: runDailySummary,
});

const STAFF = [
  'platform_admin',
  'tenant_admin',
  'agency_admin',
  'operator',
  'officer',
  'field_officer',
  'viewer',
  'auditor',
] as const;

export const marketPricesApp: AppManifest = {
  code: 'market-prices',
  name: 'SEGAR',
  category: 'e-logistics',
  channels: ['web', 'android', 'webservice'],
  version: '1.0.0',
  description: { id: 'Harga bahan pokok harian di pasar', en: 'Daily staple-food market prices' },
  permissions: [
    // Entering also needs an assignment to the market (market_officers).
    { name: PERM.enter, roles: [...ENTER_ROLES] },
    // Agency administrators verify the markets of their own agencies.
    { name: PERM.verify, roles: ['platform_admin', 'tenant_admin', 'agency_admin'] },
    { name: PERM.reference, roles: ['platform_admin', 'tenant_admin', 'agency_admin'] },
    { name: PERM.alertRead, roles: [...STAFF] },
  ],
  // The settings and the national commodity list, from the day the tenant takes the app live.
  onLive: async (_platform, scope) => {
    await ensureReferenceData(scope);
  },
  routes: marketPriceRoutes,
  portal: marketPricePortal,
  portalHome: { path: '/harga' },
  widgets: marketPriceWidgets,
  tasks: [dailySummary],
  migrationsDir: path.join(here, 'migrations'),
  tables: [
    'market_settings',
    'markets',
    'commodities',
    'market_officers',
    'price_entries',
    'price_days',
    'price_rollups',
    'price_alerts',
    'price_subscriptions',
  ],
  messages: {
    id: { ...messages.id, setup: marketPricesSetupMessages.id },
    en: { ...messages.en, setup: marketPricesSetupMessages.en },
  },
  sharedMessages,
  setup: marketPricesSetup,
  seedDemo: seedMarketPricesDemo,
  dataFeeds: marketPriceDataFeeds,
  mapLayers: marketMapLayers,
};

export default marketPricesApp;
