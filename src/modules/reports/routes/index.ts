/**
 * Routes of the reports app: thin — validate, establish who acts, call the service, shape the
 * answer. One file per resource; registered here in the order of the OpenAPI document, which
 * test/isolation.test.ts walks route by route (so a route's place is part of the contract).
 */
import type { FastifyInstance } from 'fastify';
import type { Platform } from '../../../platform/sdk/index.ts';
import { actionRoute } from './actions.ts';
import { additionRoutes } from './additions.ts';
import { categoriesRoute, putCategoryRoute } from './categories.ts';
import { detailRoute } from './detail.ts';
import { followingRoutes } from './following.ts';
import { inboxRoute, officersRoute } from './inbox.ts';
import { fileRoute } from './intake.ts';
import { listRoute, mapRoute, mineRoute } from './lists.ts';
import { messagingRoute } from './messaging.ts';
import { photoRoute } from './photos.ts';
import { settingsRoutes } from './settings.ts';
import { similarRoute } from './similar.ts';
import { agencyStatsRoute, summaryRoute } from './stats.ts';

export function reportRoutes(app: FastifyInstance, platform: Platform) {
  listRoute(app, platform);
  mapRoute(app, platform);
  categoriesRoute(app, platform);
  agencyStatsRoute(app, platform);
  summaryRoute(app, platform);
  fileRoute(app, platform);
  messagingRoute(app, platform);
  inboxRoute(app, platform);
  officersRoute(app, platform);
  mineRoute(app, platform);
  settingsRoutes(app, platform);
  putCategoryRoute(app, platform);
  detailRoute(app, platform);
  photoRoute(app, platform);
  similarRoute(app, platform);
  actionRoute(app, platform);
  additionRoutes(app, platform);
  followingRoutes(app, platform);
}
