/**
 * The vocabularies the DCAT-AP 3 output speaks: namespaces, and the EU authority tables (frequency,
 * access right, file type, language, data theme) that DCAT-AP asks controlled values to come from.
 * Only the codes a Satu Data view can produce are listed; an unknown value is left out rather than
 * guessed, since a wrong controlled value misleads a harvester more than a missing one.
 */
import type { Classification, Frequency } from '../catalog/view.ts';

export const NS = {
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
  dcat: 'http://www.w3.org/ns/dcat#',
  dct: 'http://purl.org/dc/terms/',
  foaf: 'http://xmlns.com/foaf/0.1/',
  vcard: 'http://www.w3.org/2006/vcard/ns#',
  skos: 'http://www.w3.org/2004/02/skos/core#',
  spdx: 'http://spdx.org/rdf/terms#',
  locn: 'http://www.w3.org/ns/locn#',
  gsp: 'http://www.opengis.net/ont/geosparql#',
  hydra: 'http://www.w3.org/ns/hydra/core#',
} as const;

const EU = 'http://publications.europa.eu/resource/authority';

export const FREQUENCY_URI: Record<Frequency, string> = {
  daily: `${EU}/frequency/DAILY`,
  weekly: `${EU}/frequency/WEEKLY`,
  monthly: `${EU}/frequency/MONTHLY`,
  quarterly: `${EU}/frequency/QUARTERLY`,
  annual: `${EU}/frequency/ANNUAL`,
  irregular: `${EU}/frequency/IRREG`,
};

/**
 * Satu Data's classification as an EU access right: `open` data is public, `limited` is shared
 * with named users (restricted), `closed` is not public at all.
 */
export const ACCESS_RIGHT_URI: Record<Classification, string> = {
  open: `${EU}/access-right/PUBLIC`,
  limited: `${EU}/access-right/RESTRICTED`,
  closed: `${EU}/access-right/NON_PUBLIC`,
};

/** EU file-type codes of the formats a resource may say, by the upper-cased format. */
const FILE_TYPES: Record<string, string> = {
  CSV: 'CSV',
  TSV: 'TSV',
  XLSX: 'XLSX',
  XLS: 'XLS',
  ODS: 'ODS',
  JSON: 'JSON',
  GEOJSON: 'GEOJSON',
  XML: 'XML',
  PDF: 'PDF',
  HTML: 'HTML',
  ZIP: 'ZIP',
  SHP: 'SHP',
  KML: 'KML',
  KMZ: 'KMZ',
  GPKG: 'GPKG',
  TXT: 'TXT',
  DOCX: 'DOCX',
  RDF: 'RDF',
  TTL: 'RDF_TURTLE',
  JSONLD: 'JSON_LD',
  'JSON-LD': 'JSON_LD',
  PNG: 'PNG',
  JPEG: 'JPEG',
  JPG: 'JPEG',
};

export function fileTypeUri(format: string): string | null {
  const code = FILE_TYPES[format.trim().toUpperCase()];
  return code ? `${EU}/file-type/${code}` : null;
}

/** IANA's page of a media type (`text/csv`), parameters dropped; null when it is not one. */
export function mediaTypeUri(mediaType: string | null): string | null {
  if (!mediaType) return null;
  const bare = mediaType.split(';')[0]!.trim().toLowerCase();
  if (!/^[a-z]+\/[a-z0-9][a-z0-9.+-]*$/.test(bare)) return null;
  return `https://www.iana.org/assignments/media-types/${bare}`;
}

/** EU language codes of the languages a tenant may publish in (BCP 47 primary tag). */
const LANGUAGES: Record<string, string> = { id: 'IND', en: 'ENG', jv: 'JAV', su: 'SUN', ms: 'MSA' };

export function languageUri(tag: string): string | null {
  const code = LANGUAGES[tag.split('-')[0]!.toLowerCase()];
  return code ? `${EU}/language/${code}` : null;
}

export const DATA_THEME_SCHEME = `${EU}/data-theme`;

/** The EU data themes' English labels (the authority table's own), for their skos:prefLabel. */
const DATA_THEMES = {
  AGRI: 'Agriculture, fisheries, forestry and food',
  ECON: 'Economy and finance',
  EDUC: 'Education, culture and sport',
  ENER: 'Energy',
  ENVI: 'Environment',
  GOVE: 'Government and public sector',
  HEAL: 'Health',
  JUST: 'Justice, legal system and public safety',
  REGI: 'Regions and cities',
  SOCI: 'Population and society',
  TECH: 'Science and technology',
  TRAN: 'Transport',
} as const;
type DataTheme = keyof typeof DATA_THEMES;

/**
 * Government affairs (UU 23/2014 as numbered by Permendagri 90/2019: `1.02` health, `3.27`
 * agriculture) to the EU data theme closest to each, so that a European or any DCAT-AP harvester
 * can file a Satu Data dataset without knowing Indonesia's nomenclature. Affairs of the
 * secretariat, planning, finance, inspection and districts (4.xx to 8.xx) are government's.
 */
const AFFAIR_THEMES: Record<string, DataTheme> = {
  '1.01': 'EDUC',
  '1.02': 'HEAL',
  '1.03': 'REGI',
  '1.04': 'REGI',
  '1.05': 'JUST',
  '1.06': 'SOCI',
  '2.07': 'ECON',
  '2.08': 'SOCI',
  '2.09': 'AGRI',
  '2.10': 'REGI',
  '2.11': 'ENVI',
  '2.12': 'SOCI',
  '2.13': 'REGI',
  '2.14': 'SOCI',
  '2.15': 'TRAN',
  '2.16': 'TECH',
  '2.17': 'ECON',
  '2.18': 'ECON',
  '2.19': 'EDUC',
  '2.20': 'GOVE',
  '2.21': 'TECH',
  '2.22': 'EDUC',
  '2.23': 'EDUC',
  '2.24': 'GOVE',
  '3.25': 'AGRI',
  '3.26': 'ECON',
  '3.27': 'AGRI',
  '3.28': 'AGRI',
  '3.29': 'ENER',
  '3.30': 'ECON',
  '3.31': 'ECON',
  '3.32': 'REGI',
};

/** The EU data theme of an affair code (`1.02` or a sub-affair `1.02.03`), with its label. */
export function euThemeOf(affairCode: string | null): { uri: string; label: string } | null {
  if (!affairCode) return null;
  const match = /^(\d)\.(\d{2})/.exec(affairCode.trim());
  if (!match) return null;
  const [, group, affair] = match;
  const theme: DataTheme | undefined = Number(group) >= 4 ? 'GOVE' : AFFAIR_THEMES[`${group}.${affair}`];
  return theme ? { uri: `${DATA_THEME_SCHEME}/${theme}`, label: DATA_THEMES[theme] } : null;
}

/**
 * An address fit to be an IRI in Turtle and JSON-LD: an absolute http(s) URL, normalised, with the
 * few characters a URL may keep but an IRI may not (`{}|^` and the backtick) percent-encoded.
 * Links come from producers, so anything else is dropped rather than written.
 */
export function safeIri(address: string | null | undefined): string | null {
  if (!address) return null;
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  return url.href.replace(
    /[<>"{}|\\^`\s]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`,
  );
}

/** A `mailto:` IRI of an address that looks like one, else null. */
export function mailtoIri(email: string | null): string | null {
  if (!email) return null;
  const trimmed = email.trim();
  if (!/^[^\s@<>"{}|\\^`]+@[^\s@<>"{}|\\^`]+\.[^\s@<>"{}|\\^`]+$/.test(trimmed)) return null;
  return `mailto:${encodeURI(trimmed)}`;
}
