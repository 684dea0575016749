/**
 * The reports app's citizen pages: report a problem (a form that works without JavaScript, photos
 * included), the receipt with the tracking number, track a report, a report's public page with its
 * history and photos, the public list with filters and search, and the signed-in citizen's own
 * reports (`/laporan-saya`). They call the same service as
 * the API; only the shape of the answer differs.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { TenantScope } from '../../platform/db/tenant-scope.ts';
import { AppError } from '../../platform/errors.ts';
import { actorOf } from '../../platform/http/auth-hooks.ts';
import { sameSecret } from '../../platform/people/auth.ts';
import type { Platform } from '../../platform/platform.ts';
import type { Area } from '../../platform/tenancy/area.ts';
import {
  ErrorSummary,
  Field,
  fieldErrors,
  href,
  type PageContent,
  type PortalContext,
  portalContext,
  queryText,
  sendPage,
  when,
} from '../../web/portal/kit.tsx';
import { portalEntry } from '../../web/serve.ts';
import { formToReport } from './form-fields.ts';
import { actionsFrom, REPORT_TYPES, STATUSES, type Status } from './lifecycle.ts';
import { MAX_PHOTOS, readForm, withPhotos } from './photos.ts';
import type { FiltersInput } from './schemas.ts';
import { addInformation } from './services/additions.ts';
import { loadConfig } from './services/config.ts';
import { getReport } from './services/detail.ts';
import { fileReport } from './services/intake.ts';
import { listReports, queryPublicReports } from './services/lists.ts';
import { transition } from './services/transitions.ts';

type FormValues = Record<string, string>;

/** The tenant's active categories in the visitor's language (from the app's cached configuration). */
async function categoryOptions(platform: Platform, scope: TenantScope, ctx: PortalContext) {
  const { categories } = await loadConfig(platform, scope);
  return [...categories.values()]
    .filter((c) => c.active)
    .map((c) => ({ code: c.code, name: c.name[ctx.lang] }));
}

/** The words of the form's enhancements (map, location, photo previews, draft), in the page's language. */
const CLIENT_TEXTS = [
  'mapLabel',
  'pinTitle',
  'pinSet',
  'useLocation',
  'locating',
  'locationFailed',
  'zoomIn',
  'zoomOut',
  'photosChosen',
  'photoAlt',
  'removePhoto',
  'draftSaved',
  'draftRestored',
  'draftDiscard',
  'draftQueued',
  'sending',
] as const;

/** The most positions of a tenant's area that the report form's page carries (about 50 KB). */
const MAP_AREA_POSITIONS = 2_000;

/** The positions of an area, over all its rings. */
function positionCount(area: Area): number {
  const polygons = area.type === 'Polygon' ? [area.coordinates] : area.coordinates;
  return polygons.reduce((n, rings) => n + rings.reduce((m, ring) => m + ring.length, 0), 0);
}

/**
 * What the report form's page adds for its script (`client/report-form.ts`): the script, its
 * style sheet, the tiles, the tenant's area and the texts. The form works without any of it.
 */
function formEnhancement(ctx: PortalContext): Pick<PageContent, 'scripts' | 'styles' | 'data'> {
  const entry = portalEntry('report-form');
  if (!entry) return {};
  // Raw texts: their placeholders (`{{n}}`) are filled by the script.
  const { map } = ctx.platform.config;
  return {
    scripts: [entry.script],
    styles: entry.styles,
    data: {
      reportForm: {
        tileUrl: map.tileUrl ?? null,
        attribution: map.attribution,
        // The area's outline only when small: a tenant's area may hold up to 20,000 positions
        // (about 0.5 MB of JSON), too much for every visit on a phone. Above MAP_AREA_POSITIONS the
        // map gets the bounding box only, to fit its view.
        area:
          ctx.tenant.area && positionCount(ctx.tenant.area) <= MAP_AREA_POSITIONS ? ctx.tenant.area : null,
        bbox: ctx.tenant.areaBBox,
        // Drafts are kept per tenant and person (`client/lib/draft.ts`, `draftKey`).
        tenant: ctx.tenant.id,
        userId: ctx.user?.id ?? null,
        maxPhotos: MAX_PHOTOS,
        texts: Object.fromEntries(
          CLIENT_TEXTS.map((k) => [k, ctx.t(`reports.portal.client.${k}`, { skipInterpolation: true })]),
        ),
      },
    },
  };
}

/**
 * What the list page adds for its map (`client/reports-map.ts`): the GeoJSON of the same filters
 * (up to 100 reports with a point), the tiles, the area's box and the texts. The list is the page.
 */
function listMap(
  ctx: PortalContext,
  filters: FiltersInput,
): Pick<PageContent, 'scripts' | 'styles' | 'data'> {
  const entry = portalEntry('reports-map');
  if (!entry) return {};
  const query = new URLSearchParams({ limit: '100', lang: ctx.lang });
  if (filters.q) query.set('q', filters.q);
  if (filters.category) query.set('category', filters.category);
  for (const s of filters.status ?? []) query.append('status', s);
  const { map } = ctx.platform.config;
  const text = (k: string) => ctx.t(`reports.portal.map.${k}`, { skipInterpolation: true });
  return {
    scripts: [entry.script],
    styles: entry.styles,
    data: {
      reportsMap: {
        geojson: `${ctx.base}/api/v1/reports/geojson?${query}`,
        tileUrl: map.tileUrl ?? null,
        attribution: map.attribution,
        bbox: ctx.tenant.areaBBox,
        texts: {
          mapLabel: text('label'),
          count: text('count'),
          none: text('none'),
          open: text('open'),
          zoomIn: ctx.t('reports.portal.client.zoomIn'),
          zoomOut: ctx.t('reports.portal.client.zoomOut'),
        },
      },
    },
  };
}

function ReportForm(props: {
  ctx: PortalContext;
  categories: { code: string; name: string }[];
  values: FormValues;
  errors: Record<string, string>;
  /** The copy the service worker keeps for offline use (fetched without cookies). */
  shell?: boolean;
}) {
  const { ctx, values, errors } = props;
  const { t } = ctx;
  return (
    <form
      method="post"
      action={`${ctx.base}/lapor`}
      encType="multipart/form-data"
      className="card"
      noValidate
      data-report-form=""
      data-shell={props.shell ? '1' : undefined}
    >
      <input type="hidden" name="_csrf" value={ctx.csrf ?? ''} />
      <input type="hidden" name="_key" value={values._key ?? randomUUID()} />
      <fieldset>
        <legend>{t('reports.portal.typeLegend')}</legend>
        {REPORT_TYPES.map((type) => (
          <div key={type}>
            <input
              type="radio"
              id={`type-${type}`}
              name="type"
              value={type}
              defaultChecked={(values.type ?? 'complaint') === type}
            />{' '}
            <label htmlFor={`type-${type}`}>{t(`reports.portal.type.${type}`)}</label>
          </div>
        ))}
      </fieldset>
      <Field id="category" label={t('reports.portal.category')} error={errors.category} required t={t}>
        {(aria) => (
          <select name="category" defaultValue={values.category ?? ''} {...aria}>
            <option value="">{t('reports.portal.choose')}</option>
            {props.categories.map((c) => (
              <option key={c.code} value={c.code}>
                {c.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field
        id="description"
        label={t('reports.portal.description')}
        hint={t('reports.portal.descriptionHint')}
        error={errors.description}
        required
        t={t}
      >
        {(aria) => <textarea name="description" defaultValue={values.description ?? ''} {...aria} />}
      </Field>
      <Field
        id="address"
        label={t('reports.portal.address')}
        hint={t('reports.portal.addressHint')}
        error={errors.address}
        t={t}
      >
        {(aria) => (
          <input
            type="text"
            name="address"
            autoComplete="street-address"
            defaultValue={values.address ?? ''}
            {...aria}
          />
        )}
      </Field>
      <Field id="kelurahan" label={t('reports.portal.kelurahan')} error={errors.kelurahan} t={t}>
        {(aria) => <input type="text" name="kelurahan" defaultValue={values.kelurahan ?? ''} {...aria} />}
      </Field>
      <fieldset>
        <legend>{t('reports.portal.pinLegend')}</legend>
        <p className="hint" id="pin-hint">
          {t('reports.portal.pinHint')}
        </p>
        <div className="pin-row">
          <Field id="lat" label={t('reports.portal.lat')} error={errors.lat} t={t}>
            {(aria) => (
              <input type="text" name="lat" inputMode="decimal" defaultValue={values.lat ?? ''} {...aria} />
            )}
          </Field>
          <Field id="lng" label={t('reports.portal.lng')} error={errors.lng} t={t}>
            {(aria) => (
              <input type="text" name="lng" inputMode="decimal" defaultValue={values.lng ?? ''} {...aria} />
            )}
          </Field>
        </div>
      </fieldset>
      <Field
        id="photo"
        label={t('reports.portal.photos')}
        hint={t('reports.portal.photosHint')}
        error={errors.photo}
        t={t}
      >
        {(aria) => (
          <input type="file" name="photo" accept="image/jpeg,image/png,image/webp" multiple {...aria} />
        )}
      </Field>
      {ctx.user ? null : (
        <fieldset>
          <legend>{t('reports.portal.contactLegend')}</legend>
          <p className="hint">{t('reports.portal.contactHint')}</p>
          <Field id="name" label={t('reports.portal.name')} error={errors.name} t={t}>
            {(aria) => (
              <input type="text" name="name" autoComplete="name" defaultValue={values.name ?? ''} {...aria} />
            )}
          </Field>
          <Field id="email" label={t('reports.portal.email')} error={errors.email} t={t}>
            {(aria) => (
              <input
                type="email"
                name="email"
                autoComplete="email"
                defaultValue={values.email ?? ''}
                {...aria}
              />
            )}
          </Field>
          <Field id="phone" label={t('reports.portal.phone')} error={errors.phone} t={t}>
            {(aria) => (
              <input type="tel" name="phone" autoComplete="tel" defaultValue={values.phone ?? ''} {...aria} />
            )}
          </Field>
        </fieldset>
      )}
      <button type="submit" className="cta">
        {t('reports.portal.send')}
      </button>
    </form>
  );
}

function StatusBadge({ ctx, status, overdue }: { ctx: PortalContext; status: string; overdue?: boolean }) {
  return (
    <span className={overdue ? 'status overdue' : 'status'}>
      {ctx.t(`reports.status.${status}`)}
      {overdue ? ` · ${ctx.t('reports.portal.overdue')}` : ''}
    </span>
  );
}

function PhotoList({ ctx, photos }: { ctx: PortalContext; photos: readonly PhotoView[] }) {
  if (photos.length === 0) return null;
  const { t } = ctx;
  return (
    <ul className="photos">
      {photos.map((p) => (
        <li key={p.id}>
          <img
            src={p.url}
            alt={t('reports.portal.photoAlt', {
              kind: t(`reports.portal.photoKind.${p.kind}`, { defaultValue: p.kind }),
            })}
            loading="lazy"
          />
        </li>
      ))}
    </ul>
  );
}

/** The portal pages of the reports app. */
export function reportPortal(app: FastifyInstance, platform: Platform) {
  app.get<{ Querystring: { luring?: string } }>(
    '/lapor',
    { config: { auth: 'optional' } },
    async (request, reply) => {
      const ctx = portalContext(platform, request);
      const categories = await platform.inTenant(ctx.tenant.id, actorOf(request), (scope) =>
        categoryOptions(platform, scope, ctx),
      );
      return sendPage(reply, ctx, {
        title: ctx.t('reports.portal.reportTitle'),
        ...formEnhancement(ctx),
        body: (
          <>
            <h1>{ctx.t('reports.portal.reportTitle')}</h1>
            <p className="lead">{ctx.t('reports.portal.reportIntro')}</p>
            <ReportForm
              ctx={ctx}
              categories={categories}
              values={{}}
              errors={{}}
              shell={request.query.luring === '1'}
            />
          </>
        ),
      });
    },
  );

  // Multipart: the session's CSRF token is checked here, once the form's fields are read.
  app.post(
    '/lapor',
    { config: { auth: 'optional', csrfInHandler: true, rateLimit: { max: 60, timeWindow: '1 minute' } } },
    async (request, reply) => {
      const ctx = portalContext(platform, request);
      if (!request.isMultipart()) throw new AppError('unsupported_media_type');
      const form = await readForm(request);
      if (request.principal?.via === 'session' && !sameSecret(form.fields._csrf ?? '', ctx.csrf ?? '')) {
        throw new AppError('csrf');
      }
      const values: FormValues = { ...form.fields };
      const key = /^[0-9a-f-]{36}$/.test(values._key ?? '') ? values._key : undefined;
      try {
        const { _key, ...fields } = form.fields;
        const input = formToReport(fields);
        const filed = await withPhotos(platform, ctx.tenant.id, form.files, (photos) =>
          platform.inTenant(ctx.tenant.id, actorOf(request), (scope) =>
            fileReport(platform, scope, ctx.tenant, input, {
              channel: 'web',
              reporterUserId: request.principal?.user.id ?? null,
              idempotencyKey: key,
              photos,
            }),
          ),
        );
        const { t } = ctx;
        return sendPage(reply, ctx, {
          title: t('reports.portal.sentTitle'),
          status: 201,
          body: (
            <>
              <h1>{t('reports.portal.sentTitle')}</h1>
              <p>{t('reports.portal.sentIntro')}</p>
              <p className="big" id="tracking-no">
                {filed.trackingNo}
              </p>
              {filed.secret ? (
                <div className="notice">
                  <p>{t('reports.portal.secretIntro')}</p>
                  <p className="secret">{filed.secret}</p>
                </div>
              ) : null}
              <p>
                <a className="cta" href={`${ctx.base}/laporan/${filed.trackingNo}`}>
                  {t('reports.portal.follow')}
                </a>
              </p>
            </>
          ),
        });
      } catch (error) {
        if (!(error instanceof AppError) || error.code !== 'validation') throw error;
        const errors = fieldErrors(error, ctx.t);
        const categories = await platform.inTenant(ctx.tenant.id, actorOf(request), (scope) =>
          categoryOptions(platform, scope, ctx),
        );
        return sendPage(reply, ctx, {
          title: ctx.t('reports.portal.reportTitle'),
          status: 400,
          ...formEnhancement(ctx),
          body: (
            <>
              <h1>{ctx.t('reports.portal.reportTitle')}</h1>
              <ErrorSummary errors={errors} t={ctx.t} />
              {form.files.length ? (
                <p className="notice" id="photos-again">
                  {ctx.t('reports.portal.photosAgain')}
                </p>
              ) : null}
              <ReportForm ctx={ctx} categories={categories} values={values} errors={errors} />
            </>
          ),
        });
      }
    },
  );

  app.get<{ Querystring: { no?: string } }>(
    '/lacak',
    { config: { auth: 'optional' } },
    async (request, reply) => {
      const ctx = portalContext(platform, request);
      const { t } = ctx;
      const no = (request.query.no ?? '').trim().toUpperCase();
      let error: string | undefined;
      if (no) {
        if (TRACKING_NO.test(no)) {
          const found = await platform.inTenant(ctx.tenant.id, actorOf(request), (scope) =>
            queryPublicReports(
              platform,
              scope,
              ctx.tenant,
              { trackingNos: [no], limit: 1, offset: 0 },
              ctx.lang,
            ),
          );
          if (found.length) return reply.redirect(`${ctx.base}/laporan/${no}`, 303);
          error = t('reports.portal.trackNotFound');
        } else {
          error = t('reports.portal.trackFormat');
        }
      }
      return sendPage(reply, ctx, {
        title: t('reports.portal.trackTitle'),
        status: error ? 404 : 200,
        body: (
          <>
            <h1>{t('reports.portal.trackTitle')}</h1>
            <ErrorSummary errors={error ? { no: error } : {}} t={t} />
            <form method="get" action={`${ctx.base}/lacak`} className="card">
              <Field
                id="no"
                label={t('reports.portal.trackingNo')}
                hint={t('reports.portal.trackHint')}
                error={error}
                required
                t={t}
              >
                {(aria) => (
                  <input
                    type="text"
                    name="no"
                    defaultValue={no}
                    inputMode="text"
                    autoComplete="off"
                    {...aria}
                  />
                )}
              </Field>
              <button type="submit" className="cta">
                {t('reports.portal.trackButton')}
              </button>
            </form>
          </>
        ),
      });
    },
  );

  app.get<{ Querystring: Record<string, string | undefined> }>(
    '/laporan',
    { config: { auth: 'optional' } },
    async (request, reply) => {
      const ctx = portalContext(platform, request);
      const { t } = ctx;
      const query = request.query;
      const q = queryText(query.q);
      const status = STATUSES.find((s) => s === query.status);
      const filters = {
        limit: 20,
        offset: Math.max(0, Math.min(10_000, Number.parseInt(query.offset ?? '0', 10) || 0)),
        ...(q ? { q: q.slice(0, 200) } : {}),
        ...(query.category && /^[a-z0-9-]{1,40}$/.test(query.category) ? { category: query.category } : {}),
        ...(status ? { status: [status] } : {}),
      } as FiltersInput;
      const { page, categories } = await platform.inTenant(
        ctx.tenant.id,
        actorOf(request),
        async (scope) => ({
          page: await listReports(platform, scope, ctx.tenant, filters, ctx.lang),
          categories: await categoryOptions(platform, scope, ctx),
        }),
      );
      const next = filters.offset + 20 < page.total ? filters.offset + 20 : null;
      return sendPage(reply, ctx, {
        title: t('reports.portal.listTitle'),
        ...listMap(ctx, filters),
        body: (
          <>
            <h1>{t('reports.portal.listTitle')}</h1>
            <form method="get" action={`${ctx.base}/laporan`} className="card filters">
              <div className="field">
                <label htmlFor="q">{t('reports.portal.search')}</label>
                <input type="search" id="q" name="q" defaultValue={q ?? ''} />
              </div>
              <div className="field">
                <label htmlFor="f-category">{t('reports.portal.category')}</label>
                <select id="f-category" name="category" defaultValue={filters.category ?? ''}>
                  <option value="">{t('reports.portal.all')}</option>
                  {categories.map((c) => (
                    <option key={c.code} value={c.code}>
                      {c.name}
                    </option>
                  ))}
                </select>
              </div>
              <div className="field">
                <label htmlFor="f-status">{t('reports.portal.statusLabel')}</label>
                <select id="f-status" name="status" defaultValue={status ?? ''}>
                  <option value="">{t('reports.portal.all')}</option>
                  {STATUSES.map((s) => (
                    <option key={s} value={s}>
                      {t(`reports.status.${s}`)}
                    </option>
                  ))}
                </select>
              </div>
              <div className="field">
                <button type="submit" className="cta">
                  {t('reports.portal.filter')}
                </button>
              </div>
            </form>
            <p aria-live="polite" data-reports-list="">
              {t('reports.portal.found', { count: page.total })}
            </p>
            <ul className="list">
              {page.items.map((r) => (
                <li key={r.id}>
                  <a href={`${ctx.base}/laporan/${r.trackingNo}`}>
                    <strong>{r.category.name}</strong> · {r.trackingNo}
                  </a>{' '}
                  <StatusBadge ctx={ctx} status={r.status} overdue={r.overdue} />
                  <p>{r.description.length > 200 ? `${r.description.slice(0, 200)}…` : r.description}</p>
                  <p className="meta">
                    {when(ctx, r.createdAt)}
                    {r.kelurahan ? ` · ${r.kelurahan}` : ''}
                    {r.agency ? ` · ${r.agency.name}` : ''}
                  </p>
                </li>
              ))}
            </ul>
            {next !== null ? (
              <p>
                <a
                  href={href(ctx, '/laporan', {
                    q,
                    category: filters.category,
                    status,
                    offset: String(next),
                  })}
                >
                  {t('reports.portal.more')}
                </a>
              </p>
            ) : null}
          </>
        ),
      });
    },
  );

  app.get<{ Querystring: { offset?: string } }>(
    '/laporan-saya',
    { config: { auth: 'optional' } },
    async (request, reply) => {
      const ctx = portalContext(platform, request);
      const { t } = ctx;
      if (!ctx.user) return reply.redirect(href(ctx, '/masuk', { next: ctx.url }), 303);
      const userId = ctx.user.id;
      const offset = Math.max(0, Math.min(10_000, Number.parseInt(request.query.offset ?? '0', 10) || 0));
      const page = await platform.inTenant(ctx.tenant.id, actorOf(request), (scope) =>
        listReports(platform, scope, ctx.tenant, { limit: 50, offset } as FiltersInput, ctx.lang, {
          includePrivate: true,
          reporterUserId: userId,
        }),
      );
      const next = offset + 50 < page.total ? offset + 50 : null;
      return sendPage(reply, ctx, {
        title: t('reports.portal.mineTitle'),
        body: (
          <>
            <h1>{t('reports.portal.mineTitle')}</h1>
            <p className="lead">{t('reports.portal.mineIntro')}</p>
            {page.total === 0 ? (
              <>
                <p className="card">{t('reports.portal.mineEmpty')}</p>
                <p>
                  <a className="cta" href={`${ctx.base}/lapor`}>
                    {t('reports.portal.reportCta')}
                  </a>
                </p>
              </>
            ) : (
              <>
                <p>{t('reports.portal.mineCount', { count: page.total })}</p>
                {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard */}
                <section className="table-wrap" aria-labelledby="mine-caption" tabIndex={0}>
                  <table className="table">
                    <caption id="mine-caption">{t('reports.portal.mineCaption')}</caption>
                    <thead>
                      <tr>
                        <th scope="col">{t('reports.portal.colNo')}</th>
                        <th scope="col">{t('reports.portal.category')}</th>
                        <th scope="col">{t('reports.portal.statusLabel')}</th>
                        <th scope="col">{t('reports.portal.colDate')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {page.items.map((r) => (
                        <tr key={r.id}>
                          <th scope="row">
                            <a href={`${ctx.base}/laporan/${r.trackingNo}`}>{r.trackingNo}</a>
                          </th>
                          <td>{r.category.name}</td>
                          <td>
                            <StatusBadge ctx={ctx} status={r.status} overdue={r.overdue} />
                          </td>
                          <td>{when(ctx, r.createdAt)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </section>
                {next !== null ? (
                  <p>
                    <a href={href(ctx, '/laporan-saya', { offset: String(next) })}>
                      {t('reports.portal.more')}
                    </a>
                  </p>
                ) : null}
              </>
            )}
          </>
        ),
      });
    },
  );

  app.get<{ Params: { no: string }; Querystring: { ok?: string } }>(
    '/laporan/:no',
    { config: { auth: 'optional' } },
    async (request, reply) => {
      const ctx = portalContext(platform, request);
      const no = trackingNoOf(request.params.no);
      const r = await loadReport(platform, ctx, actorOf(request), request.principal?.user.id ?? null, no);
      const ok = RESPONSES.find((a) => a === request.query.ok);
      return sendPage(
        reply,
        ctx,
        reportPage(ctx, r, { notice: ok ? ctx.t(`reports.portal.respond.done.${ok}`) : undefined }),
      );
    },
  );

  // The answer's address after a refused answer (a language switch, signing in): the report page.
  app.get<{ Params: { no: string }; Querystring: Record<string, string> }>(
    '/laporan/:no/tanggapan',
    { config: { auth: 'optional' } },
    async (request, reply) => {
      const ctx = portalContext(platform, request);
      return reply.redirect(
        href(ctx, `/laporan/${trackingNoOf(request.params.no)}`, { lang: request.query.lang }),
        303,
      );
    },
  );

  // The reporter's answer: confirm with a rating, reopen, or add the information asked for. Signed
  // in, the account says who they are; without an account, the report's secret code does.
  app.post<{ Params: { no: string } }>(
    '/laporan/:no/tanggapan',
    { config: { auth: 'optional', rateLimit: { max: 30, timeWindow: '1 minute' } } },
    async (request, reply) => {
      const ctx = portalContext(platform, request);
      const { t } = ctx;
      const no = trackingNoOf(request.params.no);
      const userId = request.principal?.user.id ?? null;
      const body = (request.body ?? {}) as Record<string, unknown>;
      const text = (k: string) => (typeof body[k] === 'string' ? (body[k] as string).trim() : '');
      const action = RESPONSES.find((a) => a === text('action'));
      if (!action) throw new AppError('bad_request', { params: { reason: 'action' } });
      const values = {
        rating: text('rating'),
        comment: text('comment'),
        note: text('note'),
        secret: text('secret'),
      };
      const errors: Record<string, string> = {};
      const rating = Number(values.rating);
      if (action === 'confirm' && !(Number.isInteger(rating) && rating >= 1 && rating <= 5))
        errors.rating = t('reports.portal.respond.ratingRequired');
      if (action === 'confirm' && values.comment.length > 1000)
        errors.comment = t('field.maxLength', { limit: 1000 });
      if (action !== 'confirm' && !values.note) errors[`${action}-note`] = t('field.required');
      if (values.note.length > 4000) errors[`${action}-note`] = t('field.maxLength', { limit: 4000 });
      if (!userId && !values.secret) errors[`${action}-secret`] = t('field.required');
      if (Object.keys(errors).length === 0) {
        const who = { role: 'reporter' as const, userId, secret: values.secret || undefined };
        try {
          await platform.inTenant(ctx.tenant.id, actorOf(request), async (scope) => {
            await (action === 'add_info'
              ? addInformation(platform, scope, ctx.tenant, no, values.note, [], who)
              : transition(
                  platform,
                  scope,
                  ctx.tenant,
                  no,
                  action,
                  action === 'confirm'
                    ? { rating, ...(values.comment ? { comment: values.comment } : {}) }
                    : { note: values.note },
                  who,
                ));
          });
          return reply.redirect(href(ctx, `/laporan/${no}`, { ok: action }), 303);
        } catch (error) {
          if (!(error instanceof AppError)) throw error;
          // Not the reporter (a wrong code, or another account): say so beside the code, no more.
          if (error.code === 'not_found' || error.code === 'forbidden') {
            if (userId) errors[`${action}-form`] = t('reports.portal.respond.notYours');
            else errors[`${action}-secret`] = t('reports.portal.respond.secretWrong');
          } else if (error.code === 'validation') {
            Object.assign(errors, fieldErrors(error, t));
          } else if (error.code === 'conflict' || error.code === 'invalid_transition') {
            errors[`${action}-form`] = t(`detail.${error.detailKey}`, {
              ...error.params,
              defaultValue: t('portal.errorTitle'),
            });
          } else throw error;
        }
      }
      const r = await loadReport(platform, ctx, actorOf(request), userId, no);
      return sendPage(reply, ctx, { ...reportPage(ctx, r, { action, values, errors }), status: 400 });
    },
  );
}

/** A tracking number: the filing day (YYMMDD) and five letters or digits. */
const TRACKING_NO = /^\d{6}-[0-9A-Z]{5}$/;

/** What a reporter may answer on the portal. */
const RESPONSES = ['confirm', 'reopen', 'add_info'] as const;
type Response = (typeof RESPONSES)[number];

function trackingNoOf(raw: string): string {
  const no = raw.toUpperCase();
  if (!TRACKING_NO.test(no)) throw new AppError('not_found', { params: { entity: 'report' } });
  return no;
}

async function loadReport(
  platform: Platform,
  ctx: PortalContext,
  actor: ReturnType<typeof actorOf>,
  userId: string | null,
  no: string,
) {
  const who = userId ? [{ role: 'reporter' as const, userId }] : [];
  const { detail } = await platform.inTenant(ctx.tenant.id, actor, (scope) =>
    getReport(platform, scope, ctx.tenant, no, ctx.lang, who, () => false),
  );
  return detail as unknown as PublicDetail;
}

type ResponseForm = {
  notice?: string | undefined;
  action?: Response;
  values?: Record<string, string>;
  errors?: Record<string, string>;
};

/** A report's public page, with the reporter's forms when the report waits on the reporter. */
function reportPage(ctx: PortalContext, r: PublicDetail, form: ResponseForm) {
  const { t } = ctx;
  return {
    title: `${t('reports.portal.reportWord')} ${r.trackingNo}`,
    body: (
      <>
        <h1>
          {r.category.name} · {r.trackingNo}
        </h1>
        {form.notice ? (
          <p className="notice" role="status">
            {form.notice}
          </p>
        ) : null}
        <p>
          <StatusBadge ctx={ctx} status={r.status} overdue={r.overdue} />
        </p>
        <div className="card">
          <p>{r.description}</p>
          <p className="meta">
            {r.address ?? ''}
            {r.kelurahan ? ` · ${r.kelurahan}` : ''}
          </p>
          <p className="meta">
            {t('reports.portal.filedAt', { at: when(ctx, r.createdAt) })}
            {r.dueAt ? ` · ${t('reports.portal.dueAt', { at: when(ctx, r.dueAt) })}` : ''}
          </p>
          {r.agency ? <p className="meta">{t('reports.portal.agency', { name: r.agency.name })}</p> : null}
          {r.duplicateOf ? (
            <p>
              {t('reports.portal.duplicateOf')}{' '}
              <a href={`${ctx.base}/laporan/${r.duplicateOf}`}>{r.duplicateOf}</a>
            </p>
          ) : null}
          {r.rating ? <p className="meta">{t('reports.portal.respond.stars', { count: r.rating })}</p> : null}
          <PhotoList ctx={ctx} photos={r.photos} />
        </div>
        <ReporterForms ctx={ctx} r={r} form={form} />
        <h2>{t('reports.portal.history')}</h2>
        <ol className="history">
          {r.history.map((e) => (
            <li key={`${e.at}-${e.kind}-${e.toStatus ?? ''}`}>
              <strong>
                {e.toStatus
                  ? t(`reports.status.${e.toStatus}`)
                  : t(`reports.portal.event.${e.kind}`, { defaultValue: e.kind })}
              </strong>
              <p className="meta">
                {when(ctx, e.at)}
                {e.agency ? ` · ${e.agency.name}` : ''}
              </p>
              {e.note ? <p>{e.note}</p> : null}
              {/* The filing's photos are the report's, shown above. */}
              <PhotoList ctx={ctx} photos={e.photos.filter((p) => p.kind !== 'report')} />
            </li>
          ))}
        </ol>
        <p>
          <a href={`${ctx.base}/laporan`}>{t('reports.portal.listTitle')}</a>
        </p>
      </>
    ),
  };
}

/**
 * The reporter's forms. A signed-in reporter sees those the server allows them now; a visitor
 * without an account sees the ones the status allows, each asking for the report's secret code.
 */
function ReporterForms({ ctx, r, form }: { ctx: PortalContext; r: PublicDetail; form: ResponseForm }) {
  const { t } = ctx;
  // What the state machine lets a reporter do in this status (a closed report reopens only
  // within the window: the server says so when it refuses).
  const possible = actionsFrom(r.status as Status, 'reporter').filter((a): a is Response =>
    (RESPONSES as readonly string[]).includes(a),
  );
  const shown = ctx.user ? possible.filter((a) => r.actions?.includes(a)) : possible;
  if (shown.length === 0) return null;
  const errors = form.errors ?? {};
  const values = (a: Response) => (form.action === a ? (form.values ?? {}) : {});
  const secretField = (a: Response) =>
    ctx.user ? null : (
      <Field
        id={`${a}-secret`}
        label={t('reports.portal.respond.secret')}
        hint={t('reports.portal.respond.secretHint')}
        error={errors[`${a}-secret`]}
        required
        t={t}
      >
        {(aria) => (
          <input
            type="text"
            name="secret"
            autoComplete="off"
            defaultValue={values(a).secret ?? ''}
            {...aria}
          />
        )}
      </Field>
    );
  const common = (a: Response) => (
    <>
      <input type="hidden" name="action" value={a} />
      <input type="hidden" name="_csrf" value={ctx.csrf ?? ''} />
      {errors[`${a}-form`] ? (
        <p className="error" role="alert">
          {errors[`${a}-form`]}
        </p>
      ) : null}
    </>
  );
  const action = href(ctx, `/laporan/${r.trackingNo}/tanggapan`);
  return (
    <section aria-labelledby="respond-title">
      <h2 id="respond-title">{t('reports.portal.respond.title')}</h2>
      <p>{t('reports.portal.respond.intro')}</p>
      <ErrorSummary errors={errors} t={t} />
      {shown.includes('confirm') ? (
        <form method="post" action={action} className="card" noValidate>
          {common('confirm')}
          <fieldset className={errors.rating ? 'has-error' : undefined}>
            <legend>{t('reports.portal.respond.confirmLegend')}</legend>
            {errors.rating ? (
              <p className="error" id="rating-error">
                {errors.rating}
              </p>
            ) : null}
            <div className="choices" id="rating">
              {[1, 2, 3, 4, 5].map((n) => (
                <label key={n} className="choice">
                  <input
                    type="radio"
                    name="rating"
                    value={n}
                    defaultChecked={values('confirm').rating === String(n)}
                    {...(errors.rating ? { 'aria-describedby': 'rating-error' } : {})}
                  />{' '}
                  {t('reports.portal.respond.stars', { count: n })}
                </label>
              ))}
            </div>
          </fieldset>
          <Field id="comment" label={t('reports.portal.respond.comment')} error={errors.comment} t={t}>
            {(aria) => (
              <textarea
                name="comment"
                rows={3}
                maxLength={1000}
                defaultValue={values('confirm').comment ?? ''}
                {...aria}
              />
            )}
          </Field>
          {secretField('confirm')}
          <button type="submit" className="cta">
            {t('reports.portal.respond.confirm')}
          </button>
        </form>
      ) : null}
      {shown.includes('reopen') ? (
        <form method="post" action={action} className="card" noValidate>
          {common('reopen')}
          <h3>{t('reports.portal.respond.reopenLegend')}</h3>
          <Field
            id="reopen-note"
            label={t('reports.portal.respond.reopenNote')}
            error={errors['reopen-note']}
            required
            t={t}
          >
            {(aria) => (
              <textarea
                name="note"
                rows={3}
                maxLength={4000}
                defaultValue={values('reopen').note ?? ''}
                {...aria}
              />
            )}
          </Field>
          {secretField('reopen')}
          <button type="submit">{t('reports.portal.respond.reopen')}</button>
        </form>
      ) : null}
      {shown.includes('add_info') ? (
        <form method="post" action={action} className="card" noValidate>
          {common('add_info')}
          <h3>{t('reports.portal.respond.infoLegend')}</h3>
          <Field
            id="add_info-note"
            label={t('reports.portal.respond.infoNote')}
            error={errors['add_info-note']}
            required
            t={t}
          >
            {(aria) => (
              <textarea
                name="note"
                rows={4}
                maxLength={4000}
                defaultValue={values('add_info').note ?? ''}
                {...aria}
              />
            )}
          </Field>
          {secretField('add_info')}
          <button type="submit" className="cta">
            {t('reports.portal.respond.addInfo')}
          </button>
        </form>
      ) : null}
    </section>
  );
}

type PhotoView = { id: string; kind: string; url: string };
type PublicDetail = {
  trackingNo: string;
  rating: number | null;
  actions?: string[];
  status: string;
  overdue: boolean;
  category: { code: string; name: string };
  description: string;
  address: string | null;
  kelurahan: string | null;
  createdAt: string;
  dueAt: string | null;
  agency: { id: string; name: string } | null;
  duplicateOf: string | null;
  photos: PhotoView[];
  history: Array<{
    at: string;
    kind: string;
    toStatus: string | null;
    note: string | null;
    agency: { name: string } | null;
    photos: PhotoView[];
  }>;
};
