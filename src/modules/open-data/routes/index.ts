/** Registers the app's API routes under `/t/<slug>/api/v1/open-data` (behind the adoption gate). */
import type { FastifyInstance } from 'fastify';
import type { Platform } from '../../../platform/sdk/index.ts';
import { datasetRoutes } from './datasets.ts';
import { resourceRoutes } from './resources.ts';
import { themeRoutes } from './themes.ts';

export function registerRoutes(app: FastifyInstance, platform: Platform) {
  datasetRoutes(app, platform);
  resourceRoutes(app, platform);
  themeRoutes(app, platform);
}
