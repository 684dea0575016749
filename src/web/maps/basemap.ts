/**
 * What every Balai map stands on, in the portal and the console: the configured tiles with their
 * attribution, a legend of what the map draws, and a readable fallback. Tiles that cannot load
 * (offline, blocked, no tile server) leave a plain light background, where the tenant's area
 * outline and the points still read, and a short notice says why the map has no streets.
 *
 * Tiles are requested with the page's origin as Referer: OpenStreetMap's tile usage policy asks for
 * one, and the pages' own policy (same-origin) would send none to another host.
 */
import * as L from 'leaflet';
import './basemap.css';

export type Basemap = Readonly<{
  tileUrl: string | null;
  /** HTML (the operator's setting), shown by Leaflet's attribution control. */
  attribution: string;
  texts: Readonly<{ tilesFailed: string; legend: string }>;
}>;

/** One line of the legend: an outline (the tenant's area) or a point, in the colours drawn. */
export type LegendEntry = Readonly<{ kind: 'area' | 'point'; label: string; color: string; fill?: string }>;

/** The colour of a tenant's area outline on every map. */
export const AREA_COLOR = '#0b5cad';

/** The legend, as a list under the map (not over it, where it would hide points on a phone). */
function legendElement(title: string, entries: readonly LegendEntry[]): HTMLElement {
  const box = document.createElement('div');
  box.className = 'map-legend';
  const heading = document.createElement('p');
  heading.className = 'map-legend-title';
  heading.textContent = title;
  const list = document.createElement('ul');
  for (const entry of entries) {
    const item = document.createElement('li');
    const swatch = document.createElement('span');
    swatch.className = `map-swatch map-swatch-${entry.kind}`;
    swatch.setAttribute('aria-hidden', 'true');
    swatch.style.borderColor = entry.color;
    if (entry.fill) swatch.style.background = entry.fill;
    item.append(swatch, document.createTextNode(entry.label));
    list.append(item);
  }
  box.append(heading, list);
  return box;
}

/**
 * Adds the tiles (when configured), the legend and the fallback notice to `map`. The legend and
 * notice go right after the map's container; `legend` lists what the caller draws.
 */
export function addBasemap(map: L.Map, basemap: Basemap, legend: readonly LegendEntry[]): void {
  const box = map.getContainer();
  const notice = document.createElement('p');
  notice.className = 'map-notice';
  notice.setAttribute('role', 'status');
  notice.textContent = basemap.texts.tilesFailed;
  const offline = (yes: boolean) => {
    notice.hidden = !yes;
    box.classList.toggle('map-no-tiles', yes);
  };
  box.after(notice, legendElement(basemap.texts.legend, legend));
  if (!basemap.tileUrl) {
    offline(true);
    return;
  }
  offline(false);
  let loaded = 0;
  L.tileLayer(basemap.tileUrl, {
    attribution: basemap.attribution,
    maxZoom: 19,
    referrerPolicy: 'strict-origin-when-cross-origin',
  })
    // Until one tile arrives, a failed one means none will: say so. A tile that arrives later
    // (the network came back) takes the notice away.
    .on('tileerror', () => {
      if (loaded === 0) offline(true);
    })
    .on('tileload', () => {
      loaded += 1;
      offline(false);
    })
    .addTo(map);
}

/** The tenant's area outline on `map` (not interactive); its bounds, or undefined without one. */
export function drawArea(map: L.Map, area: GeoJSON.GeoJsonObject | null, color = AREA_COLOR) {
  if (!area) return undefined;
  const bounds = L.geoJSON(area, { style: { color, weight: 2, fillOpacity: 0.05 }, interactive: false })
    .addTo(map)
    .getBounds();
  return bounds.isValid() ? bounds : undefined;
}
