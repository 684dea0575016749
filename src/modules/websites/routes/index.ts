/**
 * Routes of the websites app, one file per resource: thin — validate, establish who acts (agency
 * by agency: a site belongs to an agency), call the service in one tenant transaction, shape the
 * answer. Registered in this order, which is the order of their operations in OpenAPI.
 */
import type { FastifyInstance } from 'fastify';
import type { Platform } from '../../../platform/sdk/index.ts';
import { importRoutes } from './import.ts';
import { mediaRoutes } from './media.ts';
import { postRoutes } from './posts.ts';
import { ppidRoutes } from './ppid.ts';
import { siteRoutes } from './sites.ts';
import { termRoutes } from './terms.ts';

export function registerRoutes(app: FastifyInstance, platform: Platform) {
  siteRoutes(app, platform);
  postRoutes(app, platform);
  mediaRoutes(app, platform);
  termRoutes(app, platform);
  importRoutes(app, platform);
  ppidRoutes(app, platform);
}
