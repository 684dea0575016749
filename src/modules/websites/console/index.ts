/**
 * What the websites app brings to the staff console: the sites and their content (loaded as the
 * app's own chunk when first opened), and the live events those screens follow.
 */
import { lazy } from 'react';
import { defineConsoleApp } from '../../../platform/sdk/console.ts';
import { PERM } from '../permissions.ts';
import { consoleMessages } from './messages.ts';

export default defineConsoleApp({
  code: 'websites',
  messages: consoleMessages,
  notLive: 'websites.notLive',
  liveEvents: ['websites.post.changed'],
  nav: [
    {
      path: '/websites',
      label: 'nav.websites',
      order: 60,
      home: 60,
      visible: (ctx) => ctx.can(PERM.write) || ctx.can(PERM.manage) || ctx.can(PERM.ppid),
    },
    {
      path: '/websites-import',
      label: 'websites.import.nav',
      order: 61,
      visible: (ctx) => ctx.can(PERM.import),
    },
    { path: '/ppid', label: 'nav.ppid', order: 62, visible: (ctx) => ctx.can(PERM.ppid) },
  ],
  screens: {
    websites: lazy(() => import('./screen.tsx')),
    'websites-import': lazy(() => import('./import.tsx')),
    ppid: lazy(() => import('./ppid.tsx')),
  },
});
