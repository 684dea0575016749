/**
 * The portal map (`/peta`): every public layer of the tenant on one map, uploaded ones and the
 * live apps' (the same collections the public sees in the OGC API), with a layer switcher and a
 * legend per layer. Drawn on the server first: the list of layers with their legends, sources and
 * data links is the page and works without JavaScript; `client/maps-peta.ts` adds the map above it
 * and turns the list into the switcher.
 */
import type { FastifyInstance } from 'fastify';
import { actorOf, type Platform } from '../../../platform/sdk/index.ts';
import {
  basemapData,
  mapArea,
  type PageContent,
  type PortalContext,
  portalContext,
  portalEntry,
  sendPage,
} from '../../../platform/sdk/portal.ts';
import { type Collection, extentOf, readerOf, visibleCollections } from '../ogc/collections.ts';

/** The most features a layer draws in the map's view; the rest are one zoom away (or in the OGC API). */
const MAP_LIMIT = 1000;

type Shown = { c: Collection; title: string; description: string };

function legendOf(c: Collection, lang: 'id' | 'en') {
  const by = c.style.by;
  if (!by) return [{ color: c.style.color, label: null as string | null }];
  return [
    ...by.values.map((v) => ({ color: v.color, label: v.label[lang] || v.value })),
    { color: c.style.color, label: null },
  ];
}

function mapData(ctx: PortalContext, layers: Shown[]): Pick<PageContent, 'scripts' | 'styles' | 'data'> {
  const entry = portalEntry('maps-peta');
  if (!entry || layers.length === 0) return {};
  const text = (k: string) => ctx.t(`maps.portal.map.${k}`, { skipInterpolation: true });
  return {
    scripts: [entry.script],
    styles: entry.styles,
    data: {
      mapsPeta: {
        layers: layers.map(({ c, title }) => ({
          id: c.id,
          title,
          items: `${ctx.base}/ogc/collections/${encodeURIComponent(c.id)}/items`,
          limit: MAP_LIMIT,
          style: c.style,
        })),
        basemap: basemapData(ctx),
        area: mapArea(ctx),
        bbox: ctx.tenant.areaBBox,
        texts: {
          mapLabel: text('label'),
          zoomIn: text('zoomIn'),
          zoomOut: text('zoomOut'),
          shown: text('shown'),
          more: text('more'),
        },
      },
    },
  };
}

/** Registers the app's portal pages (inside the portal, behind the adoption gate). */
export function registerPortal(app: FastifyInstance, platform: Platform) {
  app.get('/peta', { config: { auth: 'optional' } }, async (request, reply) => {
    const ctx = portalContext(platform, request);
    const { t } = ctx;
    const lang = ctx.lang === 'en' ? 'en' : 'id';
    const layers = await platform.inTenantRead(ctx.tenant.id, actorOf(request), async (scope) => {
      // The public's view whoever asks: the page is the same for everyone.
      const all = await visibleCollections(platform, scope, readerOf(platform, scope, null));
      return Promise.all(all.map(async (c) => ({ c, extent: await extentOf(platform, scope, c) })));
    });
    const shown: Shown[] = layers.map(({ c }) => ({
      c,
      title: c.title[lang] || c.title.id || c.id,
      description: c.description[lang] || c.description.id,
    }));
    return sendPage(reply, ctx, {
      title: t('maps.portal.title'),
      head: { description: t('maps.portal.intro', { tenant: ctx.tenant.name }) },
      ...mapData(ctx, shown),
      body: (
        <>
          <h1>{t('maps.portal.title')}</h1>
          <p className="lead">{t('maps.portal.intro', { tenant: ctx.tenant.name })}</p>
          {shown.length === 0 ? <p className="card">{t('maps.portal.empty')}</p> : null}
          {shown.length > 0 ? (
            <section aria-labelledby="maps-layers-title" data-maps-layers>
              <h2 id="maps-layers-title">{t('maps.portal.layers')}</h2>
              <ul className="maps-layer-list">
                {shown.map(({ c, title, description }) => (
                  <li className="card maps-layer" key={c.id} data-layer={c.id}>
                    <h3 id={`layer-${c.id}`}>{title}</h3>
                    {description ? <p>{description}</p> : null}
                    <ul className="maps-legend" aria-label={t('maps.portal.legend', { layer: title })}>
                      {legendOf(c, lang).map((entry) => (
                        <li key={`${entry.color}-${entry.label}`}>
                          <span
                            className="maps-swatch"
                            aria-hidden="true"
                            style={{ background: entry.color }}
                          />
                          {entry.label ?? (c.style.by ? t('maps.portal.other') : title)}
                        </li>
                      ))}
                    </ul>
                    <p className="meta">
                      {c.attribution ? <>{t('maps.portal.source', { source: c.attribution })} · </> : null}
                      {c.licence ? <>{t('maps.portal.licence', { licence: c.licence })} · </> : null}
                      <a
                        href={`${ctx.base}/ogc/collections/${encodeURIComponent(c.id)}/items?f=json&limit=10000`}
                      >
                        {t('maps.portal.data')}
                      </a>
                    </p>
                  </li>
                ))}
              </ul>
              <p className="meta">
                <a href={`${ctx.base}/ogc`}>{t('maps.portal.ogc')}</a>
              </p>
            </section>
          ) : null}
        </>
      ),
    });
  });
}
