/**
 * The report form's "reports near the pin" (portal/nearby.tsx): once a category is chosen and the
 * pin set, asks the public list of reports (the same API the public list uses: public reports only)
 * for the open ones of that category in a box around the pin, keeps those within the tenant's
 * radius, nearest first, and links each to its page, where the citizen can follow it instead of
 * filing it again. Loaded as its own chunk by `report-form.ts`, after the form is enhanced.
 */

/** Statuses in which a report is still being handled: worth following rather than filing again. */
const OPEN = ['received', 'awaiting_info', 'verified', 'disposed', 'in_progress', 'done', 'reopened'];
/** The most reports shown. */
const SHOWN = 5;

type Item = {
  trackingNo: string;
  description: string;
  status: string;
  lat: number | null;
  lng: number | null;
  createdAt: string;
};
type Texts = { distance: string; filed: string; status: Record<string, string> };

/** A coordinate as typed: a decimal point or comma, within `limit` degrees; else null. */
function coordinate(text: string, limit: number): number | null {
  const value = text.trim().replace(',', '.');
  if (!/^-?\d+(\.\d+)?$/.test(value)) return null;
  const n = Number(value);
  return Math.abs(n) <= limit ? n : null;
}

/** Great-circle distance in metres (haversine), as the server's `distanceM`. */
function distanceM(lat1: number, lng1: number, lat2: number, lng2: number): number {
  const rad = Math.PI / 180;
  const a =
    Math.sin(((lat2 - lat1) * rad) / 2) ** 2 +
    Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(((lng2 - lng1) * rad) / 2) ** 2;
  return 2 * 6_371_000 * Math.asin(Math.sqrt(a));
}

/** Watches the form's category and pin, and shows the open reports near the pin. */
export function watchNearby(form: HTMLFormElement): void {
  const box = document.getElementById('nearby-reports');
  const list = box?.querySelector('ul');
  const category = form.querySelector<HTMLSelectElement>('select[name=category]');
  const latInput = form.querySelector<HTMLInputElement>('input[name=lat]');
  const lngInput = form.querySelector<HTMLInputElement>('input[name=lng]');
  if (!box || !list || !category || !latInput || !lngInput) return;
  const radius = Number(box.dataset.radius);
  const texts = JSON.parse(box.dataset.texts ?? '{}') as Texts;
  const lang = document.documentElement.lang || 'id';
  const dates = new Intl.DateTimeFormat(lang, { dateStyle: 'medium' });
  let asked = '';
  let timer: ReturnType<typeof setTimeout> | undefined;

  const show = (items: readonly (Item & { m: number })[]) => {
    list.replaceChildren(
      ...items.map((r) => {
        const li = document.createElement('li');
        const a = document.createElement('a');
        a.href = `${box.dataset.page}${r.trackingNo}`;
        a.textContent = `${r.trackingNo}: ${r.description.length > 90 ? `${r.description.slice(0, 89)}…` : r.description}`;
        const meta = document.createElement('p');
        meta.className = 'meta';
        meta.textContent = [
          texts.status[r.status] ?? r.status,
          texts.distance.replace('{{m}}', String(Math.round(r.m))),
          texts.filed.replace('{{at}}', dates.format(new Date(r.createdAt))),
        ].join(' · ');
        li.append(a, meta);
        return li;
      }),
    );
    box.hidden = items.length === 0;
  };

  const look = async () => {
    const lat = coordinate(latInput.value, 90);
    const lng = coordinate(lngInput.value, 180);
    if (!category.value || lat === null || lng === null || !(radius > 0)) {
      asked = '';
      show([]);
      return;
    }
    // A box around the pin (what the API filters by), then the true distance.
    const dLat = radius / 111_320;
    const dLng = dLat / Math.max(Math.cos((lat * Math.PI) / 180), 0.01);
    const bbox = [lng - dLng, lat - dLat, lng + dLng, lat + dLat].map((n) => n.toFixed(6)).join(',');
    const key = `${category.value}|${bbox}`;
    if (key === asked) return;
    asked = key;
    const url = new URL(box.dataset.api ?? '', location.href);
    url.searchParams.set('category', category.value);
    url.searchParams.set('bbox', bbox);
    url.searchParams.set('limit', '50');
    url.searchParams.set('lang', lang);
    for (const s of OPEN) url.searchParams.append('status', s);
    try {
      const res = await fetch(url, { headers: { accept: 'application/json' }, credentials: 'omit' });
      if (!res.ok) throw new Error(String(res.status));
      const items = ((await res.json()) as { items: Item[] }).items;
      // An answer to an older question (the pin moved meanwhile) is not shown.
      if (key !== asked) return;
      show(
        items
          .filter((r) => r.lat !== null && r.lng !== null)
          .map((r) => ({ ...r, m: distanceM(lat, lng, r.lat!, r.lng!) }))
          .filter((r) => r.m <= radius)
          .sort((a, b) => a.m - b.m)
          .slice(0, SHOWN),
      );
    } catch {
      // Offline or refused: nothing to suggest; the form works all the same.
      asked = '';
      show([]);
    }
  };
  const soon = () => {
    clearTimeout(timer);
    timer = setTimeout(look, 400);
  };
  form.addEventListener('input', soon);
  form.addEventListener('change', soon);
  void look();
}
