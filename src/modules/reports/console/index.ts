/**
 * What the reports app (LAKSA) brings to the staff console: the triage queue and the agencies'
 * work lists with a report's screen, the categories section of the settings, and its tile of the
 * LIVE Room. Screens load as their own chunk when first opened.
 */
import { lazy } from 'react';
import { defineConsoleApp } from '../../../platform/sdk/console.ts';
import { PERM } from '../permissions.ts';
import { REPORT_EVENTS } from './events.ts';
import { reportsConsoleMessages } from './messages.ts';

const screens = () => import('./screens.tsx');

export default defineConsoleApp({
  code: 'reports',
  messages: reportsConsoleMessages,
  liveEvents: REPORT_EVENTS,
  nav: [
    { path: '/triase', label: 'nav.triage', order: 10, home: 10, visible: (ctx) => ctx.can(PERM.triage) },
    { path: '/tugas', label: 'nav.work', order: 20, home: 20, visible: (ctx) => ctx.can(PERM.followUp) },
  ],
  screens: {
    triase: lazy(() => screens().then((m) => ({ default: m.TriageScreen }))),
    tugas: lazy(() => screens().then((m) => ({ default: m.WorkScreen }))),
    laporan: lazy(() => screens().then((m) => ({ default: m.ReportPageScreen }))),
  },
  settings: [
    {
      slug: 'categories',
      label: 'admin.nav.categories',
      order: 30,
      permissions: [PERM.settings],
      notLive: 'admin.categories.notLive',
      component: lazy(() => import('./categories.tsx').then((m) => ({ default: m.CategoriesSection }))),
    },
    {
      slug: 'publication',
      label: 'admin.nav.publication',
      order: 31,
      permissions: [PERM.settings],
      notLive: 'admin.categories.notLive',
      component: lazy(() => import('./publication.tsx').then((m) => ({ default: m.PublicationSection }))),
    },
  ],
  liveTiles: [
    {
      id: 'reports',
      order: 10,
      visible: (ctx) => ctx.can(PERM.read),
      component: lazy(() => import('./live-tile.tsx')),
    },
  ],
});
