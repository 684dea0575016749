/**
 * Before filing, the reports near the pin: an empty, hidden section of the report form that its
 * script (`client/lib/nearby.ts`) fills with the open public reports of the chosen category within
 * the tenant's duplicate radius, so that a citizen can follow one instead of filing it again.
 * Without JavaScript it stays hidden: the form works as before.
 */
import type { PortalContext } from '../../../platform/sdk/portal.ts';
import { STATUSES } from '../lifecycle.ts';

/** What the script needs, in the page's language: placeholders (`{{m}}`) are filled there. */
function nearbyTexts(ctx: PortalContext) {
  const raw = (key: string) => ctx.t(`reports.portal.nearby.${key}`, { skipInterpolation: true });
  return {
    distance: raw('distance'),
    filed: raw('filed'),
    status: Object.fromEntries(STATUSES.map((s) => [s, ctx.t(`reports.status.${s}`)])),
  };
}

export function NearbyReports({ ctx, radiusM }: { ctx: PortalContext; radiusM: number }) {
  const { t } = ctx;
  return (
    <section
      id="nearby-reports"
      className="nearby"
      hidden
      aria-labelledby="nearby-title"
      data-api={`${ctx.base}/api/v1/reports`}
      data-page={`${ctx.base}/laporan/`}
      data-radius={radiusM}
      data-texts={JSON.stringify(nearbyTexts(ctx))}
    >
      <h2 id="nearby-title">{t('reports.portal.nearby.title')}</h2>
      <p className="hint">{t('reports.portal.nearby.intro')}</p>
      <ul className="list" aria-live="polite" />
    </section>
  );
}
