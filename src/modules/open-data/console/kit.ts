/**
 * What the Satu Data screens share: the API's paths and shapes, the metadata form's values (as
 * typed) and the body the API takes from them, and which agencies a producer may choose.
 */
import {
  type Agency,
  type LiveEvent,
  useConsole,
  useLiveEvents,
  useLoad,
} from '../../../platform/sdk/console.ts';
import type { DatasetType, DatasetUpdateType, ThemeType } from '../schemas.ts';

export const API = '/open-data';
export const datasetPath = (id: string, rest = '') => `${API}/datasets/${id}${rest}`;
export const resourcePath = (id: string, rest = '') => `${API}/resources/${id}${rest}`;

/** The region's themes, in their order (public: anyone may list them). */
export function useThemes() {
  const { api } = useConsole();
  return useLoad(() => api.get<{ themes: ThemeType[] }>(`${API}/themes`).then((r) => r.themes), []);
}

/** A dataset with its resources, in any state (producers of its agency and the walidata). */
export function useDataset(id: string) {
  const { api } = useConsole();
  return useLoad(() => api.get<DatasetType>(datasetPath(id)), [id]);
}

/**
 * Loads again when a dataset changes (or one of `ids`, a dataset or its resources, when given):
 * the walidata's queue fills as producers submit, a producer's list follows the walidata's
 * decisions. The events carry ids only; what the session may see is asked of the API again.
 */
export function useDatasetEvents(reload: () => void, ids?: readonly string[]) {
  useLiveEvents((_e, batch: LiveEvent[]) => {
    const ours = batch.filter(
      (e) => e.type.startsWith('open-data.dataset.') || e.type === 'open-data.resource.changed',
    );
    if (ours.some((e) => !ids || (e.entityId !== null && ids.includes(e.entityId)))) reload();
  });
}

/** States a producer may send to the walidata from (services/review.ts says the same). */
export const SUBMITTABLE = ['draft', 'returned', 'unpublished'] as const;

/** The metadata form as typed: every field text, the themes chosen by name. */
export type MetadataValues = {
  name: string;
  title: string;
  description: string;
  classification: string;
  licenseId: string;
  frequency: string;
  themes: string[];
  keywords: string;
  temporalStart: string;
  temporalEnd: string;
  spatialName: string;
  spatialBbox: string;
  contactName: string;
  contactEmail: string;
  affairCode: string;
  subAffairCode: string;
  indicator: string;
  unit: string;
  definition: string;
  releaseSchedule: string;
  dataStandard: string;
};

export const EMPTY_METADATA: MetadataValues = {
  name: '',
  title: '',
  description: '',
  classification: 'open',
  licenseId: 'cc-by',
  frequency: 'annual',
  themes: [],
  keywords: '',
  temporalStart: '',
  temporalEnd: '',
  spatialName: '',
  spatialBbox: '',
  contactName: '',
  contactEmail: '',
  affairCode: '',
  subAffairCode: '',
  indicator: '',
  unit: '',
  definition: '',
  releaseSchedule: '',
  dataStandard: '',
};

/** A dataset's metadata as the form shows it. */
export function valuesOf(d: DatasetType): MetadataValues {
  return {
    name: d.name,
    title: d.title,
    description: d.description,
    classification: d.classification,
    licenseId: d.licenseId,
    frequency: d.frequency,
    themes: [...d.themes],
    keywords: d.keywords.join(', '),
    temporalStart: d.temporalStart ?? '',
    temporalEnd: d.temporalEnd ?? '',
    spatialName: d.spatialName ?? '',
    spatialBbox: d.spatialBbox ? d.spatialBbox.join(', ') : '',
    contactName: d.contactName,
    contactEmail: d.contactEmail ?? '',
    affairCode: d.affairCode ?? '',
    subAffairCode: d.subAffairCode ?? '',
    indicator: d.indicator ?? '',
    unit: d.unit ?? '',
    definition: d.definition ?? '',
    releaseSchedule: d.releaseSchedule ?? '',
    dataStandard: d.dataStandard ?? '',
  };
}

const orNull = (s: string) => (s.trim() ? s.trim() : null);

/**
 * The four numbers of an area as typed (`106.56, -6.3, 106.72, -6.1`); what is not a number is
 * sent as typed, so that the server's refusal names it.
 */
function bboxOf(text: string): Array<number | string> | null {
  const parts = text.split(/[\s,;]+/).filter(Boolean);
  if (!parts.length) return null;
  return parts.map((p) => (Number.isFinite(Number(p)) ? Number(p) : p));
}

/**
 * The body of `PUT /datasets/{id}` (and, with an agency, of `POST /datasets`). Every field is sent:
 * the API empties an omitted optional one, and an empty field here means "none".
 */
export function bodyOf(v: MetadataValues): DatasetUpdateType {
  return {
    name: v.name.trim(),
    title: v.title.trim(),
    description: v.description.trim(),
    classification: v.classification as DatasetUpdateType['classification'],
    licenseId: v.licenseId,
    frequency: v.frequency as DatasetUpdateType['frequency'],
    themes: v.themes,
    keywords: v.keywords
      .split(',')
      .map((k) => k.trim())
      .filter(Boolean),
    temporalStart: orNull(v.temporalStart),
    temporalEnd: orNull(v.temporalEnd),
    spatialName: orNull(v.spatialName),
    spatialBbox: bboxOf(v.spatialBbox) as number[] | null,
    contactName: v.contactName.trim(),
    contactEmail: orNull(v.contactEmail),
    affairCode: orNull(v.affairCode),
    subAffairCode: orNull(v.subAffairCode),
    indicator: orNull(v.indicator),
    unit: orNull(v.unit),
    definition: orNull(v.definition),
    releaseSchedule: orNull(v.releaseSchedule),
    dataStandard: orNull(v.dataStandard),
  };
}

/** A dataset's address suggested from its title (`Jumlah Penduduk 2025` → `jumlah-penduduk-2025`). */
export function nameFrom(title: string): string {
  return title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 100)
    .replace(/-+$/, '');
}

/**
 * The agencies a producer may create a dataset for: every one for a tenant-wide grant, else those
 * their grants are at and everything under them (the server decides again).
 */
export function writableAgencies(items: Agency[], tenantWide: boolean, agencyIds: string[]): Set<string> {
  if (tenantWide) return new Set(items.map((a) => a.id));
  const out = new Set(agencyIds);
  let grew = true;
  while (grew) {
    grew = false;
    for (const a of items) {
      if (a.parentId && out.has(a.parentId) && !out.has(a.id)) {
        out.add(a.id);
        grew = true;
      }
    }
  }
  return new Set(items.filter((a) => out.has(a.id)).map((a) => a.id));
}

/** A file's size for people (`1,8 KB`). */
export function sizeOf(bytes: number, lang: 'id' | 'en'): string {
  const f = new Intl.NumberFormat(lang === 'id' ? 'id-ID' : 'en-GB', { maximumFractionDigits: 1 });
  if (bytes < 1024) return `${f.format(bytes)} B`;
  if (bytes < 1024 * 1024) return `${f.format(bytes / 1024)} KB`;
  return `${f.format(bytes / 1024 / 1024)} MB`;
}
