/**
 * The base of an app's portal maps (`portal/client/*.ts`): a map mounted above the page's list
 * with tiles, attribution, legend and the fallback when tiles cannot load (`web/maps/`). The page's
 * data gives the `Basemap` and area (`basemapData`, `mapArea` of `sdk/portal.ts`). Importing it
 * brings Leaflet: only map scripts do.
 */
export {
  AREA_COLOR,
  addBasemap,
  type Basemap,
  drawArea,
  type LegendEntry,
} from '../../web/maps/basemap.ts';
export { mountPortalMap, type PortalMap, type PortalMapConfig } from '../../web/maps/portal-map.ts';
