/**
 * The parameters of the CKAN actions, read as CKAN reads them (its validators in
 * ckan/logic/schema.py and its API view's `_get_request_data`) into the catalogue reader's types.
 * A value CKAN would refuse is a Validation Error on that parameter; a value CKAN would pass to
 * Solr that we cannot answer exactly (an `fq` field we do not filter on, a sort we do not keep) is
 * a Validation Error too, naming what is supported, rather than a guess.
 */
import {
  type DatasetSearch,
  type DatastoreQuery,
  FACET_FIELDS,
  type FacetField,
  SORTS,
  type Sort,
} from '../catalog/reader.ts';
import { CkanBadRequest, CkanError, invalidParam, type Said } from './errors.ts';

/** The request's parameters: one level deep, a repeated query key a list (CKAN's `mixed`). */
export type ActionData = Readonly<Record<string, unknown>>;

/** CKAN's defaults and ceilings (`ckan.search.rows_max`, `ckan.datastore.search.rows_max`…). */
export const ROWS_DEFAULT = 10;
export const ROWS_MAX = 1000;
export const FACET_LIMIT_DEFAULT = 50;
export const DATASTORE_LIMIT_DEFAULT = 100;
export const DATASTORE_LIMIT_MAX = 32000;
export const LIST_LIMIT_MAX = 1000;
/** `all_fields` lists are shorter in CKAN (`ckan.group_and_organization_list_all_fields_max`). */
export const ALL_FIELDS_MAX = 25;
/** The largest offset we take: a 32-bit integer, as every offset column and Solr's `start`. */
const OFFSET_MAX = 2_147_483_647;
/** CKAN's default sort of `package_search` (`ckan.search.default_package_sort`). */
export const DEFAULT_SORT = 'score desc, metadata_modified desc';

/**
 * The parameters of a request body: a JSON object, or a form (`a=1&b=2`, or CKAN's old form whose
 * only key is the JSON itself). Anything else is CKAN's `"Bad request - JSON Error: …"`.
 */
export function bodyData(raw: string, contentType: string | undefined): Record<string, unknown> {
  const type = (contentType ?? '').split(';', 1)[0]!.trim().toLowerCase();
  if (raw.trim() === '') return {};
  if (type === 'application/x-www-form-urlencoded') {
    const form = new URLSearchParams(raw);
    const keys = [...new Set(form.keys())];
    const only = keys.length === 1 ? form.getAll(keys[0]!) : [];
    if (only.length === 1 && (only[0] === '' || only[0] === '1')) return jsonObject(keys[0]!);
    const data: Record<string, unknown> = {};
    for (const key of keys) {
      const values = form.getAll(key);
      data[key] = values.length === 1 ? values[0] : values;
    }
    return data;
  }
  return jsonObject(raw);
}

function jsonObject(text: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new CkanBadRequest('jsonUnreadable');
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    // Said by its kind, never printed whole: a list may nest deeper than printing can go.
    const kind = Array.isArray(value) ? '[…]' : value === null ? 'null' : JSON.stringify(value).slice(0, 40);
    throw new CkanBadRequest('jsonNotADict', { value: kind });
  }
  return value as Record<string, unknown>;
}

/** The parameters of a GET: the query string, a repeated key kept as a list. */
export function queryData(query: unknown): Record<string, unknown> {
  if (!query || typeof query !== 'object') return {};
  return { ...(query as Record<string, unknown>) };
}

// --- single values ------------------------------------------------------------------------------

/** A text parameter: absent, null or empty is undefined; a number is its text; a list is refused. */
export function text(data: ActionData, name: string): string | undefined {
  const value = data[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value !== 'string') throw invalidParam(name, 'notText');
  return value === '' ? undefined : value;
}

export function requiredText(data: ActionData, name: string): string {
  const value = text(data, name);
  if (value === undefined || value.trim() === '') throw invalidParam(name, 'missing');
  return value.trim();
}

/** CKAN's `int_validator`: an integer, or text of one (`" 12 "`); a fraction or words are not. */
export function integer(data: ActionData, name: string): number | undefined {
  const value = data[name];
  if (value === undefined || value === null || value === '') return undefined;
  let n = Number.NaN;
  if (typeof value === 'number') n = value;
  else if (typeof value === 'string' && /^\s*[-+]?\d{1,16}\s*$/.test(value)) n = Number(value);
  if (!Number.isSafeInteger(n)) throw invalidParam(name, 'invalidInteger');
  return n;
}

/** CKAN's `natural_number_validator` (0 or more), with its default and its ceiling (clamped, as CKAN's `limit_to_configured_maximum`). */
export function natural(data: ActionData, name: string, fallback: number, max: number): number {
  const n = integer(data, name);
  if (n === undefined) return fallback;
  if (n < 0) throw invalidParam(name, 'naturalNumber');
  return Math.min(n, max);
}

/** An offset: a natural number no larger than a 32-bit integer. */
export function offset(data: ActionData, name: string): number {
  const n = integer(data, name);
  if (n === undefined) return 0;
  if (n < 0) throw invalidParam(name, 'naturalNumber');
  if (n > OFFSET_MAX) throw invalidParam(name, 'invalidInteger');
  return n;
}

/** CKAN's `boolean_validator`: true/false, yes/no, 1/0 and on/off in any case. */
export function boolean(data: ActionData, name: string, fallback: boolean): boolean {
  const value = data[name];
  if (value === undefined || value === null || value === '') return fallback;
  if (typeof value === 'boolean') return value;
  if (typeof value !== 'string' && typeof value !== 'number') throw invalidParam(name, 'notBoolean');
  const word = String(value).trim().toLowerCase();
  if (['true', 'yes', 't', 'y', '1', 'on'].includes(word)) return true;
  if (['false', 'no', 'f', 'n', '0', 'off'].includes(word)) return false;
  throw invalidParam(name, 'notBoolean');
}

/** A list of texts: a JSON list in text (`["tags","groups"]`), a list, or one text. */
export function textList(data: ActionData, name: string, split?: RegExp): string[] | undefined {
  let value = data[name];
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value === 'string' && /^\s*\[/.test(value)) {
    try {
      value = JSON.parse(value);
    } catch {
      throw invalidParam(name, 'notJson');
    }
  }
  if (typeof value === 'string') return split ? cleanList(value.split(split)) : [value];
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) {
    throw invalidParam(name, 'notListOfStrings');
  }
  return split ? cleanList(value.flatMap((v: string) => v.split(split))) : value;
}

function cleanList(values: readonly string[]): string[] {
  return values.map((v) => v.trim()).filter(Boolean);
}

// --- package_search -----------------------------------------------------------------------------

export type PackageSearchArgs = Readonly<{
  search: DatasetSearch;
  /** Organization ids of `owner_org` terms, each to add to the `organization` filter by its name. */
  ownerOrgs: readonly string[];
  /** The sort as the caller wrote it (CKAN echoes it in `result.sort`). */
  sortText: string;
  /** A term no dataset can match (`capacity:private`): the answer is empty. */
  matchesNothing: boolean;
  facetMinCount: number;
}>;

/**
 * Sorts as CKAN writes them, to ours. The harvester pages with `id asc` to keep its pages stable;
 * a name is as unique and as stable as an id in a tenant, so `name asc` serves it.
 */
const SORT_ALIASES: Readonly<Record<string, Sort>> = {
  [DEFAULT_SORT]: 'score desc',
  'id asc': 'name asc',
  'id desc': 'name desc',
  'title asc': 'title_string asc',
  'title desc': 'title_string desc',
};

export function packageSort(raw: string | undefined): { sort: Sort; text: string } {
  if (raw === undefined) return { sort: 'score desc', text: DEFAULT_SORT };
  const normal = raw
    .split(',')
    .map((clause) => clause.trim().split(/\s+/).join(' ').toLowerCase())
    .filter(Boolean)
    .join(', ');
  const sort = (SORTS as readonly string[]).includes(normal) ? (normal as Sort) : SORT_ALIASES[normal];
  if (!sort) {
    throw invalidParam('sort', 'unknownSort', {
      sort: raw,
      allowed: [...SORTS, ...Object.keys(SORT_ALIASES)].join('; '),
    });
  }
  return { sort, text: raw };
}

/** `fq` fields that need no filter: CKAN adds them itself, and everything published matches. */
const ALWAYS = new Map([
  ['capacity', 'public'],
  ['state', 'active'],
  ['dataset_type', 'dataset'],
  ['type', 'dataset'],
]);
const FQ_FIELDS = [...FACET_FIELDS, 'owner_org', 'metadata_modified', ...ALWAYS.keys()];

export type FilterQuery = Readonly<{
  filters: Partial<Record<FacetField, string[]>>;
  /** `field:a OR field:b`: one of the values (the harvester's organizations or groups to include). */
  anyOf: Partial<Record<FacetField, string[]>>;
  /** `-field:value`: none of the values (the harvester's organizations or groups to exclude). */
  exclude: Partial<Record<FacetField, string[]>>;
  modifiedSince?: string;
  modifiedUntil?: string;
  /** `owner_org:<id>` (CKAN's own form for an organization's datasets): ids to read as names. */
  ownerOrgs: string[];
  matchesNothing: boolean;
}>;

/** One `field:value` term of `fq`, with its sign, and the values an `OR` joined to it. */
type Clause = { negated: boolean; field: string; rawValue: string; term: string; alternatives: string[] };

const add = (map: Partial<Record<FacetField, string[]>>, field: FacetField, value: string) => {
  const list = map[field] ?? [];
  if (!list.includes(value)) map[field] = [...list, value];
};

/**
 * Reads `fq` as CKAN's harvester and common clients write it: terms separated by spaces, each
 * `field:value`, `field:"value with spaces"` or `+field:value` (all must hold); the harvester's
 * included organizations or groups `organization:a OR organization:b` (one of them), its
 * excluded ones `-organization:x`, and its incremental
 * `metadata_modified:[2026-12-01T09:00:00.123456Z TO *]`. Other Solr syntax — an `OR` across
 * fields, `NOT`, groups `(…)`, wildcards — is refused by name rather than answered inexactly.
 */
export function parseFq(fq: string | undefined): FilterQuery {
  const clauses: Clause[] = [];
  let joinNext = false;
  for (const term of fqTerms(fq ?? '')) {
    if (term === 'AND' || term === '&&') continue;
    if (term === 'OR' || term === '||') {
      const last = clauses.at(-1);
      if (!last || last.negated || joinNext) throw invalidParam('fq', 'unsupportedFq', { term });
      joinNext = true;
      continue;
    }
    const match = /^([+-]?)([A-Za-z_][\w.]*):(.+)$/s.exec(term);
    if (!match || term === 'NOT') throw invalidParam('fq', 'unsupportedFq', { term });
    const field = match[2]!;
    if (!FQ_FIELDS.includes(field)) {
      throw invalidParam('fq', 'unknownFqField', { field, allowed: FQ_FIELDS.join(', ') });
    }
    const clause: Clause = { negated: match[1] === '-', field, rawValue: match[3]!, term, alternatives: [] };
    if (joinNext) {
      const last = clauses.at(-1)!;
      // Only values of one facet field may be joined: what the harvester writes.
      if (clause.negated || clause.field !== last.field || !isFacet(field)) {
        throw invalidParam('fq', 'unsupportedFq', { term: `${last.term} OR ${term}` });
      }
      last.alternatives.push(fqValue(clause.rawValue, term));
      joinNext = false;
      continue;
    }
    clauses.push(clause);
  }
  if (joinNext) throw invalidParam('fq', 'unsupportedFq', { term: 'OR' });

  const filters: Partial<Record<FacetField, string[]>> = {};
  const anyOf: Partial<Record<FacetField, string[]>> = {};
  const exclude: Partial<Record<FacetField, string[]>> = {};
  let modifiedSince: string | undefined;
  let modifiedUntil: string | undefined;
  let matchesNothing = false;
  const ownerOrgs: string[] = [];
  for (const { negated, field, rawValue, term, alternatives } of clauses) {
    if (negated && !isFacet(field)) throw invalidParam('fq', 'unsupportedFq', { term });
    if (field === 'metadata_modified') {
      const range = parseRange(rawValue, term);
      if (range.from && (!modifiedSince || range.from > modifiedSince)) modifiedSince = range.from;
      if (range.to && (!modifiedUntil || range.to < modifiedUntil)) modifiedUntil = range.to;
      continue;
    }
    const value = fqValue(rawValue, term);
    if (field === 'owner_org') {
      if (!ownerOrgs.includes(value)) ownerOrgs.push(value);
      continue;
    }
    const always = ALWAYS.get(field);
    if (always !== undefined) {
      if (value !== always) matchesNothing = true;
      continue;
    }
    const facet = field as FacetField;
    if (negated) add(exclude, facet, value);
    else if (alternatives.length === 0) add(filters, facet, value);
    else {
      // Several OR groups of one field each must hold: kept apart only when there is one.
      if (anyOf[facet]) throw invalidParam('fq', 'unsupportedFq', { term });
      for (const v of [value, ...alternatives]) add(anyOf, facet, v);
    }
  }
  return { filters, anyOf, exclude, modifiedSince, modifiedUntil, ownerOrgs, matchesNothing };
}

const isFacet = (field: string): field is FacetField => (FACET_FIELDS as readonly string[]).includes(field);

/** Splits on spaces outside quotes and brackets. */
function fqTerms(fq: string): string[] {
  const terms: string[] = [];
  let current = '';
  let quoted = false;
  let depth = 0;
  for (let i = 0; i < fq.length; i += 1) {
    const c = fq[i]!;
    if (c === '\\' && i + 1 < fq.length) {
      current += c + fq[i + 1];
      i += 1;
      continue;
    }
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '[' || c === '{')) depth += 1;
    else if (!quoted && (c === ']' || c === '}')) depth -= 1;
    if (/\s/.test(c) && !quoted && depth <= 0) {
      if (current) terms.push(current);
      current = '';
      continue;
    }
    current += c;
  }
  if (current) terms.push(current);
  return terms;
}

/** A term's value: quoted (escapes undone) or bare (Solr's backslash escapes undone). */
function fqValue(raw: string, term: string): string {
  if (raw.startsWith('"')) {
    if (raw.length < 2 || !raw.endsWith('"')) throw invalidParam('fq', 'unsupportedFq', { term });
    return raw.slice(1, -1).replace(/\\(.)/g, '$1');
  }
  // Wildcards, groups and ranges would mean more than one value: refused, not taken literally.
  if (/^[([{]|(?<!\\)[*?]/.test(raw)) throw invalidParam('fq', 'unsupportedFq', { term });
  return raw.replace(/\\(.)/g, '$1');
}

/** `[from TO to]`, each a UTC date-time (CKAN's, with or without a fraction and the `Z`) or `*`. */
function parseRange(raw: string, term: string): { from?: string; to?: string } {
  const match = /^\[\s*(\S+)\s+TO\s+(\S+)\s*\]$/.exec(raw);
  if (!match) throw invalidParam('fq', 'badRange', { term });
  const end = (value: string) => {
    if (value === '*') return undefined;
    const iso = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(\.\d{1,9})?Z?$/.exec(value);
    const date = iso ? new Date(`${iso[1]}${(iso[2] ?? '').slice(0, 4)}Z`) : undefined;
    if (!date || Number.isNaN(date.getTime())) throw invalidParam('fq', 'badRange', { term });
    return date.toISOString();
  };
  return { from: end(match[1]!), to: end(match[2]!) };
}

/** `facet.field`: a JSON list of the fields we count. */
function facetFields(data: ActionData): FacetField[] | undefined {
  const fields = textList(data, 'facet.field');
  if (!fields) return undefined;
  for (const field of fields) {
    if (!(FACET_FIELDS as readonly string[]).includes(field)) {
      throw invalidParam('facet.field', 'unknownFacet', { field, allowed: FACET_FIELDS.join(', ') });
    }
  }
  return [...new Set(fields)] as FacetField[];
}

export function packageSearchArgs(data: ActionData): PackageSearchArgs {
  const errors: Record<string, Said[]> = {};
  // Every parameter is read, so that one answer lists every mistake, as CKAN's validation does.
  const read = <T>(fn: () => T): T | undefined => {
    try {
      return fn();
    } catch (error) {
      if (!(error instanceof CkanError)) throw error;
      for (const [field, said] of Object.entries(error.fields))
        errors[field] = [...(errors[field] ?? []), ...said];
      return undefined;
    }
  };
  const q = read(() => text(data, 'q'));
  const fq = read(() => parseFq(text(data, 'fq')));
  const rows = read(() => natural(data, 'rows', ROWS_DEFAULT, ROWS_MAX));
  const start = read(() => offset(data, 'start'));
  const sort = read(() => packageSort(text(data, 'sort')));
  const facetOn = read(() => boolean(data, 'facet', true));
  const facets = read(() => facetFields(data));
  const facetLimit = read(() => integer(data, 'facet.limit'));
  const facetMinCount = read(() => natural(data, 'facet.mincount', 1, OFFSET_MAX));
  if (Object.keys(errors).length > 0) throw new CkanError('Validation Error', { fields: errors });
  const textQuery = q?.trim();
  const search: DatasetSearch = {
    ...(textQuery && textQuery !== '*:*' && textQuery !== '*' ? { text: textQuery } : {}),
    filters: fq!.filters,
    ...(Object.keys(fq!.anyOf).length ? { anyOf: fq!.anyOf } : {}),
    ...(Object.keys(fq!.exclude).length ? { exclude: fq!.exclude } : {}),
    ...(fq!.modifiedSince ? { modifiedSince: fq!.modifiedSince } : {}),
    ...(fq!.modifiedUntil ? { modifiedUntil: fq!.modifiedUntil } : {}),
    sort: sort!.sort,
    limit: rows!,
    offset: start!,
    ...(facetOn && facets?.length
      ? {
          facets,
          // A negative limit is "all" in CKAN; a tenant's values of a field stay far below this.
          facetLimit: facetLimit === undefined ? FACET_LIMIT_DEFAULT : facetLimit < 0 ? 10_000 : facetLimit,
        }
      : {}),
  };
  return {
    search,
    ownerOrgs: fq!.ownerOrgs,
    sortText: sort!.text,
    matchesNothing: fq!.matchesNothing,
    facetMinCount: facetMinCount!,
  };
}

// --- datastore_search ---------------------------------------------------------------------------

export type DatastoreArgs = Readonly<{
  resourceId: string;
  query: DatastoreQuery;
  includeTotal: boolean;
  /** What the caller gave that CKAN echoes in its answer. */
  echo: Readonly<Record<string, unknown>>;
}>;

/** `"col desc, col2"` (or a list of such clauses) as columns and directions. */
function datastoreSort(data: ActionData): DatastoreQuery['sort'] {
  const clauses = textList(data, 'sort', /,/);
  if (!clauses) return undefined;
  return clauses.map((clause) => {
    const match = /^"?([^"]+?)"?(?:\s+(asc|desc))?$/i.exec(clause);
    if (!match) throw invalidParam('sort', 'badDatastoreSort', { sort: clause });
    return { column: match[1]!, direction: (match[2]?.toLowerCase() ?? 'asc') as 'asc' | 'desc' };
  });
}

function datastoreFilters(data: ActionData): DatastoreQuery['filters'] {
  let value = data.filters;
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value);
    } catch {
      throw invalidParam('filters', 'notJson');
    }
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw invalidParam('filters', 'notObject');
  const filters: Record<string, string | number | null> = {};
  for (const [column, v] of Object.entries(value)) {
    if (v !== null && typeof v !== 'string' && typeof v !== 'number')
      throw invalidParam('filters', 'notObject');
    filters[column] = v;
  }
  return filters;
}

export function datastoreArgs(data: ActionData): DatastoreArgs {
  // CKAN takes `id` for `resource_id`.
  const resourceId = (text(data, 'resource_id') ?? text(data, 'id'))?.trim();
  if (!resourceId) throw invalidParam('resource_id', 'missing');
  if (data.q !== undefined && data.q !== null && typeof data.q === 'object') {
    throw invalidParam('q', 'datastoreQueryObject');
  }
  const q = text(data, 'q') ?? text(data, 'full_text');
  const filters = datastoreFilters(data);
  const fields = textList(data, 'fields', /,/);
  const sort = datastoreSort(data);
  const limit = natural(data, 'limit', DATASTORE_LIMIT_DEFAULT, DATASTORE_LIMIT_MAX);
  const skip = offset(data, 'offset');
  const includeTotal = boolean(data, 'include_total', true);
  const format = text(data, 'records_format');
  if (format !== undefined && format !== 'objects') throw invalidParam('records_format', 'unsupportedFormat');
  const echo: Record<string, unknown> = {};
  if (q !== undefined) echo.q = q;
  if (filters) echo.filters = filters;
  if (sort) echo.sort = sort.map((s) => `"${s.column}" ${s.direction}`);
  if (data.offset !== undefined) echo.offset = skip;
  return {
    resourceId,
    query: {
      ...(q !== undefined ? { text: q } : {}),
      ...(filters ? { filters } : {}),
      ...(fields ? { fields } : {}),
      ...(sort ? { sort } : {}),
      limit,
      offset: skip,
    },
    includeTotal,
    echo,
  };
}
