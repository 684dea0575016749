/**
 * What the citizen portal's browser tests share: a running server for kota-klien with the reports
 * app live, a roads category and an area (a square around Kota Tangerang), map tiles from a made-up
 * host that each browser context answers with a generated PNG, three photos on disk, Chromium; and
 * helpers to open a context, click the map, open and fill the report form, find reports through the
 * API, and read the drafts the page keeps in IndexedDB. Needs `npm run build` first.
 */
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import sharp from 'sharp';
import { launchChromium } from '../../../../test/support/browser.ts';
import {
  bearerFor,
  type Json,
  makeLive,
  makeStaff,
  makeTenant,
  startTest,
  type TestContext,
} from '../../../../test/support/harness.ts';
import { SYSTEM_ACTOR } from '../../../platform/sdk/index.ts';
import { reportsApp } from '../index.ts';
import { putCategory } from '../services/settings.ts';

export const TILES = 'https://tiles.balai.test/{z}/{x}/{y}.png';
/** The tenant's area: a square around the centre of Kota Tangerang. */
export const AREA = { west: 106.55, south: -6.3, east: 106.75, north: -6.1 };

/** Runs in the page: the draft kept for `key`, summarised (null when none). */
export async function draftInBrowser(key: string) {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const r = indexedDB.open('balai-drafts', 1);
    r.onupgradeneeded = () => r.result.createObjectStore('drafts');
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
  const draft = await new Promise<
    { queued: boolean; photos: unknown[]; fields: Record<string, string> } | undefined
  >((resolve, reject) => {
    const r = db.transaction('drafts').objectStore('drafts').get(key);
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
  db.close();
  return draft
    ? { queued: draft.queued, photos: draft.photos.length, description: draft.fields.description }
    : null;
}

/** Runs in the page: the keys of every draft kept on the device. */
export async function draftKeysInBrowser() {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const r = indexedDB.open('balai-drafts', 1);
    r.onupgradeneeded = () => r.result.createObjectStore('drafts');
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
  const keys = await new Promise<string[]>((resolve, reject) => {
    const r = db.transaction('drafts').objectStore('drafts').getAllKeys();
    r.onsuccess = () => resolve(r.result.map(String));
    r.onerror = () => reject(r.error);
  });
  db.close();
  return keys;
}

export type PortalClientContext = Awaited<ReturnType<typeof startPortalClient>>;

/** Boots the server and the browser with the above; close `browser`, then `t`. */
export async function startPortalClient() {
  let t: TestContext;
  let browser: Browser;
  let base = '';
  const photos: string[] = [];
  let tile: Buffer;
  /** The key of the anonymous visitor's draft on the tenant (`draftKey` in client/lib/draft.ts). */
  let anonKey = '';
  let tenantId = '';

  async function open(options: Parameters<Browser['newContext']>[0] = {}): Promise<[BrowserContext, Page]> {
    const context = await browser.newContext({ locale: 'id-ID', ...options });
    // Photos are resized and kept in IndexedDB by the page: on CI's two cores, shared with the
    // fuzz suite, one wait once took past Playwright's 30 s default. What is awaited still has to
    // happen; it may take longer.
    context.setDefaultTimeout(60_000);
    await context.route('https://tiles.balai.test/**', (route) =>
      route.fulfill({ status: 200, contentType: 'image/png', body: tile }),
    );
    return [context, await context.newPage()];
  }

  /** Clicks the map `dx`, `dy` pixels from its centre (where the tenant's area is). */
  async function clickMap(page: Page, dx: number, dy: number) {
    const box = await page.locator('#pin-map').boundingBox();
    assert.ok(box);
    await page.locator('#pin-map').click({ position: { x: box.width / 2 + dx, y: box.height / 2 + dy } });
  }

  async function openForm(page: Page) {
    await page.goto(`${base}/lapor`);
    await page.locator('#pin-map.leaflet-container').waitFor();
  }

  /** The public reports whose description has `words` (through the API). */
  async function reportsWith(words: string): Promise<Json[]> {
    const res = await t.app.inject({ url: `/t/kota-klien/api/v1/reports?q=${encodeURIComponent(words)}` });
    assert.equal(res.statusCode, 200, res.body);
    return (res.json() as { items: Json[] }).items;
  }

  async function fillReport(page: Page, description: string) {
    await page.getByLabel('Kategori').selectOption('roads');
    await page.getByLabel('Uraian').fill(description);
    await page.getByLabel('Alamat atau patokan lokasi').fill('Jl. Merdeka depan kantor pos');
    await clickMap(page, 0, 0);
    await page.locator('input[type=file]').setInputFiles([photos[0]!]);
    await page.locator('#photo-previews img').first().waitFor();
  }

  t = await startTest({
    modules: [reportsApp],
    env: { MAP_TILE_URL: TILES, MAP_TILE_ATTRIBUTION: '© Peta uji' },
  });
  const tenant = await makeTenant(t.platform, 'kota-klien');
  tenantId = tenant.id;
  anonKey = `draft:${tenant.id}:anon`;
  await makeLive(t.platform, tenant.id, 'reports');
  await t.platform.inTenant(tenant.id, SYSTEM_ACTOR, async (scope) => {
    await putCategory(scope, 'roads', { name: { id: 'Jalan rusak', en: 'Damaged roads' } });
  });
  const admin = await makeStaff(t.platform, tenant.id, ['tenant_admin']);
  const { west, south, east, north } = AREA;
  const res = await t.app.inject({
    method: 'PATCH',
    url: '/t/kota-klien/api/v1/settings',
    headers: await bearerFor(t.app, 'kota-klien', admin.email),
    payload: {
      area: {
        type: 'Polygon',
        coordinates: [
          [
            [west, south],
            [east, south],
            [east, north],
            [west, north],
            [west, south],
          ],
        ],
      },
    },
  });
  assert.equal(res.statusCode, 200, res.body);
  const address = await t.app.listen({ host: '127.0.0.1', port: 0 });
  base = `${address}/t/kota-klien`;
  const dir = path.join(os.tmpdir(), `balai-client-${process.pid}`);
  mkdirSync(dir, { recursive: true });
  for (const [i, color] of ['#6b5b4b', '#4b6b5b', '#5b4b6b'].entries()) {
    const file = path.join(dir, `foto-${i + 1}.jpg`);
    writeFileSync(
      file,
      await sharp({ create: { width: 320, height: 240, channels: 3, background: color } })
        .jpeg()
        .toBuffer(),
    );
    photos.push(file);
  }
  tile = await sharp({ create: { width: 256, height: 256, channels: 3, background: '#dfe8d8' } })
    .png()
    .toBuffer();
  browser = await launchChromium();
  return {
    t,
    browser,
    base,
    photos,
    tile,
    anonKey,
    tenantId,
    open,
    clickMap,
    openForm,
    reportsWith,
    fillReport,
  };
}
