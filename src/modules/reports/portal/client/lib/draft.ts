/**
 * The report form's offline draft, as data: what the citizen typed (text fields, the idempotency
 * key) and the photos they chose. Pure functions, so that they run (and are tested) in Node too;
 * `store.ts` keeps drafts in IndexedDB and `report-form.ts` ties them to the page.
 */

/** One photo of a draft: the file's bytes and what the browser knew of it. */
export type DraftPhoto = Readonly<{ name: string; type: string; blob: Blob }>;

export type Draft = Readonly<{
  /** Whose draft it is: the key it is stored under (`draftKey`). A draft is only used under it. */
  owner: string;
  /** The text fields by name, `_key` (the idempotency key) included, never `_csrf`. */
  fields: Readonly<Record<string, string>>;
  photos: readonly DraftPhoto[];
  /** The citizen pressed send: the draft goes out as soon as the network allows. */
  queued: boolean;
  savedAt: string;
}>;

/**
 * How long a draft stays on the device: after 7 days without a save it is deleted unread. Drafts
 * hold personal data (what was typed, photos, an anonymous citizen's name, email and phone) on a
 * phone that may be shared.
 */
export const DRAFT_TTL_MS = 7 * 24 * 60 * 60 * 1000;

/**
 * The key of the draft of one person on one tenant's report form: the tenant and the signed-in
 * user's id, or `anon` for whoever is not signed in. A draft typed by one person is never shown to,
 * or sent by, another account.
 */
export function draftKey(tenant: string, userId: string | null): string {
  return `draft:${tenant}:${userId ?? 'anon'}`;
}

/**
 * The draft stored under `key`, when it may be used: it names `key` as its owner and was saved less
 * than DRAFT_TTL_MS before `now`. Anything else (another key's, expired, an older format) is not a
 * draft to restore or send, and is deleted.
 */
export function usableDraft(value: unknown, key: string, now: number): Draft | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const draft = value as Partial<Draft>;
  if (draft.owner !== key || typeof draft.savedAt !== 'string') return undefined;
  if (!draft.fields || !Array.isArray(draft.photos)) return undefined;
  const saved = Date.parse(draft.savedAt);
  if (!Number.isFinite(saved) || now - saved >= DRAFT_TTL_MS || saved - now > DRAFT_TTL_MS) return undefined;
  return draft as Draft;
}

/** Fields never kept on the device: the session's CSRF token belongs to the page that sends. */
const NOT_KEPT = new Set(['_csrf']);

/** A form's text fields (from `new FormData(form)`), without files and without the CSRF token. */
export function draftFields(entries: Iterable<[string, FormDataEntryValue]>): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const [name, value] of entries) {
    if (typeof value !== 'string' || NOT_KEPT.has(name)) continue;
    fields[name] = value;
  }
  return fields;
}

/**
 * Whether a draft holds something the citizen typed or chose, beyond what a fresh form holds
 * (`defaults`): an untouched form is not a draft.
 */
export function hasContent(
  fields: Readonly<Record<string, string>>,
  photos: readonly unknown[],
  defaults: Readonly<Record<string, string>>,
): boolean {
  if (photos.length > 0) return true;
  return Object.entries(fields).some(
    ([name, value]) => name !== '_key' && value.trim() !== '' && value !== (defaults[name] ?? ''),
  );
}

/**
 * The multipart body that sends a draft to the form's action: its fields, the CSRF token of the
 * page that sends it (when there is a session), and its photos under `photo`.
 */
export function draftBody(draft: Draft, csrf: string): FormData {
  const body = new FormData();
  body.set('_csrf', csrf);
  for (const [name, value] of Object.entries(draft.fields)) {
    if (!NOT_KEPT.has(name)) body.set(name, value);
  }
  for (const photo of draft.photos) body.append('photo', photo.blob, photo.name);
  return body;
}

/**
 * The photos after the citizen added some: the earlier ones first, then the new ones not already
 * chosen (same name, size and date), at most `max`.
 */
export function mergePhotos<T extends { name: string; size: number; lastModified?: number }>(
  earlier: readonly T[],
  added: readonly T[],
  max: number,
): T[] {
  const key = (f: T) => `${f.name}\0${f.size}\0${f.lastModified ?? 0}`;
  const seen = new Set(earlier.map(key));
  const out = [...earlier];
  for (const file of added) {
    if (out.length >= max) break;
    if (seen.has(key(file))) continue;
    seen.add(key(file));
    out.push(file);
  }
  return out;
}

/** A coordinate as the form keeps it: six decimals (about 10 cm), no trailing zeros. */
export function formatCoordinate(value: number): string {
  return String(Math.round(value * 1e6) / 1e6);
}

/** A pin from the form's lat/lng inputs, or null when they do not hold a valid position. */
export function parsePin(lat: string, lng: string): { lat: number; lng: number } | null {
  if (lat.trim() === '' || lng.trim() === '') return null;
  // A decimal comma (`106,63`) is a decimal point, as the server reads it (`input.ts`).
  const la = Number(lat.trim().replace(/^([+-]?\d+),(\d+)$/, '$1.$2'));
  const lo = Number(lng.trim().replace(/^([+-]?\d+),(\d+)$/, '$1.$2'));
  if (!Number.isFinite(la) || !Number.isFinite(lo) || Math.abs(la) > 90 || Math.abs(lo) > 180) return null;
  return { lat: la, lng: lo };
}
