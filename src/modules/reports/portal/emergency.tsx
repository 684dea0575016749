/**
 * The note that a report is not an emergency call: LAKSA answers in working days, so a fire, an
 * accident or a crime in progress goes to 112, Indonesia's free emergency number.
 */
import type { PortalContext } from '../../../platform/sdk/portal.ts';

export function EmergencyNote({ ctx }: { ctx: PortalContext }) {
  return (
    <p className="notice emergency" id="emergency-note">
      <strong>{ctx.t('reports.portal.emergency.title')}</strong> {ctx.t('reports.portal.emergency.text')}{' '}
      <a href="tel:112">{ctx.t('reports.portal.emergency.call')}</a>
    </p>
  );
}
