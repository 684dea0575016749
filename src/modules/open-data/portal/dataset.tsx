/**
 * A dataset's page (`/open-data/dataset/<name>`): its description, resources (downloads, every
 * version, for a datastore resource a chart, a preview and the data dictionary), its metadata and
 * Satu Data Indonesia's, and its machine-readable forms (CKAN, DCAT). Only what the catalogue
 * reader gives: a published dataset of this region, its rows only when it is open. Unknown here
 * (another region's, a draft, unpublished) is a 404; preview parameters in error are a 400 that
 * still shows the dataset, with what to fix beside the preview.
 */
import type { FastifyInstance } from 'fastify';
import { type Platform, portalLink } from '../../../platform/sdk/index.ts';
import {
  ErrorSummary,
  type PortalContext,
  portalContext,
  sendPage,
  when,
} from '../../../platform/sdk/portal.ts';
import type { CatalogReader } from '../catalog/reader.ts';
import type { CatalogDataset, CatalogResource } from '../catalog/view.ts';
import { CHART_GROUPS, chartPlan, sumsChartSvg } from './chart.ts';
import { Metadata, SdiMetadata } from './metadata.tsx';
import type { Preview } from './preview.tsx';
import { type PreviewErrors, type PreviewQuery, ROWS_PER_PAGE, readPreviewQuery } from './preview-query.ts';
import { ResourceCard } from './resources.tsx';
import { excerpt, NAME_IN_PATH, notFoundPage, Paragraphs, paths, portalReader, words } from './shared.tsx';

/** Datastore resources previewed on the page at once; the others on request (`?resource=`). */
const MAX_PREVIEWS = 5;

type Route = { Params: { name: string }; Querystring: Record<string, unknown> };

export function registerDatasetPage(app: FastifyInstance, platform: Platform) {
  const readerFor = portalReader(platform);
  app.get<Route>('/open-data/dataset/:name', { config: { auth: 'optional' } }, async (request, reply) => {
    const ctx = portalContext(platform, request);
    const { name } = request.params;
    const loaded = NAME_IN_PATH.test(name)
      ? await readerFor(request, async (reader) => {
          const dataset = await reader.dataset(name);
          if (!dataset) return null;
          const { query, errors } = readPreviewQuery(request.query ?? {}, dataset.resources);
          const previews = await readPreviews(reader, dataset, query, errors);
          return { dataset, previews, errors, target: query.resourceId };
        })
      : null;
    if (!loaded) return sendPage(reply, ctx, notFoundPage(ctx, 'dataset'));
    const { dataset, errors } = loaded;
    // The pictures are drawn after the transaction: a chart is work for the processor only.
    const previews: Preview[] = loaded.previews.map((p) => ({
      ...p,
      svg:
        p.plan && p.sums && p.sums.groups.length > 0
          ? {
              narrow: sumsChartSvg(p.sums, {
                kind: p.plan.kind,
                lang: ctx.lang,
                size: 'narrow',
                empty: words(ctx)('chart.empty'),
              }),
              wide: sumsChartSvg(p.sums, {
                kind: p.plan.kind,
                lang: ctx.lang,
                size: 'wide',
                empty: words(ctx)('chart.empty'),
              }),
            }
          : null,
    }));
    const invalid = Object.keys(errors).length > 0;
    return sendPage(reply, ctx, {
      title: dataset.title,
      status: invalid ? 400 : 200,
      head: datasetHead(ctx, platform, dataset),
      body: (
        <DatasetPage ctx={ctx} dataset={dataset} previews={previews} errors={errors} target={loaded.target} />
      ),
    });
  });
}

/**
 * The rows and sums of the datastore resources shown: the first few, and the one the parameters
 * name. A page past the last is an error, and the first page is read instead.
 */
async function readPreviews(
  reader: CatalogReader,
  dataset: CatalogDataset,
  query: PreviewQuery,
  errors: PreviewErrors,
): Promise<Omit<Preview, 'svg'>[]> {
  const previewable = dataset.resources.filter((r) => r.datastoreActive);
  const shown = previewable.filter((r, i) => i < MAX_PREVIEWS || r.id === query.resourceId);
  const out: Omit<Preview, 'svg'>[] = [];
  for (const resource of shown) {
    const mine = resource.id === query.resourceId;
    let page = mine ? query.page : 1;
    const sort = mine ? query.sort : undefined;
    const read = (p: number) =>
      reader.datastore(resource.id, {
        ...(sort ? { sort: [sort] } : {}),
        limit: ROWS_PER_PAGE,
        offset: (p - 1) * ROWS_PER_PAGE,
      });
    let rows = await read(page);
    if (rows && page > 1 && rows.records.length === 0) {
      errors.page = {
        key: 'rowsBeyond',
        params: { page, pages: Math.max(1, Math.ceil(rows.total / ROWS_PER_PAGE)) },
      };
      page = 1;
      rows = await read(page);
    }
    const plan = chartPlan(resource.columns);
    // A table of several periods is drawn at its latest one: the last group of the period's series.
    const latest = plan?.period
      ? ((
          await reader.datastoreSums(resource.id, {
            groupBy: plan.period.name,
            measure: plan.measure.name,
            limit: 1,
          })
        )?.groups[0]?.key ?? null)
      : null;
    const sums = plan
      ? await reader.datastoreSums(resource.id, {
          groupBy: plan.groupBy.name,
          measure: plan.measure.name,
          limit: CHART_GROUPS,
          ...(plan.period && latest !== null ? { within: { column: plan.period.name, value: latest } } : {}),
        })
      : null;
    out.push({ resource, rows, page, sort, plan, sums, latest });
  }
  return out;
}

/** What the page says of itself: its summary, its one address, its machine-readable twins, schema.org's Dataset. */
function datasetHead(ctx: PortalContext, platform: Platform, d: CatalogDataset) {
  const w = words(ctx);
  const open = d.sdi.classification === 'open';
  const absolute = (path: string) => portalLink(platform.config, ctx.tenant, path);
  return {
    description: excerpt(d.description, 160),
    canonical: absolute(`/open-data/dataset/${encodeURIComponent(d.name)}`),
    alternates: [
      { type: 'text/turtle', title: w('machine.turtle'), href: machine(ctx, d).turtle },
      { type: 'application/ld+json', title: w('machine.jsonld'), href: machine(ctx, d).jsonld },
    ],
    // Read by dataset search engines (Google's among them): schema.org's Dataset.
    jsonLd: [
      {
        '@context': 'https://schema.org',
        '@type': 'Dataset',
        name: d.title,
        description: d.description,
        url: absolute(`/open-data/dataset/${encodeURIComponent(d.name)}`),
        identifier: d.id,
        keywords: d.keywords,
        ...(d.license.url ? { license: d.license.url } : {}),
        isAccessibleForFree: true,
        creator: { '@type': 'Organization', name: d.organization.title },
        publisher: { '@type': 'GovernmentOrganization', name: d.publisher.name },
        dateModified: d.modified,
        datePublished: d.issued,
        ...(d.temporal.start || d.temporal.end
          ? { temporalCoverage: `${d.temporal.start ?? '..'}/${d.temporal.end ?? '..'}` }
          : {}),
        ...(d.spatial ? { spatialCoverage: d.spatial.name } : {}),
        ...(open
          ? {
              distribution: d.resources
                .filter((r) => r.kind === 'upload')
                .map((r) => ({
                  '@type': 'DataDownload',
                  name: r.name,
                  encodingFormat: r.mediaType ?? r.format,
                  contentUrl: absolute(r.url.slice(ctx.base.length)),
                })),
            }
          : {}),
      },
    ],
  };
}

/** The dataset's machine-readable forms: CKAN's package_show, DCAT-AP in Turtle and JSON-LD. */
function machine(ctx: PortalContext, d: CatalogDataset) {
  const name = encodeURIComponent(d.name);
  return {
    ckan: `${ctx.base}/api/3/action/package_show?id=${name}`,
    turtle: `${ctx.base}/dataset/${name}.ttl`,
    jsonld: `${ctx.base}/dataset/${name}.jsonld`,
  };
}

function DatasetPage(props: {
  ctx: PortalContext;
  dataset: CatalogDataset;
  previews: readonly Preview[];
  errors: PreviewErrors;
  target: string | undefined;
}) {
  const { ctx, dataset: d, previews, errors } = props;
  const { t } = ctx;
  const w = words(ctx);
  const open = d.sdi.classification === 'open';
  const path = paths.dataset(ctx, d.name);
  const links = machine(ctx, d);
  const summary: Record<string, string> = {};
  for (const [field, e] of Object.entries(errors)) summary[field] = w(`errors.${e.key}`, e.params);
  const previewOf = (r: CatalogResource) => previews.find((p) => p.resource.id === r.id);
  return (
    <>
      <p>
        <a href={paths.catalogue(ctx)}>{w('allDatasets')}</a>
      </p>
      <h1>{d.title}</h1>
      <p className="meta">
        {w('dataset.by')} <a href={paths.organization(ctx, d.organization.name)}>{d.organization.title}</a> ·{' '}
        {w('updated', { when: when(ctx, d.modified) })}
      </p>
      <ErrorSummary errors={summary} t={t} />
      {!open ? (
        <p className="notice">
          {w('dataset.notOpen', {
            classification: w(`classifications.${d.sdi.classification}`),
            organization: d.organization.title,
          })}
        </p>
      ) : null}
      <Paragraphs text={d.description} />
      <section aria-labelledby="resources">
        <h2 id="resources">{w('dataset.resources')}</h2>
        {errors.resource ? (
          <p className="error" id="resource">
            {summary.resource}
          </p>
        ) : null}
        {d.resources.length === 0 ? <p>{w('noResources')}</p> : null}
        {d.resources.map((r) => (
          <ResourceCard
            key={r.id}
            ctx={ctx}
            resource={r}
            open={open}
            preview={previewOf(r)}
            path={path}
            errors={r.id === props.target ? errors : {}}
          />
        ))}
      </section>
      <Metadata ctx={ctx} dataset={d} />
      <SdiMetadata ctx={ctx} dataset={d} />
      <section aria-labelledby="machine">
        <h2 id="machine">{w('machine.heading')}</h2>
        <p>{w('machine.intro')}</p>
        <ul>
          <li>
            <a href={links.ckan} type="application/json">
              {w('machine.ckan')}
            </a>
          </li>
          <li>
            <a href={links.turtle} type="text/turtle">
              {w('machine.turtle')}
            </a>
          </li>
          <li>
            <a href={links.jsonld} type="application/ld+json">
              {w('machine.jsonld')}
            </a>
          </li>
        </ul>
      </section>
    </>
  );
}
