/**
 * Following on the portal: follow a report (`/laporan/<no>/ikuti`: one click when signed in, an
 * email address to confirm otherwise), follow new reports near a point (`/ikuti-area`), confirm an
 * address from its link (`/ikuti/konfirmasi/<token>`) and stop from any message's link
 * (`/ikuti/berhenti/<token>`: a page with one button, since mail scanners open links; the same
 * address takes the one-click POST of `List-Unsubscribe-Post`, RFC 8058). They work without
 * JavaScript and call the same services as the API.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError, actorOf, type Platform } from '../../../platform/sdk/index.ts';
import {
  ErrorSummary,
  Field,
  fieldErrors,
  href,
  type PortalContext,
  portalContext,
  queryText,
  sendPage,
} from '../../../platform/sdk/portal.ts';
import { parseCoordinate } from '../input.ts';
import {
  AREA_RADII,
  confirmFollow,
  describeFollow,
  FOLLOW_TOKEN,
  type FollowView,
  followArea,
  followReport,
  stopFollow,
} from '../services/following.ts';
import { TRACKING_NO } from './shared.tsx';

const RATE = { rateLimit: { max: 20, timeWindow: '1 minute' } };

type Form = { values: Record<string, string>; errors: Record<string, string> };

function bodyText(request: FastifyRequest, key: string): string {
  const body = (request.body ?? {}) as Record<string, unknown>;
  return typeof body[key] === 'string' ? (body[key] as string).trim() : '';
}

function trackingNoOf(raw: string): string {
  const no = raw.toUpperCase();
  if (!TRACKING_NO.test(no)) throw new AppError('not_found', { params: { entity: 'report' } });
  return no;
}

function tokenOf(raw: string): string {
  if (!FOLLOW_TOKEN.test(raw)) throw new AppError('not_found', { params: { entity: 'follower' } });
  return raw;
}

/** The follow button of a report's page: one click when signed in, else the page asking for an address. */
export function FollowButton({ ctx, trackingNo }: { ctx: PortalContext; trackingNo: string }) {
  const { t } = ctx;
  const action = href(ctx, `/laporan/${trackingNo}/ikuti`);
  if (!ctx.user) {
    return (
      <p>
        <a className="button secondary" href={action}>
          {t('reports.follow.button')}
        </a>
      </p>
    );
  }
  return (
    <form method="post" action={action} className="inline">
      <input type="hidden" name="_csrf" value={ctx.csrf ?? ''} />
      <button type="submit" className="secondary">
        {t('reports.follow.button')}
      </button>
    </form>
  );
}

function EmailField({ ctx, form }: { ctx: PortalContext; form: Form }) {
  const { t } = ctx;
  if (ctx.user) return <p className="meta">{t('reports.follow.signedInAs')}</p>;
  return (
    <Field
      id="email"
      label={t('reports.follow.email')}
      hint={t('reports.follow.emailHint')}
      error={form.errors.email}
      required
      t={t}
    >
      {(aria) => (
        <input
          type="email"
          name="email"
          autoComplete="email"
          defaultValue={form.values.email ?? ''}
          {...aria}
        />
      )}
    </Field>
  );
}

function reportFollowPage(ctx: PortalContext, no: string, result: string | undefined, form: Form) {
  const { t } = ctx;
  const title = t('reports.follow.title', { trackingNo: no });
  const done = result === 'following' || result === 'confirm';
  return {
    title,
    body: (
      <>
        <h1>{title}</h1>
        {done ? (
          <p className="notice" role="status">
            {t(result === 'following' ? 'reports.follow.following' : 'reports.follow.confirmSent')}
          </p>
        ) : (
          <form method="post" action={href(ctx, `/laporan/${no}/ikuti`)} className="card" noValidate>
            <p>{t('reports.follow.intro')}</p>
            <ErrorSummary errors={form.errors} t={t} />
            <input type="hidden" name="_csrf" value={ctx.csrf ?? ''} />
            <EmailField ctx={ctx} form={form} />
            <button type="submit">{t('reports.follow.button')}</button>
          </form>
        )}
        <p>
          <a href={href(ctx, `/laporan/${no}`)}>
            {t('reports.portal.reportWord')} {no}
          </a>
        </p>
      </>
    ),
  };
}

function areaPage(ctx: PortalContext, result: string | undefined, form: Form) {
  const { t } = ctx;
  const title = t('reports.follow.areaTitle');
  const radius = form.values.radiusM || '1000';
  return {
    title,
    body: (
      <>
        <h1>{title}</h1>
        {result === 'following' || result === 'confirm' ? (
          <p className="notice" role="status">
            {t(result === 'following' ? 'reports.follow.areaFollowing' : 'reports.follow.confirmSent')}
          </p>
        ) : (
          <form method="post" action={href(ctx, '/ikuti-area')} className="card" noValidate>
            <p>{t('reports.follow.areaIntro')}</p>
            <ErrorSummary errors={form.errors} t={t} />
            <input type="hidden" name="_csrf" value={ctx.csrf ?? ''} />
            <Field id="lat" label={t('reports.portal.lat')} error={form.errors.lat} required t={t}>
              {(aria) => (
                <input
                  type="text"
                  name="lat"
                  inputMode="decimal"
                  defaultValue={form.values.lat ?? ''}
                  {...aria}
                />
              )}
            </Field>
            <Field id="lng" label={t('reports.portal.lng')} error={form.errors.lng} required t={t}>
              {(aria) => (
                <input
                  type="text"
                  name="lng"
                  inputMode="decimal"
                  defaultValue={form.values.lng ?? ''}
                  {...aria}
                />
              )}
            </Field>
            <Field id="radiusM" label={t('reports.follow.radius')} error={form.errors.radiusM} t={t}>
              {(aria) => (
                <select name="radiusM" defaultValue={radius} {...aria}>
                  {AREA_RADII.map((r) => (
                    <option key={r} value={String(r)}>
                      {t('reports.follow.radiusOption', { radius: r })}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <EmailField ctx={ctx} form={form} />
            <button type="submit">{t('reports.follow.areaButton')}</button>
          </form>
        )}
      </>
    ),
  };
}

function followText(ctx: PortalContext, v: FollowView, what: 'confirmed' | 'stop'): string {
  const key = v.kind === 'report' ? `${what}Report` : `${what}Area`;
  return ctx.t(`reports.follow.${key}`, { trackingNo: v.trackingNo ?? '', radius: v.radiusM ?? 0 });
}

function ReportLink({ ctx, v }: { ctx: PortalContext; v: FollowView }) {
  if (!v.trackingNo) return null;
  return (
    <p>
      <a href={href(ctx, `/laporan/${v.trackingNo}`)}>
        {ctx.t('reports.portal.reportWord')} {v.trackingNo}
      </a>
    </p>
  );
}

/** A refused follow's field errors on the form (anything else goes to the error page). */
function refusal(error: unknown, ctx: PortalContext): Record<string, string> {
  if (!(error instanceof AppError) || error.code !== 'validation') throw error;
  const errors: Record<string, string> = {};
  for (const [path, message] of Object.entries(fieldErrors(error, ctx.t)))
    errors[path.replace(/^body-/, '')] = message;
  return errors;
}

/** The follow pages. */
export function followRoutes(app: FastifyInstance, platform: Platform) {
  app.get<{ Params: { no: string }; Querystring: { hasil?: string } }>(
    '/laporan/:no/ikuti',
    { config: { auth: 'optional' } },
    async (request, reply) => {
      const ctx = portalContext(platform, request);
      const no = trackingNoOf(request.params.no);
      return sendPage(
        reply,
        ctx,
        reportFollowPage(ctx, no, queryText(request.query.hasil), { values: {}, errors: {} }),
      );
    },
  );

  app.post<{ Params: { no: string } }>(
    '/laporan/:no/ikuti',
    { config: { auth: 'optional', ...RATE } },
    async (request, reply) => {
      const ctx = portalContext(platform, request);
      const no = trackingNoOf(request.params.no);
      const email = bodyText(request, 'email');
      const values = { email };
      if (!ctx.user && !email) {
        const errors = { email: ctx.t('field.required') };
        return sendPage(reply, ctx, {
          ...reportFollowPage(ctx, no, undefined, { values, errors }),
          status: 400,
        });
      }
      try {
        const { state } = await platform.inTenant(ctx.tenant.id, actorOf(request), (scope) =>
          followReport(platform, scope, ctx.tenant, no, {
            userId: ctx.user?.id ?? null,
            email: email || undefined,
            language: ctx.lang,
          }),
        );
        return reply.redirect(href(ctx, `/laporan/${no}/ikuti`, { hasil: state }), 303);
      } catch (error) {
        const errors = refusal(error, ctx);
        return sendPage(reply, ctx, {
          ...reportFollowPage(ctx, no, undefined, { values, errors }),
          status: 400,
        });
      }
    },
  );

  app.get<{ Querystring: { lat?: string; lng?: string; hasil?: string } }>(
    '/ikuti-area',
    { config: { auth: 'optional' } },
    async (request, reply) => {
      const ctx = portalContext(platform, request);
      const q = request.query;
      const values = { lat: queryText(q.lat)?.slice(0, 20) ?? '', lng: queryText(q.lng)?.slice(0, 20) ?? '' };
      return sendPage(reply, ctx, areaPage(ctx, queryText(q.hasil), { values, errors: {} }));
    },
  );

  app.post('/ikuti-area', { config: { auth: 'optional', ...RATE } }, async (request, reply) => {
    const ctx = portalContext(platform, request);
    const values = {
      lat: bodyText(request, 'lat').slice(0, 20),
      lng: bodyText(request, 'lng').slice(0, 20),
      radiusM: bodyText(request, 'radiusM'),
      email: bodyText(request, 'email'),
    };
    // Read as typed, a decimal comma included (input.ts), as the report form does.
    const lat = parseCoordinate(values.lat) ?? Number.NaN;
    const lng = parseCoordinate(values.lng) ?? Number.NaN;
    const errors: Record<string, string> = {};
    if (!(lat >= -90 && lat <= 90)) errors.lat = ctx.t('field.coordinate');
    if (!(lng >= -180 && lng <= 180)) errors.lng = ctx.t('field.coordinate');
    if (!ctx.user && !values.email) errors.email = ctx.t('field.required');
    if (Object.keys(errors).length === 0) {
      try {
        const { state } = await platform.inTenant(ctx.tenant.id, actorOf(request), (scope) =>
          followArea(
            platform,
            scope,
            ctx.tenant,
            { lat, lng, radiusM: Number(values.radiusM) },
            { userId: ctx.user?.id ?? null, email: values.email || undefined, language: ctx.lang },
          ),
        );
        return reply.redirect(href(ctx, '/ikuti-area', { hasil: state }), 303);
      } catch (error) {
        Object.assign(errors, refusal(error, ctx));
      }
    }
    return sendPage(reply, ctx, { ...areaPage(ctx, undefined, { values, errors }), status: 400 });
  });

  app.get<{ Params: { token: string } }>(
    '/ikuti/konfirmasi/:token',
    { config: { auth: 'optional', ...RATE } },
    async (request, reply) => {
      const ctx = portalContext(platform, request);
      const token = tokenOf(request.params.token);
      const v = await platform.inTenant(ctx.tenant.id, actorOf(request), (scope) =>
        confirmFollow(scope, token),
      );
      const title = ctx.t('reports.follow.confirmedTitle');
      return sendPage(reply, ctx, {
        title,
        body: (
          <>
            <h1>{title}</h1>
            <p className="notice" role="status">
              {v.following ? followText(ctx, v, 'confirmed') : ctx.t('reports.follow.stoppedEarlier')}
            </p>
            <ReportLink ctx={ctx} v={v} />
          </>
        ),
      });
    },
  );

  const stopPage = (ctx: PortalContext, token: string, v: FollowView, stopped: boolean) => {
    const title = ctx.t('reports.follow.stopTitle');
    return {
      title,
      body: (
        <>
          <h1>{title}</h1>
          {stopped || !v.following ? (
            <p className="notice" role="status">
              {ctx.t(stopped ? 'reports.follow.stopped' : 'reports.follow.stoppedEarlier')}
            </p>
          ) : (
            <form method="post" action={href(ctx, `/ikuti/berhenti/${token}`)} className="card">
              <p>{followText(ctx, v, 'stop')}</p>
              <input type="hidden" name="_csrf" value={ctx.csrf ?? ''} />
              <button type="submit">{ctx.t('reports.follow.stopButton')}</button>
            </form>
          )}
          <ReportLink ctx={ctx} v={v} />
        </>
      ),
    };
  };

  app.get<{ Params: { token: string } }>(
    '/ikuti/berhenti/:token',
    { config: { auth: 'optional', ...RATE } },
    async (request, reply) => {
      const ctx = portalContext(platform, request);
      const token = tokenOf(request.params.token);
      const v = await platform.inTenantRead(ctx.tenant.id, actorOf(request), (scope) =>
        describeFollow(scope, token),
      );
      return sendPage(reply, ctx, stopPage(ctx, token, v, false));
    },
  );

  app.post<{ Params: { token: string } }>(
    '/ikuti/berhenti/:token',
    { config: { auth: 'optional', ...RATE } },
    async (request, reply) => {
      const ctx = portalContext(platform, request);
      const token = tokenOf(request.params.token);
      const v = await platform.inTenant(ctx.tenant.id, actorOf(request), (scope) => stopFollow(scope, token));
      return sendPage(reply, ctx, stopPage(ctx, token, v, true));
    },
  );
}
