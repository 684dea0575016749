/**
 * The app's citizen pages, drawn on the server in the tenant's layout and language, with no
 * script: the catalogue's search (`/open-data`), a producer's and a theme's datasets
 * (`/open-data/organization/<name>`, `/open-data/group/<name>`) and a dataset's page
 * (`/open-data/dataset/<name>`) — the addresses the catalogue's views give (catalog/view.ts).
 */
import type { FastifyInstance } from 'fastify';
import type { Platform } from '../../../platform/sdk/index.ts';
import { registerCatalogue } from './catalogue.tsx';
import { registerDatasetPage } from './dataset.tsx';

/** Registers the app's portal pages (inside the portal, behind the adoption gate). */
export function registerPortal(app: FastifyInstance, platform: Platform) {
  registerCatalogue(app, platform);
  registerDatasetPage(app, platform);
}
