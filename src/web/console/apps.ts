/**
 * What an app brings to the staff console, and where the console finds it. Each app's folder may
 * hold `console/index.ts`, default-exporting a `ConsoleApp`: its words, menu entries, screens,
 * settings sections and LIVE Room tiles. The console shows none of it unless the tenant has the app
 * live. The index is small and loaded with the console; the screens it names are `lazy()` imports,
 * so each app's code is its own chunk, fetched when a screen of it opens.
 */
import type { ComponentType } from 'react';
import type { ConsoleContext } from './ui.tsx';

/** What a screen of an app gets: the path's parts after its first segment, and the query. */
export type ScreenProps = { parts: string[]; search: URLSearchParams };

type Messages = { [key: string]: string | Messages };

/** A menu entry's rank as the console's landing screen: a number, or asked of the API per session. */
export type Home = number | ((ctx: ConsoleContext) => number | undefined | Promise<number | undefined>);

export type ConsoleApp = Readonly<{
  /** The app's code in the catalogue. */
  code: string;
  /** The app's words, merged into the console's; a key the console or another app has is an error. */
  messages?: Readonly<{ id: Messages; en: Messages }>;
  /** What an address of the app says where the tenant does not have it live (a message key). */
  notLive?: string;
  /** Live event types the app's screens and tiles react to (SSE delivers only those listened to). */
  liveEvents?: readonly string[];
  /**
   * Entries of the main menu, by `order` among every app's. `home`: where the console opens for
   * someone who may see the entry, the lowest first (the shell's settings are 40, the LIVE Room 50);
   * a function when the rank depends on the person's work that only the API knows (undefined: not
   * their home).
   */
  nav?: readonly Readonly<{
    path: string;
    label: string;
    order: number;
    home?: Home;
    visible: (ctx: ConsoleContext) => boolean;
  }>[];
  /** Screens by the first segment of their path: `laporan` serves `/konsol/laporan/<no>`. */
  screens?: Readonly<Record<string, ComponentType<ScreenProps>>>;
  /** Sections of the settings screen (`/konsol/admin/<slug>`), by `order` among the shell's (10–70). */
  settings?: readonly Readonly<{
    slug: string;
    label: string;
    order: number;
    /** Any one of these opens the section. */
    permissions: readonly string[];
    /** Whether the permissions must be held in the whole tenant (the API refuses agency grants). */
    tenantWide?: boolean;
    /** What the section says where the tenant does not have the app live (else the app's `notLive`). */
    notLive?: string;
    component: ComponentType;
  }>[];
  /** Tiles of the LIVE Room's wall, by `order`. */
  liveTiles?: readonly Readonly<{
    id: string;
    order: number;
    visible: (ctx: ConsoleContext) => boolean;
    component: ComponentType;
  }>[];
}>;

/** Checks an app's console declaration where it is written (a typed identity). */
export function defineConsoleApp(app: ConsoleApp): ConsoleApp {
  return app;
}

/**
 * The console's words with each app's merged in. A key defined twice would make one screen say
 * another's words: that throws, naming the key.
 */
export function mergeMessages(base: Messages, apps: readonly Messages[]): Messages {
  const merged = structuredClone(base);
  const put = (into: Messages, from: Messages, prefix: string) => {
    for (const [key, value] of Object.entries(from)) {
      const there = into[key];
      if (typeof value === 'string' || there === undefined) {
        if (there !== undefined) throw new Error(`the console message '${prefix}${key}' is defined twice`);
        into[key] = structuredClone(value);
      } else if (typeof there === 'string') {
        throw new Error(`the console message '${prefix}${key}' is defined twice`);
      } else put(there, value, `${prefix}${key}.`);
    }
  };
  for (const app of apps) put(merged, app, '');
  return merged;
}
