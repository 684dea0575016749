/**
 * Routes of the market prices app, one file per resource: thin — validate, establish who acts (the
 * agency checks of agency-scoped grants), call the service in one tenant transaction, shape the
 * answer. Registered in this order, which is the order of their operations in OpenAPI.
 */
import type { FastifyInstance } from 'fastify';
import type { Platform } from '../../../platform/sdk/index.ts';
import { alertRoutes } from './alerts.ts';
import { correctionRoutes } from './corrections.ts';
import { entryRoutes } from './entry.ts';
import { publicRoutes } from './public.ts';
import { referenceDataRoutes } from './reference-data.ts';
import { reviewRoutes } from './review.ts';
import { setupListRoutes } from './setup-lists.ts';

/** A CSV upload's size limit: a day's sheet of a market is a few kilobytes. */
const CSV_LIMIT = 256 * 1024;

export function marketPriceRoutes(app: FastifyInstance, platform: Platform) {
  // A day's prices may come as a CSV body (or as a multipart file, read by the handler).
  app.addContentTypeParser(
    ['text/csv', 'text/plain'],
    { parseAs: 'string', bodyLimit: CSV_LIMIT },
    (_r, body, done) => done(null, body),
  );
  publicRoutes(app, platform);
  referenceDataRoutes(app, platform);
  setupListRoutes(app, platform);
  entryRoutes(app, platform);
  reviewRoutes(app, platform);
  correctionRoutes(app, platform);
  alertRoutes(app, platform);
}
