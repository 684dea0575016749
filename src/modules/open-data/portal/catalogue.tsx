/**
 * The catalogue's search pages: `/open-data` (every published dataset), and the same search
 * within one producer (`/open-data/organization/<name>`) or one theme (`/open-data/group/<name>`).
 * Words and an order in a GET form, facets as links that add or remove a filter, the results a
 * page at a time; all drawn on the server, no script. Bad input is a 400 with the form and what to
 * fix; an unknown organization or theme (another region's included) is a 404.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Platform } from '../../../platform/sdk/index.ts';
import {
  ErrorSummary,
  Field,
  numberText,
  type PortalContext,
  portalContext,
  sendPage,
  when,
} from '../../../platform/sdk/portal.ts';
import type { CatalogReader, DatasetPage } from '../catalog/reader.ts';
import type { ReaderFor } from '../catalog/reader-for.ts';
import type { CatalogDataset } from '../catalog/view.ts';
import {
  type CatalogueQuery,
  catalogueSearch,
  effectiveSort,
  MAX_WORDS,
  PAGE_SIZE,
  PORTAL_FACETS,
  PORTAL_SORTS,
  type PortalFacet,
  type QueryErrors,
  readCatalogueQuery,
} from './catalogue-query.ts';
import { excerpt, NAME_IN_PATH, notFoundPage, Paragraphs, paths, portalReader, words } from './shared.tsx';

/** Values a facet shows at most (the largest counts). */
const FACET_LIMIT = 10;

/** What a search page searches in: the whole catalogue, or one organization's or theme's datasets. */
type Scope =
  | Readonly<{ kind: 'all' }>
  | Readonly<{
      kind: 'organization' | 'group';
      name: string;
      title: string;
      description: string | null;
    }>;

/** The facet a scoped page filters on itself (neither shown nor taken from the query). */
const FIXED: Record<Scope['kind'], PortalFacet | undefined> = {
  all: undefined,
  organization: 'organization',
  group: 'groups',
};

type Query = { Querystring: Record<string, unknown> };

/** Registers the catalogue page, an organization's page and a theme's page. */
export function registerCatalogue(app: FastifyInstance, platform: Platform) {
  const reader = portalReader(platform);
  const optional = { config: { auth: 'optional' as const } };

  app.get<Query>('/open-data', optional, (request, reply) =>
    sendCatalogue(platform, reader, request, reply, 'all', async () => ({ kind: 'all' })),
  );

  app.get<Query & { Params: { name: string } }>(
    '/open-data/organization/:name',
    optional,
    (request, reply) => {
      const { name } = request.params;
      return sendCatalogue(platform, reader, request, reply, 'organization', async (r) => {
        const org = NAME_IN_PATH.test(name) ? await r.organization(name) : null;
        return (
          org && { kind: 'organization', name: org.name, title: org.title, description: org.description }
        );
      });
    },
  );

  app.get<Query & { Params: { name: string } }>('/open-data/group/:name', optional, (request, reply) => {
    const { name } = request.params;
    return sendCatalogue(platform, reader, request, reply, 'group', async (r) => {
      const theme = NAME_IN_PATH.test(name) ? await r.theme(name) : null;
      return theme && { kind: 'group', name: theme.name, title: theme.title, description: theme.description };
    });
  });
}

async function sendCatalogue(
  platform: Platform,
  readerFor: ReaderFor,
  request: FastifyRequest<Query>,
  reply: FastifyReply,
  kind: Scope['kind'],
  scopeOf: (reader: CatalogReader) => Promise<Scope | null>,
) {
  const ctx = portalContext(platform, request);
  const fixed = FIXED[kind];
  const { query, errors } = readCatalogueQuery(request.query ?? {}, fixed);
  const valid = Object.keys(errors).length === 0;
  const found = await readerFor(request, async (reader) => {
    const scope = await scopeOf(reader);
    if (!scope) return null;
    if (!valid) return { scope, result: null };
    const result = await reader.search({
      ...(query.q ? { text: query.q } : {}),
      filters: { ...query.filters, ...(scope.kind !== 'all' && fixed ? { [fixed]: [scope.name] } : {}) },
      sort: effectiveSort(query),
      limit: PAGE_SIZE,
      offset: (query.page - 1) * PAGE_SIZE,
      facets: PORTAL_FACETS.filter((f) => f !== fixed),
      facetLimit: FACET_LIMIT,
    });
    return { scope, result };
  });
  if (!found) return sendPage(reply, ctx, notFoundPage(ctx, kind === 'all' ? 'dataset' : kind));
  let result = found.result;
  const pages = result ? Math.max(1, Math.ceil(result.count / PAGE_SIZE)) : 1;
  if (result && query.page > pages) {
    errors.page = { key: 'pageBeyond', params: { page: query.page, pages } };
    result = null;
  }
  const w = words(ctx);
  const scope = found.scope;
  const title = scope.kind === 'all' ? w('heading', { tenant: ctx.tenant.name }) : scope.title;
  return sendPage(reply, ctx, {
    title,
    status: result ? 200 : 400,
    ...(scope.kind === 'all'
      ? { head: { description: w('intro', { tenant: ctx.tenant.name }) } }
      : scope.description
        ? { head: { description: excerpt(scope.description, 160) } }
        : {}),
    body: (
      <CataloguePage ctx={ctx} scope={scope} query={query} errors={errors} result={result} pages={pages} />
    ),
  });
}

function actionOf(ctx: PortalContext, scope: Scope): string {
  if (scope.kind === 'organization') return paths.organization(ctx, scope.name);
  if (scope.kind === 'group') return paths.group(ctx, scope.name);
  return paths.catalogue(ctx);
}

function CataloguePage(props: {
  ctx: PortalContext;
  scope: Scope;
  query: CatalogueQuery;
  errors: QueryErrors;
  result: DatasetPage | null;
  pages: number;
}) {
  const { ctx, scope, query, result } = props;
  const { t } = ctx;
  const w = words(ctx);
  const action = actionOf(ctx, scope);
  const errors: Record<string, string> = {};
  for (const [field, e] of Object.entries(props.errors)) errors[field] = w(`errors.${e.key}`, e.params);
  const fixed = FIXED[scope.kind];
  const facetFields = PORTAL_FACETS.filter((f) => f !== fixed);
  return (
    <>
      {scope.kind === 'all' ? (
        <>
          <h1>{w('heading', { tenant: ctx.tenant.name })}</h1>
          <p className="lead">{w('intro', { tenant: ctx.tenant.name })}</p>
        </>
      ) : (
        <>
          <p>
            <a href={paths.catalogue(ctx)}>{w('allDatasets')}</a>
          </p>
          <p className="meta">{w(`scope.${scope.kind}`)}</p>
          <h1>{scope.title}</h1>
          {scope.description ? <Paragraphs text={scope.description} /> : null}
        </>
      )}
      <ErrorSummary errors={errors} t={t} />
      <form method="get" action={action} className="card filters">
        <Field id="q" label={w('search')} error={errors.q} note={null} t={t}>
          {(aria) => (
            <input {...aria} type="search" name="q" defaultValue={query.q ?? ''} maxLength={MAX_WORDS} />
          )}
        </Field>
        <Field id="sort" label={w('sort')} error={errors.sort} note={null} t={t}>
          {(aria) => (
            <select {...aria} name="sort" defaultValue={effectiveSort(query)}>
              {PORTAL_SORTS.map((s) => (
                <option key={s} value={s}>
                  {w(`sorts.${s.replace(' ', '_')}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        {facetFields.flatMap((field) =>
          (query.filters[field] ?? []).map((v) => (
            <input key={`${field}:${v}`} type="hidden" name={field} value={v} />
          )),
        )}
        <div className="field">
          <button type="submit" className="cta">
            {w('submit')}
          </button>
        </div>
      </form>
      {errors.page ? (
        <p className="error" id="page">
          {errors.page} <a href={`${action}${catalogueSearch(query)}`}>{w('firstPage')}</a>
        </p>
      ) : null}
      {errors.filters ? (
        <p className="error" id="filters">
          {errors.filters}{' '}
          <a href={`${action}${catalogueSearch(query, { clearFilters: true })}`}>{w('clear')}</a>
        </p>
      ) : null}
      {result ? <Results ctx={ctx} scope={scope} query={query} result={result} pages={props.pages} /> : null}
    </>
  );
}

function Results(props: {
  ctx: PortalContext;
  scope: Scope;
  query: CatalogueQuery;
  result: DatasetPage;
  pages: number;
}) {
  const { ctx, scope, query, result, pages } = props;
  const w = words(ctx);
  const action = actionOf(ctx, scope);
  const fixed = FIXED[scope.kind];
  const facetFields = PORTAL_FACETS.filter((f) => f !== fixed);
  const displayName = (field: PortalFacet, value: string) =>
    result.facets[field]?.find((f) => f.name === value)?.displayName ?? value;
  const active = facetFields.flatMap((field) => (query.filters[field] ?? []).map((v) => [field, v] as const));
  const shownFacets = facetFields.filter((f) => (result.facets[f] ?? []).length > 0);
  return (
    <>
      <p aria-live="polite" id="result-count">
        <strong>
          {query.q
            ? w('foundWords', { count: result.count, q: query.q })
            : w('found', { count: result.count })}
        </strong>
      </p>
      {active.length > 0 ? (
        <>
          <p className="meta" id="active-filters">
            {w('active')}
          </p>
          <ul className="chips" aria-labelledby="active-filters">
            {active.map(([field, value]) => (
              <li key={`${field}:${value}`}>
                <a href={`${action}${catalogueSearch(query, { remove: [field, value] })}`}>
                  {w(`facets.${field}`)}: {displayName(field, value)} <span aria-hidden="true">✕</span>
                  <span className="vh"> ({w('facets.remove')})</span>
                </a>
              </li>
            ))}
            {active.length > 1 ? (
              <li>
                <a href={`${action}${catalogueSearch(query, { clearFilters: true })}`}>{w('clear')}</a>
              </li>
            ) : null}
          </ul>
        </>
      ) : null}
      {shownFacets.length > 0 ? (
        <p className="meta">
          <a href="#facets">{w('toFacets')}</a>
        </p>
      ) : null}
      <div className="columns">
        <section aria-labelledby="results-title">
          <h2 id="results-title" className="vh">
            {w('results')}
          </h2>
          {result.datasets.length === 0 ? (
            <p className="card">
              {result.count === 0 && !query.q && active.length === 0 ? w('empty') : w('none')}
            </p>
          ) : (
            <ul className="list">
              {result.datasets.map((d) => (
                <DatasetItem key={d.id} ctx={ctx} dataset={d} />
              ))}
            </ul>
          )}
          {pages > 1 ? (
            <nav aria-label={w('pager.label')}>
              <ul className="pager">
                {query.page > 1 ? (
                  <li>
                    <a href={`${action}${catalogueSearch(query, { page: query.page - 1 })}`} rel="prev">
                      ‹ {w('pager.previous')}
                    </a>
                  </li>
                ) : null}
                <li>
                  <span>{w('pager.status', { page: query.page, pages })}</span>
                </li>
                {query.page < pages ? (
                  <li>
                    <a href={`${action}${catalogueSearch(query, { page: query.page + 1 })}`} rel="next">
                      {w('pager.next')} ›
                    </a>
                  </li>
                ) : null}
              </ul>
            </nav>
          ) : null}
        </section>
        {shownFacets.length > 0 ? (
          <section id="facets" aria-labelledby="facets-title" className="facets">
            <h2 id="facets-title">{w('facets.title')}</h2>
            {shownFacets.map((field) => (
              <div key={field}>
                <h3 id={`facet-${field}`}>{w(`facets.${field}`)}</h3>
                <ul className="facet" aria-labelledby={`facet-${field}`}>
                  {(result.facets[field] ?? []).map((v) => {
                    const on = (query.filters[field] ?? []).includes(v.name);
                    const change = on
                      ? { remove: [field, v.name] as const }
                      : { add: [field, v.name] as const };
                    return (
                      <li key={v.name}>
                        <a
                          href={`${action}${catalogueSearch(query, change)}`}
                          className={on ? 'on' : undefined}
                          aria-current={on ? 'true' : undefined}
                        >
                          {on ? <span aria-hidden="true">✓ </span> : null}
                          {v.displayName}{' '}
                          <span className="muted">
                            ({numberText(ctx, v.count)}
                            <span className="vh"> {w('facets.datasets', { count: v.count })}</span>)
                          </span>
                          {on ? <span className="vh"> ({w('facets.remove')})</span> : null}
                        </a>
                      </li>
                    );
                  })}
                </ul>
              </div>
            ))}
          </section>
        ) : null}
      </div>
    </>
  );
}

function DatasetItem({ ctx, dataset: d }: { ctx: PortalContext; dataset: CatalogDataset }) {
  const w = words(ctx);
  const formats = [...new Set(d.resources.map((r) => r.format.toUpperCase()).filter(Boolean))];
  return (
    <li>
      <h3 className="item-title">
        <a href={paths.dataset(ctx, d.name)}>{d.title}</a>
      </h3>
      <p className="meta">
        {d.organization.title} · {w('updated', { when: when(ctx, d.modified) })}
      </p>
      {d.description ? <p>{excerpt(d.description)}</p> : null}
      <p className="meta">
        {formats.length > 0 ? w('formats', { formats: formats.join(', ') }) : w('noResources')}
        {d.sdi.classification !== 'open' ? (
          <>
            {' '}
            <span className="status">{w('notOpen')}</span>
          </>
        ) : null}
      </p>
    </li>
  );
}
