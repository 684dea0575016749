/**
 * WebGIS (`maps`): The WebGIS app. Made by `npm run balai -- new-app maps`;
 * docs/adding-an-app.md says what each file is for and how to grow it.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AppManifest } from '../../platform/sdk/index.ts';
import { seedDemo } from './demo.ts';
import { messages, sharedMessages } from './messages.ts';
import { PERM } from './permissions.ts';
import { registerPortal } from './portal/index.tsx';
import { registerRoutes } from './routes/index.ts';
import { setup } from './setup.ts';

const here = path.dirname(fileURLToPath(import.meta.url));

const app: AppManifest = {
  code: 'maps',
  name: 'WebGIS',
  category: 'e-government',
  channels: ['web'],
  version: '0.1.0',
  description: {
    id: 'Peta daerah: lapisan unggahan dan dari aplikasi lain, di portal dan sebagai OGC API Features untuk QGIS',
    en: "The region's map: uploaded layers and other apps' layers, on the portal and as OGC API Features for QGIS",
  },
  permissions: [
    {
      name: PERM.read,
      roles: ['platform_admin', 'tenant_admin', 'agency_admin', 'operator', 'officer', 'viewer', 'auditor'],
    },
    { name: PERM.manage, roles: ['platform_admin', 'tenant_admin', 'agency_admin'] },
  ],
  routes: registerRoutes,
  // The OGC API answers GIS clients: its errors are problem documents.
  machinePaths: ['/ogc'],
  portal: registerPortal,
  portalHome: { path: '/peta' },
  migrationsDir: path.join(here, 'migrations'),
  tables: ['maps_layers', 'maps_features'],
  messages,
  sharedMessages,
  setup,
  seedDemo,
};

export default app;
