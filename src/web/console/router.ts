/**
 * The console's routes: paths under `<base>/konsol`, kept in the address bar (History API), so that
 * a screen can be bookmarked, reloaded and returned to after signing in again.
 */
import { useEffect, useState } from 'react';

export type Route =
  | { name: 'home' }
  | { name: 'triage' }
  | { name: 'work' }
  | { name: 'report'; no: string }
  | { name: 'live' }
  | { name: 'admin'; section: string }
  | { name: 'prices'; section: string }
  | { name: 'unknown' };

/** The route of a console path (the part after `/konsol`). */
export function parseRoute(path: string): Route {
  let parts: string[];
  try {
    parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  } catch {
    return { name: 'unknown' }; // a malformed %-escape in the address
  }
  const [first, second] = parts;
  if (!first) return { name: 'home' };
  if (first === 'triase' && !second) return { name: 'triage' };
  if (first === 'tugas' && !second) return { name: 'work' };
  if (first === 'ruang-live' && !second) return { name: 'live' };
  if (first === 'laporan' && second && parts.length === 2) return { name: 'report', no: second };
  if (first === 'admin') return { name: 'admin', section: second ?? 'agencies' };
  if (first === 'harga' && parts.length <= 2) return { name: 'prices', section: second ?? '' };
  return { name: 'unknown' };
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
