/**
 * The catalogue's views as the dictionaries CKAN 2.10/2.11 answers (`package_show`,
 * `organization_show`, `license_list`, `status_show`, `datastore_search`…): the same keys, types
 * and formats, so that CKAN's harvester can create a dataset from a package dict unchanged, and
 * clients written against CKAN read ours. What CKAN has no field for (Satu Data's metadata, DCAT's
 * coverage) travels in `extras`, under ckanext-dcat's names where it has one.
 */
import { createHash } from 'node:crypto';
import type { DatasetPage, DatastorePage, FacetCount, FacetField } from '../catalog/reader.ts';
import type {
  CatalogColumn,
  CatalogDataset,
  CatalogOrganization,
  CatalogResource,
  CatalogTheme,
  CatalogView,
  Frequency,
} from '../catalog/view.ts';

type Dict = Record<string, unknown>;

/**
 * CKAN's instants: UTC without a zone, to the microsecond (`2026-12-06T10:00:00.000000`), as its
 * database's naive timestamps print. Clients parse them as UTC; the harvester compares them so.
 */
export function ckanTime(iso: string | null | undefined): string | null {
  if (!iso) return null;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return null;
  return `${date.toISOString().slice(0, -1)}000`;
}

/**
 * A stable UUID for something that has none of its own (a keyword): CKAN gives every tag an id,
 * and a client may key on it. Derived from the name, so every answer gives the same one.
 */
export function stableId(kind: string, name: string): string {
  const hex = createHash('sha256').update(`${kind}:${name}`).digest('hex');
  const variant = ((Number.parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

// --- licences -----------------------------------------------------------------------------------

type License = Readonly<{
  id: string;
  title: string;
  url: string;
  domain_content: boolean;
  domain_data: boolean;
  domain_software: boolean;
  is_generic: boolean;
  od_conformance: 'approved' | 'not reviewed';
}>;

/**
 * CKAN's default licence register (ckan/model/license.py) and the Creative Commons 4.0 licences
 * Indonesian portals use. CKAN prints every value of a licence as text, `"False"` included.
 */
const LICENSES: readonly License[] = [
  lic('notspecified', 'License not specified', '', { is_generic: true, od: false }),
  lic(
    'odc-pddl',
    'Open Data Commons Public Domain Dedication and License (PDDL)',
    'http://www.opendefinition.org/licenses/odc-pddl',
    { data: true },
  ),
  lic(
    'odc-odbl',
    'Open Data Commons Open Database License (ODbL)',
    'http://www.opendefinition.org/licenses/odc-odbl',
    { data: true },
  ),
  lic('odc-by', 'Open Data Commons Attribution License', 'http://www.opendefinition.org/licenses/odc-by', {
    data: true,
  }),
  lic('cc-zero', 'Creative Commons CCZero', 'http://www.opendefinition.org/licenses/cc-zero', {
    content: true,
    data: true,
  }),
  lic('cc-by', 'Creative Commons Attribution', 'http://www.opendefinition.org/licenses/cc-by', {}),
  lic(
    'cc-by-sa',
    'Creative Commons Attribution Share-Alike',
    'http://www.opendefinition.org/licenses/cc-by-sa',
    { content: true },
  ),
  lic('gfdl', 'GNU Free Documentation License', 'http://www.opendefinition.org/licenses/gfdl', {
    content: true,
  }),
  lic('other-open', 'Other (Open)', '', { content: true, is_generic: true }),
  lic('other-pd', 'Other (Public Domain)', '', { content: true, is_generic: true }),
  lic('other-at', 'Other (Attribution)', '', { content: true, is_generic: true }),
  lic('cc-nc', 'Creative Commons Non-Commercial (Any)', 'http://creativecommons.org/licenses/by-nc/2.0/', {
    od: false,
  }),
  lic('other-nc', 'Other (Non-Commercial)', '', { is_generic: true, od: false }),
  lic('other-closed', 'Other (Not Open)', '', { is_generic: true, od: false }),
  lic('CC-BY-4.0', 'Creative Commons Attribution 4.0', 'https://creativecommons.org/licenses/by/4.0/', {
    content: true,
    data: true,
  }),
  lic(
    'CC-BY-SA-4.0',
    'Creative Commons Attribution Share-Alike 4.0',
    'https://creativecommons.org/licenses/by-sa/4.0/',
    { content: true, data: true },
  ),
  lic('CC0-1.0', 'Creative Commons CC0 1.0', 'https://creativecommons.org/publicdomain/zero/1.0/', {
    content: true,
    data: true,
  }),
];

function lic(
  id: string,
  title: string,
  url: string,
  o: { content?: boolean; data?: boolean; is_generic?: boolean; od?: boolean },
): License {
  return {
    id,
    title,
    url,
    domain_content: o.content ?? false,
    domain_data: o.data ?? false,
    domain_software: false,
    is_generic: o.is_generic ?? false,
    od_conformance: o.od === false ? 'not reviewed' : 'approved',
  };
}

function licenseDict(l: License): Dict {
  return {
    domain_content: l.domain_content ? 'True' : 'False',
    domain_data: l.domain_data ? 'True' : 'False',
    domain_software: l.domain_software ? 'True' : 'False',
    family: '',
    id: l.id,
    is_generic: l.is_generic ? 'True' : 'False',
    maintainer: '',
    od_conformance: l.od_conformance,
    osd_conformance: 'not reviewed',
    status: 'active',
    title: l.title,
    url: l.url,
  };
}

/** `license_list`: CKAN's register, then any licence the tenant's datasets use that it lacks. */
export function licenseList(used: readonly FacetCount[]): Dict[] {
  const known = new Set(LICENSES.map((l) => l.id));
  const extra = used
    .filter((u) => !known.has(u.name))
    .map((u) => lic(u.name, u.displayName, '', { od: isOpenId(u.name) ? undefined : false }));
  return [...LICENSES, ...extra].map(licenseDict);
}

function isOpenId(id: string): boolean {
  const known = LICENSES.find((l) => l.id === id);
  if (known) return known.od_conformance === 'approved';
  return /^(cc-by|cc0|cc-zero|odc-|pddl|ogl)/i.test(id);
}

// --- datasets -----------------------------------------------------------------------------------

/** DCAT's frequencies (the EU's vocabulary, which ckanext-dcat writes in `frequency`). */
const FREQUENCY_URI: Readonly<Record<Frequency, string>> = {
  daily: 'http://publications.europa.eu/resource/authority/frequency/DAILY',
  weekly: 'http://publications.europa.eu/resource/authority/frequency/WEEKLY',
  monthly: 'http://publications.europa.eu/resource/authority/frequency/MONTHLY',
  quarterly: 'http://publications.europa.eu/resource/authority/frequency/QUARTERLY',
  annual: 'http://publications.europa.eu/resource/authority/frequency/ANNUAL',
  irregular: 'http://publications.europa.eu/resource/authority/frequency/IRREG',
};

/** A box as the GeoJSON polygon ckanext-spatial and ckanext-dcat keep in the `spatial` extra. */
export function bboxPolygon(bbox: readonly [number, number, number, number]): string {
  const [w, s, e, n] = bbox;
  return JSON.stringify({
    type: 'Polygon',
    coordinates: [
      [
        [w, s],
        [e, s],
        [e, n],
        [w, n],
        [w, s],
      ],
    ],
  });
}

/**
 * `extras`: DCAT's coverage and provenance under ckanext-dcat's keys, and Satu Data Indonesia's
 * metadata under `sdi_*`. CKAN's extras are text and never empty: absent values are left out.
 */
function extrasOf(d: CatalogDataset): { key: string; value: string }[] {
  const pairs: [string, string | null | undefined][] = [
    ['issued', d.issued],
    ['modified', d.modified],
    ['identifier', d.id],
    ['frequency', FREQUENCY_URI[d.frequency]],
    ['temporal_start', d.temporal.start],
    ['temporal_end', d.temporal.end],
    ['spatial_text', d.spatial?.name],
    ['spatial', d.spatial?.bbox ? bboxPolygon(d.spatial.bbox) : null],
    ['publisher_name', d.publisher.name],
    ['publisher_url', d.publisher.url],
    ['contact_name', d.contact.name],
    ['contact_email', d.contact.email],
    ['sdi_affair_code', d.sdi.affairCode],
    ['sdi_sub_affair_code', d.sdi.subAffairCode],
    ['sdi_indicator', d.sdi.indicator],
    ['sdi_unit', d.sdi.unit],
    ['sdi_definition', d.sdi.definition],
    ['sdi_release_schedule', d.sdi.releaseSchedule],
    ['sdi_data_standard', d.sdi.dataStandard],
    ['sdi_classification', d.sdi.classification],
    ['sdi_producer', d.sdi.producer],
    ['sdi_feed', d.feed],
  ];
  return pairs
    .filter((p): p is [string, string] => typeof p[1] === 'string' && p[1] !== '')
    .map(([key, value]) => ({ key, value }));
}

export function tagDict(name: string): Dict {
  return { display_name: name, id: stableId('tag', name), name, state: 'active', vocabulary_id: null };
}

/** The short organization dict inside a package (CKAN's `organization`). */
function packageOrganization(o: CatalogOrganization): Dict {
  return {
    id: o.id,
    name: o.name,
    title: o.title,
    type: 'organization',
    description: o.description ?? '',
    image_url: '',
    created: null,
    is_organization: true,
    approval_status: 'approved',
    state: 'active',
  };
}

/** The short group dict inside a package (CKAN's `groups`). */
function packageGroup(t: CatalogTheme): Dict {
  return {
    description: t.description ?? '',
    display_name: t.title,
    id: t.id,
    image_display_url: '',
    name: t.name,
    title: t.title,
  };
}

export function resourceDict(r: CatalogResource, position: number): Dict {
  return {
    cache_last_updated: null,
    cache_url: null,
    created: ckanTime(r.created),
    datastore_active: r.datastoreActive,
    description: r.description ?? '',
    format: r.format,
    hash: r.checksum ?? '',
    // ckanext-dcat's name for the algorithm of `hash` (SPDX), so that DCAT clients read it.
    hash_algorithm: r.checksum ? 'http://spdx.org/rdf/terms#checksumAlgorithm_sha256' : null,
    id: r.id,
    last_modified: ckanTime(r.modified),
    metadata_modified: ckanTime(r.modified),
    mimetype: r.mediaType,
    mimetype_inner: null,
    name: r.name,
    package_id: r.datasetId,
    position,
    resource_type: null,
    size: r.byteSize,
    state: 'active',
    url: r.url,
    url_type: r.kind === 'upload' ? 'upload' : null,
    // Every upload is a version; CKAN keeps one file per resource, so the rest travel here.
    versions: r.versions.map((v) => ({
      version: v.version,
      created: ckanTime(v.created),
      url: v.downloadUrl,
      size: v.byteSize,
      hash: v.checksum ?? '',
    })),
  };
}

export function packageDict(d: CatalogDataset): Dict {
  return {
    author: d.sdi.producer,
    author_email: null,
    creator_user_id: null,
    extras: extrasOf(d),
    groups: d.themes.map(packageGroup),
    id: d.id,
    isopen: isOpenId(d.license.id),
    license_id: d.license.id,
    license_title: d.license.title,
    license_url: d.license.url,
    maintainer: d.contact.name,
    maintainer_email: d.contact.email,
    metadata_created: ckanTime(d.issued),
    metadata_modified: ckanTime(d.modified),
    name: d.name,
    notes: d.description,
    num_resources: d.resources.length,
    num_tags: d.keywords.length,
    organization: packageOrganization(d.organization),
    owner_org: d.organization.id,
    private: false,
    relationships_as_object: [],
    relationships_as_subject: [],
    resources: d.resources.map(resourceDict),
    state: 'active',
    tags: d.keywords.map(tagDict),
    title: d.title,
    type: 'dataset',
    url: d.url,
    version: null,
  };
}

// --- organizations and groups -------------------------------------------------------------------

function groupLike(
  g: { id: string; name: string; title: string; description: string | null },
  count: number,
  organization: boolean,
): Dict {
  return {
    approval_status: 'approved',
    created: null,
    description: g.description ?? '',
    display_name: g.title,
    id: g.id,
    image_display_url: '',
    image_url: '',
    is_organization: organization,
    name: g.name,
    num_followers: 0,
    package_count: count,
    state: 'active',
    title: g.title,
    type: organization ? 'organization' : 'group',
  };
}

export function organizationDict(o: CatalogOrganization & { datasetCount: number }): Dict {
  return groupLike(o, o.datasetCount, true);
}

export function groupDict(t: CatalogTheme & { datasetCount: number }): Dict {
  return groupLike(t, t.datasetCount, false);
}

/** What `organization_show`/`group_show` add to the list's dict. */
export function fullGroupDict(base: Dict, packages: readonly CatalogDataset[] | undefined): Dict {
  return {
    ...base,
    extras: [],
    groups: [],
    tags: [],
    users: [],
    ...(packages ? { packages: packages.map(packageDict) } : {}),
  };
}

// --- search -------------------------------------------------------------------------------------

/**
 * `package_search`'s result: `facets` (deprecated in CKAN, still read) and `search_facets`, whose
 * items CKAN sorts by display name, descending, after counting.
 */
export function searchResult(
  page: DatasetPage,
  sort: string,
  asked: readonly FacetField[],
  minCount: number,
): Dict {
  const facets: Record<string, Record<string, number>> = {};
  const searchFacets: Record<string, Dict> = {};
  for (const field of asked) {
    const counts = (page.facets[field] ?? []).filter((c) => c.count >= minCount);
    facets[field] = Object.fromEntries(counts.map((c) => [c.name, c.count]));
    searchFacets[field] = {
      title: field,
      items: counts
        .map((c) => ({ name: c.name, display_name: c.displayName || c.name, count: c.count }))
        .sort((a, b) => (a.display_name < b.display_name ? 1 : a.display_name > b.display_name ? -1 : 0)),
    };
  }
  return {
    count: page.count,
    facets,
    results: page.datasets.map(packageDict),
    sort,
    search_facets: searchFacets,
  };
}

// --- datastore ----------------------------------------------------------------------------------

function fieldDict(c: CatalogColumn): Dict {
  if (c.name === '_id') return { id: '_id', type: 'int' };
  const notes = [c.description, c.unit ? `(${c.unit})` : null].filter(Boolean).join(' ');
  return { id: c.name, type: c.type, info: { label: c.label, notes, type_override: '' } };
}

/** `datastore_search`'s result: what was asked echoed, then fields, records, links and total. */
export function datastoreResult(
  page: DatastorePage,
  args: { limit: number; includeTotal: boolean; echo: Readonly<Record<string, unknown>> },
  links: { start: string; next: string; prev?: string },
): Dict {
  return {
    include_total: args.includeTotal,
    limit: args.limit,
    records_format: 'objects',
    resource_id: page.resourceId,
    total_estimation_threshold: null,
    ...args.echo,
    records: page.records,
    fields: page.columns.map(fieldDict),
    _links: links,
    ...(args.includeTotal ? { total: page.total, total_was_estimated: false } : {}),
  };
}

// --- the site -----------------------------------------------------------------------------------

/**
 * The CKAN version we answer as: 2.10.5. The answers follow what CKAN 2.10 and 2.11 share for
 * these actions; we claim the older line so that a client gating on the version expects no more
 * than that (2.11's additions, such as its changed activity plugin, are not here).
 */
export const CKAN_VERSION = '2.10.5';

export function statusDict(catalog: CatalogView, siteUrl: string, locale: string): Dict {
  return {
    ckan_version: CKAN_VERSION,
    site_title: catalog.title,
    site_description: catalog.description,
    site_url: siteUrl,
    error_emails_to: null,
    locale_default: locale,
    extensions: ['datastore', 'dcat'],
  };
}
