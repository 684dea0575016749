/**
 * The adoption network (`/jaringan`): which regions adopted which apps, on which channel, since
 * when and from whom — the data of `GET /api/v1/network`, drawn as one table grouped by region
 * (a row group per region, its name as the group's header), so that a screen reader announces the
 * region with each adoption.
 */
import type { FastifyInstance } from 'fastify';
import { listNetworkAcrossTenants } from '../../platform/catalogue/service.ts';
import type { Platform } from '../../platform/platform.ts';
import { type PortalContext, portalContext, sendPage } from './kit.tsx';

type Row = Awaited<ReturnType<typeof listNetworkAcrossTenants>>[number];

const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** A calendar date ('YYYY-MM-DD') in the visitor's language. */
function day(ctx: PortalContext, date: string): string {
  let format = dayFormats.get(ctx.lang);
  if (!format) {
    format = new Intl.DateTimeFormat(ctx.lang === 'id' ? 'id-ID' : 'en-GB', {
      dateStyle: 'medium',
      timeZone: 'UTC',
    });
    dayFormats.set(ctx.lang, format);
  }
  return format.format(new Date(`${date}T00:00:00Z`));
}

/** Rows grouped by region, in the order of the regions' codes (the service's order). */
function byRegion(rows: readonly Row[]): Array<{ tenant: Row['tenant']; rows: Row[] }> {
  const groups = new Map<string, { tenant: Row['tenant']; rows: Row[] }>();
  for (const row of rows) {
    const group = groups.get(row.tenant.slug) ?? { tenant: row.tenant, rows: [] };
    group.rows.push(row);
    groups.set(row.tenant.slug, group);
  }
  return [...groups.values()];
}

export function networkPage(app: FastifyInstance, platform: Platform): void {
  app.get('/jaringan', { config: { auth: 'optional' } }, async (request, reply) => {
    const ctx = portalContext(platform, request);
    const { t } = ctx;
    const rows = await listNetworkAcrossTenants(platform.database.db, {});
    const groups = byRegion(rows);
    const live = rows.filter((r) => r.status === 'live').length;
    return sendPage(reply, ctx, {
      title: t('portal.networkTitle'),
      body: (
        <>
          <h1>{t('portal.networkTitle')}</h1>
          <p className="lead">{t('portal.networkIntro')}</p>
          {rows.length === 0 ? (
            <p className="card">{t('portal.networkEmpty')}</p>
          ) : (
            <>
              <p>{t('portal.networkSummary', { regions: groups.length, live })}</p>
              {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard */}
              <section className="table-wrap" aria-labelledby="network-caption" tabIndex={0}>
                <table className="table">
                  <caption id="network-caption">{t('portal.networkCaption')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('portal.colApp')}</th>
                      <th scope="col">{t('portal.colChannel')}</th>
                      <th scope="col">{t('portal.colStatus')}</th>
                      <th scope="col">{t('portal.colSince')}</th>
                      <th scope="col">{t('portal.colOrigin')}</th>
                    </tr>
                  </thead>
                  {groups.map((group) => (
                    <tbody key={group.tenant.slug} id={`daerah-${group.tenant.slug}`}>
                      <tr className="group">
                        <th scope="rowgroup" colSpan={5}>
                          {group.tenant.name} <span className="meta-inline">({group.tenant.code})</span>
                        </th>
                      </tr>
                      {group.rows.map((r) => (
                        <tr key={`${r.app.code}-${r.channel}`}>
                          <th scope="row">{r.app.name}</th>
                          <td>{t(`portal.channel.${r.channel}`, { defaultValue: r.channel })}</td>
                          <td>{t(`portal.adoption.${r.status}`, { defaultValue: r.status })}</td>
                          <td>{r.since ? day(ctx, r.since) : '—'}</td>
                          <td>{r.origin ? r.origin.name : t('portal.originSelf')}</td>
                        </tr>
                      ))}
                    </tbody>
                  ))}
                </table>
              </section>
            </>
          )}
        </>
      ),
    });
  });
}
