/**
 * A report's public page (`/laporan/<tracking number>`) with its history and photos, and the
 * reporter's answers to it: confirm with a rating, reopen, or add the information asked for. A
 * report the public may not see (confidential, or not verified yet where the tenant publishes
 * only verified reports) opens to its reporter: signed in, or with the report's secret code
 * (`/laporan/<no>/lihat`, posted so that the code stays out of addresses and logs).
 */
import type { FastifyInstance } from 'fastify';
import { AppError, actorOf, type Platform } from '../../../platform/sdk/index.ts';
import {
  fieldErrors,
  href,
  type PortalContext,
  portalContext,
  sendPage,
  when,
} from '../../../platform/sdk/portal.ts';
import { normalizeTrackingNo } from '../input.ts';
import { type Status, stageOf } from '../lifecycle.ts';
import { addInformation } from '../services/additions.ts';
import { getReport } from '../services/detail.ts';
import { transition } from '../services/transitions.ts';
import { EmergencyNote } from './emergency.tsx';
import { FollowButton } from './follow.tsx';
import { LockedReport } from './locked-report.tsx';
import { RESPONSES, ReporterForms, type ResponseForm } from './reporter-forms.tsx';
import { PhotoList, type PublicDetail, StatusBadge, TRACKING_NO } from './shared.tsx';

/** GET /laporan/:no, and the reporter’s answers at /laporan/:no/tanggapan. */
export function reportPageRoutes(app: FastifyInstance, platform: Platform) {
  app.get<{ Params: { no: string }; Querystring: { ok?: string } }>(
    '/laporan/:no',
    { config: { auth: 'optional' } },
    async (request, reply) => {
      const ctx = portalContext(platform, request);
      const no = trackingNoOf(request.params.no);
      const r = await loadReport(
        platform,
        ctx,
        actorOf(request),
        request.principal?.user.id ?? null,
        no,
      ).catch(notFoundAsNull);
      // Not for the public (or no such report: the page does not say which): its reporter opens it.
      if (!r) return sendPage(reply, ctx, lockedPage(ctx, no, {}, 404));
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

  // The reporter opens a report with its secret code: the report's page, or the code's error.
  app.post<{ Params: { no: string } }>(
    '/laporan/:no/lihat',
    { config: { auth: 'optional', rateLimit: { max: 30, timeWindow: '1 minute' } } },
    async (request, reply) => {
      const ctx = portalContext(platform, request);
      const no = trackingNoOf(request.params.no);
      const body = (request.body ?? {}) as Record<string, unknown>;
      const secret = typeof body.secret === 'string' ? body.secret.trim().slice(0, 100) : '';
      if (!secret) return sendPage(reply, ctx, lockedPage(ctx, no, { secret: ctx.t('field.required') }, 400));
      const userId = request.principal?.user.id ?? null;
      const r = await loadReport(platform, ctx, actorOf(request), userId, no, secret).catch(notFoundAsNull);
      // The code proves the reporter only when the server grants a reporter's view (`actions`).
      if (!r?.actions) {
        const error = { secret: ctx.t('reports.portal.respond.secretWrong') };
        return sendPage(reply, ctx, lockedPage(ctx, no, error, 400));
      }
      return sendPage(reply, ctx, reportPage(ctx, r, { secret }));
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
          // A report the public may not see shows its page here (its address would not open it).
          if (!userId) {
            const shown = await loadReport(platform, ctx, actorOf(request), null, no, values.secret);
            if (!shown.public) {
              const notice = t(`reports.portal.respond.done.${action}`);
              return sendPage(reply, ctx, reportPage(ctx, shown, { notice, secret: values.secret }));
            }
          }
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
      const r = await loadReport(platform, ctx, actorOf(request), userId, no).catch(notFoundAsNull);
      if (!r) return sendPage(reply, ctx, lockedPage(ctx, no, {}, 404));
      return sendPage(reply, ctx, { ...reportPage(ctx, r, { action, values, errors }), status: 400 });
    },
  );
}

function trackingNoOf(raw: string): string {
  const no = normalizeTrackingNo(raw);
  if (!TRACKING_NO.test(no)) throw new AppError('not_found', { params: { entity: 'report' } });
  return no;
}

/** A "not found" as null (the report is not for this reader); any other error goes on. */
function notFoundAsNull(error: unknown): null {
  if (error instanceof AppError && error.code === 'not_found') return null;
  throw error;
}

/** The report as this reader may see it: the public, or its reporter by account or secret code. */
async function loadReport(
  platform: Platform,
  ctx: PortalContext,
  actor: ReturnType<typeof actorOf>,
  userId: string | null,
  no: string,
  secret?: string,
) {
  const who = userId || secret ? [{ role: 'reporter' as const, userId, secret: secret || undefined }] : [];
  const { detail } = await platform.inTenantRead(ctx.tenant.id, actor, (scope) =>
    getReport(platform, scope, ctx.tenant, no, ctx.lang, who, () => false),
  );
  return detail as unknown as PublicDetail;
}

/** The page of a report the reader may not see, with the form to open it by its secret code. */
function lockedPage(ctx: PortalContext, no: string, errors: Record<string, string>, status: number) {
  return {
    title: ctx.t('reports.portal.locked.title'),
    status,
    body: <LockedReport ctx={ctx} no={no} errors={errors} />,
  };
}

/** Whether the report's page shows its deadline: while staff work on it, not once it is done. */
function showsDeadline(r: PublicDetail): boolean {
  const stage = stageOf(r.status as Status);
  return r.dueAt !== null && (stage === 'triage' || stage === 'follow_up');
}

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
        {r.public ? null : (
          <p className="notice" id="not-public">
            {ctx.t(
              r.confidential
                ? 'reports.portal.privacy.confidentialNote'
                : 'reports.portal.privacy.unverifiedNote',
            )}
          </p>
        )}
        <div className="card">
          <p>{r.description}</p>
          <p className="meta">
            {r.address ?? ''}
            {r.kelurahan ? ` · ${r.kelurahan}` : ''}
          </p>
          <p className="meta">
            {t('reports.portal.filedAt', { at: when(ctx, r.createdAt) })}
            {showsDeadline(r) ? ` · ${t('reports.portal.dueAt', { at: when(ctx, r.dueAt!) })}` : ''}
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
        <EmergencyNote ctx={ctx} />
        {r.public ? <FollowButton ctx={ctx} trackingNo={r.trackingNo} /> : null}
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
