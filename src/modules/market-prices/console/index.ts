/**
 * What the market prices app (SEGAR) brings to the staff console: its screens under `/harga`
 * (the officer's entry and CSV import, the supervisor's review, the alerts), its settings section
 * and the LIVE Room's price alerts. Each loads as its own chunk when first opened.
 */
import { lazy } from 'react';
import { type ConsoleContext, defineConsoleApp } from '../../../platform/sdk/console.ts';
import { PERM } from '../permissions.ts';
import { pricesMessages } from './messages.ts';
import { pricesSetupMessages } from './setup-messages.ts';

type Markets = { items: Array<{ agencyId: string | null }> };

/**
 * Prices are the home of those whose work they are (before an agency's reports, 20): an officer
 * assigned to a market lands on the day's entry, an agency's supervisor of a market on the review
 * (the screen opens the first section the person may use). Anyone else who sees prices: 30.
 */
async function pricesHome(ctx: ConsoleContext): Promise<number> {
  if (ctx.can(PERM.enter)) {
    const mine = await ctx.api.get<Markets>('/market-prices/entry');
    if (mine.items.length > 0) return 15;
  }
  if (ctx.can(PERM.verify) && ctx.agencyIds.length > 0) {
    const markets = await ctx.api.get<Markets>('/market-prices/markets');
    if (markets.items.some((m) => m.agencyId !== null && ctx.agencyIds.includes(m.agencyId))) return 15;
  }
  return 30;
}

export default defineConsoleApp({
  code: 'market-prices',
  messages: {
    id: { ...pricesMessages.id, pricesSetup: pricesSetupMessages.id },
    en: { ...pricesMessages.en, pricesSetup: pricesSetupMessages.en },
  },
  notLive: 'prices.notLive',
  liveEvents: ['price.published', 'price.alert'],
  nav: [
    {
      path: '/harga',
      label: 'nav.prices',
      order: 30,
      home: pricesHome,
      visible: (ctx) => Object.values(PERM).some(ctx.can),
    },
  ],
  screens: { harga: lazy(() => import('./screen.tsx')) },
  settings: [
    {
      slug: 'prices',
      label: 'admin.nav.prices',
      order: 80,
      permissions: [PERM.reference],
      tenantWide: true,
      component: lazy(() => import('./settings.tsx')),
    },
    // Setting the app up (its checklist links here): markets, commodities, officers.
    {
      slug: 'price-markets',
      label: 'pricesSetup.nav.markets',
      order: 81,
      permissions: [PERM.reference],
      component: lazy(() => import('./setup-markets.tsx')),
    },
    {
      slug: 'price-commodities',
      label: 'pricesSetup.nav.commodities',
      order: 82,
      permissions: [PERM.reference],
      tenantWide: true,
      component: lazy(() => import('./setup-commodities.tsx')),
    },
    {
      slug: 'price-officers',
      label: 'pricesSetup.nav.officers',
      order: 83,
      permissions: [PERM.reference],
      component: lazy(() => import('./setup-officers.tsx')),
    },
  ],
  liveTiles: [
    {
      id: 'price-alerts',
      order: 20,
      visible: (ctx) => ctx.can(PERM.alertRead),
      component: lazy(() => import('./live-alerts.tsx').then((m) => ({ default: m.LivePriceAlerts }))),
    },
  ],
});
