/**
 * The public map of reports above the list at `/t/<slug>/laporan`: the reports of the page's
 * filters that have a map point (from `GET …/api/v1/reports/geojson`), each linking to its page.
 * The list below stays the page's content and works without this script; the map adds where.
 */
import 'leaflet/dist/leaflet.css';
import './reports-map.css';
import * as L from 'leaflet';
import { AREA_COLOR, addBasemap, type Basemap, drawArea } from '../../../../platform/sdk/client-map.ts';

type Config = {
  /** The GeoJSON of the list's filters (a same-origin API path). */
  geojson: string;
  /** Tiles and the fallback's words (`basemapData`), with the words of the area's outline. */
  basemap: Basemap & { areaLabel: string };
  /** The tenant's area when small enough to send, else null. */
  area: GeoJSON.GeoJsonObject | null;
  /** The tenant's area's bounding box [west, south, east, north], to frame an empty map. */
  bbox: [number, number, number, number] | null;
  texts: {
    mapLabel: string;
    count: string;
    none: string;
    open: string;
    zoomIn: string;
    zoomOut: string;
    legendReport: string;
    legendOverdue: string;
  };
};

const REPORT = { color: '#0b5cad', fill: '#1e88e5' };
const OVERDUE = { color: '#8a1111', fill: '#e53935' };

type Feature = {
  geometry: { type: 'Point'; coordinates: [number, number] };
  properties: { trackingNo: string; category: string; status: string; overdue: boolean };
};

const data = document.getElementById('page-data');
const config = (data ? JSON.parse(data.textContent ?? '{}') : {}).reportsMap as Config | undefined;
const INDONESIA = L.latLngBounds([-11, 95], [6, 141]);

async function draw(cfg: Config, anchor: Element) {
  const section = document.createElement('section');
  section.className = 'reports-map';
  section.setAttribute('aria-label', cfg.texts.mapLabel);
  const box = document.createElement('div');
  box.className = 'reports-map-box';
  box.setAttribute('role', 'region');
  box.setAttribute('aria-label', cfg.texts.mapLabel);
  const status = document.createElement('p');
  status.className = 'meta';
  status.setAttribute('aria-live', 'polite');
  section.append(box, status);
  anchor.before(section);

  const map = L.map(box, { zoomControl: false, attributionControl: Boolean(cfg.basemap.tileUrl) });
  L.control.zoom({ zoomInTitle: cfg.texts.zoomIn, zoomOutTitle: cfg.texts.zoomOut }).addTo(map);
  // The area's outline and the points stay readable when the tiles do not load.
  const outline = drawArea(map, cfg.area);
  addBasemap(map, cfg.basemap, [
    ...(outline ? [{ kind: 'area' as const, label: cfg.basemap.areaLabel, color: AREA_COLOR }] : []),
    { kind: 'point', label: cfg.texts.legendReport, ...REPORT },
    { kind: 'point', label: cfg.texts.legendOverdue, ...OVERDUE },
  ]);
  const frame =
    outline ??
    (cfg.bbox ? L.latLngBounds([cfg.bbox[1], cfg.bbox[0]], [cfg.bbox[3], cfg.bbox[2]]) : INDONESIA);
  map.fitBounds(frame);

  let features: Feature[] = [];
  try {
    const res = await fetch(cfg.geojson, { headers: { accept: 'application/geo+json, application/json' } });
    if (res.ok) features = ((await res.json()) as { features: Feature[] }).features;
  } catch {
    // Offline: the list below is still there.
  }
  const points: L.LatLng[] = [];
  for (const f of features) {
    const [lng, lat] = f.geometry.coordinates;
    const at = L.latLng(lat, lng);
    points.push(at);
    // Built as elements with text: nothing from a report is read as markup.
    const popup = document.createElement('div');
    const title = document.createElement('strong');
    title.textContent = `${f.properties.category} · ${f.properties.trackingNo}`;
    const link = document.createElement('a');
    link.href = `${location.pathname.replace(/\/laporan\/?$/, '')}/laporan/${f.properties.trackingNo}`;
    link.textContent = cfg.texts.open;
    popup.append(title, document.createElement('br'), link);
    const colors = f.properties.overdue ? OVERDUE : REPORT;
    L.circleMarker(at, {
      radius: 8,
      color: colors.color,
      fillColor: colors.fill,
      fillOpacity: 0.85,
      weight: 2,
    })
      .bindPopup(popup)
      .addTo(map);
  }
  // The points within the area's outline: where they are in the region reads even without tiles.
  if (points.length > 0) {
    const around = L.latLngBounds(points).pad(0.2);
    map.fitBounds(outline ? around.extend(outline) : around, { maxZoom: 16 });
  }
  status.textContent = points.length
    ? cfg.texts.count.replace('{{count}}', String(points.length))
    : cfg.texts.none;
  section.dataset.points = String(points.length);
}

const list = document.querySelector('[data-reports-list]');
if (config && list) void draw(config, list);
