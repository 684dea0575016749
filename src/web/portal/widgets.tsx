/**
 * Apps' widgets in other apps' pages (`AppManifest.widgets`): a page's HTML names a widget with a
 * placeholder, `<div data-widget="<app>.<id>"></div>`, and the portal draws it there for each
 * request. The page's app never imports the widget's app; a widget of an app that is not live for
 * the tenant (or no longer exists) draws nothing, so a page never breaks when an app is withdrawn.
 */
import type { FastifyRequest } from 'fastify';
import { renderToStaticMarkup } from 'react-dom/server';
import { offeredWidgets } from '../../platform/catalogue/widgets.ts';
import type { Platform } from '../../platform/platform.ts';

/** A widget's placeholder as the websites' sanitiser writes it (its only attribute, no content). */
const PLACEHOLDER = /<div data-widget="([a-z0-9-]+\.[a-z0-9-]+)"\s*>\s*<\/div>/g;

/** The markup of one widget for this request, in its wrapper; empty when it is not offered here. */
export async function renderWidget(platform: Platform, request: FastifyRequest, id: string): Promise<string> {
  const widget = offeredWidgets(platform, request.tenant!.id).find((w) => w.id === id);
  if (!widget) return '';
  try {
    const node = await widget.def.render(request, platform);
    if (node === null) return '';
    return `<div class="widget" data-widget="${id}">${renderToStaticMarkup(node)}</div>`;
  } catch (error) {
    // A widget that fails leaves its place empty: the page it sits in is still served.
    request.log.warn({ err: error, widget: id }, 'widget failed to render');
    return '';
  }
}

/** `html` with each widget placeholder replaced by the widget drawn for this request. */
export async function expandWidgets(
  platform: Platform,
  request: FastifyRequest,
  html: string,
): Promise<string> {
  if (!html.includes('data-widget=')) return html;
  const ids = new Set([...html.matchAll(PLACEHOLDER)].map((m) => m[1]!));
  const drawn = new Map<string, string>();
  for (const id of ids) drawn.set(id, await renderWidget(platform, request, id));
  return html.replace(PLACEHOLDER, (_all, id: string) => drawn.get(id) ?? '');
}
