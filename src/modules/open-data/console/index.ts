/**
 * What the app brings to the staff console: a menu entry and its screen (loaded as the app's own
 * chunk when first opened), and the live events that screen follows.
 */
import { lazy } from 'react';
import { defineConsoleApp } from '../../../platform/sdk/console.ts';
import { PERM } from '../permissions.ts';
import { LIVE_EVENTS } from './events.ts';
import { consoleMessages } from './messages.ts';

export default defineConsoleApp({
  code: 'open-data',
  messages: consoleMessages,
  notLive: 'openData.notLive',
  liveEvents: LIVE_EVENTS,
  nav: [
    {
      path: '/open-data',
      label: 'nav.openData',
      order: 60,
      home: 60,
      visible: (ctx) => ctx.can(PERM.write) || ctx.can(PERM.review),
    },
  ],
  screens: { 'open-data': lazy(() => import('./screen.tsx')) },
});
