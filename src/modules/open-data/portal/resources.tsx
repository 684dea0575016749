/**
 * A dataset's resources on its page: each with its format, size and current download (or link),
 * every earlier version with its date, size, checksum and download, and for a datastore resource
 * its chart, preview and data dictionary. A dataset that is not open lists its resources and
 * columns, never a download: its files are not public (their addresses would answer 404).
 */
import { type PortalContext, ScrollBox, when } from '../../../platform/sdk/portal.ts';
import type { CatalogResource } from '../catalog/view.ts';
import { ChartFigure, Dictionary, type Preview, RowsPreview } from './preview.tsx';
import type { PreviewErrors } from './preview-query.ts';
import { Paragraphs, sizeText, words } from './shared.tsx';

export function ResourceCard(props: {
  ctx: PortalContext;
  resource: CatalogResource;
  open: boolean;
  preview: Preview | undefined;
  /** The dataset page's path, for the preview's links. */
  path: string;
  /** The preview parameters' errors, when they are this resource's. */
  errors: PreviewErrors;
}) {
  const { ctx, resource: r, open, preview } = props;
  const w = words(ctx);
  const current = r.versions[0];
  return (
    <article className="card" id={`resource-${r.id}`} aria-labelledby={`resource-title-${r.id}`}>
      <h3 id={`resource-title-${r.id}`}>{r.name}</h3>
      {r.description ? <Paragraphs text={r.description} /> : null}
      <dl className="details">
        <dt>{w('resource.format')}</dt>
        <dd>{r.format}</dd>
        {r.byteSize !== null ? (
          <>
            <dt>{w('resource.size')}</dt>
            <dd>{sizeText(ctx, r.byteSize)}</dd>
          </>
        ) : null}
        <dt>{w('resource.modified')}</dt>
        <dd>{when(ctx, r.modified)}</dd>
        {r.kind === 'upload' && current ? (
          <>
            <dt>{w('resource.version')}</dt>
            <dd>{current.version}</dd>
          </>
        ) : null}
      </dl>
      {!open ? (
        <p className="notice">{w('resource.notPublic')}</p>
      ) : r.kind === 'link' ? (
        <p>
          <a href={r.url} rel="external noopener noreferrer">
            {w('resource.openLink', { format: r.format })}
          </a>
        </p>
      ) : (
        <p>
          <a className="cta" href={r.url}>
            {w('resource.download', { format: r.format })}
            {r.byteSize !== null ? ` (${sizeText(ctx, r.byteSize)})` : ''}
          </a>
        </p>
      )}
      {preview ? (
        <>
          <ChartFigure ctx={ctx} preview={preview} />
          <RowsPreview ctx={ctx} preview={preview} path={props.path} errors={props.errors} />
        </>
      ) : r.datastoreActive ? (
        <p>
          <a href={`${props.path}?resource=${encodeURIComponent(r.id)}#preview-${r.id}`}>
            {w('preview.show')}
          </a>
        </p>
      ) : null}
      <Dictionary ctx={ctx} resource={r} />
      {r.kind === 'upload' && r.versions.length > 0 ? <Versions ctx={ctx} resource={r} open={open} /> : null}
    </article>
  );
}

function Versions({
  ctx,
  resource: r,
  open,
}: {
  ctx: PortalContext;
  resource: CatalogResource;
  open: boolean;
}) {
  const w = words(ctx);
  return (
    <details className="more">
      <summary>{w('versions.heading', { count: r.versions.length })}</summary>
      <ScrollBox labelledBy={`versions-caption-${r.id}`}>
        <table className="table">
          <caption id={`versions-caption-${r.id}`}>{w('versions.caption', { name: r.name })}</caption>
          <thead>
            <tr>
              <th scope="col">{w('versions.version')}</th>
              <th scope="col">{w('versions.date')}</th>
              <th scope="col" className="num">
                {w('versions.size')}
              </th>
              <th scope="col">{w('versions.checksum')}</th>
              {open ? <th scope="col">{w('versions.file')}</th> : null}
            </tr>
          </thead>
          <tbody>
            {r.versions.map((v) => (
              <tr key={v.version}>
                <th scope="row">{v.version}</th>
                <td>{when(ctx, v.created)}</td>
                <td className="num">{v.byteSize !== null ? sizeText(ctx, v.byteSize) : '–'}</td>
                <td>{v.checksum ? <code className="hash">{v.checksum}</code> : '–'}</td>
                {open ? (
                  <td>
                    <a href={v.downloadUrl}>{w('versions.download', { version: v.version })}</a>
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollBox>
    </details>
  );
}
