/**
 * What both price pages use: the API's path for their downloads, prices in rupiah, the download links.
 */
import type { PortalContext } from '../../../platform/sdk/portal.ts';
import { formatRupiah } from '../prices.ts';

export const API = '/api/v1/market-prices';

export function rupiah(ctx: PortalContext, n: number): string {
  return formatRupiah(n, ctx.lang);
}

export function Downloads({ ctx, csv, json }: { ctx: PortalContext; csv: string; json: string }) {
  const { t } = ctx;
  return (
    <section aria-labelledby="downloads">
      <h2 id="downloads">{t('market-prices.portal.download')}</h2>
      <ul>
        <li>
          <a href={csv} download="">
            {t('market-prices.portal.csv')}
          </a>
        </li>
        <li>
          <a href={json} type="application/json">
            {t('market-prices.portal.json')}
          </a>
        </li>
      </ul>
    </section>
  );
}
