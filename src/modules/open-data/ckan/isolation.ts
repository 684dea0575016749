/**
 * What the app's isolation fixture (`test/isolation.ts`) takes for the CKAN Action API: its POST
 * routes are reads (`postReads`), its paths have no parameter to fill, and the show actions are
 * asked for B's datasets, resources and organizations by id (the fixture's B ids, when it has
 * them), which must be Not Found on A.
 */
import { ACTION_NAMES } from './actions.ts';

export const CKAN_POST_READS: readonly string[] = ACTION_NAMES.map((a) => `POST /api/3/action/${a}`);

/** The path of a CKAN route, unchanged (they take no path parameter), or undefined for others. */
export function ckanFill(path: string): string | undefined {
  return path.startsWith('/api/3/action/') || path.startsWith('/api/action/') ? path : undefined;
}

/** B's ids by the fixture's names (B_DATASET, B_RESOURCE, B_ORGANIZATION), when it has them. */
export function ckanQuery(path: string, ids: Readonly<Record<string, string>>): string | undefined {
  const id = (key: string) => (ids[key] ? `?id=${encodeURIComponent(ids[key])}` : undefined);
  if (path.endsWith('/package_show')) return id('B_DATASET');
  if (path.endsWith('/resource_show')) return id('B_RESOURCE');
  if (path.endsWith('/organization_show')) return id('B_ORGANIZATION');
  if (path.endsWith('/datastore_search') && ids.B_RESOURCE) {
    return `?resource_id=${encodeURIComponent(ids.B_RESOURCE)}`;
  }
  return undefined;
}
