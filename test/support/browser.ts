/**
 * The browser suites' shared parts: Debian's Chromium through playwright-core (never a downloaded
 * browser), axe-core's WCAG 2.1 A/AA check of a page, and screenshots at phone and desktop sizes
 * written to test-results/screenshots/ for review.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { type Browser, type BrowserServer, chromium, type Page } from 'playwright-core';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
export const SHOTS = path.resolve('test-results', 'screenshots');

/** The flags this machine needs (headless, no sandbox as root, no background network). */
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Starts a Chromium that test processes connect to (see browser-server.ts). */
export function launchServer(): Promise<BrowserServer> {
  return chromium.launchServer({ executablePath: CHROMIUM, args: ARGS });
}

/**
 * The browser for a suite: the run's shared Chromium when there is one (`BALAI_BROWSER_WS`), else
 * one of its own. Closing it ends the suite's contexts, and the suite's own browser if it started one.
 */
export async function launchChromium(): Promise<Browser> {
  mkdirSync(SHOTS, { recursive: true });
  const shared = process.env.BALAI_BROWSER_WS;
  if (shared) return chromium.connect(shared);
  return chromium.launch({ executablePath: CHROMIUM, args: ARGS });
}

/**
 * axe-core's WCAG 2.1 A/AA violations on the page as it is now, one line each (empty: none). axe is
 * evaluated by the driver, not added as a script element, so that pages with a Content-Security-Policy
 * (no inline script) are checked as they are.
 */
export async function axeViolations(page: Page): Promise<string[]> {
  // Evaluated through the DevTools protocol, which the pages' Content-Security-Policy does not block.
  await page.evaluate(AXE);
  const result = (await page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run: (o: object) => Promise<unknown> } }).axe;
    return axe.run({ runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
  })) as { violations: Array<{ id: string; help: string; nodes: Array<{ target: string[] }> }> };
  return result.violations.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
  );
}

/** Screenshots of the page at desktop (1280×800) and phone (390×844) sizes, as `<name>-desktop.png` / `-phone.png`. */
export async function screenshots(page: Page, name: string): Promise<void> {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.screenshot({ path: path.join(SHOTS, `${name}-desktop.png`), fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: path.join(SHOTS, `${name}-phone.png`), fullPage: true });
  await page.setViewportSize({ width: 1280, height: 800 });
}
