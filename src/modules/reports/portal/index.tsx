/**
 * The reports app's citizen pages: report a problem (a form that works without JavaScript, photos
 * included), the receipt with the tracking number, track a report, a report's public page with its
 * history and photos, the public list with filters and search, and the signed-in citizen's own
 * reports (`/laporan-saya`). They call the same service as
 * the API; only the shape of the answer differs.
 */
import type { FastifyInstance } from 'fastify';
import type { Platform } from '../../../platform/sdk/index.ts';
import { followRoutes } from './follow.tsx';
import { reportFormRoutes } from './form.tsx';
import { listRoute } from './list.tsx';
import { mineRoute } from './mine.tsx';
import { reportPageRoutes } from './report-page.tsx';
import { trackRoute } from './track.tsx';

/** The portal pages of the reports app. */
export function reportPortal(app: FastifyInstance, platform: Platform) {
  reportFormRoutes(app, platform);
  trackRoute(app, platform);
  listRoute(app, platform);
  mineRoute(app, platform);
  reportPageRoutes(app, platform);
  followRoutes(app, platform);
}
