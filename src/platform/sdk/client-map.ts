/**
 * The base of an app's portal maps (`portal/client/*.ts`): tiles with their attribution, a legend,
 * and the fallback when tiles cannot load (`web/maps/basemap.ts`). The page's data gives the
 * `Basemap` (`basemapData` of `sdk/portal.ts`). Importing it brings Leaflet: only map scripts do.
 */
export {
  AREA_COLOR,
  addBasemap,
  type Basemap,
  drawArea,
  type LegendEntry,
} from '../../web/maps/basemap.ts';
