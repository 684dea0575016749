/**
 * The PPID's citizen pages (UU 14/2008), drawn on the server and working without JavaScript: a
 * site's menu of public information by class (`/situs/<s>/ppid`), the request form
 * (`/ppid/permohonan`: GOV.UK-style error summary, what was typed kept), the confirmation with the
 * number and the secret, and the status page (`/ppid/status/<number>`), opened by the secret —
 * posted from a form, or in the secret link of the confirmation (sent without referrer) — where
 * the requester sees the deadlines and answers and may object.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, actorOf, type Platform } from '../../../platform/sdk/index.ts';
import {
  dayText,
  ErrorSummary,
  Field,
  fieldErrors,
  href,
  type PortalContext,
  portalContext,
  sendPage,
  when,
} from '../../../platform/sdk/portal.ts';
import { DELIVERIES, OBJECTION_GROUNDS } from '../ppid-tables.ts';
import type { RequestStatusType } from '../schemas-ppid.ts';
import { fileObjection, fileRequest, type PpidCall, requestForRequester } from '../services/ppid.ts';
import { ppidMenu } from '../services/ppid-menu.ts';
import { siteBySlug, sitePath } from '../services/sites.ts';

type SiteP = { site: string };
type NumberP = { site: string; number: string };
type Form = Record<string, string>;

const FORM_FIELDS = [
  'name',
  'email',
  'phone',
  'address',
  'identityNumber',
  'information',
  'purpose',
  'delivery',
];

/** The posted form's text fields, trimmed, bounded. */
function formOf(request: FastifyRequest, names: readonly string[]): Form {
  const body = (request.body ?? {}) as Record<string, unknown>;
  const out: Form = {};
  for (const n of names) out[n] = typeof body[n] === 'string' ? (body[n] as string).slice(0, 10_000) : '';
  return out;
}

function isValidation(error: unknown): error is AppError {
  return error instanceof AppError && error.code === 'validation';
}

export function registerPpidPortal(app: FastifyInstance, platform: Platform) {
  const callOf = (request: FastifyRequest): PpidCall => ({
    platform,
    tenant: request.tenant!,
    now: new Date(),
  });
  const inTenant = <T,>(
    request: FastifyRequest,
    ctx: PortalContext,
    work: Parameters<typeof platform.inTenant<T>>[2],
  ) => platform.inTenant(ctx.tenant.id, actorOf(request), work);
  const inTenantRead = <T,>(
    request: FastifyRequest,
    ctx: PortalContext,
    work: Parameters<typeof platform.inTenantRead<T>>[2],
  ) => platform.inTenantRead(ctx.tenant.id, actorOf(request), work);

  app.get<{ Params: SiteP }>(
    '/situs/:site/ppid',
    { config: { auth: 'optional' } },
    async (request, reply) => {
      const ctx = portalContext(platform, request);
      const { t } = ctx;
      const [site, menu] = await inTenantRead(
        request,
        ctx,
        async (scope) =>
          [
            await siteBySlug(scope, request.params.site),
            await ppidMenu(scope, request.params.site, ctx.base),
          ] as const,
      );
      return sendPage(reply, ctx, {
        title: `${t('websites.ppid.title')} · ${site.name}`,
        body: (
          <>
            <p className="meta">
              <a href={href(ctx, sitePath(site.slug))}>{site.name}</a>
            </p>
            <h1>{t('websites.ppid.title')}</h1>
            <p className="lead">{t('websites.ppid.intro', { site: site.name })}</p>
            {menu.classes.map((c) => (
              <section key={c.class} aria-labelledby={`ppid-${c.class}`}>
                <h2 id={`ppid-${c.class}`}>{t(`websites.ppid.class.${c.class}`)}</h2>
                {c.class === 'dikecualikan' ? <p>{t('websites.ppid.classNote.dikecualikan')}</p> : null}
                {c.posts.length === 0 ? (
                  <p className="meta">{t('websites.ppid.none')}</p>
                ) : (
                  <ul>
                    {c.posts.map((p) => (
                      <li key={p.id}>
                        {p.url ? <a href={p.url}>{p.title}</a> : <span>{p.title}</span>}
                        {p.summary ? <> — {p.summary}</> : null}
                      </li>
                    ))}
                  </ul>
                )}
              </section>
            ))}
            <section aria-labelledby="ppid-request" className="card">
              <h2 id="ppid-request">{t('websites.ppid.requestLink')}</h2>
              <p>{t('websites.ppid.requestIntro')}</p>
              <p>
                <a className="cta" href={href(ctx, `${sitePath(site.slug)}/ppid/permohonan`)}>
                  {t('websites.ppid.requestLink')}
                </a>
              </p>
            </section>
          </>
        ),
      });
    },
  );

  const showForm = async (
    request: FastifyRequest<{ Params: SiteP }>,
    reply: FastifyReply,
    values: Form,
    errors: Record<string, string>,
  ) => {
    const ctx = portalContext(platform, request);
    const { t } = ctx;
    const site = await inTenantRead(request, ctx, (scope) => siteBySlug(scope, request.params.site));
    const text = (
      name: string,
      label: string,
      opts: { hint?: string; required?: boolean; type?: string; auto?: string } = {},
    ) => (
      <Field
        id={name}
        label={label}
        hint={opts.hint}
        error={errors[name]}
        required={opts.required ?? false}
        t={t}
      >
        {(aria) => (
          <input
            type={opts.type ?? 'text'}
            name={name}
            defaultValue={values[name] ?? ''}
            autoComplete={opts.auto}
            {...aria}
          />
        )}
      </Field>
    );
    const area = (name: string, label: string, hint?: string) => (
      <Field id={name} label={label} hint={hint} error={errors[name]} required t={t}>
        {(aria) => <textarea name={name} rows={5} defaultValue={values[name] ?? ''} {...aria} />}
      </Field>
    );
    return sendPage(reply, ctx, {
      title: `${t('websites.ppid.form.title')} · ${site.name}`,
      status: Object.keys(errors).length ? 400 : 200,
      body: (
        <>
          <p className="meta">
            <a href={href(ctx, `${sitePath(site.slug)}/ppid`)}>{t('websites.ppid.title')}</a>
          </p>
          <h1>{t('websites.ppid.form.title')}</h1>
          <ErrorSummary errors={errors} t={t} />
          <p>{t('websites.ppid.form.intro', { site: site.name })}</p>
          <form
            method="post"
            action={href(ctx, `${sitePath(site.slug)}/ppid/permohonan`)}
            className="card"
            noValidate
          >
            <input type="hidden" name="_csrf" value={ctx.csrf ?? ''} />
            {text('name', t('websites.ppid.form.name'), { required: true, auto: 'name' })}
            {text('email', t('websites.ppid.form.email'), {
              hint: t('websites.ppid.form.emailHint'),
              type: 'email',
              auto: 'email',
            })}
            {text('phone', t('websites.ppid.form.phone'), { type: 'tel', auto: 'tel' })}
            {text('address', t('websites.ppid.form.address'), { auto: 'street-address' })}
            {text('identityNumber', t('websites.ppid.form.identityNumber'), {
              hint: t('websites.ppid.form.identityHint'),
            })}
            {area(
              'information',
              t('websites.ppid.form.information'),
              t('websites.ppid.form.informationHint'),
            )}
            {area('purpose', t('websites.ppid.form.purpose'))}
            <fieldset id="delivery" className={errors.delivery ? 'field has-error' : 'field'}>
              <legend>{t('websites.ppid.form.delivery')}</legend>
              {errors.delivery ? <p className="error">{errors.delivery}</p> : null}
              {DELIVERIES.map((d) => (
                <div key={d}>
                  <input
                    type="radio"
                    id={`delivery-${d}`}
                    name="delivery"
                    value={d}
                    defaultChecked={(values.delivery || 'email') === d}
                  />{' '}
                  <label htmlFor={`delivery-${d}`}>{t(`websites.ppid.form.deliveryOption.${d}`)}</label>
                </div>
              ))}
            </fieldset>
            <button type="submit" className="cta">
              {t('websites.ppid.form.send')}
            </button>
          </form>
        </>
      ),
    });
  };

  app.get<{ Params: SiteP }>(
    '/situs/:site/ppid/permohonan',
    { config: { auth: 'optional' } },
    (request, reply) => showForm(request, reply, {}, {}),
  );

  app.post<{ Params: SiteP }>(
    '/situs/:site/ppid/permohonan',
    { config: { auth: 'optional', rateLimit: { max: 20, timeWindow: '1 minute' } } },
    async (request, reply) => {
      const ctx = portalContext(platform, request);
      const { t } = ctx;
      const values = formOf(request, FORM_FIELDS);
      try {
        const [site, filed] = await inTenant(
          request,
          ctx,
          async (scope) =>
            [
              await siteBySlug(scope, request.params.site),
              await fileRequest(callOf(request), scope, request.params.site, values, ctx.lang),
            ] as const,
        );
        const statusHref = href(ctx, `${sitePath(site.slug)}/ppid/status/${filed.number}`);
        // The page carries the secret: it must not leak through a referrer or a cache.
        reply.header('referrer-policy', 'no-referrer');
        return sendPage(reply, ctx, {
          title: t('websites.ppid.filed.title'),
          status: 201,
          body: (
            <>
              <h1>{t('websites.ppid.filed.title')}</h1>
              <div className="card" role="status">
                <dl>
                  <dt>{t('websites.ppid.filed.number')}</dt>
                  <dd>
                    <strong id="ppid-number">{filed.number}</strong>
                  </dd>
                  <dt>{t('websites.ppid.filed.secret')}</dt>
                  <dd>
                    <code id="ppid-secret">{filed.secret}</code>
                  </dd>
                </dl>
                <p>{t('websites.ppid.filed.secretHint')}</p>
                <p>{t('websites.ppid.filed.due', { date: dayText(ctx, filed.dueOn) })}</p>
              </div>
              <p>
                <a
                  href={`${statusHref}?kode=${encodeURIComponent(filed.secret)}`}
                  rel="noreferrer"
                  id="ppid-status-link"
                >
                  {t('websites.ppid.filed.link')}
                </a>
                <br />
                <span className="meta">{t('websites.ppid.filed.linkHint')}</span>
              </p>
              <p>
                <a href={href(ctx, `${sitePath(site.slug)}/ppid`)}>{t('websites.ppid.title')}</a>
              </p>
            </>
          ),
        });
      } catch (error) {
        if (!isValidation(error)) throw error;
        return showForm(request, reply, values, fieldErrors(error, t));
      }
    },
  );

  /** The status page, or the secret's form (with its error when one was given and wrong). */
  const showStatus = async (
    request: FastifyRequest<{ Params: NumberP }>,
    reply: FastifyReply,
    secret: string,
    extra: { notice?: string; errors?: Record<string, string>; values?: Form; missing?: boolean } = {},
  ) => {
    const ctx = portalContext(platform, request);
    const { t } = ctx;
    const number = request.params.number.toUpperCase().slice(0, 80);
    const site = await inTenantRead(request, ctx, (scope) => siteBySlug(scope, request.params.site));
    const base = `${sitePath(site.slug)}/ppid/status/${number}`;
    let status: RequestStatusType | null = null;
    if (secret) {
      status = await inTenantRead(request, ctx, (scope) =>
        requestForRequester(callOf(request), scope, site.slug, number, secret),
      ).catch((e) => {
        if (e instanceof AppError && e.code === 'forbidden') return null;
        throw e;
      });
    }
    reply.header('referrer-policy', 'no-referrer');
    if (!status) {
      const errors: Record<string, string> = {};
      if (secret) errors.secret = t('websites.ppid.status.wrongSecret');
      else if (extra.missing) errors.secret = t('field.required');
      return sendPage(reply, ctx, {
        title: t('websites.ppid.status.title', { number }),
        status: secret ? 403 : extra.missing ? 400 : 200,
        body: (
          <>
            <h1>{t('websites.ppid.status.title', { number })}</h1>
            <ErrorSummary errors={errors} t={t} />
            <p>{t('websites.ppid.status.locked', { number })}</p>
            <form method="post" action={href(ctx, base)} className="card" noValidate>
              <input type="hidden" name="_csrf" value={ctx.csrf ?? ''} />
              <Field
                id="secret"
                label={t('websites.ppid.status.secret')}
                error={errors.secret}
                required
                t={t}
              >
                {(aria) => <input type="text" name="kode" autoComplete="off" {...aria} />}
              </Field>
              <button type="submit" className="cta">
                {t('websites.ppid.status.open')}
              </button>
            </form>
          </>
        ),
      });
    }
    const s = status;
    const errors = extra.errors ?? {};
    const values = extra.values ?? {};
    return sendPage(reply, ctx, {
      title: t('websites.ppid.status.title', { number }),
      status: Object.keys(errors).length ? 400 : 200,
      body: (
        <>
          <p className="meta">
            <a href={href(ctx, `${sitePath(site.slug)}/ppid`)}>{t('websites.ppid.title')}</a> · {site.name}
          </p>
          <h1>{t('websites.ppid.status.title', { number })}</h1>
          <ErrorSummary errors={errors} t={t} />
          {extra.notice ? (
            <p className="notice" role="status">
              {extra.notice}
            </p>
          ) : null}
          <dl className="card" id="ppid-status">
            <dt>{t('websites.ppid.status.state')}</dt>
            <dd>{t(`websites.ppid.state.${s.status}`)}</dd>
            <dt>{t('websites.ppid.status.received')}</dt>
            <dd>{when(ctx, s.receivedAt)}</dd>
            <dt>{t('websites.ppid.status.dueOn')}</dt>
            <dd>{dayText(ctx, s.dueOn)}</dd>
            {s.extendedOn ? (
              <>
                <dt>{t('websites.ppid.status.extendedOn')}</dt>
                <dd>{dayText(ctx, s.extendedOn)}</dd>
                <dt>{t('websites.ppid.status.extensionReason')}</dt>
                <dd>{s.extensionReason}</dd>
              </>
            ) : null}
            <dt>{t('websites.ppid.status.information')}</dt>
            <dd>{s.information}</dd>
          </dl>
          {s.overdue ? <p className="notice">{t('websites.ppid.status.overdue')}</p> : null}
          {s.answeredAt ? (
            <section aria-labelledby="ppid-answer">
              <h2 id="ppid-answer">{t('websites.ppid.status.answer')}</h2>
              <p>
                <strong>{t(`websites.ppid.answerKind.${s.answerKind}`)}</strong> · {when(ctx, s.answeredAt)}
              </p>
              {s.refusalGround ? (
                <p>
                  {t('websites.ppid.status.refusalGround')}:{' '}
                  {t(`websites.ppid.refusalGround.${s.refusalGround}`)}
                </p>
              ) : null}
              <p className="prewrap">{s.answer}</p>
            </section>
          ) : null}
          {s.objectionAt ? (
            <section aria-labelledby="ppid-objection">
              <h2 id="ppid-objection">{t('websites.ppid.status.objection')}</h2>
              <p>{s.objectionGround ? t(`websites.ppid.objectionGround.${s.objectionGround}`) : null}</p>
              <p className="prewrap">{s.objectionReason}</p>
              {s.objectionAnswer ? (
                <>
                  <h3>{t('websites.ppid.status.objectionAnswer')}</h3>
                  <p className="prewrap">{s.objectionAnswer}</p>
                  <p>{t('websites.ppid.status.objectionFurther')}</p>
                </>
              ) : (
                <p>
                  {t('websites.ppid.status.objectionDueOn')}:{' '}
                  {s.objectionDueOn ? dayText(ctx, s.objectionDueOn) : ''}
                </p>
              )}
            </section>
          ) : null}
          {s.mayObject ? (
            <section aria-labelledby="ppid-object">
              <h2 id="ppid-object">{t('websites.ppid.status.objectTitle')}</h2>
              <p>
                {t('websites.ppid.status.objectionWindow', {
                  date: dayText(ctx, s.objectionUntil ?? s.dueOn),
                })}
              </p>
              <form method="post" action={href(ctx, `${base}/keberatan`)} className="card" noValidate>
                <input type="hidden" name="_csrf" value={ctx.csrf ?? ''} />
                <input type="hidden" name="kode" value={secret} />
                <fieldset id="ground" className={errors.ground ? 'field has-error' : 'field'}>
                  <legend>{t('websites.ppid.status.ground')}</legend>
                  {errors.ground ? <p className="error">{errors.ground}</p> : null}
                  {OBJECTION_GROUNDS.map((g) => (
                    <div key={g}>
                      <input
                        type="radio"
                        id={`ground-${g}`}
                        name="ground"
                        value={g}
                        defaultChecked={values.ground === g}
                      />{' '}
                      <label htmlFor={`ground-${g}`}>{t(`websites.ppid.objectionGround.${g}`)}</label>
                    </div>
                  ))}
                </fieldset>
                <Field
                  id="reason"
                  label={t('websites.ppid.status.reason')}
                  error={errors.reason}
                  required
                  t={t}
                >
                  {(aria) => <textarea name="reason" rows={5} defaultValue={values.reason ?? ''} {...aria} />}
                </Field>
                <button type="submit" className="cta">
                  {t('websites.ppid.status.objectSend')}
                </button>
              </form>
            </section>
          ) : s.status === 'answered' ? (
            <p>{t('websites.ppid.status.objectionClosed')}</p>
          ) : null}
        </>
      ),
    });
  };

  app.get<{ Params: NumberP; Querystring: { kode?: string } }>(
    '/situs/:site/ppid/status/:number',
    { config: { auth: 'optional', rateLimit: { max: 30, timeWindow: '1 minute' } } },
    (request, reply) => showStatus(request, reply, (request.query.kode ?? '').trim().slice(0, 100)),
  );

  app.post<{ Params: NumberP }>(
    '/situs/:site/ppid/status/:number',
    { config: { auth: 'optional', rateLimit: { max: 30, timeWindow: '1 minute' } } },
    (request, reply) => {
      const secret = formOf(request, ['kode']).kode!.trim().slice(0, 100);
      if (!secret) return showStatus(request, reply, '', { missing: true });
      return showStatus(request, reply, secret);
    },
  );

  app.post<{ Params: NumberP }>(
    '/situs/:site/ppid/status/:number/keberatan',
    { config: { auth: 'optional', rateLimit: { max: 20, timeWindow: '1 minute' } } },
    async (request, reply) => {
      const ctx = portalContext(platform, request);
      const { t } = ctx;
      const values = formOf(request, ['kode', 'ground', 'reason']);
      const secret = values.kode!.trim().slice(0, 100);
      const errors: Record<string, string> = {};
      const ground = OBJECTION_GROUNDS.find((g) => g === values.ground);
      if (!ground) errors.ground = t('field.required');
      const reason = values.reason!.trim();
      if (reason.length < 10)
        errors.reason = reason ? t('field.minLength', { limit: 10 }) : t('field.required');
      else if (reason.length > 5000) errors.reason = t('field.maxLength', { limit: 5000 });
      if (Object.keys(errors).length || !ground)
        return showStatus(request, reply, secret, { errors, values });
      try {
        await inTenant(request, ctx, (scope) =>
          fileObjection(callOf(request), scope, request.params.site, request.params.number, secret, {
            ground,
            reason,
          }),
        );
      } catch (error) {
        if (error instanceof AppError && error.code === 'invalid_transition') {
          const message = t(`detail.${error.detailKey}`, error.params);
          return showStatus(request, reply, secret, { errors: { reason: message }, values });
        }
        if (error instanceof AppError && error.code === 'forbidden')
          return showStatus(request, reply, secret);
        throw error;
      }
      return showStatus(request, reply, secret, { notice: t('websites.ppid.status.objected') });
    },
  );
}
