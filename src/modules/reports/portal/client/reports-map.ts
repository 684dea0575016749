/**
 * The public map of reports above the list at `/t/<slug>/laporan`: the reports of the page's
 * filters that have a map point (from `GET …/api/v1/reports/geojson`), each linking to its page.
 * The list below stays the page's content and works without this script; the map adds where.
 */
import 'leaflet/dist/leaflet.css';
import './reports-map.css';
import * as L from 'leaflet';
import { mountPortalMap, type PortalMapConfig } from '../../../../platform/sdk/client-map.ts';

type Config = PortalMapConfig & {
  /** The GeoJSON of the list's filters (a same-origin API path). */
  geojson: string;
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

async function draw(cfg: Config, anchor: Element) {
  const { map, section, status, outline } = mountPortalMap(anchor, cfg, {
    className: 'reports-map',
    label: cfg.texts.mapLabel,
    texts: cfg.texts,
    legend: [
      { kind: 'point', label: cfg.texts.legendReport, ...REPORT },
      { kind: 'point', label: cfg.texts.legendOverdue, ...OVERDUE },
    ],
  });

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
