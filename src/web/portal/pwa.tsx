/**
 * What makes a tenant's portal installable and usable offline (ADR 0013): the web app manifest
 * (`/manifest.webmanifest`), its PNG icons drawn from the tenant's initials (`/icon-192.png`,
 * `/icon-512.png`, made once per tenant, colour and size, then kept in memory), the service worker
 * at `/sw.js` (the built `client/sw.ts` with its settings prepended; at the portal's root so that
 * its scope is the whole portal, never cached by the browser without asking) and the offline page
 * it precaches (`/luring`).
 */

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import sharp from 'sharp';
import type { Platform } from '../../platform/platform.ts';
import type { VerifiedTenant } from '../../platform/tenancy/directory.ts';
import { escapeMarkup } from '../language.ts';
import { portalEntry } from '../serve.ts';
import { headerColor, portalContext, sendPage } from './kit.tsx';

export const ICON_SIZES = [192, 512] as const;

/** Up to two initials of a name, skipping the kind of region ("Kota Tangerang" → "T", "Kabupaten Luwu Timur" → "LT"). */
export function initials(name: string): string {
  const words = name
    .split(/\s+/)
    .filter((w) => w && !/^(kota|kabupaten|kab\.?|provinsi|prov\.?|city|regency|province|of)$/i.test(w));
  const letters = words.map((w) => [...w][0]?.toUpperCase() ?? '').filter((c) => /\p{L}|\p{N}/u.test(c));
  return letters.slice(0, 2).join('') || 'B';
}

const icons = new Map<string, Promise<Buffer>>();

/** The tenant's icon at `size` pixels: its initials in white on its header colour (cached). */
export function tenantIcon(tenant: VerifiedTenant, size: number): Promise<Buffer> {
  const color = headerColor(tenant.branding.primaryColor);
  const text = initials(tenant.branding.displayName || tenant.name);
  const key = `${color}|${text}|${size}`;
  let icon = icons.get(key);
  if (!icon) {
    // Drawn on a 512 grid; the safe zone of a maskable icon is the inner 80 %.
    const fontSize = text.length > 1 ? 190 : 240;
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 512 512"><rect width="512" height="512" fill="${color}"/><text x="256" y="256" dy=".35em" font-family="DejaVu Sans, Arial, sans-serif" font-weight="700" font-size="${fontSize}" fill="#fff" text-anchor="middle">${escapeMarkup(text)}</text></svg>`;
    icon = sharp(Buffer.from(svg)).png().toBuffer();
    icon.catch(() => icons.delete(key));
    icons.set(key, icon);
  }
  return icon;
}

/** The service worker's settings for a tenant: what to precache and what answers offline. */
function workerSettings(platform: Platform, tenant: VerifiedTenant) {
  const base = `/t/${tenant.slug}`;
  const live = platform.liveModules(tenant.id);
  const entries = ['register', ...live.flatMap((m) => m.offline?.scripts ?? [])];
  const assets = entries.flatMap((name) => {
    const e = portalEntry(name);
    return e ? [e.script, ...e.imports, ...e.styles] : [];
  });
  const fallbacks: Record<string, string> = Object.fromEntries(
    live.flatMap((m) => m.offline?.pages ?? []).map((p) => [`${base}${p.path}`, `${base}${p.offline}`]),
  );
  const settings = { base, offline: `${base}/luring`, fallbacks, assets };
  const version = createHash('sha256').update(JSON.stringify(settings)).digest('hex').slice(0, 16);
  return { version, ...settings };
}

export function pwaRoutes(app: FastifyInstance, platform: Platform) {
  app.get('/manifest.webmanifest', { config: { auth: 'none' } }, async (request, reply) => {
    const ctx = portalContext(platform, request);
    const { tenant } = ctx;
    const name = tenant.branding.displayName || tenant.name;
    const color = headerColor(tenant.branding.primaryColor);
    return reply
      .type('application/manifest+json; charset=utf-8')
      .header('cache-control', 'no-cache')
      .send(
        JSON.stringify({
          id: `${ctx.base}/`,
          name,
          short_name: name.length > 12 ? initials(name) : name,
          lang: ctx.lang,
          start_url: `${ctx.base}/`,
          scope: `${ctx.base}/`,
          display: 'standalone',
          theme_color: color,
          background_color: '#f6f7f9',
          icons: ICON_SIZES.map((size) => ({
            src: `${ctx.base}/icon-${size}.png`,
            sizes: `${size}x${size}`,
            type: 'image/png',
            purpose: 'any',
          })),
        }),
      );
  });

  for (const size of ICON_SIZES) {
    app.get(`/icon-${size}.png`, { config: { auth: 'none' } }, async (request, reply) => {
      const png = await tenantIcon(request.tenant!, size);
      return reply.type('image/png').header('cache-control', 'public, max-age=86400').send(png);
    });
  }

  app.get('/sw.js', { config: { auth: 'none' } }, async (request, reply) => {
    const entry = portalEntry('sw');
    if (!entry) return reply.status(404).type('text/plain').send('not built');
    const settings = workerSettings(platform, request.tenant!);
    const code = readFileSync(entry.file, 'utf8').replace(/\n\/\/# sourceMappingURL=.*\s*$/, '\n');
    return reply
      .type('text/javascript; charset=utf-8')
      .header('cache-control', 'no-cache')
      .header('x-content-type-options', 'nosniff')
      .send(`self.BALAI_SW=${JSON.stringify(settings)};\n${code}`);
  });

  app.get('/luring', { config: { auth: 'optional' } }, async (request, reply) => {
    const ctx = portalContext(platform, request);
    const { t } = ctx;
    const pages = platform.liveModules(ctx.tenant.id).flatMap((m) => m.offline?.pages ?? []);
    return sendPage(reply, ctx, {
      title: t('portal.offlineTitle'),
      body: (
        <>
          <h1>{t('portal.offlineTitle')}</h1>
          <p>{t('portal.offlineIntro')}</p>
          {pages.map((page) => (
            <p key={page.path}>
              {t(page.text)} <a href={`${ctx.base}${page.path}`}>{t(page.label)}</a>
            </p>
          ))}
          <p>
            <a href={`${ctx.base}/`}>{t('portal.retry')}</a>
          </p>
        </>
      ),
    });
  });
}
