/**
 * The market prices app's citizen pages: today's prices (`/harga`) city-wide or at one market,
 * with their change against yesterday, last week and last month and the cheapest market, and a
 * commodity's price history (`/harga/riwayat`) as a chart drawn on the server (chart.ts), a summary
 * and a table. Both work without JavaScript, read through the same cache as the public API
 * (`publicRead`), and link to the same figures as CSV and JSON.
 */
import type { FastifyInstance } from 'fastify';
import type { Platform } from '../../../platform/sdk/index.ts';
import { registerHistoryPage } from './history.tsx';
import { registerTodayPage } from './today.tsx';

/** Registers the app's portal pages (inside the portal plugin, behind the adoption gate). */
export function marketPricePortal(app: FastifyInstance, platform: Platform) {
  registerTodayPage(app, platform);
  registerHistoryPage(app, platform);
}
