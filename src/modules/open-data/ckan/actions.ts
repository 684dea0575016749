/**
 * The CKAN actions the catalogue answers, each over a `CatalogReader` in the tenant's scope, and
 * the envelope CKAN wraps them in. Only reads: every action here is side-effect free in CKAN too,
 * so GET and POST both reach every one.
 */
import type { Language } from '../../../platform/sdk/index.ts';
import type { CatalogReader, FacetField } from '../catalog/reader.ts';
import type { CatalogDataset } from '../catalog/view.ts';
import {
  datastoreResult,
  fullGroupDict,
  groupDict,
  licenseList,
  organizationDict,
  packageDict,
  resourceDict,
  searchResult,
  statusDict,
  tagDict,
} from './dicts.ts';
import { invalidParam, notFoundError } from './errors.ts';
import {
  type ActionData,
  ALL_FIELDS_MAX,
  boolean,
  datastoreArgs,
  LIST_LIMIT_MAX,
  natural,
  offset,
  packageSearchArgs,
  requiredText,
  text,
  textList,
} from './params.ts';

export type ActionContext = Readonly<{
  reader: CatalogReader;
  data: ActionData;
  /** The tenant's site as CKAN's `site_url`: `<public URL>/t/<slug>`. */
  siteUrl: string;
  locale: Language;
  /** The request's path (without its query), for `datastore_search`'s links. */
  path: string;
  /** The query string's parameters, kept in those links as CKAN keeps them. */
  query: Readonly<Record<string, unknown>>;
}>;

type Action = Readonly<{
  /** CKAN's docstring in a line, answered by `help_show`. */
  help: string;
  run(ctx: ActionContext): Promise<unknown>;
}>;

/** `package_list` without `limit` answers every name, as CKAN does; this only bounds a read. */
const ALL_NAMES = 100_000;
/** `organization_show`/`group_show` with `include_datasets` list the first page of a search, as CKAN. */
const SHOW_DATASETS = 10;

async function datasetOrFail(reader: CatalogReader, id: string): Promise<CatalogDataset> {
  const dataset = await reader.dataset(id);
  if (!dataset) throw notFoundError('datasetNotFound');
  return dataset;
}

/** The organization names that `owner_org:<id>` terms mean; an unknown id matches nothing. */
async function ownerOrgNames(reader: CatalogReader, ids: readonly string[]): Promise<string[] | null> {
  const names: string[] = [];
  for (const id of ids) {
    const org = await reader.organization(id);
    if (!org) return null;
    names.push(org.name);
  }
  return names;
}

async function packageSearch({ reader, data }: ActionContext) {
  const args = packageSearchArgs(data);
  const asked = (args.search.facets ?? []) as FacetField[];
  const owners = await ownerOrgNames(reader, args.ownerOrgs);
  if (args.matchesNothing || owners === null) {
    return searchResult({ count: 0, datasets: [], facets: {} }, args.sortText, asked, args.facetMinCount);
  }
  const filters = { ...args.search.filters };
  if (owners.length > 0) filters.organization = [...new Set([...(filters.organization ?? []), ...owners])];
  const page = await reader.search({ ...args.search, filters });
  return searchResult(page, args.sortText, asked, args.facetMinCount);
}

type Listed = { id: string; name: string; title: string; datasetCount: number };

/**
 * `organization_list`/`group_list`: names, or dicts with `all_fields`, filtered by `q` (in name or
 * title) and `organizations`/`groups`, sorted (CKAN's `ckan.default_group_sort`: title) and paged.
 */
function groupList<T extends Listed>(
  items: readonly T[],
  data: ActionData,
  namesParam: 'organizations' | 'groups',
  toDict: (item: T) => Record<string, unknown>,
) {
  const allFields = boolean(data, 'all_fields', false);
  const max = allFields ? ALL_FIELDS_MAX : LIST_LIMIT_MAX;
  const limit = natural(data, 'limit', max, max);
  const skip = offset(data, 'offset');
  const q = text(data, 'q')?.trim().toLowerCase();
  const only = textList(data, namesParam, /,/);
  const sortText = (text(data, 'sort') ?? 'title asc').trim().toLowerCase().replace(/\s+/g, ' ');
  const [key = 'title', dir = key === 'package_count' || key === 'packages' ? 'desc' : 'asc'] =
    sortText.split(' ');
  const column = { name: 'name', title: 'title', package_count: 'count', packages: 'count' }[key];
  if (!column || (dir !== 'asc' && dir !== 'desc')) {
    throw invalidParam('sort', 'unknownSort', {
      sort: sortText,
      allowed: 'name asc, name desc, title asc, title desc, package_count asc, package_count desc',
    });
  }
  const sign = dir === 'asc' ? 1 : -1;
  const value = (item: T) =>
    column === 'count' ? item.datasetCount : column === 'name' ? item.name : item.title;
  const picked = items
    .filter((item) => !q || item.name.toLowerCase().includes(q) || item.title.toLowerCase().includes(q))
    .filter((item) => !only || only.includes(item.name) || only.includes(item.id))
    .sort((a, b) => {
      const x = value(a);
      const y = value(b);
      const order = typeof x === 'number' ? x - (y as number) : String(x).localeCompare(String(y), 'id');
      return sign * order || a.name.localeCompare(b.name);
    })
    .slice(skip, skip + limit);
  return allFields ? picked.map(toDict) : picked.map((item) => item.name);
}

async function showGroup(
  ctx: ActionContext,
  kind: 'organization' | 'group',
): Promise<Record<string, unknown>> {
  const { reader, data } = ctx;
  const id = requiredText(data, 'id');
  let found: { name: string } | null;
  let base: Record<string, unknown>;
  if (kind === 'organization') {
    const org = await reader.organization(id);
    if (!org) throw notFoundError('organizationNotFound');
    [found, base] = [org, organizationDict(org)];
  } else {
    const theme = await reader.theme(id);
    if (!theme) throw notFoundError('groupNotFound');
    [found, base] = [theme, groupDict(theme)];
  }
  let packages: readonly CatalogDataset[] | undefined;
  if (boolean(data, 'include_datasets', false)) {
    const field = kind === 'organization' ? 'organization' : 'groups';
    const page = await reader.search({
      filters: { [field]: [found.name] },
      sort: 'metadata_modified desc',
      limit: SHOW_DATASETS,
      offset: 0,
    });
    packages = page.datasets;
  }
  return fullGroupDict(base, packages);
}

/** `?a=1&b=2` of the query plus `extra`, in CKAN's link order (the query's keys first). */
function link(
  path: string,
  query: Readonly<Record<string, unknown>>,
  extra: Record<string, unknown>,
): string {
  const params = new URLSearchParams();
  const merged: Record<string, unknown> = { ...query, ...extra };
  for (const [key, value] of Object.entries(merged)) {
    if (value === undefined || value === null) continue;
    for (const v of Array.isArray(value) ? value : [value]) {
      params.append(key, typeof v === 'object' ? JSON.stringify(v) : String(v));
    }
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

/** The actions served, in the order the API reference lists them. */
export const ACTION_NAMES = [
  'package_search',
  'package_show',
  'package_list',
  'organization_list',
  'organization_show',
  'group_list',
  'group_show',
  'tag_list',
  'resource_show',
  'license_list',
  'status_show',
  'datastore_search',
  'help_show',
  'site_read',
] as const;
export type ActionName = (typeof ACTION_NAMES)[number];

export const ACTIONS: Readonly<Record<ActionName, Action>> = {
  package_search: {
    help: 'Searches the published datasets: q (free text), fq (field:value terms; metadata_modified:[from TO to]), rows (default 10, at most 1000), start, sort, facet.field (a JSON list), facet.limit, facet.mincount.',
    run: packageSearch,
  },
  package_show: {
    help: 'Returns a published dataset by its id or name: id.',
    run: async ({ reader, data }) => packageDict(await datasetOrFail(reader, requiredText(data, 'id'))),
  },
  package_list: {
    help: 'Returns the names of the published datasets, by name: limit, offset.',
    run: async ({ reader, data }) =>
      reader.datasetNames(natural(data, 'limit', ALL_NAMES, ALL_NAMES), offset(data, 'offset')),
  },
  organization_list: {
    help: 'Returns the data producers (agencies): all_fields, sort (title, name or package_count, asc or desc), limit, offset, q, organizations.',
    run: async ({ reader, data }) =>
      groupList(await reader.organizations(), data, 'organizations', organizationDict),
  },
  organization_show: {
    help: 'Returns a data producer (agency) by its id or name: id, include_datasets.',
    run: (ctx) => showGroup(ctx, 'organization'),
  },
  group_list: {
    help: 'Returns the themes (government affairs): all_fields, sort (title, name or package_count, asc or desc), limit, offset, q, groups.',
    run: async ({ reader, data }) => groupList(await reader.themes(), data, 'groups', groupDict),
  },
  group_show: {
    help: 'Returns a theme by its id or name: id, include_datasets.',
    run: (ctx) => showGroup(ctx, 'group'),
  },
  tag_list: {
    help: 'Returns the keywords of the published datasets: query (keywords starting with it), all_fields.',
    run: async ({ reader, data }) => {
      const keywords = await reader.keywords(text(data, 'query')?.trim() || undefined);
      return boolean(data, 'all_fields', false) ? keywords.map(tagDict) : keywords;
    },
  },
  resource_show: {
    help: 'Returns a resource of a published dataset: id.',
    run: async ({ reader, data }) => {
      const id = requiredText(data, 'id');
      const resource = await reader.resource(id);
      if (!resource) throw notFoundError('resourceNotFound');
      const dataset = await reader.dataset(resource.datasetId);
      const position = dataset ? dataset.resources.findIndex((r) => r.id === resource.id) : 0;
      return resourceDict(resource, Math.max(position, 0));
    },
  },
  license_list: {
    help: 'Returns the licences datasets may carry: CKAN’s register and those the catalogue uses.',
    run: async ({ reader }) => {
      const page = await reader.search({
        sort: 'name asc',
        limit: 0,
        offset: 0,
        facets: ['license_id'],
        facetLimit: 1000,
      });
      return licenseList(page.facets.license_id ?? []);
    },
  },
  status_show: {
    help: 'Returns what the site is: its title, description, address, language, CKAN version and extensions.',
    run: async ({ reader, siteUrl, locale }) => statusDict(await reader.catalog(), siteUrl, locale),
  },
  datastore_search: {
    help: 'Reads the rows of a tabular resource: resource_id, q (full text), filters (a JSON object), fields, sort ("column desc, column2"), limit (default 100, at most 32000), offset, include_total.',
    run: async ({ reader, data, path, query }) => {
      const args = datastoreArgs(data);
      const page = await reader.datastore(args.resourceId, args.query);
      if (!page) throw notFoundError('resourceNotFound');
      const { limit, offset: skip } = args.query;
      const base = { ...query, resource_id: query.resource_id ?? args.resourceId };
      const { offset: _ignored, ...start } = base as Record<string, unknown>;
      return datastoreResult(
        page,
        { limit, includeTotal: args.includeTotal, echo: args.echo },
        {
          start: link(path, start, {}),
          next: link(path, start, { offset: skip + limit }),
          ...(skip - limit > 0 ? { prev: link(path, start, { offset: skip - limit }) } : {}),
        },
      );
    },
  },
  help_show: {
    help: 'Returns the help of an action: name.',
    run: async ({ data }) => {
      const name = requiredText(data, 'name');
      if (!isAction(name)) throw notFoundError('notFound');
      return ACTIONS[name].help;
    },
  },
  site_read: {
    help: 'Says whether the site may be read: always true here.',
    run: async () => true,
  },
};

export function isAction(name: string): name is ActionName {
  return Object.hasOwn(ACTIONS, name);
}

/** CKAN's `help`: the address of `help_show` for the action, always under `/api/3/`. */
export function helpUrl(siteUrl: string, action: string): string {
  return `${siteUrl}/api/3/action/help_show?name=${encodeURIComponent(action)}`;
}
