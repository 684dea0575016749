/**
 * The tenant's area: its boundary, against which a citizen's pin is checked (a pin outside is
 * refused and the region that holds it named). Uploaded as a GeoJSON file — a Polygon or
 * MultiPolygon, or the Feature or FeatureCollection a GIS saves (the server checks and joins it) —
 * or drawn on the map point by point. Without an area the screen says plainly that pins are not
 * checked. A shapefile is recognised and the administrator told how to convert it.
 */
import 'leaflet/dist/leaflet.css';
import L from 'leaflet';
import { useEffect, useRef, useState } from 'react';
import { ApiError } from '../api.ts';
import { Field, Problem, useConsole, useLoad } from '../ui.tsx';
import { Outcome, SectionHead, useForm } from './kit.tsx';

type Geometry = GeoJSON.Polygon | GeoJSON.MultiPolygon;
type Tenant = { area: Geometry | null; bbox: number[] | null };

/** The largest file read (the server accepts at most 20,000 positions, a few MB of GeoJSON). */
const MAX_FILE_BYTES = 5 * 1024 * 1024;

/** What a file that is not GeoJSON text is, when it can be told: a shapefile or its zip. */
function binaryKind(bytes: Uint8Array): 'shapefile' | 'zip' | undefined {
  // A .shp starts with the big-endian file code 9994; a zipped shapefile with "PK".
  if (bytes[0] === 0x00 && bytes[1] === 0x00 && bytes[2] === 0x27 && bytes[3] === 0x0a) return 'shapefile';
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) return 'zip';
  return undefined;
}

export function AreaSection() {
  const { api, t } = useConsole();
  const tenant = useLoad(() => api.get<Tenant>(''), []);
  const area = tenant.data?.area ?? null;
  return (
    <section aria-labelledby="area-title">
      <SectionHead id="area-title" title={t('admin.area.nav')} intro={t('admin.area.intro')} />
      <Problem error={tenant.error} />
      {tenant.data && !area ? (
        <p className="warning" role="status" data-area="none">
          {t('admin.area.none')}
        </p>
      ) : null}
      {tenant.data && area ? (
        <p className="notice" data-area="set">
          {t('admin.area.set', { bbox: (tenant.data.bbox ?? []).map((n) => n.toFixed(3)).join(', ') })}
        </p>
      ) : null}
      {tenant.data ? <AreaEditor area={area} onDone={tenant.reload} /> : null}
    </section>
  );
}

function AreaEditor({ area, onDone }: { area: Geometry | null; onDone: () => void }) {
  const { api, t } = useConsole();
  const form = useForm({ file: '' });
  const [drawn, setDrawn] = useState<[number, number][]>([]);
  const save = (value: unknown, message: string) =>
    form.submit(
      async () => {
        await api.patch('/settings', { area: value });
        setDrawn([]);
      },
      message,
      onDone,
    )();
  const upload = async (file: File | undefined) => {
    if (!file) return;
    const fail = (key: string) =>
      form.submit(
        () =>
          Promise.reject(
            new ApiError(400, 'validation', t(key), [{ path: '/body/area', code: 'file', message: t(key) }]),
          ),
        '',
      )();
    if (file.size > MAX_FILE_BYTES) return fail('admin.area.tooBig');
    const bytes = new Uint8Array(await file.arrayBuffer());
    const binary = binaryKind(bytes);
    if (binary) return fail(binary === 'shapefile' ? 'admin.area.shapefile' : 'admin.area.zip');
    let value: unknown;
    try {
      value = JSON.parse(new TextDecoder().decode(bytes));
    } catch {
      return fail('admin.area.notJson');
    }
    save(value, t('admin.area.saved'));
  };
  const finish = () => {
    if (drawn.length < 3) {
      form.submit(
        () =>
          Promise.reject(
            new ApiError(400, 'validation', t('admin.area.tooFew'), [
              { path: '/body/area', code: 'area_ring_short', message: t('admin.area.tooFew') },
            ]),
          ),
        '',
      )();
      return;
    }
    const ring = [...drawn, drawn[0]!].map(([lat, lng]) => [lng, lat]);
    save({ type: 'Polygon', coordinates: [ring] }, t('admin.area.saved'));
  };
  return (
    <div className="card admin-form">
      <Outcome form={form} />
      <Field
        id="area-file"
        label={t('admin.area.file')}
        hint={t('admin.area.fileHint')}
        error={form.err('area')}
      >
        {(aria) => (
          <input
            {...aria}
            type="file"
            accept=".geojson,.json,application/geo+json,application/json"
            disabled={form.busy}
            onChange={(e) => {
              void upload(e.target.files?.[0]);
              e.target.value = '';
            }}
          />
        )}
      </Field>
      <h2 id="area-draw-title">{t('admin.area.draw')}</h2>
      <p className="hint">{t('admin.area.drawHint')}</p>
      <DrawMap area={area} points={drawn} onAdd={(p) => setDrawn((d) => [...d, p])} />
      <p role="status" data-vertices={drawn.length}>
        {t('admin.area.vertices', { count: drawn.length })}
      </p>
      <div className="actions">
        <button type="button" className="primary" disabled={form.busy || drawn.length === 0} onClick={finish}>
          {t('admin.area.finish')}
        </button>
        <button type="button" disabled={drawn.length === 0} onClick={() => setDrawn([])}>
          {t('admin.area.restart')}
        </button>
        {area ? (
          <button type="button" disabled={form.busy} onClick={() => save(null, t('admin.area.removed'))}>
            {t('admin.area.remove')}
          </button>
        ) : null}
      </div>
    </div>
  );
}

/** The map: the recorded area, and the outline being drawn (a click adds a corner). */
function DrawMap(props: {
  area: Geometry | null;
  points: [number, number][];
  onAdd: (p: [number, number]) => void;
}) {
  const { api, t } = useConsole();
  const el = useRef<HTMLDivElement>(null);
  const map = useRef<L.Map | undefined>(undefined);
  const sketch = useRef<L.LayerGroup | undefined>(undefined);
  const add = useRef(props.onAdd);
  add.current = props.onAdd;
  const { tileUrl, tileAttribution } = api.config;

  useEffect(() => {
    if (!el.current) return;
    const m = L.map(el.current, { attributionControl: Boolean(tileUrl) });
    if (tileUrl) L.tileLayer(tileUrl, { attribution: tileAttribution, maxZoom: 19 }).addTo(m);
    const shown = props.area
      ? L.geoJSON(props.area as GeoJSON.GeoJsonObject, {
          style: { color: '#0b5cad', weight: 2, fillOpacity: 0.08 },
          interactive: false,
        }).addTo(m)
      : undefined;
    const bounds = shown?.getBounds();
    if (bounds?.isValid()) m.fitBounds(bounds, { padding: [10, 10] });
    else m.setView([-2.5, 118], 5); // all of Indonesia: the administrator zooms to the region
    m.on('click', (e: L.LeafletMouseEvent) => add.current([e.latlng.lat, e.latlng.lng]));
    sketch.current = L.layerGroup().addTo(m);
    map.current = m;
    return () => {
      m.remove();
      map.current = undefined;
    };
  }, [props.area, tileUrl, tileAttribution]);

  useEffect(() => {
    const group = sketch.current;
    if (!group) return;
    group.clearLayers();
    if (props.points.length > 1)
      L.polygon(props.points, { color: '#b3261e', weight: 2, fillOpacity: 0.1 }).addTo(group);
    for (const p of props.points)
      L.circleMarker(p, { radius: 5, color: '#b3261e', fillOpacity: 1 }).addTo(group);
  }, [props.points]);

  return (
    <div ref={el} className="map" data-draw-map="" role="application" aria-label={t('admin.area.mapLabel')} />
  );
}
