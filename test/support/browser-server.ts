/**
 * One Chromium for the whole test run (node's `--test-global-setup`): started once before the
 * first suite, its address handed to every suite's process in `BALAI_BROWSER_WS`, closed after the
 * last. Each suite connects to it (`launchChromium`) and works in contexts of its own, so suites
 * that run at the same time share no cookies, storage or service workers.
 */
import type { BrowserServer } from 'playwright-core';
import { launchServer } from './browser.ts';

let server: BrowserServer | undefined;

export async function globalSetup() {
  server = await launchServer();
  process.env.BALAI_BROWSER_WS = server.wsEndpoint();
}

export async function globalTeardown() {
  await server?.close();
}
