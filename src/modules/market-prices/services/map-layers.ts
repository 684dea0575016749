/**
 * The market prices app's map layer (`AppManifest.mapLayers`): the active markets with a place,
 * each with its address and a link to its prices on the portal (`/harga?market=<code>`). Public:
 * a market's name and place are on the portal already.
 */
import {
  isUuid,
  type LayerFeature,
  type MapLayer,
  type Platform,
  portalLink,
} from '../../../platform/sdk/index.ts';
import {
  countMarketPoints,
  type MarketPoint,
  marketPointById,
  marketPointsExtent,
  pageOfMarketPoints,
} from '../repo/market-points.ts';

function featureOf(platform: Platform, tenantId: string, m: MarketPoint): LayerFeature {
  const path = `/harga?market=${encodeURIComponent(m.code)}`;
  const tenant = platform.directory.all().find((t) => t.id === tenantId);
  return {
    id: m.id,
    geometry: { type: 'Point', coordinates: [m.lng, m.lat] },
    properties: {
      code: m.code,
      name: m.name,
      address: m.address,
      url: tenant ? portalLink(platform.config, tenant, path) : path,
    },
  };
}

export const marketMapLayers: readonly MapLayer[] = [
  {
    id: 'markets',
    title: { id: 'Pasar', en: 'Markets' },
    description: {
      id: 'Pasar yang harganya dipantau, dengan alamat dan tautan ke harga hariannya.',
      en: 'The markets whose prices are monitored, with their address and a link to their daily prices.',
    },
    geometryType: 'Point',
    access: 'public',
    properties: [
      { name: 'code', type: 'string', label: { id: 'Kode pasar', en: 'Market code' } },
      { name: 'name', type: 'string', label: { id: 'Nama pasar', en: 'Market name' } },
      { name: 'address', type: 'string', label: { id: 'Alamat', en: 'Address' } },
      { name: 'url', type: 'string', label: { id: 'Harga di pasar ini', en: 'Prices at this market' } },
    ],
    style: { color: '#2e7d32' },
    async extent(scope) {
      const e = await marketPointsExtent(scope);
      if (e.min_lng === null || e.min_lat === null || e.max_lng === null || e.max_lat === null) {
        return { bbox: null, interval: null };
      }
      return {
        bbox: [Number(e.min_lng), Number(e.min_lat), Number(e.max_lng), Number(e.max_lat)],
        interval: null,
      };
    },
    // Markets have no time: a query's start and end do not apply.
    async features(scope, platform, query) {
      const rows = await pageOfMarketPoints(scope, query.bbox, query);
      return {
        features: rows.map((m) => featureOf(platform, scope.tenantId, m)),
        numberMatched: await countMarketPoints(scope, query.bbox),
      };
    },
    async feature(scope, platform, id) {
      if (!isUuid(id)) return null;
      const m = await marketPointById(scope, id);
      return m ? featureOf(platform, scope.tenantId, m) : null;
    },
  },
];
