/**
 * A Leaflet map of reports. Tiles come from the configured tile server (MAP_TILE_URL, OpenStreetMap
 * by default); without them, or when they cannot load, the map still shows the tenant's area and the
 * reports on a plain background, with a legend and a notice (`web/maps/basemap.ts`).
 */
import 'leaflet/dist/leaflet.css';
import L from 'leaflet';
import { useEffect, useRef } from 'react';
import { AREA_COLOR, addBasemap, drawArea } from '../maps/basemap.ts';
import type { ConsoleConfig } from './api.ts';
import { useConsole } from './ui.tsx';

export type Point = {
  id: string;
  lat: number;
  lng: number;
  label: string;
  overdue: boolean;
  fresh?: boolean;
};

const COLORS = {
  report: { color: '#0b5cad', fill: '#1e88e5' },
  overdue: { color: '#b00020', fill: '#e53935' },
  fresh: { color: '#0b5cad', fill: '#ffb300' },
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
  const { t } = useConsole();
  const el = useRef<HTMLElement>(null);
  const map = useRef<L.Map | undefined>(undefined);
  const layer = useRef<L.LayerGroup | undefined>(undefined);

  useEffect(() => {
    if (!el.current) return;
    const m = L.map(el.current, { zoomControl: false, attributionControl: Boolean(config.tileUrl) });
    const bounds = drawArea(m, config.area as GeoJSON.GeoJsonObject | null);
    const legend = [
      ...(bounds ? [{ kind: 'area' as const, label: t('baseMap.area'), color: AREA_COLOR }] : []),
      ...(['report', 'overdue', 'fresh'] as const).map((k) => ({
        kind: 'point' as const,
        label: t(`baseMap.${k}`),
        ...COLORS[k],
      })),
    ];
    addBasemap(
      m,
      {
        tileUrl: config.tileUrl,
        attribution: config.tileAttribution,
        texts: { tilesFailed: t('baseMap.tilesFailed'), legend: t('baseMap.legend') },
      },
      legend,
    );
    if (bounds) m.fitBounds(bounds, { padding: [10, 10] });
    else m.setView([-6.2, 106.63], 12);
    layer.current = L.layerGroup().addTo(m);
    map.current = m;
    const box = el.current;
    return () => {
      m.remove();
      // The notice and legend sit after the map's box: a new map brings its own.
      while (box.nextElementSibling) box.nextElementSibling.remove();
      map.current = undefined;
    };
  }, [config, t]);

  useEffect(() => {
    const group = layer.current;
    if (!group) return;
    group.clearLayers();
    for (const p of points) {
      // Text content: a category name (set by a tenant admin) is never read as markup.
      const label = document.createElement('span');
      label.textContent = p.label;
      const colors = p.fresh ? COLORS.fresh : p.overdue ? COLORS.overdue : COLORS.report;
      L.circleMarker([p.lat, p.lng], {
        radius: p.fresh ? 11 : 7,
        color: p.overdue ? COLORS.overdue.color : colors.color,
        fillColor: colors.fill,
        fillOpacity: 0.85,
        weight: 2,
      })
        .bindTooltip(label)
        .addTo(group);
    }
  }, [points]);

  // The notice and legend go after the map's box, inside a wrapper React leaves alone.
  return (
    <div className="map-wrap">
      {/* A region, not an image: it holds links (the tiles' attribution). */}
      <section ref={el} className="map" aria-label={label} />
    </div>
  );
}
