/**
 * A map an app's portal page adds above its own list (the list stays the page's content and works
 * without script): a labelled region, zoom buttons in the page's language, the basemap and the
 * tenant's area (basemap.ts), framed on the area, else its box, else Indonesia, and a polite
 * status line under it for what the app draws.
 */
import * as L from 'leaflet';
import { AREA_COLOR, addBasemap, type Basemap, drawArea, type LegendEntry } from './basemap.ts';

/** What the server's page data gives every portal map (`basemapData`, `mapArea` of the kit). */
export type PortalMapConfig = Readonly<{
  basemap: Basemap & { areaLabel: string };
  /** The tenant's area when small enough to send, else null. */
  area: GeoJSON.GeoJsonObject | null;
  /** The area's box [west, south, east, north], to frame a map without the outline. */
  bbox: readonly [number, number, number, number] | null;
}>;

export type PortalMap = Readonly<{
  map: L.Map;
  /** The section around the map: apps keep their counts for tests in its dataset. */
  section: HTMLElement;
  /** The polite status line under the map. */
  status: HTMLElement;
  /** The area's outline bounds, when it was drawn. */
  outline: L.LatLngBounds | undefined;
}>;

const INDONESIA = L.latLngBounds([-11, 95], [6, 141]);

/**
 * Puts the map before `anchor`. `className` names the section and, with `-box`, the map's box (the
 * app's stylesheet sizes it); `legend` lists what the app draws besides the area's outline.
 */
export function mountPortalMap(
  anchor: Element,
  cfg: PortalMapConfig,
  options: Readonly<{
    className: string;
    label: string;
    texts: Readonly<{ zoomIn: string; zoomOut: string }>;
    legend?: readonly LegendEntry[];
  }>,
): PortalMap {
  const section = document.createElement('section');
  section.className = options.className;
  section.setAttribute('aria-label', options.label);
  const box = document.createElement('div');
  box.className = `${options.className}-box`;
  box.setAttribute('role', 'region');
  box.setAttribute('aria-label', options.label);
  const status = document.createElement('p');
  status.className = 'meta';
  status.setAttribute('aria-live', 'polite');
  section.append(box, status);
  anchor.before(section);

  const map = L.map(box, { zoomControl: false, attributionControl: Boolean(cfg.basemap.tileUrl) });
  L.control.zoom({ zoomInTitle: options.texts.zoomIn, zoomOutTitle: options.texts.zoomOut }).addTo(map);
  // The area's outline and what the app draws stay readable when the tiles do not load.
  const outline = drawArea(map, cfg.area);
  addBasemap(map, cfg.basemap, [
    ...(outline ? [{ kind: 'area' as const, label: cfg.basemap.areaLabel, color: AREA_COLOR }] : []),
    ...(options.legend ?? []),
  ]);
  map.fitBounds(
    outline ??
      (cfg.bbox ? L.latLngBounds([cfg.bbox[1], cfg.bbox[0]], [cfg.bbox[3], cfg.bbox[2]]) : INDONESIA),
  );
  return { map, section, status, outline };
}
