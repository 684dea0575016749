/**
 * A Leaflet map of reports. Tiles come from the configured tile server (MAP_TILE_URL); without one
 * the map is blank but still shows the tenant's area and the reports, so it works offline.
 */
import 'leaflet/dist/leaflet.css';
import L from 'leaflet';
import { useEffect, useRef } from 'react';
import type { ConsoleConfig } from './api.ts';

export type Point = {
  id: string;
  lat: number;
  lng: number;
  label: string;
  overdue: boolean;
  fresh?: boolean;
};

export function ReportMap({
  config,
  points,
  label,
}: {
  config: ConsoleConfig;
  points: Point[];
  label: string;
}) {
  const el = useRef<HTMLDivElement>(null);
  const map = useRef<L.Map | undefined>(undefined);
  const layer = useRef<L.LayerGroup | undefined>(undefined);

  useEffect(() => {
    if (!el.current) return;
    const m = L.map(el.current, { zoomControl: false, attributionControl: Boolean(config.tileUrl) });
    if (config.tileUrl)
      L.tileLayer(config.tileUrl, { attribution: config.tileAttribution, maxZoom: 19 }).addTo(m);
    let bounds: L.LatLngBounds | undefined;
    if (config.area) {
      const area = L.geoJSON(config.area as GeoJSON.GeoJsonObject, {
        style: { color: '#0b5cad', weight: 2, fillOpacity: 0.05 },
        interactive: false,
      }).addTo(m);
      bounds = area.getBounds();
    }
    if (bounds?.isValid()) m.fitBounds(bounds, { padding: [10, 10] });
    else m.setView([-6.2, 106.63], 12);
    layer.current = L.layerGroup().addTo(m);
    map.current = m;
    return () => {
      m.remove();
      map.current = undefined;
    };
  }, [config]);

  useEffect(() => {
    const group = layer.current;
    if (!group) return;
    group.clearLayers();
    for (const p of points) {
      // Text content: a category name (set by a tenant admin) is never read as markup.
      const label = document.createElement('span');
      label.textContent = p.label;
      L.circleMarker([p.lat, p.lng], {
        radius: p.fresh ? 11 : 7,
        color: p.overdue ? '#b00020' : '#0b5cad',
        fillColor: p.fresh ? '#ffb300' : p.overdue ? '#e53935' : '#1e88e5',
        fillOpacity: 0.85,
        weight: 2,
      })
        .bindTooltip(label)
        .addTo(group);
    }
  }, [points]);

  return <div ref={el} className="map" role="img" aria-label={label} />;
}
