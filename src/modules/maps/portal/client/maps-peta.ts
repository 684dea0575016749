/**
 * The portal map at `/t/<slug>/peta`: every public layer on one Leaflet map, over the tiles and
 * fallback of `client-map.ts`. Each layer's features in the map's view come from the OGC API
 * (`items?bbox=…`), read again when the view moves, so a layer of many thousand reports is never
 * read whole. The list of layers below (drawn by the server) gets a checkbox per layer: the switcher.
 */
import 'leaflet/dist/leaflet.css';
import './maps-peta.css';
import * as L from 'leaflet';
import { mountPortalMap, type PortalMapConfig } from '../../../../platform/sdk/client-map.ts';

type Style = {
  color: string;
  by?: {
    property: string;
    values: { value: string; color: string; label: { id: string; en: string } }[];
  } | null;
};
type LayerConfig = { id: string; title: string; items: string; limit: number; style: Style };
type Config = PortalMapConfig & {
  layers: LayerConfig[];
  texts: { mapLabel: string; zoomIn: string; zoomOut: string; shown: string; more: string };
};
type Page = GeoJSON.FeatureCollection & { numberMatched?: number; numberReturned?: number };

const data = document.getElementById('page-data');
const config = (data ? JSON.parse(data.textContent ?? '{}') : {}).mapsPeta as Config | undefined;

function colorOf(style: Style, properties: Record<string, unknown> | null): string {
  const by = style.by;
  if (!by) return style.color;
  const value = properties?.[by.property];
  return by.values.find((v) => v.value === String(value))?.color ?? style.color;
}

/** A feature's properties as a small table, built as text: nothing in a layer is read as markup. */
function popupOf(title: string, properties: Record<string, unknown> | null): HTMLElement {
  const box = document.createElement('div');
  const heading = document.createElement('strong');
  heading.textContent = title;
  const table = document.createElement('table');
  table.className = 'maps-popup';
  for (const [key, value] of Object.entries(properties ?? {}).slice(0, 20)) {
    if (value === null || typeof value === 'object') continue;
    const row = table.insertRow();
    const th = document.createElement('th');
    th.scope = 'row';
    th.textContent = key;
    row.append(th);
    row.insertCell().textContent = String(value);
  }
  box.append(heading, table);
  return box;
}

function draw(cfg: Config, list: Element) {
  // Each layer's legend is beside its switch in the list; the map's own legend names the area.
  const { map, section, status } = mountPortalMap(list, cfg, {
    className: 'maps-peta',
    label: cfg.texts.mapLabel,
    texts: cfg.texts,
  });

  const drawn = new Map<string, L.GeoJSON>();
  const counts = new Map<string, { shown: number; matched: number }>();
  const enabled = new Set(cfg.layers.map((l) => l.id));
  let generation = 0;

  const say = () => {
    const parts = cfg.layers
      .filter((l) => enabled.has(l.id) && counts.has(l.id))
      .map((l) => {
        const c = counts.get(l.id)!;
        const text = cfg.texts.shown.replace('{{layer}}', l.title).replace('{{n}}', String(c.shown));
        return c.matched > c.shown ? `${text} ${cfg.texts.more}` : text;
      });
    status.textContent = parts.join(' · ');
    section.dataset.features = String(
      [...counts.entries()].filter(([id]) => enabled.has(id)).reduce((n, [, c]) => n + c.shown, 0),
    );
  };

  async function load(layer: LayerConfig, run: number) {
    const b = map.getBounds();
    const bbox = [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()].map((n, i) =>
      Math.max(i % 2 ? -90 : -180, Math.min(i % 2 ? 90 : 180, n)).toFixed(6),
    );
    let page: Page | null = null;
    try {
      const res = await fetch(`${layer.items}?f=json&limit=${layer.limit}&bbox=${bbox.join(',')}`, {
        headers: { accept: 'application/geo+json' },
      });
      if (res.ok) page = (await res.json()) as Page;
    } catch {
      // Offline: the list of layers and their data links are still there.
    }
    if (!page || run !== generation) return;
    drawn.get(layer.id)?.remove();
    const geo = L.geoJSON(page, {
      pointToLayer: (f, at) =>
        L.circleMarker(at, {
          radius: 7,
          color: '#1f2933',
          weight: 1,
          fillColor: colorOf(layer.style, f.properties),
          fillOpacity: 0.9,
        }),
      // Lines and areas in the layer's colours; points keep their marker's dark outline.
      style: (f) =>
        f?.geometry.type === 'Point'
          ? { color: '#1f2933', weight: 1, fillColor: colorOf(layer.style, f.properties), fillOpacity: 0.9 }
          : { color: colorOf(layer.style, f?.properties ?? null), weight: 3, fillOpacity: 0.25 },
      onEachFeature: (f, shape) => shape.bindPopup(popupOf(layer.title, f.properties)),
    });
    drawn.set(layer.id, geo);
    if (enabled.has(layer.id)) geo.addTo(map);
    counts.set(layer.id, {
      shown: page.features.length,
      matched: page.numberMatched ?? page.features.length,
    });
    say();
  }

  const refresh = () => {
    generation += 1;
    for (const layer of cfg.layers) if (enabled.has(layer.id)) void load(layer, generation);
  };
  map.on('moveend', refresh);
  refresh();

  // The switcher: a checkbox in each layer's card of the list.
  for (const layer of cfg.layers) {
    const card = list.querySelector(`[data-layer="${CSS.escape(layer.id)}"]`);
    const heading = card?.querySelector('h3');
    if (!card || !heading) continue;
    const label = document.createElement('label');
    const check = document.createElement('input');
    check.type = 'checkbox';
    check.checked = true;
    check.name = 'layer';
    check.value = layer.id;
    label.append(check, document.createTextNode(layer.title));
    heading.replaceChildren(label);
    check.addEventListener('change', () => {
      if (check.checked) {
        enabled.add(layer.id);
        void load(layer, generation);
      } else {
        enabled.delete(layer.id);
        drawn.get(layer.id)?.remove();
        say();
      }
    });
  }
}

const list = document.querySelector('[data-maps-layers]');
if (config && list) draw(config, list);
