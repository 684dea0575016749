/**
 * Satu Data (`open-data`): The Satu Data app. Made by `npm run balai -- new-app open-data`;
 * docs/adding-an-app.md says what each file is for and how to grow it.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AppManifest } from '../../platform/sdk/index.ts';
import { seedDemo } from './demo.ts';
import { messages, sharedMessages } from './messages.ts';
import { CUSTODIAN_ROLES, PERM, WRITE_ROLES } from './permissions.ts';
import { registerPortal } from './portal/index.tsx';
import { registerRoutes } from './routes/index.ts';
import { setup } from './setup.ts';

const here = path.dirname(fileURLToPath(import.meta.url));

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
  messages,
  sharedMessages,
  setup,
  seedDemo,
};

export default app;
