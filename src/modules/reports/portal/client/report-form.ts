/**
 * Enhances the report form (`/t/<slug>/lapor`), which works without this script:
 * - a map to drop or drag the pin, which fills the form's lat/lng fields (and follows them when
 *   typed), with the tenant's area drawn and fitted, and a "use my location" button;
 * - previews of the chosen photos, with their count and a button to remove each; a file that is
 *   not a photo is refused at once, a large photo shrunk before it is kept, a photo past the
 *   limit of five refused with a word (never silently);
 * - an offline draft: what the citizen types, photos included, is kept in IndexedDB as they type,
 *   per tenant and person (the signed-in user, or anonymous), for 7 days at most, deleted at
 *   sign-out; sending with no network keeps it queued and says so, and it goes out when the
 *   connection returns (or on the next visit), once, thanks to the form's idempotency key.
 *   A send always sends what the form holds (saved first when it can be); with no IndexedDB at all
 *   the browser sends the form itself.
 * Texts, tiles, area and who is signed in come from the server in the page's JSON data element
 * (no inline script).
 */
import 'leaflet/dist/leaflet.css';
import './report-form.css';
import * as L from 'leaflet';
import {
  clearAfterSignOut,
  loadDraft,
  removeDraft,
  removeDrafts,
  saveDraft,
  storageAvailable,
} from '../../../../platform/sdk/client.ts';
import { AREA_COLOR, addBasemap, type Basemap } from '../../../../platform/sdk/client-map.ts';
import {
  type Draft,
  draftBody,
  draftFields,
  draftKey,
  formatCoordinate,
  hasContent,
  mergePhotos,
  parsePin,
  usableDraft,
} from './lib/draft.ts';
import { preparePhoto } from './lib/photo-file.ts';

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
  | 'photoNotImage'
  | 'photoTooMany'
  | 'photoShrinkFailed'
  | 'draftSaved'
  | 'draftRestored'
  | 'draftDiscard'
  | 'draftQueued'
  | 'sending',
  string
>;

type Config = {
  /** Tiles and the fallback's words (`basemapData`), with the words of the area's outline. */
  basemap: Basemap & { areaLabel: string };
  /** The tenant's area when small enough to send, else null (then `bbox` only). */
  area: GeoJSON.GeoJsonObject | null;
  /** The area's bounding box [west, south, east, north], or null without an area. */
  bbox: [number, number, number, number] | null;
  /** The tenant's id and the signed-in user's (null: anonymous), which the draft's key names. */
  tenant: string;
  userId: string | null;
  maxPhotos: number;
  /** The server's limit for one photo, in bytes: larger ones are shrunk first, or refused. */
  maxPhotoBytes: number;
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

/**
 * Enhances `form`. `fromServer`: the form is the server's answer to a send (its fields hold what was
 * sent); `carried`: the draft that send held, restored into it even when it could not be saved.
 */
function enhance(form: HTMLFormElement, cfg: Config, fromServer: boolean, carried?: Draft): void {
  const { texts } = cfg;
  nearby(form);
  // The offline copy is fetched without cookies: its data says anonymous, and so does its draft.
  const anonymous = cfg.userId === null;
  const key = draftKey(cfg.tenant, cfg.userId);
  /** Whether IndexedDB works here: unknown until the first open (then the form's own send is the fallback). */
  let storage: boolean | undefined;
  /** The report was filed: nothing of this form is saved again. */
  let sent = false;
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
    map = L.map(box, { zoomControl: false, attributionControl: Boolean(cfg.basemap.tileUrl) });
    L.control.zoom({ zoomInTitle: texts.zoomIn, zoomOutTitle: texts.zoomOut }).addTo(map);
    // Without tiles the area's outline and the pin still show where the report is.
    addBasemap(map, cfg.basemap, [
      ...(cfg.area ? [{ kind: 'area' as const, label: cfg.basemap.areaLabel, color: AREA_COLOR }] : []),
      { kind: 'point', label: texts.pinTitle, color: '#b00020', fill: '#b00020' },
    ]);
    let bounds: L.LatLngBounds | undefined;
    if (cfg.area) {
      bounds = L.geoJSON(cfg.area, {
        style: { color: '#0b5cad', weight: 2, fillOpacity: 0.05 },
        interactive: false,
      })
        .addTo(map)
        .getBounds();
    } else if (cfg.bbox) {
      const [west, south, east, north] = cfg.bbox;
      bounds = L.latLngBounds([south, west], [north, east]);
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
    // Said beside the field, the way the server says it: what was refused, and why.
    const photoMessage = el(
      'p',
      { className: 'error', hidden: true },
      { id: 'photo-message', role: 'alert' },
    );
    photoInput.before(photoMessage);
    photoInput.addEventListener('change', async () => {
      const chosen = [...(photoInput.files ?? [])];
      // The input shows what the form keeps, not the new choice, while the new one is prepared.
      syncInput();
      const problems: string[] = [];
      const ready: File[] = [];
      for (const file of chosen) {
        const prepared = await preparePhoto(file, cfg.maxPhotoBytes);
        if ('file' in prepared) ready.push(prepared.file);
        else
          problems.push(
            fill(prepared.refused === 'not_photo' ? texts.photoNotImage : texts.photoShrinkFailed, {
              name: file.name,
              limit: Math.round(cfg.maxPhotoBytes / 1024 / 1024),
            }),
          );
      }
      const before = photos.length;
      photos = mergePhotos(photos, ready, cfg.maxPhotos);
      const left = ready.length - (photos.length - before);
      if (left > 0 && photos.length >= cfg.maxPhotos) {
        problems.push(fill(texts.photoTooMany, { max: cfg.maxPhotos, count: left }));
      }
      photoMessage.textContent = problems.join(' ');
      photoMessage.hidden = problems.length === 0;
      const described = (photoInput.getAttribute('aria-describedby') ?? '')
        .split(' ')
        .filter((id) => id && id !== photoMessage.id);
      if (problems.length) described.push(photoMessage.id);
      photoInput.setAttribute('aria-describedby', described.join(' '));
      syncInput();
      renderPhotos();
      scheduleSave();
    });
  }

  // ---- the draft ----
  const current = (): Draft => ({
    owner: key,
    fields: draftFields(new FormData(form).entries()),
    photos: photos.map((f) => ({ name: f.name, type: f.type, blob: f })),
    queued,
    savedAt: new Date().toISOString(),
  });
  let timer: ReturnType<typeof setTimeout> | undefined;
  // Counts edits so that "kept" is only said of what the form shows: a save that finishes after
  // a newer edit says nothing, and the newer edit's own save will.
  let edits = 0;
  const saveNow = async () => {
    clearTimeout(timer);
    if (sent || storage === false) return;
    const draft = current();
    const edit = edits;
    try {
      if (!queued && !hasContent(draft.fields, draft.photos, defaults)) await removeDraft(key);
      else {
        await saveDraft(key, draft);
        if (!queued && edit === edits) draftStatus.textContent = texts.draftSaved;
      }
    } catch {
      // Not saved (a full disk, the quota with five photos): the form still sends what it holds.
    }
  };
  function scheduleSave() {
    clearTimeout(timer);
    edits += 1;
    if (!queued) draftStatus.textContent = '';
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

  /**
   * Sends what the form holds now to its action; the answer replaces the page's main content. A
   * signed-in person's draft goes with the page's session and CSRF token (a session that changed
   * since fails the token check); an anonymous draft — the offline copy's too, which cannot know
   * who is signed in — is sent without cookies, so never under someone's session.
   */
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
    if (!form.isConnected || sent) return;
    const draft = current();
    clearTimeout(retryTimer);
    say(texts.sending);
    if (submit) submit.disabled = true;
    let response: Response;
    try {
      const csrf = form.querySelector<HTMLInputElement>('input[name=_csrf]')?.value ?? '';
      const url = new URL(form.action);
      // Without cookies, the language cookie does not go either: the page's language does.
      if (anonymous && document.documentElement.lang)
        url.searchParams.set('lang', document.documentElement.lang);
      response = await fetch(url, {
        method: 'POST',
        body: draftBody(draft, anonymous ? '' : csrf),
        credentials: anonymous ? 'omit' : 'same-origin',
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
    let kept: Draft | undefined;
    if (response.status === 201) {
      // Filed: the draft goes, and with it an anonymous citizen's name, email and phone; nothing
      // typed meanwhile is saved again.
      sent = true;
      clearTimeout(timer);
      await removeDraft(key).catch(() => undefined);
    } else {
      // 409: the key was used for other content (a send whose answer was lost, then edited); the
      // edited draft is another report, with a key of its own.
      const fields =
        response.status === 409 && 'randomUUID' in crypto
          ? { ...draft.fields, _key: crypto.randomUUID() }
          : draft.fields;
      // A photo the server refused (not an image, too large) is not kept: a send of the draft
      // would fail on it again. The others stay.
      const refused = new Set(
        (page.querySelector('input[name=photo]')?.getAttribute('data-refused') ?? '')
          .split(' ')
          .filter(Boolean)
          .map(Number),
      );
      kept = { ...draft, fields, photos: draft.photos.filter((_, i) => !refused.has(i)), queued: false };
      await saveDraft(key, kept).catch(() => undefined);
    }
    map?.remove();
    const main = document.querySelector('main');
    const next = page.querySelector('main');
    if (!main || !next) return;
    document.title = page.title;
    main.replaceChildren(...next.childNodes);
    // The error summary when there is one (GOV.UK's pattern), else the page's heading.
    const summary = main.querySelector<HTMLElement>('.summary');
    const heading = main.querySelector('h1');
    if (summary) summary.focus();
    else if (heading) {
      heading.tabIndex = -1;
      heading.focus();
    }
    const again = main.querySelector<HTMLFormElement>('form[enctype="multipart/form-data"]');
    if (again) enhance(again, cfg, true, kept);
  };

  form.addEventListener('submit', async (event) => {
    // No IndexedDB at all: the browser sends the form itself, as without this script.
    if (storage === false) return;
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
    storage = await storageAvailable();
    let draft = carried;
    if (storage) {
      // A sign-out since the last page: every draft on the device goes first.
      await clearAfterSignOut(new URL('.', form.action).pathname);
      const now = Date.now();
      draft ??= usableDraft(await loadDraft(key).catch(() => undefined), key, now);
      // Expired drafts, anyone's, and drafts of an older format are deleted unread.
      await removeDrafts((k, value) => !usableDraft(value, k, now)).catch(() => undefined);
    }
    if (!draft) {
      // A form from the offline copy may carry a key already used: every fresh form gets its own.
      if (!fromServer && keyInput && 'randomUUID' in crypto) keyInput.value = crypto.randomUUID();
      return;
    }
    restore(draft, !fromServer);
    if (draft.queued && !sent) {
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

/** Reports near the pin (its own chunk: outside the page's first load, and not needed offline). */
function nearby(form: HTMLFormElement): void {
  import('./lib/nearby.ts').then((m) => m.watchNearby(form)).catch(() => undefined);
}

const form = document.querySelector<HTMLFormElement>('form[data-report-form]');
if (form && config) enhance(form, config, form.ownerDocument.querySelector('.summary') !== null);
