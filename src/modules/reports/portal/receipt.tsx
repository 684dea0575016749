/** The receipt of a filed report: its tracking number and, for a reporter without an account, its secret. */
import type { PortalContext } from '../../../platform/sdk/portal.ts';
import type { FiledReport } from '../services/intake.ts';

/** The page that answers a filed report (201). */
export function receiptPage(ctx: PortalContext, filed: FiledReport, confidential = false) {
  const { t } = ctx;
  return {
    title: t('reports.portal.sentTitle'),
    status: 201,
    body: (
      <>
        <h1>{t('reports.portal.sentTitle')}</h1>
        <p>{t('reports.portal.sentIntro')}</p>
        <p className="big" id="tracking-no">
          {filed.trackingNo}
        </p>
        {confidential ? <p className="notice">{t('reports.portal.privacy.confidentialNote')}</p> : null}
        {filed.secret ? (
          <div className="notice">
            <p>{t('reports.portal.secretIntro')}</p>
            <p className="secret">{filed.secret}</p>
          </div>
        ) : null}
        <p>
          <a className="cta" href={`${ctx.base}/laporan/${filed.trackingNo}`}>
            {t('reports.portal.follow')}
          </a>
        </p>
      </>
    ),
  };
}
