/** Where the browser bundles are built to and served from (shared by the build and the server). */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** `dist/web/` at the project's root; the server serves it at `/assets/`. */
export const WEB_DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../dist/web');
