/**
 * One resource of a dataset: a link, or an upload with its current version — for a table loaded
 * into the datastore its row count and columns, and a preview of its rows — every version with
 * its download, and (while the dataset may change) the form for a new version.
 */
import { useState } from 'react';
import { formatWhen, Problem, Scroll, useConsole, useLoad } from '../../../platform/sdk/console.ts';
import type { ResourceType, VersionType } from '../schemas.ts';
import { resourcePath, sizeOf } from './kit.ts';
import { VersionForm } from './resource-forms.tsx';
import { RowsPreview } from './rows-preview.tsx';

export function ResourceCard(props: {
  resource: ResourceType;
  /** New versions may be uploaded (the dataset is not under review, nor fed). */
  editable: boolean;
  /** The preview of the rows shows at once (the walidata's check), else when asked for. */
  previewOpen?: boolean;
  onChanged: () => void;
}) {
  const { api, t } = useConsole();
  const r = props.resource;
  const { lang, timeZone } = api.config;
  const number = new Intl.NumberFormat(lang === 'id' ? 'id-ID' : 'en-GB');
  const upload = r.kind === 'upload';
  const versions = useLoad(
    () =>
      upload
        ? api.get<{ versions: VersionType[] }>(resourcePath(r.id, '/versions'))
        : Promise.resolve({ versions: [] as VersionType[] }),
    [r.id, r.currentVersion],
  );
  const list = versions.data?.versions ?? [];
  const current = list.find((v) => v.version === r.currentVersion);
  const [preview, setPreview] = useState(props.previewOpen ?? false);
  const heading = `od-resource-${r.id}`;
  return (
    <article className="card od-resource" aria-labelledby={heading} data-resource={r.name}>
      <h3 id={heading}>{r.name}</h3>
      <p>
        <span className="badge">{r.format}</span>{' '}
        {upload
          ? t('openData.resources.current', { version: r.currentVersion ?? 0 })
          : t('openData.resources.kindLink')}
      </p>
      {r.description ? <p className="prewrap">{r.description}</p> : null}
      {upload ? null : (
        <p>
          <a href={r.url} rel="noopener noreferrer">
            {r.url}
          </a>
        </p>
      )}
      {upload && current ? (
        <p className="od-size" data-rows={current.rowCount ?? ''}>
          {current.rowCount !== null
            ? t('openData.resources.rows', {
                rows: number.format(current.rowCount),
                columns: number.format(r.columns.length),
              })
            : t('openData.resources.notTabular')}
        </p>
      ) : null}
      <Problem error={versions.error} />
      {r.columns.length ? (
        <details>
          <summary>{t('openData.resources.columns', { count: r.columns.length })}</summary>
          <Scroll label={t('openData.resources.columnsOf', { name: r.name })}>
            <table className="list">
              <thead>
                <tr>
                  <th scope="col">{t('openData.resources.colName')}</th>
                  <th scope="col">{t('openData.resources.colLabel')}</th>
                  <th scope="col">{t('openData.resources.colType')}</th>
                  <th scope="col">{t('openData.resources.colUnit')}</th>
                </tr>
              </thead>
              <tbody>
                {r.columns.map((c) => (
                  <tr key={c.name}>
                    <td className="mono">{c.name}</td>
                    <td>{c.label}</td>
                    <td>{t(`openData.columnType.${c.type}`)}</td>
                    <td>{c.unit ?? ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </Scroll>
        </details>
      ) : null}
      {list.length ? (
        <Scroll label={t('openData.resources.versionsOf', { name: r.name })}>
          <table className="list od-versions">
            <thead>
              <tr>
                <th scope="col">{t('openData.resources.colVersion')}</th>
                <th scope="col">{t('openData.resources.colFile')}</th>
                <th scope="col">{t('openData.resources.colSize')}</th>
                <th scope="col">{t('openData.resources.colRows')}</th>
                <th scope="col">{t('openData.resources.colDate')}</th>
              </tr>
            </thead>
            <tbody>
              {list.map((v) => (
                <tr key={v.version} data-version={v.version}>
                  <th scope="row">{v.version}</th>
                  <td>
                    <a href={v.downloadUrl} download={v.fileName}>
                      {v.fileName}
                    </a>
                  </td>
                  <td>{sizeOf(v.byteSize, lang)}</td>
                  <td>{v.rowCount === null ? '' : number.format(v.rowCount)}</td>
                  <td>{formatWhen(v.createdAt, lang, timeZone)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </Scroll>
      ) : null}
      {r.datastoreActive ? (
        <details open={preview} onToggle={(e) => setPreview(e.currentTarget.open)}>
          <summary>{t('openData.preview.title')}</summary>
          {preview ? <RowsPreview resource={r} /> : null}
        </details>
      ) : null}
      {props.editable && upload ? <VersionForm resource={r} onDone={props.onChanged} /> : null}
    </article>
  );
}
