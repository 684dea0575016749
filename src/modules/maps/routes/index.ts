/** Registers the app's routes: the staff API under `/t/<slug>/api/v1/maps`, the OGC API under `/t/<slug>/ogc`. */
import type { FastifyInstance } from 'fastify';
import type { Platform } from '../../../platform/sdk/index.ts';
import { layerRoutes } from './layers.ts';
import { ogcRoutes } from './ogc.ts';

export function registerRoutes(app: FastifyInstance, platform: Platform) {
  layerRoutes(app, platform);
  ogcRoutes(app, platform);
}
