/**
 * The CKAN Action API's errors, as CKAN's API view answers them (ckan/views/api.py): an action's
 * failure is the envelope `{help, success: false, error: {__type, …}}` with the status of its
 * type; a request CKAN cannot even hand to an action (an unknown action, an unreadable body) is a
 * bare JSON string `"Bad request - …"` with 400. The `__type` names stay CKAN's English keys,
 * because clients (ckanapi) switch on them; the sentences are ours, in the caller's language.
 */
import type { Language } from '../../../platform/sdk/index.ts';

/** CKAN's error types and the status its API view answers each with. */
export const ERROR_TYPES = {
  'Validation Error': 409,
  'Not Found Error': 404,
  'Authorization Error': 403,
  'Search Query Error': 400,
  'Internal Server Error': 500,
} as const;
export type ErrorType = keyof typeof ERROR_TYPES;

/** A sentence of ours: a key of `WORDS` and its values. */
export type Said = Readonly<{ key: WordKey; params?: Readonly<Record<string, string | number>> }>;

/** An action's failure, answered in the envelope. */
export class CkanError extends Error {
  readonly type: ErrorType;
  /** For a Validation Error: the offending parameters, each with its sentences (CKAN's error dict). */
  readonly fields: Readonly<Record<string, readonly Said[]>>;
  /** For the other types: what follows CKAN's own prefix (`Not found: …`). */
  readonly detail: Said | undefined;

  constructor(type: ErrorType, options: { fields?: Record<string, Said[]>; detail?: Said } = {}) {
    super(type);
    this.name = 'CkanError';
    this.type = type;
    this.fields = options.fields ?? {};
    this.detail = options.detail;
  }

  get status(): number {
    return ERROR_TYPES[this.type];
  }
}

/** A Validation Error on one parameter. */
export function invalidParam(
  field: string,
  key: WordKey,
  params?: Record<string, string | number>,
): CkanError {
  return new CkanError('Validation Error', { fields: { [field]: [{ key, params }] } });
}

export function notFoundError(key: WordKey, params?: Record<string, string | number>): CkanError {
  return new CkanError('Not Found Error', { detail: { key, params } });
}

/** A request CKAN answers with its bare `"Bad request - …"` string (400) before any action runs. */
export class CkanBadRequest extends Error {
  readonly said: Said;
  constructor(key: WordKey, params?: Record<string, string | number>) {
    super(key);
    this.name = 'CkanBadRequest';
    this.said = { key, params };
  }
}

/** Our sentences. CKAN's own wording in English where CKAN has one, so its users recognise it. */
const WORDS = {
  en: {
    badRequest: 'Bad request',
    unknownAction: 'Action name not known: {action}',
    jsonUnreadable: 'JSON Error: the body is not valid JSON',
    jsonNotADict: 'JSON Error: Request data JSON decoded to {value} but it needs to be a dictionary.',
    notFound: 'Not found',
    accessDenied: 'Access denied',
    internal: 'Internal Server Error',
    missing: 'Missing value',
    invalidInteger: 'Invalid integer',
    naturalNumber: 'Must be a natural number',
    notBoolean: 'Value must be one of: true, false',
    notJson: 'Could not parse as valid JSON',
    notListOfStrings: 'Not a list of strings',
    notText: 'Must be a string',
    notObject: 'Must be a JSON object of column names and values',
    unknownSort: 'Unknown sort "{sort}". Supported: {allowed}',
    unknownFacet: 'Unknown facet field "{field}". Supported: {allowed}',
    unknownFqField: 'Unknown field "{field}" in fq. Supported: {allowed}',
    unsupportedFq:
      'Unsupported fq term "{term}": use field:value, field:"value", +field:value, -field:value, field:a OR field:b (one field) or metadata_modified:[from TO to]',
    badRange: 'Bad range "{term}": use [2026-01-01T00:00:00Z TO *] with UTC date-times or *',
    unsupportedFormat: 'Only "objects" is supported',
    badDatastoreSort: 'Bad sort "{sort}": use "column", "column asc" or "column desc", separated by commas',
    datastoreQueryObject: 'Only a text query is supported, not a query per column',
    datasetNotFound: 'No published dataset has this id or name.',
    resourceNotFound: 'No resource of a published dataset has this id.',
    organizationNotFound: 'No organization has this id or name.',
    groupNotFound: 'No group has this id or name.',
    tooLarge: 'the body is over {limit}',
    unavailable: 'the database is unavailable for a moment; retry after {seconds} s',
    rateLimited: 'too many requests; retry later',
  },
  id: {
    badRequest: 'Permintaan tidak valid',
    unknownAction: 'Nama aksi tidak dikenal: {action}',
    jsonUnreadable: 'Galat JSON: isi permintaan bukan JSON yang sah',
    jsonNotADict:
      'Galat JSON: data permintaan terbaca sebagai {value}, padahal harus berupa objek (dictionary).',
    notFound: 'Tidak ditemukan',
    accessDenied: 'Akses ditolak',
    internal: 'Galat internal server',
    missing: 'Nilai wajib diisi',
    invalidInteger: 'Bukan bilangan bulat yang sah',
    naturalNumber: 'Harus bilangan asli (0 atau lebih)',
    notBoolean: 'Nilai harus salah satu dari: true, false',
    notJson: 'Tidak dapat dibaca sebagai JSON yang sah',
    notListOfStrings: 'Bukan daftar teks',
    notText: 'Harus berupa teks',
    notObject: 'Harus objek JSON berisi nama kolom dan nilainya',
    unknownSort: 'Urutan "{sort}" tidak dikenal. Yang didukung: {allowed}',
    unknownFacet: 'Bidang facet "{field}" tidak dikenal. Yang didukung: {allowed}',
    unknownFqField: 'Bidang "{field}" pada fq tidak dikenal. Yang didukung: {allowed}',
    unsupportedFq:
      'Bentuk fq "{term}" tidak didukung: gunakan field:nilai, field:"nilai", +field:nilai, -field:nilai, field:a OR field:b (satu field) atau metadata_modified:[dari TO sampai]',
    badRange: 'Rentang "{term}" tidak sah: gunakan [2026-01-01T00:00:00Z TO *] dengan waktu UTC atau *',
    unsupportedFormat: 'Hanya "objects" yang didukung',
    badDatastoreSort:
      'Urutan "{sort}" tidak sah: gunakan "kolom", "kolom asc" atau "kolom desc", dipisah koma',
    datastoreQueryObject: 'Hanya pencarian teks yang didukung, bukan pencarian per kolom',
    datasetNotFound: 'Tidak ada dataset terbit dengan id atau nama ini.',
    resourceNotFound: 'Tidak ada sumber data dari dataset terbit dengan id ini.',
    organizationNotFound: 'Tidak ada organisasi dengan id atau nama ini.',
    groupNotFound: 'Tidak ada grup dengan id atau nama ini.',
    tooLarge: 'isi permintaan melebihi {limit}',
    unavailable: 'basis data sedang tidak tersedia; coba lagi setelah {seconds} detik',
    rateLimited: 'terlalu banyak permintaan; coba lagi nanti',
  },
} as const;

export type WordKey = keyof (typeof WORDS)['en'];

/** A sentence in `lang`, its `{name}` placeholders filled. */
export function say(lang: Language, said: Said): string {
  const text: string = WORDS[lang === 'en' ? 'en' : 'id'][said.key];
  return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
    said.params && name in said.params ? String(said.params[name]) : whole,
  );
}
