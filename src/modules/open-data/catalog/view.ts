/**
 * A published dataset as the catalogue's outward formats see it: the CKAN Action API's answers,
 * DCAT-AP 3 (Turtle, JSON-LD) and the portal's pages are each drawn from these views, never from
 * the tables, so that the formats cannot disagree on what a dataset is. Every address is absolute
 * (the portal's public URL), every instant ISO 8601 in UTC.
 */

/** The classification Satu Data Indonesia gives a dataset: only `open` is ever published whole. */
export const CLASSIFICATIONS = ['open', 'limited', 'closed'] as const;
export type Classification = (typeof CLASSIFICATIONS)[number];

/** How often a dataset is updated (DCAT's accrual periodicity, Satu Data's schedule). */
export const FREQUENCIES = ['daily', 'weekly', 'monthly', 'quarterly', 'annual', 'irregular'] as const;
export type Frequency = (typeof FREQUENCIES)[number];

/** A data producer: the agency (OPD) that makes the dataset, CKAN's organization. */
export type CatalogOrganization = Readonly<{
  id: string;
  /** URL-safe name, unique in the tenant (`dinas-kesehatan`). */
  name: string;
  title: string;
  description: string | null;
  /** The organization's page on the portal. */
  url: string;
}>;

/** A theme (CKAN's group): a government affair of Satu Data, e.g. `kesehatan`. */
export type CatalogTheme = Readonly<{ id: string; name: string; title: string; description: string | null }>;

export type CatalogResourceVersion = Readonly<{
  version: number;
  created: string;
  /** Where this version's file is downloaded. */
  downloadUrl: string;
  byteSize: number | null;
  /** SHA-256 of the file, hex. */
  checksum: string | null;
}>;

export type CatalogColumn = Readonly<{
  name: string;
  /** CKAN DataStore's type names. */
  type: 'text' | 'int' | 'numeric' | 'date' | 'timestamp';
  label: string;
  description: string | null;
  unit: string | null;
}>;

export type CatalogResource = Readonly<{
  id: string;
  datasetId: string;
  name: string;
  description: string | null;
  /** An upload kept here, or a link to data kept elsewhere. */
  kind: 'upload' | 'link';
  /** `CSV`, `XLSX`, `JSON`, `GeoJSON`, or what a link says. */
  format: string;
  mediaType: string | null;
  /** The current version's download (an upload), or the link. */
  url: string;
  byteSize: number | null;
  checksum: string | null;
  created: string;
  modified: string;
  /** The current version first; every earlier one stays downloadable. */
  versions: readonly CatalogResourceVersion[];
  /** Whether the current version's rows are in the datastore (previewed, filtered, searched). */
  datastoreActive: boolean;
  /** The data dictionary of a datastore resource, else empty. */
  columns: readonly CatalogColumn[];
}>;

export type CatalogDataset = Readonly<{
  id: string;
  /** URL-safe name, unique in the tenant: CKAN's `name`, the dataset's address. */
  name: string;
  title: string;
  /** The description (CKAN's `notes`), plain text. */
  description: string;
  /** The dataset's page on the portal. */
  url: string;
  organization: CatalogOrganization;
  /** The region publishing it (the tenant): DCAT's publisher. */
  publisher: Readonly<{ name: string; url: string }>;
  contact: Readonly<{ name: string; email: string | null }>;
  themes: readonly CatalogTheme[];
  keywords: readonly string[];
  license: Readonly<{ id: string; title: string; url: string }>;
  frequency: Frequency;
  temporal: Readonly<{ start: string | null; end: string | null }>;
  /** The area the data covers (the tenant's, or part of it): a name and its box, CRS84. */
  spatial: Readonly<{ name: string; bbox: readonly [number, number, number, number] | null }> | null;
  /** When it was first published, and when its metadata or data last changed. */
  issued: string;
  modified: string;
  /** Metadata Satu Data Indonesia asks for (Perpres 39/2019, Permen PPN 18/2020). */
  sdi: Readonly<{
    /** Government affair and sub-affair codes (UU 23/2014's nomenclature, e.g. `1.02`, `1.02.03`). */
    affairCode: string | null;
    subAffairCode: string | null;
    indicator: string | null;
    unit: string | null;
    definition: string | null;
    /** When data is released (`Maret setiap tahun`), free text as the producer writes it. */
    releaseSchedule: string | null;
    dataStandard: string | null;
    classification: Classification;
    /** The producing agency's name (the organization's title). */
    producer: string;
  }>;
  /** Set when the dataset is fed by an app (`reports.reports-per-category-month`). */
  feed: string | null;
  resources: readonly CatalogResource[];
}>;

/** The catalogue itself: the tenant's. */
export type CatalogView = Readonly<{
  title: string;
  description: string;
  /** The catalogue's portal page, and the tenant's site. */
  url: string;
  publisher: Readonly<{ name: string; url: string }>;
  language: readonly string[];
  modified: string | null;
}>;
