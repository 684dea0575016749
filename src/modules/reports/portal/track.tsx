/** Track a report (`/lacak`): a tracking number leads to the report's page. */
import type { FastifyInstance } from 'fastify';
import { actorOf, type Platform } from '../../../platform/sdk/index.ts';
import { ErrorSummary, Field, portalContext, sendPage } from '../../../platform/sdk/portal.ts';
import { normalizeTrackingNo } from '../input.ts';
import { queryPublicReports } from '../services/lists.ts';
import { TRACKING_NO } from './shared.tsx';

/** GET /lacak: the form, and the way to the report it finds. */
export function trackRoute(app: FastifyInstance, platform: Platform) {
  app.get<{ Querystring: { no?: string } }>(
    '/lacak',
    { config: { auth: 'optional' } },
    async (request, reply) => {
      const ctx = portalContext(platform, request);
      const { t } = ctx;
      // As typed: lower case, spaces, no dash (`261123 ab3cd`) find the report too.
      const no = normalizeTrackingNo(request.query.no ?? '');
      let error: string | undefined;
      if (no) {
        if (TRACKING_NO.test(no)) {
          const found = await platform.inTenantRead(ctx.tenant.id, actorOf(request), (scope) =>
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
}
