/**
 * The CKAN actions in the API reference: each action's parameters (as the query string of a GET,
 * or the JSON object of a POST), its answer in CKAN's envelope with an example drawn from the
 * sample catalogue the tests read, and CKAN's error answers in place of problem documents.
 */
import { type TSchema, Type } from 'typebox';
import type { ActionName } from './actions.ts';
import {
  datastoreResult,
  groupDict,
  licenseList,
  organizationDict,
  packageDict,
  resourceDict,
  searchResult,
  statusDict,
} from './dicts.ts';
import { CATALOG, DATASETS, DINKES, KESEHATAN, PRICE_ROWS, SITE } from './test-catalog.ts';

const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
const Text = (description: string) => Type.Optional(Type.String({ description }));

const SITE_URL = `${SITE}/t/kota-tangerang`;
const help = (action: string) => `${SITE_URL}/api/3/action/help_show?name=${action}`;

const Tag = Type.Object({
  id: Type.String(),
  name: Type.String(),
  display_name: Type.String(),
  state: Type.String(),
  vocabulary_id: Nullable(Type.String()),
});

const Resource = Type.Object({
  id: Type.String(),
  package_id: Type.String(),
  name: Type.String(),
  description: Type.String(),
  format: Type.String(),
  mimetype: Nullable(Type.String()),
  url: Type.String(),
  url_type: Nullable(Type.Literal('upload')),
  size: Nullable(Type.Integer()),
  hash: Type.String(),
  created: Nullable(Type.String()),
  last_modified: Nullable(Type.String()),
  datastore_active: Type.Boolean(),
  position: Type.Integer(),
  state: Type.String(),
  versions: Type.Array(
    Type.Object({
      version: Type.Integer(),
      created: Nullable(Type.String()),
      url: Type.String(),
      size: Nullable(Type.Integer()),
      hash: Type.String(),
    }),
    {
      description: 'Every upload of the resource, the current first (not in CKAN: Satu Data keeps versions).',
    },
  ),
});

const GroupLike = Type.Object({
  id: Type.String(),
  name: Type.String(),
  title: Type.String(),
  display_name: Type.String(),
  description: Type.String(),
  image_url: Type.String(),
  created: Nullable(Type.String()),
  is_organization: Type.Boolean(),
  type: Type.String(),
  state: Type.String(),
  package_count: Type.Integer(),
});

const Package = Type.Object({
  id: Type.String(),
  name: Type.String(),
  title: Type.String(),
  notes: Type.String(),
  url: Type.String(),
  author: Nullable(Type.String()),
  maintainer: Nullable(Type.String()),
  maintainer_email: Nullable(Type.String()),
  license_id: Type.String(),
  license_title: Type.String(),
  license_url: Type.String(),
  metadata_created: Nullable(Type.String({ description: 'UTC without a zone, to the microsecond, as CKAN' })),
  metadata_modified: Nullable(Type.String()),
  state: Type.Literal('active'),
  private: Type.Literal(false),
  type: Type.Literal('dataset'),
  num_resources: Type.Integer(),
  num_tags: Type.Integer(),
  owner_org: Type.String(),
  organization: Type.Object({ id: Type.String(), name: Type.String(), title: Type.String() }),
  groups: Type.Array(Type.Object({ id: Type.String(), name: Type.String(), title: Type.String() })),
  tags: Type.Array(Tag),
  resources: Type.Array(Resource),
  extras: Type.Array(Type.Object({ key: Type.String(), value: Type.String() }), {
    description:
      'DCAT (ckanext-dcat’s keys: issued, modified, frequency, temporal_start/_end, spatial, spatial_text, publisher_*, contact_*) and Satu Data Indonesia (sdi_*)',
  }),
});

const License = Type.Object({
  id: Type.String(),
  title: Type.String(),
  url: Type.String(),
  od_conformance: Type.String(),
  osd_conformance: Type.String(),
  status: Type.String(),
  domain_content: Type.String(),
  domain_data: Type.String(),
  domain_software: Type.String(),
});

const SearchResult = Type.Object({
  count: Type.Integer(),
  sort: Type.String(),
  facets: Type.Record(Type.String(), Type.Record(Type.String(), Type.Integer())),
  search_facets: Type.Record(
    Type.String(),
    Type.Object({
      title: Type.String(),
      items: Type.Array(
        Type.Object({ name: Type.String(), display_name: Type.String(), count: Type.Integer() }),
      ),
    }),
  ),
  results: Type.Array(Package),
});

const DatastoreResult = Type.Object({
  resource_id: Type.String(),
  fields: Type.Array(
    Type.Object({
      id: Type.String(),
      type: Type.String(),
      info: Type.Optional(Type.Object({ label: Type.String(), notes: Type.String() })),
    }),
  ),
  records: Type.Array(Type.Record(Type.String(), Nullable(Type.Union([Type.String(), Type.Number()])))),
  limit: Type.Integer(),
  total: Type.Optional(Type.Integer()),
  _links: Type.Object({ start: Type.String(), next: Type.String(), prev: Type.Optional(Type.String()) }),
});

const Status = Type.Object({
  ckan_version: Type.String(),
  site_title: Type.String(),
  site_description: Type.String(),
  site_url: Type.String(),
  locale_default: Type.String(),
  extensions: Type.Array(Type.String()),
});

const prices = DATASETS[2]!;
const priceResource = prices.resources[0]!;
const orgWithCount = { ...DINKES, datasetCount: 2 };
const themeWithCount = { ...KESEHATAN, datasetCount: 3 };

/** Each action: what its result is and an example of it. */
const RESULTS: Record<ActionName, { schema: TSchema; example: unknown }> = {
  package_search: {
    schema: SearchResult,
    example: searchResult(
      {
        count: 2,
        datasets: [DATASETS[1]!, DATASETS[0]!],
        facets: { organization: [{ name: 'dinas-kesehatan', displayName: 'Dinas Kesehatan', count: 2 }] },
      },
      'metadata_modified desc',
      ['organization'],
      1,
    ),
  },
  package_show: { schema: Package, example: packageDict(prices) },
  package_list: { schema: Type.Array(Type.String()), example: DATASETS.map((d) => d.name).sort() },
  organization_list: {
    schema: Type.Union([Type.Array(Type.String()), Type.Array(GroupLike)]),
    example: ['dinas-kesehatan', 'dinas-pendidikan', 'dinas-perindustrian-perdagangan'],
  },
  organization_show: { schema: GroupLike, example: organizationDict(orgWithCount) },
  group_list: {
    schema: Type.Union([Type.Array(Type.String()), Type.Array(GroupLike)]),
    example: ['kependudukan', 'kesehatan', 'pendidikan', 'perdagangan'],
  },
  group_show: { schema: GroupLike, example: groupDict(themeWithCount) },
  tag_list: {
    schema: Type.Union([Type.Array(Type.String()), Type.Array(Tag)]),
    example: ['bahan pokok', 'harga', 'pasar', 'puskesmas'],
  },
  resource_show: { schema: Resource, example: resourceDict(priceResource, 0) },
  license_list: {
    schema: Type.Array(License),
    example: licenseList([]).filter((l) => ['cc-by', 'odc-odbl', 'CC-BY-4.0'].includes(String(l.id))),
  },
  status_show: { schema: Status, example: statusDict(CATALOG, SITE_URL, 'id') },
  datastore_search: {
    schema: DatastoreResult,
    example: datastoreResult(
      {
        resourceId: priceResource.id,
        columns: [
          { name: '_id', type: 'int', label: '_id', description: null, unit: null },
          ...priceResource.columns,
        ],
        records: PRICE_ROWS.slice(0, 2),
        total: PRICE_ROWS.length,
      },
      { limit: 2, includeTotal: true, echo: {} },
      {
        start: `/t/kota-tangerang/api/3/action/datastore_search?resource_id=${priceResource.id}&limit=2`,
        next: `/t/kota-tangerang/api/3/action/datastore_search?resource_id=${priceResource.id}&limit=2&offset=2`,
      },
    ),
  },
  help_show: {
    schema: Type.String(),
    example: 'Returns a published dataset by its id or name: id.',
  },
  site_read: { schema: Type.Boolean(), example: true },
};

/** The success envelope of an action, with its example. */
export function successOf(action: ActionName) {
  const { schema, example } = RESULTS[action];
  return Type.Object(
    {
      help: Type.String({ description: 'The address of `help_show` for this action' }),
      success: Type.Literal(true),
      result: schema,
    },
    { examples: [{ help: help(action), success: true, result: example }] },
  );
}

const Failure = (type: string, example: Record<string, unknown>) =>
  Type.Object(
    {
      help: Type.String(),
      success: Type.Literal(false),
      error: Type.Object(
        { __type: Type.String({ description: 'CKAN’s error type, in English: clients switch on it' }) },
        { additionalProperties: true },
      ),
    },
    { examples: [{ help: help('package_search'), success: false, error: { __type: type, ...example } }] },
  );

const BadRequest = Type.String({
  description: 'CKAN’s bare answer to a request no action can take: a JSON string',
  examples: ['Bad request - Action name not known: package_searh'],
});

const json = (description: string, schema: TSchema) => ({
  description,
  content: { 'application/json': { schema } },
});

/** CKAN's error answers, which replace the platform's problem documents on these routes. */
export function answersOf(action: ActionName) {
  return {
    200: json('Success: `{help, success: true, result}`', successOf(action)),
    400: json(
      'An unknown action or a body that is not a JSON object (a bare JSON string `"Bad request - …"`)',
      BadRequest,
    ),
    403: json(
      'Authorization Error: a write sent by a browser from another site',
      Failure('Authorization Error', { message: 'Access denied' }),
    ),
    404: json(
      'Not Found Error: no such dataset, resource, organization or group, or the tenant has no open data',
      Failure('Not Found Error', { message: 'Not found: Dataset "data-lama" was not found.' }),
    ),
    409: json(
      'Validation Error: a parameter CKAN would refuse, or one we cannot answer exactly (an unknown fq field or sort), by name',
      Failure('Validation Error', { rows: ['Must be a natural number'] }),
    ),
    413: json('The body is over 1 MB (a bare JSON string)', BadRequest),
    503: json(
      'The database is unavailable for a moment: retry after `retry-after` seconds',
      Failure('Internal Server Error', {
        message: 'the database is unavailable for a moment; retry after 5 s',
      }),
    ),
  };
}

/** Each action's parameters, documented: every value is read as CKAN reads it (text, numbers, JSON lists). */
const PARAMS: Record<ActionName, Record<string, string>> = {
  package_search: {
    q: 'Free text over title, description, keywords and producer; `*:*` or empty is everything',
    fq: 'Filters, all must hold: `field:value`, `field:"value"`, `+field:value` on organization, owner_org, groups, tags, res_format, license_id, classification; `metadata_modified:[2026-12-01T00:00:00Z TO *]`',
    rows: 'Datasets per page: default 10, at most 1000',
    start: 'Datasets to skip',
    sort: '`score desc, metadata_modified desc` (default), `metadata_modified desc|asc`, `metadata_created desc|asc`, `title_string asc|desc`, `name asc|desc`, `id asc` (as `name asc`)',
    'facet.field':
      'Fields to count, a JSON list: `["organization","groups","tags","res_format","license_id"]`',
    'facet.limit': 'Values per facet field: default 50, negative for all',
    'facet.mincount': 'Least count of a facet value shown: default 1',
    include_private: 'Ignored: only published datasets are ever shown',
  },
  package_show: { id: 'The dataset’s id or name' },
  package_list: { limit: 'Names per page (all when absent)', offset: 'Names to skip' },
  organization_list: {
    all_fields: '`true` for dicts rather than names (then at most 25)',
    sort: '`title asc` (default), `name`, `package_count`, each `asc` or `desc`',
    limit: 'At most 1000 (25 with all_fields)',
    offset: 'Items to skip',
    q: 'Only those whose name or title contains this',
    organizations: 'Only these names, comma-separated or a JSON list',
  },
  organization_show: {
    id: 'The organization’s id or name',
    include_datasets: '`true` to add its 10 newest datasets',
  },
  group_list: {
    all_fields: '`true` for dicts rather than names (then at most 25)',
    sort: '`title asc` (default), `name`, `package_count`, each `asc` or `desc`',
    limit: 'At most 1000 (25 with all_fields)',
    offset: 'Items to skip',
    q: 'Only those whose name or title contains this',
    groups: 'Only these names, comma-separated or a JSON list',
  },
  group_show: { id: 'The group’s id or name', include_datasets: '`true` to add its 10 newest datasets' },
  tag_list: {
    query: 'Only keywords starting with this',
    all_fields: '`true` for tag dicts rather than names',
  },
  resource_show: { id: 'The resource’s id' },
  license_list: {},
  status_show: {},
  datastore_search: {
    resource_id: 'The resource’s id (also `id`)',
    q: 'Full text over every text column',
    filters: 'Exact matches, a JSON object: `{"pasar":"Pasar Anyar"}`',
    fields: 'Columns to return, comma-separated or a JSON list',
    sort: '`"harga desc, tanggal"`: columns, each `asc` (default) or `desc`',
    limit: 'Rows per page: default 100, at most 32000',
    offset: 'Rows to skip',
    include_total: '`false` to leave out `total`',
    records_format: 'Only `objects`',
  },
  help_show: { name: 'An action’s name' },
  site_read: {},
};

/** The query string of a GET: every parameter text, read and checked by the action itself. */
export function querystringOf(action: ActionName) {
  return Type.Object(
    Object.fromEntries(
      Object.entries(PARAMS[action]).map(([name, description]) => [
        name,
        LIST_PARAMS.has(name)
          ? Type.Optional(Type.Union([Type.String(), Type.Array(Type.String())], { description }))
          : Text(description),
      ]),
    ),
  );
}

/** Parameters a client may repeat in a query string (`?facet.field=tags&facet.field=groups`), as a list. */
const LIST_PARAMS = new Set(['facet.field', 'fields', 'organizations', 'groups']);

const BODY_EXAMPLES: Partial<Record<ActionName, Record<string, unknown>>> = {
  package_search: {
    fq: 'organization:dinas-kesehatan metadata_modified:[2026-11-01T00:00:00Z TO *]',
    rows: 100,
    start: 0,
    sort: 'metadata_modified desc',
    'facet.field': ['groups', 'res_format'],
  },
  datastore_search: {
    resource_id: priceResource.id,
    filters: { pasar: 'Pasar Anyar' },
    sort: 'harga desc',
    limit: 50,
  },
};

/** The JSON object of a POST (as `ckanapi` sends): the same parameters, numbers and lists as JSON. */
export function bodyOf(action: ActionName) {
  const params = PARAMS[action];
  const first = Object.keys(params)[0];
  const example = BODY_EXAMPLES[action] ?? (first ? { [first]: exampleValue(action, first) } : {});
  return Type.Object(
    Object.fromEntries(
      Object.entries(params).map(([name, description]) => [
        name,
        Type.Optional(Type.Unknown({ description })),
      ]),
    ),
    { examples: [example] },
  );
}

function exampleValue(action: ActionName, param: string): unknown {
  if (param === 'id') {
    if (action === 'resource_show') return priceResource.id;
    if (action === 'organization_show') return DINKES.name;
    if (action === 'group_show') return KESEHATAN.name;
    return prices.name;
  }
  if (param === 'name') return 'package_search';
  if (param === 'all_fields') return true;
  if (param === 'query') return 'pas';
  if (param === 'limit') return 100;
  return '';
}
