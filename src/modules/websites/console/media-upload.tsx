/**
 * Uploading to a site's media (`POST …/media`): an image needs its alternative text, refused here
 * beside the field when empty (the server refuses it too); a document's file needs none. Opened in
 * place of the button that asked for it, with the focus on its first field.
 */
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { ApiError, Field, Problem, useConsole } from '../../../platform/sdk/console.ts';
import type { MediaType } from '../schemas.ts';
import { sitePath } from './kit.ts';

export function MediaUpload(props: {
  id: string;
  site: string;
  image: boolean;
  title: string;
  onDone: (media: MediaType, alt: string) => void;
  onCancel: () => void;
}) {
  const { api, t } = useConsole();
  const file = useRef<HTMLInputElement>(null);
  const [alt, setAlt] = useState('');
  const [errors, setErrors] = useState<{ file?: string; alt?: string }>({});
  const [error, setError] = useState<ApiError | undefined>();
  const [busy, setBusy] = useState(false);
  useEffect(() => file.current?.focus(), []);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    e.stopPropagation();
    const chosen = file.current?.files?.[0];
    const found = {
      ...(chosen ? {} : { file: t('websites.image.fileRequired') }),
      ...(props.image && !alt.trim() ? { alt: t('websites.image.altRequired') } : {}),
    };
    setErrors(found);
    if (!chosen || Object.keys(found).length) return;
    const form = new FormData();
    if (props.image) form.append('alt', alt.trim());
    form.append('file', chosen);
    setBusy(true);
    setError(undefined);
    api.upload<MediaType>(sitePath(props.site, '/media'), form).then(
      (media) => {
        setBusy(false);
        props.onDone(media, alt.trim());
      },
      (err: unknown) => {
        setBusy(false);
        setError(err instanceof ApiError ? err : new ApiError(0, 'unknown', String(err)));
      },
    );
  };
  // A form inside the editor's form would be invalid HTML: a fieldset whose button sends it.
  return (
    <fieldset
      className="media-upload"
      onKeyDown={(e) => {
        // Enter in a field here uploads, instead of saving the post around it.
        if (e.key === 'Enter' && (e.target as HTMLElement).tagName === 'INPUT') submit(e);
      }}
    >
      <legend>{props.title}</legend>
      <Field
        id={`${props.id}-file`}
        label={t(props.image ? 'websites.image.file' : 'websites.editor.docFile')}
        error={errors.file}
      >
        {(aria) => <input {...aria} ref={file} type="file" accept={props.image ? 'image/*' : undefined} />}
      </Field>
      {props.image ? (
        <Field
          id={`${props.id}-alt`}
          label={t('websites.image.alt')}
          hint={t('websites.image.altHint')}
          error={errors.alt}
        >
          {(aria) => (
            <input {...aria} required value={alt} onChange={(e) => setAlt(e.target.value)} maxLength={500} />
          )}
        </Field>
      ) : null}
      <Problem error={error} />
      <div className="buttons">
        <button type="button" onClick={submit} disabled={busy}>
          {t('websites.image.upload')}
        </button>
        <button type="button" onClick={props.onCancel}>
          {t('websites.image.cancel')}
        </button>
      </div>
    </fieldset>
  );
}
