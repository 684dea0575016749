/**
 * Serves what `src/web/build.ts` built: the files under `/assets/` (hashed names cached for a year,
 * pre-compressed with Brotli and gzip), the console's page for every path under `/t/<slug>/konsol`
 * with the tenant's configuration embedded, and the URLs of the portal's scripts by entry name.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { devMailboxServed } from '../platform/notify/routes.ts';
import type { Platform } from '../platform/platform.ts';
import type { VerifiedTenant } from '../platform/tenancy/directory.ts';
import { headerColor } from './branding.ts';
import { escapeMarkup, languageOf } from './language.ts';
import { WEB_DIST } from './paths.ts';

/** Registers `/assets/…` (at the root: the same files serve every tenant). */
export async function assetRoutes(app: FastifyInstance): Promise<void> {
  if (!existsSync(WEB_DIST)) return;
  await app.register(fastifyStatic, {
    root: WEB_DIST,
    prefix: '/assets/',
    dotfiles: 'deny',
    preCompressed: true,
    index: false,
    // Names carry a content hash: a changed file is a new name, so browsers may keep them.
    maxAge: '365d',
    immutable: true,
    schemaHide: true,
  });
}

type Built = { html: string; mtimeMs: number };
let consoleShell: Built | undefined;

/** The built console page, re-read when a new build replaced it. */
function shell(): string | undefined {
  const file = path.join(WEB_DIST, 'console', 'index.html');
  if (!existsSync(file)) return undefined;
  const { mtimeMs } = statSync(file);
  if (consoleShell?.mtimeMs !== mtimeMs) consoleShell = { html: readFileSync(file, 'utf8'), mtimeMs };
  return consoleShell.html;
}

/** JSON that is safe inside a `<script>` element. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replaceAll('<', '\\u003c')
    .replaceAll('\u2028', '\\u2028')
    .replaceAll('\u2029', '\\u2029');
}

/**
 * The CSP source of an XYZ tile URL template: its origin, with a `{s}` subdomain label (a, b, c…)
 * as a wildcard (`https://{s}.tile.example/{z}/{x}/{y}.png` → `https://*.tile.example`).
 */
export function tileSource(template: string): string {
  try {
    const url = new URL(template.replaceAll(/\{[xyz]\}/g, '0').replaceAll('{s}', 'a'));
    const host = template.includes('{s}.') ? url.host.replace(/^a\./, '*.') : url.host;
    return `${url.protocol}//${host}`;
  } catch {
    // The configuration was checked at boot.
    return '';
  }
}

/**
 * The Content-Security-Policy of Balai's pages: scripts from Balai only, tiles from the tile server,
 * and images from `imageUrls`' origins too (a tenant's logo on another host).
 */
export function contentSecurityPolicy(
  platform: Platform,
  imageUrls: readonly (string | null)[] = [],
  frameUrls: readonly string[] = [],
): string {
  const tiles = platform.config.map.tileUrl;
  const images = [...(tiles ? [tileSource(tiles)] : []), ...httpsOrigins(imageUrls)];
  const frames = httpsOrigins(frameUrls);
  return [
    "default-src 'self'",
    "script-src 'self'",
    // Leaflet and React set style attributes; no script can run from a style.
    "style-src 'self' 'unsafe-inline'",
    `img-src 'self' data: blob:${images.map((o) => ` ${o}`).join('')}`,
    ...(frames.length > 0 ? [`frame-src 'self' ${frames.join(' ')}`] : []),
    "connect-src 'self'",
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "object-src 'none'",
  ].join('; ');
}

/** The distinct origins of the https URLs among `urls` (anything else would widen the policy). */
function httpsOrigins(urls: readonly (string | null | undefined)[]): string[] {
  const out = new Set<string>();
  for (const url of urls) {
    if (!url?.startsWith('https://')) continue;
    try {
      out.add(new URL(url).origin);
    } catch {
      // Not a URL: what it names will not load, and nothing else is allowed.
    }
  }
  return [...out];
}

/** What the console's page is told (`ConsoleConfig` in console/api.ts). */
export function consoleConfig(platform: Platform, tenant: VerifiedTenant, request: FastifyRequest) {
  const lang = languageOf(request);
  return {
    base: `/t/${tenant.slug}`,
    slug: tenant.slug,
    tenantName: tenant.branding.displayName || tenant.name,
    lang,
    primaryColor: headerColor(tenant.branding.primaryColor),
    logoUrl: tenant.branding.logoUrl ?? null,
    tileUrl: platform.config.map.tileUrl ?? null,
    tileAttribution: platform.config.map.attribution,
    timeZone: tenant.timeZone,
    area: tenant.area,
    apps: platform.directory.liveApps(tenant.id),
    devMailbox: devMailboxServed(platform.config),
  };
}

/** `GET /konsol` and everything under it: the console's single page, in the tenant's settings. */
export function consoleRoutes(app: FastifyInstance, platform: Platform) {
  const send = async (request: FastifyRequest, reply: FastifyReply) => {
    const html = shell();
    const tenant = request.tenant!;
    if (!html) {
      return reply
        .status(503)
        .type('text/plain; charset=utf-8')
        .send('The console has not been built: run `npm run build`.');
    }
    const config = consoleConfig(platform, tenant, request);
    // Replacer functions: a `$&` or `$'` in a tenant's name is text, not a replacement pattern.
    const page = html
      .replace('<html lang="id">', () => `<html lang="${config.lang}">`)
      .replace(
        '<title>Konsol · Balai</title>',
        () => `<title>Konsol · ${escapeMarkup(config.tenantName)}</title>`,
      )
      .replace(
        '<!--balai-config-->',
        () => `<script type="application/json" id="balai-config">${scriptJson(config)}</script>`,
      );
    return reply
      .header('cache-control', 'no-store')
      .header('content-security-policy', contentSecurityPolicy(platform, [tenant.branding.logoUrl ?? null]))
      .header('x-content-type-options', 'nosniff')
      .header('referrer-policy', 'same-origin')
      .type('text/html; charset=utf-8')
      .send(page);
  };
  app.get('/konsol', { config: { auth: 'optional' } }, send);
  app.get('/konsol/*', { config: { auth: 'optional' } }, send);
}

type Manifest = Record<string, { file: string; isEntry?: boolean; css?: string[]; imports?: string[] }>;

/** A built portal entry: its script URL, the style sheets it needs, and the chunks it imports. */
export type PortalEntry = Readonly<{ script: string; styles: string[]; imports: string[]; file: string }>;
let portalManifest: { entries: Map<string, PortalEntry>; mtimeMs: number } | undefined;

/** The built portal entries by name, re-read when a new build replaced the manifest. */
function portalEntries(): Map<string, PortalEntry> | undefined {
  const file = path.join(WEB_DIST, 'portal', '.vite', 'manifest.json');
  if (!existsSync(file)) return undefined;
  const { mtimeMs } = statSync(file);
  if (portalManifest?.mtimeMs !== mtimeMs) {
    const manifest = JSON.parse(readFileSync(file, 'utf8')) as Manifest;
    const url = (f: string) => `/assets/portal/${f}`;
    // Every chunk an entry loads, its static imports' imports included (once each).
    const closure = (key: string, seen: Set<string>) => {
      for (const dep of manifest[key]?.imports ?? []) {
        if (seen.has(dep)) continue;
        seen.add(dep);
        closure(dep, seen);
      }
      return seen;
    };
    const entries = new Map<string, PortalEntry>();
    for (const [src, item] of Object.entries(manifest)) {
      if (!item.isEntry) continue;
      const deps = [...closure(src, new Set())];
      entries.set(path.basename(src).replace(/\.ts$/, ''), {
        script: url(item.file),
        file: path.join(WEB_DIST, 'portal', item.file),
        imports: deps.map((d) => url(manifest[d]!.file)),
        styles: [item, ...deps.map((d) => manifest[d]!)].flatMap((i) => (i.css ?? []).map(url)),
      });
    }
    portalManifest = { entries, mtimeMs };
  }
  return portalManifest.entries;
}

/** A built portal entry by name (`report-form` for `src/modules/reports/portal/client/report-form.ts`). */
export function portalEntry(name: string): PortalEntry | undefined {
  return portalEntries()?.get(name);
}

/**
 * The URL of a built portal script by its entry name (`report-form` for
 * `src/modules/reports/portal/client/report-form.ts`), or undefined when it was not built.
 */
export function portalScript(name: string): string | undefined {
  return portalEntry(name)?.script;
}
