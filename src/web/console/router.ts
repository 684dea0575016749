/**
 * The console's routes: paths under `<base>/konsol`, kept in the address bar (History API), so that
 * a screen can be bookmarked, reloaded and returned to after signing in again.
 */
import { useEffect, useState } from 'react';

/**
 * The shell's own screens (home, the LIVE Room, settings), or an app's: its first segment names
 * the screen an app declared (`/laporan/<no>` → `laporan` with `[<no>]`).
 */
export type Route =
  | { name: 'home' }
  | { name: 'live' }
  | { name: 'admin'; section: string }
  | { name: 'app'; segment: string; parts: string[] }
  | { name: 'unknown' };

/** The route of a console path (the part after `/konsol`). */
export function parseRoute(path: string): Route {
  let parts: string[];
  try {
    parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  } catch {
    return { name: 'unknown' }; // a malformed %-escape in the address
  }
  const [first, second, ...rest] = parts;
  if (!first) return { name: 'home' };
  if (first === 'ruang-live') return second ? { name: 'unknown' } : { name: 'live' };
  if (first === 'admin') return { name: 'admin', section: second ?? '' };
  return { name: 'app', segment: first, parts: second === undefined ? [] : [second, ...rest] };
}

let root = '/konsol';

/** Sets the console's root path once, from the tenant's base. */
export function setRoot(base: string) {
  root = `${base}/konsol`;
}

/** The full path of a console path. */
export function pathTo(path: string): string {
  return `${root}${path}`;
}

function current(): { path: string; search: URLSearchParams } {
  const p = location.pathname.startsWith(root) ? location.pathname.slice(root.length) : '/';
  return { path: p || '/', search: new URLSearchParams(location.search) };
}

const listeners = new Set<() => void>();

/** Goes to a console path without reloading the page. */
export function navigate(path: string, options: { replace?: boolean } = {}) {
  const url = pathTo(path);
  if (options.replace) history.replaceState(null, '', url);
  else history.pushState(null, '', url);
  for (const l of listeners) l();
  window.scrollTo(0, 0);
}

/** The current console location; re-renders on navigation and on the browser's back/forward. */
export function useLocation(): { route: Route; search: URLSearchParams; path: string } {
  const [, setTick] = useState(0);
  useEffect(() => {
    const update = () => setTick((n) => n + 1);
    listeners.add(update);
    window.addEventListener('popstate', update);
    return () => {
      listeners.delete(update);
      window.removeEventListener('popstate', update);
    };
  }, []);
  const { path, search } = current();
  return { route: parseRoute(path), search, path };
}
