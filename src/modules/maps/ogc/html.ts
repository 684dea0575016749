/**
 * The OGC API's HTML answers (/req/html/content): an HTML 5 document showing everything its JSON
 * says, every link as an `<a>`. Drawn generically from the JSON document itself, so the two can
 * never say different things; small and without scripts, for a person checking a service.
 */
import type { Link } from './documents.ts';

const esc = (text: unknown) =>
  String(text ?? '').replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

/**
 * Whether a link may be followed from the page: the service's own are absolute http(s); a
 * feature's properties are an uploader's data and may hold anything (`javascript:` included).
 */
const followable = (href: unknown): href is string => typeof href === 'string' && /^https?:\/\//i.test(href);

function links(list: readonly Link[]): string {
  return `<ul class="links">${list
    .map((l) => {
      const label = `${esc(l.title ?? l.rel)} <small>(${esc(l.rel)}, ${esc(l.type)})</small>`;
      return followable(l.href)
        ? `<li><a href="${esc(l.href)}" rel="${esc(l.rel)}" type="${esc(l.type)}">${esc(l.title ?? l.rel)}</a> <small>(${esc(l.rel)}, ${esc(l.type)})</small></li>`
        : `<li>${esc(l.href)}: ${label}</li>`;
    })
    .join('')}</ul>`;
}

const isLinks = (value: unknown): value is Link[] =>
  Array.isArray(value) && value.every((v) => v && typeof v === 'object' && 'href' in v && 'rel' in v);

/** Any JSON value as nested lists; arrays of plain values on one line. */
function value(v: unknown, depth: number): string {
  if (v === null || v === undefined) return '<i>null</i>';
  if (typeof v !== 'object') return esc(String(v));
  if (isLinks(v)) return links(v);
  if (Array.isArray(v)) {
    if (v.every((x) => x === null || typeof x !== 'object')) return esc(v.map((x) => String(x)).join(', '));
    if (depth > 6) return `<code>${esc(JSON.stringify(v))}</code>`;
    return `<ol>${v.map((x) => `<li>${value(x, depth + 1)}</li>`).join('')}</ol>`;
  }
  if (depth > 6) return `<code>${esc(JSON.stringify(v))}</code>`;
  const entries = Object.entries(v as Record<string, unknown>);
  return `<dl>${entries.map(([k, x]) => `<dt>${esc(k)}</dt><dd>${value(x, depth + 1)}</dd>`).join('')}</dl>`;
}

/** The page of one OGC API document. */
export function htmlPage(lang: string, title: string, doc: Record<string, unknown>): string {
  const { links: own, title: _t, ...rest } = doc as { links?: Link[]; title?: string };
  // A geometry is one line of GeoJSON, not a list of thousands of positions.
  const body: Record<string, unknown> = { ...rest };
  if (body.geometry !== undefined) body.geometry = JSON.stringify(body.geometry);
  return `<!doctype html>
<html lang="${esc(lang)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:60rem;margin:1rem auto;padding:0 1rem;line-height:1.5}dt{font-weight:600}dd{margin:0 0 .5rem 1rem;overflow-wrap:anywhere}code{overflow-wrap:anywhere}</style>
</head><body><main><h1>${esc(title)}</h1>${own ? `<nav aria-label="Links">${links(own)}</nav>` : ''}${value(body, 0)}</main></body></html>`;
}
