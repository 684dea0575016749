/**
 * Satu Data (`open-data`): The Satu Data app. Made by `npm run balai -- new-app open-data`;
 * docs/adding-an-app.md says what each file is for and how to grow it.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type AppManifest, defineTenantTask } from '../../platform/sdk/index.ts';
import { seedDemo } from './demo.ts';
import { messages, sharedMessages } from './messages.ts';
import { CUSTODIAN_ROLES, PERM, WRITE_ROLES } from './permissions.ts';
import { registerPortal } from './portal/index.tsx';
import { registerRoutes } from './routes/index.ts';
import { refreshFeeds } from './services/feeds.ts';
import { setup } from './setup.ts';

const here = path.dirname(fileURLToPath(import.meta.url));

/**
 * Every hour (at minute 20): the apps' data feeds read again, each changed read kept as a new
 * version of its dataset. Hourly, not daily, so that a day's market prices published at noon are
 * in the catalogue within the hour; an unchanged read costs a hash and writes nothing.
 */
export const refreshFeedsTask = defineTenantTask({
  name: 'open-data.refresh-feeds',
  cron: '20 * * * *',
  app: 'open-data',
  run: (platform, scope, tenant, now) => refreshFeeds(platform, scope, tenant, now),
});

const app: AppManifest = {
  code: 'open-data',
  name: 'Satu Data',
  category: 'e-government',
  channels: ['web'],
  version: '0.1.0',
  description: { id: 'Aplikasi Satu Data', en: 'The Satu Data app' },
  permissions: [
    { name: PERM.write, roles: [...WRITE_ROLES] },
    { name: PERM.review, roles: [...CUSTODIAN_ROLES] },
    { name: PERM.themes, roles: [...CUSTODIAN_ROLES] },
  ],
  routes: registerRoutes,
  portal: registerPortal,
  portalHome: { path: '/open-data' },
  migrationsDir: path.join(here, 'migrations'),
  tables: [
    'open_data_themes',
    'open_data_datasets',
    'open_data_dataset_themes',
    'open_data_resources',
    'open_data_resource_versions',
    'open_data_rows',
  ],
  messages,
  sharedMessages,
  setup,
  seedDemo,
  tasks: [refreshFeedsTask],
};

export default app;
