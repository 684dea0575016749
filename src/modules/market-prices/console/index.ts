/**
 * What the market prices app (SEGAR) brings to the staff console: its screens under `/harga`
 * (the officer's entry and CSV import, the supervisor's review, the alerts), its settings section
 * and the LIVE Room's price alerts. Each loads as its own chunk when first opened.
 */
import { lazy } from 'react';
import { defineConsoleApp } from '../../../platform/sdk/console.ts';
import { PERM } from '../permissions.ts';
import { pricesMessages } from './messages.ts';

export default defineConsoleApp({
  code: 'market-prices',
  messages: pricesMessages,
  notLive: 'prices.notLive',
  liveEvents: ['price.published', 'price.alert'],
  nav: [
    {
      path: '/harga',
      label: 'nav.prices',
      order: 30,
      home: 30,
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
