/**
 * The citizen's account pages: sign-up (`/daftar`), forgotten password (`/lupa-sandi`) and the new
 * password a reset link opens (`/atur-sandi?token=…`), my account with its password change
 * (`/akun`). Plain forms that work without JavaScript; each calls the same platform service as the
 * API. Sign-up does not say which identifier is already registered, but its neutral notice still
 * tells that one of them is (with a single identifier given, which): only a verified sign-up (a
 * code sent to the address) would close that, and the API still answers per field.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../platform/errors.ts';
import { actorOf, SESSION_COOKIE } from '../../platform/http/auth-hooks.ts';
import { login, MIN_PASSWORD_LENGTH } from '../../platform/people/auth.ts';
import {
  changePassword,
  confirmPasswordReset,
  RESET_TTL_MINUTES,
  requestPasswordReset,
  resetTokenUsable,
} from '../../platform/people/passwords.ts';
import { resetBase } from '../../platform/people/routes.ts';
import { Register } from '../../platform/people/schemas.ts';
import { checkIdentity, getUser, registerCitizen } from '../../platform/people/service.ts';
import type { Platform } from '../../platform/platform.ts';
import { validate } from '../../platform/validate.ts';
import {
  ErrorSummary,
  Field,
  fieldErrors,
  href,
  type PortalContext,
  portalContext,
  sendPage,
} from './kit.tsx';

/** What a reset link's token looks like (the service checks the rest). */
const RESET_TOKEN = /^[A-Za-z0-9_-]{20,100}$/;

type Form = Record<string, string>;

/** The string fields of a urlencoded form (anything else is dropped). */
function formOf(request: FastifyRequest): Form {
  const out: Form = {};
  for (const [k, v] of Object.entries((request.body ?? {}) as Record<string, unknown>)) {
    if (typeof v === 'string') out[k] = v;
  }
  return out;
}

function PasswordFields(props: { ctx: PortalContext; errors: Record<string, string>; label?: string }) {
  const { t } = props.ctx;
  return (
    <>
      <Field
        id="password"
        label={props.label ?? t('portal.password')}
        hint={t('portal.passwordHint', { min: MIN_PASSWORD_LENGTH })}
        error={props.errors.password}
        required
        t={t}
      >
        {(aria) => <input type="password" name="password" autoComplete="new-password" {...aria} />}
      </Field>
      <Field id="password2" label={t('portal.passwordAgain')} error={props.errors.password2} required t={t}>
        {(aria) => <input type="password" name="password2" autoComplete="new-password" {...aria} />}
      </Field>
    </>
  );
}

/** Field errors of the two password boxes that need no service: empty, too short, different. */
function passwordErrors(ctx: PortalContext, form: Form): Record<string, string> {
  const errors: Record<string, string> = {};
  const password = form.password ?? '';
  if (!password) errors.password = ctx.t('field.required');
  else if (password.length < MIN_PASSWORD_LENGTH) errors.password = ctx.t('field.password_weak');
  if (password && (form.password2 ?? '') !== password) errors.password2 = ctx.t('portal.passwordMismatch');
  return errors;
}

function signUpPage(ctx: PortalContext, values: Form, errors: Record<string, string>, refused = false) {
  const { t } = ctx;
  return {
    title: t('portal.signUpTitle'),
    body: (
      <>
        <h1>{t('portal.signUpTitle')}</h1>
        <p className="lead">{t('portal.signUpIntro')}</p>
        {refused ? (
          <div className="summary" role="alert">
            <p>{t('portal.signUpRefused')}</p>
            <p>
              <a href={href(ctx, '/masuk')}>{t('portal.signIn')}</a> ·{' '}
              <a href={href(ctx, '/lupa-sandi')}>{t('portal.forgotLink')}</a>
            </p>
          </div>
        ) : (
          <ErrorSummary errors={errors} t={t} />
        )}
        <form method="post" action={`${ctx.base}/daftar`} className="card" noValidate>
          <Field id="displayName" label={t('portal.name')} error={errors.displayName} required t={t}>
            {(aria) => (
              <input
                type="text"
                name="displayName"
                autoComplete="name"
                defaultValue={values.displayName ?? ''}
                {...aria}
              />
            )}
          </Field>
          <Field id="email" label={t('portal.email')} error={errors.email} t={t}>
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
          <Field id="phone" label={t('portal.phone')} hint={t('portal.phoneHint')} error={errors.phone} t={t}>
            {(aria) => (
              <input type="tel" name="phone" autoComplete="tel" defaultValue={values.phone ?? ''} {...aria} />
            )}
          </Field>
          <Field id="nik" label={t('portal.nik')} hint={t('portal.nikHint')} error={errors.nik} t={t}>
            {(aria) => (
              <input
                type="text"
                name="nik"
                inputMode="numeric"
                autoComplete="off"
                defaultValue={values.nik ?? ''}
                {...aria}
              />
            )}
          </Field>
          <PasswordFields ctx={ctx} errors={errors} />
          <button type="submit" className="cta">
            {t('portal.signUpButton')}
          </button>
        </form>
        <p>
          {t('portal.haveAccount')} <a href={href(ctx, '/masuk')}>{t('portal.signIn')}</a>
        </p>
      </>
    ),
  };
}

function forgotPage(ctx: PortalContext, login: string, errors: Record<string, string>) {
  const { t } = ctx;
  return {
    title: t('portal.forgotTitle'),
    body: (
      <>
        <h1>{t('portal.forgotTitle')}</h1>
        <p>{t('portal.forgotIntro')}</p>
        <ErrorSummary errors={errors} t={t} />
        <form method="post" action={`${ctx.base}/lupa-sandi`} className="card" noValidate>
          <Field id="login" label={t('portal.login')} error={errors.login} required t={t}>
            {(aria) => (
              <input type="text" name="login" autoComplete="username" defaultValue={login} {...aria} />
            )}
          </Field>
          <button type="submit" className="cta">
            {t('portal.forgotButton')}
          </button>
        </form>
      </>
    ),
  };
}

function resetPage(ctx: PortalContext, token: string, errors: Record<string, string>) {
  const { t } = ctx;
  return {
    title: t('portal.resetTitle'),
    body: (
      <>
        <h1>{t('portal.resetTitle')}</h1>
        <p>{t('portal.resetIntro')}</p>
        <ErrorSummary errors={errors} t={t} />
        <form method="post" action={`${ctx.base}/atur-sandi`} className="card" noValidate>
          <input type="hidden" name="token" value={token} />
          <PasswordFields ctx={ctx} errors={errors} label={t('portal.newPassword')} />
          <button type="submit" className="cta">
            {t('portal.resetButton')}
          </button>
        </form>
      </>
    ),
  };
}

function resetInvalidPage(ctx: PortalContext) {
  const { t } = ctx;
  return {
    title: t('portal.resetInvalidTitle'),
    status: 400,
    body: (
      <>
        <h1>{t('portal.resetInvalidTitle')}</h1>
        <p>{t('field.reset_token')}</p>
        <p>
          <a className="cta" href={href(ctx, '/lupa-sandi')}>
            {t('portal.resetAskAgain')}
          </a>
        </p>
      </>
    ),
  };
}

/** A reset page carries its token in the address: no other site may learn it from a Referer. */
function noReferrer(reply: FastifyReply): FastifyReply {
  return reply.header('referrer-policy', 'no-referrer');
}

export async function accountPages(app: FastifyInstance, platform: Platform): Promise<void> {
  const limited = { rateLimit: { max: platform.config.login.ratePerMinute, timeWindow: '1 minute' } };

  app.get('/daftar', { config: { auth: 'optional' } }, async (request, reply) => {
    const ctx = portalContext(platform, request);
    if (ctx.user) return reply.redirect(`${ctx.base}/akun`, 303);
    return sendPage(reply, ctx, signUpPage(ctx, {}, {}));
  });

  app.post('/daftar', { config: { auth: 'none', ...limited } }, async (request, reply) => {
    const ctx = portalContext(platform, request);
    const form = formOf(request);
    const values: Record<string, string> = {};
    for (const key of ['displayName', 'email', 'phone', 'nik'] as const) {
      const v = (form[key] ?? '').trim();
      if (v) values[key] = v;
    }
    const kept = { ...values };
    const again = passwordErrors(ctx, form);
    let errors: Record<string, string> = {};
    let refused = false;
    try {
      const input = validate(Register, { ...values, password: form.password ?? '' });
      // Every field's mistake at once, before the second password box is trusted.
      checkIdentity(input);
      if (Object.keys(again).length === 0) {
        await platform.inTenant(ctx.tenant.id, actorOf(request), (scope) =>
          registerCitizen(scope, input, { language: ctx.lang, tenantName: ctx.tenant.name }),
        );
      }
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== 'validation') throw error;
      // Which identifier is taken is not said here; the summary offers sign-in and reset instead.
      refused = error.fields.some((f) => f.code === 'taken');
      errors = fieldErrors(
        new AppError('validation', { fields: error.fields.filter((f) => f.code !== 'taken') }),
        ctx.t,
      );
    }
    errors = { ...errors, ...again };
    if (refused || Object.keys(errors).length > 0) {
      return sendPage(reply, ctx, { ...signUpPage(ctx, kept, errors, refused), status: 400 });
    }
    // Signed in at once with the password just chosen.
    const signedIn = await platform.inTenant(ctx.tenant.id, actorOf(request), (scope) =>
      login(
        scope,
        {
          login: values.email ?? values.phone ?? '',
          password: form.password ?? '',
          ip: request.ip,
          userAgent: request.headers['user-agent'] ?? null,
        },
        { ...platform.config.login, sessionTtlHours: platform.config.sessionTtlHours },
      ),
    );
    if (!signedIn.ok) return reply.redirect(href(ctx, '/masuk'), 303);
    reply.setCookie(SESSION_COOKIE, signedIn.secret, {
      httpOnly: true,
      sameSite: 'lax',
      secure: platform.config.secureCookies,
      path: `${ctx.base}/`,
      expires: signedIn.expiresAt,
    });
    return reply.redirect(href(ctx, '/akun', { baru: '1' }), 303);
  });

  app.get('/lupa-sandi', { config: { auth: 'optional' } }, async (request, reply) => {
    const ctx = portalContext(platform, request);
    return sendPage(reply, ctx, forgotPage(ctx, '', {}));
  });

  app.post('/lupa-sandi', { config: { auth: 'none', ...limited } }, async (request, reply) => {
    const ctx = portalContext(platform, request);
    const loginName = (formOf(request).login ?? '').trim();
    if (loginName.length < 3 || loginName.length > 254) {
      const error = ctx.t(loginName ? 'field.invalid' : 'field.required');
      return sendPage(reply, ctx, { ...forgotPage(ctx, loginName, { login: error }), status: 400 });
    }
    await platform.inTenant(ctx.tenant.id, actorOf(request), (scope) =>
      requestPasswordReset(scope, {
        login: loginName,
        ip: request.ip,
        language: ctx.lang,
        tenantName: ctx.tenant.name,
        base: resetBase(platform, request),
      }),
    );
    const { t } = ctx;
    // The same page whether or not the account exists.
    return sendPage(reply, ctx, {
      title: t('portal.forgotSentTitle'),
      body: (
        <>
          <h1>{t('portal.forgotSentTitle')}</h1>
          <p className="notice" role="status">
            {t('portal.forgotSent', { minutes: RESET_TTL_MINUTES })}
          </p>
          <p>{t('portal.forgotAgain')}</p>
          <p>
            <a href={href(ctx, '/masuk')}>{t('portal.signIn')}</a>
          </p>
        </>
      ),
    });
  });

  app.get<{ Querystring: { token?: string } }>(
    '/atur-sandi',
    { config: { auth: 'optional' } },
    async (request, reply) => {
      const ctx = portalContext(platform, request);
      const token = typeof request.query.token === 'string' ? request.query.token : '';
      const usable =
        RESET_TOKEN.test(token) &&
        (await platform.inTenantRead(ctx.tenant.id, actorOf(request), (scope) =>
          resetTokenUsable(scope, token),
        ));
      noReferrer(reply);
      return sendPage(reply, ctx, usable ? resetPage(ctx, token, {}) : resetInvalidPage(ctx));
    },
  );

  app.post('/atur-sandi', { config: { auth: 'none', ...limited } }, async (request, reply) => {
    const ctx = portalContext(platform, request);
    const form = formOf(request);
    const token = form.token ?? '';
    noReferrer(reply);
    if (!RESET_TOKEN.test(token)) return sendPage(reply, ctx, resetInvalidPage(ctx));
    const errors = passwordErrors(ctx, form);
    if (Object.keys(errors).length > 0) {
      return sendPage(reply, ctx, { ...resetPage(ctx, token, errors), status: 400 });
    }
    try {
      await platform.inTenant(ctx.tenant.id, actorOf(request), (scope) =>
        confirmPasswordReset(
          scope,
          { token, password: form.password ?? '' },
          { language: ctx.lang, tenantName: ctx.tenant.name },
        ),
      );
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== 'validation') throw error;
      if (error.fields.some((f) => f.path === '/body/token'))
        return sendPage(reply, ctx, resetInvalidPage(ctx));
      return sendPage(reply, ctx, { ...resetPage(ctx, token, fieldErrors(error, ctx.t)), status: 400 });
    }
    // Every session of the account ended, this browser's included.
    reply.clearCookie(SESSION_COOKIE, { path: `${ctx.base}/` });
    return reply.redirect(href(ctx, '/masuk', { reset: '1' }), 303);
  });

  app.get<{ Querystring: { baru?: string; sandi?: string } }>(
    '/akun',
    { config: { auth: 'optional' } },
    async (request, reply) => {
      const ctx = portalContext(platform, request);
      if (!ctx.user) return reply.redirect(href(ctx, '/masuk', { next: ctx.url }), 303);
      const notice =
        request.query.baru === '1'
          ? ctx.t('portal.welcome')
          : request.query.sandi === '1'
            ? ctx.t('portal.passwordChanged')
            : undefined;
      return sendAccount(reply, ctx, request, { notice, errors: {} });
    },
  );

  app.post('/akun/sandi', { config: { auth: 'required', ...limited } }, async (request, reply) => {
    const ctx = portalContext(platform, request);
    const form = formOf(request);
    const errors = passwordErrors(ctx, form);
    if (!form.current) errors.current = ctx.t('field.required');
    if (Object.keys(errors).length === 0) {
      const principal = request.principal!;
      try {
        const result = await platform.inTenant(ctx.tenant.id, actorOf(request), (scope) =>
          changePassword(
            scope,
            principal.user.id,
            { current: form.current ?? '', password: form.password ?? '' },
            { language: ctx.lang, tenantName: ctx.tenant.name, keepSessionId: principal.sessionId },
          ),
        );
        if (result.ok) return reply.redirect(href(ctx, '/akun', { sandi: '1' }), 303);
        Object.assign(errors, fieldErrors(result.error, ctx.t));
      } catch (error) {
        if (!(error instanceof AppError) || error.code !== 'validation') throw error;
        Object.assign(errors, fieldErrors(error, ctx.t));
      }
    }
    return sendAccount(reply, ctx, request, { errors, status: 400 });
  });
}

async function sendAccount(
  reply: FastifyReply,
  ctx: PortalContext,
  request: FastifyRequest,
  opts: { notice?: string | undefined; errors: Record<string, string>; status?: number },
) {
  const { t, platform } = ctx;
  const user = await platform.inTenantRead(ctx.tenant.id, actorOf(request), (scope) =>
    getUser(scope, ctx.user!.id),
  );
  const errors = opts.errors;
  const links = platform.liveModules(ctx.tenant.id).flatMap((m) => m.accountLinks ?? []);
  return sendPage(reply, ctx, {
    title: t('portal.accountTitle'),
    ...(opts.status ? { status: opts.status } : {}),
    body: (
      <>
        <h1>{t('portal.accountTitle')}</h1>
        {opts.notice ? (
          <p className="notice" role="status">
            {opts.notice}
          </p>
        ) : null}
        <h2>{t('portal.accountDetails')}</h2>
        <dl className="card details">
          <dt>{t('portal.name')}</dt>
          <dd>{user.displayName}</dd>
          <dt>{t('portal.email')}</dt>
          <dd>{user.email ?? t('portal.noValue')}</dd>
          <dt>{t('portal.phone')}</dt>
          <dd>{user.phone ?? t('portal.noValue')}</dd>
        </dl>
        {links.map((link) => (
          <p key={link.path}>
            <a className="cta" href={href(ctx, link.path)}>
              {t(link.label)}
            </a>
          </p>
        ))}
        <h2 id="ganti-sandi">{t('portal.changePassword')}</h2>
        <p>{t('portal.changePasswordIntro')}</p>
        <ErrorSummary errors={errors} t={t} />
        <form
          method="post"
          action={`${ctx.base}/akun/sandi`}
          className="card"
          aria-labelledby="ganti-sandi"
          noValidate
        >
          <input type="hidden" name="_csrf" value={ctx.csrf ?? ''} />
          <input
            type="text"
            name="username"
            autoComplete="username"
            defaultValue={user.email ?? user.phone ?? ''}
            hidden
          />
          <Field id="current" label={t('portal.currentPassword')} error={errors.current} required t={t}>
            {(aria) => <input type="password" name="current" autoComplete="current-password" {...aria} />}
          </Field>
          <PasswordFields ctx={ctx} errors={errors} label={t('portal.newPassword')} />
          <button type="submit" className="cta">
            {t('portal.changePasswordButton')}
          </button>
        </form>
      </>
    ),
  });
}
