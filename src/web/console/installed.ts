/**
 * The installed apps' console declarations (`src/modules/<app>/console/index.ts`), found by Vite's
 * glob at build time: an app folder with a console is in the console, with no list to keep. Only
 * the browser bundle imports this file (Node has no `import.meta.glob`).
 */
import type { ConsoleApp } from './apps.ts';
import type { ConsoleContext } from './ui.tsx';

export const CONSOLE_APPS: readonly ConsoleApp[] = Object.values(
  import.meta.glob<ConsoleApp>('../../modules/*/console/index.ts', { eager: true, import: 'default' }),
);

/** The installed app that serves an address's first segment, live for the tenant or not. */
export function appOfSegment(segment: string): ConsoleApp | undefined {
  return CONSOLE_APPS.find((a) => a.screens?.[segment]);
}

/** The installed apps the tenant has live. */
export function liveConsoleApps(ctx: Pick<ConsoleContext, 'liveApps'>): readonly ConsoleApp[] {
  return CONSOLE_APPS.filter((a) => ctx.liveApps.includes(a.code));
}
