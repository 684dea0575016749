/**
 * What a reader sees of a report that is not theirs to see — confidential, waiting for
 * verification, or not there at all (the page does not say which) — and the form with which its
 * reporter opens it by the secret code they got when filing. A wrong code's error takes the focus.
 */
import { ErrorSummary, Field, href, type PortalContext } from '../../../platform/sdk/portal.ts';

export function LockedReport(props: { ctx: PortalContext; no: string; errors: Record<string, string> }) {
  const { ctx, no, errors } = props;
  const { t } = ctx;
  const failed = Object.keys(errors).length > 0;
  return (
    <>
      <h1>{t('reports.portal.locked.title')}</h1>
      {failed ? (
        // biome-ignore lint/a11y/noAutofocus: the page answers the person's own send: its error summary takes the focus, in view and read out (GOV.UK's pattern)
        <div tabIndex={-1} autoFocus id="locked-errors">
          <ErrorSummary errors={errors} t={t} />
        </div>
      ) : null}
      <p>{t('reports.portal.locked.intro', { no })}</p>
      <form method="post" action={href(ctx, `/laporan/${no}/lihat`)} className="card" noValidate>
        <input type="hidden" name="_csrf" value={ctx.csrf ?? ''} />
        <Field
          id="secret"
          label={t('reports.portal.respond.secret')}
          hint={t('reports.portal.respond.secretHint')}
          error={errors.secret}
          required
          t={t}
        >
          {(aria) => <input type="text" name="secret" autoComplete="off" {...aria} />}
        </Field>
        <button type="submit" className="cta">
          {t('reports.portal.locked.open')}
        </button>
      </form>
      <p>
        <a href={href(ctx, '/lacak')}>{t('reports.portal.trackTitle')}</a>
      </p>
    </>
  );
}
