/**
 * The app modules installed in this build, in registration order. Adding an app is adding its
 * folder under `src/modules/` and its manifest here; removing the line removes the app.
 */
import type { AppManifest } from '../platform/catalogue/manifest.ts';
import { marketPricesApp } from './market-prices/index.ts';
import { reportsApp } from './reports/index.ts';

export const MODULES: readonly AppManifest[] = [reportsApp, marketPricesApp];
