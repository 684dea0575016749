/**
 * The fields of a post's kind (its `details`): an agenda item's times and place (on the tenant's
 * clock), a document's number, year, type and file, a gallery's photos with their captions. The
 * server checks them against the kind; a refused one shows its message beside it.
 */
import { useState } from 'react';
import { Field, numberOf, useConsole } from '../../../platform/sdk/console.ts';
import type { PostKind } from '../tables.ts';
import { instantOf, localOf } from './kit.ts';
import { MediaUpload } from './media-upload.tsx';

export type KindValues = {
  startsAt: string;
  endsAt: string;
  allDay: boolean;
  location: string;
  docNumber: string;
  docYear: string;
  docType: string;
  docMediaId: string;
  docFileName: string;
  gallery: Array<{ mediaId: string; caption: string; url?: string }>;
};

const str = (v: unknown) => (typeof v === 'string' ? v : '');

export function kindValuesOf(details: Record<string, unknown>, timeZone: string): KindValues {
  const items = Array.isArray(details.items) ? (details.items as Array<Record<string, unknown>>) : [];
  return {
    startsAt: localOf(str(details.startsAt) || null, timeZone),
    endsAt: localOf(str(details.endsAt) || null, timeZone),
    allDay: details.allDay === true,
    location: str(details.location),
    docNumber: str(details.number),
    docYear: details.year === undefined ? '' : String(details.year),
    docType: str(details.type),
    docMediaId: str(details.mediaId),
    docFileName: '',
    gallery: items.map((i) => ({ mediaId: str(i.mediaId), caption: str(i.caption) })),
  };
}

/** The `details` of a save, or undefined for kinds that have none. */
export function detailsOf(
  kind: PostKind,
  v: KindValues,
  timeZone: string,
): Record<string, unknown> | undefined {
  const opt = (key: string, value: string) => (value.trim() ? { [key]: value.trim() } : {});
  if (kind === 'agenda') {
    return {
      startsAt: instantOf(v.startsAt, timeZone) ?? '',
      ...(v.endsAt ? { endsAt: instantOf(v.endsAt, timeZone) } : {}),
      ...(v.allDay ? { allDay: true } : {}),
      ...opt('location', v.location),
    };
  }
  if (kind === 'document') {
    return {
      ...opt('number', v.docNumber),
      year: numberOf(v.docYear),
      type: v.docType.trim(),
      mediaId: v.docMediaId,
    };
  }
  if (kind === 'gallery') {
    return {
      items: v.gallery.map((g) => ({
        mediaId: g.mediaId,
        ...(g.caption.trim() ? { caption: g.caption.trim() } : {}),
      })),
    };
  }
  return undefined;
}

export function KindFields(props: {
  kind: PostKind;
  site: string;
  values: KindValues;
  onChange: (v: KindValues) => void;
  err: (path: string) => string | undefined;
}) {
  const { t } = useConsole();
  const [uploading, setUploading] = useState(false);
  const v = props.values;
  const set = <K extends keyof KindValues>(key: K, value: KindValues[K]) =>
    props.onChange({ ...v, [key]: value });
  const err = (key: string) => props.err(`details/${key}`);
  if (props.kind === 'agenda') {
    return (
      <fieldset id="post-agenda">
        <legend>{t('websites.editor.agenda')}</legend>
        <Field id="agenda-start" label={t('websites.editor.startsAt')} error={err('startsAt')}>
          {(aria) => (
            <input
              {...aria}
              type="datetime-local"
              value={v.startsAt}
              onChange={(e) => set('startsAt', e.target.value)}
            />
          )}
        </Field>
        <Field id="agenda-end" label={t('websites.editor.endsAt')} error={err('endsAt')}>
          {(aria) => (
            <input
              {...aria}
              type="datetime-local"
              value={v.endsAt}
              onChange={(e) => set('endsAt', e.target.value)}
            />
          )}
        </Field>
        <p>
          <input
            id="agenda-all-day"
            type="checkbox"
            checked={v.allDay}
            onChange={(e) => set('allDay', e.target.checked)}
          />{' '}
          <label htmlFor="agenda-all-day">{t('websites.editor.allDay')}</label>
        </p>
        <Field id="agenda-location" label={t('websites.editor.location')} error={err('location')}>
          {(aria) => (
            <input
              {...aria}
              maxLength={300}
              value={v.location}
              onChange={(e) => set('location', e.target.value)}
            />
          )}
        </Field>
      </fieldset>
    );
  }
  if (props.kind === 'document') {
    return (
      <fieldset id="post-document">
        <legend>{t('websites.editor.document')}</legend>
        <Field id="doc-number" label={t('websites.editor.docNumber')} error={err('number')}>
          {(aria) => (
            <input
              {...aria}
              maxLength={100}
              value={v.docNumber}
              onChange={(e) => set('docNumber', e.target.value)}
            />
          )}
        </Field>
        <Field id="doc-year" label={t('websites.editor.docYear')} error={err('year')}>
          {(aria) => (
            <input
              {...aria}
              type="number"
              min={1945}
              max={2100}
              value={v.docYear}
              onChange={(e) => set('docYear', e.target.value)}
            />
          )}
        </Field>
        <Field id="doc-type" label={t('websites.editor.docType')} error={err('type')}>
          {(aria) => (
            <input
              {...aria}
              maxLength={80}
              value={v.docType}
              onChange={(e) => set('docType', e.target.value)}
            />
          )}
        </Field>
        {v.docMediaId ? <p id="doc-file">{v.docFileName || v.docMediaId}</p> : null}
        {err('mediaId') ? <p className="error">{err('mediaId')}</p> : null}
        {uploading ? (
          <MediaUpload
            id="doc-upload"
            site={props.site}
            image={false}
            title={t('websites.editor.docUpload')}
            onDone={(media) => {
              props.onChange({ ...v, docMediaId: media.id, docFileName: media.fileName });
              setUploading(false);
            }}
            onCancel={() => setUploading(false)}
          />
        ) : (
          <button type="button" onClick={() => setUploading(true)}>
            {t('websites.editor.docUpload')}
          </button>
        )}
      </fieldset>
    );
  }
  if (props.kind === 'gallery') {
    return (
      <fieldset id="post-gallery">
        <legend>{t('websites.editor.gallery')}</legend>
        {err('items') ? <p className="error">{err('items')}</p> : null}
        <ol>
          {v.gallery.map((g, i) => (
            <li key={g.mediaId}>
              {g.url ? <img src={g.url} alt="" width={120} /> : null}
              <Field
                id={`gallery-caption-${i}`}
                label={t('websites.editor.caption', { n: i + 1 })}
                error={err(`items/${i}/caption`)}
              >
                {(aria) => (
                  <input
                    {...aria}
                    maxLength={500}
                    value={g.caption}
                    onChange={(e) =>
                      set(
                        'gallery',
                        v.gallery.map((x, j) => (j === i ? { ...x, caption: e.target.value } : x)),
                      )
                    }
                  />
                )}
              </Field>
              <button
                type="button"
                onClick={() =>
                  set(
                    'gallery',
                    v.gallery.filter((_, j) => j !== i),
                  )
                }
              >
                {t('websites.editor.removePhoto', { n: i + 1 })}
              </button>
            </li>
          ))}
        </ol>
        {uploading ? (
          <MediaUpload
            id="gallery-upload"
            site={props.site}
            image
            title={t('websites.editor.galleryAdd')}
            onDone={(media, alt) => {
              set('gallery', [...v.gallery, { mediaId: media.id, caption: alt, url: media.url }]);
              setUploading(false);
            }}
            onCancel={() => setUploading(false)}
          />
        ) : (
          <button type="button" onClick={() => setUploading(true)}>
            {t('websites.editor.galleryAdd')}
          </button>
        )}
      </fieldset>
    );
  }
  return null;
}
