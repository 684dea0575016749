/**
 * A datastore resource on the dataset page: its chart (a server-drawn SVG with its story and its
 * figures as a table), a page of its rows (sorted by a column through links, paged through
 * links) and its data dictionary. Everything comes from the catalogue reader, which serves rows
 * of open datasets only.
 */
import { dayText, numberText, type PortalContext, ScrollBox, when } from '../../../platform/sdk/portal.ts';
import type { DatastorePage, DatastoreSums } from '../catalog/reader.ts';
import type { CatalogColumn, CatalogResource } from '../catalog/view.ts';
import { type ChartPlan, groupLabel, isCodeLike } from './chart.ts';
import { type PreviewErrors, type PreviewSort, previewSearch, ROWS_PER_PAGE } from './preview-query.ts';
import { words } from './shared.tsx';

/** What the page read for one datastore resource, and its chart drawn in both sizes. */
export type Preview = Readonly<{
  resource: CatalogResource;
  rows: DatastorePage | null;
  page: number;
  sort: PreviewSort | undefined;
  plan: ChartPlan | null;
  sums: DatastoreSums | null;
  /** The period the bars show (the latest of `plan.period`), or null when the chart has none. */
  latest: string | number | null;
  svg: Readonly<{ narrow: string; wide: string }> | null;
}>;

/** A column's heading: its label, and its unit when it has one. */
function heading(c: CatalogColumn): string {
  return c.unit ? `${c.label} (${c.unit})` : c.label;
}

/** A cell in the visitor's language: numbers grouped (codes and years as written), dates as days. */
function cellText(ctx: PortalContext, column: CatalogColumn, value: string | number | null): string {
  if (value === null || value === '') return '–';
  if (typeof value === 'number') return isCodeLike(column) ? String(value) : numberText(ctx, value, 6);
  if (column.type === 'date' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return dayText(ctx, value);
  if (column.type === 'timestamp' && !Number.isNaN(Date.parse(value))) return when(ctx, value);
  return value;
}

const numeric = (c: CatalogColumn) => c.type === 'int' || c.type === 'numeric';

/**
 * The chart's title: the measure by the group, "total" when groups sum several rows (unless the
 * measure already says so: "Jumlah Penduduk").
 */
export function chartTitle(
  ctx: PortalContext,
  plan: ChartPlan,
  sums: DatastoreSums,
  latest: string | number | null,
): string {
  const w = words(ctx);
  const summed = sums.groups.some((g) => g.rows > 1) && !/^(jumlah|total)\b/i.test(plan.measure.label);
  const title = w(summed ? 'chart.titleSum' : 'chart.title', {
    measure: heading(plan.measure),
    group: plan.groupBy.label,
  });
  if (!plan.period || latest === null) return title;
  const period =
    typeof latest === 'string' && /^\d{4}-\d{2}-\d{2}/.test(latest)
      ? dayText(ctx, latest.slice(0, 10))
      : String(latest);
  return w('chart.titleIn', { title, column: plan.period.label, period });
}

/** The chart's story for a screen reader (its accessible name): its span and its extremes. */
function chartStory(
  ctx: PortalContext,
  plan: ChartPlan,
  sums: DatastoreSums,
  latest: string | number | null,
): string {
  const w = words(ctx);
  const groups = sums.groups;
  const empty = w('chart.empty');
  const keyText = (key: string | number | null) =>
    plan.kind === 'line' && typeof key === 'string' ? dayText(ctx, key.slice(0, 10)) : groupLabel(key, empty);
  const max = groups.reduce((a, g) => (g.sum > a.sum ? g : a), groups[0]!);
  const min = groups.reduce((a, g) => (g.sum < a.sum ? g : a), groups[0]!);
  const title = chartTitle(ctx, plan, sums, latest);
  const extremes = {
    max: numberText(ctx, max.sum, 2),
    maxKey: keyText(max.key),
    min: numberText(ctx, min.sum, 2),
    minKey: keyText(min.key),
  };
  if (plan.kind === 'line') {
    const last = groups.at(-1)!;
    return w('chart.storyLine', {
      title,
      from: keyText(groups[0]!.key),
      to: keyText(last.key),
      last: numberText(ctx, last.sum, 2),
      ...extremes,
    });
  }
  return w('chart.storyBars', { title, count: groups.length, group: plan.groupBy.label, ...extremes });
}

export function ChartFigure({ ctx, preview }: { ctx: PortalContext; preview: Preview }) {
  const { plan, sums, svg, resource, latest } = preview;
  if (!plan || !sums || !svg || sums.groups.length === 0) return null;
  const w = words(ctx);
  const id = resource.id;
  const story = chartStory(ctx, plan, sums, latest);
  const title = chartTitle(ctx, plan, sums, latest);
  const cut = sums.groupCount > sums.groups.length;
  const empty = w('chart.empty');
  return (
    <section aria-labelledby={`chart-title-${id}`}>
      <h4 id={`chart-title-${id}`}>{w('chart.heading')}</h4>
      <figure className="chart">
        <div className="narrow" role="img" aria-label={story}>
          {/* biome-ignore lint/security/noDangerouslySetInnerHtml: SVG drawn by ECharts, which escapes every text (portal/chart.ts) */}
          <div dangerouslySetInnerHTML={{ __html: svg.narrow }} />
        </div>
        <div className="wide" role="img" aria-label={story}>
          {/* biome-ignore lint/security/noDangerouslySetInnerHtml: as above */}
          <div dangerouslySetInnerHTML={{ __html: svg.wide }} />
        </div>
        <figcaption className="meta">
          {title}
          {cut
            ? ` · ${w(plan.kind === 'bars' ? 'chart.cutLargest' : 'chart.cutLatest', {
                shown: sums.groups.length,
                count: sums.groupCount,
              })}`
            : ''}
        </figcaption>
      </figure>
      <details className="more">
        <summary>{w('chart.table', { count: sums.groups.length })}</summary>
        <ScrollBox labelledBy={`chart-caption-${id}`}>
          <table className="table">
            <caption id={`chart-caption-${id}`}>{title}</caption>
            <thead>
              <tr>
                <th scope="col">{plan.groupBy.label}</th>
                <th scope="col" className="num">
                  {heading(plan.measure)}
                </th>
                <th scope="col" className="num">
                  {w('chart.rows')}
                </th>
              </tr>
            </thead>
            <tbody>
              {sums.groups.map((g) => (
                <tr key={String(g.key)}>
                  <th scope="row">
                    {plan.kind === 'line' && typeof g.key === 'string'
                      ? dayText(ctx, g.key.slice(0, 10))
                      : groupLabel(g.key, empty)}
                  </th>
                  <td className="num">{numberText(ctx, g.sum, 2)}</td>
                  <td className="num">{numberText(ctx, g.rows)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollBox>
      </details>
    </section>
  );
}

/** The rows' table, its sort links and its pages; `errors` are the preview parameters', shown beside it. */
export function RowsPreview({
  ctx,
  preview,
  path,
  errors,
}: {
  ctx: PortalContext;
  preview: Preview;
  /** The dataset page's path, which the sort and page links keep. */
  path: string;
  errors: PreviewErrors;
}) {
  const { resource, rows, page, sort } = preview;
  if (!rows) return null;
  const w = words(ctx);
  const id = resource.id;
  const columns = rows.columns.filter((c) => c.name !== '_id');
  const pages = Math.max(1, Math.ceil(rows.total / ROWS_PER_PAGE));
  const from = rows.total === 0 ? 0 : (page - 1) * ROWS_PER_PAGE + 1;
  const to = (page - 1) * ROWS_PER_PAGE + rows.records.length;
  const sortHeader = (column: string, label: string, className?: string) => {
    const current = sort?.column === column ? sort.direction : undefined;
    const next: PreviewSort = { column, direction: current === 'asc' ? 'desc' : 'asc' };
    return (
      <th
        key={column}
        scope="col"
        className={className}
        aria-sort={current === 'asc' ? 'ascending' : current === 'desc' ? 'descending' : undefined}
      >
        <a href={`${path}${previewSearch(id, 1, next)}`}>
          {label}
          {current ? <span aria-hidden="true">{current === 'asc' ? ' ▲' : ' ▼'}</span> : null}
          <span className="vh">
            {' '}
            ({w(next.direction === 'asc' ? 'preview.sortAsc' : 'preview.sortDesc')})
          </span>
        </a>
      </th>
    );
  };
  const errorText = (key: keyof PreviewErrors) => {
    const e = errors[key];
    return e ? (
      <p className="error" id={key}>
        {w(`errors.${e.key}`, e.params)}
      </p>
    ) : null;
  };
  return (
    <section id={`preview-${id}`} aria-labelledby={`preview-title-${id}`}>
      <h4 id={`preview-title-${id}`}>{w('preview.heading')}</h4>
      {errorText('page')}
      {errorText('sort')}
      {errorText('order')}
      {rows.total === 0 ? (
        <p>{w('preview.none')}</p>
      ) : (
        <ScrollBox labelledBy={`preview-caption-${id}`}>
          <table className="table">
            <caption id={`preview-caption-${id}`}>
              {w('preview.caption', { name: resource.name, from, to, total: rows.total })}
            </caption>
            <thead>
              <tr>
                {sortHeader('_id', w('preview.rowNumber'), 'num')}
                {columns.map((c) => sortHeader(c.name, heading(c), numeric(c) ? 'num' : undefined))}
              </tr>
            </thead>
            <tbody>
              {rows.records.map((record) => (
                <tr key={String(record._id)}>
                  <th scope="row" className="num">
                    {String(record._id)}
                  </th>
                  {columns.map((c) => (
                    <td key={c.name} className={numeric(c) ? 'num' : undefined}>
                      {cellText(ctx, c, record[c.name] ?? null)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollBox>
      )}
      {pages > 1 ? (
        <nav aria-label={w('preview.pager', { name: resource.name })}>
          <ul className="pager">
            {page > 1 ? (
              <li>
                <a href={`${path}${previewSearch(id, page - 1, sort)}`} rel="prev">
                  ‹ {w('pager.previous')}
                </a>
              </li>
            ) : null}
            <li>
              <span>{w('pager.status', { page, pages })}</span>
            </li>
            {page < pages ? (
              <li>
                <a href={`${path}${previewSearch(id, page + 1, sort)}`} rel="next">
                  {w('pager.next')} ›
                </a>
              </li>
            ) : null}
          </ul>
        </nav>
      ) : null}
    </section>
  );
}

/** A resource's data dictionary: each column's name, label, type, unit and definition (a limited dataset's too). */
export function Dictionary({ ctx, resource }: { ctx: PortalContext; resource: CatalogResource }) {
  if (resource.columns.length === 0) return null;
  const w = words(ctx);
  const id = resource.id;
  return (
    <details className="more">
      <summary>{w('dictionary.heading', { count: resource.columns.length })}</summary>
      <ScrollBox labelledBy={`dictionary-caption-${id}`}>
        <table className="table">
          <caption id={`dictionary-caption-${id}`}>
            {w('dictionary.caption', { name: resource.name })}
          </caption>
          <thead>
            <tr>
              <th scope="col">{w('dictionary.column')}</th>
              <th scope="col">{w('dictionary.label')}</th>
              <th scope="col">{w('dictionary.type')}</th>
              <th scope="col">{w('dictionary.unit')}</th>
              <th scope="col">{w('dictionary.description')}</th>
            </tr>
          </thead>
          <tbody>
            {resource.columns.map((c) => (
              <tr key={c.name}>
                <th scope="row">
                  <code>{c.name}</code>
                </th>
                <td>{c.label}</td>
                <td>{w(`dictionary.types.${c.type}`)}</td>
                <td>{c.unit ?? '–'}</td>
                <td>{c.description ?? '–'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollBox>
    </details>
  );
}
