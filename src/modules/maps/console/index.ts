/**
 * What the app brings to the staff console: a menu entry and its screen (loaded as the app's own
 * chunk when first opened), and the live events that screen follows.
 */
import { lazy } from 'react';
import { defineConsoleApp } from '../../../platform/sdk/console.ts';
import { PERM } from '../permissions.ts';
import { consoleMessages } from './messages.ts';

export default defineConsoleApp({
  code: 'maps',
  messages: consoleMessages,
  notLive: 'maps.notLive',
  liveEvents: ['maps.layer.changed'],
  nav: [
    {
      path: '/maps',
      label: 'nav.maps',
      order: 60,
      home: 60,
      visible: (ctx) => ctx.can(PERM.read) || ctx.can(PERM.manage),
    },
  ],
  screens: { maps: lazy(() => import('./screen.tsx')) },
});
