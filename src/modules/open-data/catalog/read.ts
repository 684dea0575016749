/**
 * The published catalogue of one tenant, answered from the tables (`CatalogReader`): only
 * published datasets, and the rows of only `open` ones. Every query runs in the scope given and
 * names its tenant; every address is absolute, from the tenant's portal base.
 *
 * An organization is an agency with published datasets, named by its code in lower case
 * (`DINKES` → `dinkes`); the region's own datasets (those fed by apps) belong to the region,
 * an organization named by the tenant's slug.
 */

import { type Expression, type ExpressionBuilder, type SelectQueryBuilder, type SqlBool, sql } from 'kysely';
import { invalid, listAgencies, type TenantScope } from '../../../platform/sdk/index.ts';
import { licenseOf } from '../licenses.ts';
import { DATASET_COLUMNS, type DatasetRow, themeRowsOfDatasets } from '../repo/datasets.ts';
import { sumsByGroup } from '../repo/datastore.ts';
import {
  findResource,
  type ResourceRow,
  resourcesOfDatasets,
  type VersionRow,
  versionsOf,
} from '../repo/resources.ts';
import { listThemes, type ThemeRow } from '../repo/themes.ts';
import { readRows } from '../services/rows.ts';
import { type AppTables, tx } from '../tables.ts';
import type {
  CatalogReader,
  DatasetPage,
  DatasetSearch,
  DatastorePage,
  DatastoreQuery,
  DatastoreSums,
  FacetCount,
  FacetField,
  SumsQuery,
} from './reader.ts';
import { SUMS_LIMIT_MAX } from './reader.ts';
import { countAndFacetsQuery, type FacetRow, wordsMatch, wordsQuery } from './search-sql.ts';
import type {
  CatalogColumn,
  CatalogDataset,
  CatalogOrganization,
  CatalogResource,
  CatalogTheme,
  CatalogView,
} from './view.ts';

export type CatalogSite = Readonly<{
  tenant: Readonly<{ id: string; slug: string; name: string }>;
  /** The tenant's portal base, absolute, without a trailing slash (`https://kota.example/t/kota`). */
  baseUrl: string;
}>;

type Org = CatalogOrganization & { agencyId: string | null };
type DQ = SelectQueryBuilder<AppTables, 'open_data_datasets', object>;
type DEB = ExpressionBuilder<AppTables, 'open_data_datasets'>;

const orgName = (code: string) =>
  code
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');

/** The reader of the tenant's published catalogue, in `scope` (the tenant's). */
export function catalogReader(scope: TenantScope, site: CatalogSite): CatalogReader {
  const db = tx(scope);
  const tenantId = scope.tenantId;
  const base = site.baseUrl.replace(/\/+$/, '');
  const region: Org = {
    id: site.tenant.id,
    agencyId: null,
    name: site.tenant.slug,
    title: site.tenant.name,
    description: null,
    url: `${base}/open-data/organization/${site.tenant.slug}`,
  };

  let orgsMemo: Promise<Org[]> | undefined;
  /** Every agency as an organization, and the region. */
  const allOrgs = () => {
    orgsMemo ??= listAgencies(scope).then((agencies) => [
      ...agencies.map((a) => {
        const name = orgName(a.code);
        return {
          id: a.id,
          agencyId: a.id,
          name,
          title: a.name,
          description: null,
          url: `${base}/open-data/organization/${name}`,
        };
      }),
      region,
    ]);
    return orgsMemo;
  };
  const publicOrg = ({ agencyId: _a, ...o }: Org): CatalogOrganization => o;

  const published = (): DQ =>
    db.selectFrom('open_data_datasets').where('tenant_id', '=', tenantId).where('state', '=', 'published');

  const themeView = (t: ThemeRow): CatalogTheme => ({
    id: t.id,
    name: t.name,
    title: t.title,
    description: t.description,
  });

  const downloadUrl = (resourceId: string, version: number) =>
    `${base}/api/v1/open-data/resources/${resourceId}/versions/${version}/file`;

  /**
   * Full views of these dataset rows, in their order: three queries whatever their number (their
   * themes, resources, and the resources' versions), grouped here by dataset.
   */
  async function views(rows: readonly DatasetRow[]): Promise<CatalogDataset[]> {
    if (rows.length === 0) return [];
    const ids = rows.map((r) => r.id);
    const [themeRows, resources, orgs] = await Promise.all([
      themeRowsOfDatasets(scope, ids),
      resourcesOfDatasets(scope, ids),
      allOrgs(),
    ]);
    const versions = await versionsOf(
      scope,
      resources.map((r) => r.id),
    );
    const orgByAgency = new Map(orgs.map((o) => [o.agencyId, o]));
    const resourcesOf = groupBy(resources, (r) => r.dataset_id);
    const versionsOfResource = groupBy(versions, (v) => v.resource_id);
    return rows.map((d) => {
      const org = orgByAgency.get(d.agency_id) ?? region;
      const license = licenseOf(d.license_id) ?? { id: d.license_id, title: d.license_id, url: '' };
      const catalogResources: CatalogResource[] = (resourcesOf.get(d.id) ?? []).map((r) => {
        const own = versionsOfResource.get(r.id) ?? [];
        const current = own.find((v) => v.version === r.current_version);
        return resourceView(r, own, current, d.classification === 'open');
      });
      return {
        id: d.id,
        name: d.name,
        title: d.title,
        description: d.description,
        url: `${base}/open-data/dataset/${d.name}`,
        organization: publicOrg(org),
        publisher: { name: site.tenant.name, url: base },
        contact: { name: d.contact_name, email: d.contact_email },
        themes: (themeRows.get(d.id) ?? []).map(themeView),
        keywords: d.keywords,
        license: { id: license.id, title: license.title, url: license.url },
        frequency: d.frequency,
        temporal: { start: d.temporal_start, end: d.temporal_end },
        spatial:
          d.spatial_name || d.spatial_bbox
            ? { name: d.spatial_name ?? site.tenant.name, bbox: d.spatial_bbox }
            : null,
        issued: (d.first_published_at ?? d.created_at).toISOString(),
        modified: d.modified_at.toISOString(),
        sdi: {
          affairCode: d.affair_code,
          subAffairCode: d.sub_affair_code,
          indicator: d.indicator,
          unit: d.unit,
          definition: d.definition,
          releaseSchedule: d.release_schedule,
          dataStandard: d.data_standard,
          classification: d.classification,
          producer: org.title,
        },
        feed: d.feed,
        resources: catalogResources,
      };
    });
  }

  function resourceView(
    r: ResourceRow,
    own: readonly VersionRow[],
    current: VersionRow | undefined,
    open: boolean,
  ): CatalogResource {
    const columns: CatalogColumn[] = (current?.columns ?? []).map((c) => ({
      name: c.name,
      type: c.type,
      label: c.label,
      description: c.description,
      unit: c.unit,
    }));
    return {
      id: r.id,
      datasetId: r.dataset_id,
      name: r.name,
      description: r.description,
      kind: r.kind,
      format: current?.format ?? r.format,
      mediaType: current?.media_type ?? r.media_type,
      url: r.kind === 'link' ? (r.url ?? '') : downloadUrl(r.id, current?.version ?? 1),
      byteSize: current?.byte_size ?? null,
      checksum: current?.checksum ?? null,
      created: r.created_at.toISOString(),
      modified: r.modified_at.toISOString(),
      versions: own.map((v) => ({
        version: v.version,
        created: v.created_at.toISOString(),
        downloadUrl: downloadUrl(r.id, v.version),
        byteSize: v.byte_size,
        checksum: v.checksum,
      })),
      // Only an open dataset's rows are served; a limited one shows its columns, not its data.
      datastoreActive: open && current?.row_count !== null && current?.row_count !== undefined,
      columns,
    };
  }

  /** The search's filters on the published datasets. */
  async function matching(query: DatasetSearch): Promise<DQ> {
    let q = published();
    const text = query.text?.trim();
    if (text) {
      const agencies = (await allOrgs()).flatMap((o) =>
        o.agencyId ? [{ agencyId: o.agencyId, title: o.title }] : [],
      );
      q = q.where(wordsMatch(text, agencies));
    }
    if (query.modifiedSince) q = q.where('modified_at', '>=', new Date(query.modifiedSince));
    if (query.modifiedUntil) q = q.where('modified_at', '<=', new Date(query.modifiedUntil));
    const orgs = await allOrgs();
    const entries = (filters: DatasetSearch['filters']) =>
      Object.entries(filters ?? {}) as [FacetField, readonly string[]][];
    for (const [field, values] of entries(query.filters)) {
      for (const value of values) q = q.where((eb: DEB) => holds(eb, orgs, field, value));
    }
    for (const [field, values] of entries(query.anyOf)) {
      if (values.length) q = q.where((eb: DEB) => eb.or(values.map((v) => holds(eb, orgs, field, v))));
    }
    for (const [field, values] of entries(query.exclude)) {
      for (const value of values) q = q.where((eb: DEB) => eb.not(holds(eb, orgs, field, value)));
    }
    return q;
  }

  /** Whether a dataset has `value` in `field` (an organization by name or id, a theme by name…). */
  function holds(eb: DEB, orgs: readonly Org[], field: FacetField, value: string): Expression<SqlBool> {
    switch (field) {
      case 'organization': {
        const org = orgs.find((o) => o.name === value || o.id === value);
        if (!org) return sql<SqlBool>`false`;
        return org.agencyId === null ? eb('agency_id', 'is', null) : eb('agency_id', '=', org.agencyId);
      }
      case 'groups':
        return eb.exists(
          eb
            .selectFrom('open_data_dataset_themes as dt')
            .innerJoin('open_data_themes as th', (j) =>
              j.onRef('th.tenant_id', '=', 'dt.tenant_id').onRef('th.id', '=', 'dt.theme_id'),
            )
            .select('dt.theme_id')
            .where('dt.tenant_id', '=', tenantId)
            .whereRef('dt.dataset_id', '=', 'open_data_datasets.id')
            .where('th.name', '=', value),
        );
      case 'tags':
        return sql<SqlBool>`keywords @> ${JSON.stringify([value])}::jsonb`;
      case 'res_format':
        return eb.exists(
          eb
            .selectFrom('open_data_resources as r')
            .select('r.id')
            .where('r.tenant_id', '=', tenantId)
            .whereRef('r.dataset_id', '=', 'open_data_datasets.id')
            .where(sql<string>`upper(r.format)`, '=', value.toUpperCase()),
        );
      case 'license_id':
        return eb('license_id', '=', value);
      case 'classification':
        return eb('classification', '=', value as DatasetRow['classification']);
    }
  }

  function ordered<O>(
    q: SelectQueryBuilder<AppTables, 'open_data_datasets', O>,
    sort: DatasetSearch['sort'],
    text: string | undefined,
  ): SelectQueryBuilder<AppTables, 'open_data_datasets', O> {
    switch (sort) {
      case 'metadata_modified asc':
        return q.orderBy('modified_at', 'asc').orderBy('id');
      case 'metadata_created desc':
        return q.orderBy('created_at', 'desc').orderBy('id');
      case 'metadata_created asc':
        return q.orderBy('created_at', 'asc').orderBy('id');
      case 'title_string asc':
        return q.orderBy(sql`lower(title)`, 'asc').orderBy('id');
      case 'title_string desc':
        return q.orderBy(sql`lower(title)`, 'desc').orderBy('id');
      case 'name asc':
        return q.orderBy('name', 'asc');
      case 'name desc':
        return q.orderBy('name', 'desc');
      default:
        // `score desc`: the best match of the words first (a word in the title or keywords
        // weighs more than one in the description), then the newest change, as CKAN's default
        // sort; without words, newest change first.
        return (text ? q.orderBy(sql`ts_rank(open_data_datasets.search, ${wordsQuery(text)})`, 'desc') : q)
          .orderBy('modified_at', 'desc')
          .orderBy('id');
    }
  }

  /** The match's count, and its facets when asked: one query (catalog/search-sql.ts). */
  async function countAndFacets(q: DQ, fields: readonly FacetField[], limit: number) {
    if (fields.length === 0) {
      // Only the count (the harvester's pages): an index-only scan of the published names when
      // nothing else narrows it.
      const { n } = await q.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
      return { total: Number(n), facets: {} };
    }
    const match = q.select(['id', 'agency_id', 'license_id', 'classification', 'keywords']);
    const rows = (await countAndFacetsQuery(tenantId, match, fields, limit).execute(db)).rows;
    const orgs = new Map((await allOrgs()).map((o) => [o.agencyId, o]));
    const counts = new Map<FacetField, Map<string, { displayName: string; count: number }>>();
    let total = 0;
    for (const row of rows as FacetRow[]) {
      const n = Number(row.n);
      if (row.f === 'count') {
        total = n;
        continue;
      }
      const [name, displayName] =
        row.f === 'organization'
          ? ((o) => [o.name, o.title])(orgs.get(row.v) ?? region)
          : row.f === 'license_id'
            ? [row.v ?? '', licenseOf(row.v ?? '')?.title ?? row.v ?? '']
            : [row.v ?? '', row.t ?? row.v ?? ''];
      const field = counts.get(row.f) ?? new Map();
      counts.set(row.f, field);
      // Agencies unknown to the directory are the region's, as in the views: their counts add up.
      const c = field.get(name) ?? { displayName, count: 0 };
      c.count += n;
      field.set(name, c);
    }
    const facets: Partial<Record<FacetField, readonly FacetCount[]>> = {};
    for (const field of fields) {
      facets[field] = [...(counts.get(field) ?? new Map()).entries()]
        .map(([name, c]) => ({ name, displayName: c.displayName, count: c.count }))
        .sort((x, y) => y.count - x.count || x.name.localeCompare(y.name))
        .slice(0, limit);
    }
    return { total, facets };
  }

  async function findPublished(idOrName: string): Promise<DatasetRow | null> {
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(idOrName);
    return (
      (await published()
        .select(DATASET_COLUMNS)
        .where((eb: DEB) =>
          uuid ? eb.or([eb('id', '=', idOrName), eb('name', '=', idOrName)]) : eb('name', '=', idOrName),
        )
        .executeTakeFirst()) ?? null
    );
  }

  async function datasetCounts(): Promise<Map<string | null, number>> {
    const rows = await published()
      .select(['agency_id', (eb) => eb.fn.countAll<string>().as('n')])
      .groupBy('agency_id')
      .execute();
    return new Map(rows.map((r) => [r.agency_id, Number(r.n)]));
  }

  async function themeCounts(): Promise<Map<string, number>> {
    const rows = await db
      .selectFrom('open_data_dataset_themes as dt')
      .innerJoin('open_data_datasets as d', (j) =>
        j.onRef('d.tenant_id', '=', 'dt.tenant_id').onRef('d.id', '=', 'dt.dataset_id'),
      )
      .select(['dt.theme_id', (eb) => eb.fn.countAll<string>().as('n')])
      .where('dt.tenant_id', '=', tenantId)
      .where('d.state', '=', 'published')
      .groupBy('dt.theme_id')
      .execute();
    return new Map(rows.map((r) => [r.theme_id, Number(r.n)]));
  }

  /** A resource of a published dataset, with that dataset's row. */
  async function publishedResource(id: string) {
    if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) return null;
    const resource = await findResource(scope, id);
    if (!resource) return null;
    const dataset = await published()
      .select(DATASET_COLUMNS)
      .where('id', '=', resource.dataset_id)
      .executeTakeFirst();
    return dataset ? { resource, dataset } : null;
  }

  /** The current version of a datastore resource of a published open dataset, with its columns. */
  async function openDatastore(resourceId: string) {
    const found = await publishedResource(resourceId);
    if (!found) return null;
    if (found.dataset.classification !== 'open') return null;
    const number = found.resource.current_version;
    const version = number
      ? (await versionsOf(scope, [resourceId])).find((v) => v.version === number)
      : undefined;
    return version?.columns ? { ...version, columns: version.columns } : null;
  }

  return {
    async catalog(): Promise<CatalogView> {
      const last = await published()
        .select((eb) => eb.fn.max('modified_at').as('m'))
        .executeTakeFirst();
      const modified = last?.m ? new Date(last.m as Date | string).toISOString() : null;
      return {
        title: `Satu Data ${site.tenant.name}`,
        description: `Katalog data terbuka ${site.tenant.name}: dataset perangkat daerah, diperiksa walidata sebelum terbit.`,
        url: `${base}/open-data`,
        publisher: { name: site.tenant.name, url: base },
        language: ['id'],
        modified,
      };
    },

    async search(query: DatasetSearch): Promise<DatasetPage> {
      const q = await matching(query);
      const text = query.text?.trim();
      // The page's ids first, then their rows: a deep page (the harvester's) skips its offset in
      // an index (open_data_datasets_published_name) rather than reading every skipped row.
      const pageIds = (
        await ordered(q.select('id'), query.sort, text).limit(query.limit).offset(query.offset).execute()
      ).map((r) => r.id);
      const [{ total, facets }, rows] = await Promise.all([
        countAndFacets(q, query.facets ?? [], query.facetLimit ?? 50),
        pageIds.length
          ? published().select(DATASET_COLUMNS).where('id', 'in', pageIds).execute()
          : Promise.resolve([]),
      ]);
      const byId = new Map(rows.map((r) => [r.id, r]));
      return {
        count: total,
        datasets: await views(pageIds.flatMap((id) => byId.get(id) ?? [])),
        facets,
      };
    },

    async dataset(idOrName) {
      const row = await findPublished(idOrName);
      return row ? ((await views([row]))[0] ?? null) : null;
    },

    async datasetNames(limit, offset) {
      const rows = await published().select('name').orderBy('name').limit(limit).offset(offset).execute();
      return rows.map((r) => r.name);
    },

    async organizations() {
      const counts = await datasetCounts();
      return (await allOrgs())
        .filter((o) => counts.has(o.agencyId))
        .map((o) => ({ ...publicOrg(o), datasetCount: counts.get(o.agencyId) ?? 0 }))
        .sort((a, b) => a.name.localeCompare(b.name));
    },

    async organization(idOrName) {
      const org = (await allOrgs()).find((o) => o.name === idOrName || o.id === idOrName);
      if (!org) return null;
      const counts = await datasetCounts();
      // An agency without published data is no organization of the catalogue (yet).
      if (!counts.has(org.agencyId)) return null;
      return { ...publicOrg(org), datasetCount: counts.get(org.agencyId) ?? 0 };
    },

    async themes() {
      const counts = await themeCounts();
      return (await listThemes(scope)).map((t) => ({ ...themeView(t), datasetCount: counts.get(t.id) ?? 0 }));
    },

    async theme(idOrName) {
      const counts = await themeCounts();
      const t = (await listThemes(scope)).find((x) => x.name === idOrName || x.id === idOrName);
      return t ? { ...themeView(t), datasetCount: counts.get(t.id) ?? 0 } : null;
    },

    async keywords(prefix) {
      const rows = await published()
        .select(sql<string>`jsonb_array_elements_text(keywords)`.as('k'))
        .execute();
      const p = prefix?.toLowerCase();
      return [...new Set(rows.map((r) => r.k))].filter((k) => !p || k.toLowerCase().startsWith(p)).sort();
    },

    async resource(id) {
      const found = await publishedResource(id);
      if (!found) return null;
      const [view] = await views([found.dataset]);
      return view?.resources.find((r) => r.id === id) ?? null;
    },

    async datastore(resourceId: string, query: DatastoreQuery): Promise<DatastorePage | null> {
      const version = await openDatastore(resourceId);
      if (!version) return null;
      const page = await readRows(
        scope,
        version.id,
        version.columns,
        {
          ...(query.text ? { text: query.text } : {}),
          ...(query.filters ? { filters: query.filters } : {}),
          ...(query.fields ? { fields: query.fields } : {}),
          ...(query.sort ? { sort: query.sort } : {}),
          limit: query.limit,
          offset: query.offset,
        },
        { filters: '/filters', fields: '/fields', sort: '/sort' },
      );
      return {
        resourceId,
        columns: [
          { name: '_id', type: 'int', label: '_id', description: null, unit: null },
          ...page.columns.map((c) => ({
            name: c.name,
            type: c.type,
            label: c.label,
            description: c.description,
            unit: c.unit,
          })),
        ],
        records: page.records,
        total: page.total,
      };
    },

    async datastoreSums(resourceId: string, query: SumsQuery): Promise<DatastoreSums | null> {
      const version = await openDatastore(resourceId);
      if (!version) return null;
      const column = (name: string, path: string) => {
        const found = version.columns.find((c) => c.name === name);
        if (!found)
          throw invalid({ path, code: 'data_unknown_column', params: { column: name.slice(0, 80) } });
        return found;
      };
      const groupBy = column(query.groupBy, '/groupBy');
      const measure = column(query.measure, '/measure');
      if (measure.type !== 'int' && measure.type !== 'numeric') {
        throw invalid({ path: '/measure', code: 'data_not_numeric', params: { column: measure.name } });
      }
      if (query.within) column(query.within.column, '/within/column');
      const order = groupBy.type === 'text' ? 'sum' : 'key';
      const { groups, groupCount } = await sumsByGroup(scope, version.id, {
        group: groupBy.name,
        measure: measure.name,
        ...(query.within ? { within: query.within } : {}),
        order,
        limit: Math.max(1, Math.min(SUMS_LIMIT_MAX, Math.trunc(query.limit))),
      });
      const view = (c: CatalogColumn): CatalogColumn => ({
        name: c.name,
        type: c.type,
        label: c.label,
        description: c.description,
        unit: c.unit,
      });
      return {
        resourceId,
        groupBy: view(groupBy),
        measure: view(measure),
        // A series reads forwards: the database gave its last groups, last first.
        groups: order === 'key' ? groups.toReversed() : groups,
        groupCount,
      };
    },
  };
}

/** The items by a key, each group in the items' order. */
function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const out = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}
