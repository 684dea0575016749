/** Registers the app's API routes under `/t/<slug>/api/v1/maps` (behind the adoption gate). */
import type { FastifyInstance } from 'fastify';
import type { Platform } from '../../../platform/sdk/index.ts';
import { itemRoutes } from './items.ts';

export function registerRoutes(app: FastifyInstance, platform: Platform) {
  itemRoutes(app, platform);
}
