/**
 * __NAME__ (`__CODE__`): __DESCRIPTION_EN__. Made by `npm run balai -- new-app __CODE__`;
 * docs/adding-an-app.md says what each file is for and how to grow it.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AppManifest } from '../../platform/sdk/index.ts';
import { seedDemo } from './demo.ts';
import { messages } from './messages.ts';
import { PERM } from './permissions.ts';
import { registerPortal } from './portal/index.tsx';
import { registerRoutes } from './routes/index.ts';
import { setup } from './setup.ts';

const here = path.dirname(fileURLToPath(import.meta.url));

const app: AppManifest = {
  code: '__CODE__',
  name: '__NAME__',
  category: 'e-government',
  channels: ['web'],
  version: '0.1.0',
  description: { id: '__DESCRIPTION_ID__', en: '__DESCRIPTION_EN__' },
  permissions: [
    {
      name: PERM.read,
      roles: ['platform_admin', 'tenant_admin', 'agency_admin', 'operator', 'officer', 'viewer', 'auditor'],
    },
    { name: PERM.manage, roles: ['platform_admin', 'tenant_admin'] },
  ],
  routes: registerRoutes,
  portal: registerPortal,
  portalHome: { path: '/__CODE__' },
  migrationsDir: path.join(here, 'migrations'),
  tables: ['__TABLE__'],
  messages,
  setup,
  seedDemo,
};

export default app;
