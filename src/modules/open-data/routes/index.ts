/**
 * Registers the app's API routes (behind the adoption gate): its own under
 * `/t/<slug>/api/v1/open-data`, CKAN's Action API under `/t/<slug>/api/3/action` and DCAT's
 * documents at `/t/<slug>/catalog.ttl` and the like.
 */
import type { FastifyInstance } from 'fastify';
import type { Platform } from '../../../platform/sdk/index.ts';
import { readerFor } from '../catalog/reader-for.ts';
import { registerCkanRoutes } from '../ckan/routes.ts';
import { registerDcatRoutes } from '../dcat/routes.ts';
import { datasetRoutes } from './datasets.ts';
import { resourceRoutes } from './resources.ts';
import { themeRoutes } from './themes.ts';

export function registerRoutes(app: FastifyInstance, platform: Platform) {
  datasetRoutes(app, platform);
  resourceRoutes(app, platform);
  themeRoutes(app, platform);
  // The catalogue's outward formats, for harvesters and clients of other portals.
  const reader = readerFor(platform);
  registerCkanRoutes(app, platform, reader);
  registerDcatRoutes(app, platform, reader);
}
