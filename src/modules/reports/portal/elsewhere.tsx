/**
 * When the pin lies in another region that takes reports in Balai, the form says where to report
 * it instead, with a link to that region's form (intake's `report_elsewhere`, with `placeSlug`).
 */
import type { AppError } from '../../../platform/sdk/index.ts';
import type { PortalContext } from '../../../platform/sdk/portal.ts';

export function ElsewhereNotice({ ctx, error }: { ctx: PortalContext; error: AppError }) {
  const { place, placeSlug } = error.params;
  if (error.detailKey !== 'report_elsewhere' || typeof placeSlug !== 'string') return null;
  return (
    <p className="notice" id="report-elsewhere">
      {ctx.t('detail.report_elsewhere', { place })}{' '}
      <a href={`/t/${placeSlug}/lapor`}>{ctx.t('reports.portal.reportThere', { place })}</a>
    </p>
  );
}
