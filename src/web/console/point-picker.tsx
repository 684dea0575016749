/**
 * A map to place one point on (a market, an office): a click puts the point there and reports its
 * latitude and longitude. It only helps: the screen keeps the two number fields, which are what a
 * keyboard or a screen reader uses, and the map follows them. Same tiles and area as `ReportMap`.
 */
import 'leaflet/dist/leaflet.css';
import L from 'leaflet';
import { useEffect, useRef } from 'react';
import type { ConsoleConfig } from './api.ts';

export function PointPicker({
  config,
  lat,
  lng,
  label,
  onPick,
}: {
  config: ConsoleConfig;
  lat: number | null;
  lng: number | null;
  label: string;
  onPick: (lat: number, lng: number) => void;
}) {
  const el = useRef<HTMLDivElement>(null);
  const map = useRef<L.Map | undefined>(undefined);
  const marker = useRef<L.CircleMarker | undefined>(undefined);
  const pick = useRef(onPick);
  pick.current = onPick;

  useEffect(() => {
    if (!el.current) return;
    // No keyboard handling of its own: the latitude and longitude fields are the keyboard's way.
    const m = L.map(el.current, { keyboard: false, attributionControl: Boolean(config.tileUrl) });
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
    // Six decimals: about 10 cm, more than a market's door needs.
    const round = (x: number) => Math.round(x * 1e6) / 1e6;
    m.on('click', (e: L.LeafletMouseEvent) => pick.current(round(e.latlng.lat), round(e.latlng.lng)));
    map.current = m;
    return () => {
      m.remove();
      map.current = undefined;
      marker.current = undefined;
    };
  }, [config]);

  useEffect(() => {
    const m = map.current;
    if (!m) return;
    marker.current?.remove();
    marker.current = undefined;
    if (lat === null || lng === null) return;
    marker.current = L.circleMarker([lat, lng], {
      radius: 9,
      color: '#0b5cad',
      fillColor: '#ffb300',
      fillOpacity: 0.9,
      weight: 2,
      interactive: false,
    }).addTo(m);
    if (!m.getBounds().contains([lat, lng])) m.panTo([lat, lng]);
  }, [lat, lng]);

  // A plain box with its words beside it: not `role="img"`, whose children (the zoom buttons, the
  // tiles' attribution link) would be hidden from assistive technology.
  return (
    <figure className="point-picker-box">
      <figcaption className="hint">{label}</figcaption>
      <div ref={el} className="map point-picker" />
    </figure>
  );
}
