/**
 * The widget the app offers to other apps' pages (`reports.report-button`, see
 * `AppManifest.widgets`): the call to report a problem, with the way to follow a report made earlier.
 */
import type { FastifyRequest } from 'fastify';
import type { Platform, WidgetDef } from '../../../platform/sdk/index.ts';
import { href, portalContext } from '../../../platform/sdk/portal.ts';

async function renderReportButton(request: FastifyRequest, platform: Platform) {
  const ctx = portalContext(platform, request);
  const { t } = ctx;
  return (
    <p className="card">
      <a className="cta" href={href(ctx, '/lapor')}>
        {t('reports.portal.reportCta')}
      </a>{' '}
      <a href={href(ctx, '/lacak')}>{t('reports.portal.trackTitle')}</a>
    </p>
  );
}

export const reportWidgets: readonly WidgetDef[] = [
  { id: 'report-button', label: 'reports.widget.reportButton', render: renderReportButton },
];
