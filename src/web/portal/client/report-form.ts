/**
 * Enhances the report form (`/t/<slug>/lapor`), which works without this script:
 * - a map to drop or drag the pin, which fills the form's lat/lng fields (and follows them when
 *   typed), with the tenant's area drawn and fitted, and a "use my location" button;
 * - previews of the chosen photos, with their count and a button to remove each;
 * - an offline draft: what the citizen types, photos included, is kept in IndexedDB as they type;
 *   sending with no network keeps it queued and says so, and it goes out when the connection
 *   returns (or on the next visit), once, thanks to the form's idempotency key.
 * Texts, tiles and area come from the server in the page's JSON data element (no inline script).
 */
import 'leaflet/dist/leaflet.css';
import './report-form.css';
import * as L from 'leaflet';
import {
  type Draft,
  draftBody,
  draftFields,
  formatCoordinate,
  hasContent,
  mergePhotos,
  parsePin,
} from './lib/draft.ts';
import { loadDraft, removeDraft, saveDraft } from './lib/store.ts';

type Texts = Record<
  | 'mapLabel'
  | 'pinTitle'
  | 'pinSet'
  | 'useLocation'
  | 'locating'
  | 'locationFailed'
  | 'zoomIn'
  | 'zoomOut'
  | 'photosChosen'
  | 'photoAlt'
  | 'removePhoto'
  | 'draftSaved'
  | 'draftRestored'
  | 'draftDiscard'
  | 'draftQueued'
  | 'sending',
  string
>;

type Config = {
  tileUrl: string | null;
  attribution: string;
  area: GeoJSON.GeoJsonObject | null;
  maxPhotos: number;
  texts: Texts;
};

const data = document.getElementById('page-data');
const config = (data ? JSON.parse(data.textContent ?? '{}') : {}).reportForm as Config | undefined;

/** A text with its `{{name}}` placeholders filled. */
function fill(text: string, values: Record<string, string | number>): string {
  return text.replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(values[k] ?? ''));
}

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Partial<HTMLElementTagNameMap[K]> & Record<string, unknown> = {},
  attrs: Record<string, string> = {},
): HTMLElementTagNameMap[K] {
  const node = Object.assign(document.createElement(tag), props);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  return node;
}

/** Indonesia, for a tenant that has not recorded its area. */
const INDONESIA: L.LatLngBoundsExpression = [
  [-11.2, 94.7],
  [6.3, 141.1],
];

function enhance(form: HTMLFormElement, cfg: Config, fromServer: boolean): void {
  const { texts } = cfg;
  const key = form.action;
  const shell = form.dataset.shell === '1';
  const latInput = form.querySelector<HTMLInputElement>('input[name=lat]');
  const lngInput = form.querySelector<HTMLInputElement>('input[name=lng]');
  const keyInput = form.querySelector<HTMLInputElement>('input[name=_key]');
  const photoInput = form.querySelector<HTMLInputElement>('input[type=file][name=photo]');
  const submit = form.querySelector<HTMLButtonElement>('button[type=submit]');
  const defaults = draftFields(new FormData(form).entries());
  let photos: File[] = [];
  let queued = false;

  // Where the page tells what happens to the draft.
  const notice = el('div', { className: 'notice', hidden: true }, { role: 'status', id: 'draft-notice' });
  form.before(notice);
  const say = (text: string) => {
    notice.textContent = text;
    notice.hidden = false;
  };
  const draftStatus = el('p', { className: 'draft-status' }, { id: 'draft-status' });
  submit?.before(draftStatus);

  // ---- the map and the pin ----
  let map: L.Map | undefined;
  let marker: L.Marker | undefined;
  const pinStatus = el('p', { className: 'hint' }, { 'aria-live': 'polite', id: 'pin-status' });
  const setPin = (lat: number, lng: number, fromInputs = false) => {
    if (!fromInputs && latInput && lngInput) {
      latInput.value = formatCoordinate(lat);
      lngInput.value = formatCoordinate(lng);
      latInput.dispatchEvent(new Event('input', { bubbles: true }));
    }
    if (map) {
      if (marker) marker.setLatLng([lat, lng]);
      else {
        marker = L.marker([lat, lng], {
          draggable: true,
          title: texts.pinTitle,
          icon: L.divIcon({ className: '', html: '<div class="pin"></div>', iconSize: [0, 0] }),
        }).addTo(map);
        marker.on('dragend', () => {
          const p = marker!.getLatLng();
          setPin(p.lat, p.lng);
        });
      }
    }
    pinStatus.textContent = fill(texts.pinSet, {
      latitude: formatCoordinate(lat),
      longitude: formatCoordinate(lng),
    });
  };

  const pinBox = latInput?.closest('fieldset');
  if (pinBox && latInput && lngInput) {
    const box = el(
      'div',
      { className: 'pin-map' },
      { id: 'pin-map', role: 'application', 'aria-label': texts.mapLabel },
    );
    const hint = pinBox.querySelector('.hint');
    if (hint?.id) box.setAttribute('aria-describedby', hint.id);
    const actions = el('div', { className: 'pin-actions' });
    (hint ?? pinBox.querySelector('legend'))?.after(box, actions, pinStatus);
    map = L.map(box, { zoomControl: false, attributionControl: Boolean(cfg.tileUrl) });
    L.control.zoom({ zoomInTitle: texts.zoomIn, zoomOutTitle: texts.zoomOut }).addTo(map);
    if (cfg.tileUrl) L.tileLayer(cfg.tileUrl, { attribution: cfg.attribution, maxZoom: 19 }).addTo(map);
    let bounds: L.LatLngBounds | undefined;
    if (cfg.area) {
      bounds = L.geoJSON(cfg.area, {
        style: { color: '#0b5cad', weight: 2, fillOpacity: 0.05 },
        interactive: false,
      })
        .addTo(map)
        .getBounds();
    }
    const pin = parsePin(latInput.value, lngInput.value);
    if (pin) map.setView([pin.lat, pin.lng], 16);
    else if (bounds?.isValid()) map.fitBounds(bounds, { padding: [10, 10] });
    else map.fitBounds(INDONESIA);
    if (pin) setPin(pin.lat, pin.lng, true);
    map.on('click', (e: L.LeafletMouseEvent) => setPin(e.latlng.lat, e.latlng.lng));
    // Keyboard: the arrows pan the map (Leaflet), Enter drops the pin at its centre.
    box.addEventListener('keydown', (e) => {
      if (e.key !== 'Enter' || e.target !== box || !map) return;
      e.preventDefault();
      const c = map.getCenter();
      setPin(c.lat, c.lng);
    });
    const follow = () => {
      const p = parsePin(latInput.value, lngInput.value);
      if (p) setPin(p.lat, p.lng, true);
    };
    latInput.addEventListener('change', follow);
    lngInput.addEventListener('change', follow);

    if ('geolocation' in navigator) {
      const locate = el('button', { type: 'button', className: 'secondary', textContent: texts.useLocation });
      actions.append(locate);
      locate.addEventListener('click', () => {
        pinStatus.textContent = texts.locating;
        navigator.geolocation.getCurrentPosition(
          (pos) => {
            setPin(pos.coords.latitude, pos.coords.longitude);
            map?.setView([pos.coords.latitude, pos.coords.longitude], 17);
          },
          () => {
            pinStatus.textContent = texts.locationFailed;
          },
          { enableHighAccuracy: true, timeout: 20_000, maximumAge: 60_000 },
        );
      });
    }
  }

  // ---- photo previews ----
  const previews = el('ul', { className: 'previews' }, { id: 'photo-previews' });
  const count = el('p', { className: 'hint' }, { 'aria-live': 'polite', id: 'photo-count' });
  let urls: string[] = [];
  const syncInput = () => {
    if (!photoInput) return;
    const transfer = new DataTransfer();
    for (const f of photos) transfer.items.add(f);
    photoInput.files = transfer.files;
  };
  const renderPhotos = () => {
    for (const u of urls) URL.revokeObjectURL(u);
    urls = [];
    previews.replaceChildren(
      ...photos.map((file, i) => {
        const url = URL.createObjectURL(file);
        urls.push(url);
        const remove = el('button', {
          type: 'button',
          className: 'secondary',
          textContent: fill(texts.removePhoto, { n: i + 1, name: file.name }),
        });
        remove.addEventListener('click', () => {
          photos = photos.filter((f) => f !== file);
          syncInput();
          renderPhotos();
          scheduleSave();
          photoInput?.focus();
        });
        const item = el('li');
        item.append(
          el('img', { src: url, alt: fill(texts.photoAlt, { n: i + 1, name: file.name }) }),
          remove,
        );
        return item;
      }),
    );
    count.textContent = photos.length
      ? fill(texts.photosChosen, { count: photos.length, max: cfg.maxPhotos })
      : '';
  };
  if (photoInput) {
    photoInput.after(count, previews);
    photos = [...(photoInput.files ?? [])];
    renderPhotos();
    photoInput.addEventListener('change', () => {
      photos = mergePhotos(photos, [...(photoInput.files ?? [])], cfg.maxPhotos);
      syncInput();
      renderPhotos();
    });
  }

  // ---- the draft ----
  const current = (): Draft => ({
    fields: draftFields(new FormData(form).entries()),
    photos: photos.map((f) => ({ name: f.name, type: f.type, blob: f })),
    queued,
    savedAt: new Date().toISOString(),
  });
  let timer: ReturnType<typeof setTimeout> | undefined;
  const saveNow = async () => {
    clearTimeout(timer);
    const draft = current();
    try {
      if (!queued && !hasContent(draft.fields, draft.photos, defaults)) await removeDraft(key);
      else {
        await saveDraft(key, draft);
        if (!queued) draftStatus.textContent = texts.draftSaved;
      }
    } catch {
      // No IndexedDB (private mode, full disk): the form still works, without a draft.
    }
  };
  function scheduleSave() {
    clearTimeout(timer);
    timer = setTimeout(saveNow, 400);
  }
  form.addEventListener('input', scheduleSave);
  form.addEventListener('change', scheduleSave);

  const restore = (draft: Draft, withFields: boolean) => {
    if (withFields) {
      for (const [name, value] of Object.entries(draft.fields)) {
        const controls = form.querySelectorAll<HTMLInputElement>(`[name="${CSS.escape(name)}"]`);
        for (const c of controls) {
          if (c.type === 'radio' || c.type === 'checkbox') c.checked = c.value === value;
          else if (c.type !== 'file' && c.type !== 'hidden') c.value = value;
          else if (c.type === 'hidden' && name === '_key') c.value = value;
        }
      }
      const p = parsePin(draft.fields.lat ?? '', draft.fields.lng ?? '');
      if (p) {
        setPin(p.lat, p.lng, true);
        map?.setView([p.lat, p.lng], 16);
      }
    }
    photos = draft.photos.map((p) => new File([p.blob], p.name, { type: p.type }));
    syncInput();
    renderPhotos();
    // The photos are back in the form: the server's "choose them again" does not apply.
    if (photos.length) document.getElementById('photos-again')?.remove();
  };

  const showQueued = () => {
    queued = true;
    say(texts.draftQueued);
    draftStatus.textContent = '';
    if (submit) submit.disabled = false;
  };

  /** While the device says it is online but sending fails, try again later (5 s, doubling to 1 min). */
  let retryIn = 5_000;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  const retry = () => {
    clearTimeout(retryTimer);
    retryTimer = setTimeout(() => {
      if (queued && navigator.onLine) void send();
    }, retryIn);
    retryIn = Math.min(retryIn * 2, 60_000);
  };

  /** The session's CSRF token: the page's, or — for the offline copy, which has none — a fresh form's. */
  const csrfToken = async (): Promise<string> => {
    const own = form.querySelector<HTMLInputElement>('input[name=_csrf]')?.value ?? '';
    if (!shell) return own;
    const fresh = await fetch(form.action, { credentials: 'same-origin', headers: { accept: 'text/html' } });
    const page = new DOMParser().parseFromString(await fresh.text(), 'text/html');
    return page.querySelector<HTMLInputElement>('form[data-report-form] input[name=_csrf]')?.value ?? '';
  };

  /** Sends the queued draft to the form's action; the answer replaces the page's main content. */
  let sending = false;
  const send = async () => {
    if (sending) return;
    sending = true;
    try {
      await sendOnce();
    } finally {
      sending = false;
    }
  };
  const sendOnce = async () => {
    // A form replaced by the server's answer no longer sends: the one that replaced it does.
    if (!form.isConnected) return;
    const draft = await loadDraft(key).catch(() => undefined);
    if (!draft) return;
    clearTimeout(retryTimer);
    say(texts.sending);
    if (submit) submit.disabled = true;
    let response: Response;
    try {
      const csrf = await csrfToken();
      response = await fetch(form.action, {
        method: 'POST',
        body: draftBody(draft, csrf),
        credentials: 'same-origin',
        headers: { accept: 'text/html' },
      });
    } catch {
      showQueued();
      if (navigator.onLine) retry();
      return;
    }
    if (response.status >= 500 || response.status === 429 || response.status === 408) {
      showQueued();
      retry();
      return;
    }
    if (response.redirected && new URL(response.url).pathname !== new URL(form.action).pathname) {
      // The session ended: sign in again; the draft stays on the device, ready to send.
      queued = false;
      await saveDraft(key, { ...draft, queued: false }).catch(() => undefined);
      location.assign(response.url);
      return;
    }
    queued = false;
    const page = new DOMParser().parseFromString(await response.text(), 'text/html');
    if (response.status === 201) await removeDraft(key).catch(() => undefined);
    else {
      // 409: the key was used for other content (a send whose answer was lost, then edited); the
      // edited draft is another report, with a key of its own.
      const fields =
        response.status === 409 && 'randomUUID' in crypto
          ? { ...draft.fields, _key: crypto.randomUUID() }
          : draft.fields;
      await saveDraft(key, { ...draft, fields, queued: false }).catch(() => undefined);
    }
    map?.remove();
    const main = document.querySelector('main');
    const next = page.querySelector('main');
    if (!main || !next) return;
    document.title = page.title;
    main.replaceChildren(...next.childNodes);
    const heading = main.querySelector('h1');
    if (heading) {
      heading.tabIndex = -1;
      heading.focus();
    }
    const again = main.querySelector<HTMLFormElement>('form[enctype="multipart/form-data"]');
    if (again) enhance(again, cfg, true);
  };

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    queued = true;
    await saveNow();
    if (!navigator.onLine) showQueued();
    else await send();
  });
  window.addEventListener('online', () => {
    if (queued) void send();
  });

  // ---- on load: a draft from earlier, or a fresh key ----
  void (async () => {
    const draft = await loadDraft(key).catch(() => undefined);
    if (!draft) {
      // A form from the offline copy may carry a key already used: every fresh form gets its own.
      if (!fromServer && keyInput && 'randomUUID' in crypto) keyInput.value = crypto.randomUUID();
      return;
    }
    restore(draft, !fromServer);
    if (draft.queued) {
      queued = true;
      if (navigator.onLine) await send();
      else showQueued();
      return;
    }
    if (fromServer) return;
    say(texts.draftRestored);
    const discard = el('button', { type: 'button', className: 'secondary', textContent: texts.draftDiscard });
    notice.append(' ', discard);
    discard.addEventListener('click', async () => {
      await removeDraft(key).catch(() => undefined);
      location.reload();
    });
  })();
}

const form = document.querySelector<HTMLFormElement>('form[data-report-form]');
if (form && config) enhance(form, config, form.ownerDocument.querySelector('.summary') !== null);
