/**
 * The report form's errors as a person reads them: beside each field a message that says what to
 * do (the app's own wording for the common mistakes, the platform's otherwise), and in the summary
 * at the top the same message named by its field, so that two "Required." never stand unnamed.
 */
import type { FieldError } from '../../../platform/sdk/index.ts';
import type { PortalContext } from '../../../platform/sdk/portal.ts';

/** The label of each field of the form (its key under `reports.portal`). */
const LABELS: Record<string, string> = {
  type: 'typeLegend',
  category: 'category',
  description: 'description',
  address: 'address',
  kelurahan: 'kelurahan',
  lat: 'lat',
  lng: 'lng',
  photo: 'photos',
  name: 'name',
  email: 'email',
  phone: 'phone',
};

export type FormErrors = {
  /** Beside each field, by its name. */
  inline: Record<string, string>;
  /** In the summary, by the field's name (which its link jumps to). */
  summary: Record<string, string>;
  /** The places (from 0) of the photos the server refused: a draft does not keep them. */
  refusedPhotos: number[];
};

export function reportFormErrors(fields: readonly FieldError[], t: PortalContext['t']): FormErrors {
  const out: FormErrors = { inline: {}, summary: {}, refusedPhotos: [] };
  for (const f of fields) {
    const [name = '', at] = f.path.split('/').filter(Boolean).slice(1);
    if (name === 'photo' && at !== undefined) out.refusedPhotos.push(Number(at));
    const params = { ...f.params };
    const own = t(`reports.portal.error.${name}.${f.code}`, { ...params, defaultValue: '' });
    const message = own || t(`field.${f.code}`, { ...params, defaultValue: t('field.invalid') });
    const label = LABELS[name] ? t(`reports.portal.${LABELS[name]}`) : name;
    const named = own ? message : `${label}: ${message}`;
    out.inline[name] = out.inline[name] ? `${out.inline[name]} ${message}` : message;
    out.summary[name] = out.summary[name] ? `${out.summary[name]} ${message}` : named;
  }
  return out;
}

/** The status of a form sent back: 413 for a photo too large, 415 for a file that is no photo, else 400. */
export function formStatus(fields: readonly FieldError[]): number {
  if (fields.some((f) => f.code === 'too_large' || f.code === 'image_pixels')) return 413;
  if (fields.some((f) => f.code === 'image_type' || f.code === 'image_unreadable')) return 415;
  return 400;
}
