/**
 * The report form's privacy choices, as SP4N-LAPOR! offers them: a confidential report (never
 * public: only the reporter and staff see it) and an anonymous one (the reporter's identity is
 * hidden from staff). Checkboxes that send "1" when ticked (`form-fields.ts` reads them).
 */
import type { PortalContext } from '../../../platform/sdk/portal.ts';

export function PrivacyFields({ ctx, values }: { ctx: PortalContext; values: Record<string, string> }) {
  const { t } = ctx;
  const box = (name: 'confidential' | 'anonymous') => (
    <div className="choice-hint">
      <input
        type="checkbox"
        id={name}
        name={name}
        value="1"
        defaultChecked={values[name] === '1'}
        aria-describedby={`${name}-hint`}
      />{' '}
      <label htmlFor={name}>{t(`reports.portal.privacy.${name}`)}</label>
      <p className="hint" id={`${name}-hint`}>
        {t(`reports.portal.privacy.${name}Hint`)}
      </p>
    </div>
  );
  return (
    <fieldset>
      <legend>{t('reports.portal.privacy.legend')}</legend>
      {box('confidential')}
      {box('anonymous')}
    </fieldset>
  );
}
