/**
 * The reporter's forms on a report's page: confirm with a rating, reopen, add information. Each
 * posts to the page's answer address; a visitor without an account gives the report's secret code.
 */
import { ErrorSummary, Field, href, type PortalContext } from '../../../platform/sdk/portal.ts';
import { actionsFrom, type Status } from '../lifecycle.ts';
import type { PublicDetail } from './shared.tsx';

/** What a reporter may answer on the portal. */
export const RESPONSES = ['confirm', 'reopen', 'add_info'] as const;
export type Response = (typeof RESPONSES)[number];

export type ResponseForm = {
  notice?: string | undefined;
  action?: Response;
  values?: Record<string, string>;
  errors?: Record<string, string>;
  /** The secret code the reporter opened the report with: they are known, and need not type it. */
  secret?: string;
};

/**
 * The reporter's forms. A signed-in reporter sees those the server allows them now; a visitor
 * without an account sees the ones the status allows, each asking for the report's secret code.
 */
export function ReporterForms({ ctx, r, form }: { ctx: PortalContext; r: PublicDetail; form: ResponseForm }) {
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
  // Known to be the reporter (their account's report, or the code they opened it with), or not yet.
  const known = Boolean(form.secret) || (ctx.user !== null && r.actions !== undefined);
  const secretField = (a: Response) =>
    ctx.user ? null : form.secret ? (
      <input type="hidden" name="secret" value={form.secret} />
    ) : (
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
      <p>{t(known ? 'reports.portal.respond.intro' : 'reports.portal.respond.introVisitor')}</p>
      {Object.keys(errors).length ? (
        // biome-ignore lint/a11y/noAutofocus: the page answers the person's own send: its error summary takes the focus, in view and read out (GOV.UK's pattern)
        <div tabIndex={-1} autoFocus id="respond-errors">
          <ErrorSummary errors={errors} t={t} />
        </div>
      ) : null}
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
